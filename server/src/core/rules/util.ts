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

/**
 * What a cross-file duplicate says about the releases of other files that share its key: the first one by title
 * and file in the message, and each (up to a limit) as a related place, found by `part`.
 */
export function duplicatesElsewhere(
  refs: readonly ReleaseRef[],
  part: (r: ReleaseSummary) => KeyedPart | undefined,
  what: string,
): { named: string; elsewhere: ElsewhereInfo[] } {
  const described = (r: ReleaseRef) =>
    `${r.release.title ? `"${clip(r.release.title)}"` : 'a release'} in ${fileLabel(r.file)}`;
  const more = refs.length - NAMED_ELSEWHERE;
  const named = refs.slice(0, NAMED_ELSEWHERE).map(described).join(', ') + (more > 0 ? ` and ${more} more` : '');
  const elsewhere = refs.slice(0, MAX_ELSEWHERE).flatMap((r) => {
    const p = part(r.release);
    return p ? [{ file: r.file, start: p.start, end: p.end, message: `${what} ${described(r)}` }] : [];
  });
  return { named, elsewhere };
}
