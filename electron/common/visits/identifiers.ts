// Personal identifiers (passport and ID numbers, SSNs, dates of birth) are sensitive: every normal
// read shows them masked, and only a separate, journalled call reveals them (DOMAIN.md).
import { z } from 'zod';
import { isCountryTrigraph } from '../classification/countries.js';

/** Keep the last four letters or digits, hide the rest: `123-45-6789` -> `*****6789`. */
export function maskIdentifier(value: string): string {
  const chars = value.replace(/[^\p{L}\p{N}]/gu, '');
  if (chars.length === 0) return '';
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - 4) + chars.slice(-4);
}

/** A date of birth shown as its year only. */
export function maskDateOfBirth(date: string): string {
  return `${date.slice(0, 4)}-**-**`;
}

/**
 * The key under which a person's identifier is matched across records (pattern tracking): the
 * identifier type and its letters and digits, upper case, so `123-45-6789` and `123 45 6789` match.
 */
export function normaliseIdentifier(type: string, value: string): string {
  return `${type}:${value.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase()}`;
}

/** A nationality or issuing country: any ISO 3166 trigraph, USA included (outgoing visitors are U.S. persons). */
export const nationalitySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 3166 three-letter country code, e.g. DEU')
  .refine(isCountryTrigraph, 'is not an ISO 3166 country code');
