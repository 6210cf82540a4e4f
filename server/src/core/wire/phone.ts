/**
 * What is wrong with a phone number of a contact block, if anything: too few or too many digits for any number, or,
 * for a number written with its `+` country code, a length that the country's numbering plan has no number of.
 * The plans are libphonenumber's (Google's numbering metadata, through `libphonenumber-js`).
 */
import {
  isValidPhoneNumber,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
  type CountryCode,
  type MetadataJson,
} from 'libphonenumber-js/core';
// The full ("max") metadata knows each plan's number ranges; the smaller "min" set knows only lengths that any
// number of the country may have, and Brazil's eight-digit service numbers make `+55 41 3330 12` a possible one.
import maxMetadata from 'libphonenumber-js/max/metadata';

// TypeScript reads the JSON file itself, whose country codes are plain strings rather than the library's union.
const metadata = maxMetadata as unknown as MetadataJson;

/** E.164 allows at most 15 digits; no dialled number, extension aside, has fewer than 7. */
export const MIN_PHONE_DIGITS = 7;
export const MAX_PHONE_DIGITS = 15;
/** How many digits a typed number may have lost or gained and still be told apart from an unassigned range. */
const MAX_SLIP = 2;

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });

/** The country that a calling code stands for in messages: its main country, as the metadata lists it first. */
function countryName(callingCode: string, country: CountryCode | undefined): string {
  const code = country ?? metadata.country_calling_codes[callingCode]?.[0];
  const name = code ? (REGIONS.of(code) ?? code) : undefined;
  return name ? `${name} (+${callingCode})` : `+${callingCode}`;
}

/** The digits of the number after its `+` and any `(0)` trunk prefix, which international numbers often keep. */
function internationalDigits(text: string): string {
  return text.replace(/\(0\)/g, '').replace(/\D/g, '');
}

/**
 * Whether adding or dropping up to two digits at the end turns the number into one that the plan assigns. An
 * invalid number that is neither is left alone: it may be a range kept for fiction, such as the UK's 01632 960.
 */
function slip(digits: string): 'short' | 'long' | undefined {
  for (let n = 1; n <= MAX_SLIP; n++) {
    if (['0', '5'].some((d) => isValidPhoneNumber(`+${digits}${d.repeat(n)}`, metadata))) return 'short';
    if (digits.length > n + 1 && isValidPhoneNumber(`+${digits.slice(0, -n)}`, metadata)) return 'long';
  }
  return undefined;
}

/** What is wrong with a number that starts with `+`, judged by its country's plan. */
function internationalProblem(digits: string): string | undefined {
  const length = validatePhoneNumberLength(`+${digits}`, metadata);
  if (length === 'INVALID_COUNTRY' || length === 'NOT_A_NUMBER') return 'has no known country code';
  let parsed;
  try {
    parsed = parsePhoneNumberWithError(`+${digits}`, metadata);
  } catch {
    return undefined;
  }
  const where = countryName(parsed.countryCallingCode, parsed.country);
  if (length === 'TOO_SHORT') return `is too short for ${where}`;
  if (length === 'TOO_LONG') return `is too long for ${where}`;
  if (length === 'INVALID_LENGTH') return `has a length that no number in ${where} has`;
  if (parsed.isValid()) return undefined;
  const kind = slip(digits);
  return kind && `is too ${kind} for ${where}`;
}

/** What is wrong with the phone number as written, as the end of a sentence that starts with the number; or nothing. */
export function phoneProblem(text: string): string | undefined {
  const digits = text.replace(/\D/g, '').length;
  if (digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS)
    return `has ${digits} digits; a phone number has ${MIN_PHONE_DIGITS} to ${MAX_PHONE_DIGITS}`;
  return text.startsWith('+') ? internationalProblem(internationalDigits(text)) : undefined;
}
