import type { ReleaseRule } from '../types';

export const titleLength: ReleaseRule = {
  id: 'title-length',
  description: 'Title longer than the configured number of characters.',
  defaultSeverity: 'info',
  fixable: false,
  formats: ['feed'],
  scope: 'release',
  options: {
    max: {
      type: 'integer',
      default: 200,
      minimum: 1,
      description: 'Most characters a headline may have, the date not counted.',
    },
  },
  check(release, ctx) {
    const t = release.title;
    const max = Number(ctx.options.max);
    if (!t || t.text.length <= max) return;
    ctx.report({ message: `Title has ${t.text.length} characters; at most ${max} expected`, span: t.textSpan });
  },
};
