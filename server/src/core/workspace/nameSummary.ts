/**
 * What the workspace index keeps of one file's names: each spelling with its fold key, what tells it apart from
 * other people's names (initials, kinds, the names that follow it), and every place it occurs, in offsets for the
 * file's own findings and in lines and characters for edits and places shown from another file. A workspace has
 * some forty spellings per file and tens of thousands of files, so the spellings are kept in columns: a few arrays
 * per file rather than an object per spelling, and the strings shared between files.
 */
import type { NameKind, NameToken } from '../names/index';
import type { LineIndex } from '../text';

/** Kinds a spelling was seen as, and marks about how it is written, as bits of one number. */
const KIND_BITS: Record<NameKind, number> = { person: 1, place: 2, organization: 4, unknown: 0 };
const KINDS = 7;
const CAPS = 8;
const CONTRAST = 16;

/** Numbers kept per spelling in `info`: its flags, where its places start in `places`, and its length as written. */
const INFO = 3;
/** Numbers kept per place in `places`: its offset, line and character. */
const PLACE = 3;

export interface FileNames {
  /** Each spelling as a name is written (`Astana` for `ASTANA`, whose capitals are a flag), in order of first use. */
  readonly texts: readonly string[];
  /** Each spelling's fold key. */
  readonly keys: readonly string[];
  /** Each spelling's initials (`S` of `S. Nurgaliyev`), the distinct letters in one string. */
  readonly initials: readonly string[];
  /** The fold keys of the names that follow each spelling (a surname after a given name), joined by spaces. */
  readonly followers: readonly string[];
  /** Per spelling: its flags, the index in `places` of its first place, and its length in the text. */
  readonly info: Int32Array;
  /** Every occurrence, grouped by spelling and in document order within each: offset, line, character. */
  readonly places: Int32Array;
}

/** One spelling of a file, read from its columns. */
export interface SpellingView {
  readonly names: FileNames;
  /** Its index in the file's columns. */
  readonly index: number;
}

export const NO_NAMES: FileNames = {
  texts: [],
  keys: [],
  initials: [],
  followers: [],
  info: new Int32Array(0),
  places: new Int32Array(0),
};

/**
 * Strings shared by every summary: a name spelled in a thousand files is kept once. A copy is made on entry, so
 * a shared string never holds on to the text it was cut from. The table is emptied when it grows past its limit,
 * which costs only sharing, never a wrong answer.
 */
const interned = new Map<string, string>();
const MAX_INTERNED = 200_000;

function intern(s: string): string {
  let kept = interned.get(s);
  if (kept === undefined) {
    if (interned.size >= MAX_INTERNED) interned.clear();
    // A JSON round trip builds a string of its own, where a slice would be a view of the file's text.
    kept = JSON.parse(JSON.stringify(s)) as string;
    interned.set(kept, kept);
  }
  return kept;
}

/** Tokens of one release, with their offsets relative to `base`, the release's start. */
export interface TokensAt {
  tokens: readonly NameToken[];
  base: number;
}

/**
 * The names of a file from its tokens in document order, release by release, with `lines` to place them. The
 * tokens are read where they are, relative to their release, so that no placed copy of each is made.
 */
