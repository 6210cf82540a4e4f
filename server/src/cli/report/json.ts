/**
 * The JSON report, `[{"file": ..., "diagnostics": [LSP Diagnostic...]}]`, written as findings arrive: each
 * diagnostic is the server's own mapping (convert.ts), turned into text on its own. One object tree for a
 * whole report would double the time spent collecting garbage on a 10 MB feed with 90,000 findings, and
 * one string for it can exceed what V8 allows.
 */
import type { Finding } from '../../core/index';
import { diagnosticJson } from '../../convert';
import type { Output } from '../output';
import { FindingPositions } from '../positions';
import type { Reporter } from './reporter';

export class JsonReporter implements Reporter {
  private filesBegun = 0;
  private findingsInFile = 0;
  private positions: FindingPositions | undefined;

  constructor(private readonly out: Output) {
    out.write('[');
  }

  beginFile(file: string, text: string): void {
    this.out.write(`${this.filesBegun++ > 0 ? ',' : ''}{"file":${JSON.stringify(file)},"diagnostics":[`);
    this.findingsInFile = 0;
    this.positions = new FindingPositions(text);
  }

  addFindings(batch: readonly Finding[]): void {
    const positions = this.positions!;
    for (const f of batch) {
      const range = { start: positions.start(f.span.start), end: positions.end(f.span.end) };
      this.out.write(`${this.findingsInFile++ > 0 ? ',' : ''}${diagnosticJson(range, f)}`);
    }
  }

  endFile(): void {
    this.out.write(']}');
    this.positions = undefined;
  }

  finish(): void {
    this.out.write(']\n');
  }
}
