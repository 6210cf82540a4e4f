/**
 * The index's progress in the client's progress UI (`window/workDoneProgress`), for clients that said they show
 * it; others get nothing, since creating a progress token they do not know would be refused.
 */
import type { Connection } from 'vscode-languageserver/node';
import { describeError } from '../errors';

export interface Progress {
  report(done: number, total: number): void;
  end(): void;
}

const NO_PROGRESS: Progress = { report: () => undefined, end: () => undefined };

/** Reports at most this often, so that ten thousand files do not make ten thousand notifications. */
const REPORT_EVERY_MS = 200;

export type ProgressStarter = (total: number) => Promise<Progress>;

export function progressStarter(connection: Connection, supported: () => boolean, log: (l: string) => void) {
  return async (total: number): Promise<Progress> => {
    if (!supported()) return NO_PROGRESS;
    try {
      const reporter = await connection.window.createWorkDoneProgress();
      reporter.begin('Indexing press releases', 0, `0 of ${total} files`);
      let last = 0;
      return {
        report(done, all) {
          const now = performance.now();
          if (now - last < REPORT_EVERY_MS) return;
          last = now;
          reporter.report(all === 0 ? 100 : Math.floor((done / all) * 100), `${done} of ${all} files`);
        },
        end: () => reporter.done(),
      };
    } catch (e) {
      log(`Could not show the indexing progress: ${describeError(e)}`);
      return NO_PROGRESS;
    }
  };
}
