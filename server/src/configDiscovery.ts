/**
 * Which `.pressreleaserc.json` applies to a feed. One rule, asked by the CLI and by the language server
 * alike, which is what makes CI and the editor agree: the nearest `.pressreleaserc.json` walking up from the
 * feed's directory, stopping after the repository root (the first directory that holds `.git`, a directory
 * in a clone and a file in a worktree) or at the file-system root. Workspace folders play no part, since CI
 * has none.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from './core/index';

/** The name whose presence marks a repository root, where the walk up stops. */
export const REPOSITORY_MARKER = '.git';

/** Whether anything exists at a path; the CLI passes its file-system layer, tests a fake. */
export type Exists = (file: string) => boolean;

export interface ConfigLocation {
  /**
   * The config file that applies; when none does, where one would go to apply: the repository root, or the
   * feed's own directory outside a repository (never a directory far above, such as the file-system root).
   */
  path: string;
  /** Whether something is at `path`. Reading it may still fail, for instance when it is a directory. */
  found: boolean;
}

export function locateConfigFile(feedDirectory: string, exists: Exists = fs.existsSync): ConfigLocation {
  const start = path.resolve(feedDirectory);
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (exists(candidate)) return { path: candidate, found: true };
    if (exists(path.join(dir, REPOSITORY_MARKER))) return { path: candidate, found: false };
    if (path.dirname(dir) === dir) return { path: path.join(start, CONFIG_FILE_NAME), found: false };
  }
}
