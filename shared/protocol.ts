/**
 * The names the VS Code client and the language server must agree on: the language id, the diagnostic
 * source, the fix-all code action kind and the custom stats request. Both bundles import this module, so a
 * rename here cannot leave one side behind. It holds constants and types only, and imports nothing at run
 * time, so that neither bundle grows with the other's code.
 */
import type { FeedStats } from '../server/src/core/features';

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
