/**
 * What tells one news story from another inside a release: the date a
 * paragraph's opening names, a wire dateline (`TARAZ. KAZINFORM –`), an
 * opening sentence that reads like a headline, and a closing signature or
 * credit (`Press service of the akimat of …`, `— Steppe Wire`). `merged-release` asks for
 * one of these before it calls a paragraph that shares few words with its
 * release a separate story: a short release on one topic shares few words
 * between its paragraphs too.
 */
import { MONTH_ALT, monthFromName, type CalendarDate } from './dates';

/** How much of a paragraph's start counts as its opening. */
const OPENING_LENGTH = 160;
/** A headline is short; a longer first sentence is prose. */
const MAX_HEADLINE_WORDS = 14;
/** A headline in sentence case is told from prose by being this short. */
const MAX_SHORT_HEADLINE_WORDS = 10;
/** Auxiliaries and reporting verbs mark prose; a headline's verb stands alone, in the present (`reopens`). */
const PROSE_VERBS =
  /\b(?:will|would|can|could|should|may|might|must|has|have|had|was|were|is|are|be|been|said|says)\b/i;
/** Words that open prose, and almost never a headline. */
const PROSE_OPENERS = new Set(
  `the a an this these that those it he she they we i our his her their its there here in on at from for by with
  according after before during as to of also however meanwhile most some all each every one two`.split(/\s+/),
);
/** Share of a headline's longer words that are capitalised, in Title Case. */
const MIN_CAPITALISED_SHARE = 0.6;

const NUMERIC_DATE = /\b(\d{1,2})\.(\d{1,2})\.\d{4}\b/g;
const DAY_MONTH = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)? ${MONTH_ALT}`, 'g');
const MONTH_DAY = new RegExp(String.raw`\b${MONTH_ALT} (\d{1,2})\b`, 'g');
/** A dateline's place as one word in capitals (`ZORIANSK`, `SHYMKENT`), as a regular expression's source. */
export const PLACE_IN_CAPITALS = String.raw`[\p{Lu}][\p{Lu}\p{M}'’-]{2,}`;
/** A wire dateline: a place in capitals, maybe a country, then an agency of up to three words in capitals, a dash. */
const DATELINE = new RegExp(
  String.raw`^${PLACE_IN_CAPITALS}(?:,\s*[\p{Lu}][\p{L}\p{M}]+)?[.,]?\s+(?:[\p{Lu}]{2,}\s*){0,3}[-–—]`,
  'u',
);

/** The first sentence of a paragraph, or its opening when it has no sentence end early on. */
function firstSentence(text: string): string {
  const opening = text.slice(0, OPENING_LENGTH);
  const end = /[.!?](?:\s|$)/.exec(opening);
  return end ? opening.slice(0, end.index) : opening;
}

/** The days its opening names, as `month * 100 + day`. */
function datesIn(opening: string): number[] {
  const out: number[] = [];
  for (const m of opening.matchAll(NUMERIC_DATE)) out.push(Number(m[2]) * 100 + Number(m[1]));
  for (const m of opening.matchAll(DAY_MONTH)) out.push(monthFromName(m[2]) * 100 + Number(m[1]));
  for (const m of opening.matchAll(MONTH_DAY)) out.push(monthFromName(m[1]) * 100 + Number(m[2]));
  return out;
}

/** Whether the paragraph opens with a date other than the release's own. */
export function opensWithOtherDate(text: string, date: CalendarDate | undefined): boolean {
  if (!date) return false;
  const own = date.month * 100 + date.day;
  return datesIn(firstSentence(text)).some((d) => d !== own);
}

/** Whether the paragraph opens with a wire dateline, the mark of a story filed by an agency. */
export function opensWithDateline(text: string): boolean {
  return DATELINE.test(text);
}

/**
 * Whether the paragraph's first sentence reads like a headline: short and in Title Case (`Young Chess Players
 * Compete in Final.`), or very short and followed by more, without the article or pronoun that prose opens
 * with (`Border crossing reopens after repairs. The checkpoint…`).
 */
export function opensWithHeadline(text: string): boolean {
  const sentence = firstSentence(text);
  const words = sentence.split(/\s+/).filter((w) => w.length > 0);
  if (words.length < 3 || words.length > MAX_HEADLINE_WORDS) return false;
  const longer = words.slice(1).filter((w) => w.replace(/\P{L}/gu, '').length >= 4);
  const capitalised = longer.filter((w) => /^[\p{Lu}"“«(]/u.test(w)).length;
  if (longer.length >= 2 && capitalised / longer.length >= MIN_CAPITALISED_SHARE) return true;
  const more = text.length > sentence.length + 2;
  if (!more || words.length > MAX_SHORT_HEADLINE_WORDS || PROSE_VERBS.test(sentence)) return false;
  return !PROSE_OPENERS.has(words[0].toLowerCase());
}

/** The evidence, besides shared words, that a paragraph is a story of its own; empty when there is none. */
export function storyMarks(text: string, date: CalendarDate | undefined): string[] {
  const marks: string[] = [];
  if (opensWithDateline(text)) marks.push('opens with a dateline of its own');
  if (opensWithOtherDate(text, date)) marks.push('opens with another date');
  if (opensWithHeadline(text)) marks.push('opens with a headline');
  return marks;
}

/** A closing signature, `Press service of the akimat of Mangystau region.`, with the agency captured. */
const PRESS_SERVICE = new RegExp(
  String.raw`(?:^|[.!?]\s*)((?:The\s+)?(?:[Pp]ress (?:service|office|secretary)|[Pp]ress [Ss]ervice) ` +
    String.raw`of (?:the )?([^.!?]{3,100}?))\.?$`,
);
/** One to five capitalised words: an agency's name in a credit. */
const AGENCY = String.raw`((?:\p{Lu}[\p{L}\p{M}'’-]*\s){0,4}\p{Lu}[\p{L}\p{M}'’-]*)`;
/**
 * A credit after the last sentence: `… in a decade. — Steppe Wire`, `… hospital. (Sahil News Service)`. It must
 * follow a sentence's end, so that an acronym defined at the end of a sentence (`… Development (OECD).`) is none.
 */
const CREDIT = new RegExp(String.raw`[.!?]["”»]?\s+(?:[—–]\s*${AGENCY}\.?|\(${AGENCY}\)\.?)$`, 'u');

const CREDIT_TAIL = 200;

/** Who signs a paragraph: the whole signature as written, and the agency in it. */
export interface Signature {
  text: string;
  agency: string;
  /** A credit names the agency alone; a press-service signature names whom the service speaks for. */
  kind: 'press-service' | 'credit';
}

/** The signature or credit that closes a paragraph, if any. */
export function closingSignature(text: string): Signature | undefined {
  const press = PRESS_SERVICE.exec(text);
  if (press) return { text: press[1], agency: press[2], kind: 'press-service' };
  // A credit is short and stands at the very end, so only the tail of a long paragraph is searched.
  const credit = CREDIT.exec(text.slice(-CREDIT_TAIL));
  const agency = credit?.[1] ?? credit?.[2];
  return agency ? { text: agency, agency, kind: 'credit' } : undefined;
}
