/** Small helpers shared by several rules. */
import type { ParseProblem, ParseProblemKind, Release } from '../model';
import type { ReleaseRule, RuleContext, Severity } from '../types';
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
