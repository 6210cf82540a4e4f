import { addTo } from '../collections';
import type { ReleaseFacts } from '../facts';
import { clip } from '../text';
import type { FeedRule } from '../types';

function label(r: ReleaseFacts): string {
  return r.title ? `"${clip(r.title.text)}"` : `release ${r.index + 1}`;
}

const andMore = (n: number) => (n > 0 ? ` and ${n} more` : '');

export const duplicateSource: FeedRule = {
  id: 'duplicate-source',
  description: 'Two releases with the same Source URL.',
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'feed',
  check(feed, ctx) {
    const groups = new Map<string, ReleaseFacts[]>();
    for (const r of feed.releases) if (r.sourceKey !== undefined) addTo(groups, r.sourceKey, r);
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      // Each copy points at the first one, and the first at the second: linear even for a feed pasted twice.
      group.forEach((r, i) => {
        const other = i === 0 ? group[1] : group[0];
        ctx.report({
          message: `Source URL is also used by ${label(other)}${andMore(group.length - 2)}`,
          span: r.source!.urlSpan,
          related: [{ span: other.source!.urlSpan, message: `Same Source in ${label(other)}` }],
        });
      });
    }
  },
};
