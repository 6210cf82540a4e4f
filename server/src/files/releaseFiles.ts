/** What the CLI's walk and the workspace index both take for release files, and the folders neither enters. */

/** The file ending every feed has; a config file's `extensions` add to it. */
export const FEED_EXTENSION = '.release';

/** Folders never searched: other people's packages and git's own files. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);
