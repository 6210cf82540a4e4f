/**
 * The one rule for which spelling of a name is canonical. The diagnostic,
 * its quick fixes, hover, completion and rename all ask here, so they can
 * never disagree.
 */
import { nearKeys } from './fold';
import type { NameToken } from './tokens';

/** A group of spellings: a whole cluster, or its part in one release. */
export type Spellings = ReadonlyMap<string, readonly NameToken[]>;

/**
 * The rule that picks a name's canonical spelling, within a feed and across a workspace alike: the spelling
 * written most often, and on a tie the one written first, as `writtenBefore` orders them.
 */
export function mostFrequentThenFirst<T>(
  spellings: Iterable<T>,
  countOf: (s: T) => number,
  writtenBefore: (a: T, b: T) => boolean,
): T | undefined {
  let best: T | undefined;
  for (const s of spellings) {
    if (best === undefined || countOf(s) > countOf(best)) best = s;
    else if (countOf(s) === countOf(best) && writtenBefore(s, best)) best = s;
  }
  return best;
}

/**
 * The dictionary's spelling when there is one; else the most frequent
 * spelling of the group; on a tie, the one that appears first.
 */
export function canonicalSpelling(group: Spellings, dictionary?: string): string {
  if (dictionary) return dictionary;
  const firstAt = ([, tokens]: [string, readonly NameToken[]]) => tokens[0]?.span.start ?? Infinity;
  const best = mostFrequentThenFirst(
    group,
    ([, tokens]) => tokens.length,
    (a, b) => firstAt(a) < firstAt(b),
  );
  return best?.[0] ?? '';
}

/** Whether two sets of what is known agree: when both know something, they must share some of it. */
export function agree<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/**
 * Whether two spellings of one cluster can be the same entity. Initials, when both are known, must agree;
 * and so must the kinds, so that a person and the place named after them (`Nurtobe Akhmetov`, `Nur-Tobe`)
 * stay two names.
 */
export function compatible(a: readonly NameToken[], b: readonly NameToken[]): boolean {
  const initials = (ts: readonly NameToken[]) => new Set(ts.map((t) => t.initial).filter((x): x is string => !!x));
  const kinds = (ts: readonly NameToken[]) => new Set(ts.map((t) => t.kind).filter((k) => k !== 'unknown'));
  return agree(initials(a), initials(b)) && agree(kinds(a), kinds(b)) && followersAgree(a, b) && !statedApart(a, b);
}

/**
 * Whether the text tells two spellings apart: a spelling that the release introduces as another thing (`not
 * to be confused with`, `a different village from`) is another name than its rivals in that release.
 */
function statedApart(a: readonly NameToken[], b: readonly NameToken[]): boolean {
  const contrastedIn = (ts: readonly NameToken[]) => new Set(ts.filter((t) => t.contrast).map((t) => t.release));
  const releasesOf = (ts: readonly NameToken[]) => new Set(ts.map((t) => t.release));
  const overlap = (x: ReadonlySet<number>, y: ReadonlySet<number>) => [...x].some((r) => y.has(r));
  return overlap(contrastedIn(a), releasesOf(b)) || overlap(contrastedIn(b), releasesOf(a));
}

/**
 * Whether the names that follow two spellings of a given name can be one surname (equal or one guarded edit
 * apart): `Yuriy Ushakov` and `Yuri Ilyin` are two people. A bare given name says nothing, and agrees.
 */
function followersAgree(a: readonly NameToken[], b: readonly NameToken[]): boolean {
  const followers = (ts: readonly NameToken[]) => new Set(ts.map((t) => t.follower).filter((x) => x !== undefined));
  return followerKeysAgree(followers(a), followers(b));
}

/** The same test over the fold keys of the names that follow each spelling, however they were gathered. */
export function followerKeysAgree(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  for (const x of a) for (const y of b) if (nearKeys(x, y)) return true;
  return false;
}

/**
 * The spellings of `group` that can name the same entity as `spelling`:
 * those whose initials agree with it, most frequent first, then in order of
 * appearance. With a dictionary spelling, every other spelling competes.
 */
export function rivalSpellings(
  group: Spellings,
  spelling: string,
  dictionary?: string,
): Array<[string, readonly NameToken[]]> {
  const mine = group.get(spelling) ?? [];
  return [...group.entries()]
    .filter(([s, tokens]) => s !== spelling && (dictionary !== undefined || compatible(mine, tokens)))
    .sort((a, b) => b[1].length - a[1].length || (a[1][0]?.span.start ?? 0) - (b[1][0]?.span.start ?? 0));
}

/**
 * How `spelling` should be written within `group` (a release, or the whole
 * feed): the canonical spelling among it and its rivals. The diagnostic, its
 * quick fixes and hover all ask this, so they always name the same spelling.
 */
export function preferredSpelling(group: Spellings, spelling: string, dictionary?: string): string {
  const mine = group.get(spelling) ?? [];
  return canonicalSpelling(new Map([[spelling, mine], ...rivalSpellings(group, spelling, dictionary)]), dictionary);
}
