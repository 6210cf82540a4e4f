import { addTo } from '../collections';
import { acronymsAlike, sameLetters } from '../names/acronyms';
import type { AcronymUse } from '../names/index';
import type { ReleaseRule } from '../types';

export const acronymVariant: ReleaseRule = {
  id: 'acronym-variant',
  description: "Permutations or near spellings of one organisation's acronym in one release (ZEK/ZEKU/ZEUK).",
  defaultSeverity: 'warning',
  fixable: true,
  formats: ['feed', 'wire'],
  scope: 'release',
  check(release, ctx) {
    const { acronyms, definitions } = ctx.names(release);
    const group = new Map<string, AcronymUse[]>();
    for (const a of acronyms) if (a.text.length >= 3) addTo(group, a.text, a);
    // A pair where one side is defined in the release is acronym-mismatch's to report, not this rule's.
    const defined = new Set(definitions.map((d) => d.acronym));
    const spellings = [...group.entries()].filter(([text]) => !defined.has(text));
    if (spellings.length < 2) return;
    const base = release.span.start;
    const at = (u: AcronymUse) => ({ start: base + u.start, end: base + u.end });
    for (const [text, uses] of spellings) {
      // Variants of one organisation: alike letters, and a shared legal form or the same letters in another order.
      const alike = spellings.filter(
        ([other, otherUses]) =>
          other !== text &&
          acronymsAlike(text, other) &&
          (sameLetters(text, other) || (uses.some((u) => u.legalForm) && otherUses.some((u) => u.legalForm))),
      );
      if (alike.length === 0) continue;
      const top = [...alike].sort((a, b) => b[1].length - a[1].length || a[1][0].start - b[1][0].start)[0];
      if (uses.length > top[1].length || (uses.length === top[1].length && uses[0].start < top[1][0].start)) continue;
      const listed = alike.map(([s, us]) => `"${s}" (${us.length}×)`).join(', ');
      for (const u of uses) {
        const span = at(u);
        ctx.report({
          message: `"${text}" is also written ${listed} in this release; one organisation should have one acronym`,
          span,
          fix: { title: `Replace with "${top[0]}"`, edits: [{ ...span, newText: top[0] }], safe: false },
          related: alike.map(([s, us]) => ({ span: at(us[0]), message: `Written "${s}" here` })),
        });
      }
    }
  },
};
