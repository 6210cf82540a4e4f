/**
 * The inputs of a run, as files: a directory stands for the feeds inside it, found recursively, and a quoted
 * pattern for the files it matches (tinyglobby expands it). Both skip `node_modules`, `.git` and whatever a
 * `.gitignore` leaves out, and list their files sorted by path, so that a run's order never depends on the order
 * the file system returns them in. A file named on the command line is always linted, whatever its name or
 * ignore status, and a name that is nothing on disk stays as it is, for the reader to explain.
 */
import type * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { REPOSITORY_MARKER } from '../configDiscovery';
import { CliProblem, describeSystemError } from './errors';
import { GitignoreRules } from '../files/gitignore';
import { FEED_EXTENSION, SKIPPED_FOLDERS } from '../files/releaseFiles';
import type { FileSystem } from './fileSystem';

export interface ExpandedInputs {
  /** The files to lint, each named as the user will see it, and `-` for standard input. */
  files: string[];
  /** One line for each directory or pattern that holds no feed. */
  problems: string[];
}

export interface ExpandContext {
  cwd: string;
  fsys: Pick<FileSystem, 'statSync' | 'readdirSync' | 'readFileSync' | 'existsSync'>;
  /** The file endings besides `.release` that the config applying to a folder adds. */
  extensionsOf(folder: string): readonly string[];
}

/** Turns the inputs into files, each once, in the order of the inputs and sorted by path within each. */
export function expandInputs(inputs: readonly string[], ctx: ExpandContext): ExpandedInputs {
  const expanded: ExpandedInputs = { files: [], problems: [] };
  const seen = new Set<string>();
  const rules = new GitignoreRules(ctx.fsys);
  const add = (name: string): void => {
    const key = name === '-' ? undefined : path.resolve(ctx.cwd, name);
    if (key !== undefined && seen.has(key)) return;
    if (key !== undefined) seen.add(key);
    expanded.files.push(name);
  };
  for (const input of inputs) {
    const kind = kindOf(input, ctx);
    if (kind === 'file') {
      add(input);
      continue;
    }
    const found = kind === 'directory' ? feedsInDirectory(input, ctx, rules) : filesMatching(input, ctx, rules);
    if (found.length === 0) expanded.problems.push(noMatchMessage(input, kind, ctx));
    for (const name of found.sort(byPath)) add(name);
  }
  return expanded;
}

type InputKind = 'file' | 'directory' | 'pattern';

/** What an input names. Anything that cannot be looked at is a file, for the reader to explain why. */
function kindOf(input: string, ctx: ExpandContext): InputKind {
  if (input === '-') return 'file';
  try {
    const stat = ctx.fsys.statSync(path.resolve(ctx.cwd, input), { throwIfNoEntry: false });
    if (stat) return stat.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'file';
  }
  return isDynamicPattern(input) ? 'pattern' : 'file';
}

/** Compares by code unit, not by locale, so that every machine sorts the same way. */
export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function noMatchMessage(input: string, kind: InputKind, ctx: ExpandContext): string {
  if (kind === 'pattern') return `no file matches ${input}`;
  const endings = [FEED_EXTENSION, ...ctx.extensionsOf(path.resolve(ctx.cwd, input))].join(', ');
  return `no feed in ${input} (looked for files ending ${endings}, outside node_modules, .git and ignored paths)`;
}

/** The feeds under a directory, named from the directory as the user gave it. */
function feedsInDirectory(directory: string, ctx: ExpandContext, rules: GitignoreRules): string[] {
  const root = path.resolve(ctx.cwd, directory);
  const top = repositoryRootOf(root, ctx) ?? root;
  const found: string[] = [];
  const visit = (folder: string, shown: string): void => {
    const endings = [FEED_EXTENSION, ...ctx.extensionsOf(folder)];
    for (const entry of readFolder(folder, shown, ctx)) {
      const full = path.join(folder, entry.name);
      const shownEntry = path.join(shown, entry.name);
      // Symbolic links to folders are not followed, as git does not, so that a link loop cannot trap the walk.
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !rules.ignores(top, full, true)) visit(full, shownEntry);
      } else if (endings.some((ending) => entry.name.endsWith(ending)) && isFile(full, ctx)) {
        if (!rules.ignores(top, full, false)) found.push(shownEntry);
      }
    }
  };
  visit(root, directory);
  return found;
}

function readFolder(folder: string, shown: string, ctx: ExpandContext): fs.Dirent[] {
  try {
    return ctx.fsys.readdirSync(folder, { withFileTypes: true });
  } catch (e) {
    throw new CliProblem(`cannot read the folder ${shown}: ${describeSystemError(e)}`);
  }
}

/** Whether a path is a regular file, or a link to one. */
function isFile(full: string, ctx: ExpandContext): boolean {
  return ctx.fsys.statSync(full, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * The files a pattern matches. The pattern is split into the folder it starts from and the rest, so that
 * `../feeds/**` and absolute patterns work, and the matches are named from that folder as the user wrote it.
 */
function filesMatching(pattern: string, ctx: ExpandContext, rules: GitignoreRules): string[] {
  const segments = pattern.split('/');
  let fixed = 0;
  while (fixed < segments.length - 1 && !isDynamicPattern(segments[fixed])) fixed++;
  const base = fixed === 0 ? '.' : segments.slice(0, fixed).join('/') || '/';
  const baseFolder = path.resolve(ctx.cwd, base);
  const top = repositoryRootOf(baseFolder, ctx) ?? baseFolder;
  const matches = globSync(segments.slice(fixed).join('/'), {
    cwd: baseFolder,
    ignore: [...SKIPPED_FOLDERS].map((name) => `**/${name}/**`),
    expandDirectories: false,
  });
  return matches
    .filter((match) => !rules.ignores(top, path.join(baseFolder, match), false))
    .map((match) => (fixed === 0 ? match : path.join(base, match)));
}

/** The nearest folder at or above `folder` that holds `.git`, whose `.gitignore` files all apply; or none. */
function repositoryRootOf(folder: string, ctx: ExpandContext): string | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (ctx.fsys.existsSync(path.join(dir, REPOSITORY_MARKER))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
