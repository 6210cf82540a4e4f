/**
 * The per-release scan of name analysis: one pass over the title and body
 * of a release that records everything the whole-feed merge needs. Offsets
 * are relative to the release's start, so a scan can be cached by the
 * release's text and reused wherever the release moves.
 */
import type { Release } from '../model';
import { scanDefinitions, type AcronymDefinition } from './definitions';
import { FNV_SEED_1, FNV_SEED_2, fnvStep1, fnvStep2, hashKey, hashWord } from './hash';
import {
  isLegalForm,
  LEGAL_FORM_AFTER,
  LEGAL_FORM_BEFORE,
  LEGAL_FORM_NEAR,
  NEVER_NAMES,
  PLACE_WORD_AFTER,
  PLACE_WORD_BEFORE,
  QUOTE_CHARS,
  ROMAN_NUMERAL,
} from './lexicon';

/** Longest word that can be a name; longer capitalised runs are noise, and folding them would cost without end. */
export const MAX_NAME_LENGTH = 40;
/** Longest acronym; longer runs of capitals are shouting, not abbreviations. */
export const MAX_ACRONYM_LENGTH = 8;
/** Shortest name; two-letter capitalised words are mostly particles and abbreviations. */
const MIN_NAME_LENGTH = 3;
/** How far around a word the scan looks for a place word, a legal form or an initial. */
const HINT_WINDOW = 24;
const INITIAL_WINDOW = 4;
const LEGAL_FORM_WINDOW = 8;
const QUOTED_LEGAL_FORM_WINDOW = 40;

/** A capitalised word that is a name unless the feed also writes it in lower case. */
export interface NameCandidate {
  /** The word as written, without a possessive `'s`. */
  text: string;
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
}

export interface AcronymUse {
  text: string;
  start: number;
  end: number;
  /** The legal form written next to it (`JSC` in `ZEK JSC`), which ties it to an organisation. */
  legalForm?: string | undefined;
}

/** What one release contributes to name analysis, in offsets relative to the release's start. */
export interface ReleaseNames {
  readonly candidates: readonly NameCandidate[];
  /** Hashes of the lower-case words of three letters or more, each once. */
  readonly lowerWords: readonly number[];
  readonly acronyms: readonly AcronymUse[];
  readonly definitions: readonly AcronymDefinition[];
}

/** Most releases define no acronym, and many have no name; they all share one empty list. */
const NONE: readonly never[] = Object.freeze([]);
/**
 * A list kept for the life of a feed: the shared empty list, or an exact-size
 * copy, since a list grown by push keeps room for sixteen more entries, and a
 * feed of two million releases keeps two million lists.
 */
const kept = <T>(list: readonly T[]): readonly T[] => (list.length > 0 ? list.slice() : NONE);

export interface Segment {
  text: string;
  /** Offset of the segment's first character, relative to the release's start. */
  start: number;
}

/** The title text and the body lines: where names are read. Sources and dates hold none. */
export function segmentsOf(release: Release, text: string): Segment[] {
  const base = release.span.start;
  const out: Segment[] = [];
  const title = release.title;
  if (title)
    out.push({ text: text.slice(title.textSpan.start, title.textSpan.end), start: title.textSpan.start - base });
  for (const l of release.body) out.push({ text: l.text, start: l.span.start - base });
  return out;
}

/** True when the letter at `i` is upper case; ASCII first, as nearly every letter is. */
function upperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return text[i] !== text[i].toLowerCase();
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_MARK.test(text[i]);
}

/** Apostrophes and hyphens may sit inside a word (`O'Brien`, `Kassym-Jomart`). */
function isInnerMark(c: number): boolean {
  return c === 39 || c === 45 || c === 0x2019;
}

