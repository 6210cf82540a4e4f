import { countWords } from '../text';
import type { ReleaseRule } from '../types';

export const shortBody: ReleaseRule = {
  id: 'short-body',
  description: 'Body shorter than the configured number of words.',
  defaultSeverity: 'warning',
  fixable: false,
  formats: ['feed'],
  scope: 'release',
  options: {
    minWords: { type: 'integer', default: 25, minimum: 1, description: 'Fewest words a body may have.' },
  },
  check(release, ctx) {
    if (!release.title || release.body.length === 0) return;
    const min = Number(ctx.options.minWords);
    let words = 0;
    for (const l of release.body) {
      words += countWords(l.text, min - words);
      if (words >= min) return;
    }
    ctx.report({
      message: `Body has ${words} word${words === 1 ? '' : 's'}; at least ${min} expected`,
      span: release.title.span,
    });
  },
};
