/**
 * Glob patterns from the editor's settings (`files.exclude`, `pressRelease.index.include`), matched against paths
 * relative to a workspace folder. The matching is the `ignore` package's, which the CLI's `.gitignore` handling
 * already bundles: each glob becomes a gitignore line anchored at the folder, and braces are expanded first, since
 * gitignore has none. A pattern that names a folder matches everything in it, as `files.exclude` does.
 */
import ignore from 'ignore';

/** Whether a path relative to the folder (with `/` between segments) matches; folders are asked with `isDirectory`. */
export type PathMatcher = (relative: string, isDirectory: boolean) => boolean;

/** At most this many patterns come out of one pattern's braces, so that a pasted pattern cannot blow up. */
const MAX_EXPANSIONS = 256;

/** `a{b,c}d` as `abd` and `acd`, each once; nested braces are expanded from the innermost out. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.lastIndexOf('{');
  const close = open < 0 ? -1 : pattern.indexOf('}', open);
  if (close < 0) return [pattern];
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const out = new Set<string>();
  for (const choice of pattern.slice(open + 1, close).split(',')) {
    for (const expanded of expandBraces(head + choice + tail)) {
      if (out.size >= MAX_EXPANSIONS) return [...out];
      out.add(expanded);
    }
  }
  return [...out];
}

/** A glob as a gitignore line: `**` patterns match at any depth already; the others start at the folder. */
function gitignoreLine(glob: string): string {
  const trimmed = glob.replace(/^\.\//, '');
  return trimmed.startsWith('**/') || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** A matcher for the globs; with none, it matches nothing. */
export function globMatcher(globs: readonly string[]): PathMatcher {
  const lines = globs
    .filter((g) => g.trim() !== '' && !g.startsWith('!'))
    .flatMap(expandBraces)
    .map(gitignoreLine);
  if (lines.length === 0) return () => false;
  const rules = ignore().add(lines);
  return (relative, isDirectory) => {
    if (relative === '' || relative.startsWith('..')) return false;
    return rules.ignores(isDirectory ? `${relative}/` : relative);
  };
}

/**
 * The patterns that VS Code's `files.exclude` setting turns on: keys whose value is `true`. A value such as
 * `{ "when": "$(basename).ts" }` depends on sibling files, which the index does not look at, so it is left out.
 */
export function excludedGlobs(filesSection: unknown): string[] {
  if (typeof filesSection !== 'object' || filesSection === null) return [];
  const exclude = (filesSection as Record<string, unknown>).exclude;
  if (typeof exclude !== 'object' || exclude === null) return [];
  return Object.entries(exclude)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
