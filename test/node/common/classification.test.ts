// Markings per DoDM 5200.01 Vol 2 Encl 4 and DOMAIN.md "Classification and markings". Every fixture
// goes through classificationSchema, so a fixture the schema would refuse fails loudly here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FOREIGN_LEVELS,
  NATO_LEVELS,
  UNCLASSIFIED,
  US_LEVELS,
  bannerColours,
  bannerMarking,
  classificationSchema,
  highestClassification,
  levelBannerMarking,
  minimumUsLevel,
  portionMarking,
  usLevelRank,
} from '../../../electron/common/classification/index.js';
import type {
  Classification,
  ClassificationInput,
  ForeignLevel,
  NatoLevel,
  UsLevel,
} from '../../../electron/common/classification/index.js';

const cls = (input: ClassificationInput): Classification => classificationSchema.parse(input);
const us = (level: UsLevel, extra: Partial<ClassificationInput> = {}) => cls({ level, ...extra });
const fgi = (countries: string[], level: ForeignLevel, usLevel: UsLevel, extra: Partial<ClassificationInput> = {}) =>
  cls({ level: usLevel, foreign: { kind: 'country', countries, level }, ...extra });
const nato = (level: NatoLevel, usLevel: UsLevel, extra: Partial<ClassificationInput> & { atomal?: boolean } = {}) => {
  const { atomal = false, ...rest } = extra;
  return cls({ level: usLevel, foreign: { kind: 'nato', level, atomal }, ...rest });
};
const wholly = { whollyForeign: true };

describe('bannerMarking and portionMarking', () => {
  const cases: [string, Classification, string, string][] = [
    ['unclassified', us('UNCLASSIFIED'), 'UNCLASSIFIED', '(U)'],
    ['confidential', us('CONFIDENTIAL'), 'CONFIDENTIAL', '(C)'],
    ['secret', us('SECRET'), 'SECRET', '(S)'],
    ['top secret', us('TOP SECRET'), 'TOP SECRET', '(TS)'],
    ['CUI', us('UNCLASSIFIED', { cui: true }), 'CUI', '(CUI)'],
    ['CUI with NOFORN', us('UNCLASSIFIED', { cui: true, noforn: true }), 'CUI//NOFORN', '(CUI//NF)'],
    ['NOFORN', us('SECRET', { noforn: true }), 'SECRET//NOFORN', '(S//NF)'],
    ['REL TO one country', us('SECRET', { relTo: ['GBR'] }), 'SECRET//REL TO USA, GBR', '(S//REL TO USA, GBR)'],
    [
      'REL TO: USA first, trigraphs sorted, then NATO',
      us('TOP SECRET', { relTo: ['NATO', 'GBR', 'AUS', 'CAN'] }),
      'TOP SECRET//REL TO USA, AUS, CAN, GBR, NATO',
      '(TS//REL TO USA, AUS, CAN, GBR, NATO)',
    ],
    ['FGI in a U.S. document', fgi(['DEU'], 'SECRET', 'SECRET'), 'SECRET//FGI DEU', '(//DEU S)'],
    ['joint FGI, codes sorted', fgi(['DEU', 'CAN'], 'TOP SECRET', 'TOP SECRET'), 'TOP SECRET//FGI CAN DEU', '(//JOINT TS CAN DEU)'],
    ['concealed source', fgi(['DEU'], 'SECRET', 'SECRET', { concealSource: true }), 'SECRET//FGI', '(//FGI S)'],
    ['RESTRICTED protected as CONFIDENTIAL', fgi(['GBR'], 'RESTRICTED', 'CONFIDENTIAL'), 'CONFIDENTIAL//FGI GBR', '(//GBR R)'],
    ['RESTRICTED, wholly foreign', fgi(['GBR'], 'RESTRICTED', 'CONFIDENTIAL', wholly), '//GBR RESTRICTED', '(//GBR R)'],
    ['wholly foreign SECRET', fgi(['DEU'], 'SECRET', 'SECRET', wholly), '//DEU SECRET', '(//DEU S)'],
    ['wholly foreign joint', fgi(['GBR', 'DEU'], 'SECRET', 'SECRET', wholly), '//JOINT SECRET DEU GBR', '(//JOINT S DEU GBR)'],
    ['COSMIC TOP SECRET', nato('COSMIC TOP SECRET', 'TOP SECRET', wholly), '//COSMIC TOP SECRET', '(//CTS)'],
    ['NATO SECRET', nato('NATO SECRET', 'SECRET', wholly), '//NATO SECRET', '(//NS)'],
    ['NATO CONFIDENTIAL', nato('NATO CONFIDENTIAL', 'CONFIDENTIAL', wholly), '//NATO CONFIDENTIAL', '(//NC)'],
    ['NATO RESTRICTED', nato('NATO RESTRICTED', 'CONFIDENTIAL', wholly), '//NATO RESTRICTED', '(//NR)'],
    [
      'COSMIC TOP SECRET ATOMAL',
      nato('COSMIC TOP SECRET', 'TOP SECRET', { ...wholly, atomal: true }),
      '//COSMIC TOP SECRET ATOMAL',
      '(//CTS-A)',
    ],
    ['SECRET ATOMAL (DoDM form)', nato('NATO SECRET', 'SECRET', { ...wholly, atomal: true }), '//SECRET ATOMAL', '(//NS-A)'],
    [
      'CONFIDENTIAL ATOMAL (DoDM form)',
      nato('NATO CONFIDENTIAL', 'CONFIDENTIAL', { ...wholly, atomal: true }),
      '//CONFIDENTIAL ATOMAL',
      '(//NC-A)',
    ],
    ['NATO portion in a U.S. document', nato('NATO SECRET', 'SECRET'), 'SECRET//FGI NATO', '(//NS)'],
    [
      'FGI released onward by its originator',
      fgi(['CAN'], 'SECRET', 'SECRET', { relTo: ['GBR', 'AUS', 'CAN'] }),
      'SECRET//FGI CAN//REL TO USA, AUS, CAN, GBR',
      '(//CAN S//REL TO USA, AUS, CAN, GBR)',
    ],
    ['U.S. document with FGI and NOFORN', fgi(['DEU'], 'SECRET', 'SECRET', { noforn: true }), 'SECRET//FGI DEU//NOFORN', '(//DEU S//NF)'],
  ];

  it.each(cases)('%s', (_name, c, banner, portion) => {
    expect(bannerMarking(c)).toBe(banner);
    expect(portionMarking(c)).toBe(portion);
  });
});

