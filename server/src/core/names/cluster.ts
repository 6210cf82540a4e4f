/**
 * Clustering spellings: tokens whose fold keys are equal or one guarded
 * edit apart belong to one name. Keys meet through a deletion-neighbourhood
 * index, never by comparing all pairs, so the cost grows with the number of
 * distinct names.
 */
import { DeletionIndex } from './deletions';
import { foldKey, nearKeys } from './fold';
import type { NameToken } from './tokens';

export interface NameCluster {
  id: number;
  /** Spellings with their tokens, in order of first appearance. */
  spellings: Map<string, NameToken[]>;
  /** The spelling from the names dictionary, when one matches. */
  dictionary?: string | undefined;
}

/** Union-find over the numbers of the keys, with path halving. */
class KeyUnion {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  }

  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

/** Which cluster each fold key belongs to, and the dictionary spelling of each cluster that has one. */
export interface KeyClusters {
  clusterOfKey: ReadonlyMap<string, number>;
  count: number;
  dictionary: ReadonlyArray<string | undefined>;
}

/**
 * Groups fold keys into clusters, and ties each dictionary name to the cluster it folds into. Keys one
 * deletion apart share a bucket of the deletion index, and only keys in one bucket are compared.
 */
export function clusterKeys(keys: Iterable<string>, dictionaryNames: readonly string[]): KeyClusters {
  const all = [...keys];
  const union = new KeyUnion(all.length);
  const deletions = new DeletionIndex(all);
  all.forEach((k, i) =>
    deletions.add(k, (other, j) => {
      if (nearKeys(k, other)) union.union(i, j);
    }),
  );
  const clusterOfRoot = new Int32Array(all.length).fill(-1);
  const clusterOfKey = new Map<string, number>();
  let count = 0;
  all.forEach((k, i) => {
    const root = union.find(i);
    if (clusterOfRoot[root] < 0) clusterOfRoot[root] = count++;
    clusterOfKey.set(k, clusterOfRoot[root]);
  });
  const dictionary: Array<string | undefined> = new Array<string | undefined>(count);
  // A dictionary name joins the cluster it folds into, even when the feed never spells it that way.
  for (const [key, part] of dictionaryParts(dictionaryNames)) {
    const id = clusterOfKey.get(key) ?? nearCluster(key, deletions, clusterOfKey);
    if (id !== undefined) dictionary[id] = part;
  }
  return { clusterOfKey, count, dictionary };
}

/**
 * The parts of the names list long enough to tie to a name, each with its fold key, in the list's order: a name
 * that several parts fold near takes the last.
 */
export function dictionaryParts(names: readonly string[]): Array<[key: string, part: string]> {
  return names.flatMap((name) =>
    name
      .split(/\s+/)
      .filter((part) => part.length >= MIN_DICTIONARY_PART)
      .map((part): [string, string] => [foldKey(part), part]),
  );
}

/** Parts of a dictionary name shorter than this (initials, particles) match too much to tie to a cluster. */
const MIN_DICTIONARY_PART = 3;

function nearCluster(key: string, deletions: DeletionIndex, clusterOfKey: ReadonlyMap<string, number>) {
  let near: string | undefined;
  deletions.visit(key, (other) => {
    if (nearKeys(key, other)) near = other;
    return near !== undefined;
  });
  return near === undefined ? undefined : clusterOfKey.get(near);
}
