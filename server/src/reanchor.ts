/**
 * Keeps quick fixes honest when the document moves on. A fix travels in a diagnostic's `data` with the
 * offsets of the version it was made for; between an edit and the next publish, those offsets may point
 * into the middle of a word. So each edit remembers the text it replaces and a little context on each
 * side, and before it is offered again it is found in the current text: where it was, or shifted by the
 * same amount as its fix's other edits, or not at all, in which case the fix is dropped.
 *
 * Pure functions over strings and UTF-16 offsets; the server maps the result to LSP positions.
 */

/** How much text on each side of an edit it remembers, in UTF-16 code units. */
export const CONTEXT_UNITS = 16;
/** How far from its old place, each way, an edit is looked for, in UTF-16 code units. */
export const SEARCH_WINDOW = 4096;

/** An edit with what it expects to find, as recorded in the version it was made for. */
export interface AnchoredEdit {
  /** Where the replaced text started. */
  offset: number;
  /** The text the edit replaces; empty for an insertion. */
  expect: string;
  /** Up to CONTEXT_UNITS units before `expect`, fewer at the start of the document. */
  before: string;
  /** Up to CONTEXT_UNITS units after `expect`, fewer at the end of the document. */
  after: string;
  newText: string;
}

interface Span {
  start: number;
  end: number;
}

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Records what `edit` expects in `text`, the version it is made for. */
export function anchorEdit(
  text: string,
  edit: OffsetEdit,
  within: Span = { start: 0, end: text.length },
): AnchoredEdit {
  // Context stays within `within` (a release's own lines), so that it depends on nothing an edit elsewhere changes.
  let from = Math.max(within.start, edit.start - CONTEXT_UNITS);
  let to = Math.min(within.end, edit.end + CONTEXT_UNITS);
  // Context never starts or ends inside a surrogate pair, so that it stays well-formed text in JSON.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  return {
    offset: edit.start,
    expect: text.slice(edit.start, edit.end),
    before: text.slice(Math.min(from, edit.start), edit.start),
    after: text.slice(edit.end, Math.max(to, edit.end)),
    newText: edit.newText,
  };
}

/**
 * The edits of one fix, placed in `text`: every edit's context and text must be found shifted by one and
 * the same offset, the nearest such shift to the old place winning. Undefined when there is none within
 * SEARCH_WINDOW, and the fix must then be dropped.
 */
export function reanchor(text: string, edits: readonly AnchoredEdit[]): OffsetEdit[] | undefined {
  if (edits.length === 0) return undefined;
  const first = edits[0];
  const needle = first.before + first.expect + first.after;
  const origin = first.offset - first.before.length;
  for (const shift of candidateShifts(text, needle, origin)) {
    if (edits.every((e) => fitsAt(text, e, shift))) {
      return edits.map((e) => ({
        start: e.offset + shift,
        end: e.offset + shift + e.expect.length,
        newText: e.newText,
      }));
    }
  }
  return undefined;
}

/** Every shift at which `needle` occurs within the window around `origin`, nearest first. */
function candidateShifts(text: string, needle: string, origin: number): number[] {
  const lo = Math.max(0, origin - SEARCH_WINDOW);
  const hi = Math.min(text.length, origin + needle.length + SEARCH_WINDOW);
  const shifts: number[] = [];
  for (let from = lo; from + needle.length <= hi;) {
    const i = text.indexOf(needle, from);
    if (i < 0 || i + needle.length > hi) break;
    shifts.push(i - origin);
    from = i + 1;
  }
  return shifts.sort((a, b) => Math.abs(a) - Math.abs(b) || a - b);
}

/** Whether the edit's text and context are found `shift` code units from where it was made. */
export function fitsAt(text: string, e: AnchoredEdit, shift: number): boolean {
  const at = e.offset - e.before.length + shift;
  return at >= 0 && text.startsWith(e.before + e.expect + e.after, at);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
