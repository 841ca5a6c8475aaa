// The classification of one record or piece of material (DoDM 5200.01 V2, 32 CFR 2001.54).
// Foreign government information keeps its own level and origin *and* a U.S. equivalent level,
// as separate fields: RESTRICTED has no U.S. equivalent and is usually protected as CONFIDENTIAL.
import { z } from 'zod';
import { compareCountryCodes, isCountryTrigraph, isKnownCountryCode } from './countries.js';

export const US_LEVELS = ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'] as const;
export type UsLevel = (typeof US_LEVELS)[number];

/** The foreign government's own level, in its English form. */
export const FOREIGN_LEVELS = ['RESTRICTED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'] as const;
export type ForeignLevel = (typeof FOREIGN_LEVELS)[number];

export const NATO_LEVELS = ['NATO RESTRICTED', 'NATO CONFIDENTIAL', 'NATO SECRET', 'COSMIC TOP SECRET'] as const;
export type NatoLevel = (typeof NATO_LEVELS)[number];

/**
 * ISO 3166-1 alpha-3 code (trigraph), upper case, or the NATO tetragraph (DoDM 5200.01 V2 Encl 4
 * paras 9.d and 10.d list organisation tetragraphs after the trigraphs). Never USA: it is not foreign.
 */
export const trigraphSchema = z
  .string()
  .regex(/^([A-Z]{3}|NATO)$/, 'must be an ISO 3166 three-letter country code, e.g. DEU')
  .refine(isKnownCountryCode, 'is not an ISO 3166 country code')
  .refine((code) => code !== 'USA', 'USA is not a foreign government');

export const foreignOriginSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('country'),
    /**
     * Countries of origin, trigraphs; a joint product of several governments lists each. NATO may
     * appear beside countries only in the aggregate marking of a U.S. page (`FGI DEU NATO`), whose
     * union may name many governments: hence the generous maximum.
     */
    countries: z.array(trigraphSchema).min(1, 'name at least one country of origin').max(250),
    level: z.enum(FOREIGN_LEVELS),
  }),
  z.object({
    kind: z.literal('nato'),
    level: z.enum(NATO_LEVELS),
    /** ATOMAL information (NATO), kept 10 years. */
    atomal: z.boolean().default(false),
  }),
]);
export type ForeignOrigin = z.infer<typeof foreignOriginSchema>;

const classificationObject = z.object({
  /** U.S. level, or the U.S. equivalent under which foreign information is protected. */
  level: z.enum(US_LEVELS),
  /** Controlled unclassified information; only meaningful when level is UNCLASSIFIED. */
  cui: z.boolean().default(false),
  /** Foreign government information: origin and the foreign level. */
  foreign: foreignOriginSchema.nullable().default(null),
  /** The whole document is foreign (banner `//DEU SECRET`), not U.S. with foreign portions. */
  whollyForeign: z.boolean().default(false),
  /** Portion marks conceal the source country, `(//FGI S)`; the record still keeps it. */
  concealSource: z.boolean().default(false),
  noforn: z.boolean().default(false),
  /** REL TO countries besides USA, trigraphs (or NATO). Cannot be combined with NOFORN. */
  relTo: z.array(trigraphSchema).max(40).default([]),
});

export const classificationSchema = classificationObject.superRefine((c, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (c.cui && c.level !== 'UNCLASSIFIED') issue('cui', 'CUI applies only to unclassified information');
  if (c.noforn && c.relTo.length > 0) issue('relTo', 'NOFORN and REL TO cannot be combined');
  // DoDM 5200.01 V2 Encl 4 para 10.d(3) and App 1 para 2.c: REL TO and NOFORN go with a
  // classification or CUI; foreign RESTRICTED information counts as controlled too.
  if ((c.noforn || c.relTo.length > 0) && c.level === 'UNCLASSIFIED' && !c.cui && c.foreign === null) {
    issue(c.noforn ? 'noforn' : 'relTo', 'NOFORN and REL TO apply only to classified information or CUI');
  }
  if (new Set(c.relTo).size !== c.relTo.length) issue('relTo', 'list each country once');
  if (c.foreign === null) {
    if (c.whollyForeign || c.concealSource) issue('foreign', 'name the foreign origin of foreign government information');
    return;
  }
  checkForeign(c, c.foreign, issue);
});

