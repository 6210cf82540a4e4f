/**
 * One input of a run, from bytes to report: read, decode, lint or fix, write
 * back, report. A problem with one input is told in one line and the run goes
 * on with the next; only a closed standard output or an internal error ends it.
 */
import * as path from 'node:path';
import type { Finding, LintOptions } from '../core/index';
import type { CrossFileIndex } from './crossFile';
import type { LintEngine, RuleFailureSink } from './engine';
import { CliProblem, describeSystemError } from './errors';
import type { FileSystem } from './fileSystem';
import { decodeFeed, encodeFeed, UndecodableInput, type DecodedFeed } from '../files/encoding';
import { FindingMerger } from './mergeFindings';
import type { Output } from './output';
import { readFileSnapshot } from './readInput';
import type { Reporter, Tally } from './report/reporter';
import { reasonNotToReplace, replaceFileContents } from './safeWrite';

export interface RunContext {
  lintOptions: LintOptions;
  fix: boolean;
  cwd: string;
  fsys: FileSystem;
  /** Where fixed standard input goes. */
  stdout: Output;
  reporter: Reporter;
  /** Where the report goes: standard output, or standard error when standard output carries fixed text. */
  reportOutput: Output;
  tally: Tally;
  readStandardInput(): Buffer;
  /** Tells the user about a problem with one input, in one line, and makes the run end with exit code 2. */
  tellProblem(line: string): void;
  /** Where the linting and fixing run: in this thread, or in a worker thread. */
  engine: LintEngine;
  /** The summaries of every file of a run of several files, for the cross-file checks; none for one file. */
  crossFile?: CrossFileIndex | undefined;
}

/** Findings already in memory are handed to the report in slices of this many, like `lintInBatches` does. */
const REPORT_BATCH = 10_000;

export async function checkInput(name: string, ctx: RunContext): Promise<void> {
  try {
    if (name === '-') await checkStandardInput(ctx);
    else if (ctx.fix) await fixFile(name, ctx);
    else await lintFile(name, ctx);
  } catch (e) {
    if (!(e instanceof CliProblem)) throw e;
    for (const line of e.lines) ctx.tellProblem(line);
  }
}

async function lintFile(name: string, ctx: RunContext): Promise<void> {
  const { bytes } = readFileSnapshot(ctx.fsys, path.resolve(ctx.cwd, name), name);
  await lintAndReport(name, decodeOrExplain(bytes, name).text, ctx);
}

/**
 * Fixes a file in place. Whenever the file is left as it is (it cannot or must
 * not be replaced, the fixes did not settle, the write failed), the report
 * describes the text on disk, not the fixed text that was thrown away.
 */
async function fixFile(name: string, ctx: RunContext): Promise<void> {
  let realPath: string;
  try {
    realPath = ctx.fsys.realpathSync(path.resolve(ctx.cwd, name));
  } catch (e) {
    throw new CliProblem(`cannot read ${name}: ${describeSystemError(e)}`);
  }
  const original = readFileSnapshot(ctx.fsys, realPath, name);
  const decoded = decodeOrExplain(original.bytes, name);
  const refusal = reasonNotToReplace(original.stat);
  if (refusal) {
    ctx.tellProblem(`${name} ${refusal}`);
    return lintAndReport(name, decoded.text, ctx);
  }
  const fixed = await ctx.engine.fix(decoded.text, ctx.lintOptions, tellRuleFailures(name, ctx));
  if (!fixed.settled) {
    ctx.tellProblem(unsettledMessage(name, fixed.passes));
    return lintAndReport(name, decoded.text, ctx);
  }
  if (fixed.text !== decoded.text) {
    try {
      const newBytes = encodeFeed(fixed.text, decoded.encoding);
      await replaceFileContents({ shownName: name, realPath, original, newBytes }, ctx.fsys);
    } catch (e) {
      if (!(e instanceof CliProblem)) throw e;
      for (const line of e.lines) ctx.tellProblem(line);
      return lintAndReport(name, decoded.text, ctx);
    }
  }
  reportFindings(name, fixed.text, fixed.findings, ctx);
}

