import type { ReleaseRule } from '../types';

export const sourcePlacement: ReleaseRule = {
  id: 'source-placement',
  description: 'Source glued to the end of the last paragraph instead of standing on its own line.',
  defaultSeverity: 'info',
  fixable: true,
  safeFixes: true,
  formats: ['feed'],
  scope: 'release',
  check(release, ctx) {
    const s = release.source;
    if (!s || !s.glued || !s.gapSpan) return;
    ctx.report({
      message: 'Source is glued to the last paragraph',
      span: s.labelSpan,
      // Only the whitespace between the paragraph and the label is replaced, so no text moves but the Source.
      // The line break copies the terminator of the line it splits, so a file with mixed line ends stays as it was.
      fix: {
        title: 'Move the Source onto its own line',
        edits: [{ start: s.gapSpan.start, end: s.gapSpan.end, newText: ctx.lines.terminatorAfter(s.line) }],
        safe: true,
      },
    });
  },
};
