/**
 * Role phrases next to people ("Deputy Minister of Energy Serik Nurgaliev",
 * "Nurlan Zhanabayev, head of the Emergency Situations Department,"), read
 * only when hover asks, since nothing else needs them.
 */
import { ROLE_HEAD, ROLE_WORD } from './lexicon';
import type { NameToken } from './tokens';

/** How far before a name a role phrase may start. */
const ROLE_LOOK_BACK = 160;
/** Longest role phrase in words; longer stretches are sentences, not titles. */
const MAX_ROLE_WORDS = 14;
/** Longest apposition after a name that can hold a role. */
const APPOSITION = /^,\s+((?:the\s+|a\s+)?(?:\S+\s+){0,2}?[^,.;()]{0,90})[,.;)]/;
const SKIP_TO_ROLE_HEAD = new RegExp(`^(?:\\S+\\s+){0,6}?(?=${ROLE_HEAD.source})`, 'i');

function rolePhrase(phrase: string): string | undefined {
  const words = phrase.split(/\s+/).filter((w) => w.length > 0);
  if (!ROLE_WORD.test(phrase) || words.length > MAX_ROLE_WORDS) return undefined;
  const first = words.findIndex((w) => /^\p{Lu}/u.test(w) || ROLE_WORD.test(w));
  const role = words
    .slice(Math.max(0, first))
    .join(' ')
    .replace(/\s+(?:by|with|and|the)$/i, '')
    .trim();
  return role.length > 0 ? role : undefined;
}

/**
 * Where the clause that ends at the end of `s` starts: after the last sentence stop, comma, bracket, quote or
 * colon.
 */
function clauseStart(s: string): number {
  return (
    Math.max(
      s.lastIndexOf('. '),
      s.lastIndexOf(', '),
      s.lastIndexOf('('),
      s.lastIndexOf('“'),
      s.lastIndexOf('"'),
      s.lastIndexOf(':'),
    ) + 1
  );
}

const trimLead = (s: string) => s.replace(/^[\s,.]+/, '').trim();

/** A role phrase next to a person: before the name, or as an apposition around it. */
function roleNear(text: string, start: number, end: number): string | undefined {
  const before = text.slice(Math.max(0, start - ROLE_LOOK_BACK), start);
  const direct = rolePhrase(trimLead(before.slice(clauseStart(before))));
  if (direct) return direct;
  // "the head of the region, Serik Shapkenov": the clause just before the comma names the role.
  if (/,\s*$/.test(before)) {
    const clause = before.replace(/,\s*$/, '');
    const inner = rolePhrase(
      trimLead(clause.slice(clauseStart(clause)))
        .replace(SKIP_TO_ROLE_HEAD, '')
        .trim(),
    );
    if (inner) return inner;
  }
  // "Nurlan Zhanabayev, head of the Emergency Situations Department,": an apposition that starts with the role.
  const after = APPOSITION.exec(text.slice(end, end + ROLE_LOOK_BACK));
  if (after && ROLE_WORD.test(after[1].split(/\s+/).slice(0, 3).join(' '))) return after[1].trim();
  return undefined;
}

/**
 * The role phrase next to a person token, read from the document text: from
 * the part of the token's line that a role phrase can reach, since a role
 * never crosses a line.
 */
export function roleOf(text: string, token: NameToken): string | undefined {
  const c = token.context;
  if (!c) return undefined;
  const from = Math.max(0, c.runStart - ROLE_LOOK_BACK);
  const window = text.slice(from, Math.min(text.length, c.runEnd + ROLE_LOOK_BACK));
  const start = c.runStart - from;
  const end = c.runEnd - from;
  const lineStart = Math.max(window.lastIndexOf('\n', start - 1), window.lastIndexOf('\r', start - 1)) + 1;
  const breakAfter = window.slice(end).search(/[\r\n]/);
  const line = window.slice(lineStart, breakAfter < 0 ? window.length : end + breakAfter);
  return roleNear(line, start - lineStart, end - lineStart);
}
