/**
 * The fixtures of the suites about several files (the workspace index, the Releases view, the CLI's cross-file
 * checks and their agreement with the server): release texts of a title, a body and a Source, and trees of files
 * written into a temporary folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFeed } from './cliProcess';

/** A one-sentence body: 15 words, so that `short-body` warns about it. */
export const BODY = 'The district administration reported that the work was finished ahead of time and under budget.';

/** A body long enough that no rule has anything to say about it. */
export const LONG_BODY =
  'The district administration reported that the work was finished two weeks ahead of the schedule agreed in ' +
  'the autumn, and that the contractors will return in spring to check every part of it once more.';

/** One release of a feed: its title line (with the date, if any), `body`, and its Source line. */
export function release(title: string, source: string, body = BODY): string {
  return `${title}\n${body}\nSource : ${source}\n`;
}

/** A builder of feeds whose releases all have `body`, each given as its title and its Source. */
export function feedOf(body: string): (...releases: Array<[title: string, source: string]>) => string {
  return (...releases) => releases.map(([title, source]) => release(title, source, body)).join('');
}

/** A feed of releases with the short `BODY`. */
export const feed = feedOf(BODY);

/** Writes each file (a path relative to `root`, `/`-separated) with its text, creating the folders it needs. */
export function writeTree(root: string, files: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(files)) writeFeed(root, name, text);
}

/** Writes the files as a repository: a `.git` folder in `root`, so that config discovery and `.gitignore` stop there. */
export function writeRepository(root: string, files: Readonly<Record<string, string>>): void {
  fs.mkdirSync(path.join(root, '.git'), { recursive: true });
  writeTree(root, files);
}
