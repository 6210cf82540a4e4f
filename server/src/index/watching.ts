/**
 * Asking the client to report changes to release files (`workspace/didChangeWatchedFiles`), for clients that let
 * the server register for them; the patterns follow the folders' settings, so they are registered again when
 * those change. Config files are watched by the client itself (see client/src/extension.ts).
 */
import {
  DidChangeWatchedFilesNotification,
  WatchKind,
  type Connection,
  type Disposable,
  type FileSystemWatcher,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from '../core/index';
import { describeError } from '../errors';
import { GITIGNORE_FILE_NAME } from '../files/gitignore';

export class ReleaseFileWatch {
  private registration: Promise<Disposable | undefined> = Promise.resolve(undefined);
  private patterns = '';

  constructor(
    private readonly connection: Connection,
    private readonly log: (line: string) => void,
  ) {}

  /** Registers the patterns, in place of the last ones, unless they are the same. */
  watch(patterns: readonly string[]): void {
    const key = patterns.join('\n');
    if (key === this.patterns) return;
    this.patterns = key;
    const watchers: FileSystemWatcher[] = patterns.map((globPattern) => ({ globPattern }));
    watchers.push({ globPattern: `**/${GITIGNORE_FILE_NAME}` });
    // Deletes of anything, folders included: a folder deleted or renamed is reported alone, without its files.
    watchers.push({ globPattern: '**/*', kind: WatchKind.Delete });
    this.registration = this.registration.then(async (last) => {
      last?.dispose();
      try {
        return await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
      } catch (e) {
        this.log(`Could not watch release files: ${describeError(e)}`);
        return undefined;
      }
    });
  }
}

/** Whether a watched-file event is about a config file, which changes every document's config. */
export function isConfigFile(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

/** Whether a watched-file event is about a `.gitignore`, which changes which files the index takes. */
export function isGitignore(uri: string): boolean {
  return uri.endsWith(`/${GITIGNORE_FILE_NAME}`);
}
