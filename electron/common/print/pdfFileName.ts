// The file name a "Save as PDF" dialog suggests: built from a record's words (a control number,
// a request number) but safe as a bare file name on any desktop: letters, digits, space, dot,
// dash and underscore only, no leading dot, always ending in .pdf.

export const MAX_PDF_NAME_LENGTH = 120;
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]*\.pdf$/;

/** A suggested name as the main process accepts it. */
export function isSafePdfName(name: unknown): name is string {
  return typeof name === 'string' && name.length <= MAX_PDF_NAME_LENGTH && SAFE_NAME.test(name) && !name.includes('..');
}

/** `Receipt RC/2026:001` -> `Receipt RC-2026-001.pdf`. */
export function pdfFileName(...parts: string[]): string {
  const words = parts
    .join(' ')
    .replace(/[^A-Za-z0-9 ._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/[ .]+$/, '');
  const base = (words === '' ? 'document' : words).slice(0, MAX_PDF_NAME_LENGTH - 4).replace(/[ .]+$/, '');
  return `${base}.pdf`;
}
