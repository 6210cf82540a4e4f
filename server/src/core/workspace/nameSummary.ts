/**
 * What the workspace index keeps of one file's names: each spelling with its fold key, what tells it apart from
 * other people's names (initials, kinds, the names that follow it), and every place it occurs, in offsets for the
 * file's own findings and in lines and characters for edits and places shown from another file. A workspace has
 * some twenty spellings per file and tens of thousands of files, so a file's names are one array of numbers, not an
 * object per spelling, and their strings are numbers in one table that every file shares.
 */
import type { NameKind, NameToken } from '../names/index';
import type { LineIndex, Position } from '../text';
import { stringAt, stringNumber } from './strings';

/** Kinds a spelling was seen as, and marks about how it is written, as bits of one number. */
const KIND_BITS: Record<NameKind, number> = { person: 1, place: 2, organization: 4, unknown: 0 };
const KINDS = 7;
const CAPS = 8;
const CONTRAST = 16;

/**
 * What one spelling keeps, as numbers: its text, key, initials and followers as numbers in the string table, its
 * flags, where its places start, and its length as written.
 */
const TEXT = 0;
const KEY = 1;
const INITIALS = 2;
const FOLLOWERS = 3;
const FLAGS = 4;
const FIRST_PLACE = 5;
const LENGTH = 6;
const SPELLING = 7;
/** Numbers kept per place: its offset, line and character. */
const PLACE = 3;

/**
 * A file's names: `count` spellings in order of first use, then every occurrence, grouped by spelling and in
 * document order within each, all in one array of numbers. A spelling is written as a name is (`Astana` for
 * `ASTANA`, whose capitals are a flag).
 */
export interface FileNames {
  readonly count: number;
  readonly data: Int32Array;
}

/** One spelling of a file, read from its numbers. */
export interface SpellingView {
  readonly names: FileNames;
  /** Its index among the file's spellings. */
  readonly index: number;
}

export const NO_NAMES: FileNames = { count: 0, data: new Int32Array(0) };

/** Tokens of one release, with their offsets relative to `base`, the release's start. */
export interface TokensAt {
  tokens: readonly NameToken[];
  base: number;
}

/** What the first pass gathers of one spelling from all its tokens. */
interface Gathered {
  first: NameToken;
  count: number;
  flags: number;
  initials: Set<string>;
  followers: Set<string>;
}

/**
 * The names of a file from its tokens in document order, release by release, with `lines` to place them. The
 * tokens are read relative to their release, so that no placed copy of each is made. An open document's names are
 * summarized again on every version, so this makes no object per token: a first pass numbers each token's
 * spelling and gathers what each spelling keeps, and a second writes every place straight into its slot.
 */
export function summarizeNames(releases: readonly TokensAt[], lines: LineIndex): FileNames {
  const numbers = new Map<string, number>();
  const gathered: Gathered[] = [];
  let total = 0;
  for (const { tokens } of releases) total += tokens.length;
  if (total === 0) return NO_NAMES;
  const spellingOf = new Int32Array(total);
  let k = 0;
  for (const { tokens } of releases) {
    for (const t of tokens) {
      const id = t.caps ? `${t.text}\u0000` : t.text;
      let n = numbers.get(id);
      if (n === undefined) {
        n = gathered.length;
        numbers.set(id, n);
        gathered.push({ first: t, count: 0, flags: t.caps ? CAPS : 0, initials: new Set(), followers: new Set() });
      }
      const g = gathered[n];
      g.count++;
      g.flags |= KIND_BITS[t.kind] | (t.contrast ? CONTRAST : 0);
      if (t.initial !== undefined) g.initials.add(t.initial);
      if (t.follower !== undefined) g.followers.add(t.follower);
      spellingOf[k++] = n;
    }
  }
  const count = gathered.length;
  const data = new Int32Array(count * SPELLING + total * PLACE);
  // Where each spelling's next place goes: its places follow those of the spellings before it.
  const next = new Int32Array(count);
  let place = count * SPELLING;
  gathered.forEach((g, i) => {
    const at = i * SPELLING;
    data[at + TEXT] = stringNumber(g.first.text);
    data[at + KEY] = stringNumber(g.first.key);
    data[at + INITIALS] = stringNumber([...g.initials].sort().join(''));
    data[at + FOLLOWERS] = stringNumber([...g.followers].sort().join(' '));
    data[at + FLAGS] = g.flags;
    data[at + FIRST_PLACE] = place;
    data[at + LENGTH] = g.first.span.end - g.first.span.start;
    next[i] = place;
    place += g.count * PLACE;
  });
  // Tokens come in document order, so their lines are found by walking forward, not searched for each.
  let line = 0;
  k = 0;
  for (const { tokens, base } of releases) {
    for (const t of tokens) {
      const offset = base + t.span.start;
      line = lineFrom(lines, line, offset);
      const n = spellingOf[k++];
      const p = next[n];
      next[n] = p + PLACE;
      data[p] = offset;
      data[p + 1] = line;
      data[p + 2] = offset - lines.lineStart(line);
    }
  }
  return { count, data };
}

