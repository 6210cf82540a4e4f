/** Small helpers shared by several rules. */
import type { ParseProblem, ParseProblemKind, Release } from '../model';
import { clip } from '../text';
import type { ElsewhereInfo, ReleaseRule, RuleContext, Severity } from '../types';
import { fileLabel, type ReleaseRef } from '../workspace/summaries';
import type { KeyedPart, ReleaseSummary } from '../workspace/summary';
import type { WireParts } from '../wire/model';

/** The parser's problems of one kind in one release. */
export function problemsOf(release: Release, kind: ParseProblemKind): ParseProblem[] {
  return release.problems.filter((p) => p.kind === kind);
}

/**
 * Builds a rule that reports a parser problem as it is, for the structural
 * faults that need no more than the parser's own message.
 */
export function problemRule(id: ParseProblemKind, description: string, defaultSeverity: Severity): ReleaseRule {
  return {
    id,
    description,
    defaultSeverity,
    fixable: false,
    formats: ['feed'],
    scope: 'release',
    check(release, ctx) {
      for (const p of problemsOf(release, id)) ctx.report({ message: p.message, span: p.span });
    },
  };
}

/** A release of a standard (wire) document: its wire parts are always there. */
export type WireRelease = Release & { wire: WireParts };

/** The spec of a rule for standard releases: a release rule that sees only releases with their wire parts. */
export type WireRuleSpec = Omit<ReleaseRule, 'scope' | 'formats' | 'check'> & {
  check(release: WireRelease, ctx: RuleContext): void;
};

/** Builds a release rule that applies to the `wire` format only. */
export function wireRule(spec: WireRuleSpec): ReleaseRule {
  return {
    ...spec,
    formats: ['wire'],
    scope: 'release',
    check(release, ctx) {
      if (release.wire) spec.check(release as WireRelease, ctx);
    },
  };
}

/** A finding names at most this many of the other files' releases; the Problems view lists them all as related. */
const NAMED_ELSEWHERE = 1;
/** Related places listed from other files; a Source pasted into hundreds of files needs no more to be found. */
const MAX_ELSEWHERE = 20;

/** What a cross-file finding says of the other files' releases that share its key. */
export interface DuplicatesElsewhere {
  named: string;
  elsewhere: ElsewhereInfo[];
}

/**
 * What a cross-file duplicate says about the releases of other files that share its key: the first one by title
 * and file in the message, with how many more there are (`count` in all), and each (up to a limit) as a related
 * place, found by `part`. Only the first `MAX_ELSEWHERE` of `refs` are read, so a caller need fetch no more.
 */
export function duplicatesElsewhere(
  refs: readonly ReleaseRef[],
  count: number,
  part: (r: ReleaseSummary) => KeyedPart | undefined,
  what: string,
): DuplicatesElsewhere {
  const described = (r: ReleaseRef) =>
    `${r.release.title ? `"${clip(r.release.title)}"` : 'a release'} in ${fileLabel(r.file)}`;
  const more = count - NAMED_ELSEWHERE;
  const named = refs.slice(0, NAMED_ELSEWHERE).map(described).join(', ') + (more > 0 ? ` and ${more} more` : '');
  const elsewhere = refs.slice(0, MAX_ELSEWHERE).flatMap((r) => {
    const p = part(r.release);
    return p ? [{ file: r.file, start: p.start, end: p.end, message: `${what} ${described(r)}` }] : [];
  });
  return { named, elsewhere };
}

/**
 * What the cross-file check of one file says for each key, made once per key: every release of a feed pasted
 * into two files shares its key with thousands of others, and the words and places for that key are the same
 * for each, so they are fetched and written once. The places are shared by those findings and read only.
 */
export function elsewhereByKey(
  find: (key: string, limit: number) => ReleaseRef[],
  count: (key: string) => number,
  part: (r: ReleaseSummary) => KeyedPart | undefined,
  what: string,
): (key: string) => DuplicatesElsewhere | undefined {
  const said = new Map<string, DuplicatesElsewhere | undefined>();
  return (key) => {
    if (said.has(key)) return said.get(key);
    const n = count(key);
    const about = n === 0 ? undefined : duplicatesElsewhere(find(key, MAX_ELSEWHERE), n, part, what);
    said.set(key, about);
    return about;
  };
}
