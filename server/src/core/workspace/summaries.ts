/**
 * The summaries of every file of a workspace, and the releases that share a title key or a Source key across
 * them. The editor's index and the CLI's pre-pass both fill one, and cross-file rules read it, so that both find
 * the same duplicates. A file is named by whatever string its caller uses: a URI in the server, a path in the CLI.
 */
import { WorkspaceNames } from './nameIndex';
import { pathOrderIndex } from './pathOrder';
import type { FileSummary, ReleaseSummary } from './summary';

/** The other files a document's features may look into: the index, and the document's name there. */
export interface WorkspaceView {
  summaries: WorkspaceSummaries;
  file: string;
}

/** A release of one file, as the index lists it. */
export interface ReleaseRef {
  file: string;
  release: ReleaseSummary;
}

/** The releases of one file that share one key, with the path the file sorts by, decoded once when it is set. */
interface FileGroup {
  file: string;
  path: string;
  releases: ReleaseSummary[];
}

/** The files that share one key, in path order, and how many releases they hold in all. */
interface KeyEntry {
  groups: FileGroup[];
  total: number;
}

/**
 * The files under each key, kept grouped by file and sorted by decoded path as they are set, so that "the
 * releases of other files" costs what is read of it: a feed pasted whole into two files has thousands of releases
 * per key, and each of its releases asks.
 */
class KeyIndex {
  private readonly entries = new Map<string, KeyEntry>();

  add(key: string, group: FileGroup): void {
    const entry = this.entries.get(key);
    // Most keys belong to one file: a literal list holds just it, where inserting into an empty list would reserve
    // room for 17 (about 5 MB over ten thousand files).
    if (!entry) {
      this.entries.set(key, { groups: [group], total: group.releases.length });
      return;
    }
    entry.groups.splice(pathOrderIndex(entry.groups, group.path, group.file), 0, group);
    entry.total += group.releases.length;
  }

  remove(key: string, file: string, path: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    const i = pathOrderIndex(entry.groups, path, file);
    if (entry.groups[i]?.file !== file) return;
    entry.total -= entry.groups[i].releases.length;
    entry.groups.splice(i, 1);
    if (entry.groups.length === 0) this.entries.delete(key);
  }

  /** Up to `limit` releases of files other than `file` under `key`, in path order. */
  elsewhere(key: string, file: string, limit: number): ReleaseRef[] {
    const out: ReleaseRef[] = [];
    for (const group of this.entries.get(key)?.groups ?? []) {
      if (out.length >= limit) break;
      if (group.file === file) continue;
      for (const release of group.releases) {
        if (out.length >= limit) break;
        out.push({ file: group.file, release });
      }
    }
    return out;
  }

  /** How many releases of files other than `file` hold `key`: the total less the file's own. */
  countElsewhere(key: string, file: string, path: string): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    const own = entry.groups[pathOrderIndex(entry.groups, path, file)];
    return entry.total - (own?.file === file ? own.releases.length : 0);
  }
}

/**
 * A file's releases grouped by one of their keys, in the file's order. The lists are kept by the index for as long
 * as the file is, so they are made here rather than by the shared `addTo`: V8 learns per line of code whether the
 * lists it makes live long, and would then make every list of `addTo`, linting included, straight in the old
 * generation.
 */
function groupedBy(
  summary: FileSummary,
  keyOf: (r: ReleaseSummary) => string | undefined,
): Map<string, ReleaseSummary[]> {
  const out = new Map<string, ReleaseSummary[]>();
  for (const release of summary.releases) {
    const key = keyOf(release);
    if (key === undefined) continue;
    const list = out.get(key);
    if (list) list.push(release);
    else out.set(key, [release]);
  }
  return out;
}

const titleKeyOf = (r: ReleaseSummary): string | undefined => r.dated?.key;
const sourceKeyOf = (r: ReleaseSummary): string | undefined => r.source?.key;

export class WorkspaceSummaries {
  private readonly summaries = new Map<string, { summary: FileSummary; path: string }>();
  private readonly byTitle = new KeyIndex();
  private readonly bySource = new KeyIndex();
  /** Every file's name spellings by fold key. */
  readonly names = new WorkspaceNames();

  get size(): number {
    return this.summaries.size;
  }

  get(file: string): FileSummary | undefined {
    return this.summaries.get(file)?.summary;
  }

  *entries(): IterableIterator<[string, FileSummary]> {
    for (const [file, { summary }] of this.summaries) yield [file, summary];
  }

  /** Puts a file's summary in place of the one it had; each of its keys is added once, with all its releases. */
  set(file: string, summary: FileSummary): void {
    this.delete(file);
    const path = decodedPath(file);
    this.summaries.set(file, { summary, path });
    for (const [key, releases] of groupedBy(summary, titleKeyOf)) this.byTitle.add(key, { file, path, releases });
    for (const [key, releases] of groupedBy(summary, sourceKeyOf)) this.bySource.add(key, { file, path, releases });
    if (summary.names) this.names.add(file, path, summary.names);
  }

  delete(file: string): void {
    const old = this.summaries.get(file);
    if (!old) return;
    this.summaries.delete(file);
    for (const key of groupedBy(old.summary, titleKeyOf).keys()) this.byTitle.remove(key, file, old.path);
    for (const key of groupedBy(old.summary, sourceKeyOf).keys()) this.bySource.remove(key, file, old.path);
    if (old.summary.names) this.names.remove(file);
  }

  /** The releases of other files with this title and date (the first `limit`), in the order of their files' paths. */
  titledElsewhere(key: string, file: string, limit = Infinity): ReleaseRef[] {
    return this.byTitle.elsewhere(key, file, limit);
  }

  /** How many releases of other files have this title and date. */
  countTitledElsewhere(key: string, file: string): number {
    return this.byTitle.countElsewhere(key, file, this.pathOf(file));
  }

  /** The releases of other files with this Source (the first `limit`), in the order of their files' paths. */
  sourcedElsewhere(key: string, file: string, limit = Infinity): ReleaseRef[] {
    return this.bySource.elsewhere(key, file, limit);
  }

  /** How many releases of other files have this Source. */
  countSourcedElsewhere(key: string, file: string): number {
    return this.bySource.countElsewhere(key, file, this.pathOf(file));
  }

  /** The path `file` sorts by. */
  pathOf(file: string): string {
    return this.summaries.get(file)?.path ?? decodedPath(file);
  }
}

/**
 * The path a file sorts by. The order in which files were indexed depends on the caller (the editor's scan, the
 * CLI's sorted run), so the other files are named in the order of their decoded paths: a URI and a path of one
 * workspace then sort alike, and the editor and the CLI name the same file first. Only a `file:` URI is decoded:
 * a CLI path is a name as it stands, and one literally named `a%20b.release` keeps its percent sign.
 */
function decodedPath(file: string): string {
  return decodedIfUri(file, file).replace(/\\/g, '/');
}

/** `part` decoded when `file` is a `file:` URI, whose parts are percent-encoded; as it stands otherwise. */
function decodedIfUri(file: string, part: string): string {
  if (!file.startsWith('file:')) return part;
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** How messages name another file: its last path segment, as a person finds it in the explorer. */
export function fileLabel(file: string): string {
  const last =
    file
      .split(/[\\/]/)
      .filter((part) => part !== '')
      .at(-1) ?? file;
  return decodedIfUri(file, last);
}
