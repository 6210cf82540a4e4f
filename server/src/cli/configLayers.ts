/** Settings for a run: the config file, then each --rule flag, as layers over the defaults. */
import * as path from 'node:path';
import { CONFIG_FILE_NAME, parseRuleFlag, readConfigText, type ConfigLayer } from '../core/index';
import { decodeFeed, UndecodableInput } from './encoding';
import { CliProblem } from './errors';
import type { FileSystem } from './fileSystem';
import { readFileSnapshot } from './readInput';

/**
 * Reads the layers. Every error in the file and the flags is collected and
 * thrown together, one line each, so that one run shows everything to fix.
 */
export function loadConfigLayers(configFile: string | undefined, ruleFlags: readonly string[], cwd: string,
  fsys: FileSystem): ConfigLayer[] {
  const layers: ConfigLayer[] = [];
  const errors: string[] = [];
  const fileRead = readConfigFile(configFile, cwd, fsys);
  if (fileRead) {
    errors.push(...fileRead.errors);
    layers.push(fileRead.layer);
  }
  for (const flag of ruleFlags) {
    const read = parseRuleFlag(flag);
    errors.push(...read.errors);
    layers.push(read.layer);
  }
  if (errors.length > 0) throw new CliProblem(...errors);
  return layers;
}

/** The given config file, or the default one when it exists; undefined when there is none to read. */
function readConfigFile(configFile: string | undefined, cwd: string, fsys: FileSystem):
  { layer: ConfigLayer; errors: string[] } | undefined {
  const shownName = configFile ?? CONFIG_FILE_NAME;
  const file = path.resolve(cwd, shownName);
  let bytes: Buffer;
  try {
    bytes = readFileSnapshot(fsys, file, `config ${shownName}`).bytes;
  } catch (e) {
    // Only the default file may be absent; a file named on the command line must exist.
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
