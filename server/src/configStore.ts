/**
 * The resolved Config of each document: the client's settings, overridden by the `.pressreleaserc.json`
 * that configDiscovery.ts finds for the document's directory, as the CLI finds it for a file. Loaded once
 * per document and kept until something says it changed; a config that cannot be read becomes one message
 * and the defaults. The file's text is kept with the Config, so that the names-list actions can edit it
 * without reading it again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateConfigFile } from './configDiscovery';
import { defaultConfig, readConfig, readConfigText, resolveConfig, type Config } from './core/index';
import { DEFAULT_EDITOR_SETTINGS, splitSettings, type EditorSettings } from './editorSettings';
import { describeError } from './errors';
import { decodeFeed, UndecodableInput } from './files/encoding';
import type { SettingsAnswer } from './settings';

export interface ConfigSources {
  /** The client's `pressRelease` settings for a document. */
  settings(uri: string): Promise<SettingsAnswer>;
  /** Told about problems in the settings or the file, each at most once per server. */
  report(errors: string[]): void;
}

/** The `.pressreleaserc.json` that applies to a document, as it was when the document's config was loaded. */
export interface ConfigFile {
  /** The file's absolute path; where configDiscovery.ts would create it when there is none. */
  path: string;
  /** The file's text; undefined when there is no file, null when something is there that cannot be read. */
  text: string | undefined | null;
}

export interface DocumentConfig {
  config: Config;
  /** Undefined for a document that is not a file (an untitled one), which no config file applies to. */
  file: ConfigFile | undefined;
  /** The settings that change what the editor shows (see editorSettings.ts). */
  editor: EditorSettings;
}

export class ConfigStore {
  private readonly configs = new Map<string, Promise<DocumentConfig>>();

  constructor(private readonly sources: ConfigSources) {}

  get(uri: string): Promise<DocumentConfig> {
    let p = this.configs.get(uri);
    if (!p) {
      // A failure here would be cached with the promise and break the document for good; defaults do not.
      p = this.load(uri).catch((e: unknown): DocumentConfig => {
        this.sources.report([`could not load the settings (${describeError(e)})`]);
        return { config: defaultConfig(), file: undefined, editor: DEFAULT_EDITOR_SETTINGS };
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
    const { lint, editor } = splitSettings(answer.settings);
    const fromSettings = readConfig(lint, 'settings');
    errors.push(...fromSettings.errors);
    const layers = [fromSettings.layer];
    const file = await readConfigFile(uri, errors);
    if (typeof file?.text === 'string') {
      const fromFile = readConfigText(file.text, file.path);
      errors.push(...fromFile.errors);
      layers.push(fromFile.layer);
    }
    this.sources.report(errors);
    return { config: resolveConfig(...layers), file, editor };
  }
}

/**
 * The config file of a document and its text, decoded as the CLI decodes it (UTF-8, or UTF-16 with a BOM),
 * so that both read the same settings; a file that cannot be decoded adds its reason to `errors`.
 */
async function readConfigFile(uri: string, errors: string[]): Promise<ConfigFile | undefined> {
  const directory = fileDirectory(uri);
  if (directory === undefined) return undefined;
  const location = locateConfigFile(directory);
  const bytes = location.found ? await readIfPresent(location.path) : undefined;
  if (bytes === undefined || bytes === null) return { path: location.path, text: bytes };
  try {
    return { path: location.path, text: decodeFeed(bytes).text };
  } catch (e) {
    if (!(e instanceof UndecodableInput)) throw e;
    errors.push(`config ${location.path} ${e.message}`);
    return { path: location.path, text: null };
  }
}

/** The directory of a `file:` URI; undefined for other schemes (an untitled document), or a malformed URI. */
function fileDirectory(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/**
 * The file's bytes; undefined when there is none, which is the common case and no error; null when something
 * else is in the way (a directory, no permission), which leaves the settings alone and the file untouched.
 */
async function readIfPresent(file: string): Promise<Buffer | undefined | null> {
  try {
    return await fs.promises.readFile(file);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
}
