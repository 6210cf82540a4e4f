/**
 * The resolved Config of each document: the client's settings, overridden by the `.pressreleaserc.json` of
 * the workspace folder that holds the document (or of its own directory). Loaded once per document and kept
 * until something says it changed; a config that cannot be read becomes one message and the defaults. The
 * file's text is kept with the Config, so that the names-list actions can edit it without reading it again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME, defaultConfig, readConfig, readConfigText, resolveConfig, type Config } from './core/index';
import { describeError } from './errors';
import type { SettingsAnswer } from './settings';

export interface ConfigSources {
  /** The client's `pressRelease` settings for a document. */
  settings(uri: string): Promise<SettingsAnswer>;
  /** Told about problems in the settings or the file, each at most once per server. */
  report(errors: string[]): void;
}

/** The `.pressreleaserc.json` that applies to a document, as it was when the document's config was loaded. */
export interface ConfigFile {
  /** The file's absolute path, whether or not the file exists. */
  path: string;
  /** The file's text; undefined when there is no file, null when something is there that cannot be read. */
  text: string | undefined | null;
}

export interface DocumentConfig {
  config: Config;
  /** Undefined for a document that is not a file (an untitled one), which no config file applies to. */
  file: ConfigFile | undefined;
}

export class ConfigStore {
  private folders: WorkspaceFolder[] = [];
  private readonly configs = new Map<string, Promise<DocumentConfig>>();

  constructor(private readonly sources: ConfigSources) {}

  setFolders(folders: WorkspaceFolder[]): void {
    this.folders = folders;
    this.configs.clear();
  }

  changeFolders(added: WorkspaceFolder[], removed: WorkspaceFolder[]): void {
    this.setFolders(this.folders.filter((f) => !removed.some((r) => r.uri === f.uri)).concat(added));
  }

  /**
   * The folder whose `.pressreleaserc.json` applies: the deepest workspace folder holding the document,
   * else the document's own directory.
   */
  private configDir(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const holds = (f: WorkspaceFolder) => uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`);
    const owner = this.folders.filter(holds).sort((a, b) => b.uri.length - a.uri.length)[0];
    try {
      return owner ? fileURLToPath(owner.uri) : path.dirname(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  }

  get(uri: string): Promise<DocumentConfig> {
    let p = this.configs.get(uri);
    if (!p) {
      // A failure here would be cached with the promise and break the document for good; defaults do not.
      p = this.load(uri).catch((e: unknown): DocumentConfig => {
        this.sources.report([`could not load the settings (${describeError(e)})`]);
        return { config: defaultConfig(), file: undefined };
      });
      this.configs.set(uri, p);
    }
    return p;
  }

  forget(uri: string): void {
    this.configs.delete(uri);
  }

  clear(): void {
    this.configs.clear();
  }

  private async load(uri: string): Promise<DocumentConfig> {
    const errors: string[] = [];
    const answer = await this.sources.settings(uri);
    if (answer.error) errors.push(answer.error);
    const fromSettings = readConfig(answer.settings, 'settings');
    errors.push(...fromSettings.errors);
    const layers = [fromSettings.layer];
    const file = await this.readConfigFile(uri);
    if (typeof file?.text === 'string') {
      const fromFile = readConfigText(file.text, file.path);
      errors.push(...fromFile.errors);
      layers.push(fromFile.layer);
    }
    this.sources.report(errors);
    return { config: resolveConfig(...layers), file };
  }

  private async readConfigFile(uri: string): Promise<ConfigFile | undefined> {
    const dir = this.configDir(uri);
    if (!dir) return undefined;
    const file = path.join(dir, CONFIG_FILE_NAME);
    return { path: file, text: await readIfPresent(file) };
  }
}

/**
 * The file's text; undefined when there is none, which is the common case and no error; null when something
 * else is in the way (a directory, no permission), which leaves the settings alone and the file untouched.
 */
async function readIfPresent(file: string): Promise<string | undefined | null> {
  try {
    return await fs.promises.readFile(file, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
}
