/**
 * The index's progress in the client's progress UI (`window/workDoneProgress`), for clients that said they show
 * it; others get nothing, since creating a progress token they do not know would be refused.
 */
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { describeError } from '../errors';

export interface Progress {
  report(done: number, total: number): void;
  end(): void;
}

const NO_PROGRESS: Progress = { report: () => undefined, end: () => undefined };

/** Reports at most this often, so that ten thousand files do not make ten thousand notifications. */
const REPORT_EVERY_MS = 200;

/** How long the client may take to create the progress token; the index does not wait for it longer. */
export const PROGRESS_CREATE_TIMEOUT_MS = 2000;

export type ProgressStarter = (total: number) => Promise<Progress>;

export function progressStarter(connection: Connection, supported: () => boolean, log: (l: string) => void) {
  return async (total: number): Promise<Progress> => {
    if (!supported()) return NO_PROGRESS;
    try {
      const reporter = await created(connection);
      if (!reporter) {
        log(`The client did not create the indexing progress within ${PROGRESS_CREATE_TIMEOUT_MS / 1000} s.`);
        return NO_PROGRESS;
      }
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

/**
 * The progress reporter, or undefined when the client did not answer in time: a client that never answers
 * `window/workDoneProgress/create` must not stop the scan, which waits for this before it reads a file.
 */
async function created(connection: Connection): Promise<WorkDoneProgressServerReporter | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>(
    (resolve) => (timer = setTimeout(() => resolve(undefined), PROGRESS_CREATE_TIMEOUT_MS)),
  );
  try {
    return await Promise.race([connection.window.createWorkDoneProgress(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
