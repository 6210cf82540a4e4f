/**
 * The names the VS Code client and the language server must agree on: the language id, the diagnostic
 * source, the fix-all code action kind and the custom requests and notifications. Both bundles import this module, so a
 * rename here cannot leave one side behind. It holds constants and types only, and imports nothing at run
 * time, so that neither bundle grows with the other's code.
 */
import type { Range } from 'vscode-languageserver-types';
import type { FeedStats } from '../server/src/core/features';
import type { ProblemCounts } from '../server/src/core/workspace/counts';

/** The language id of press-release feeds, as package.json declares it. */
export const LANGUAGE_ID = 'press-release';

/** The `source` of every diagnostic the server publishes and the CLI reports. */
export const DIAGNOSTIC_SOURCE = 'press-release';

/** The code action kind of fix-all, which `editor.codeActionsOnSave` asks for. */
export const FIX_ALL_KIND = 'source.fixAll.pressRelease';

/** The status bar's request: release and problem counts of one open feed. */
export const STATS_REQUEST = 'pressRelease/stats';

export interface StatsParams {
  uri: string;
}

/** The answer to STATS_REQUEST; null when the document is not open. The core computes it. */
export type { FeedStats };

/** The Releases view's request: every release of the workspace, open or not, newest first. */
export const RELEASES_REQUEST = 'pressRelease/releases';

/** No params are read; an object is sent, as LSP requests carry params by name. */
export type ReleasesParams = Record<string, never>;

/** One release of the workspace, as RELEASES_REQUEST answers it. */
export interface ReleaseEntry {
  uri: string;
  /** The title, or the file's name for a release without one. */
  title: string;
  untitled: boolean;
  /** The publication date in ISO form (`2025-03-04`), when it is a real date. */
  date?: string;
  /** Where to open the release: its title, or its first line when it has no dated title. */
  range: Range;
  /** Errors, warnings and infos, cross-file findings included; absent until the server has counted the file. */
  problems?: ProblemCounts;
}

/** Sent by the server, at most every half second, when the answer to RELEASES_REQUEST may have changed. */
export const RELEASES_CHANGED = 'pressRelease/releasesChanged';

export type { ProblemCounts };
