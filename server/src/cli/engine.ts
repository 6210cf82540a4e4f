/**
 * The linting itself, apart from reading, writing and reporting: what `checkInput` asks of the core. It runs in
 * this thread (`inProcessEngine`), or in a worker thread (`workers.ts`), which runs `inProcessEngine` in turn.
 * Everything that crosses between them is plain data, so rule failures travel as a rule id and a reason.
 */
import { fixAll, lintInBatches, type Finding, type LintOptions } from '../core/index';
import { describeSystemError } from './errors';

/** Tells that a rule failed on the text and its findings are missing. */
export type RuleFailureSink = (ruleId: string, reason: string) => void;

/** What `--fix` made of a text: the text to write when it settled, and the findings in that text. */
export interface FixOutcome {
  text: string;
  settled: boolean;
  passes: number;
  findings: readonly Finding[];
}

export interface LintEngine {
  /** Lints a text, handing its findings to `sink` in document order, a batch at a time. */
  lint(
    text: string,
    options: LintOptions,
    sink: (batch: readonly Finding[]) => void,
    onRuleFailure: RuleFailureSink,
  ): Promise<void>;
  /** Applies the safe fixes until the text settles, and lints the result. */
  fix(text: string, options: LintOptions, onRuleFailure: RuleFailureSink): Promise<FixOutcome>;
}

export const inProcessEngine: LintEngine = {
  lint(text, options, sink, onRuleFailure) {
    lintInBatches(text, options, sink, (rule, e) => onRuleFailure(rule.id, describeSystemError(e)));
    return Promise.resolve();
  },
  fix(text, options, onRuleFailure) {
    const fixed = fixAll(text, options, true, (rule, e) => onRuleFailure(rule.id, describeSystemError(e)));
    return Promise.resolve({
      text: fixed.text,
      settled: fixed.settled,
      passes: fixed.passes,
      findings: fixed.analysis.findings,
    });
  },
};
