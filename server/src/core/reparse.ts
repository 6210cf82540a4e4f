/**
 * Parsing only what an edit touched. The releases before the change keep
 * their slots; parsing starts again right after the last of them, in the
 * state "between releases" with the category in effect there, and stops as
 * soon as it reaches, past the change, a line where an unchanged release of
 * the earlier version starts with the same category: from there on the
 * earlier releases are the same text, and only move.
 */
import { partitionPoint } from './collections';
import type { TextChange } from './change';
import type { ReleaseSlot } from './analysis';
import type { Category, Release } from './model';
import { parseReleasesFrom, type ParseOptions } from './parser';
import { moveCategory } from './shift';
import type { LineIndex } from './text';

/** The slots of the earlier version, the text it had, and the change that made the new text. */
export interface Earlier {
  slots: readonly ReleaseSlot[];
  lineIndex: LineIndex;
  change: TextChange;
}

/** What a partial parse produced: slots kept before the change, releases read again, slots kept after it. */
export interface Reparse {
  before: readonly ReleaseSlot[];
  parsed: Release[];
  /** The earlier slots that start where parsing stopped, still in the earlier version's places. */
  after: readonly ReleaseSlot[];
  /** How far the releases after the change moved, in code units and lines. */
  delta: number;
  lineDelta: number;
}

const lastLineOf = (s: ReleaseSlot) => s.parsed.release.lastLine + s.lineDelta;
const firstLineOf = (s: ReleaseSlot) => s.parsed.release.firstLine + s.lineDelta;

/**
 * The first slot that the change may touch: one whose last line, with the
 * terminator after it, reaches the change. Lines, not spans, decide, since
 * typing after a Source's trailing blanks changes that Source; and the
 * terminator counts, since a release's fixes copy it: a change between the
 * `\r` and the `\n` of a CRLF, or a `\n` typed right after a lone `\r`,
 * changes it.
 */
function firstTouched(slots: readonly ReleaseSlot[], lines: LineIndex, change: TextChange): number {
  return partitionPoint(slots.length, (i) => {
    const last = lastLineOf(slots[i]);
    return lines.lineEnd(last) + lines.terminatorAfter(last).length < change.start;
  });
}

/** Releases of `text` where they differ from the earlier version's, the rest kept from it. */
export function reparse(earlier: Earlier, lineIndex: LineIndex, options: ParseOptions): Reparse {
  const { slots, change } = earlier;
  const delta = change.newEnd - change.oldEnd;
  const lineDelta = lineIndex.lineCount - earlier.lineIndex.lineCount;
  let first = firstTouched(slots, earlier.lineIndex, change);
  // A release without a Source ends only where the next one starts, so a change after it may extend it.
  while (first > 0 && !slots[first - 1].parsed.release.source) first--;
  const previous = first > 0 ? slots[first - 1] : undefined;
  const previousCategory = previous?.parsed.release.category;
  const start = {
    line: previous ? lastLineOf(previous) + 1 : 0,
    index: first,
    category: previousCategory && moveCategory(previousCategory, previous),
  };
  // Earlier releases whose first line lies wholly past the change, by the line they start on in the new text.
  const resumeAt = new Map<number, number>();
  for (let j = first; j < slots.length; j++) {
    const line = firstLineOf(slots[j]);
    if (earlier.lineIndex.lineStart(line) > change.oldEnd + 1) resumeAt.set(line + lineDelta, j);
  }
  const canResume = (line: number, category: Category | undefined) => {
    const j = resumeAt.get(line);
    if (j === undefined) return false;
    const theirs = slots[j].parsed.release.category;
    // The category in effect must be the same line, wherever it moved to.
    if (!theirs || !category) return theirs === category;
    return theirs.name === category.name && theirs.line + slots[j].lineDelta + lineDelta === category.line;
  };
  const parsed: Release[] = [];
  const reader = parseReleasesFrom(lineIndex, options, start, canResume);
  let step = reader.next();
  for (; !step.done; step = reader.next()) parsed.push(step.value);
  const stoppedAt = step.value;
  const after = stoppedAt === undefined ? [] : slots.slice(resumeAt.get(stoppedAt));
  return { before: slots.slice(0, first), parsed, after, delta, lineDelta };
}
