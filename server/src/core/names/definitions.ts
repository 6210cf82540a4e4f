/**
 * Acronym definitions: `Economic Cooperation Organization (ECO)` and
 * `(hereinafter referred to as "the Fund")`-style introductions, with the
 * long form found by Schwartz and Hearst's algorithm.
 */
import { isRoleAcronym, NEVER_NAMES } from './lexicon';
import type { Segment } from './scan';

export interface AcronymDefinition {
  acronym: string;
  /** The acronym inside the parentheses, relative to the release's start. */
  start: number;
  end: number;
  /** The long form found before it, or the words searched when none fits. */
  longForm: string;
  fits: boolean;
}

/**
 * Schwartz & Hearst's long-form search: the shortest run of words ending before the parenthesis whose letters
 * spell the acronym.
 */
export function findLongForm(acronym: string, candidate: string): string | undefined {
  const s = acronym.toLowerCase();
  const l = candidate.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  while (si >= 0) {
    const c = s[si];
    if (!/[\p{L}\p{N}]/u.test(c)) {
      si--;
      continue;
    }
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && /[\p{L}\p{N}]/u.test(l[li - 1])))) li--;
    if (li < 0) return undefined;
    li--;
    si--;
  }
  const start = l.lastIndexOf(' ', li) + 1;
  return candidate.slice(start).trim();
}

/** An opening bracket, an optional "hereinafter referred to as", then the acronym, quoted or not, and the close. */
const DEFINITION = new RegExp(
  String.raw`\(\s*(?:(?:hereinafter|hereafter)(?:\s+referred\s+to\s+as)?\s*[-–—]?\s*(?:the\s+)?)?` +
    String.raw`["“«]?(\p{Lu}[\p{Lu}&]{1,7})["”»]?\s*\)`,
  'gu',
);
/** Longest stretch before a definition that is searched for its long form; a sentence rarely runs longer. */
const LOOK_BACK = 400;
/** Most words a "hereinafter" long form may span, since such clauses name long official titles. */
const HEREINAFTER_WORDS = 20;

/** A capitalised word that is no role, institution or calendar word, or an initial: a part of a person's name. */
function isNamePart(word: string, initial: boolean): boolean {
  if (initial && /^\p{Lu}\.$/u.test(word)) return true;
  return /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(word) && !NEVER_NAMES.has(word);
}

/** Whether the words end in a name of two parts or more (`Jane Roe`, `Jane A. Roe`), a comma or quote aside. */
function endsInPersonName(words: readonly string[]): boolean {
  const last = words[words.length - 1]?.replace(/[,"”’]+$/u, '') ?? '';
  const before = words[words.length - 2] ?? '';
  return isNamePart(last, false) && isNamePart(before, true);
}

/** Finds the acronym definitions of a release's segments. */
export function scanDefinitions(segments: readonly Segment[], out: AcronymDefinition[]): void {
  for (const seg of segments) {
    // Every definition has a parenthesis; most lines have none.
    if (seg.text.indexOf('(') < 0) continue;
    DEFINITION.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DEFINITION.exec(seg.text))) {
      const acronym = m[1];
      const hereinafter = /herein|hereafter/.test(m[0]);
      // Only a bounded stretch is read back, so a long line full of parentheses stays linear.
      const before = seg.text.slice(Math.max(0, m.index - LOOK_BACK), m.index).trimEnd();
      const sentence = before.slice(before.lastIndexOf('.') + 1).trim();
      const words = sentence.split(/\s+/).filter((w) => w.length > 0);
      const limit = hereinafter ? HEREINAFTER_WORDS : Math.min(acronym.length + 5, acronym.length * 2);
      const candidate = words.slice(-limit).join(' ');
      if (candidate.length === 0) continue;
      const longForm = findLongForm(acronym, candidate);
      // An officer's acronym right after a person's name gives that person's role (`Jane Roe (CEO)`); after
      // anything else (`Director of Operations (COO)`) it is a definition, and still checked.
      if (longForm === undefined && isRoleAcronym(acronym) && endsInPersonName(words)) continue;
      const at = seg.start + m.index + m[0].indexOf(acronym);
      out.push({
        acronym,
        start: at,
        end: at + acronym.length,
        longForm: longForm ?? candidate,
        fits: longForm !== undefined,
      });
    }
  }
}
