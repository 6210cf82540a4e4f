/**
 * The entry point of the CLI's worker threads, bundled into `dist/cliWorker.js` beside `dist/cli.js`; the
 * modules under `cli/` do the work (`workerJobs.ts`).
 */
import { parentPort } from 'node:worker_threads';
import { serveJobs } from './cli/workerJobs';

if (parentPort) serveJobs(parentPort);
