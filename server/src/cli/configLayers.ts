/**
 * The settings of each input of a run: the config file that applies to it, then each `--rule` flag, as
 * layers over the defaults. The config file is the `--config` file for every input, or else the one that
 * configDiscovery.ts finds for the input's directory (the working directory for standard input), the same
 * rule the language server follows. Files in different folders may get different configs.
 */
import * as path from 'node:path';
import { parseRuleFlag, readConfigText, resolveConfig, type Config, type ConfigLayer } from '../core/index';
import { locateConfigFile } from '../configDiscovery';
import { CliProblem } from './errors';
import type { FileSystem } from './fileSystem';
import { decodeFeed, UndecodableInput } from '../files/encoding';
import { readFileSnapshot } from './readInput';

export interface ConfigOptions {
  /** `--config`, as given. */
  configFile?: string;
  ruleFlags: readonly string[];
  /** The inputs, `-` for standard input. */
  files: readonly string[];
}

/**
 * Reads every config file the inputs need, before any input is linted, and returns each input's Config.
 * Every error in those files and in the flags is collected and thrown together, one line each, so that
 * one run shows everything to fix.
 */
export function loadInputConfigs(options: ConfigOptions, cwd: string, fsys: FileSystem): (input: string) => Config {
  const errors: string[] = [];
  const configFileOf = configFileFinder(options.configFile, cwd, fsys);
  const fileLayers = new Map<string | undefined, ConfigLayer[]>();
  for (const input of options.files) {
    const file = configFileOf(folderOf(input, cwd));
    if (fileLayers.has(file)) continue;
    const read = file === undefined ? undefined : readConfigFile(file, options.configFile, cwd, fsys);
    if (read) errors.push(...read.errors);
    fileLayers.set(file, read ? [read.layer] : []);
  }
  const flagLayers: ConfigLayer[] = [];
  for (const flag of options.ruleFlags) {
    const read = parseRuleFlag(flag);
    errors.push(...read.errors);
    flagLayers.push(read.layer);
  }
  if (errors.length > 0) throw new CliProblem(...errors);
  const configs = new Map<string | undefined, Config>();
  for (const [file, layers] of fileLayers) configs.set(file, resolveConfig(...layers, ...flagLayers));
  // Every input's config file was read above, so each input has its Config.
  return (input) => configs.get(configFileOf(folderOf(input, cwd)))!;
}

/**
 * The file endings besides `.release` that the config applying to a folder adds, for walking directories. A
 * config that cannot be read adds none here; its errors are told with those of the inputs' configs.
 */
export function extensionsFinder(options: ConfigOptions, cwd: string, fsys: FileSystem): (folder: string) => string[] {
  const configFileOf = configFileFinder(options.configFile, cwd, fsys);
  const byFile = new Map<string | undefined, string[]>();
  return (folder) => {
    const file = configFileOf(folder);
    if (!byFile.has(file)) {
      const read = file === undefined ? undefined : readConfigFile(file, options.configFile, cwd, fsys);
      byFile.set(file, read?.layer.extensions ?? []);
    }
    return byFile.get(file)!;
  };
}

/** The folder whose config applies to an input: the working directory for standard input. */
function folderOf(input: string, cwd: string): string {
  return input === '-' ? cwd : path.dirname(path.resolve(cwd, input));
}

/** The config file of each folder, discovered once per folder; undefined when none applies. */
function configFileFinder(configFile: string | undefined, cwd: string, fsys: FileSystem) {
  if (configFile !== undefined) {
    const file = path.resolve(cwd, configFile);
    return (): string | undefined => file;
  }
  const byDirectory = new Map<string, string | undefined>();
  return (dir: string): string | undefined => {
    if (!byDirectory.has(dir)) {
      const location = locateConfigFile(dir, (p) => fsys.existsSync(p));
      byDirectory.set(dir, location.found ? location.path : undefined);
    }
    return byDirectory.get(dir);
  };
}

/**
 * Reads one config file; undefined when a discovered file is gone by the time it is read. A file named with
 * --config must exist, and is named in messages as it was given; a discovered one relative to `cwd`.
 */
function readConfigFile(
  file: string,
  configFile: string | undefined,
  cwd: string,
  fsys: FileSystem,
): { layer: ConfigLayer; errors: string[] } | undefined {
  const shownName = configFile ?? path.relative(cwd, file);
  let bytes: Buffer;
  try {
    bytes = readFileSnapshot(fsys, file, `config ${shownName}`).bytes;
  } catch (e) {
    if (configFile === undefined && e instanceof CliProblem && e.systemCode === 'ENOENT') return undefined;
    return { layer: {}, errors: [(e as Error).message] };
  }
  try {
    return readConfigText(decodeFeed(bytes).text, shownName);
  } catch (e) {
    if (e instanceof UndecodableInput) return { layer: {}, errors: [`config ${shownName} ${e.message}`] };
    throw e;
  }
}
