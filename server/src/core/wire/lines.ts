/**
 * What one line of a standard release looks like on its own: a header, an end mark, a contact heading, a
 * boilerplate heading. The parser decides from these and from the line's place in the document.
 */
import { countWords } from '../text';
import type { HeaderKind } from './model';

const HEADERS: ReadonlyArray<[HeaderKind, RegExp]> = [
  ['immediate', /^FOR (?:IMMEDIATE )?RELEASE\b/i],
  ['embargo', /^EMBARGO(?:ED)?\b/i],
  ['label', /^(?:NEWS|PRESS|MEDIA) RELEASE\s*$/i],
];

export function headerKind(t: string): HeaderKind | undefined {
  return HEADERS.find(([, re]) => re.test(t))?.[0];
}

/** The embargo's value: what follows `EMBARGOED UNTIL` (or `EMBARGO:`), or undefined when the line has nothing. */
export const EMBARGO_LABEL = /^EMBARGO(?:ED)?(?:\s+UNTIL)?\s*:?\s*/i;

export function isEndMark(t: string): boolean {
  return /^(?:#\s?#\s?#|-\s?30\s?-|END)$/.test(t);
}

/** `Media contact:`, `Contacts`, `Press contact: Jane Doe`; the part after the colon is the first contact line. */
export const CONTACT_HEADING = /^(?:(?:media|press|news)\s+)?(?:contacts?|enquiries|inquiries)\b\s*:?\s*/i;

/** `About Acme Corp.` on its own line, or `About Acme Corp: Acme makes...` leading into its paragraph. */
const ABOUT_LEAD = /^About\s+((?:the\s+)?[A-Z][^:]{0,80}):\s/;
// On its own line the heading may name the organisation in lower case (`About county library`); a sentence
// would end in punctuation.
const ABOUT_ALONE = /^About\s+((?:the\s+)?\p{L}[^,;.!?]{0,80}\.?)$/u;
/** A heading names an organisation; a longer line starting with `About` is a sentence. */
const MAX_HEADING_WORDS = 8;

export interface AboutHeading {
  organisation: string;
  /** Whether the heading is a whole line (the paragraph follows) rather than a lead-in. */
  alone: boolean;
}

export function aboutHeading(t: string): AboutHeading | undefined {
  const lead = ABOUT_LEAD.exec(t);
  if (lead) return { organisation: lead[1].trim(), alone: false };
  const alone = ABOUT_ALONE.exec(t);
  if (!alone || countWords(alone[1]) > MAX_HEADING_WORDS) return undefined;
  return { organisation: alone[1].replace(/[.:]$/, '').trim(), alone: true };
}

export function markdownHeadline(t: string): number {
  return /^#{1,2}\s+/.exec(t)?.[0].length ?? 0;
}

/** A subheadline is a line, not a paragraph: longer text under the headline is the body's first paragraph. */
const MAX_SUBHEADLINE_WORDS = 30;

/**
 * The line under the headline that is its subheadline: one set off as italic (`*...*`, `_..._`) or in
 * parentheses, or a plain line that goes on the headline's own paragraph and reads as a line, not a sentence
 * (no closing period).
 */
export function isSubheadline(t: string, underHeadline: boolean): boolean {
  if (/^(\*[^*].*\*|_[^_].*_|\(.*\))$/.test(t)) return true;
  return underHeadline && !/[.!?]["”’)]?$/.test(t) && t.split(/\s+/).length <= MAX_SUBHEADLINE_WORDS;
}

// An address is taken whole, stray `@`s included (`jane.doe@@example.com`), so contact-format sees what was written.
export const EMAIL = /[^\s<>(),;:@][^\s<>(),;:]*@[^\s<>(),;]*[^\s<>(),;.]/g;
export const PHONE = /\+?\(?\d[\d ().\-/]{5,}\d/g;
