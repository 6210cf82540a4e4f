/**
 * Settings that change what the editor shows, not what is linted. They come in the client's `pressRelease`
 * section beside the lint settings, and are taken out before the lint config is read: the config reader
 * would call them unknown keys, and a `.pressreleaserc.json` has no say over them, since they are a matter
 * of taste for each user, not the team's house style.
 */

export interface EditorSettings {
  /** Whether each release lists its Source as a child in the outline (`pressRelease.outline.showSources`). */
  outlineSources: boolean;
  /** Whether the workspace index reads the release files of the workspace (`pressRelease.index.enabled`). */
  indexEnabled: boolean;
  /** Globs of further files the index reads, relative to a workspace folder (`pressRelease.index.include`). */
  indexInclude: string[];
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = { outlineSources: false, indexEnabled: true, indexInclude: [] };

/**
 * Keys of the section that the server leaves to others: `rulesDocsBaseUrl` is read by the VS Code client,
 * which rewrites the rule links of diagnostics.
 */
const EDITOR_KEYS = new Set(['outline', 'index', 'rulesDocsBaseUrl']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The section split in two: what the lint config reader reads, and the editor settings. */
export function splitSettings(section: unknown): { lint: unknown; editor: EditorSettings } {
  if (!isRecord(section)) return { lint: section, editor: DEFAULT_EDITOR_SETTINGS };
  const lint = Object.fromEntries(Object.entries(section).filter(([key]) => !EDITOR_KEYS.has(key)));
  const { outline, index } = section;
  // A value of the wrong type is taken as the default: VS Code validates these against package.json already.
  const sources = isRecord(outline) && typeof outline.showSources === 'boolean' ? outline.showSources : undefined;
  const enabled = isRecord(index) && typeof index.enabled === 'boolean' ? index.enabled : undefined;
  const include = isRecord(index) && Array.isArray(index.include) ? index.include : [];
  const editor: EditorSettings = {
    outlineSources: sources ?? DEFAULT_EDITOR_SETTINGS.outlineSources,
    indexEnabled: enabled ?? DEFAULT_EDITOR_SETTINGS.indexEnabled,
    indexInclude: include.filter((g): g is string => typeof g === 'string'),
  };
  return { lint, editor };
}
