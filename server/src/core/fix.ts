/** Applying fixes as plain text edits, the way `--fix` and fix-all on save need it. */
import { lint, type Analysis, type LintOptions } from './lint';
import type { Finding, Fix, TextEdit } from './types';

/**
 * Picks fixes whose edits do not touch each other, in document order, so a
 * set of fixes can be applied in one pass. A fix that overlaps one already
 * taken waits for the next pass.
 */
export function selectFixes(findings: readonly Finding[], safeOnly: boolean): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  const fixes = findings
    .map((f) => f.fix)
    .filter((f): f is Fix => !!f && (!safeOnly || f.safe))
    .sort((a, b) => Math.min(...a.edits.map((e) => e.start)) - Math.min(...b.edits.map((e) => e.start)));
  for (const fix of fixes) {
    // Edits that overlap or even touch wait for the next pass: at a shared point their order would be a guess.
    const clash = fix.edits.some((e) => taken.some((t) => e.start <= t.end && t.start <= e.end));
    if (clash) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

/** Applies non-overlapping edits; throws on overlap, which would be a bug in the caller. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) throw new Error(`Overlapping or out-of-range edit ${e.start}-${e.end}`);
    parts.push(text.slice(pos, e.start), e.newText);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

export interface FixResult {
  text: string;
  /** How many fixes were applied over all passes. */
  applied: number;
  passes: number;
  /** The analysis of the fixed text, so that callers need not lint it again. */
  analysis: Analysis;
}

/**
 * Lints and fixes until nothing fixable is left or ten passes have run.
 * More than one pass is needed when two fixes touch the same place.
 */
export function fixAll(text: string, options: LintOptions = {}, safeOnly = true): FixResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  let analysis = lint(current, options);
  for (; passes < 10; passes++) {
    const fixes = selectFixes(analysis.findings, safeOnly);
    if (fixes.length === 0) break;
    current = applyEdits(current, fixes.flatMap((f) => f.edits));
    applied += fixes.length;
    analysis = lint(current, options);
  }
  return { text: current, applied, passes, analysis };
}
