import type { FeedRule, RelatedInfo } from '../types';

export const duplicateTitle: FeedRule = {
  id: 'duplicate-title',
  description: 'Two releases with the same title and date.',
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'feed',
  check(feed, ctx) {
    // What a copy says about the first release is made once per title, since a feed pasted twice has thousands.
    const first = new Map<string, { message: string; related: RelatedInfo[] }>();
    for (const r of feed.releases) {
      const key = r.titleKey;
      if (key === undefined) continue;
      const seen = first.get(key);
      if (!seen) {
        const t = r.title!;
        first.set(key, {
          message: `Same title and date as release ${r.index + 1} (line ${t.line + 1})`,
          related: [{ span: t.textSpan, message: 'First release with this title and date' }],
        });
        continue;
      }
      ctx.report({ message: seen.message, span: r.title!.textSpan, related: seen.related });
    }
  },
};
