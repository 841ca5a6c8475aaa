// The classification of one record or piece of material (DoDM 5200.01 V2, 32 CFR 2001.54).
// Foreign government information keeps its own level and origin *and* a U.S. equivalent level,
// as separate fields: RESTRICTED has no U.S. equivalent and is usually protected as CONFIDENTIAL.
import { z } from 'zod';

export const US_LEVELS = ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'] as const;
export type UsLevel = (typeof US_LEVELS)[number];

/** The foreign government's own level, in its English form. */
export const FOREIGN_LEVELS = ['RESTRICTED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'] as const;
export type ForeignLevel = (typeof FOREIGN_LEVELS)[number];

export const NATO_LEVELS = ['NATO RESTRICTED', 'NATO CONFIDENTIAL', 'NATO SECRET', 'COSMIC TOP SECRET'] as const;
export type NatoLevel = (typeof NATO_LEVELS)[number];

/** ISO 3166-1 alpha-3 code (trigraph), upper case. */
export const trigraphSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 3166 three-letter country code, e.g. DEU')
  .refine((code) => code !== 'USA', 'USA is not a foreign government');

export const foreignOriginSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('country'),
    /** Countries of origin, trigraphs; a joint product of several governments lists each. */
    countries: z.array(trigraphSchema).min(1, 'name at least one country of origin').max(20),
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

export const classificationSchema = z
  .object({
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
    /** REL TO countries besides USA, trigraphs. Cannot be combined with NOFORN. */
    relTo: z.array(trigraphSchema).max(40).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.cui && c.level !== 'UNCLASSIFIED') {
      ctx.addIssue({ code: 'custom', path: ['cui'], message: 'CUI applies only to unclassified information' });
    }
    if (c.noforn && c.relTo.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['relTo'], message: 'NOFORN and REL TO cannot be combined' });
    }
    if (c.foreign === null && (c.whollyForeign || c.concealSource)) {
      ctx.addIssue({ code: 'custom', path: ['foreign'], message: 'name the foreign origin of foreign government information' });
    }
    if (c.foreign !== null && c.level === 'UNCLASSIFIED' && !isRestricted(c.foreign)) {
      ctx.addIssue({
        code: 'custom',
        path: ['level'],
        message: 'classified foreign government information needs a U.S. equivalent level of CONFIDENTIAL or above',
      });
    }
  });

export type Classification = z.infer<typeof classificationSchema>;
export type ClassificationInput = z.input<typeof classificationSchema>;

function isRestricted(origin: ForeignOrigin): boolean {
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
  return c.foreign.kind === 'nato' ? ['NATO'] : [...c.foreign.countries].sort();
}

export function isNato(c: Classification): boolean {
  return c.foreign?.kind === 'nato';
}
