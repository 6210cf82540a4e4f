/**
 * Applying a didChange's content changes to a document. The library applies them one at a time and rebuilds
 * the whole text for each, so a Replace All of thousands of matches in a 10 MB feed costs thousands of copies
 * of 10 MB. When the changes of one didChange do not overlap, the final text is the original's unchanged
 * pieces and the new texts, joined once; that is what this module does. Whenever it cannot prove that the
 * joined text is what applying the changes in order would give, it leaves the work to the library.
 *
 * LSP applies the changes of one didChange in order, each to the text the previous ones left. An editor sends
 * a multi-range edit either from the last range to the first (VS Code does), so that each range holds in the
 * original text too, or from the first to the last, each range in coordinates shifted by the changes before
 * it. Both orders are placed in the original text; any other order goes to the library.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

const CR = 13;
const LF = 10;

/** A change of the batch placed in the original text: the span it replaces there, and its new text. */
export interface PlacedChange {
  start: number;
  end: number;
  text: string;
}

interface RangedChange {
  range: Range;
  text: string;
}

/**
 * Applies `changes` to `doc` as the library's `TextDocument.update` does, and returns the same document with
 * the new text and version. The document is updated in place, as the library does, because the open
 * documents are compared by identity: a request that holds the document sees its newest version.
 */
export function applyContentChanges(
  doc: TextDocument,
  changes: TextDocumentContentChangeEvent[],
  version: number,
): TextDocument {
  const placed = placeChanges(doc, changes);
  if (!placed) return TextDocument.update(doc, changes, version);
  // One full-text change: the library takes the text as it is and finds line starts again when first asked.
  return TextDocument.update(doc, [{ text: joinPieces(doc.getText(), placed) }], version);
}

/**
 * The changes placed in `doc`'s text, in text order, without overlaps; undefined when there is nothing to gain
 * (a single change) or when the batch cannot be placed with certainty: a full-text change, a position outside
 * the text, overlapping ranges, or an order that is neither descending nor ascending.
 */
export function placeChanges(
  doc: TextDocument,
  changes: readonly TextDocumentContentChangeEvent[],
): PlacedChange[] | undefined {
  if (changes.length < 2 || !changes.every(isRanged)) return undefined;
  const ranged = changes as readonly RangedChange[];
  return placeDescending(doc, ranged) ?? placeAscending(doc, ranged);
}