describe('highestClassification', () => {
  const relTo = (level: UsLevel, ...countries: string[]) => us(level, { relTo: countries });
  const concealed = (country: string, level: ForeignLevel & UsLevel) => fgi([country], level, level, { concealSource: true });
  const cases: [string, Classification[], string][] = [
    ['empty list', [], 'UNCLASSIFIED'],
    ['highest U.S. level', [us('UNCLASSIFIED'), us('CONFIDENTIAL'), us('SECRET')], 'SECRET'],
    ['CUI on an unclassified page', [us('UNCLASSIFIED', { cui: true }), us('UNCLASSIFIED')], 'CUI'],
    ['CUI under a classified page', [us('UNCLASSIFIED', { cui: true }), us('SECRET')], 'SECRET'],
    ['FGI union', [fgi(['DEU'], 'SECRET', 'SECRET'), fgi(['CAN'], 'TOP SECRET', 'TOP SECRET')], 'TOP SECRET//FGI CAN DEU'],
    [
      'countries, then NATO',
      [fgi(['GBR'], 'CONFIDENTIAL', 'CONFIDENTIAL'), nato('NATO SECRET', 'SECRET'), fgi(['DEU'], 'SECRET', 'SECRET')],
      'SECRET//FGI DEU GBR NATO',
    ],
    ['one concealed source hides all', [concealed('DEU', 'SECRET'), fgi(['GBR'], 'CONFIDENTIAL', 'CONFIDENTIAL')], 'SECRET//FGI'],
    ['all sources concealed', [concealed('DEU', 'SECRET'), concealed('GBR', 'CONFIDENTIAL')], 'SECRET//FGI'],
    ['NOFORN beats REL TO', [us('SECRET', { noforn: true }), relTo('SECRET', 'GBR')], 'SECRET//NOFORN'],
    ['REL TO: common countries', [relTo('SECRET', 'GBR', 'CAN'), relTo('CONFIDENTIAL', 'AUS', 'GBR')], 'SECRET//REL TO USA, GBR'],
    ['REL TO with no common country', [relTo('SECRET', 'GBR'), relTo('CONFIDENTIAL', 'CAN')], 'SECRET'],
    ['REL TO beside an uncaveated portion', [relTo('SECRET', 'GBR'), us('CONFIDENTIAL')], 'SECRET'],
    ['REL TO beside plain unclassified', [relTo('SECRET', 'GBR'), us('UNCLASSIFIED')], 'SECRET//REL TO USA, GBR'],
    ['REL TO beside uncaveated CUI', [relTo('SECRET', 'GBR'), us('UNCLASSIFIED', { cui: true })], 'SECRET'],
    ['CUI NOFORN rolls up', [us('UNCLASSIFIED', { cui: true, noforn: true }), us('SECRET')], 'SECRET//NOFORN'],
    ['same foreign origin', [fgi(['DEU'], 'SECRET', 'SECRET', wholly), fgi(['DEU'], 'CONFIDENTIAL', 'CONFIDENTIAL', wholly)], '//DEU SECRET'],
    [
      'different foreign origins',
      [fgi(['DEU'], 'SECRET', 'SECRET', wholly), fgi(['GBR'], 'SECRET', 'SECRET', wholly)],
      'SECRET//FGI DEU GBR',
    ],
    ['foreign beside U.S.', [fgi(['DEU'], 'SECRET', 'SECRET', wholly), us('SECRET')], 'SECRET//FGI DEU'],
    [
      'NATO documents',
      [nato('NATO SECRET', 'SECRET', wholly), nato('COSMIC TOP SECRET', 'TOP SECRET', wholly)],
      '//COSMIC TOP SECRET',
    ],
    [
      'NATO ATOMAL documents',
      [nato('NATO SECRET', 'SECRET', { ...wholly, atomal: true }), nato('NATO CONFIDENTIAL', 'CONFIDENTIAL', wholly)],
      '//SECRET ATOMAL',
    ],
    ['RESTRICTED protected as CONFIDENTIAL', [fgi(['GBR'], 'RESTRICTED', 'CONFIDENTIAL'), us('UNCLASSIFIED')], 'CONFIDENTIAL//FGI GBR'],
    ['NATO beside U.S. NOFORN', [nato('NATO SECRET', 'SECRET'), us('SECRET', { noforn: true })], 'SECRET//FGI NATO//NOFORN'],
  ];

  it.each(cases)('%s', (_name, list, banner) => {
    const result = highestClassification(list);
    expect(bannerMarking(result)).toBe(banner);
    expect(classificationSchema.safeParse(result).success).toBe(true);
  });

  it('returns plain UNCLASSIFIED for an empty list', () => {
    expect(highestClassification([])).toEqual(UNCLASSIFIED);
  });

  it('keeps concealed countries in the record while the banner hides them', () => {
    const result = highestClassification([concealed('DEU', 'SECRET'), fgi(['GBR'], 'SECRET', 'SECRET')]);
    expect(result.foreign).toEqual({ kind: 'country', countries: ['DEU', 'GBR'], level: 'SECRET' });
    expect(result.concealSource).toBe(true);
  });
});

