/**
 * Line and character positions for findings that arrive in document order.
 * The core hands findings to the report before it knows the line table (that
 * comes with the summary at the end), so the report finds lines itself: one
 * forward scan over the text for the whole file instead of a table of every
 * line start, which for millions of lines costs more memory than the report.
 */
import type { Position } from '../core/index';

const LF = 10;
const CR = 13;

/** A cursor that only moves forward, unless asked for an offset before its line, when it starts again. */
class LineCursor {
  line = 0;
  lineStart = 0;
  /** Every line end before this offset has been counted. */
  scanned = 0;

  constructor(private readonly text: string) {}

  positionAt(offset: number): Position {
    const target = Math.max(0, Math.min(offset, this.text.length));
    if (target < this.lineStart) this.restart();
    this.scanTo(target);
    return { line: this.line, character: target - this.lineStart };
  }

  copyFrom(other: LineCursor): void {
    this.line = other.line;
    this.lineStart = other.lineStart;
    this.scanned = other.scanned;
  }

  private restart(): void {
    this.line = 0;
    this.lineStart = 0;
    this.scanned = 0;
  }

  /** Counts `\n`, a lone `\r` and `\r\n` (once, at its `\n`) as line ends, like the editor. */
  private scanTo(target: number): void {
    const text = this.text;
    for (let i = this.scanned; i < target; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    if (target > this.scanned) this.scanned = target;
  }
}

/**
 * Positions of the starts and ends of findings in document order. Starts only
 * move forward; ends do not (a long finding may be followed by a short one),
 * but an end lies at or after its start, so the start cursor is always a
 * correct place for the end cursor to continue from.
 */
export class FindingPositions {
  private readonly starts: LineCursor;
  private readonly ends: LineCursor;

  constructor(text: string) {
    this.starts = new LineCursor(text);
    this.ends = new LineCursor(text);
  }

  start(offset: number): Position {
    return this.starts.positionAt(offset);
  }

  /** Call after `start` for the same finding. */
  end(offset: number): Position {
    // The end cursor lags behind the start cursor, or has run past this end's line: either way the
    // start cursor is the closer place to scan from.
    if (this.ends.scanned < this.starts.scanned || offset < this.ends.lineStart) this.ends.copyFrom(this.starts);
    return this.ends.positionAt(offset);
  }
}
