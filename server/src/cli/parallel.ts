/**
 * Checking the files of a run, serially or in worker threads. With workers, several files are checked at once,
 * each into a recording of what it would report; a file's recording is played into the real report as soon as
 * it and every file before it are done. So the output is the serial run's, byte for byte, whatever the number
 * of workers, and a slow file holds back the report but not the linting of the files after it.
 */
import { checkInput, type RunContext } from './checkInput';
import type { Finding, LintOptions } from '../core/index';
import { Tally, type Reporter } from './report/reporter';
import { WorkerPool } from './workers';

export interface ParallelPlan {
  /** How many files to lint at once. */
  jobs: number;
  /** The bundled worker entry; without it every file is linted in this thread. */
  workerFile: string | undefined;
}

/** Files checked ahead of the one being reported, per worker: enough to keep workers busy, few enough to hold. */
const FILES_AHEAD_PER_WORKER = 4;

/** Checks every file in order. One file, standard input, or one job are checked in this thread, as always. */
export async function checkFiles(
  files: readonly string[],
  contextOf: (file: string) => RunContext,
  plan: ParallelPlan,
): Promise<void> {
  const workers = Math.min(plan.jobs, files.length);
  if (workers <= 1 || plan.workerFile === undefined || files.includes('-')) {
    for (const file of files) await checkInput(file, contextOf(file));
    return;
  }
  const pool = new WorkerPool(workers, plan.workerFile);
  try {
    await checkInOrder(files, (file) => ({ ...contextOf(file), engine: pool }), workers * FILES_AHEAD_PER_WORKER);
  } finally {
    await pool.close();
  }
}

async function checkInOrder(
  files: readonly string[],
  contextOf: (file: string) => RunContext,
  ahead: number,
): Promise<void> {
  const recordings: (Promise<FileRecording> | undefined)[] = [];
  for (let head = 0; head < files.length; head++) {
    while (recordings.length < files.length && recordings.length - head < ahead) {
      const file = files[recordings.length];
      const recording = record(file, contextOf(file));
      // Awaited in its turn below; until then a failure must not count as unhandled.
      recording.catch(() => undefined);
      recordings.push(recording);
    }
    const recording = await recordings[head]!;
    recordings[head] = undefined;
    recording.playInto(contextOf(files[head]));
  }
}

function record(file: string, ctx: RunContext): Promise<FileRecording> {
  const recording = new FileRecording();
  const recordingContext: RunContext = {
    ...ctx,
    reporter: recording,
    tally: recording.tally,
    tellProblem: (line) => recording.events.push({ kind: 'problem', line }),
  };
  return checkInput(file, recordingContext).then(() => recording);
}

type ReportEvent =
  | { kind: 'begin'; file: string; text: string; options: LintOptions }
  | { kind: 'findings'; batch: readonly Finding[] }
  | { kind: 'end' }
  | { kind: 'problem'; line: string };

/** What checking one file reported and told, in the order it happened. */
class FileRecording implements Reporter {
  readonly events: ReportEvent[] = [];
  readonly tally = new Tally();

  beginFile(file: string, text: string, options: LintOptions): void {
    this.events.push({ kind: 'begin', file, text, options });
  }

  addFindings(batch: readonly Finding[]): void {
    this.events.push({ kind: 'findings', batch });
  }

  endFile(): void {
    this.events.push({ kind: 'end' });
  }

  finish(): void {
    // A recording covers one file; the run's reporter finishes the report.
  }

  playInto(ctx: RunContext): void {
    for (const event of this.events) {
      if (event.kind === 'begin') ctx.reporter.beginFile(event.file, event.text, event.options);
      else if (event.kind === 'findings') ctx.reporter.addFindings(event.batch);
      else if (event.kind === 'end') ctx.reporter.endFile();
      else ctx.tellProblem(event.line);
    }
    for (const severity of Object.keys(this.tally.bySeverity) as (keyof Tally['bySeverity'])[]) {
      ctx.tally.bySeverity[severity] += this.tally.bySeverity[severity];
    }
    ctx.tally.fixable += this.tally.fixable;
  }
}
