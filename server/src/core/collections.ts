/** Small collection helpers used across the core. */
import type { Span } from './text';

/** Appends `value` to the list under `key`, creating the list on first use. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The map under `key`, created on first use. */
export function mapAt<K, K2, V>(map: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map<K2, V>()));
  return inner;
}

/** Binary search for the item whose span holds `offset`, over items sorted by position and not overlapping. */
export function itemAt<T extends { span: Span }>(items: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].span.end < offset) lo = mid + 1;
    else if (items[mid].span.start > offset) hi = mid - 1;
    else return items[mid];
  }
  return undefined;
}

/**
 * The index of the last of the ascending `values` that is at or before `value`, by binary search; 0 when `value`
 * comes before them all, which puts a position before the first line or release into the first.
 */
export function lastAtOrBefore(values: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The first index in `0..length` whose item is not `before` the one sought, by binary search: the items before
 * it must all be, and the items from it on must all not be. Where a sought item is, or would be inserted.
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
