/**
 * Problem counts per release, for the Releases view: how many errors, warnings and infos each release of a file
 * has. Hints are left out, as the Problems view's own counts leave them out. The index keeps only these numbers of
 * a file it linted, never its findings, so that ten thousand files cost a few numbers each.
 */
import type { Analysis } from '../analysis';
import { lastAtOrBefore } from '../collections';
import type { Finding } from '../types';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function noProblems(): ProblemCounts {
  return { errors: 0, warnings: 0, infos: 0 };
}

function add(counts: ProblemCounts, severity: Finding['severity']): void {
  if (severity === 'error') counts.errors++;
  else if (severity === 'warning') counts.warnings++;
  else if (severity === 'info') counts.infos++;
}

/**
 * Adds findings to the counts of the releases that start at `starts` (ascending), each to the release its start
 * falls in. A file without releases has nothing to count them against, so they are dropped.
 */
export function addFindings(
  counts: ProblemCounts[],
  starts: readonly number[],
  findings: Iterable<Pick<Finding, 'span' | 'severity'>>,
): void {
  if (starts.length === 0) return;
  for (const f of findings) add(counts[lastAtOrBefore(starts, f.span.start)], f.severity);
}

/** The counts of each release of an analysis: its own findings, and the feed findings that fall in it. */
export function analysisCounts(analysis: Analysis): ProblemCounts[] {
  const counts = analysis.slots.map(noProblems);
  for (let i = 0; i < counts.length; i++) for (const f of analysis.releaseFindings(i)) add(counts[i], f.severity);
  const starts = analysis.facts.releases.map((f) => f.span.start);
  addFindings(counts, starts, analysis.feedFindings);
  return counts;
}
