/** Comparing acronyms: short strings of capitals are all near each other, so the tests here are strict. */

function sorted(s: string): string {
  return [...s].sort().join('');
}

/** The same letters, perhaps in another order (AEKU/AEUK). */
export function sameLetters(a: string, b: string): boolean {
  return sorted(a) === sorted(b);
}

/** True when one letter string holds the other's letters plus at most one more. */
function containsLetters(long: string, short: string): boolean {
  const counts = new Map<string, number>();
  for (const c of long) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const c of short) {
    const n = counts.get(c) ?? 0;
    if (n === 0) return false;
    counts.set(c, n - 1);
  }
  return true;
}

/**
 * Whether two acronyms look like spellings of one name: the same letters
 * in another order (ZEKU/ZEUK), or one letter more or less (ZEK/ZEKU,
 * SCO/CSTO). Different letters in the same slots (KTP/GTP) do not count,
 * and neither do acronyms under three letters.
 */
export function acronymsAlike(a: string, b: string): boolean {
  if (a === b || a.length < 3 || b.length < 3 || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) return sameLetters(a, b);
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return containsLetters(long, short);
}
