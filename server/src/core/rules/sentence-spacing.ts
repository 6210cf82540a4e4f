import type { ReleaseRule } from '../types';

/**
 * A sentence end glued to the next sentence (`region.The`). The look-behind
 * wants two lower-case letters, a digit or a closing bracket before the
 * stop, which leaves initials (`S.Nurgaliev`) and `Ph.D` alone; the look-ahead
 * wants a capitalised word (or an initial), which leaves decimals (`4.3`)
 * and domains (`gov.kz`) alone.
 */
const GLUED = /(?<=\p{Ll}\p{Ll}|\p{N}|[%)\]])[.!?]+["”»’]?(?=[“«"]?(?:\p{Lu}\p{Ll}|\p{Lu}\.\s?\p{Lu}|[AI]\s))/gu;

/** Tokens that are addresses, where a dot before a capital is not a sentence end. */
const ADDRESS = /\S*(?::\/\/|www\.|@)\S*/gi;

/** Finds the address tokens of a line once, so each glued stop is checked in constant time per token. */
function addressSpans(text: string): Array<[number, number]> {
  if (!/:\/\/|www\.|@/i.test(text)) return [];
  const spans: Array<[number, number]> = [];
  ADDRESS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ADDRESS.exec(text))) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

export const sentenceSpacing: ReleaseRule = {
  id: 'sentence-spacing',
  description: 'No space after the end of a sentence (region.The).',
  defaultSeverity: 'info',
  fixable: true,
  scope: 'release',
  check(release, ctx) {
    for (const line of release.body) {
      const text = line.text;
      const addresses = addressSpans(text);
      GLUED.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = GLUED.exec(text))) {
        const end = m.index + m[0].length;
        const at0 = m.index;
        if (addresses.some(([s0, e0]) => at0 >= s0 && at0 < e0)) continue;
        const at = line.span.start + end;
        const context = text.slice(Math.max(0, m.index - 12), Math.min(text.length, end + 12));
        ctx.report({
          message: `No space after the end of a sentence: "${context}"`,
          span: { start: line.span.start + m.index, end: at + 1 },
          fix: { title: 'Insert a space', edits: [{ start: at, end: at, newText: ' ' }], safe: true },
        });
      }
    }
  },
};
