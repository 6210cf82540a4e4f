/** What every report format implements, and the counts that the summary and the exit code need. */
import type { Finding, LintOptions, Severity } from '../../core/index';

/**
 * A report written as findings arrive. Per file: `beginFile`, any number of
 * `addFindings` in document order, `endFile`; `finish` once after all files.
 */
export interface Reporter {
  /** `text` is what the findings' offsets point into; `options` are those it is linted with. */
  beginFile(file: string, text: string, options: LintOptions): void;
  addFindings(batch: readonly Finding[]): void;
  endFile(): void;
  finish(tally: Tally): void;
}

/** Counts findings by severity over the whole run, and how many of them `--fix` could fix. */
export class Tally {
  readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  fixable = 0;

  add(batch: readonly Finding[]): void {
    for (const f of batch) {
      this.bySeverity[f.severity]++;
      if (f.fix?.safe) this.fixable++;
    }
  }

  get total(): number {
    const s = this.bySeverity;
    return s.error + s.warning + s.info + s.hint;
  }
}
