/**
 * The cross-file checks of a run of several files: a pre-pass that summarizes every file of the run (all shards
 * of it) before anything is linted, and then, for each file reported, the findings of the rules' cross-file
 * checks, as the editor computes them over its workspace. Only summaries are kept, never a file's text.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import {
  comparesNames,
  crossFileFindings,
  crossFileFindingsAlone,
  RULES,
  safelyFixedText,
  summarizeText,
  WorkspaceSummaries,
  type Config,
  type Finding,
  type FileSummary,
  type LintOptions,
  type OnError,
} from '../core/index';
import { CliProblem } from './errors';
import type { FileSystem } from './fileSystem';
import { decodeFeed, UndecodableInput } from '../files/encoding';
import { KeyCensus, keyHash } from './keyCensus';
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
    /** The SHA-1 of the text each file was compared as, to notice a report of another text, even of one length. */
    private readonly digests: ReadonlyMap<string, string>,
    /** Whether some file's config compares names across files, so that every file is summarized with its names. */
    private readonly withNames: boolean,
  ) {}

  /**
   * Compares every file of the run, named as the report names it, in two levels: the first counts a hash of each
   * release's keys, file by file; the second summarizes again only the files that share a key with another file,
   * and keeps only their releases with such a key, since no other release can have a cross-file finding. When some
   * file compares names across files, every file is summarized, with its names. Standard input takes no part, and a
   * file that cannot be read or decoded is left out: its problem is told once, when it is checked.
   */
  static build(files: readonly string[], options: PrePassOptions): CrossFileIndex {
    const withNames = files.some((file) => file !== '-' && comparesNames(options.configOf(file)));
    const census = new KeyCensus();
    const digests = new Map<string, string>();
    files.forEach((file, i) => {
      const text = comparedText(file, options);
      if (text === undefined) return;
      census.add(i, text, options.configOf(file));
      digests.set(file, digestOf(text));
    });
    const workspace = new WorkspaceSummaries();
    files.forEach((file, i) => {
      if (!withNames && !census.sharesAny(i)) return;
      const text = comparedText(file, options);
      if (text === undefined) return;
      // A file that changed since the first level is compared as it is now, as the one level did.
      digests.set(file, digestOf(text));
      workspace.set(file, sharedPart(summarizeText(text, options.configOf(file), withNames), census));
    });
    return new CrossFileIndex(workspace, digests, withNames);
  }

  /**
   * The cross-file findings of `file`, whose report describes `text`, sorted by position. The file's own places
   * come from `text`; should it not be the text compared (a file that `--fix` leaves as it is, or one that
   * changed on disk during the run), it is summarized again for its own findings, and the others still see the
   * summary of the pre-pass, so that no file's findings depend on when another one was checked.
   */
  findingsFor(file: string, text: string, config: Config, onError?: OnError): Finding[] {
    const digest = this.digests.get(file);
    if (digest === undefined) {
      // Standard input, or a file that could not be read before: its names are still compared among themselves.
      return crossFileFindingsAlone(file, summarizeText(text, config), config, onError);
    }
    if (digestOf(text) === digest) {
      // A file with no key in another file has no summary, and no finding.
      return this.workspace.get(file) ? crossFileFindings(file, this.workspace, config, onError) : [];
    }
    const own = summarizeText(text, config, this.withNames);
    return crossFileFindings(file, this.workspace, config, onError, RULES, own);
  }
}

/**
 * Whether a run compares its files with each other: when it has more than one file, standard input aside, or when
 * a file's config compares names across files, which then holds for a file alone too.
 */
export function comparesFiles(files: readonly string[], configOf: (file: string) => Config): boolean {
  const named = files.filter((file) => file !== '-');
  return named.length > 1 || files.some((file) => comparesNames(configOf(file)));
}

/** The text a file is compared as: as the safe fixes leave it under --fix, as it is otherwise. */
function comparedText(file: string, options: PrePassOptions): string | undefined {
  const text = readQuietly(file, options);
  if (text === undefined || !options.fix) return text;
  return safelyFixedText(text, { ...options.lintOptions, config: options.configOf(file) }) ?? text;
}

function digestOf(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A summary with only the releases whose title key or Source key is in another file too, and its names. */
function sharedPart(summary: FileSummary, census: KeyCensus): FileSummary {
  const releases = summary.releases.filter(
    (r) =>
      (r.dated !== undefined && census.isShared('title', keyHash(r.dated.key))) ||
      (r.source !== undefined && census.isShared('source', keyHash(r.source.key))),
  );
  return { ...summary, releases };
}

function readQuietly(file: string, options: PrePassOptions): string | undefined {
  try {
    return decodeFeed(readFileSnapshot(options.fsys, path.resolve(options.cwd, file), file).bytes).text;
  } catch (e) {
    if (e instanceof CliProblem || e instanceof UndecodableInput) return undefined;
    throw e;
  }
}
