/**
 * Text primitives shared by the parser, the rules and every consumer.
 *
 * All offsets are UTF-16 code units into the document string, which are the
 * same units that LSP positions use, so no conversion is ever needed between
 * the core and the protocol apart from line splitting.
 */

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

/**
 * Splits text into lines on `\n`, `\r\n` and a lone `\r`, the same three
 * terminators that LSP and VS Code recognise, so our line numbers never drift
 * from the editor's.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const n = text.length;
  let start = 0;
  if (text.indexOf('\r') < 0) {
    // The common case, LF only, lets indexOf skip through long paragraphs natively.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */ || c === 13 /* \r */) {
        lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
        if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
  }
  lines.push({ index: lines.length, start, end: n, text: text.slice(start, n) });
  return lines;
}

/** Maps offsets to positions and back with a binary search over line starts. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string, lines?: Line[]) {
    this.starts = (lines ?? splitLines(text)).map((l) => l.start);
    // The parser starts line 0 after a BOM; positions still count from the true start.
    this.starts[0] = 0;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const lineStart = this.starts[pos.line];
    const nextStart = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + pos.character, nextStart));
  }
}

/** The line terminator that the document mostly uses, so that inserted lines match it. */
export function detectEol(text: string): string {
  const crlf = text.indexOf('\r\n');
  const lf = text.indexOf('\n');
  return crlf >= 0 && crlf < lf ? '\r\n' : '\n';
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
