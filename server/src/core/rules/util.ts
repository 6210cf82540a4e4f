/** Small helpers shared by several rules. */
import type { ParseProblem, ParseProblemKind, Release } from '../model';
import type { ReleaseRule, Severity } from '../types';

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
