/**
 * The Config of each directory of a workspace folder, for indexing: the folder's settings, asked for once, and
 * the `.pressreleaserc.json` that configDiscovery.ts finds for the directory, read once per file. Open documents
 * have their own configs in the ConfigStore; asking the client once per indexed file would cost ten thousand
 * round trips. Problems in a config file are not told here: the ConfigStore tells them when a feed opens.
 */
import * as fs from 'node:fs';
import { locateConfigFile } from '../configDiscovery';
import { readConfigText, resolveConfig, type Config, type ConfigLayer } from '../core/index';
import { decodeFeed } from '../files/encoding';

export class DirectoryConfigs {
  private readonly byDirectory = new Map<string, Config>();
  private readonly byFile = new Map<string, Config>();

  constructor(private readonly settings: ConfigLayer) {}

  of(directory: string): Config {
    let config = this.byDirectory.get(directory);
    if (!config) {
      const location = locateConfigFile(directory);
      config = this.byFile.get(location.path);
      if (!config) {
        config = resolveConfig(this.settings, ...(location.found ? fileLayer(location.path) : []));
        this.byFile.set(location.path, config);
      }
      this.byDirectory.set(directory, config);
    }
    return config;
  }
}

/** The file's layer, or none when it cannot be read or decoded: the feed's own diagnostics will say why. */
function fileLayer(file: string): ConfigLayer[] {
  try {
    return [readConfigText(decodeFeed(fs.readFileSync(file)).text, file).layer];
  } catch {
    return [];
  }
}
