/**
 * press-release-lint: the command-line linter. It runs the same core as
 * the language server, so CI and the editor always agree. This file only
 * wires the process to `run`; the modules under `cli/` do the work.
 */
import * as path from 'node:path';
import { isatty } from 'node:tty';
import { describeSystemError } from './cli/errors';
import { nodeFileSystem } from './cli/fileSystem';
import { Output } from './cli/output';
import { readStandardInput } from './cli/readInput';
import { run } from './cli/run';

export { USAGE } from './cli/args';
export { run, type CliEnvironment } from './cli/run';

/** Runs the CLI on this process's arguments and standard streams, and sets the exit code. */
export function main(): void {
  const stdout = new Output(1, { endRunOnFailure: true });
  const stderr = new Output(2, { endRunOnFailure: false });
  run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout,
    stderr,
    fsys: nodeFileSystem,
    readStandardInput: () => readStandardInput(nodeFileSystem),
    isTerminal: (fd) => isatty(fd),
    noColor: !!process.env.NO_COLOR,
    // The worker entry is bundled beside this file: dist/cliWorker.js next to dist/cli.js.
    workerFile: path.join(__dirname, 'cliWorker.js'),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    // `run` catches everything; this only keeps a bug in it from printing a stack trace.
    (e: unknown) => {
      stderr.write(`press-release-lint: internal error: ${describeSystemError(e)}\n`);
      stderr.flush();
      process.exitCode = 2;
    },
  );
}

if (require.main === module) main();
