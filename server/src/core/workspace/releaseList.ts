/**
 * The Releases view's list: every release of the workspace with its name, date and problem counts, newest first.
 * The server gathers the counts (open documents from their analyses, other files from the index's counting pass,
 * cross-file findings at request time); ordering and naming are decided here, once.
 */
import type { Finding } from '../types';
import { addFindings, type ProblemCounts } from './counts';
import { fileLabel } from './summaries';
import type { FileSummary, ReleaseSummary } from './summary';

export interface ListedRelease {
  file: string;
  release: ReleaseSummary;
  /** The title, or the file's name for a release without one, so that every row can be told apart. */
  name: string;
  untitled: boolean;
  /** Undefined until the file was counted: the view shows no count rather than a wrong zero. */
  counts?: ProblemCounts | undefined;
}

/** Names a release of `file`, with its counts when they are known. */
export function listRelease(file: string, release: ReleaseSummary, counts?: ProblemCounts): ListedRelease {
  const title = release.title?.trim();
  return { file, release, name: title || fileLabel(file), untitled: !title, counts };
}

/**
 * Newest first by ISO date; releases without a real date after every dated one, since they cannot be placed in
 * time. Ties keep a stable order: by file, then by where the release stands in it.
 */
export function byNewest(a: ListedRelease, b: ListedRelease): number {
  const da = a.release.date;
  const db = b.release.date;
  if (da !== db) {
    if (da === undefined) return 1;
    if (db === undefined) return -1;
    return da < db ? 1 : -1;
  }
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.release.place.span.start - b.release.place.span.start;
}

/**
 * The releases of one file as the view lists them. `counts` are the file's own (from its analysis, or stored by
 * the counting pass), or undefined when not known yet; the cross-file findings, which change with other files,
 * are added to a copy, each to the release whose span holds it.
 */
export function listFile(
  file: string,
  summary: FileSummary,
  counts: readonly ProblemCounts[] | undefined,
  crossFile: readonly Finding[],
): ListedRelease[] {
  const known = counts && counts.length === summary.releases.length ? counts.map((c) => ({ ...c })) : undefined;
  if (known)
    addFindings(
      known,
      summary.releases.map((r) => r.place.span.start),
      crossFile,
    );
  return summary.releases.map((release, i) => listRelease(file, release, known?.[i]));
}
