/**
 * Which paths the `.gitignore` files of a tree leave out, as git reads them: each file's patterns are relative to
 * its own folder, a deeper file overrides a shallower one (so `!keep.release` can take a file back), and nothing
 * under an ignored folder comes back. The matching itself is the `ignore` package's, the one ESLint uses.
 */
import type * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const GITIGNORE_FILE_NAME = '.gitignore';

export class GitignoreRules {
  /** Each folder's rules, read once; null where the folder has no `.gitignore`. */
  private readonly byFolder = new Map<string, Ignore | null>();

  constructor(private readonly fsys: Pick<typeof fs, 'readFileSync'>) {}

  /**
   * Whether `target` (an absolute path inside `top`) is ignored by the `.gitignore` files in `top` and the
   * folders below it on the way to `target`: the target itself, or any folder it lies in.
   */
  ignores(top: string, target: string, isDirectory: boolean): boolean {
    const segments = path.relative(top, target).split(path.sep);
    if (segments[0] === '' || segments[0] === '..') return false;
    for (let depth = 1; depth <= segments.length; depth++) {
      const asDirectory = depth < segments.length || isDirectory;
      if (this.ignoredAt(top, segments.slice(0, depth), asDirectory)) return true;
    }
    return false;
  }

  /** Asks the folders that hold a path, deepest first: the first that says ignored or taken back decides. */
  private ignoredAt(top: string, segments: readonly string[], isDirectory: boolean): boolean {
    for (let holder = segments.length - 1; holder >= 0; holder--) {
      const rules = this.rulesOf(path.join(top, ...segments.slice(0, holder)));
      if (!rules) continue;
      const relative = segments.slice(holder).join('/') + (isDirectory ? '/' : '');
      const verdict = rules.test(relative);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }

  private rulesOf(folder: string): Ignore | null {
    let rules = this.byFolder.get(folder);
    if (rules === undefined) {
      rules = this.read(path.join(folder, GITIGNORE_FILE_NAME));
      this.byFolder.set(folder, rules);
    }
    return rules;
  }

  private read(file: string): Ignore | null {
    try {
      return ignore().add(this.fsys.readFileSync(file, 'utf8'));
    } catch (e) {
      // A folder without a .gitignore is the common case; one that cannot be read ignores nothing, as in git.
      const code = (e as NodeJS.ErrnoException | undefined)?.code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'EACCES') return null;
      throw e;
    }
  }
}
