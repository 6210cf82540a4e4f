/**
 * What one line of a standard release looks like on its own: a header, an end mark, a contact heading, a
 * boilerplate heading. The parser decides from these and from the line's place in the document.
 */
import { countWords } from '../text';
import type { HeaderKind } from './model';

const HEADERS: ReadonlyArray<[HeaderKind, RegExp]> = [
  ['immediate', /^FOR (?:IMMEDIATE )?RELEASE\b/i],
  ['embargo', /^EMBARGO(?:ED)?\b/i],
  // The label in English, German and French: a whole line, so that a sentence opening with the words is no header.
  [
    'label',
    /^(?:(?:NEWS|PRESS|MEDIA) (?:RELEASE|ADVISORY)|PRESSEMITTEILUNG|PRESSEINFORMATION|COMMUNIQUÉ DE PRESSE)\s*$/iu,
  ],
];

export function headerKind(t: string): HeaderKind | undefined {
  return HEADERS.find(([, re]) => re.test(t))?.[0];
}

/** The embargo's value: what follows `EMBARGOED UNTIL` (or `EMBARGO:`), or undefined when the line has nothing. */
export const EMBARGO_LABEL = /^EMBARGO(?:ED)?(?:\s+UNTIL)?\s*:?\s*/i;

/**
 * `###` (escaped in Markdown as `\#\#\#`), `# # #`, `-30-` and its dashes (`—30—`, `– 30 –`), and the British
 * `ENDS` or `END`, bare or between dashes. A line that is only the word is an end mark in any case, since a story's
 * sentence is never the one word.
 */
const END_MARK = /^(?:(?:\\?#\s?){2}\\?#|[-–—]\s?(?:30|ends?)\s?[-–—]|ends?)$/i;

export function isEndMark(t: string): boolean {
  return END_MARK.test(t);
}

/**
 * `Media contact:`, `Contacts`, `Press contact: Jane Doe`, `Media Relations`, `Press office:`, `For more information,
 * contact:`; the part after the colon is the first contact line. In Markdown the heading may be bold on its own,
 * with the contact after it (`**Media contact:** Jane Doe`).
 */
const CONTACT_HEADING = new RegExp(
  '^(?<em>\\*\\*|__)?(?<words>(?:(?:(?:media|press|news)\\s+)?(?:contacts?|enquiries|inquiries)' +
    '|(?:media|press|public)\\s+(?:relations|office)' +
    '|for\\s+(?:more|further)\\s+information(?:,?\\s+(?:please\\s+)?contact)?)\\b(?:\\s*:)?)\\k<em>\\s*',
  'i',
);

/** A contact heading at the start of a line. */
export interface ContactHeading {
  /** The heading as written, its colon included and any bold marks left out. */
  words: string;
  /** Where the words start in the line (after a bold mark). */
  at: number;
  /** How much of the line the heading takes, marks and blanks included: the first contact line follows it. */
  length: number;
}

/**
 * The contact heading that opens the line, or undefined. A heading is the whole line or ends in a colon, so that a
 * sentence opening with the same words (`Contacts between the ministries grew.`) is not one.
 */
export function contactHeading(t: string): ContactHeading | undefined {
  const m = CONTACT_HEADING.exec(t);
  const words = m?.groups?.words;
  if (!m || words === undefined || (!words.endsWith(':') && m[0].length !== t.length)) return undefined;
  return { words, at: m.groups?.em?.length ?? 0, length: m[0].length };
}

/** `About Acme Corp.` on its own line, or `About Acme Corp: Acme makes...` leading into its paragraph. */
const ABOUT_LEAD = /^(?:About|ABOUT)\s+((?:the\s+)?[A-Z][^:]{0,80}):\s/;
// On its own line the heading may name the organisation in lower case (`About county library`); whether its commas
// and full stops belong to the name is decided word by word.
const ABOUT_ALONE = /^(?:About|ABOUT)\s+((?:the\s+)?\p{L}[^;!?:]{0,80}):?$/u;
/** A heading names an organisation; a longer line starting with `About` is a sentence. */
const MAX_HEADING_WORDS = 8;
/**
 * Abbreviations that end in a full stop inside a name: letters with a stop each (`S.A.`, `N.V.`, `U.S.`, `e.V.`,
 * and `e.` `V.` written apart), and the short legal forms and words of company names.
 */
const ABBREVIATION = /^(?:(?:\p{L}\.)+|(?:Inc|Ltd|Corp|Co|Cos|Bros|Mfg|Intl|Assn|Pty|Bhd|Plc|PLC|LLC|Ltda|St)\.)$/u;
/** Legal forms that follow a comma in a company's name: `Acme, Inc.`, `Acme Co., Ltd.`, `Acme, S.A.` */
const AFTER_COMMA = /^(?:(?:\p{L}\.)+|(?:Inc|Ltd|LLC|LLP|PLC|plc|GmbH|AG|SE|SA|NV|BV|Pty|Limited|Incorporated)\.?)$/u;
/** Words that stay in lower case inside a name: `Bank of the North`, `Friends of the Earth`. */
const CONNECTOR = /^(?:of|the|and|for|de|du|des|la|le|und|der|die|das|von|van|y|et|&)$/;

/**
 * The organisation's name as written when the words are a name rather than a sentence: a comma only before a legal
 * form, a full stop only after an abbreviation, except one at the end of a name written as one (every word
 * capitalised), which the heading's writer added; `About half of the staff moved to Leeds.` is a sentence.
 */
function organisationName(words: string): string | undefined {
  const tokens = words.split(/\s+/);
  for (let i = 0; i < tokens.length; i++) {
    const bare = tokens[i].replace(/,$/, '');
    if (bare !== tokens[i] && !AFTER_COMMA.test(tokens[i + 1] ?? '')) return undefined;
    if (bare.includes(',') || (bare.includes('.') && !ABBREVIATION.test(bare) && i < tokens.length - 1))
      return undefined;
  }
  const last = tokens[tokens.length - 1];
  if (!last.endsWith('.') || ABBREVIATION.test(last)) return words;
  const named = tokens.every((t) => /^[\p{Lu}\p{N}&]/u.test(t) || CONNECTOR.test(t));
  return named && !last.slice(0, -1).includes('.') ? words.slice(0, -1) : undefined;
}

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
  const organisation = organisationName(alone[1].trim());
  return organisation ? { organisation, alone: true } : undefined;
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
// Square brackets are Markdown's, around a link's text, and never part of the address.
export const EMAIL = /[^\s<>()[\],;:@][^\s<>()[\],;:]*@[^\s<>()[\],;]*[^\s<>()[\],;.]/g;
export const PHONE = /\+?\(?\d[\d ().\-/]{5,}\d/g;
