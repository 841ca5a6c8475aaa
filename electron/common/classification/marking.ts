// Banner lines and portion marks, DoDM 5200.01 Vol 2 Enclosure 4 (CAPCO syntax): categories are
// separated by `//`, in the order CLASSIFICATION//FGI//DISSEMINATION (Encl 4 para 1.b). U.S.,
// foreign (`//DEU SECRET`) and JOINT classifications are mutually exclusive (Encl 4 para 1.d).
import { compareCountryCodes, sortCountryCodes } from './countries.js';
import type { Classification, ForeignOrigin, NatoLevel, UsLevel } from './model.js';
import { FOREIGN_LEVELS, NATO_LEVELS, UNCLASSIFIED, US_LEVELS, foreignLevelRank, foreignOrigins, usLevelRank } from './model.js';

const US_PORTION: Record<UsLevel, string> = { UNCLASSIFIED: 'U', CONFIDENTIAL: 'C', SECRET: 'S', 'TOP SECRET': 'TS' };

/** Foreign levels by rank, RESTRICTED to TOP SECRET: (//DEU S), (//GBR R) (Encl 4 para 4.a(2)). */
const FOREIGN_PORTION = ['R', 'C', 'S', 'TS'] as const;

// Encl 4 para 4.b(2). ATOMAL keeps the DoDM spelling: `//SECRET ATOMAL` (//NS-A) and
// `//CONFIDENTIAL ATOMAL` (//NC-A) drop the word NATO; `//COSMIC TOP SECRET ATOMAL` (//CTS-A).
// NATO's own directive (AC/35-D/2002) writes NATO SECRET ATOMAL; U.S. markings follow the DoDM.
const NATO_MARKS: Record<NatoLevel, { banner: string; portion: string; atomalBanner: string | null }> = {
  'NATO RESTRICTED': { banner: 'NATO RESTRICTED', portion: 'NR', atomalBanner: null },
  'NATO CONFIDENTIAL': { banner: 'NATO CONFIDENTIAL', portion: 'NC', atomalBanner: 'CONFIDENTIAL ATOMAL' },
  'NATO SECRET': { banner: 'NATO SECRET', portion: 'NS', atomalBanner: 'SECRET ATOMAL' },
  'COSMIC TOP SECRET': { banner: 'COSMIC TOP SECRET', portion: 'CTS', atomalBanner: 'COSMIC TOP SECRET ATOMAL' },
};

type Colours = { background: string; text: string };

/** Screen banner colours (DOMAIN.md, from the SF 706-712 labels); SCI is not modelled. */
const LEVEL_COLOURS: Record<UsLevel, Colours> = {
  UNCLASSIFIED: { background: '#007a33', text: '#ffffff' },
  CONFIDENTIAL: { background: '#0033a0', text: '#ffffff' },
  SECRET: { background: '#c8102e', text: '#ffffff' },
  'TOP SECRET': { background: '#ff8c00', text: '#000000' },
};
const CUI_COLOURS: Colours = { background: '#502b85', text: '#ffffff' };

/** The banner line: `SECRET//FGI DEU//REL TO USA, GBR`, `CUI`, `//DEU SECRET`, `//NATO SECRET`. */
export function bannerMarking(c: Classification): string {
  if (c.whollyForeign && c.foreign !== null) {
    return joinCategories(`//${foreignBannerClassification(c.foreign)}`, disseminationBanner(c));
  }
  // CUI keeps its limited dissemination control in the banner, `CUI//NOFORN` (32 CFR 2002.20(b)).
  const head = c.level === 'UNCLASSIFIED' && c.cui ? 'CUI' : levelBannerMarking(c.level);
  return joinCategories(head, fgiBanner(c), disseminationBanner(c));
}

/** The portion mark: `(S)`, `(CUI)`, `(S//NF)`, `(//DEU S)`, `(//FGI S)`, `(//NS)`, `(//GBR R)`. */
export function portionMarking(c: Classification): string {
  const head = c.foreign !== null ? `//${foreignPortionClassification(c, c.foreign)}` : usPortionClassification(c);
  const dissemination = c.noforn ? 'NF' : c.relTo.length > 0 ? relToMarking(c.relTo) : '';
  return `(${joinCategories(head, dissemination)})`;
}

/** The system-high banner for a bare U.S. level; the level names are already the banner words. */
export function levelBannerMarking(level: UsLevel): string {
  return level;
}

export function bannerColours(c: Classification): Colours {
  if (c.level === 'UNCLASSIFIED' && c.cui) return { ...CUI_COLOURS };
  return { ...LEVEL_COLOURS[c.level] };
}

/**
 * The marking of a page, list or bundle that shows every item (32 CFR 2001.23-2001.24; DoDM
 * 5200.01 V2 Encl 4 paras 9 and 10). The result is normalised (codes sorted), so it is
 * order-independent and idempotent: highestClassification([highestClassification(xs)]) equals it.
 */
export function highestClassification(list: readonly Classification[]): Classification {
  if (list.length === 0) return { ...UNCLASSIFIED, relTo: [] };
  const level = US_LEVELS[Math.max(...list.map((c) => usLevelRank(c.level)))] ?? 'UNCLASSIFIED';
  // CUI shows only on an unclassified page: the classification protects it otherwise, as the
  // schema demands (and as Encl 4 para 10.b(3) does for FOUO).
  const cui = level === 'UNCLASSIFIED' && list.some((c) => c.cui);
  const wholly = whollyForeignOrigin(list);
  const foreign = wholly ?? aggregateForeign(list);
  // Encl 4 para 9.e: where one or more governments must be concealed, the banner carries no
  // country codes at all, so a single concealed portion hides every origin. The record keeps them.
  const concealSource = wholly === null && list.some((c) => c.concealSource);
  return { level, cui, foreign, whollyForeign: wholly !== null, concealSource, ...aggregateDissemination(list) };
}

