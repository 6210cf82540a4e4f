/**
 * The feed's names, kept up to date release by release. Whether a
 * capitalised word is a name depends on the whole feed (a word the feed also
 * writes in lower case is not), so the book counts, for every lower-case
 * word, the releases that use it. An edit then costs what it touched: the
 * changed releases, and the rare releases whose candidates a count crossing
 * zero turned into names or back.
 *
 * Tokens are kept relative to their release's start; where a release sits
 * in one version is the caller's to say (see index.ts).
 */
import { addTo } from '../collections';
import { clusterKeys, type KeyClusters } from './cluster';
import { NO_NAMES, type ReleaseNames } from './scan';
import { releaseTokens, type NameToken } from './tokens';

export interface NameSettings {
  names: readonly string[];
  ignoreNames: readonly string[];
}

/** What the book knows of one release: its scan, and its tokens in offsets relative to the release. */
interface Entry {
  names: ReleaseNames;
  tokens: readonly NameToken[];
}

function count<K>(map: Map<K, number>, key: K, by: number): number {
  const n = (map.get(key) ?? 0) + by;
  if (n === 0) map.delete(key);
  else map.set(key, n);
  return n;
}

/**
 * The tokens of one fold key and their spellings. Most keys are spelled one way, so the spelling is kept bare
 * and a map of counts is made only for a second one.
 */
class KeyCount {
  tokens = 0;
  private spellings: string | Map<string, number>;

  constructor(first: string) {
    this.spellings = first;
  }

  count(text: string, by: number): void {
    this.tokens += by;
    if (typeof this.spellings === 'string') {
      if (text === this.spellings) return;
      this.spellings = new Map([[this.spellings, this.tokens - by]]);
    }
    count(this.spellings, text, by);
  }

  spelledTwoWays(): boolean {
    return typeof this.spellings !== 'string' && this.spellings.size > 1;
  }
}

/** The owners under one key: a bare owner while there is one (as for most keys), a set from the second on. */
class Owners<V> extends Set<V> {}
type OwnersEntry<V> = V | Owners<V>;

function member<K, V extends object>(map: Map<K, OwnersEntry<V>>, key: K, value: V, present: boolean): void {
  const now = map.get(key);
  if (present) {
    if (now === undefined) map.set(key, value);
    else if (now instanceof Owners) now.add(value);
    else if (now !== value) map.set(key, new Owners([now, value]));
  } else if (now === value) map.delete(key);
  else if (now instanceof Owners) {
    now.delete(value);
    if (now.size === 0) map.delete(key);
  }
}

function membersOf<K, V extends object>(map: ReadonlyMap<K, OwnersEntry<V>>, key: K): Iterable<V> {
  const now = map.get(key);
  return now === undefined ? [] : now instanceof Owners ? now : [now];
}

/**
 * Owners are the objects that stand for a release's text across versions
 * (the analyzer's parsed releases): the book is told which ones left and
 * which ones came, and never compares texts.
 */
export class NameBook<Owner extends object = object> {
  private readonly lowerCounts = new Map<number, number>();
  private readonly candidateOwners = new Map<number, OwnersEntry<Owner>>();
  private readonly entries = new Map<Owner, Entry>();
  /** Per fold key: how many tokens have it, and how they are spelled. */
  private readonly keys = new Map<string, KeyCount>();
  private readonly keyOwners = new Map<string, OwnersEntry<Owner>>();
  private readonly ignore: ReadonlySet<string>;
  private readonly common = { has: (h: number) => this.lowerCounts.has(h) };
  private clusters: KeyClusters | undefined;

  /**
   * `keepScans: false` is for a book filled once and never changed, as the
   * streaming CLI makes: it forgets each scan once its tokens are made, and
   * keeps no index to make them again.
   */
  constructor(
    readonly settings: NameSettings,
    private readonly keepScans = true,
  ) {
    this.ignore = new Set(settings.ignoreNames.map((n) => n.toLowerCase()));
  }

