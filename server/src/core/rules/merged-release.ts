import type { BodyLine, Release } from '../model';
import { TOPIC_STOP_WORDS } from '../names/lexicon';
import { usesWord } from '../names/scan';
import { isName, type NameToken } from '../names/tokens';
import { closingSignature, storyMarks, type Signature } from '../story';
import { clip } from '../text';
import type { ReleaseRule, RuleContext } from '../types';

const IGNORE_NONE: ReadonlySet<string> = new Set();
/** Above this share of names also found elsewhere in the release, a paragraph belongs to its story. */
const MAX_SHARED_NAMES = 0.15;
/** Above this share of content words also found elsewhere, a paragraph belongs to its story. */
const MAX_SHARED_WORDS = 0.2;
/** With no shared name and no signature, a paragraph must share almost no words to be called foreign. */
const MAX_SHARED_WORDS_UNSIGNED = 0.08;
/** Fewer distinct content words than this make a paragraph too short to tell a story of its own. */
const MIN_CONTENT_WORDS = 15;

function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}{5,}/gu)) if (!TOPIC_STOP_WORDS.has(m[0])) out.add(m[0]);
  return out;
}

/** Where a name stands, what it folds to, and whether the words around it make it a place. */
type Mention = Pick<NameToken, 'key' | 'span'> & { place: boolean };

function countKeys(tokens: readonly Mention[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokens) out.set(t.key, (out.get(t.key) ?? 0) + 1);
  return out;
}

/** The release's content words, counted once per line, made only when a paragraph's names already look foreign. */
class ReleaseWords {
  private sets?: Array<Set<string>>;
  private counts?: Map<string, number>;

  constructor(readonly release: Release) {}

  /** The content words of the title (at 0) and of every body line (at 1 on), counted over the release. */
  private build(): { sets: Array<Set<string>>; counts: Map<string, number> } {
    if (!this.sets || !this.counts) {
      this.sets = [this.release.title?.text ?? '', ...this.release.body.map((l) => l.text)].map(contentWords);
      this.counts = new Map();
      for (const set of this.sets) for (const x of set) this.counts.set(x, (this.counts.get(x) ?? 0) + 1);
    }
    return { sets: this.sets, counts: this.counts };
  }

  /** The content words of body line `i`. */
  of(i: number): Set<string> {
    return this.sets ? this.sets[i + 1] : contentWords(this.release.body[i].text);
  }

  /** Whether `w` occurs in a line other than the one whose words are `mine`. */
  inRest(w: string, mine: Set<string>): boolean {
    return (this.build().counts.get(w) ?? 0) > (mine.has(w) ? 1 : 0);
  }

  /** Whether body line `j` uses a content word of the title or of the body lines before line `i`. */
  sharesWithLinesBefore(j: number, i: number): boolean {
    const { sets } = this.build();
    const before = sets.slice(0, i + 1);
    return [...sets[j + 1]].some((w) => before.some((set) => set.has(w)));
  }

  /** Whether the title or a body line other than line `i` writes `phrase`, in any case. */
  writesElsewhere(phrase: string, i: number): boolean {
    const p = phrase.toLowerCase();
    const release = this.release;
    if (release.title?.text.toLowerCase().includes(p)) return true;
    return release.body.some((l, j) => j !== i && l.text.toLowerCase().includes(p));
  }
}

/**
 * Whether another agency signs line `i`: the words of the agency a press service speaks for, or the name of a
 * credited agency, are found nowhere else in the release.
 */
function signedByAnother(signature: Signature | undefined, i: number, words: Set<string>, rest: ReleaseWords) {
  if (!signature) return false;
  if (signature.kind === 'credit') return !rest.writesElsewhere(signature.agency, i);
  return [...contentWords(signature.agency)].some((w) => !rest.inRest(w, words));
}

/** How many of a paragraph's names occur elsewhere in the release, and of how many. */
function sharedNames(mine: readonly Mention[], all: Map<string, number>): { shared: number; of: number } {
  const names = countKeys(mine);
  let shared = 0;
  for (const [key, n] of names) if ((all.get(key) ?? 0) > n) shared++;
  return { shared, of: names.size };
}

/** A paragraph that opens by saying where it happens: `In Qashqatepa district, …`. */
const OPENS_WITH_PLACE = /^(?:In|At|Near|Outside)\s/;
/** How far into the paragraph that place may stand. */
const PLACE_OPENING = 40;

/**
 * Whether the paragraph opens in a place that the rest of the release never names: where a story of its own
 * happens. A place named later in a paragraph (`a farmer from Bogiston village said…`) is part of the story.
 */
function opensInNewPlace(line: BodyLine, mine: readonly Mention[], all: Map<string, number>): boolean {
  if (!OPENS_WITH_PLACE.test(line.text)) return false;
  const here = countKeys(mine);
  const near = (m: Mention) => m.span.start - line.span.start <= PLACE_OPENING;
  return mine.some((m) => m.place && near(m) && all.get(m.key) === here.get(m.key));
}

