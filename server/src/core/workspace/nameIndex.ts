/**
 * The names of every file of a workspace by fold key, and which keys are one guarded edit apart, so that a file's
 * spellings meet the other files' spellings of the same name without a pass over the workspace. The keys meet in
 * the deletion-neighbourhood index the feed's clusters use; that index only grows, so a key that left stays filed
 * until the index is made again, and every lookup asks whether the key is still held.
 *
 * A workspace of 10,000 files holds some 200,000 spellings, so a key's entry is a list of numbers, two per
 * spelling (the file's number and the spelling's index in the file's columns), not an object per spelling.
 */
import { partitionPoint } from '../collections';
import { DeletionIndex } from '../names/deletions';
import { nearKeys } from '../names/fold';
import { keysOf, NO_NAMES, type FileNames, type SpellingView } from './nameSummary';
import { compareFiles } from './pathOrder';

/** A file as the name index knows it. */
interface FileRecord {
  file: string;
  /** The decoded path the files under a key are ordered by. */
  path: string;
  names: FileNames;
}

/** One spelling of a file under a key, as a lookup hands it out. */
export interface SpellingOfFile {
  file: string;
  path: string;
  view: SpellingView;
}

/** Most spellings that memoized answers hold at once: some 10 MB. */
const MEMO_BUDGET = 100_000;

/** A stale key more than live ones, past this many, makes the deletion index again. */
const MIN_REBUILD = 4096;

/**
 * The spellings under one key, as pairs of numbers (file, spelling): appended as files come, and sorted by path
 * only when read or removed from after a change.
 */
interface KeyEntry {
  pairs: number[];
  sorted: boolean;
}

export class WorkspaceNames {
  private readonly byKey = new Map<string, KeyEntry>();
  /** Files by number; a removed file's number is given to the next file. */
  private readonly records: Array<FileRecord | undefined> = [];
  private readonly numbers = new Map<string, number>();
  private readonly free: number[] = [];
  private deletions = new DeletionIndex();
  /** The keys filed in the deletion index, held or not. */
  private filed = new Set<string>();
  /**
   * Answers made from the index as it stands, forgotten at its next change, or all at once when they grow past
   * `MEMO_BUDGET` spellings: files that share names ask alike, one after another, and only a bounded part is kept.
   */
  private readonly memos = new Map<string, unknown>();
  private memoSize = 0;

  /**
   * What `make` gives for `id`, made once while the index does not change, with `size` its number of spellings;
   * the caller must not change it.
   */
  memoized<T>(id: string, make: () => T, size: (answer: T) => number): T {
    if (this.memos.has(id)) return this.memos.get(id) as T;
    const answer = make();
    const n = size(answer);
    if (this.memoSize + n > MEMO_BUDGET) this.forgetMemos();
    this.memos.set(id, answer);
    this.memoSize += n;
    return answer;
  }

  private forgetMemos(): void {
    this.memos.clear();
    this.memoSize = 0;
  }

  add(file: string, path: string, names: FileNames): void {
    this.forgetMemos();
    const id = this.free.pop() ?? this.records.length;
    this.records[id] = { file, path, names };
    this.numbers.set(file, id);
    keysOf(names).forEach((key, index) => {
      const entry = this.byKey.get(key);
      if (!entry) this.byKey.set(key, { pairs: [id, index], sorted: true });
      else {
        // A scan in path order appends in order; anything else is sorted once, when the key is next read.
        if (entry.sorted && this.compare(entry.pairs[entry.pairs.length - 2], id) > 0) entry.sorted = false;
        entry.pairs.push(id, index);
      }
      if (!this.filed.has(key)) {
        this.filed.add(key);
        this.deletions.add(key, () => undefined);
      }
    });
  }

  remove(file: string): void {
    const id = this.numbers.get(file);
    if (id === undefined) return;
    this.forgetMemos();
    const { names } = this.records[id]!;
    for (const key of new Set(keysOf(names))) {
      const entry = this.byKey.get(key);
      if (!entry) continue;
      const pairs = this.sortedPairs(entry);
      // A file's pairs under a key stand together, since pairs are sorted by file.
      const from = this.firstPairOf(pairs, id);
      let to = from;
      while (to < pairs.length && pairs[to] === id) to += 2;
      if (to > from) pairs.splice(from, to - from);
      if (pairs.length === 0) this.byKey.delete(key);
    }
    this.records[id] = undefined;
    this.numbers.delete(file);
    this.free.push(id);
    if (this.filed.size > MIN_REBUILD && this.filed.size > 2 * this.byKey.size) this.rebuild();
  }

  /** The held keys equal to `key` or one guarded edit from it. */
  nearKeys(key: string): string[] {
    const out = new Set<string>();
    if (this.byKey.has(key)) out.add(key);
    this.deletions.visit(key, (other) => {
      if (this.byKey.has(other) && nearKeys(key, other)) out.add(other);
      return false;
    });
    return [...out];
  }

  /** Every spelling under `key`, with its file, in path order. */
  spellingsUnder(key: string): SpellingOfFile[] {
    const out: SpellingOfFile[] = [];
    this.visitSpellingsUnder(key, (file, path, view) => out.push({ file, path, view: { ...view } }));
    return out;
  }

  /**
   * Visits every spelling under `key` in path order, without making an object for each: `view` is one object,
   * changed from visit to visit, which the visitor copies if it keeps it.
   */
  visitSpellingsUnder(key: string, visit: (file: string, path: string, view: SpellingView) => void): void {
    const entry = this.byKey.get(key);
    if (!entry) return;
    const pairs = this.sortedPairs(entry);
    const view = { names: NO_NAMES, index: 0 };
    for (let i = 0; i < pairs.length; i += 2) {
      const { file, path, names } = this.records[pairs[i]]!;
      view.names = names;
      view.index = pairs[i + 1];
      visit(file, path, view);
    }
  }

  private compare(a: number, b: number): number {
    const ra = this.records[a]!;
    const rb = this.records[b]!;
    return compareFiles(ra.path, ra.file, rb.path, rb.file);
  }

  private sortedPairs(entry: KeyEntry): number[] {
    if (!entry.sorted) {
      const order: Array<[number, number]> = [];
      for (let i = 0; i < entry.pairs.length; i += 2) order.push([entry.pairs[i], entry.pairs[i + 1]]);
      order.sort((x, y) => this.compare(x[0], y[0]) || x[1] - y[1]);
      entry.pairs = order.flat();
      entry.sorted = true;
    }
    return entry.pairs;
  }

  /** Where the first pair of file `id` is, or would be, among pairs sorted by file. */
  private firstPairOf(pairs: readonly number[], id: number): number {
    return 2 * partitionPoint(pairs.length / 2, (i) => this.compare(pairs[2 * i], id) < 0);
  }

  private rebuild(): void {
    const keys = [...this.byKey.keys()];
    this.deletions = new DeletionIndex(keys);
    for (const key of keys) this.deletions.add(key, () => undefined);
    this.filed = new Set(keys);
  }
}