/** The final text: the original up to each change, its new text, and the original after the last one. */
function joinPieces(text: string, placed: readonly PlacedChange[]): string {
  const pieces: string[] = [];
  let at = 0;
  for (const p of placed) {
    pieces.push(text.slice(at, p.start), p.text);
    at = p.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** A change with a range, by the library's own test, so that anything it would treat otherwise stays with it. */
function isRanged(change: TextDocumentContentChangeEvent): boolean {
  const c = change as Partial<RangedChange> & { rangeLength?: unknown };
  return (
    typeof c.text === 'string' &&
    c.range !== undefined &&
    c.range !== null &&
    (c.rangeLength === undefined || typeof c.rangeLength === 'number')
  );
}

/**
 * The offset of `p` in `doc`, when `p` names a place in the text as it stands: a line that exists and a
 * character no further than the line's end. The library clamps other positions, and clamped positions are
 * left to it.
 */
function offsetIn(doc: TextDocument, p: Position): number | undefined {
  const { line, character } = p;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return undefined;
  if (line >= doc.lineCount) return undefined;
  const offset = doc.offsetAt(p);
  return offset === doc.offsetAt({ line, character: 0 }) + character ? offset : undefined;
}

/** Start before end, compared as the library compares them before it applies a change. */
function wellFormed(range: Range): Range {
  const { start, end } = range;
  const reversed = start.line > end.line || (start.line === end.line && start.character > end.character);
  return reversed ? { start: end, end: start } : range;
}

/**
 * Places a batch sent from the last range to the first. The text before the earliest change so far is still
 * the original's, so a range that ends there can be read in the original text. One ending exactly there,
 * right after a carriage return, is left to the library: the earlier change may have put a line feed after
 * that carriage return, and the line the position counts from would no longer start where it did.
 */
function placeDescending(doc: TextDocument, changes: readonly RangedChange[]): PlacedChange[] | undefined {
  const text = doc.getText();
  const placed: PlacedChange[] = [];
  let bound = text.length;
  for (const change of changes) {
    const range = wellFormed(change.range);
    const start = offsetIn(doc, range.start);
    const end = offsetIn(doc, range.end);
    if (start === undefined || end === undefined || end > bound) return undefined;
    if (placed.length > 0 && end === bound && text.charCodeAt(bound - 1) === CR) return undefined;
    placed.push({ start, end, text: change.text });
    bound = start;
  }
  return placed.reverse();
}

/**
 * Where the text changed so far ends, for a batch sent from the first range to the last. Past `end` (an
 * offset in the original text) the current text is the original's, its lines moved down by `lineShift`;
 * `line` and `column` are where `end` now stands, and `before` is the character just before it (-1 at the
 * start of the text).
 */
interface AscendingState {
  end: number;
  line: number;
  column: number;
  lineShift: number;
  before: number;
}

/** Places a batch sent from the first range to the last, each range in the coordinates the earlier ones left. */
function placeAscending(doc: TextDocument, changes: readonly RangedChange[]): PlacedChange[] | undefined {
  const state: AscendingState = { end: 0, line: 0, column: 0, lineShift: 0, before: -1 };
  const placed: PlacedChange[] = [];
  for (const change of changes) {
    const range = wellFormed(change.range);
    const start = shiftedOffset(doc, state, range.start);
    const end = shiftedOffset(doc, state, range.end);
    if (start === undefined || end === undefined || end < start) return undefined;
    const p = { start, end, text: change.text };
    if (!advance(doc, state, p, range.start)) return undefined;
    placed.push(p);
  }
  return placed;
}

/**
 * The original offset of a position in the current text, when it lies at or after the end of the changes so
 * far: on the line where they end, counted from their end; on a later line, an original line moved down by
 * `lineShift`.
 */
function shiftedOffset(doc: TextDocument, state: AscendingState, p: Position): number | undefined {
  if (!Number.isInteger(p.line) || p.line < state.line) return undefined;
  if (p.line > state.line) return offsetIn(doc, { line: p.line - state.lineShift, character: p.character });
  if (!Number.isInteger(p.character) || p.character < state.column) return undefined;
  const from = doc.positionAt(state.end);
  return offsetIn(doc, { line: from.line, character: from.character + p.character - state.column });
}

/**
 * Moves the state past change `p`, which starts at `start` in the current text. Line breaks are counted in the
 * new text alone, which holds unless a carriage return and a line feed meet across one of its ends: then
 * they become one line break, and the change is left to the library.
 */
function advance(doc: TextDocument, state: AscendingState, p: PlacedChange, start: Position): boolean {
  const text = doc.getText();
  const before = p.start > state.end ? text.charCodeAt(p.start - 1) : state.before;
  const after = text.charCodeAt(p.end);
  const first = p.text.length > 0 ? p.text.charCodeAt(0) : after;
  const last = p.text.length > 0 ? p.text.charCodeAt(p.text.length - 1) : before;
  if ((before === CR && first === LF) || (p.text.length > 0 && last === CR && after === LF)) return false;
  const breaks = lineBreaks(p.text);
  state.line = start.line + breaks.count;
  state.column = breaks.count > 0 ? p.text.length - breaks.lastLineStart : start.character + p.text.length;
  state.end = p.end;
  state.lineShift = state.line - doc.positionAt(p.end).line;
  state.before = last;
  return true;
}

/** How many line breaks `text` holds (`\r\n`, `\r` or `\n`, as LSP counts them), and where its last line starts. */
function lineBreaks(text: string): { count: number; lastLineStart: number } {
  let count = 0;
  let lastLineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== CR && c !== LF) continue;
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    count++;
    lastLineStart = i + 1;
  }
  return { count, lastLineStart };
}
