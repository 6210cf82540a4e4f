/**
 * What a capitalised word is: a candidate name, with what the words around it
 * say about its kind; an acronym, with the legal form beside it; or neither.
 * The scan asks this of every capitalised word of a release.
 */
import { cachedFoldKey } from './fold';
import { hashWord } from './hash';
import {
  isLegalForm,
  LEGAL_FORM_AFTER,
  LEGAL_FORM_BEFORE,
  LEGAL_FORM_NEAR,
  CONTRAST_BEFORE,
  NEVER_NAMES,
  PLACE_WORD_AFTER,
  PLACE_WORD_BEFORE,
  QUOTE_CHARS,
  ROMAN_NUMERAL,
} from './lexicon';
import type { Segment } from './scan';

/** Longest word that can be a name; longer capitalised runs are noise, and folding them would cost without end. */
export const MAX_NAME_LENGTH = 40;
/** Longest acronym; longer runs of capitals are shouting, not abbreviations. */
export const MAX_ACRONYM_LENGTH = 8;
/** Shortest name; two-letter capitalised words are mostly particles and abbreviations. */
export const MIN_NAME_LENGTH = 3;
/** How far around a word the scan looks for a place word, a legal form or an initial. */
const HINT_WINDOW = 24;
const INITIAL_WINDOW = 4;
const LEGAL_FORM_WINDOW = 8;
const QUOTED_LEGAL_FORM_WINDOW = 40;
const CONTRAST_WINDOW = 60;

/** A capitalised word that is a name unless the feed also writes it in lower case. */
export interface NameCandidate {
  /** The word as written, without a possessive `'s`. */
  text: string;
  /** The romanisation fold key of `text`, made once with the scan, which is kept with the release's text. */
  key: string;
  start: number;
  /** Hash of the lower-case word, and, for a possessive, of the word without its ending. */
  lowerHash: number;
  possessiveBaseHash?: number;
  /** The initial written before the word (`S` in `S. Nurgaliyev`), and where that initial starts. */
  initial?: string;
  initialStart?: number;
  /** True when the previous capitalised word of the line is the previous candidate, one space before this one. */
  followsCandidate: boolean;
  /** What the words around it say about its kind. */
  hint?: 'place' | 'organization';
  /** Set when the text introduces it as another thing than a name like it (`not to be confused with X`). */
  contrast?: true;
  /** Set for a place written in capitals in a dateline (`ZORIANSK. AGENCY –`); `text` holds it in Title Case. */
  caps?: true;
}

export interface AcronymUse {
  text: string;
  start: number;
  end: number;
  /** The legal form written next to it (`JSC` in `ZEK JSC`), which ties it to an organisation. */
  legalForm?: string | undefined;
}

const INITIAL_BEFORE = /(?:^|[\s(“"])(\p{Lu})\.\s?$/u;

/** Where a candidate stands: its segment, its word, and what the scan knows of the words before it. */
export interface CandidatePlace {
  seg: Segment;
  start: number;
  end: number;
  followsCandidate: boolean;
}

/** A word in capitals written as a name: `UST-KAMENOGORSK` as `Ust-Kamenogorsk`. */
function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[-’'‘])(\p{L})/gu, (_, mark: string, letter: string) => mark + letter.toUpperCase());
}

/** The place in capitals that opens a dateline, counted as one more spelling of the place's name. */
export function datelinePlaceAt(at: CandidatePlace): NameCandidate {
  const word = at.seg.text.slice(at.start, at.end);
  const surface = titleCase(word);
  return {
    text: surface,
    key: cachedFoldKey(surface),
    start: at.seg.start + at.start,
    lowerHash: hashWord(word.toLowerCase()),
    followsCandidate: false,
    hint: 'place',
    caps: true,
  };
}

/** Reads one capitalised word that passed the cheap tests into a candidate, with the hints around it. */
export function candidateAt(at: CandidatePlace): NameCandidate {
  const { seg, start, end } = at;
  const text = seg.text;
  const word = text.slice(start, end);
  const lower = word.toLowerCase();
  const possessive = lower.endsWith("'s") || lower.endsWith('’s');
  const surface = possessive ? word.slice(0, -2) : word;
  const c: NameCandidate = {
    text: surface,
    key: cachedFoldKey(surface),
    start: seg.start + start,
    lowerHash: hashWord(lower),
    followsCandidate: at.followsCandidate,
  };
  if (CONTRAST_BEFORE.test(text.slice(Math.max(0, start - CONTRAST_WINDOW), start))) c.contrast = true;
  if (possessive) c.possessiveBaseHash = hashWord(lower.slice(0, -2));
  const before = text.slice(Math.max(0, start - INITIAL_WINDOW), start);
  const initial = INITIAL_BEFORE.exec(before);
  if (initial) {
    c.initial = initial[1];
    c.initialStart = seg.start + start - initial[0].trimStart().length;
  }
  const after = text.slice(end, end + HINT_WINDOW);
  const nearBefore = text.slice(Math.max(0, start - HINT_WINDOW), start);
  if (PLACE_WORD_AFTER.test(after) || PLACE_WORD_BEFORE.test(nearBefore)) c.hint = 'place';
  else if (LEGAL_FORM_AFTER.test(after) || LEGAL_FORM_BEFORE.test(nearBefore)) c.hint = 'organization';
  else if (
    QUOTE_CHARS.includes(text[start - 1] ?? '') &&
    LEGAL_FORM_NEAR.test(text.slice(end, end + QUOTED_LEGAL_FORM_WINDOW))
  ) {
    c.hint = 'organization';
  } else if (surface.includes('-')) {
    // A hyphenated word is most often a place (Nur-Tobe, Ust-Kamen); a person's run of names still makes a person.
    c.hint = 'place';
  }
  return c;
}

export function acronymAt(seg: Segment, start: number, end: number): AcronymUse {
  const text = seg.text;
  const legal =
    LEGAL_FORM_AFTER.exec(text.slice(end, end + LEGAL_FORM_WINDOW))?.[1] ??
    LEGAL_FORM_BEFORE.exec(text.slice(Math.max(0, start - LEGAL_FORM_WINDOW), start))?.[1];
  return { text: text.slice(start, end), start: seg.start + start, end: seg.start + end, legalForm: legal };
}

/** What a capitalised word is, from the word alone. */
export function capitalKind(word: string): 'skip' | 'acronym' | 'candidate' {
  const lower = word.toLowerCase();
  if (word.length > MAX_NAME_LENGTH || NEVER_NAMES.has(lower)) return 'skip';
  if (word.length >= 2 && word === word.toUpperCase() && word !== lower) {
    return isLegalForm(word) || ROMAN_NUMERAL.test(word) || word.length > MAX_ACRONYM_LENGTH ? 'skip' : 'acronym';
  }
  // The second letter, past an inner apostrophe (G‘ulomov, O'Brien): lower case makes a name, not an acronym.
  const second = /^.[’'‘]?(.)/u.exec(word)?.[1] ?? '';
  return word.length >= MIN_NAME_LENGTH && second !== second.toUpperCase() ? 'candidate' : 'skip';
}
