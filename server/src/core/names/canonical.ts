/**
 * The one rule for which spelling of a name is canonical. The diagnostic,
 * its quick fixes, hover, completion and rename all ask here, so they can
 * never disagree.
 */
import type { NameToken } from './tokens';

/** A group of spellings: a whole cluster, or its part in one release. */
export type Spellings = ReadonlyMap<string, readonly NameToken[]>;

/**
 * The dictionary's spelling when there is one; else the most frequent
 * spelling of the group; on a tie, the one that appears first.
 */
export function canonicalSpelling(group: Spellings, dictionary?: string): string {
  if (dictionary) return dictionary;
  let best = '';
  let count = -1;
  let first = Infinity;
  for (const [spelling, tokens] of group) {
    const at = tokens[0]?.span.start ?? Infinity;
    if (tokens.length > count || (tokens.length === count && at < first)) {
      best = spelling;
      count = tokens.length;
      first = at;
    }
  }
  return best;
}
