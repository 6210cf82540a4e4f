/**
 * The user settings of every code-server that `npm start` and the end-to-end tests run: a quiet, predictable
 * workbench (no chat panel or AI entries in the quick-fix menu, no tips or welcome page), and no look-ups of an
 * extension gallery, update server or experiment service, which have nothing to say to a local run and fill the
 * log with ENOTFOUND traces on a machine without network.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Light Modern',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};

/**
 * code-server asks Open VSX whenever a gallery is configured; an empty gallery turns the look-ups off.
 * Installing a local .vsix needs no gallery.
 */
export const NO_GALLERY_ENV = { EXTENSIONS_GALLERY: '{}' };

/** Writes the settings into a code-server user-data folder, replacing any settings a user left there. */
export function writeUserSettings(userData: string): void {
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), `${JSON.stringify(WORKBENCH_SETTINGS, null, 2)}\n`);
}
