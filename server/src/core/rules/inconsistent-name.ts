import { addTo, mapAt } from '../collections';
import { preferredSpelling, rivalSpellings } from '../names/canonical';
import { writtenAs, type NameCluster, type NameToken } from '../names/index';
import type { FeedRule, Fix, RuleContext } from '../types';

function replaceAll(tokens: readonly NameToken[], by: string, title: string): Fix {
  const edits = tokens.map((t) => ({ start: t.span.start, end: t.span.end, newText: writtenAs(t, by) }));
  return { title, edits, safe: false };
}

/** Most edits a feed-wide replacement carries inside each diagnostic. */
const MAX_FEED_EDITS = 200;

function plural(n: number): string {
  return `${n}×`;
}

function alsoSpelled(listed: string, others: number, scopeWords: string): string {
  return others > 0 ? `; also spelled ${listed} ${scopeWords}` : '';
}

/** Reports the minority spellings of one group of tokens (one release, or the whole feed). */
function checkGroup(
  ctx: RuleContext,
  cluster: NameCluster,
  group: Map<string, NameToken[]>,
  scopeWords: string,
  allOfCluster: Map<string, NameToken[]>,
): void {
  const dictionary = cluster.dictionary;
  if (!dictionary && group.size < 2) return;
  for (const [spelling, tokens] of group) {
    // Spellings whose initials disagree name other people, so each spelling is compared with its rivals only.
    const others = rivalSpellings(group, spelling, dictionary);
    if (others.length === 0 && !dictionary) continue;
    const canonical = preferredSpelling(group, spelling, dictionary);
    if (canonical === spelling) continue;
    const listed = others.map(([s, ts]) => `"${s}" (${plural(ts.length)})`).join(', ');
    const message = dictionary
      ? `"${spelling}" is a variant of "${dictionary}" from the names list` +
        alsoSpelled(listed, others.length, scopeWords)
      : `"${spelling}" is also spelled ${listed} ${scopeWords}`;
    const inFeed = allOfCluster.get(spelling) ?? tokens;
    // Built once and shared by every finding of this spelling, so a spelling repeated across a large feed stays linear.
    // Past MAX_FEED_EDITS occurrences the feed-wide fix is left out of the diagnostics; Rename (F2) does the same job.
    const feedFix =
      inFeed.length <= MAX_FEED_EDITS
        ? replaceAll(inFeed, canonical, `Replace all "${spelling}" with "${canonical}" in the feed`)
        : undefined;
    const byRelease = new Map<number, NameToken[]>();
    for (const t of tokens) addTo(byRelease, t.release, t);
    const releaseFixes = new Map<number, Fix | undefined>();
    for (const [release, inRelease] of byRelease) {
      releaseFixes.set(
        release,
        inRelease.length > 1
          ? replaceAll(inRelease, canonical, `Replace all "${spelling}" with "${canonical}" in this release`)
          : undefined,
      );
    }
    for (const t of tokens) {
      const releaseFix = releaseFixes.get(t.release);
      const more: Fix[] = [];
      if (releaseFix) more.push(releaseFix);
      if (feedFix && feedFix.edits.length > (releaseFix?.edits.length ?? 1)) more.push(feedFix);
      ctx.report({
        message,
        span: t.span,
        fix: replaceAll([t], canonical, `Replace with "${writtenAs(t, canonical)}"`),
        moreFixes: more,
        related: others.map(([s, ts]) => ({ span: ts[0].span, message: `Spelled "${s}" here` })),
        data: { name: spelling, canonical },
      });
    }
  }
}

export const inconsistentName: FeedRule = {
  id: 'inconsistent-name',
  description: 'The same person, place or organisation spelled two ways (Nurgaliyev/Nurgaliev, Karkaraly/Qarqaraly).',
  defaultSeverity: 'warning',
  fixable: true,
  formats: ['feed', 'wire'],
  scope: 'feed',
  options: {
    scope: {
      type: 'enum',
      values: ['release', 'feed'],
      default: 'release',
      description: 'Compare spellings within each release, or across the whole feed.',
    },
  },
  check(feed, ctx) {
    const index = feed.names();
    const feedScope = ctx.options.scope === 'feed';
    for (const cluster of index.variantClusters()) {
      if (cluster.spellings.size < 2 && !cluster.dictionary) continue;
      if (feedScope) {
        checkGroup(ctx, cluster, cluster.spellings, 'in this feed', cluster.spellings);
        continue;
      }
      const byRelease = new Map<number, Map<string, NameToken[]>>();
      for (const [spelling, tokens] of cluster.spellings) {
        for (const t of tokens) addTo(mapAt(byRelease, t.release), spelling, t);
      }
      for (const group of byRelease.values()) checkGroup(ctx, cluster, group, 'in this release', cluster.spellings);
    }
  },
};