  /** Applies one version's change: the releases that are gone, and the ones that are new. */
  update(removed: Iterable<Owner>, added: Iterable<[Owner, ReleaseNames]>): void {
    // Words that flip matter only to releases already in the book; a book that starts empty skips the set.
    const flipped = this.entries.size > 0 ? new Set<number>() : undefined;
    for (const owner of removed) this.remove(owner, flipped);
    const dirty = new Set<Owner>();
    for (const [owner, names] of added) {
      this.countWords(names, 1, flipped);
      if (this.keepScans) this.indexCandidates(owner, names, true);
      this.entries.set(owner, { names, tokens: [] });
      dirty.add(owner);
    }
    // A word that appeared in lower case for the first time, or for the last, changes the candidates that use it.
    for (const h of flipped ?? []) for (const owner of membersOf(this.candidateOwners, h)) dirty.add(owner);
    for (const owner of dirty) this.retoken(owner);
    if (!this.keepScans) for (const owner of dirty) this.entries.get(owner)!.names = NO_NAMES;
  }

  private remove(owner: Owner, flipped: Set<number> | undefined): void {
    const entry = this.entries.get(owner);
    if (!entry) return;
    this.countWords(entry.names, -1, flipped);
    this.indexCandidates(owner, entry.names, false);
    this.aggregate(owner, entry.tokens, -1);
    this.entries.delete(owner);
  }

  private countWords(names: ReleaseNames, by: number, flipped: Set<number> | undefined): void {
    for (const h of names.lowerWords) {
      const n = count(this.lowerCounts, h, by);
      if (flipped && ((by > 0 && n === 1) || (by < 0 && n === 0))) flipped.add(h);
    }
  }

  private indexCandidates(owner: Owner, names: ReleaseNames, present: boolean): void {
    for (const c of names.candidates) {
      member(this.candidateOwners, c.lowerHash, owner, present);
      if (c.possessiveBaseHash !== undefined) member(this.candidateOwners, c.possessiveBaseHash, owner, present);
    }
  }

  private retoken(owner: Owner): void {
    const entry = this.entries.get(owner);
    if (!entry) return;
    this.aggregate(owner, entry.tokens, -1);
    entry.tokens = releaseTokens(entry.names, 0, 0, this.common, this.ignore);
    this.aggregate(owner, entry.tokens, 1);
  }

  /** Adds or takes away one release's tokens from the counts per fold key; a key that comes or goes reclusters. */
  private aggregate(owner: Owner, tokens: readonly NameToken[], by: number): void {
    for (const t of tokens) {
      let k = this.keys.get(t.key);
      if (!k) this.keys.set(t.key, (k = new KeyCount(t.text)));
      k.count(t.text, by);
      if (k.tokens === 0) this.keys.delete(t.key);
      if ((by > 0 && k.tokens === 1) || k.tokens === 0) this.clusters = undefined;
      member(this.keyOwners, t.key, owner, by > 0);
    }
  }

  /** The release's tokens, relative to its start. */
  tokensOf(owner: Owner): readonly NameToken[] {
    return this.entries.get(owner)?.tokens ?? [];
  }

  /** The clusters of the feed's fold keys, made again only when a key came or went. */
  keyClusters(): KeyClusters {
    this.clusters ??= clusterKeys(this.keys.keys(), this.settings.names);
    return this.clusters;
  }

  /**
   * The clusters that the name rule must look at: those spelled in two ways
   * or more somewhere in the feed, and those tied to a dictionary name.
   */
  variantClusters(): Array<{ id: number; keys: string[] }> {
    const { clusterOfKey, count, dictionary } = this.keyClusters();
    // Two keys are two spellings, so a cluster needs a look only when it has two keys, or one key spelled twice.
    const keysIn = new Uint32Array(count);
    for (const key of this.keys.keys()) keysIn[clusterOfKey.get(key)!]++;
    const byCluster = new Map<number, string[]>();
    for (const [key, k] of this.keys) {
      const id = clusterOfKey.get(key)!;
      if (keysIn[id] > 1 || k.spelledTwoWays() || dictionary[id] !== undefined) addTo(byCluster, id, key);
    }
    return [...byCluster].map(([id, keys]) => ({ id, keys }));
  }

  /** The releases that hold a token with this key. */
  ownersOf(key: string): Iterable<Owner> {
    return membersOf(this.keyOwners, key);
  }
}
