/**
 * The edits the bench makes, found in the feed's own text: one-character changes at varied places (a letter
 * of a body word, a digit of a title's date, a digit of a Source URL), and a Replace All of one word.
 * Every one-character edit replaces a character, so offsets found in the original text stay valid throughout.
 */
import { Rng } from './generate';
import type { ContentChange, Position } from './lspClient';
import { spreadIndices } from './stats';

export type Place = 'body word' | "title's date" | 'Source URL';
export const PLACES: readonly Place[] = ['body word', "title's date", 'Source URL'];

export interface CharEdit {
  place: Place;
  offset: number;
  /** The character that replaces the one at `offset`. */
  char: string;
}

/** A letter inside a lower-case word of seven letters or more, between spaces: prose, never a URL or a name. */
const BODY_WORD = / [a-z]{2}([a-z])[a-z]{4,}(?=[ ,.])/g;
/** The day of a title's date in the house format, at the end of a line. */
const TITLE_DATE = /(\d)(\d)\.\d{2}\.\d{4}[ \t]*$/gm;
/** The last digit of a Source URL, on its own line or glued to a paragraph. */
const SOURCE_DIGIT = /Source[ \t]*:[ \t]*https?:\/\/\S*?(\d)(?=\s|$)/g;

function candidates(text: string, place: Place): CharEdit[] {
  const out: CharEdit[] = [];
  if (place === 'body word') {
    for (const m of text.matchAll(BODY_WORD)) {
      const offset = m.index + 3;
      out.push({ place, offset, char: text[offset] === 'e' ? 'a' : 'e' });
    }
  } else if (place === "title's date") {
    for (const m of text.matchAll(TITLE_DATE)) {
      // A day from 01 to 28 stays a real date in every month; a day in the thirties becomes one in the twenties.
      const [tens, units] = [Number(m[1]), Number(m[2])];
      if (tens === 3) out.push({ place, offset: m.index, char: '2' });
      else out.push({ place, offset: m.index + 1, char: String(units >= 8 ? 1 : units + 1) });
    }
  } else {
    for (const m of text.matchAll(SOURCE_DIGIT)) {
      const offset = m.index + m[0].length - 1;
      out.push({ place, offset, char: String((Number(m[1]) + 1) % 10) });
    }
  }
  return out;
}

/**
 * `perPlace` edits of each place, spread over the whole feed, in an order that mixes places and positions,
 * as a person editing here and there would.
 */
export function planEdits(text: string, perPlace: number): CharEdit[] {
  const edits: CharEdit[] = [];
  for (const place of PLACES) {
    const all = candidates(text, place);
    for (const i of spreadIndices(all.length, perPlace)) edits.push(all[i]);
  }
  const rng = new Rng(perPlace);
  const byPlace = PLACES.map((p) => edits.filter((e) => e.place === p));
  for (const list of byPlace) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [list[i], list[j]] = [list[j], list[i]];
    }
  }
  const mixed: CharEdit[] = [];
  for (let i = 0; i < perPlace; i++) for (const list of byPlace) if (list[i]) mixed.push(list[i]);
  return mixed;
}

export function applyEdit(text: string, e: CharEdit): string {
  return text.slice(0, e.offset) + e.char + text.slice(e.offset + 1);
}

/** Line starts, for turning offsets into LSP positions (the feeds here end lines with `\n`). */
export function lineStarts(text: string): Int32Array {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return Int32Array.from(starts);
}

export function positionAt(starts: Int32Array, offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

export function charChange(starts: Int32Array, e: CharEdit): ContentChange {
  return { range: { start: positionAt(starts, e.offset), end: positionAt(starts, e.offset + 1) }, text: e.char };
}

export interface ReplaceAll {
  word: string;
  replacement: string;
  /** Where the replaced occurrences start, ascending. */
  offsets: number[];
  /** How often the word occurs in all. */
  occurrences: number;
}

/**
 * Replaces `count` occurrences of the rarest lower-case word that occurs at least `count` times, spread over
 * the feed. The word changes length, as most replacements do, so every later position moves.
 */
export function planReplaceAll(text: string, count: number): ReplaceAll {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\b[a-z]{5,}\b/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  const [word] = [...counts]
    .filter(([, n]) => n >= count)
    .sort(([a, n], [b, m]) => n - m || (a < b ? -1 : 1))
    .map(([w]) => w);
  if (!word) throw new Error(`no word occurs ${count} times`);
  const all = [...text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))].map((m) => m.index);
  const replacement = word === 'undertaking' ? 'initiative' : 'undertaking';
  return { word, replacement, offsets: spreadIndices(all.length, count).map((i) => all[i]), occurrences: all.length };
}

/**
 * The Replace All as VS Code sends the edits of one multi-cursor edit: every change in one didChange, sorted
 * by descending position, each range in the coordinates of the text before the edit (which stay valid when
 * the changes are applied in order, since each lies before the ones already applied).
 */
export function replaceAllChanges(text: string, r: ReplaceAll): ContentChange[] {
  const starts = lineStarts(text);
  return [...r.offsets].reverse().map((o) => ({
    range: { start: positionAt(starts, o), end: positionAt(starts, o + r.word.length) },
    text: r.replacement,
  }));
}

/**
 * The same edit as VS Code's Replace All sends it for a thousand matches or more: its text buffer folds them
 * into one change from the first match to the end of the last.
 */
export function collapsedChange(text: string, r: ReplaceAll): ContentChange {
  const starts = lineStarts(text);
  const first = r.offsets[0];
  const end = r.offsets[r.offsets.length - 1] + r.word.length;
  let replaced = '';
  let at = first;
  for (const o of r.offsets) {
    replaced += text.slice(at, o) + r.replacement;
    at = o + r.word.length;
  }
  return { range: { start: positionAt(starts, first), end: positionAt(starts, end) }, text: replaced };
}

/** The text after the Replace All. */
export function applyReplaceAll(text: string, r: ReplaceAll): string {
  let out = '';
  let at = 0;
  for (const o of r.offsets) {
    out += text.slice(at, o) + r.replacement;
    at = o + r.word.length;
  }
  return out + text.slice(at);
}

/** The Replace All that undoes `r`, in the coordinates of the text after it. */
export function undoReplaceAll(r: ReplaceAll): ReplaceAll {
  const shift = r.replacement.length - r.word.length;
  return {
    word: r.replacement,
    replacement: r.word,
    offsets: r.offsets.map((o, k) => o + k * shift),
    occurrences: r.offsets.length,
  };
}
