/** A whole run: arguments, settings, every input, the summary and the exit code. */
import { availableParallelism } from 'node:os';
import { parseArgs, USAGE, type Options } from './args';
import type { RunContext } from './checkInput';
import { extensionsFinder, loadInputConfigs } from './configLayers';
import { comparesFiles, CrossFileIndex } from './crossFile';
import { inProcessEngine } from './engine';
import { BrokenPipe, CliProblem, describeSystemError, oneLine, OutputFailed } from './errors';
import type { FileSystem } from './fileSystem';
import { expandInputs, type ExpandedInputs } from './files';
import type { Output } from './output';
import { checkFiles } from './parallel';
import { JsonReporter } from './report/json';
import { Tally, type Reporter } from './report/reporter';
import { SarifReporter } from './report/sarif';
import { StylishReporter } from './report/stylish';
import { filesOfShard } from './shard';
import { cliVersion } from './version';

/** Everything a run touches outside itself, so that tests can run it in-process. */
export interface CliEnvironment {
  cwd: string;
  stdout: Output;
  stderr: Output;
  fsys: FileSystem;
  readStandardInput(): Buffer;
  isTerminal(fd: number): boolean;
  /** Set when the NO_COLOR convention asks for plain output. */
  noColor: boolean;
  /** The bundled entry of the worker threads (`dist/cliWorker.js`); without it, files are linted one by one. */
  workerFile?: string;
}

/**
 * Runs the CLI and returns its exit code: 0 clean, 1 errors (or too many
 * warnings), 2 a problem with usage, settings, an input or the output. Never
 * throws: whatever goes wrong becomes lines on stderr.
 */
export async function run(argv: readonly string[], env: CliEnvironment): Promise<number> {
  try {
    return await runOrThrow(argv, env);
  } catch (e) {
    // The reader of standard output has gone: there is nobody to tell, so the run ends quietly.
    if (e instanceof BrokenPipe) return 2;
    const lines = e instanceof CliProblem ? e.lines : [describeFailure(e)];
    flushQuietly(env.stdout);
    for (const line of lines) env.stderr.write(`press-release-lint: ${oneLine(line)}\n`);
    env.stderr.flush();
    return 2;
  }
}

async function runOrThrow(argv: readonly string[], env: CliEnvironment): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help' || parsed === 'version') {
    env.stdout.write(`${parsed === 'help' ? USAGE : cliVersion()}\n`);
    env.stdout.flush();
    return 0;
  }
  const options = parsed;
  const inputs = filesOf(options, env);
  // Every file of the run, not only this shard's, takes part in the cross-file checks, so its config is needed.
  const configOf = loadInputConfigs({ ...options, files: inputs.allFiles }, env.cwd, env.fsys);
  // With --fix on standard input the fixed text owns stdout, so the report goes to stderr.
  const reportOutput = options.fix && inputs.files.includes('-') ? env.stderr : env.stdout;
  let problems = 0;
  const lintOptions = { today: options.today };
  const ctx: RunContext = {
    lintOptions,
    fix: options.fix,
    cwd: env.cwd,
    fsys: env.fsys,
    stdout: env.stdout,
    reporter: createReporter(options, reportOutput, env),
    reportOutput,
    tally: new Tally(),
    readStandardInput: () => env.readStandardInput(),
    engine: inProcessEngine,
    crossFile: comparesFiles(inputs.allFiles, configOf)
      ? CrossFileIndex.build(inputs.allFiles, { cwd: env.cwd, fsys: env.fsys, configOf, lintOptions, fix: options.fix })
      : undefined,
    tellProblem: (line) => {
      problems++;
      // What was reported so far comes first, so that the message sits after the files before it.
      env.stdout.flush();
      env.stderr.write(`press-release-lint: ${oneLine(line)}\n`);
      env.stderr.flush();
    },
  };
  for (const line of inputs.problems) ctx.tellProblem(line);
  const contextOf = (file: string): RunContext => ({
    ...ctx,
    lintOptions: { ...ctx.lintOptions, config: configOf(file) },
  });
  await checkFiles(inputs.files, contextOf, {
    jobs: options.jobs ?? availableParallelism(),
    workerFile: env.workerFile,
  });
  ctx.reporter.finish(ctx.tally);
  reportOutput.flush();
  return exitCode(problems, ctx.tally, options, env);
}

/**
 * The files the inputs stand for (folders and patterns expanded), and only this shard's when sharding; `allFiles`
 * are those of every shard, which the cross-file checks compare.
 */
function filesOf(options: Options, env: CliEnvironment): ExpandedInputs & { allFiles: readonly string[] } {
  const extensionsOf = extensionsFinder(options, env.cwd, env.fsys);
  const expanded = expandInputs(options.files, { cwd: env.cwd, fsys: env.fsys, extensionsOf });
  const allFiles = expanded.files;
  if (options.shard) expanded.files = filesOfShard(expanded.files, options.shard, env.cwd);
  return { ...expanded, allFiles };
}

function createReporter(options: Options, out: Output, env: CliEnvironment): Reporter {
  if (options.format === 'json') return new JsonReporter(out);
  if (options.format === 'sarif') return new SarifReporter(out, env.cwd, cliVersion());
  return new StylishReporter(out, env.isTerminal(out.fd) && !env.noColor);
}

function exitCode(problems: number, tally: Tally, options: Options, env: CliEnvironment): number {
  const warnings = tally.bySeverity.warning;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) {
    env.stderr.write(`press-release-lint: ${warnings} warnings exceed --max-warnings ${options.maxWarnings}\n`);
    env.stderr.flush();
  }
  if (problems > 0) return 2;
  return tally.bySeverity.error > 0 || tooManyWarnings ? 1 : 0;
}

function describeFailure(e: unknown): string {
  if (e instanceof OutputFailed) return e.message;
  return `internal error: ${describeSystemError(e)} — please report this`;
}

function flushQuietly(out: Output): void {
  try {
    out.flush();
  } catch {
    // Standard output is already broken; the message on stderr matters more.
  }
}
