/**
 * Text primitives shared by the parser, the rules and every consumer.
 *
 * All offsets are UTF-16 code units into the document string, which are the
 * same units that LSP positions use, so no conversion is ever needed between
 * the core and the protocol apart from line splitting.
 */

import type { TextChange } from './change';
import { lastAtOrBefore } from './collections';

/** A half-open range `[start, end)` of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A zero-based line and UTF-16 character, the same shape as an LSP position. */
export interface Position {
  line: number;
  character: number;
}

/** One physical line of the document, without its line terminator. */
export interface Line extends Span {
  index: number;
  text: string;
}

const LF = 10;
const CR = 13;

/**
 * The lines of a document as one array of start offsets, split on `\n`,
 * `\r\n` and a lone `\r`, the same three terminators that LSP and VS Code
 * recognise, so our line numbers never drift from the editor's. A typed
 * array of starts, not an object per line, keeps six million lines at 24 MB;
 * a line's text is sliced only when someone asks for it.
 */
export class LineIndex {
  private readonly starts: Uint32Array;

  constructor(
    readonly text: string,
    starts?: Uint32Array,
  ) {
    this.starts = starts ?? lineStarts(text);
  }

  /**
   * The line index of `text`, a newer version of this index's text that differs
   * only in `change`: lines before the change are kept, lines after it move, and
   * only the changed lines are scanned.
   */
  afterChange(text: string, change: TextChange): LineIndex {
    const delta = change.newEnd - change.oldEnd;
    // The line before the change may end in a CR that the change joins to an LF, so scanning starts there.
    const first = this.lineAt(Math.max(0, change.start - 1));
    // Lines that start past the change and its neighbouring character begin in text that did not change.
    const tail = this.lineAt(Math.min(this.text.length, change.oldEnd + 1)) + 1;
    // The terminator before the first kept line is unchanged text too, so the scan stops just short of it.
    const scanEnd = tail < this.starts.length ? this.starts[tail] + delta - 1 : text.length;
    const middle = startsIn(text, this.starts[first], scanEnd);
    const starts = new Uint32Array(first + 1 + middle.length + (this.starts.length - tail));
    starts.set(this.starts.subarray(0, first + 1));
    starts.set(middle, first + 1);
    for (let i = tail, k = first + 1 + middle.length; i < this.starts.length; i++, k++)
      starts[k] = this.starts[i] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  /** Where the line's text ends, before its terminator. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[line + 1];
    return next >= 2 && this.text.charCodeAt(next - 2) === CR && this.text.charCodeAt(next - 1) === LF
      ? next - 2
      : next - 1;
  }

  line(line: number): Line {
    const start = this.starts[line];
    const end = this.lineEnd(line);
    return { index: line, start, end, text: this.text.slice(start, end) };
  }

  /**
   * The terminator that ends this line, so that a fix which splits the line copies it. The last line has none,
   * and takes the one of the line before it: what is nearest, so that a release's fixes depend on its own text.
   */
  terminatorAfter(line: number): string {
    if (line + 1 < this.starts.length) return this.text.slice(this.lineEnd(line), this.starts[line + 1]);
    return line > 0 ? this.terminatorAfter(line - 1) : '\n';
  }

  /** The line that holds `offset`, by binary search over the line starts. */
  lineAt(offset: number): number {
    return lastAtOrBefore(this.starts, offset);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    return { line, character: o - this.starts[line] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const lineStart = this.starts[pos.line];
    const nextStart = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + pos.character, nextStart));
  }
}

/** The starts of the lines that begin inside `(from, to]`: each one just after a terminator in `[from, to)`. */
function startsIn(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) out.push(i + 1);
  }
  return out;
}

/** Counts the lines first, then fills a typed array, so no growing array of numbers is ever built. */
function lineStarts(text: string): Uint32Array {
  const n = text.length;
  const hasCr = text.indexOf('\r') >= 0;
  let count = 1;
  if (!hasCr) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  } else {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
    }
  }
  const starts = new Uint32Array(count);
  let k = 1;
  if (!hasCr) {
    // The common case, LF only, lets indexOf skip through long paragraphs natively.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  } else {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) starts[k++] = i + 1;
    }
  }
  return starts;
}

/** The terminator of the document's first line, for lines that have none of their own; `\n` when there is none. */
export function detectEol(text: string): string {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  if (lf >= 0 && lf < cr) return '\n';
  return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
}

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

/**
 * Counts words as runs of letters or digits, which is what reading-time and
 * body-length checks need. Counting stops at `limit`, so a check that only
 * needs to know "at least N" does not walk a long body to its end.
 */
export function countWords(text: string, limit = Infinity): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (n < limit && WORD.exec(text)) n++;
  return n;
}

/** Longest piece of document text that a message quotes; a 10 MB "URL" must not become a 10 MB diagnostic. */
export const MAX_QUOTED = 80;

/** Document text for a message: whitespace runs become one space, and past `max` characters it ends in an ellipsis. */
export function clip(text: string, max = MAX_QUOTED): string {
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  const flat = head.replace(/\s+/g, ' ');
  if (flat.length <= max && head.length === text.length) return flat;
  // A surrogate pair is never cut in half.
  let cut = Math.min(flat.length, max - 1);
  const c = flat.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${flat.slice(0, cut)}…`;
}
