/** Go to Symbol in Workspace over the index: the releases of every file whose titles match a query. */
import { isSubsequence } from '../features';
import type { FileSummary, ReleaseSummary } from './summary';

export interface MatchedRelease {
  file: string;
  /** The title, or `(untitled)`: symbol names may not be empty. */
  name: string;
  release: ReleaseSummary;
}

/**
 * The releases whose names hold the query's characters in order, ignoring case, as the outline's search does;
 * at most `limit`, since an empty query in a workspace of ten thousand files would match every release.
 */
export function matchReleases(files: Iterable<[string, FileSummary]>, query: string, limit: number): MatchedRelease[] {
  const wanted = query.toLowerCase();
  const out: MatchedRelease[] = [];
  for (const [file, summary] of files) {
    for (const release of summary.releases) {
      const name = release.title?.trim() ? release.title : '(untitled)';
      if (!isSubsequence(wanted, name.toLowerCase())) continue;
      out.push({ file, name, release });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