describe('bannerColours and levelBannerMarking', () => {
  const white = '#ffffff';
  const cases: [string, Classification, string, string][] = [
    ['unclassified', us('UNCLASSIFIED'), '#007a33', white],
    ['CUI', us('UNCLASSIFIED', { cui: true }), '#502b85', white],
    ['confidential', us('CONFIDENTIAL'), '#0033a0', white],
    ['secret', us('SECRET', { noforn: true }), '#c8102e', white],
    ['top secret', us('TOP SECRET'), '#ff8c00', '#000000'],
    ['COSMIC TOP SECRET by its U.S. equivalent', nato('COSMIC TOP SECRET', 'TOP SECRET', wholly), '#ff8c00', '#000000'],
    ['RESTRICTED by the level protecting it', fgi(['GBR'], 'RESTRICTED', 'CONFIDENTIAL'), '#0033a0', white],
  ];

  it.each(cases)('%s', (_name, c, background, text) => {
    expect(bannerColours(c)).toEqual({ background, text });
  });

  it.each(US_LEVELS.map((level) => [level]))('system-high banner for %s', (level) => {
    expect(levelBannerMarking(level)).toBe(level);
  });
});

describe('classificationSchema', () => {
  const rejected: [string, ClassificationInput][] = [
    ['CUI on a classified level', { level: 'SECRET', cui: true }],
    ['NOFORN with REL TO', { level: 'SECRET', noforn: true, relTo: ['GBR'] }],
    ['USA as a foreign country', { level: 'SECRET', foreign: { kind: 'country', countries: ['USA'], level: 'SECRET' } }],
    ['USA in REL TO', { level: 'SECRET', relTo: ['USA', 'GBR'] }],
    ['lower-case trigraph', { level: 'SECRET', foreign: { kind: 'country', countries: ['deu'], level: 'SECRET' } }],
    ['code not in ISO 3166', { level: 'SECRET', relTo: ['XYZ'] }],
    ['a country twice', { level: 'SECRET', relTo: ['GBR', 'GBR'] }],
    ['NATO as a country of origin', { level: 'SECRET', foreign: { kind: 'country', countries: ['NATO'], level: 'SECRET' } }],
    ['FGI under its equivalent', { level: 'CONFIDENTIAL', foreign: { kind: 'country', countries: ['DEU'], level: 'SECRET' } }],
    ['classified FGI as UNCLASSIFIED', { level: 'UNCLASSIFIED', foreign: { kind: 'nato', level: 'NATO SECRET' } }],
    ['wholly foreign without an origin', { level: 'SECRET', whollyForeign: true }],
    ['concealed source without an origin', { level: 'SECRET', concealSource: true }],
    ['concealed NATO', { level: 'SECRET', concealSource: true, foreign: { kind: 'nato', level: 'NATO SECRET' } }],
    ['NATO RESTRICTED ATOMAL', { level: 'CONFIDENTIAL', foreign: { kind: 'nato', level: 'NATO RESTRICTED', atomal: true } }],
    ['NOFORN on a foreign document', { level: 'SECRET', whollyForeign: true, noforn: true, foreign: { kind: 'nato', level: 'NATO SECRET' } }],
    ['NOFORN on plain unclassified', { level: 'UNCLASSIFIED', noforn: true }],
  ];

  it.each(rejected)('rejects %s', (_name, input) => {
    expect(classificationSchema.safeParse(input).success).toBe(false);
  });

  it('accepts RESTRICTED protected as UNCLASSIFIED and NATO in REL TO', () => {
    expect(bannerMarking(fgi(['GBR'], 'RESTRICTED', 'UNCLASSIFIED', wholly))).toBe('//GBR RESTRICTED');
    expect(bannerMarking(us('SECRET', { relTo: ['NATO'] }))).toBe('SECRET//REL TO USA, NATO');
  });
});