/**
 * The line that holds `offset`: walked to from `line` when the offset is at or past that line's start, else
 * searched.
 */
function lineFrom(lines: LineIndex, line: number, offset: number): number {
  if (lines.lineStart(line) > offset) return lines.lineAt(offset);
  while (line + 1 < lines.lineCount && lines.lineStart(line + 1) <= offset) line++;
  return line;
}

export function spellingsOf(names: FileNames): SpellingView[] {
  return Array.from({ length: names.count }, (_, index) => ({ names, index }));
}

const field = (s: SpellingView, f: number): number => s.names.data[s.index * SPELLING + f];

export const textOf = (s: SpellingView): string => stringAt(field(s, TEXT));
export const keyOf = (s: SpellingView): string => stringAt(field(s, KEY));
export const isCaps = (s: SpellingView): boolean => (field(s, FLAGS) & CAPS) !== 0;
export const isContrasted = (s: SpellingView): boolean => (field(s, FLAGS) & CONTRAST) !== 0;
/** The kinds a spelling was seen as, as bits; 0 when none is known. */
export const kindBits = (s: SpellingView): number => field(s, FLAGS) & KINDS;
export const initialsOf = (s: SpellingView): string => stringAt(field(s, INITIALS));
export const followersOf = (s: SpellingView): string[] => {
  const joined = stringAt(field(s, FOLLOWERS));
  return joined === '' ? [] : joined.split(' ');
};
/** How long the spelling is in the text, in UTF-16 code units: a name in capitals may differ from its `text`. */
export const lengthOf = (s: SpellingView): number => field(s, LENGTH);

/** The fold key of each spelling of a file, in order. */
export function keysOf(names: FileNames): string[] {
  return spellingsOf(names).map(keyOf);
}

/** How many times the spelling occurs in its file. */
export function countOf(s: SpellingView): number {
  const { count, data } = s.names;
  const to = s.index + 1 < count ? data[(s.index + 1) * SPELLING + FIRST_PLACE] : data.length;
  return (to - field(s, FIRST_PLACE)) / PLACE;
}

/** One occurrence of a spelling: its offset in the file, and its line and character. */
export interface NamePlace {
  offset: number;
  line: number;
  character: number;
}

/** The `j`-th occurrence of the spelling, in document order. */
export function placeOf(s: SpellingView, j: number): NamePlace {
  const p = field(s, FIRST_PLACE) + j * PLACE;
  const { data } = s.names;
  return { offset: data[p], line: data[p + 1], character: data[p + 2] };
}

/** Every occurrence of the spelling, in document order. */
export function placesOf(s: SpellingView): NamePlace[] {
  return Array.from({ length: countOf(s) }, (_, j) => placeOf(s, j));
}

/**
 * Whether two files' names look the same from other files: the same spellings, flags and places in lines and
 * characters. Offsets are left out, as for the rest of a summary.
 */
export function sameNames(a: FileNames | undefined, b: FileNames | undefined): boolean {
  if (!a || !b) return a === b;
  if (a === b) return true;
  if (a.count !== b.count || a.data.length !== b.data.length) return false;
  const spellings = a.count * SPELLING;
  for (let i = 0; i < spellings; i++) if (a.data[i] !== b.data[i]) return false;
  for (let p = spellings; p < a.data.length; p += PLACE) {
    if (a.data[p + 1] !== b.data[p + 1] || a.data[p + 2] !== b.data[p + 2]) return false;
  }
  return true;
}

/**
 * Whether a spelling of the given length stands at each of these places, in lines and characters: a fix made
 * from an older summary of another file checks itself against the file's current one before it is offered.
 */
export function spellingsStandAt(
  names: FileNames | undefined,
  places: ReadonlyArray<{ line: number; character: number; length: number }>,
): boolean {
  const standing = new Set<string>();
  for (const s of spellingsOf(names ?? NO_NAMES)) {
    for (const p of placesOf(s)) standing.add(`${p.line}:${p.character}:${lengthOf(s)}`);
  }
  return places.every((p) => standing.has(`${p.line}:${p.character}:${p.length}`));
}

/** The span of a spelling at `place` in lines and characters: a name never spans lines. */
export function placedSpan(place: NamePlace, length: number): { start: Position; end: Position } {
  return {
    start: { line: place.line, character: place.character },
    end: { line: place.line, character: place.character + length },
  };
}