const INITIAL_BEFORE = /(?:^|[\s(“"])(\p{Lu})\.\s?$/u;

/** Reads one capitalised word that passed the cheap tests into a candidate, with the hints around it. */
function candidateAt(seg: Segment, start: number, end: number, followsCandidate: boolean): NameCandidate {
  const text = seg.text;
  const word = text.slice(start, end);
  const lower = word.toLowerCase();
  const possessive = lower.endsWith("'s") || lower.endsWith('’s');
  const surface = possessive ? word.slice(0, -2) : word;
  const c: NameCandidate = {
    text: surface,
    start: seg.start + start,
    lowerHash: hashWord(lower),
    followsCandidate,
  };
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
  }
  return c;
}

function acronymAt(seg: Segment, start: number, end: number): AcronymUse {
  const text = seg.text;
  const legal =
    LEGAL_FORM_AFTER.exec(text.slice(end, end + LEGAL_FORM_WINDOW))?.[1] ??
    LEGAL_FORM_BEFORE.exec(text.slice(Math.max(0, start - LEGAL_FORM_WINDOW), start))?.[1];
  return { text: text.slice(start, end), start: seg.start + start, end: seg.start + end, legalForm: legal };
}

/** What a capitalised word is, from the word alone. */
function capitalKind(word: string): 'skip' | 'acronym' | 'candidate' {
  const lower = word.toLowerCase();
  if (word.length > MAX_NAME_LENGTH || NEVER_NAMES.has(lower)) return 'skip';
  if (word.length >= 2 && word === word.toUpperCase() && word !== lower) {
    return isLegalForm(word) || ROMAN_NUMERAL.test(word) || word.length > MAX_ACRONYM_LENGTH ? 'skip' : 'acronym';
  }
  const second = word[1];
  return word.length >= MIN_NAME_LENGTH && second !== second.toUpperCase() ? 'candidate' : 'skip';
}

/**
 * One pass over a segment. Lower-case words go into `lower` as hashes: a
 * capitalised word that the feed also writes in lower case is a common
 * word, not a name. The loop is written out, not a Unicode regex with a
 * callback, because it runs over every character of the feed.
 */
function scanSegment(
  seg: Segment,
  lower: Set<number>,
  out: { candidates: NameCandidate[]; acronyms: AcronymUse[] },
): void {
  const text = seg.text;
  const n = text.length;
  let prevEnd = -1;
  let prevWasCandidate = false;
  let i = 0;
  while (i < n) {
    if (!isLetter(text, i)) {
      i++;
      continue;
    }
    const upper = upperAt(text, i);
    let h1 = FNV_SEED_1;
    let h2 = FNV_SEED_2;
    let k1 = h1;
    let k2 = h2;
    let end = i;
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      const letter = c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : isLetter(text, j);
      if (!letter && !isInnerMark(c)) break;
      // Capitalised words are hashed later from their text; only lower-case ones need a hash here.
      if (!upper) {
        h1 = fnvStep1(h1, c);
        h2 = fnvStep2(h2, c);
      }
      // The hash and the end follow the last letter, so trailing apostrophes and hyphens are no part of the word.
      if (letter) {
        k1 = h1;
        k2 = h2;
        end = j + 1;
      }
      j++;
    }
    if (!upper) {
      if (end - i >= MIN_NAME_LENGTH) lower.add(hashKey(k1, k2));
    } else {
      // A lower-case word between two capitals leaves a gap, so adjacency alone tells a run of names.
      const adjacent = i - prevEnd === 1 && text[prevEnd] === ' ';
      const kind = capitalKind(text.slice(i, end));
      if (kind === 'candidate') out.candidates.push(candidateAt(seg, i, end, adjacent && prevWasCandidate));
      else if (kind === 'acronym') out.acronyms.push(acronymAt(seg, i, end));
      prevWasCandidate = kind === 'candidate';
      prevEnd = end;
    }
    i = j;
  }
}

/** Scans a release for name candidates, lower-case words, acronyms and acronym definitions. */
export function scanReleaseNames(release: Release, text: string): ReleaseNames {
  const found = { candidates: [] as NameCandidate[], acronyms: [] as AcronymUse[] };
  const definitions: AcronymDefinition[] = [];
  const lower = new Set<number>();
  const segments = segmentsOf(release, text);
  for (const seg of segments) scanSegment(seg, lower, found);
  scanDefinitions(segments, definitions);
  return {
    candidates: kept(found.candidates),
    lowerWords: kept([...lower]),
    acronyms: kept(found.acronyms),
    definitions: kept(definitions),
  };
}
