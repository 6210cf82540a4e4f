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
  dictionary?: string;
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

export interface Clustering {
  clusters: NameCluster[];
  /** The cluster of a fold key; every token's key has one. */
  clusterOfKey: Map<string, number>;
}

/** Groups tokens into clusters of spellings, and ties each dictionary name to the cluster it folds into. */
export function clusterTokens(tokens: readonly NameToken[], dictionaryNames: readonly string[]): Clustering {
  const union = new KeyUnion();
  for (const t of tokens) union.add(t.key);
  const keys = new Set(tokens.map((t) => t.key));
  const byDeletion = joinNearKeys(keys, union);
  const clusters: NameCluster[] = [];
  const byRoot = new Map<string, NameCluster>();
  const clusterOfKey = new Map<string, number>();
  for (const t of tokens) {
    const root = union.find(t.key);
    let c = byRoot.get(root);
    if (!c) {
      c = { id: clusters.length, spellings: new Map() };
      byRoot.set(root, c);
      clusters.push(c);
    }
    clusterOfKey.set(t.key, c.id);
    addTo(c.spellings, t.text, t);
  }
  // A dictionary name joins the cluster it folds into, even when the feed never spells it that way.
  for (const name of dictionaryNames) {
    for (const part of name.split(/\s+/)) {
      if (part.length < 3) continue;
      const key = foldKey(part);
      const c = union.has(key) ? byRoot.get(union.find(key)) : nearCluster(key, byDeletion, byRoot, union);
      if (c) c.dictionary = part;
    }
  }
  return { clusters, clusterOfKey };
}

function nearCluster(
  key: string,
  byDeletion: Map<string, string[]>,
  byRoot: Map<string, NameCluster>,
  union: KeyUnion,
): NameCluster | undefined {
  for (const d of deletionNeighbourhood(key)) {
    for (const other of byDeletion.get(d) ?? []) if (nearKeys(key, other)) return byRoot.get(union.find(other));
  }
  return undefined;
}
