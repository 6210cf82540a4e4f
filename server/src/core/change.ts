/**
 * Where two versions of a document differ: one changed region, found by
 * comparing from both ends. Comparing in chunks lets the engine's native
 * string comparison do the work, so a 10 MB document costs about a
 * millisecond, not a loop over every character.
 */

/** One replaced region: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

const CHUNK = 4096;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the common suffix of `a` and `b`, not reaching back past `floor` in either. */
function commonSuffix(a: string, b: string, floor: number): number {
  const max = Math.min(a.length, b.length) - floor;
  let n = 0;
  while (
    n + CHUNK <= max &&
    a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)
  ) {
    n += CHUNK;
  }
  while (n < max && a.charCodeAt(a.length - n - 1) === b.charCodeAt(b.length - n - 1)) n++;
  return n;
}

/** The region where `after` differs from `before`, or undefined when they are equal. */
export function findChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const start = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, start);
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}
