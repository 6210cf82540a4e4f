/**
 * The SARIF 2.1.0 report, for code scanning: one log with one run, whose results are written as findings
 * arrive, like the JSON report's diagnostics, so the report never holds every finding at once.
 */
import type * as Sarif from 'sarif';
import { resolveFormat, type ElsewhereInfo, type Finding, type LintOptions, type Position } from '../../core/index';
import type { Output } from '../output';
import { FindingPositions } from '../positions';
import { FINGERPRINT_KEY, FindingFingerprints } from './fingerprints';
import type { Reporter } from './reporter';
import { artifactLocation, RULE_INDEX, SARIF_LOG_TAIL, sarifLevel, sarifLogHead } from './sarifLog';

interface FileInReport {
  location: Sarif.ArtifactLocation;
  positions: FindingPositions;
  fingerprints: FindingFingerprints;
}

export class SarifReporter implements Reporter {
  private resultsWritten = 0;
  private file: FileInReport | undefined;

  constructor(
    private readonly out: Output,
    private readonly cwd: string,
    version: string,
  ) {
    out.write(sarifLogHead(version, cwd));
  }

  beginFile(file: string, text: string, options: LintOptions): void {
    this.file = {
      location: artifactLocation(file, this.cwd),
      positions: new FindingPositions(text),
      fingerprints: new FindingFingerprints(text, {
        format: resolveFormat(options.config?.format ?? 'auto', text),
        dateFormat: options.config?.dateFormat,
      }),
    };
  }

  addFindings(batch: readonly Finding[]): void {
    for (const f of batch) {
      this.out.write(`${this.resultsWritten++ > 0 ? ',' : ''}${JSON.stringify(this.resultOf(f))}`);
    }
  }

  endFile(): void {
    this.file = undefined;
  }

  finish(): void {
    this.out.write(`${SARIF_LOG_TAIL}\n`);
  }

  private resultOf(f: Finding): Sarif.Result {
    const { location, positions, fingerprints } = this.file!;
    const region = regionOf(positions.start(f.span.start), positions.end(f.span.end));
    const result: Sarif.Result = {
      ruleId: f.ruleId,
      ruleIndex: RULE_INDEX.get(f.ruleId),
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: location, region } }],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.of(f) },
    };
    if (f.elsewhere?.length) result.relatedLocations = f.elsewhere.map((e, i) => this.relatedLocation(e, i));
    return result;
  }

  /** A place in another file of the run that a cross-file finding points at, named as the results name files. */
  private relatedLocation(e: ElsewhereInfo, id: number): Sarif.Location {
    return {
      id,
      physicalLocation: { artifactLocation: artifactLocation(e.file, this.cwd), region: regionOf(e.start, e.end) },
      message: { text: e.message },
    };
  }
}

/** SARIF counts lines and columns from 1, and a region's end column is the one after its last character. */
function regionOf(start: Position, end: Position): Sarif.Region {
  return {
    startLine: start.line + 1,
    startColumn: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}
