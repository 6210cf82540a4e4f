/**
 * The cross-file checks of a run of several files: a pre-pass that summarizes every file of the run (all shards
 * of it) before anything is linted, and then, for each file reported, the findings of the rules' cross-file
 * checks, as the editor computes them over its workspace. Only summaries are kept, never a file's text.
 */
import * as path from 'node:path';
import {
  crossFileFindings,
  safelyFixedText,
  summarizeText,
  WorkspaceSummaries,
  type Config,
  type Finding,
  type FileSummary,
  type LintOptions,
  type OnError,
} from '../core/index';
import { decodeFeed, UndecodableInput } from './encoding';
import { CliProblem } from './errors';
import type { FileSystem } from './fileSystem';
import { readFileSnapshot } from './readInput';

export interface PrePassOptions {
  cwd: string;
  fsys: FileSystem;
  /** Each file's config, as configLayers.ts resolves it. */
  configOf(file: string): Config;
  lintOptions: LintOptions;
  /** With --fix, files are compared as the safe fixes leave them, which is what the report describes. */
  fix: boolean;
}

export class CrossFileIndex {
  private constructor(
    private readonly workspace: WorkspaceSummaries,
    /** The length of the text each summary was made from, to notice a report of another text. */
    private readonly lengths: ReadonlyMap<string, number>,
  ) {}

  /**
   * Summarizes every file of the run, named as the report names it. Standard input takes no part, and a file
   * that cannot be read or decoded is left out: its problem is told once, when it is checked.
   */
  static build(files: readonly string[], options: PrePassOptions): CrossFileIndex {
    const workspace = new WorkspaceSummaries();
    const lengths = new Map<string, number>();
    for (const file of files) {
      if (file === '-') continue;
      const text = readQuietly(file, options);
      if (text === undefined) continue;
      const config = options.configOf(file);
      const compared = options.fix ? (safelyFixedText(text, { ...options.lintOptions, config }) ?? text) : text;
      workspace.set(file, summarizeText(compared, config));
      lengths.set(file, compared.length);
    }
    return new CrossFileIndex(workspace, lengths);
  }

  /**
   * The cross-file findings of `file`, whose report describes `text`, sorted by position. The file's own places
   * come from `text`; should it not be the text summarized (a file that `--fix` leaves as it is, or one that
   * changed on disk during the run), it is summarized again for its own findings, and the others still see the
   * summary of the pre-pass, so that no file's findings depend on when another one was checked.
   */
  findingsFor(file: string, text: string, config: Config, onError?: OnError): Finding[] {
    const summary = this.workspace.get(file);
    if (!summary) return [];
    if (this.lengths.get(file) === text.length) return crossFileFindings(file, this.workspace, config, onError);
    return crossFileFindings(file, withOwnSummary(this.workspace, file, summarizeText(text, config)), config, onError);
  }
}

/** Whether a run compares its files with each other: when it has more than one file, standard input aside. */
export function comparesFiles(files: readonly string[]): boolean {
  return files.filter((file) => file !== '-').length > 1;
}

function readQuietly(file: string, options: PrePassOptions): string | undefined {
  try {
    return decodeFeed(readFileSnapshot(options.fsys, path.resolve(options.cwd, file), file).bytes).text;
  } catch (e) {
    if (e instanceof CliProblem || e instanceof UndecodableInput) return undefined;
    throw e;
  }
}

/**
 * The workspace as one file sees it with another summary of its own. The other files' releases are found through
 * the shared index, which already leaves this file out of them; only `get` answers differently. A view, not a
 * changed index, because replacing a summary reorders the index's lists, and with them the other files' messages.
 */
function withOwnSummary(workspace: WorkspaceSummaries, file: string, own: FileSummary): WorkspaceSummaries {
  const view = Object.create(workspace) as WorkspaceSummaries;
  view.get = (name: string) => (name === file ? own : workspace.get(name));
  return view;
}
