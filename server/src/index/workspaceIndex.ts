/**
 * The workspace index: a summary of every release file of the workspace folders (titles, dates, Sources and where
 * they stand, never the text), kept up to date from watched-file events, with each open document's live summary
 * in place of its file's. Cross-file checks and workspace symbols read it. Files are read in batches, and the
 * event loop gets a turn between batches, so that requests are answered while a large workspace is indexed.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  crossFileFindings,
  crossFileFindingsAlone,
  RULES,
  sameFromElsewhere,
  sameNamesOf,
  summarizeAnalysis,
  WorkspaceSummaries,
  type Analysis,
  type Config,
  type FileSummary,
  type Finding,
  type OnError,
  type ReleaseRef,
} from '../core/index';
import { CountingPass } from './counting';
import { FolderScope, type FolderSettings } from './folderScope';
import type { ProgressStarter } from './progress';
import { readSummary, type ReadResult } from './readSummary';

/**
 * Files read at once: enough to keep the disk busy, few enough that a batch takes milliseconds; `READ_BUDGET` in
 * readSummary.ts bounds their bytes.
 */
const BATCH_SIZE = 64;

export interface IndexSources {
  /** The folder's settings, or undefined when the index is turned off there. */
  folderSettings(folderUri: string): Promise<FolderSettings | undefined>;
  progress: ProgressStarter;
  log(line: string): void;
  /**
   * Called when summaries changed in a way other files can see, after `version` went up; the caller decides when
   * to act.
   */
  changed(): void;
  /** Called when the counting pass stored some file's problem counts. */
  counted(): void;
  /** Reads a file into its summary; `readSummary` unless a test wants to hold a read back. */
  read?: (file: string, config: Config) => Promise<ReadResult>;
}

/** A change to a watched file, as `workspace/didChangeWatchedFiles` reports it (type 3 is Deleted). */
export interface FileChange {
  uri: string;
  type: number;
}

export class WorkspaceIndex {
  readonly summaries = new WorkspaceSummaries();
  private folders: string[] = [];
  private scopes: FolderScope[] = [];
  /** Each open document's last summarised analysis, by index key: their live text wins over the disk. */
  private readonly live = new Map<string, Analysis>();
  /**
   * The files read from disk, by index key, with their directory's config: kept so that the Releases view and the
   * counting pass need no URI parsing per file, which costs more than the cross-file checks themselves.
   */
  private readonly onDisk = new Map<string, Config>();
  /**
   * Increased by every change of titles, dates or Sources that other files can see, so that a document whose
   * cross-file findings were computed at an older version knows they may be stale.
   */
  version = 0;
  /** Increased by every change other files can see, names and their places included. */
  namesVersion = 0;
  /** Whether titles, dates or Sources changed since the last `changed()`. */
  private keysChanged = false;
  /**
   * Per index key, the number of the last watched-file event about it. A read that started before that event is
   * stale (a scan's read of a file deleted meanwhile), and is dropped: the event's own handling is newer.
   */
  private readonly events = new Map<string, number>();
  private eventCount = 0;
  /** Increased by every scan, so that an older scan still running stops writing. */
  private generation = 0;
  /** The scan under way, for tests and for callers that want the full index. */
  scanned: Promise<void> = Promise.resolve();
  /** Problem counts of the files that are not open, for the Releases view; it starts once a scan is done. */
  private readonly counting: CountingPass;

  constructor(private readonly sources: IndexSources) {
    this.counting = new CountingPass({
      summaryOf: (key) => (this.live.has(key) ? undefined : this.summaries.get(key)),
      fileOf: (key) => this.diskFileOf(key),
      counted: () => sources.counted(),
    });
  }

  /** Settles when every file waiting to be counted was counted: for tests and the bench. */
  get counted(): Promise<void> {
    return this.counting.done;
  }

  /** The workspace folders, from `initialize`; the index is built from them in the background. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.filter((u) => u.startsWith('file:'));
    this.rescan();
  }

  changeFolders(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.map(indexKey));
    this.setFolders([...this.folders.filter((f) => !gone.has(indexKey(f))), ...added]);
  }

  /** Reads every folder again: at start, and when settings or config files changed. */
  rescan(): void {
    const generation = ++this.generation;
    this.counting.clear();
    this.scanned = this.scan(generation).catch((e: unknown) => this.sources.log(`Indexing failed: ${String(e)}`));
  }

  /** The patterns to watch: every ending and include glob of the folders' settings and root configs. */
  watchPatterns(): string[] {
    const patterns = new Set(['**/*.release']);
    for (const scope of this.scopes) {
      for (const ending of scope.endingsOf(scope.root)) patterns.add(`**/*${ending}`);
      for (const glob of scope.include) patterns.add(glob.startsWith('**/') ? glob : `**/${glob}`);
    }
    return [...patterns];
  }

