/**
 * The per-release scan of name analysis: one pass over the title and body
 * of a release that records everything the whole-feed merge needs. Offsets
 * are relative to the release's start, so a scan can be cached by the
 * release's text and reused wherever the release moves.
 */
import type { Release } from '../model';
import { scanDefinitions, type AcronymDefinition } from './definitions';
import { opensWithDateline, PLACE_IN_CAPITALS } from '../story';
import {
  acronymAt,
  candidateAt,
  capitalKind,
  datelinePlaceAt,
  MIN_NAME_LENGTH,
  type AcronymUse,
  type NameCandidate,
} from './capitals';
import { FNV_SEED_1, FNV_SEED_2, fnvStep1, fnvStep2, hashKey } from './hash';

export type { AcronymUse, NameCandidate } from './capitals';

/** What one release contributes to name analysis, in offsets relative to the release's start. */
export interface ReleaseNames {
  readonly candidates: readonly NameCandidate[];
  /**
   * Hashes of the lower-case words of three letters or more, each once, in ascending order (see `usesWord`).
   * A typed array, because a plain array made from a set keeps each hash as a boxed number: three times the
   * memory, and a feed keeps them all.
   */
  readonly lowerWords: Float64Array;
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
const NO_WORDS = new Float64Array(0);

/** The scan of a release that holds no names, or whose names nobody asked for. */
export const NO_NAMES: ReleaseNames = Object.freeze({
  candidates: NONE,
  lowerWords: NO_WORDS,
  acronyms: NONE,
  definitions: NONE,
});

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

/** Apostrophes and hyphens may sit inside a word (`O'Brien`, `Kassym-Jomart`, Uzbek `G‘ulomov`). */
function isInnerMark(c: number): boolean {
  return c === 39 || c === 45 || c === 0x2019 || c === 0x2018;
}

/** What the scan of a release gathers. */
interface ScanOutput {
  candidates: NameCandidate[];
  acronyms: AcronymUse[];
}

/**
 * One pass over a segment. Lower-case words go into `lower` as hashes: a
 * capitalised word that the feed also writes in lower case is a common
 * word, not a name. The loop is written out, not a Unicode regex with a
 * callback, because it runs over every character of the feed.
 */
function scanSegment(seg: Segment, lower: Set<number>, out: ScanOutput, datelineCity?: number): void {
  const text = seg.text;
  const n = text.length;
  let prevEnd = -1;
  let prevWasCandidate = false;
  // The place in capitals that opens a dateline is a spelling of a name, not an acronym.
  let datelinePlace =
    opensWithDateline(text) || (datelineCity !== undefined && atWordStart(text, datelineCity - seg.start));
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
      const at = { seg, start: i, end, followsCandidate: adjacent && prevWasCandidate };
      const kind = datelinePlace && end - i >= MIN_NAME_LENGTH ? 'dateline' : capitalKind(text.slice(i, end));
      if (kind === 'dateline') out.candidates.push(datelinePlaceAt(at));
      else if (kind === 'candidate') out.candidates.push(candidateAt(at));
      else if (kind === 'acronym') out.acronyms.push(acronymAt(seg, i, end));
      prevWasCandidate = kind === 'candidate';
      prevEnd = end;
    }
    datelinePlace = false;
    i = j;
  }
}

/** A dateline's place of one word in capitals, before the comma of its country or on its own. */
const ONE_WORD_PLACE = new RegExp(`^${PLACE_IN_CAPITALS}(?:,|$)`, 'u');

/**
 * Where a standard release's dateline writes its place as one word in capitals, relative to the release's start.
 * A dateline that carries its date (`SHYMKENT, Kazakhstan, March 4, 2025 —`) is not read by the paragraph's own
 * test, which knows datelines by an agency and a dash; the parser has read it already, so its place is taken from
 * there. A place of several words (`NEW YORK`) is left out, since its first word alone is no name.
 */
function placeInCapitalsOfDateline(release: Release): number | undefined {
  const city = release.wire?.dateline?.city;
  if (!city || !ONE_WORD_PLACE.test(city.text)) return undefined;
  return city.span.start - release.span.start;
}

/** Whether the first word of `text` starts at `at`: only marks such as Markdown emphasis stand before it. */
function atWordStart(text: string, at: number): boolean {
  return at >= 0 && at < text.length && !/\p{L}/u.test(text.slice(0, at));
}

/** Scans a release for name candidates, lower-case words, acronyms and acronym definitions. */
export function scanReleaseNames(release: Release, text: string): ReleaseNames {
  const found: ScanOutput = { candidates: [], acronyms: [] };
  const definitions: AcronymDefinition[] = [];
  const lower = new Set<number>();
  const segments = segmentsOf(release, text);
  const datelineCity = placeInCapitalsOfDateline(release);
  for (const seg of segments) scanSegment(seg, lower, found, datelineCity);
  scanDefinitions(segments, definitions);
  return {
    candidates: kept(found.candidates),
    lowerWords: lower.size > 0 ? Float64Array.from(lower).sort() : NO_WORDS,
    acronyms: kept(found.acronyms),
    definitions: kept(definitions),
  };
}

/** Whether the release writes the word with this hash in lower case: a binary search, with no set to build. */
export function usesWord(names: ReleaseNames, hash: number): boolean {
  const words = names.lowerWords;
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid] < hash) lo = mid + 1;
    else if (words[mid] > hash) hi = mid - 1;
    else return true;
  }
  return false;
}
