import type { ReleaseRule } from '../types';

/**
 * A sentence end glued to the next sentence (`region.The`). The look-behind
 * wants two lower-case letters, a digit or a closing bracket before the
 * stop, which leaves initials (`A.Ertayev`) and `Ph.D` alone; the look-ahead
 * wants a capitalised word (or an initial), which leaves decimals (`4.3`)
 * and domains (`gov.kz`) alone.
 */
const GLUED = /(?<=\p{Ll}\p{Ll}|\p{N}|[%)\]])[.!?]+["”»’]?(?=[“«"]?(?:\p{Lu}\p{Ll}|\p{Lu}\.\s?\p{Lu}|[AI]\s))/gu;

function inUrlOrAddress(text: string, at: number): boolean {
  let s = at;
  while (s > 0 && !/\s/.test(text[s - 1])) s--;
  let e = at;
  while (e < text.length && !/\s/.test(text[e])) e++;
  return /:\/\/|^www\.|@/i.test(text.slice(s, e));
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
      GLUED.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = GLUED.exec(text))) {
        const end = m.index + m[0].length;
        if (inUrlOrAddress(text, m.index)) continue;
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