export type Classification = z.infer<typeof classificationSchema>;
export type ClassificationInput = z.input<typeof classificationSchema>;

type IssueReporter = (path: string, message: string) => void;

function checkForeign(c: Classification, origin: ForeignOrigin, issue: IssueReporter): void {
  // E.O. 13526 sec. 4.1(g), 32 CFR 2001.54(a): protection at least equivalent to the originator's.
  const minimum = minimumUsLevel(origin);
  if (usLevelRank(c.level) < usLevelRank(minimum)) {
    issue('level', `${origin.level} foreign government information needs a U.S. equivalent level of ${minimum} or above`);
  }
  if (origin.kind === 'country') {
    if (new Set(origin.countries).size !== origin.countries.length) issue('foreign', 'list each country once');
    if (!origin.countries.some(isCountryTrigraph)) issue('foreign', 'NATO information is recorded as kind nato');
    if (c.whollyForeign && origin.countries.includes('NATO')) issue('foreign', 'a NATO document is recorded as kind nato');
  } else {
    if (origin.atomal && origin.level === 'NATO RESTRICTED') issue('foreign', 'ATOMAL is CONFIDENTIAL or above');
    // DoDM 5200.01 V2 Encl 4 para 4.b: NATO information always carries its NATO marking.
    if (c.concealSource) issue('concealSource', 'NATO information is always marked as NATO');
  }
  // A foreign document keeps its originator's marking (Encl 4 para 4); concealing the source and
  // NOFORN (a U.S. control, Encl 4 para 9.m) belong to FGI used in U.S. documents.
  if (c.whollyForeign && c.concealSource) issue('concealSource', 'a wholly foreign document names its originator');
  if (c.whollyForeign && c.noforn) issue('noforn', 'NOFORN is a U.S. marking and does not apply to a foreign document');
}

/** Position of the foreign level, RESTRICTED (0) to TOP SECRET (3), for NATO and national levels alike. */
export function foreignLevelRank(origin: ForeignOrigin): number {
  return origin.kind === 'nato' ? NATO_LEVELS.indexOf(origin.level) : FOREIGN_LEVELS.indexOf(origin.level);
}

/** The lowest U.S. level that protects this foreign level; RESTRICTED has no U.S. equivalent. */
export function minimumUsLevel(origin: ForeignOrigin): UsLevel {
  return US_LEVELS[foreignLevelRank(origin)] ?? 'TOP SECRET';
}

export function isRestricted(origin: ForeignOrigin): boolean {
  return origin.level === 'RESTRICTED' || origin.level === 'NATO RESTRICTED';
}

export const UNCLASSIFIED: Classification = {
  level: 'UNCLASSIFIED',
  cui: false,
  foreign: null,
  whollyForeign: false,
  concealSource: false,
  noforn: false,
  relTo: [],
};

export function usLevelRank(level: UsLevel): number {
  return US_LEVELS.indexOf(level);
}

/** True when `level` is at or below `ceiling` (e.g. the workstation's system-high). */
export function isAtOrBelow(level: UsLevel, ceiling: UsLevel): boolean {
  return usLevelRank(level) <= usLevelRank(ceiling);
}

/** Countries of origin of foreign information, for FGI separation and filters; NATO as 'NATO'. */
export function foreignOrigins(c: Classification): string[] {
  if (c.foreign === null) return [];
  return c.foreign.kind === 'nato' ? ['NATO'] : [...c.foreign.countries].sort(compareCountryCodes);
}

export function isNato(c: Classification): boolean {
  return c.foreign?.kind === 'nato';
}
