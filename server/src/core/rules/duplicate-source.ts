import { addTo } from '../collections';
import type { ReleaseFacts } from '../facts';
import { clip } from '../text';
import type { FeedRule } from '../types';
import { elsewhereByKey } from './util';

function label(r: ReleaseFacts): string {
  return r.title ? `"${clip(r.title.text)}"` : `release ${r.index + 1}`;
}

const andMore = (n: number) => (n > 0 ? ` and ${n} more` : '');

export const duplicateSource: FeedRule = {
  id: 'duplicate-source',
  description: 'Two releases with the same Source URL, in one feed or in two files of the workspace.',
  defaultSeverity: 'warning',
  fixable: false,
  formats: ['feed'],
  scope: 'feed',
  check(feed, ctx) {
    const groups = new Map<string, ReleaseFacts[]>();
    for (const r of feed.releases) if (r.sourceKey !== undefined) addTo(groups, r.sourceKey, r);
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      // Each copy points at the first one, and the first at the second: linear even for a feed pasted twice.
      // The words about the first release are made once per group, since a feed pasted twice has thousands.
      const more = andMore(group.length - 2);
      const toFirst = { label: label(group[0]), urlSpan: group[0].source!.urlSpan };
      group.forEach((r, i) => {
        const other = i === 0 ? { label: label(group[1]), urlSpan: group[1].source!.urlSpan } : toFirst;
        ctx.report({
          message: `Source URL is also used by ${other.label}${more}`,
          span: r.source!.urlSpan,
          related: [{ span: other.urlSpan, message: `Same Source in ${other.label}` }],
        });
      });
    }
  },
  acrossFiles(ctx) {
    const { workspace, file } = ctx;
    const about = elsewhereByKey(
      (key, limit) => workspace.sourcedElsewhere(key, file, limit),
      (key) => workspace.countSourcedElsewhere(key, file),
      (o) => o.source,
      'Same Source in',
    );
    for (const r of ctx.summary.releases) {
      const said = r.source && about(r.source.key);
      if (!said) continue;
      ctx.report({
        message: `Source URL is also used by ${said.named}`,
        span: r.source!.span,
        elsewhere: said.elsewhere,
      });
    }
  },
};
