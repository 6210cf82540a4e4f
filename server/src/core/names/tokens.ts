/**
 * Turning a release's name candidates into name tokens once the feed's
 * common words are known. A token is created once with its final kind and
 * initial: the runs of adjacent names are read first, then each token.
 */
import type { Span } from '../text';
import { SURNAME_ENDING } from './lexicon';
import type { NameCandidate, ReleaseNames } from './scan';

export type NameKind = 'person' | 'place' | 'organization' | 'unknown';

/** Where hover looks for a person's role: the run of name words the token belongs to. */
export interface RoleContext {
  runStart: number;
  runEnd: number;
}

/** One occurrence of a proper-name word, in document offsets. */
export interface NameToken {
  text: string;
  span: Span;
  /** The romanisation fold key that clusters spellings. */
  key: string;
  release: number;
  kind: NameKind;
  /** The initial of the given name next to it (`S.` in `S. Nurgaliyev`, `S` from `Serik Nurgaliev`). */
  initial?: string;
  /** Set for people only, since only hover reads roles. */
  context?: RoleContext;
  /**
   * For a person's name followed by another (a given name before its surname), that name's fold key: two
   * people who share a given name are told apart by what follows it.
   */
  follower?: string;
  /** Set when the text introduces it as another thing than a name like it (`not to be confused with X`). */
  contrast?: true;
  /** Set for a name written in capitals (a dateline's place); `text` holds it as a name is written. */
  caps?: true;
}

/** `spelling` as `token` writes it: in capitals where the token is in capitals. */
export function writtenAs(token: Pick<NameToken, 'caps'>, spelling: string): string {
  return token.caps ? spelling.toUpperCase() : spelling;
}

/** Words that decide whether a candidate is a name: the feed's lower-case words and the names to ignore. */
export interface CommonWords {
  has(hash: number): boolean;
}

/** A candidate is a name unless its word is common or to be ignored. */
export function isName(c: NameCandidate, common: CommonWords, ignore: ReadonlySet<string>): boolean {
  if (common.has(c.lowerHash)) return false;
  if (c.possessiveBaseHash !== undefined && common.has(c.possessiveBaseHash)) return false;
  return !ignore.has(c.text.toLowerCase());
}

/**
 * Which candidates are people, from the runs they stand in. A word is a
 * person when an initial precedes it, or when it follows another name and
 * ends like a surname or follows a person; the name it follows is then a
 * person too ("Serik Nurgaliev").
 */
function personFlags(cands: readonly NameCandidate[], names: readonly boolean[]): boolean[] {
  const linked = (i: number) => i > 0 && names[i] && names[i - 1] && cands[i].followsCandidate;
  const byRun = (i: number, before: boolean) =>
    linked(i) && cands[i].initial === undefined && (SURNAME_ENDING.test(cands[i].text) || before);
  const forward: boolean[] = [];
  for (let i = 0; i < cands.length; i++) {
    forward.push(names[i] && (cands[i].initial !== undefined || byRun(i, i > 0 && forward[i - 1])));
  }
  return forward.map((p, i) => p || (i + 1 < cands.length && byRun(i + 1, p)));
}

/** The run of adjacent people each person belongs to, which is where its role phrase is read. */
function roleContexts(
  cands: readonly NameCandidate[],
  names: readonly boolean[],
  people: readonly boolean[],
  base: number,
): Array<RoleContext | undefined> {
  const out: Array<RoleContext | undefined> = cands.map(() => undefined);
  for (let i = 0; i < cands.length;) {
    if (!people[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < cands.length && people[j + 1] && names[j] && cands[j + 1].followsCandidate) j++;
    const first = cands[i];
    const last = cands[j];
    const context: RoleContext = {
      runStart: base + (first.initialStart ?? first.start),
      runEnd: base + last.start + last.text.length,
    };
    for (let k = i; k <= j; k++) out[k] = context;
    i = j + 1;
  }
  return out;
}

/** The name tokens of one release, in document order, with offsets moved by the release's start. */
export function releaseTokens(
  names: ReleaseNames,
  base: number,
  release: number,
  common: CommonWords,
  ignore: ReadonlySet<string>,
): NameToken[] {
  const cands = names.candidates;
  const kept = cands.map((c) => isName(c, common, ignore));
  const people = personFlags(cands, kept);
  const contexts = roleContexts(cands, kept, people, base);
  const out: NameToken[] = [];
  for (let i = 0; i < cands.length; i++) {
    if (!kept[i]) continue;
    const c = cands[i];
    const linked = i > 0 && kept[i - 1] && c.followsCandidate;
    const token: NameToken = {
      text: c.text,
      span: { start: base + c.start, end: base + c.start + c.text.length },
      key: c.key,
      release,
      kind: people[i] ? 'person' : (c.hint ?? 'unknown'),
    };
    if (c.contrast) token.contrast = true;
    if (c.caps) token.caps = true;
    const initial = c.initial ?? (linked ? cands[i - 1].text[0] : undefined);
    if (initial !== undefined) token.initial = initial;
    const context = contexts[i];
    if (context) token.context = context;
    const next = cands[i + 1];
    if (next && kept[i + 1] && next.followsCandidate) token.follower = next.key;
    out.push(token);
  }
  return out;
}