/** What the rule knows of a paragraph's names, and of the paragraphs around it. */
interface ParagraphNames {
  shared: number;
  of: number;
  newPlace: boolean;
  /** The story before the paragraph goes on after it: the paragraph interrupts it. */
  interrupts: boolean;
}

/**
 * Whether the story told before paragraph `i` goes on after it: the next paragraph names someone or something
 * from before it, or uses any of its content words. Paragraph `i` shares almost none with the whole release
 * by the time this is asked, so even one word in common shows which story the next paragraph belongs to.
 */
function storyGoesOn(i: number, perLine: readonly Mention[][], rest: ReleaseWords): boolean {
  const body = rest.release.body;
  let next = i + 1;
  while (next < body.length && body[next].kind !== 'paragraph' && body[next].kind !== 'quote') next++;
  if (next >= body.length) return false;
  const before = new Set(perLine.slice(0, i).flatMap((mentions) => mentions.map((m) => m.key)));
  if (perLine[next].some((m) => before.has(m.key))) return true;
  return rest.sharesWithLinesBefore(next, i);
}

function check(i: number, names: ParagraphNames, words: Set<string>, rest: ReleaseWords): string | undefined {
  const release = rest.release;
  const line = release.body[i];
  const nameShare = names.of === 0 ? 0 : names.shared / names.of;
  let sharedWords = 0;
  for (const w of words) if (rest.inRest(w, words)) sharedWords++;
  const wordShare = sharedWords / words.size;
  if (wordShare > MAX_SHARED_WORDS) return undefined;
  const signature = closingSignature(line.text);
  const foreign = signedByAnother(signature, i, words, rest);
  // Without a signature, few shared words are no proof: a short release on one topic shares few words too.
  const date = release.title?.date?.valid ? release.title.date : undefined;
  const marks = foreign ? [] : storyMarks(line.text, date);
  if (!foreign && names.newPlace) marks.push('opens in a place the rest of the release does not name');
  if (!foreign && names.interrupts) marks.push('interrupts a story that goes on after it');
  if (!foreign && !(nameShare === 0 && wordShare <= MAX_SHARED_WORDS_UNSIGNED && marks.length > 0)) return undefined;
  const evidence = [
    `shares ${names.of === 0 ? '' : `${names.shared} of its ${names.of} names and `}` +
      `${Math.round(wordShare * 100)}% of its content words ` +
      'with the rest of the release',
  ];
  if (foreign && signature) evidence.push(`ends with another agency's signature ("${clip(signature.text)}")`);
  evidence.push(...marks);
  const story =
    'This paragraph looks like a separate story merged into the release without its own title, date and Source';
  return `${story}: it ${evidence.join(', and ')}`;
}

/** Name tokens grouped by the body line they sit in; tokens and lines are both in document order. */
function tokensPerLine(release: Release, tokens: readonly Mention[]): Mention[][] {
  const out: Mention[][] = release.body.map(() => []);
  let t = 0;
  release.body.forEach((line, i) => {
    while (t < tokens.length && tokens[t].span.start < line.span.start) t++;
    while (t < tokens.length && tokens[t].span.end <= line.span.end) out[i].push(tokens[t++]);
  });
  return out;
}

function releaseMentions(release: Release, ctx: RuleContext): Mention[] {
  // Names are read from this release alone: a word it also writes in lower case is no name here.
  const names = ctx.names(release);
  const own = { has: (hash: number) => usesWord(names, hash) };
  const base = release.span.start;
  const out: Mention[] = [];
  for (const c of names.candidates) {
    if (!isName(c, own, IGNORE_NONE)) continue;
    const span = { start: base + c.start, end: base + c.start + c.text.length };
    out.push({ key: c.key, span, place: c.hint === 'place' });
  }
  return out;
}

export const mergedRelease: ReleaseRule = {
  id: 'merged-release',
  description:
    "A paragraph that shares almost nothing with the rest of its release and ends in another agency's signature: " +
    'a story glued in without its own title, date and Source.',
  defaultSeverity: 'warning',
  fixable: false,
  formats: ['feed'],
  scope: 'release',
  check(release, ctx) {
    const isParagraph = (l: BodyLine) => l.kind === 'paragraph' || l.kind === 'quote';
    if (release.body.filter(isParagraph).length < 2) return;
    const tokens = releaseMentions(release, ctx);
    const all = countKeys(tokens);
    const perLine = tokensPerLine(release, tokens);
    const rest = new ReleaseWords(release);
    let seenFirst = false;
    release.body.forEach((line, i) => {
      if (!isParagraph(line)) return;
      // The first paragraph sets the story; only later ones can be glued in.
      if (!seenFirst) {
        seenFirst = true;
        return;
      }
      const shared = sharedNames(perLine[i], all);
      if (shared.shared / shared.of > MAX_SHARED_NAMES) return;
      // A short paragraph is no story of its own; that is known before the release's words are counted.
      const words = rest.of(i);
      if (words.size < MIN_CONTENT_WORDS) return;
      const newPlace = opensInNewPlace(line, perLine[i], all);
      const message = check(i, { ...shared, newPlace, interrupts: storyGoesOn(i, perLine, rest) }, words, rest);
      if (message) ctx.report({ message, span: line.span });
    });
  },
};
