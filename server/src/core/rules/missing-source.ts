import type { ReleaseRule } from '../types';
import { problemsOf } from './util';

export const missingSource: ReleaseRule = {
  id: 'missing-source',
  description: 'Release without a Source line.',
  defaultSeverity: 'error',
  fixable: true,
  formats: ['feed'],
  scope: 'release',
  check(release, ctx) {
    for (const p of problemsOf(release, 'missing-source')) {
      ctx.report({
        message: p.message,
        span: p.span,
        fix: {
          title: 'Insert "Source : " at the end of the release',
          // The URL is left for the editor to fill in; inventing one would publish a wrong link.
          // The new line ends as the line it follows does, so a file with mixed line ends stays as it was.
          edits: [
            {
              start: release.span.end,
              end: release.span.end,
              newText: `${ctx.lines.terminatorAfter(release.lastLine)}Source : `,
            },
          ],
          safe: false,
        },
      });
    }
  },
};
