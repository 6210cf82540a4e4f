/**
 * The summaries of every file of a workspace, and the releases that share a title key or a Source key across
 * them. The editor's index and the CLI's pre-pass both fill one, and cross-file rules read it, so that both find
 * the same duplicates. A file is named by whatever string its caller uses: a URI in the server, a path in the CLI.
 */
import { addTo } from '../collections';
import type { FileSummary, ReleaseSummary } from './summary';

/** A release of one file, as the index lists it. */
export interface ReleaseRef {
  file: string;
  release: ReleaseSummary;
}

export class WorkspaceSummaries {
  private readonly summaries = new Map<string, FileSummary>();
  private readonly byTitle = new Map<string, ReleaseRef[]>();
  private readonly bySource = new Map<string, ReleaseRef[]>();

  get size(): number {
    return this.summaries.size;
  }

  get(file: string): FileSummary | undefined {
    return this.summaries.get(file);
  }

  entries(): IterableIterator<[string, FileSummary]> {
    return this.summaries.entries();
  }

  /** Puts a file's summary in place of the one it had. */
  set(file: string, summary: FileSummary): void {
    this.delete(file);
    this.summaries.set(file, summary);
    for (const release of summary.releases) {
      if (release.dated) addTo(this.byTitle, release.dated.key, { file, release });
      if (release.source) addTo(this.bySource, release.source.key, { file, release });
    }
  }

  delete(file: string): void {
    const old = this.summaries.get(file);
    if (!old) return;
    this.summaries.delete(file);
    for (const release of old.releases) {
      if (release.dated) dropFrom(this.byTitle, release.dated.key, file);
      if (release.source) dropFrom(this.bySource, release.source.key, file);
    }
  }

  /** The releases of other files with this title and date, in the order of their files' paths. */
  titledElsewhere(key: string, file: string): ReleaseRef[] {
    return inPathOrder((this.byTitle.get(key) ?? []).filter((r) => r.file !== file));
  }

  /** The releases of other files with this Source, in the order of their files' paths. */
  sourcedElsewhere(key: string, file: string): ReleaseRef[] {
    return inPathOrder((this.bySource.get(key) ?? []).filter((r) => r.file !== file));
  }
}

/**
 * The order in which files were indexed depends on the caller (the editor's scan, the CLI's sorted run), so the
 * other files are named in the order of their decoded paths: a URI and a path of one workspace then sort alike,
 * and the editor and the CLI name the same file first.
 */
function inPathOrder(refs: ReleaseRef[]): ReleaseRef[] {
  const keyed = refs.map((r) => ({ r, path: decodedPath(r.file) }));
  keyed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return keyed.map((k) => k.r);
}

function decodedPath(file: string): string {
  try {
    return decodeURIComponent(file).replace(/\\/g, '/');
  } catch {
    return file;
  }
}

function dropFrom(map: Map<string, ReleaseRef[]>, key: string, file: string): void {
  const refs = map.get(key);
  if (!refs) return;
  const kept = refs.filter((r) => r.file !== file);
  if (kept.length > 0) map.set(key, kept);
  else map.delete(key);
}

/** How messages name another file: its last path segment, as a person finds it in the explorer. */
export function fileLabel(file: string): string {
  const last =
    file
      .split(/[\\/]/)
      .filter((part) => part !== '')
      .at(-1) ?? file;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
