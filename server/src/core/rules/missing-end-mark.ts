import { endAnchor } from '../wire/anchors';
import { wireRule } from './util';

export const missingEndMark = wireRule({
  id: 'missing-end-mark',
  description: 'Standard release without an end mark (`###`, `# # #`, `-30-`, `END` or `ENDS`).',
  defaultSeverity: 'warning',
  fixable: true,
  check(release, ctx) {
    const wire = release.wire;
    if (wire.endMark || wire.lastBodyLine === undefined) return;
    const at = ctx.lines.lineEnd(wire.lastBodyLine);
    const eol = ctx.lines.terminatorAfter(wire.lastBodyLine);
    ctx.report({
      message: 'Release has no end mark such as "###" after its last paragraph',
      span: endAnchor(release, ctx.text),
      fix: {
        title: 'Insert "###" after the last paragraph',
        // Where the release ends is a judgement (a note to editors may follow the boilerplate), so a person applies it.
        edits: [{ start: at, end: at, newText: `${eol}${eol}###` }],
        safe: false,
      },
    });
  },
});
