// How a printed page is marked: each portion (a field or block that carries its own marking) has a
// Classification; the banner is the highest of them, computed by the project's one marking code
// (electron/common/classification). Unclassified portions (a receipt's fields: receipts, visit
// requests and short titles must themselves be unclassified) are marked (U).
import type { Classification } from '../../../electron/common/classification/index.js';
import { UNCLASSIFIED, bannerMarking, highestClassification, portionMarking } from '../../../electron/common/classification/index.js';

export { UNCLASSIFIED };

/** The banner of a page showing these portions (UNCLASSIFIED for none). */
export function pageBanner(portions: readonly Classification[]): string {
  return bannerMarking(highestClassification(portions.length > 0 ? portions : [UNCLASSIFIED]));
}

/** The portion mark written before a field: (U), (CUI), (S//REL TO USA, GBR), (//DEU S). */
export function portionOf(c: Classification): string {
  return portionMarking(c);
}

export const UNCLASSIFIED_PORTION = portionMarking(UNCLASSIFIED);
