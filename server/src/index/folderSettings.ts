/**
 * A workspace folder's settings for the index, asked for once per folder: the `pressRelease` section (the lint
 * settings, `index.enabled` and `index.include`) and the `files` section, whose `exclude` VS Code users already
 * keep their build output out of sight with.
 */
import { readConfig } from '../core/index';
import { splitSettings } from '../editorSettings';
import type { ClientSettings } from '../settings';
import type { FolderSettings } from './folderScope';
import { excludedGlobs } from './globs';

/** The editor's section whose `exclude` the index reads. */
export const FILES_SECTION = 'files';

/** The folder's index settings, or undefined when the index is turned off for it. */
export async function readFolderSettings(
  settings: ClientSettings,
  folderUri: string,
): Promise<FolderSettings | undefined> {
  const [own, files] = await Promise.all([
    settings.forResource(folderUri),
    settings.forResource(folderUri, FILES_SECTION),
  ]);
  const { lint, editor } = splitSettings(own.settings);
  if (!editor.indexEnabled) return undefined;
  return {
    layer: readConfig(lint, 'settings').layer,
    include: editor.indexInclude,
    exclude: excludedGlobs(files.settings),
  };
}
