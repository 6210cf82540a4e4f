import type { BodyLine } from '../model';
import { clip } from '../text';
import type { Fix, ReleaseRule, RuleContext } from '../types';

/**
 * A sentence end glued to the next sentence (`region.The`, `LLP.According`,
 * `"Roadmap".The`). Candidates are found with indexOf, so a long paragraph
 * costs one native scan per stop character, and each candidate is checked
 * by looking at a few characters around it.
 */

const STOPS = '.!?';
/** Quotes that can only close a quotation, and ones that can only open one. */
const CLOSING = '”»’';
const OPENING = '“«(';
const STRAIGHT = '"';

const isStop = (c: string | undefined) => c !== undefined && STOPS.includes(c);
const isUpper = (c: string | undefined) => c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string | undefined) => c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
const isDigit = (c: string | undefined) => c !== undefined && /\p{N}/u.test(c);
const isLetter = (c: string | undefined) => isUpper(c) || isLower(c);

/**
 * What marks a token as an address, where a dot before a capital is no sentence end: `www.egov.kz`,
 * `https://x.kz/A`, `info@Gov.kz`.
 */
const ADDRESS_MARKS = ['://', 'www.', 'WWW.', '@'];

/**
 * The whitespace-delimited tokens that hold an address mark, found from each
 * mark outwards, so a long line costs one scan per mark and not one per
 * character.
 */
function addressSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const mark of ADDRESS_MARKS) {
    for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + mark.length)) {
      let start = i;
      while (start > 0 && !/\s/.test(text[start - 1])) start--;
      let end = i + mark.length;
      while (end < text.length && !/\s/.test(text[end])) end++;
      spans.push([start, end]);
      i = end - mark.length;
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** The starts of the runs of stops (`.`, `?!`, `...`) in a line, in order. */
function stopRuns(text: string): number[] {
  const starts: number[] = [];
  for (const stop of STOPS) {
    for (let i = text.indexOf(stop); i >= 0; i = text.indexOf(stop, i + 1)) if (!isStop(text[i - 1])) starts.push(i);
  }
  return starts.sort((a, b) => a - b);
}

/**
 * Whether the text before a stop can end a sentence: a word of two lower-case
 * letters or more, a digit, a closing bracket or quote, a percent sign, or an
 * acronym of two capitals or more. A single capital (`U.S.`, `H.E.`) and a
 * capital with one small letter (`Mr.`, `Ph.D`) are abbreviations.
 */
function endsSentence(text: string, stop: number): boolean {
  const b = text[stop - 1];
  if (b === undefined) return false;
  if (isDigit(b) || '%)]'.includes(b) || CLOSING.includes(b) || b === STRAIGHT) return true;
  if (isLower(b)) return isLower(text[stop - 2]);
  if (!isUpper(b)) return false;
  let start = stop - 1;
  while (start > 0 && isUpper(text[start - 1])) start--;
  return stop - start >= 2 && !isLetter(text[start - 1]) && text[start - 1] !== '.';
}

/** Whether a sentence starts at `i`: a capitalised word, an initial (`S. Nurgaliyev`), or the word `A` or `I`. */
function startsSentence(text: string, i: number): boolean {
  const c = text[i];
  if (!isUpper(c)) return false;
  const next = text[i + 1];
  if (isLower(next)) return true;
  if (next === '.') return isUpper(text[i + 2]) || (text[i + 2] === ' ' && isUpper(text[i + 3]));
  return (c === 'A' || c === 'I') && next === ' ';
}

interface Glue {
  /** Where the run of stops begins. */
  at: number;
  /**
   * Where a space goes, and where it would go if a straight quote opened the next sentence instead of closing
   * this one.
   */
  insert: number;
  other?: number;
}

/**
 * Reads the stops at `at` and what follows. A straight quote between the
 * stop and the next sentence closes this sentence when the quotes before it
 * are odd in number, and opens the next one when they are even; when the
 * paragraph's quotes are unbalanced, that count cannot be trusted.
 */
function glueAt(text: string, at: number, quotesBefore: (i: number) => number, balanced: boolean): Glue | undefined {
  let end = at;
  while (isStop(text[end])) end++;
  const q = text[end];
  if (CLOSING.includes(q ?? '\0') && startsSentence(text, end + 1)) return { at, insert: end + 1 };
  if (OPENING.includes(q ?? '\0') && startsSentence(text, end + 1)) return { at, insert: end };
  if (q === STRAIGHT && startsSentence(text, end + 1)) {
    const closes = quotesBefore(end) % 2 === 1;
    const [insert, other] = closes ? [end + 1, end] : [end, end + 1];
    return balanced ? { at, insert } : { at, insert, other };
  }
  return startsSentence(text, end) ? { at, insert: end } : undefined;
}

function fixFor(glue: Glue, line: BodyLine): { fix: Fix; moreFixes?: Fix[] } {
  const edit = (offset: number) => ({ start: line.span.start + offset, end: line.span.start + offset, newText: ' ' });
  if (glue.other === undefined) return { fix: { title: 'Insert a space', edits: [edit(glue.insert)], safe: true } };
  const title = (offset: number) =>
    offset > glue.at && line.text[offset - 1] === STRAIGHT
      ? 'Insert a space after the quote'
      : 'Insert a space before the quote';
  // The quotes of the paragraph do not pair up, so which side the quote belongs to is a guess: a person picks.
  return {
    fix: { title: title(glue.insert), edits: [edit(glue.insert)], safe: false },
    moreFixes: [{ title: title(glue.other), edits: [edit(glue.other)], safe: false }],
  };
}

function checkLine(line: BodyLine, ctx: RuleContext): void {
  const text = line.text;
  const runs = stopRuns(text);
  if (runs.length === 0) return;
  const addresses = addressSpans(text);
  const quotes: number[] = [];
  for (let i = text.indexOf(STRAIGHT); i >= 0; i = text.indexOf(STRAIGHT, i + 1)) quotes.push(i);
  // Runs come in order, so one pointer each walks the quotes and the addresses.
  let q = 0;
  const quotesBefore = (i: number) => {
    while (q < quotes.length && quotes[q] < i) q++;
    return q;
  };
  let a = 0;
  for (const at of runs) {
    while (a < addresses.length && addresses[a][1] <= at) a++;
    if (a < addresses.length && addresses[a][0] <= at) continue;
    if (!endsSentence(text, at)) continue;
    const glue = glueAt(text, at, quotesBefore, quotes.length % 2 === 0);
    if (!glue) continue;
    const shown = Math.max(glue.insert, glue.other ?? 0);
    ctx.report({
      message: `No space after the end of a sentence: "${clip(text.slice(Math.max(0, at - 12), shown + 12))}"`,
      span: { start: line.span.start + at, end: line.span.start + shown + 1 },
      ...fixFor(glue, line),
    });
  }
}

export const sentenceSpacing: ReleaseRule = {
  id: 'sentence-spacing',
  description: 'No space after the end of a sentence (region.The).',
  defaultSeverity: 'info',
  fixable: true,
  safeFixes: true,
  formats: ['feed', 'wire'],
  scope: 'release',
  check(release, ctx) {
    for (const line of release.body) checkLine(line, ctx);
  },
};
