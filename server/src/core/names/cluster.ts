/**
 * Clustering spellings: tokens whose fold keys are equal or one guarded
 * edit apart belong to one name. Keys meet through a deletion-neighbourhood
 * index, never by comparing all pairs, so the cost grows with the number of
 * distinct names.
 */
import { addTo } from '../collections';
import { deletionNeighbourhood, foldKey, nearKeys } from './fold';
import type { NameToken } from './tokens';

export interface NameCluster {
  id: number;
  /** Spellings with their tokens, in order of first appearance. */
  spellings: Map<string, NameToken[]>;
  /** The spelling from the names dictionary, when one matches. */
  dictionary?: string | undefined;
}

/** Union-find over fold keys, with path compression. */
class KeyUnion {
  private readonly parent = new Map<string, string>();

  add(key: string): void {
    if (!this.parent.has(key)) this.parent.set(key, key);
  }

  has(key: string): boolean {
    return this.parent.has(key);
  }

  find(key: string): string {
    let root = key;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(key, root);
    return root;
  }

  union(a: string, b: string): void {
    this.parent.set(this.find(a), this.find(b));
  }
}

/** Keys that are one deletion apart share a bucket; only keys in one bucket are compared. */
function joinNearKeys(keys: Iterable<string>, union: KeyUnion): Map<string, string[]> {
  const byDeletion = new Map<string, string[]>();
  for (const k of keys) {
    for (const d of deletionNeighbourhood(k)) {
      const bucket = byDeletion.get(d);
      if (bucket) for (const other of bucket) if (nearKeys(k, other)) union.union(k, other);
      addTo(byDeletion, d, k);
    }
  }
  return byDeletion;
}

/** Which cluster each fold key belongs to, and the dictionary spelling of each cluster that has one. */
export interface KeyClusters {
  clusterOfKey: ReadonlyMap<string, number>;
  count: number;
  dictionary: ReadonlyArray<string | undefined>;
}

/** Groups fold keys into clusters, and ties each dictionary name to the cluster it folds into. */
export function clusterKeys(keys: Iterable<string>, dictionaryNames: readonly string[]): KeyClusters {
  const union = new KeyUnion();
  const all = [...keys];
  for (const k of all) union.add(k);
  const byDeletion = joinNearKeys(all, union);
  const clusterOfRoot = new Map<string, number>();
  const clusterOfKey = new Map<string, number>();
  for (const k of all) {
    const root = union.find(k);
    let id = clusterOfRoot.get(root);
    if (id === undefined) clusterOfRoot.set(root, (id = clusterOfRoot.size));
    clusterOfKey.set(k, id);
  }
  const dictionary: Array<string | undefined> = new Array<string | undefined>(clusterOfRoot.size);
  // A dictionary name joins the cluster it folds into, even when the feed never spells it that way.
  for (const name of dictionaryNames) {
    for (const part of name.split(/\s+/)) {
      if (part.length < MIN_DICTIONARY_PART) continue;
      const key = foldKey(part);
      const root = union.has(key) ? union.find(key) : nearRoot(key, byDeletion, union);
      const id = root === undefined ? undefined : clusterOfRoot.get(root);
      if (id !== undefined) dictionary[id] = part;
    }
  }
  return { clusterOfKey, count: clusterOfRoot.size, dictionary };
}

/** Parts of a dictionary name shorter than this (initials, particles) match too much to tie to a cluster. */
const MIN_DICTIONARY_PART = 3;

function nearRoot(key: string, byDeletion: Map<string, string[]>, union: KeyUnion): string | undefined {
  for (const d of deletionNeighbourhood(key)) {
    for (const other of byDeletion.get(d) ?? []) if (nearKeys(key, other)) return union.find(other);
  }
  return undefined;
}
