/**
 * The edits that turn one text into another, as few and as small as a quick line comparison finds. Format
 * Document sends these instead of the whole new text, so the editor keeps the cursor, folds and markers of
 * every line the fixes did not touch.
 */
import { findChange } from './change';
import type { TextEdit } from './types';

/**
 * How far ahead, in lines of either text, a changed region is searched for its end. Safe fixes change a line
 * or split one in two, so a real region is a few lines long; past this, the rest is one edit, which is still
 * right, only larger.
 */
const RESYNC_WINDOW = 64;

/** The text's lines, each with its own terminator, so that joining them gives the text back. */
export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** The text's words and the runs of blanks and line ends between them, which join to give the text back. */
function splitWords(text: string): string[] {
  return text.match(/\s+|\S+/g) ?? [];
}

interface Cursor {
  /** The next part of `before` and of `after`. */
  i: number;
  j: number;
}

/**
 * Whether `a` and `b` agree for `need` parts from `x` and `y`; both ending together counts as agreeing.
 * Lines need one equal line; words need two equal parts in a row, or every space would be an anchor.
 */
function agree(a: readonly string[], b: readonly string[], x: number, y: number, need: number): boolean {
  for (let t = 0; t < need; t++) {
    const aEnded = x + t >= a.length;
    const bEnded = y + t >= b.length;
    if (aEnded || bEnded) return aEnded && bEnded && t > 0;
    if (a[x + t] !== b[y + t]) return false;
  }
  return true;
}

/** Where `a` and `b` agree again from `at` on, nearest first, or the ends of both. */
function resync(a: readonly string[], b: readonly string[], at: Cursor, need: number): Cursor {
  for (let d = 1; d <= RESYNC_WINDOW; d++) {
    for (let k = 0; k <= d; k++) if (agree(a, b, at.i + k, at.j + d - k, need)) return { i: at.i + k, j: at.j + d - k };
  }
  return { i: a.length, j: b.length };
}

/** A changed region: `oldText` at `offset` of the old text became `newText`. */
type OnHunk = (offset: number, oldText: string, newText: string) => void;

/** Walks two lists of parts in step, and hands each region where they differ to `onHunk`. */
function walk(a: readonly string[], b: readonly string[], need: number, onHunk: OnHunk): void {
  const at: Cursor = { i: 0, j: 0 };
  let offset = 0;
  while (at.i < a.length || at.j < b.length) {
    if (at.i < a.length && at.j < b.length && a[at.i] === b[at.j]) {
      offset += a[at.i++].length;
      at.j++;
      continue;
    }
    const next = resync(a, b, at, need);
    const oldText = a.slice(at.i, next.i).join('');
    onHunk(offset, oldText, b.slice(at.j, next.j).join(''));
    offset += oldText.length;
    Object.assign(at, next);
  }
}

/**
 * Edits, in document order and in offsets of `before`, whose application to `before` gives `after`. Lines
 * are compared first; in each changed run of lines, words; in each changed run of words, only the characters
 * that differ are replaced, so that fixes on neighbouring lines stay small edits of their own.
 */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const edits: TextEdit[] = [];
  walk(splitLines(before), splitLines(after), 1, (lineAt, oldLines, newLines) =>
    walk(splitWords(oldLines), splitWords(newLines), 2, (wordAt, oldText, newText) => {
      const change = findChange(oldText, newText);
      if (!change) return;
      const start = lineAt + wordAt + change.start;
      edits.push({ start, end: lineAt + wordAt + change.oldEnd, newText: newText.slice(change.start, change.newEnd) });
    }),
  );
  return edits;
}
