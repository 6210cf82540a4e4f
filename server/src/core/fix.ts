/** Applying fixes as plain text edits, the way `--fix` and fix-all on save need it. */
import { createHash } from 'node:crypto';
import { Analyzer, type Analysis, type LintOptions, type OnError } from './lint';
import { settingsOf } from './runner';
import type { Finding, Fix, TextEdit } from './types';

function firstStart(fix: Fix): number {
  let min = Infinity;
  for (const e of fix.edits) if (e.start < min) min = e.start;
  return min;
}

/**
 * The edits already chosen, kept sorted by start. Chosen edits never touch,
 * so they are sorted by end too, and the one edit that may clash with a new
 * one is the last that starts at or before the new one's end.
 */
class TakenEdits {
  private readonly edits: TextEdit[] = [];

  /** Index of the last edit starting at or before `offset`, or -1. */
  private lastStartingBy(offset: number): number {
    let lo = 0;
    let hi = this.edits.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.edits[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Edits that overlap or even touch clash: at a shared point their order would be a guess. */
  clashes(e: TextEdit): boolean {
    const i = this.lastStartingBy(e.end);
    return i >= 0 && this.edits[i].end >= e.start;
  }

  add(e: TextEdit): void {
    const last = this.edits[this.edits.length - 1];
    // Fixes arrive in order of their first edit, so nearly every edit lands at the end.
    if (!last || last.start <= e.start) this.edits.push(e);
    else this.edits.splice(this.lastStartingBy(e.start) + 1, 0, e);
  }
}

/**
 * Picks fixes whose edits do not touch each other, in document order, so a
 * set of fixes can be applied in one pass. A fix that overlaps one already
 * taken waits for the next pass. One sorted sweep: each edit is checked
 * against its one possible neighbour, so 200,000 fixes cost no more than a sort.
 */
export function selectFixes(findings: readonly Finding[], safeOnly: boolean): Fix[] {
  const fixes: Array<{ fix: Fix; at: number }> = [];
  for (const f of findings) if (f.fix && (!safeOnly || f.fix.safe)) fixes.push({ fix: f.fix, at: firstStart(f.fix) });
  fixes.sort((a, b) => a.at - b.at);
  const taken = new TakenEdits();
  const chosen: Fix[] = [];
  for (const { fix } of fixes) {
    if (fix.edits.some((e) => taken.clashes(e))) continue;
    chosen.push(fix);
    for (const e of fix.edits) taken.add(e);
  }
  return chosen;
}

/** Applies non-overlapping edits; throws on overlap, which would be a bug in the caller. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length)
      throw new Error(`Overlapping or out-of-range edit ${e.start}-${e.end}`);
    parts.push(text.slice(pos, e.start), e.newText);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/**
 * Most passes `fixAll` makes before it calls the fixes a loop. Real chains
 * are short (a title with fourteen spaced dots takes about thirty passes);
 * fixes that still change the text after this many will not settle.
 */
export const MAX_FIX_PASSES = 200;

export interface FixResult {
  text: string;
  /** How many fixes were applied over all passes. */
  applied: number;
  passes: number;
  /**
   * False when the fixes did not reach a fixed point: the text came back to
   * an earlier state, or still changed after `MAX_FIX_PASSES` passes. Callers
   * must then keep the original text, since no pass is more right than another.
   */
  settled: boolean;
  /** The analysis of the returned text, so that callers need not lint it again. */
  analysis: Analysis;
}

/** Where the fixing stands across its passes, shared by the passes with few rules and those with all. */
interface Progress {
  text: string;
  applied: number;
  passes: number;
  /** Digests, not texts: thirty passes over a 100 MB feed must not keep thirty copies of it. */
  seen: Set<string>;
}

/**
 * Lints and fixes until nothing fixable is left: a second run on the result
 * changes nothing. More than one pass is needed when fixes touch the same
 * place. A text seen before means the fixes undo each other, which is
 * reported as unsettled instead of spinning.
 *
 * Safe fixes come from a few rules (`safeFixes`), none of which reads names,
 * so the text is first settled with those rules alone and without the name
 * analysis, and then checked once with every rule: that check finds what to
 * report, and carries on fixing should another rule offer a safe fix.
 */
export function fixAll(text: string, options: LintOptions = {}, safeOnly = true, onRuleError?: OnError): FixResult {
  const progress: Progress = { text, applied: 0, passes: 0, seen: new Set([digest(text)]) };
  if (safeOnly) {
    const first = settleSafeFixes(progress, options, onRuleError);
    // An unsettled text is reported, not fixed further, and its report needs every rule.
    if (!first.settled) return { ...first, analysis: new Analyzer(onRuleError).analyze(progress.text, options) };
  }
  return settle(progress, new Analyzer(onRuleError), options, safeOnly);
}

/**
 * The text that `fixAll` writes, settled with the rules that offer safe fixes alone, without the full check
 * that makes its report; undefined when those fixes do not settle, since `--fix` then leaves the text as it is.
 * The CLI's cross-file pre-pass reads it to compare files as `--fix` leaves them.
 */
export function safelyFixedText(text: string, options: LintOptions = {}): string | undefined {
  const progress: Progress = { text, applied: 0, passes: 0, seen: new Set([digest(text)]) };
  return settleSafeFixes(progress, options).settled ? progress.text : undefined;
}

function settleSafeFixes(progress: Progress, options: LintOptions, onRuleError?: OnError): FixResult {
  const rules = settingsOf(options).rules.filter((r) => r.safeFixes);
  return settle(progress, new Analyzer(onRuleError), { ...options, rules, names: false }, true);
}

/** Fixes with one analyzer until nothing fixable is left, a text comes back, or the passes run out. */
function settle(progress: Progress, analyzer: Analyzer, options: LintOptions, safeOnly: boolean): FixResult {
  // One analyzer for every pass: a release that no fix touched is neither parsed nor checked again.
  let analysis = analyzer.analyze(progress.text, options);
  const result = (settled: boolean): FixResult => ({
    text: progress.text,
    applied: progress.applied,
    passes: progress.passes,
    settled,
    analysis,
  });
  for (;;) {
    const fixes = selectFixes(analysis.findings, safeOnly);
    if (fixes.length === 0) return result(true);
    if (progress.passes >= MAX_FIX_PASSES) return result(false);
    progress.text = applyEdits(
      progress.text,
      fixes.flatMap((f) => f.edits),
    );
    progress.applied += fixes.length;
    progress.passes++;
    const key = digest(progress.text);
    const looped = progress.seen.has(key);
    progress.seen.add(key);
    analysis = analyzer.analyze(progress.text, options);
    if (looped) return result(false);
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
