/**
 * The stylish report, as in ESLint: per file a header, one aligned row per
 * finding and a blank line; then a summary. Rows are written as they come.
 */
import type { Finding, Severity } from '../../core/index';
import type { Output } from '../output';
import { FindingPositions } from '../positions';
import type { Reporter, Tally } from './reporter';

/**
 * Rows of one file held back so that the position column fits the widest one,
 * as it always has. A file with more findings than this is aligned to the widest
 * position its text allows instead, so that holding rows never grows with the file.
 */
export const ALIGNED_ROWS_LIMIT = 10_000;

const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '90' };

interface Row {
  position: string;
  finding: Finding;
}

export class StylishReporter implements Reporter {
  private file = '';
  private text = '';
  private positions: FindingPositions | undefined;
  /** Rows waiting for the column width; undefined once the width is fixed and rows go straight out. */
  private heldRows: Row[] | undefined;
  private positionWidth = 0;
  private headerWritten = false;

  constructor(
    private readonly out: Output,
    private readonly color: boolean,
  ) {}

  beginFile(file: string, text: string): void {
    this.file = file;
    this.text = text;
    this.positions = new FindingPositions(text);
    this.heldRows = [];
    this.positionWidth = 0;
    this.headerWritten = false;
  }

  addFindings(batch: readonly Finding[]): void {
    for (const finding of batch) {
      const p = this.positions!.start(finding.span.start);
      const row = { position: `${p.line + 1}:${p.character + 1}`, finding };
      if (this.heldRows === undefined) {
        this.writeRow(row);
        continue;
      }
      this.heldRows.push(row);
      // A loop, not Math.max(...rows): spreading 30,000 arguments overflows the stack.
      if (row.position.length > this.positionWidth) this.positionWidth = row.position.length;
      if (this.heldRows.length > ALIGNED_ROWS_LIMIT) this.releaseHeldRows(widestPositionIn(this.text));
    }
  }

  endFile(): void {
    if (this.heldRows) this.releaseHeldRows(this.positionWidth);
    if (this.headerWritten) this.out.write('\n');
    this.positions = undefined;
    this.text = '';
  }

  finish(tally: Tally): void {
    if (tally.total === 0) return;
    const s = tally.bySeverity;
    const summary =
      `✖ ${plural(tally.total, 'problem')} ` +
      `(${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${plural(s.info + s.hint, 'info')})`;
    this.out.write(`${this.paint(s.error > 0 ? '31;1' : '33;1', summary)}\n`);
    if (tally.fixable > 0) {
      const verb = tally.fixable === 1 ? 'is' : 'are';
      this.out.write(`  ${plural(tally.fixable, 'problem')} ${verb} fixable with --fix\n`);
    }
  }

  private releaseHeldRows(width: number): void {
    const rows = this.heldRows!;
    this.heldRows = undefined;
    this.positionWidth = Math.max(width, this.positionWidth);
    for (const row of rows) this.writeRow(row);
  }

  private writeRow({ position, finding }: Row): void {
    if (!this.headerWritten) {
      this.out.write(`${this.paint('4', this.file)}\n`);
      this.headerWritten = true;
    }
    const severity = this.paint(SEVERITY_COLOR[finding.severity], finding.severity.padEnd(7));
    const where = this.paint('2', position.padEnd(this.positionWidth));
    this.out.write(`  ${where}  ${severity}  ${finding.message}  ${this.paint('2', finding.ruleId)}\n`);
  }

  private paint(code: string, s: string): string {
    return this.color ? `\u001b[${code}m${s}\u001b[0m` : s;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The length of the widest "line:character" any position in `text` can have: the last line and the longest line. */
export function widestPositionIn(text: string): number {
  let lines = 1;
  let longest = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      longest = Math.max(longest, i - lineStart);
      lines++;
      lineStart = i + 1;
    }
  }
  longest = Math.max(longest, text.length - lineStart);
  return `${lines}:${longest + 1}`.length;
}