export function summarizeNames(releases: readonly TokensAt[], lines: LineIndex): FileNames {
  const bySpelling = new Map<string, TokensAt[]>();
  let total = 0;
  for (const { tokens, base } of releases) {
    for (const t of tokens) {
      const id = t.caps ? `${t.text}\u0000` : t.text;
      const list = bySpelling.get(id);
      if (list && list.at(-1)!.tokens === tokens) (list.at(-1)!.tokens as NameToken[]).push(t);
      else if (list) list.push({ tokens: [t], base });
      else bySpelling.set(id, [{ tokens: [t], base }]);
      total++;
    }
  }
  if (total === 0) return NO_NAMES;
  const texts: string[] = [];
  const keys: string[] = [];
  const initials: string[] = [];
  const followers: string[] = [];
  const info = new Int32Array(bySpelling.size * INFO);
  const places = new Int32Array(total * PLACE);
  let placed = 0;
  let i = 0;
  for (const groups of bySpelling.values()) {
    const all = groups.flatMap((g) => g.tokens);
    const first = all[0];
    texts.push(intern(first.text));
    keys.push(intern(first.key));
    initials.push(intern(distinct(all.map((t) => t.initial))));
    followers.push(intern(distinct(all.map((t) => t.follower), ' ')));
    let flags = first.caps ? CAPS : 0;
    for (const t of all) flags |= KIND_BITS[t.kind] | (t.contrast ? CONTRAST : 0);
    info[i * INFO] = flags;
    info[i * INFO + 1] = placed;
    info[i * INFO + 2] = first.span.end - first.span.start;
    for (const { tokens, base } of groups) {
      for (const t of tokens) {
        const offset = base + t.span.start;
        const at = lines.positionAt(offset);
        places[placed * PLACE] = offset;
        places[placed * PLACE + 1] = at.line;
        places[placed * PLACE + 2] = at.character;
        placed++;
      }
    }
    i++;
  }
  return { texts, keys, initials, followers, info, places };
}

function distinct(values: ReadonlyArray<string | undefined>, separator = ''): string {
  return [...new Set(values.filter((v): v is string => v !== undefined))].sort().join(separator);
}

export function spellingsOf(names: FileNames): SpellingView[] {
  return names.texts.map((_, index) => ({ names, index }));
}

export const textOf = (s: SpellingView): string => s.names.texts[s.index];
export const keyOf = (s: SpellingView): string => s.names.keys[s.index];
export const isCaps = (s: SpellingView): boolean => (s.names.info[s.index * INFO] & CAPS) !== 0;
export const isContrasted = (s: SpellingView): boolean => (s.names.info[s.index * INFO] & CONTRAST) !== 0;
/** The kinds a spelling was seen as, as bits; 0 when none is known. */
export const kindBits = (s: SpellingView): number => s.names.info[s.index * INFO] & KINDS;
export const initialsOf = (s: SpellingView): string => s.names.initials[s.index];
export const followersOf = (s: SpellingView): string[] => {
  const joined = s.names.followers[s.index];
  return joined === '' ? [] : joined.split(' ');
};

/** How long the spelling is in the text, in UTF-16 code units: a name in capitals may differ from its `text`. */
export const lengthOf = (s: SpellingView): number => s.names.info[s.index * INFO + 2];

/** How many times the spelling occurs in its file. */
export function countOf(s: SpellingView): number {
  const { info, places } = s.names;
  const from = info[s.index * INFO + 1];
  const to = s.index + 1 < info.length / INFO ? info[(s.index + 1) * INFO + 1] : places.length / PLACE;
  return to - from;
}

/** One occurrence of a spelling: its offset in the file, and its line and character. */
export interface NamePlace {
  offset: number;
  line: number;
  character: number;
}

/** The `j`-th occurrence of the spelling, in document order. */
export function placeOf(s: SpellingView, j: number): NamePlace {
  const p = (s.names.info[s.index * INFO + 1] + j) * PLACE;
  const { places } = s.names;
  return { offset: places[p], line: places[p + 1], character: places[p + 2] };
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
  const n = a.texts.length;
  if (n !== b.texts.length || a.places.length !== b.places.length) return false;
  for (let i = 0; i < n; i++) {
    if (a.texts[i] !== b.texts[i] || a.initials[i] !== b.initials[i] || a.followers[i] !== b.followers[i]) return false;
  }
  for (let i = 0; i < a.info.length; i++) if (a.info[i] !== b.info[i]) return false;
  for (let p = 0; p < a.places.length; p += PLACE) {
    if (a.places[p + 1] !== b.places[p + 1] || a.places[p + 2] !== b.places[p + 2]) return false;
  }
  return true;
}