/** Standard input is linted, or with --fix copied to standard output fixed and in its own encoding. */
async function checkStandardInput(ctx: RunContext): Promise<void> {
  const bytes = ctx.readStandardInput();
  const decoded = decodeOrExplain(bytes, 'standard input');
  if (!ctx.fix) return lintAndReport('-', decoded.text, ctx);
  const fixed = await ctx.engine.fix(decoded.text, ctx.lintOptions, tellRuleFailures('-', ctx));
  if (!fixed.settled) {
    ctx.tellProblem(unsettledMessage('standard input', fixed.passes));
    // The input goes through unchanged, so that a pipeline loses nothing.
    ctx.stdout.writeBytes(bytes);
    return lintAndReport('-', decoded.text, ctx);
  }
  ctx.stdout.writeBytes(fixed.text === decoded.text ? bytes : encodeFeed(fixed.text, decoded.encoding));
  ctx.stdout.flush();
  reportFindings('-', fixed.text, fixed.findings, ctx);
}

function unsettledMessage(shownName: string, passes: number): string {
  return `${shownName}: fixes did not settle after ${passes} passes (a fix loop); left as it is — please report this`;
}

function decodeOrExplain(bytes: Buffer, shownName: string): DecodedFeed {
  try {
    return decodeFeed(bytes);
  } catch (e) {
    if (e instanceof UndecodableInput) throw new CliProblem(`${shownName} ${e.message}`);
    throw e;
  }
}

/** Tells, once per rule and file, that a rule failed and its findings are missing, as the server logs it. */
function tellRuleFailures(name: string, ctx: RunContext): RuleFailureSink {
  const failedRules = new Set<string>();
  return (ruleId, reason) => {
    if (failedRules.has(ruleId)) return;
    failedRules.add(ruleId);
    ctx.tellProblem(`${name}: rule ${ruleId} failed (${reason}); its findings are missing`);
  };
}

/** Lints and writes the report as findings arrive, with the file's cross-file findings merged in order. */
async function lintAndReport(name: string, text: string, ctx: RunContext): Promise<void> {
  ctx.reporter.beginFile(name, text, ctx.lintOptions);
  const onRuleFailure = tellRuleFailures(name, ctx);
  const merger = new FindingMerger(crossFileFindingsOf(name, text, ctx, onRuleFailure), (batch) => {
    ctx.tally.add(batch);
    ctx.reporter.addFindings(batch);
  });
  await ctx.engine.lint(text, ctx.lintOptions, (batch) => merger.add(batch), onRuleFailure);
  merger.end();
  ctx.reportOutput.throwIfFailed();
  ctx.reporter.endFile();
}

/** Reports findings that are already in memory (those of the fixed text), through the same streaming path. */
function reportFindings(name: string, text: string, findings: readonly Finding[], ctx: RunContext): void {
  ctx.reporter.beginFile(name, text, ctx.lintOptions);
  const merger = new FindingMerger(crossFileFindingsOf(name, text, ctx, tellRuleFailures(name, ctx)), (batch) => {
    ctx.tally.add(batch);
    ctx.reporter.addFindings(batch);
  });
  for (let i = 0; i < findings.length; i += REPORT_BATCH) merger.add(findings.slice(i, i + REPORT_BATCH));
  merger.end();
  ctx.reporter.endFile();
}

/** The findings of the cross-file checks in the file whose report describes `text`; none outside such a run. */
function crossFileFindingsOf(name: string, text: string, ctx: RunContext, onRuleFailure: RuleFailureSink): Finding[] {
  const config = ctx.lintOptions.config;
  if (!ctx.crossFile || !config) return [];
  return ctx.crossFile.findingsFor(name, text, config, (rule, e) => onRuleFailure(rule.id, describeSystemError(e)));
}
