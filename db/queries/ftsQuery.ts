/**
 * Turn what a user typed into a safe FTS5 query: every word becomes a quoted prefix term and all
 * must match. FTS5's own syntax (NEAR, column filters, operators) is not exposed, so no input can
 * make the query fail to parse.
 */
export function toFtsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words
    .slice(0, 16)
    .map((word) => `"${word}"*`)
    .join(' ');
}
