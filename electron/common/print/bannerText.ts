// The one piece of text from the renderer that reaches the PDF header and footer templates: the
// banner line. It is accepted only if it reads like a marking that bannerMarking
// (electron/common/classification/marking.ts) produces: upper-case categories separated by `//`,
// starting with a level (or CUI), or with `//` for a wholly foreign document. Even then it is
// HTML-escaped before it goes into a template, so no renderer-provided markup ever lands there.

const HEADS = ['UNCLASSIFIED', 'CUI', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'] as const;
const CATEGORY = /^[A-Z0-9](?:[A-Z0-9 ,-]*[A-Z0-9])?$/;

/** Longer than any marking the app makes (a REL TO list of 40 countries is about 220 characters). */
export const MAX_BANNER_LENGTH = 400;

export function isBannerText(text: unknown): text is string {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_BANNER_LENGTH) return false;
  const [head, ...rest] = text.split('//');
  if (head === undefined) return false;
  // `//DEU SECRET`: the head is empty and at least one category follows.
  if (head === '' ? rest.length === 0 : !(HEADS as readonly string[]).includes(head)) return false;
  return rest.every((category) => CATEGORY.test(category));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
