/**
 * The strings of every summary, by number: a name spelled in a thousand files is kept once, and a summary keeps a
 * number per string rather than a reference. A copy is made on entry, so a kept string never holds on to the text
 * it was cut from. The table only grows, with the distinct spellings, keys, initials, followers and acronyms seen.
 */
const strings: string[] = [];
const numbered = new Map<string, number>();

/** The number of `s` in the table, which it joins if it is new. */
export function stringNumber(s: string): number {
  let n = numbered.get(s);
  if (n === undefined) {
    n = strings.length;
    // A JSON round trip builds a string of its own, where a slice would be a view of the file's text.
    const kept = JSON.parse(JSON.stringify(s)) as string;
    strings.push(kept);
    numbered.set(kept, n);
  }
  return n;
}

/** The string numbered `n`. */
export function stringAt(n: number): string {
  return strings[n];
}