describe('highestClassification properties', () => {
  const codes = ['AUS', 'CAN', 'DEU', 'FRA', 'GBR', 'NATO'];
  const origin = fc.oneof(
    fc.record({
      kind: fc.constant('country' as const),
      countries: fc.shuffledSubarray(codes.slice(0, 5), { minLength: 1 }),
      level: fc.constantFrom(...FOREIGN_LEVELS),
    }),
    fc.record({ kind: fc.constant('nato' as const), level: fc.constantFrom(...NATO_LEVELS), atomal: fc.boolean() }),
  );
  const classification: fc.Arbitrary<Classification> = fc
    .record({
      level: fc.constantFrom(...US_LEVELS),
      cui: fc.boolean(),
      foreign: fc.option(origin, { nil: null }),
      whollyForeign: fc.boolean(),
      concealSource: fc.boolean(),
      // REL TO weighted up: only lists whose every controlled item carries it exercise the intersection.
      release: fc.oneof(
        { arbitrary: fc.constant('none' as const), weight: 1 },
        { arbitrary: fc.constant('noforn' as const), weight: 1 },
        { arbitrary: fc.shuffledSubarray(codes, { minLength: 1 }), weight: 4 },
      ),
    })
    .map(({ level, cui, foreign: randomOrigin, whollyForeign, concealSource, release }) => {
      // Shape random fields into a record the schema accepts, then let the schema confirm it.
      const atomalAllowed = randomOrigin?.kind !== 'nato' || randomOrigin.level !== 'NATO RESTRICTED';
      const foreign = atomalAllowed ? randomOrigin : { ...randomOrigin, atomal: false };
      const floor = foreign === null ? level : minimumUsLevel(foreign);
      const usLevel = usLevelRank(floor) > usLevelRank(level) ? floor : level;
      const isWholly = foreign !== null && whollyForeign;
      const isConcealed = foreign?.kind === 'country' && !isWholly && concealSource;
      const isCui = cui && usLevel === 'UNCLASSIFIED';
      const controlled = usLevel !== 'UNCLASSIFIED' || isCui || foreign !== null;
      const noforn = controlled && release === 'noforn' && !isWholly;
      const relTo = controlled && Array.isArray(release) ? release : [];
      return cls({ level: usLevel, cui: isCui, foreign, whollyForeign: isWholly, concealSource: isConcealed, noforn, relTo });
    });

  const runs = { numRuns: 300 };

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.array(classification, { maxLength: 8 }), (list) => {
        const once = highestClassification(list);
        expect(highestClassification([once])).toEqual(once);
        expect(highestClassification([...list, ...list])).toEqual(once);
      }),
      runs,
    );
  });

  it('does not depend on order', () => {
    const listAndShuffle = fc
      .array(classification, { maxLength: 8 })
      .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })));
    fc.assert(
      fc.property(listAndShuffle, ([list, shuffled]) => {
        expect(highestClassification(shuffled)).toEqual(highestClassification(list));
      }),
      runs,
    );
  });

  it('is at least as high as every input and passes the schema', () => {
    fc.assert(
      fc.property(fc.array(classification, { maxLength: 8 }), (list) => {
        const result = highestClassification(list);
        for (const c of list) expect(usLevelRank(result.level)).toBeGreaterThanOrEqual(usLevelRank(c.level));
        expect(classificationSchema.safeParse(result).success).toBe(true);
      }),
      runs,
    );
  });
});
