/**
 * The resolved Config of each document: the client's settings, overridden by the `.pressreleaserc.json` of
 * the workspace folder that holds the document (or of its own directory). Loaded once per document and kept
 * until something says it changed; a config that cannot be read becomes one message and the defaults.
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

export class ConfigStore {
  private folders: WorkspaceFolder[] = [];
  private readonly configs = new Map<string, Promise<Config>>();

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
  configDir(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const holds = (f: WorkspaceFolder) => uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`);
    const owner = this.folders.filter(holds).sort((a, b) => b.uri.length - a.uri.length)[0];
    try {
      return owner ? fileURLToPath(owner.uri) : path.dirname(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  }

  get(uri: string): Promise<Config> {
    let p = this.configs.get(uri);
    if (!p) {
      // A failure here would be cached with the promise and break the document for good; defaults do not.
      p = this.load(uri).catch((e: unknown) => {
        this.sources.report([`could not load the settings (${describeError(e)})`]);
        return defaultConfig();
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

  private async load(uri: string): Promise<Config> {
    const errors: string[] = [];
    const answer = await this.sources.settings(uri);
    if (answer.error) errors.push(answer.error);
    const fromSettings = readConfig(answer.settings, 'settings');
    errors.push(...fromSettings.errors);
    const layers = [fromSettings.layer];
    const dir = this.configDir(uri);
    if (dir) {
      const file = path.join(dir, CONFIG_FILE_NAME);
      let text: string | undefined;
      try {
        text = await fs.promises.readFile(file, 'utf8');
      } catch {
        // No config file is the common case, not an error.
      }
      if (text !== undefined) {
        const fromFile = readConfigText(text, file);
        errors.push(...fromFile.errors);
        layers.push(fromFile.layer);
      }
    }
    this.sources.report(errors);
    return resolveConfig(...layers);
  }
}
