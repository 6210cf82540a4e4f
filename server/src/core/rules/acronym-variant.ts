import { addTo, mapAt } from '../collections';
import { acronymsAlike, sameLetters } from '../names/acronyms';
import { nameIndex, type AcronymUse } from '../names/index';
import type { FeedRule } from '../types';

export const acronymVariant: FeedRule = {
  id: 'acronym-variant',
  description: "Permutations or near spellings of one organisation's acronym in one release (ZEK/ZEKU/ZEUK).",
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'feed',
  check(ctx) {
    const index = nameIndex(ctx.feed, ctx.config);
    const byRelease = new Map<number, Map<string, AcronymUse[]>>();
    for (const a of index.acronyms) {
      if (a.text.length < 3) continue;
      addTo(mapAt(byRelease, a.release), a.text, a);
    }
    // A pair where one side is defined in the release is acronym-mismatch's to report, not this rule's.
    const defined = new Set(index.definitions.map((d) => `${d.release}\u0000${d.acronym}`));
    for (const [release, group] of byRelease) {
      const spellings = [...group.entries()].filter(([text]) => !defined.has(`${release}\u0000${text}`));
      if (spellings.length < 2) continue;
      for (const [text, uses] of spellings) {
        // Variants of one organisation: alike letters, and a shared legal form or the same letters in another order.
        const alike = spellings.filter(([other, otherUses]) => other !== text && acronymsAlike(text, other) && (sameLetters(text, other) || (uses.some((u) => u.legalForm) && otherUses.some((u) => u.legalForm))));
        if (alike.length === 0) continue;
        const top = [...alike].sort((a, b) => b[1].length - a[1].length || a[1][0].span.start - b[1][0].span.start)[0];
        if (uses.length > top[1].length || (uses.length === top[1].length && uses[0].span.start < top[1][0].span.start)) continue;
        const listed = alike.map(([s, us]) => `"${s}" (${us.length}×)`).join(', ');
        for (const u of uses) {
          ctx.report({
            message: `"${text}" is also written ${listed} in this release; one organisation should have one acronym`,
            span: u.span,
            fix: { title: `Replace with "${top[0]}"`, edits: [{ start: u.span.start, end: u.span.end, newText: top[0] }], safe: false },
            related: alike.map(([s, us]) => ({ span: us[0].span, message: `Written "${s}" here` })),
          });
        }
      }
    }
  },
};