function joinCategories(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('//');
}

function usPortionClassification(c: Classification): string {
  return c.level === 'UNCLASSIFIED' && c.cui ? 'CUI' : US_PORTION[c.level];
}

/** `FGI DEU GBR NATO` (Encl 4 para 9.d), or plain `FGI` when a source is concealed (para 9.e). */
function fgiBanner(c: Classification): string {
  if (c.foreign === null) return '';
  return c.concealSource ? 'FGI' : `FGI ${foreignOrigins(c).join(' ')}`;
}

/** NOFORN wins over REL TO (Encl 4 para 10.d(7)); REL TO lists USA first (para 10.d(4)). */
function disseminationBanner(c: Classification): string {
  if (c.noforn) return 'NOFORN';
  return c.relTo.length > 0 ? relToMarking(c.relTo) : '';
}

function relToMarking(relTo: readonly string[]): string {
  return `REL TO ${['USA', ...sortCountryCodes(relTo)].join(', ')}`;
}

function foreignBannerClassification(origin: ForeignOrigin): string {
  if (origin.kind === 'nato') {
    const marks = NATO_MARKS[origin.level];
    return origin.atomal && marks.atomalBanner !== null ? marks.atomalBanner : marks.banner;
  }
  const countries = sortCountryCodes(origin.countries);
  // A product of several foreign governments is JOINT, codes alphabetical (Encl 4 para 5.d-e).
  return countries.length > 1 ? `JOINT ${origin.level} ${countries.join(' ')}` : `${countries.join(' ')} ${origin.level}`;
}

function foreignPortionClassification(c: Classification, origin: ForeignOrigin): string {
  const level = FOREIGN_PORTION[foreignLevelRank(origin)] ?? 'TS';
  if (c.concealSource) return `FGI ${level}`;
  if (origin.kind === 'nato') {
    const portion = NATO_MARKS[origin.level].portion;
    return origin.atomal && origin.level !== 'NATO RESTRICTED' ? `${portion}-A` : portion;
  }
  const countries = sortCountryCodes(origin.countries);
  return countries.length > 1 ? `JOINT ${level} ${countries.join(' ')}` : `${countries.join(' ')} ${level}`;
}

/** The shared origin when every item is a foreign document from the same government(s) or NATO. */
function whollyForeignOrigin(list: readonly Classification[]): ForeignOrigin | null {
  const origins: ForeignOrigin[] = [];
  for (const c of list) {
    if (!c.whollyForeign || c.foreign === null) return null;
    origins.push(c.foreign);
  }
  const key = foreignOrigins(list[0] ?? UNCLASSIFIED).join(' ');
  if (list.some((c) => foreignOrigins(c).join(' ') !== key)) return null;
  return mergeOrigins(origins, sortCountryCodes(origins.flatMap(originCodes)));
}

/** FGI in a U.S. page: the union of origins at the highest foreign level (Encl 4 paras 4.b(4), 9.d). */
function aggregateForeign(list: readonly Classification[]): ForeignOrigin | null {
  const origins = list.flatMap((c) => (c.foreign === null ? [] : [c.foreign]));
  if (origins.length === 0) return null;
  return mergeOrigins(origins, sortCountryCodes(origins.flatMap(originCodes)));
}

function mergeOrigins(origins: readonly ForeignOrigin[], codes: string[]): ForeignOrigin {
  const rank = Math.max(...origins.map(foreignLevelRank));
  if (codes.length === 1 && codes[0] === 'NATO') {
    const atomal = origins.some((o) => o.kind === 'nato' && o.atomal);
    return { kind: 'nato', level: NATO_LEVELS[rank] ?? 'COSMIC TOP SECRET', atomal };
  }
  // Countries and NATO together: the banner needs only the codes and the level, so ATOMAL, which
  // the country form cannot carry, is left to the NATO portions themselves.
  return { kind: 'country', countries: codes, level: FOREIGN_LEVELS[rank] ?? 'TOP SECRET' };
}

function originCodes(origin: ForeignOrigin): string[] {
  return origin.kind === 'nato' ? ['NATO'] : [...origin.countries];
}

/**
 * NOFORN if any portion is NOFORN (Encl 4 para 10.d(7)). Otherwise REL TO only when every
 * controlled portion (classified, CUI or FGI) carries REL TO, listing the countries common to all
 * (para 10.d(8)); plain unclassified portions do not count. Where a controlled portion has no REL
 * TO, or the lists share no country, the banner carries no release marking at all: that is the
 * DoD rule of para 10.d(8)(a), and DoD may apply NOFORN only to intelligence (para 2.b, 2.f), so
 * it is not invented here. Without REL TO nothing is releasable until a disclosure official decides.
 */
function aggregateDissemination(list: readonly Classification[]): { noforn: boolean; relTo: string[] } {
  if (list.some((c) => c.noforn)) return { noforn: true, relTo: [] };
  const controlled = list.filter((c) => c.level !== 'UNCLASSIFIED' || c.cui || c.foreign !== null);
  if (controlled.length === 0 || controlled.some((c) => c.relTo.length === 0)) return { noforn: false, relTo: [] };
  const [first, ...rest] = controlled.map((c) => new Set(c.relTo));
  const common = [...(first ?? [])].filter((code) => rest.every((set) => set.has(code)));
  return { noforn: false, relTo: common.sort(compareCountryCodes) };
}
