/**
 * One workspace folder as the index sees it: which of its files are release files (`*.release`, the endings a
 * `.pressreleaserc.json` adds with `extensions`, and the `pressRelease.index.include` globs), minus what
 * `files.exclude`, `.gitignore` files, `node_modules` and `.git` leave out, and the Config of each directory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Config, ConfigLayer } from '../core/index';
import { describeError } from '../errors';
import { GitignoreRules } from '../files/gitignore';
import { FEED_EXTENSION, SKIPPED_FOLDERS } from '../files/releaseFiles';
import { DirectoryConfigs } from './directoryConfigs';
import { globMatcher, type PathMatcher } from './globs';

export interface FolderSettings {
  /** The folder's lint settings as a config layer. */
  layer: ConfigLayer;
  include: readonly string[];
  exclude: readonly string[];
}

export class FolderScope {
  readonly include: readonly string[];
  private readonly configs: DirectoryConfigs;
  private readonly included: PathMatcher;
  private readonly excluded: PathMatcher;
  private readonly gitignore: GitignoreRules;
  /** The folder whose `.gitignore` files all apply: the repository root, or the folder outside a repository. */
  private readonly top: string;

  constructor(
    readonly uri: string,
    readonly root: string,
    settings: FolderSettings,
    log: (line: string) => void = () => undefined,
  ) {
    this.gitignore = new GitignoreRules(tolerantReads(log));
    this.include = settings.include;
    this.configs = new DirectoryConfigs(settings.layer);
    this.included = globMatcher(settings.include);
    this.excluded = globMatcher(settings.exclude);
    // The `.gitignore` files from the workspace folder down apply, as VS Code's own search reads them by default
    // (`search.useParentIgnoreFiles`): a folder opened inside a parent repository's ignored path is still indexed.
    this.top = root;
  }

  configOf(directory: string): Config {
    return this.configs.of(directory);
  }

  /** The file endings the index looks for in a directory. */
  endingsOf(directory: string): string[] {
    return [FEED_EXTENSION, ...this.configOf(directory).extensions];
  }

  /** Whether a path is inside the folder and left out by nothing; the path itself is asked about too. */
  admits(full: string, isDirectory: boolean): boolean {
    const relative = path.relative(this.root, full);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const segments = relative.split(path.sep);
    if (segments.some((s) => SKIPPED_FOLDERS.has(s))) return false;
    if (this.excluded(segments.join('/'), isDirectory)) return false;
    return !this.gitignore.ignores(this.top, full, isDirectory);
  }

  /** Whether a file, by its name alone, is a release file of this folder; `admits` says whether it counts. */
  wants(full: string): boolean {
    const name = path.basename(full);
    if (this.endingsOf(path.dirname(full)).some((ending) => name.endsWith(ending))) return true;
    return this.included(path.relative(this.root, full).split(path.sep).join('/'), false);
  }

  /** Every release file of the folder, found by walking it; folders left out are not entered. */
  async list(): Promise<string[]> {
    const found: string[] = [];
    const pending = [this.root];
    for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
      for (const entry of await readFolder(folder)) {
        const full = path.join(folder, entry.name);
        // Symbolic links are not followed, as git does not, so that a link loop cannot trap the walk.
        if (entry.isDirectory()) {
          if (this.admits(full, true)) pending.push(full);
        } else if (entry.isFile() && this.wants(full) && this.admits(full, false)) {
          found.push(full);
        }
      }
    }
    return found;
  }
}

/**
 * The `.gitignore` reads of a folder's scope: a file that is there but cannot be read (a link loop, an I/O error)
 * ignores nothing, as git goes on without it, and is told once, rather than stopping the whole index.
 */
function tolerantReads(log: (line: string) => void): Pick<typeof fs, 'readFileSync'> {
  let told = false;
  const read = (file: string, encoding: BufferEncoding): string => {
    try {
      return fs.readFileSync(file, encoding);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw e;
      if (!told) log(`The index takes ${file} as ignoring nothing: it cannot be read (${describeError(e)}).`);
      told = true;
      return '';
    }
  };
  // GitignoreRules reads with an encoding only, which is the one overload this function has.
  return { readFileSync: read as unknown as typeof fs.readFileSync };
}

/** A folder that cannot be read holds nothing for the index; the walk goes on with the others. */
async function readFolder(folder: string): Promise<fs.Dirent[]> {
  try {
    return await fs.promises.readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}