  private async scan(generation: number): Promise<void> {
    const firstEvent = this.eventCount;
    const scopes: FolderScope[] = [];
    for (const uri of this.folders) {
      const settings = await this.sources.folderSettings(uri);
      if (settings) scopes.push(new FolderScope(uri, fileURLToPath(uri), settings, (line) => this.sources.log(line)));
    }
    if (generation !== this.generation) return;
    this.scopes = scopes;
    // Documents opened before the folders' settings were known join (or leave) by the new scopes.
    for (const [key, analysis] of this.live) this.takeLive(key, analysis);
    const listed = await Promise.all(scopes.map(async (scope) => ({ scope, files: await scope.list() })));
    if (generation !== this.generation) return;
    const total = listed.reduce((n, l) => n + l.files.length, 0);
    const progress = await this.sources.progress(total);
    const seen = new Set<string>();
    const skipped: string[] = [];
    try {
      for (const { scope, files } of listed) {
        for (let i = 0; i < files.length && generation === this.generation; i += BATCH_SIZE) {
          const batch = files.slice(i, i + BATCH_SIZE);
          await Promise.all(batch.map((file) => this.readFile(scope, file, seen, skipped)));
          progress.report(seen.size, total);
          // A turn for the event loop, so that requests and edits are answered during a long scan.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } finally {
      progress.end();
    }
    if (generation !== this.generation) return;
    this.dropUnseen(seen, firstEvent);
    if (skipped.length > 0) this.sources.log(`The index left out ${skipped.length} files: ${skipped[0]}, …`);
    this.changed();
    this.counting.add(this.onDisk.keys());
  }

  /** Reads a file into the index; says whether other files can see a difference. */
  private async readFile(scope: FolderScope, file: string, seen: Set<string>, skipped: string[]): Promise<boolean> {
    const key = pathToFileURL(file).href;
    seen.add(key);
    if (this.live.has(key)) return false;
    const config = scope.configOf(path.dirname(file));
    const lastEvent = this.events.get(key);
    const read = await (this.sources.read ?? ((f: string, c: Config) => readSummary(f, c)))(file, config);
    // The document may have opened while the file was read; its live text wins. An event about the file that came
    // meanwhile made this read stale: that event's handling has put, or will put, the newer state.
    if (this.live.has(key) || this.events.get(key) !== lastEvent) return false;
    if ('summary' in read) {
      const before = this.summaries.get(key);
      this.summaries.set(key, read.summary);
      this.onDisk.set(key, config);
      return this.differs(before, read.summary);
    }
    if ('skipped' in read) skipped.push(`${file} ${read.skipped}`);
    return this.forgetDisk(key);
  }

  /**
   * Files a scan no longer finds (deleted, excluded, or in a folder that left) leave the index, unless a watched-file
   * event about them came since the scan started: that event decided.
   */
  private dropUnseen(seen: Set<string>, firstEvent: number): void {
    for (const key of [...this.onDisk.keys()]) {
      if (!seen.has(key) && (this.events.get(key) ?? 0) <= firstEvent) this.forgetDisk(key);
    }
  }

  /**
   * A deleted path the index has no file of may be a folder: VS Code reports a folder deleted or renamed, not the
   * files in it, so every file under it leaves the index, and reads of them under way are made stale.
   */
  private forgetFolder(key: string): boolean {
    const prefix = key.endsWith('/') ? key : `${key}/`;
    let changed = false;
    for (const file of [...this.onDisk.keys()]) {
      if (!file.startsWith(prefix)) continue;
      this.events.set(file, ++this.eventCount);
      changed = this.forgetDisk(file) || changed;
    }
    return changed;
  }

  /** Drops a file read from disk; says whether its summary left the index. */
  private forgetDisk(key: string): boolean {
    this.counting.drop(key);
    this.onDisk.delete(key);
    if (this.live.has(key) || this.summaries.get(key) === undefined) return false;
    this.summaries.delete(key);
    this.keysChanged = true;
    return true;
  }

  /**
   * Takes watched-file events: created or changed files are read again, deleted ones dropped. Other files hear of
   * it only when a summary changed in a way they can see, so that saving an open file republishes nothing.
   */
  async filesChanged(changes: readonly FileChange[]): Promise<void> {
    const keys = changes.map((change) => indexKey(change.uri));
    // Every event is numbered before any read starts, so that reads already under way know they are stale.
    for (const key of keys) this.events.set(key, ++this.eventCount);
    let changed = false;
    for (const [i, change] of changes.entries()) {
      const key = keys[i];
      if (this.live.has(key) || !key.startsWith('file:')) continue;
      const file = fileURLToPath(key);
      const scope = this.scopes.find((s) => s.wants(file) && s.admits(file, false));
      if (change.type === 3 && !this.onDisk.has(key)) {
        changed = this.forgetFolder(key) || changed;
        continue;
      }
      if (change.type === 3 || !scope) {
        changed = this.forgetDisk(key) || changed;
        continue;
      }
      changed = (await this.readFile(scope, file, new Set(), [])) || changed;
      // A file read again has a new summary without counts; it is counted again behind the other work.
      if (this.onDisk.has(key)) this.counting.add([key]);
    }
    if (changed) this.changed();
  }

  /**
   * Takes an open document's analysis: its summary replaces the file's, when the document joins the index (see
   * `joins`). Other files hear of it only when they can see a difference, so that typing in a body does not
   * republish every open document.
   */
  opened(uri: string, analysis: Analysis): void {
    const key = indexKey(uri);
    if (this.live.get(key) === analysis) return;
    this.live.set(key, analysis);
    this.counting.drop(key);
    this.takeLive(key, analysis);
  }

  /** Puts an open document's summary into the index, or keeps it out when it does not join. */
  private takeLive(key: string, analysis: Analysis): void {
    const before = this.summaries.get(key);
    if (!this.joins(key)) {
      // A file that no folder admits is not read from disk either; one that left a folder's scope leaves here.
      if (before === undefined) return;
      this.forgetDisk(key);
      this.summaries.delete(key);
      this.keysChanged = true;
      return this.changed();
    }
    const summary = summarizeAnalysis(analysis);
    this.summaries.set(key, summary);
    if (this.differs(before, summary)) this.changed();
  }

  /**
   * Whether an open document takes part in the cross-file checks: a `file:` document that a folder with the index
   * turned on admits (inside it, and not left out by `files.exclude`, `.gitignore` or `node_modules`), or an
   * untitled one while the index is on for some folder. Other schemes (a `git:` diff view, a remote view) are
   * copies of a file the index has already.
   */
  private joins(key: string): boolean {
    if (key.startsWith('untitled:')) return this.scopes.length > 0;
    if (!key.startsWith('file:')) return false;
    const file = fileURLToPath(key);
    return this.scopes.some((scope) => scope.admits(file, false));
  }

  /** A closed document: its file is read from disk again when it is a release file of a folder, else dropped. */
  async closed(uri: string): Promise<void> {
    const key = indexKey(uri);
    if (!this.live.delete(key)) return;
    // The last live summary stands until the file's own replaces it (or the read drops it), so that a check made
    // while the file is read does not miss it.
    if (key.startsWith('file:')) return this.filesChanged([{ uri: key, type: 2 }]);
    if (this.summaries.get(key) === undefined) return;
    this.summaries.delete(key);
    this.keysChanged = true;
    this.changed();
  }

  /**
   * Whether a new summary of a file differs from its last as other files see it, noting whether its titles, dates
   * or Sources differ, which every cross-file check reads, or only its names and their places, which only the
   * names' workspace scope reads.
   */
  private differs(before: FileSummary | undefined, after: FileSummary): boolean {
    const keys = !sameFromElsewhere(before, after);
    if (keys) this.keysChanged = true;
    return keys || !sameNamesOf(before, after);
  }

  /**
   * Tells the server that other files may see a difference. `version` moves only when titles, dates or Sources
   * did, so that typing in a body, which moves names, republishes only the documents that compare names across
   * files; `namesVersion` moves with every change.
   */
  private changed(): void {
    if (this.keysChanged) this.version++;
    this.keysChanged = false;
    this.namesVersion++;
    this.sources.changed();
  }

  /**
   * The cross-file findings of an open document, with the severities of its config. A document that does not join
   * the index (the index is off, or the file is outside every folder) is compared with itself alone, which the
   * names' workspace scope still needs.
   */
  findings(uri: string, analysis: Analysis, config: Config, onError?: OnError, detail = true): Finding[] {
    const key = indexKey(uri);
    if (this.summaries.get(key) !== undefined) return this.findingsOfKey(key, config, onError, detail);
    return crossFileFindingsAlone(key, summarizeAnalysis(analysis), config, onError);
  }

  /** The same, for a file named by its index key already, as `summaries` names it. */
  findingsOfKey(key: string, config: Config, onError?: OnError, detail = true): Finding[] {
    return crossFileFindings(key, this.summaries, config, onError, RULES, this.summaries.get(key), detail);
  }

  /** The config of a file the index read from disk and that is not open (an index key, as `summaries` has). */
  diskConfigOf(key: string): Config | undefined {
    return this.live.has(key) ? undefined : this.onDisk.get(key);
  }

  /** A file the index read from disk and that is not open, with the config of its directory. */
  diskFileOf(key: string): { file: string; config: Config } | undefined {
    const config = this.diskConfigOf(key);
    return config ? { file: fileURLToPath(key), config } : undefined;
  }

  /** Every release of the workspace, open or not, with its file's index key (a URI): for the Releases view. */
  releases(): ReleaseRef[] {
    const out: ReleaseRef[] = [];
    for (const [file, summary] of this.summaries.entries())
      for (const release of summary.releases) out.push({ file, release });
    return out;
  }
}

/**
 * The key of a document or file in the index: a `file:` URI spelled as Node spells it, so that the client's
 * spelling of an open document (VS Code escapes some characters that Node does not) meets its file's.
 */
export function indexKey(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}
