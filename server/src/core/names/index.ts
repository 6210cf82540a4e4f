/**
 * Name analysis: mentions of people, places and organisations and their
 * clusters of variant spellings, merged from the per-release scans.
 *
 * Each release is scanned once (`scan.ts`, cacheable by the release's
 * text); the merge below decides which candidates are names, once the
 * feed's lower-case words are known, and clusters their spellings. It runs
 * once per feed version and is shared by the name rule and every editor
 * feature over names.
 */
import { itemAt } from '../collections';
import { clusterTokens, type NameCluster } from './cluster';
import type { ReleaseNames } from './scan';
import { releaseTokens, type NameToken } from './tokens';

export { compatible } from './canonical';
export type { NameCluster } from './cluster';
export type { AcronymDefinition } from './definitions';
export type { AcronymUse, ReleaseNames } from './scan';
export type { NameKind, NameToken, RoleContext } from './tokens';

export interface NameSettings {
  names: readonly string[];
  ignoreNames: readonly string[];
}

/** One release's scan and where the release starts in the document. */
export interface ScannedRelease {
  index: number;
  start: number;
  names: ReleaseNames;
}

export interface NameIndex {
  /** Every name token of the feed, in document order. */
  tokens: NameToken[];
  tokensByRelease: NameToken[][];
  clusters: NameCluster[];
  clusterOf(token: NameToken): NameCluster;
}

/**
 * Merges the scans of a feed's releases into its names: a capitalised word the feed also writes in lower case is
 * no name.
 */
export function buildNameIndex(releases: readonly ScannedRelease[], settings: NameSettings): NameIndex {
  const common = new Set<number>();
  for (const r of releases) for (const h of r.names.lowerWords) common.add(h);
  const ignore = new Set(settings.ignoreNames.map((n) => n.toLowerCase()));
  const tokensByRelease = releases.map((r) => releaseTokens(r.names, r.start, r.index, common, ignore));
  const tokens = tokensByRelease.flat();
  const { clusters, clusterOfKey } = clusterTokens(tokens, settings.names);
  return { tokens, tokensByRelease, clusters, clusterOf: (t) => clusters[clusterOfKey.get(t.key)!] };
}

/** The name token under an offset, by binary search over the tokens in document order. */
export function tokenAt(index: NameIndex, offset: number): NameToken | undefined {
  return itemAt(index.tokens, offset);
}
