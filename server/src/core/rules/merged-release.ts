import { nameIndex } from '../names/index';
import type { FeedRule } from '../types';

/** Words too common in releases to show what a paragraph is about. */
const STOP = new Set(
  'about after also among another because before being between could during their there these those through under where which while would with within without other should shall since until upon region district republic state government department ministry press service year years also said says noted more than were have been will from into that this they them then than what when your ours over such only very most many much some each both'.split(' '),
);
const SIGNATURE = /(?:^|[.!?]\s*)((?:The\s+)?(?:[Pp]ress (?:service|office|secretary)|[Pp]ress [Ss]ervice) of (?:the )?([^.!?]{3,100}?))\.?$/;

function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}{5,}/gu)) if (!STOP.has(m[0])) out.add(m[0]);
  return out;
}

export const mergedRelease: FeedRule = {
  id: 'merged-release',
  description: 'A paragraph that shares almost nothing with the rest of its release and ends in another agency\'s signature: a story glued in without its own title, date and Source.',
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'feed',
  check(ctx) {
    const index = nameIndex(ctx.feed, ctx.config);
    for (const release of ctx.feed.releases) {
      const paragraphs = release.body.filter((l) => l.kind === 'paragraph' || l.kind === 'quote');
      if (paragraphs.length < 2) continue;
      const tokens = index.tokensByRelease[release.index];
      const releaseNames = new Map<number, number>();
      for (const t of tokens) releaseNames.set(t.cluster, (releaseNames.get(t.cluster) ?? 0) + 1);
      // Content words are counted only when the names already point at a foreign paragraph: they cost more.
      let counts: Map<string, number> | undefined;
      let sets: Array<Set<string>> | undefined;
      for (const p of paragraphs.slice(1)) {
        const mine = new Map<number, number>();
        for (const t of tokens) if (t.span.start >= p.span.start && t.span.end <= p.span.end) mine.set(t.cluster, (mine.get(t.cluster) ?? 0) + 1);
        let sharedNames = 0;
        for (const [c, n] of mine) if ((releaseNames.get(c) ?? 0) > n) sharedNames++;
        // A paragraph without names tells no story of its own (a signature names its agency), so it is left alone.
        if (mine.size === 0) continue;
        const nameShare = sharedNames / mine.size;
        if (nameShare > 0.15) continue;
        // A short paragraph is no story of its own; that is known before the release's words are counted.
        const words = sets ? sets[release.body.indexOf(p) + 1] : contentWords(p.text);
        if (words.size < 15) continue;
        if (!counts || !sets) {
          sets = [release.title?.text ?? '', ...release.body.map((l) => l.text)].map(contentWords);
          counts = new Map();
          for (const set of sets) for (const w of set) counts.set(w, (counts.get(w) ?? 0) + 1);
        }
        const all = counts;
        const inRest = (w: string) => (all.get(w) ?? 0) > (words.has(w) ? 1 : 0);
        let sharedWords = 0;
        for (const w of words) if (inRest(w)) sharedWords++;
        const wordShare = sharedWords / words.size;
        const signature = SIGNATURE.exec(p.text);
        // Another agency signs when its name words do not occur in the rest of the release.
        const foreign = signature && [...contentWords(signature[2])].some((w) => !inRest(w));
        if (wordShare > 0.2 || !(foreign || (nameShare === 0 && wordShare <= 0.08))) continue;
        const evidence = [
          `shares ${sharedNames} of its ${mine.size} names and ${Math.round(wordShare * 100)}% of its content words with the rest of the release`,
          foreign ? `ends with another agency's signature ("${signature![1]}")` : undefined,
        ].filter(Boolean);
        ctx.report({
          message: `This paragraph looks like a separate story merged into the release without its own title, date and Source: it ${evidence.join(', and ')}`,
          span: p.span,
        });
      }
    }
  },
};
