import type { ReleaseFacts } from '../facts';
import type { FeedRule } from '../types';

export const duplicateTitle: FeedRule = {
  id: 'duplicate-title',
  description: 'Two releases with the same title and date.',
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'feed',
  check(feed, ctx) {
    const first = new Map<string, ReleaseFacts>();
    for (const r of feed.releases) {
      const key = r.titleKey;
      if (key === undefined) continue;
      const seen = first.get(key);
      if (!seen) {
        first.set(key, r);
        continue;
      }
      const t = r.title!;
      ctx.report({
        message: `Same title and date as release ${seen.index + 1} (line ${seen.title!.line + 1})`,
        span: t.textSpan,
        related: [{ span: seen.title!.textSpan, message: 'First release with this title and date' }],
      });
    }
  },
};
