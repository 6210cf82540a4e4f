/**
 * Name analysis of one version of a feed: mentions of people, places and
 * organisations and their clusters of variant spellings.
 *
 * The book (`book.ts`) keeps every release's tokens relative to the release
 * and is updated release by release; this view places them in one version.
 * The name rule reads only the clusters spelled two ways, gathered from the
 * releases that use their keys, so it costs what the variants cost; editor
 * features that need every token (hover, references, semantic tokens) get
 * them placed on first use.
 */
import { addTo, itemAt } from '../collections';
import type { NameBook } from './book';
import type { NameCluster } from './cluster';
import type { NameToken } from './tokens';

export { NameBook, type NameSettings } from './book';
export { compatible } from './canonical';
export type { NameCluster } from './cluster';
export type { AcronymDefinition } from './definitions';
export type { AcronymUse, ReleaseNames } from './scan';
export { writtenAs, type NameKind, type NameToken, type RoleContext } from './tokens';

/** Where one release stands in a version: the book's owner for it, its start offset and its index. */
export interface Placement<Owner> {
  owner: Owner;
  start: number;
  index: number;
}

export interface NameIndex {
  /** Every name token of the feed, in document order. */
  readonly tokens: readonly NameToken[];
  readonly tokensByRelease: ReadonlyArray<readonly NameToken[]>;
  /**
   * Each release's tokens as its scan made them, with offsets relative to `base`, the release's start: nothing is
   * placed, so reading them costs nothing however large the feed.
   */
  readonly unplacedByRelease: ReadonlyArray<{ tokens: readonly NameToken[]; base: number }>;
  readonly clusters: readonly NameCluster[];
  clusterOf(token: NameToken): NameCluster;
  /** The clusters spelled two ways or more, or tied to a dictionary name: what the name rule checks. */
  variantClusters(): readonly NameCluster[];
}

/** A token of the book, placed at its release's start. */
function placed(t: NameToken, start: number, index: number): NameToken {
  const out: NameToken = { ...t, span: { start: t.span.start + start, end: t.span.end + start }, release: index };
  if (t.context) out.context = { runStart: t.context.runStart + start, runEnd: t.context.runEnd + start };
  return out;
}

function makeCluster(id: number, dictionary: string | undefined, tokens: Iterable<NameToken>): NameCluster {
  const c: NameCluster = { id, spellings: new Map(), dictionary };
  for (const t of tokens) addTo(c.spellings, t.text, t);
  return c;
}

const firstStart = (c: NameCluster) =>
  Math.min(...[...c.spellings.values()].map((ts) => ts[0]?.span.start ?? Infinity));

export class NameIndexView<Owner extends object> implements NameIndex {
  private byRelease?: NameToken[][];
  private all?: NameToken[];
  private everyCluster?: NameCluster[];
  private variants?: NameCluster[];
  private placementOf?: Map<Owner, Placement<Owner>>;

  constructor(
    private readonly book: NameBook<Owner>,
    private readonly placements: ReadonlyArray<Placement<Owner>>,
  ) {}

  get tokensByRelease(): ReadonlyArray<readonly NameToken[]> {
    this.byRelease ??= this.placements.map((p) => this.book.tokensOf(p.owner).map((t) => placed(t, p.start, p.index)));
    return this.byRelease;
  }

  get unplacedByRelease(): ReadonlyArray<{ tokens: readonly NameToken[]; base: number }> {
    return this.placements.map((p) => ({ tokens: this.book.tokensOf(p.owner), base: p.start }));
  }

  get tokens(): readonly NameToken[] {
    this.all ??= this.tokensByRelease.flat();
    return this.all;
  }

  get clusters(): readonly NameCluster[] {
    if (!this.everyCluster) {
      const { clusterOfKey, count, dictionary } = this.book.keyClusters();
      const members: NameToken[][] = Array.from({ length: count }, () => []);
      for (const t of this.tokens) members[clusterOfKey.get(t.key)!].push(t);
      this.everyCluster = members.map((tokens, id) => makeCluster(id, dictionary[id], tokens));
    }
    return this.everyCluster;
  }

  clusterOf(token: NameToken): NameCluster {
    return this.clusters[this.book.keyClusters().clusterOfKey.get(token.key)!];
  }

  variantClusters(): readonly NameCluster[] {
    this.variants ??= this.book
      .variantClusters()
      .map(({ id, keys }) =>
        makeCluster(id, this.book.keyClusters().dictionary[id], this.tokensWithKeys(new Set(keys))),
      )
      // In order of first appearance, whatever order the book met the keys in.
      .sort((a, b) => firstStart(a) - firstStart(b));
    return this.variants;
  }

  /** The tokens of the releases that use these keys, placed, in document order. */
  private tokensWithKeys(keys: ReadonlySet<string>): NameToken[] {
    this.placementOf ??= new Map(this.placements.map((p) => [p.owner, p]));
    const where = new Set<Placement<Owner>>();
    for (const key of keys) for (const owner of this.book.ownersOf(key)) where.add(this.placementOf.get(owner)!);
    const out: NameToken[] = [];
    for (const p of [...where].sort((a, b) => a.index - b.index)) {
      for (const t of this.book.tokensOf(p.owner)) if (keys.has(t.key)) out.push(placed(t, p.start, p.index));
    }
    return out;
  }
}

/** The name token under an offset, by binary search over the tokens in document order. */
export function tokenAt(index: NameIndex, offset: number): NameToken | undefined {
  return itemAt(index.tokens, offset);
}
