/**
 * The names of every file of a workspace by fold key, and which keys are one guarded edit apart, so that a file's
 * spellings meet the other files' spellings of the same name without a pass over the workspace. The keys meet in
 * the deletion-neighbourhood index the feed's clusters use; that index only grows, so a key that left stays filed
 * until the index is made again, and every lookup asks whether the key is still held.
 */
import { DeletionIndex } from '../names/deletions';
import { nearKeys } from '../names/fold';
import type { FileNames, SpellingView } from './nameSummary';
import { compareFiles, pathOrderIndex } from './pathOrder';

/**
 * One file's spellings under one key: most keys are spelled one way in a file, so the first is kept bare and only
 * a second spelling (the same name in capitals, say) makes a list. There is one holder per key and file.
 */
export interface KeyHolder {
  file: string;
  /** The decoded path the files under a key are ordered by. */
  path: string;
  names: FileNames;
  index: number;
  more?: number[];
}

/** Every spelling of a holder. */
export function holderSpellings(h: KeyHolder): SpellingView[] {
  const out: SpellingView[] = [{ names: h.names, index: h.index }];
  for (const index of h.more ?? []) out.push({ names: h.names, index });
  return out;
}

/** A stale key more than live ones, past this many, makes the deletion index again. */
const MIN_REBUILD = 4096;

/** The files under one key: appended as they come, and sorted by path only when read after a change. */
interface KeyEntry {
  holders: KeyHolder[];
  sorted: boolean;
}

export class WorkspaceNames {
  private readonly byKey = new Map<string, KeyEntry>();
  private deletions = new DeletionIndex();
  /** The keys filed in the deletion index, held or not. */
  private filed = new Set<string>();

  add(file: string, path: string, names: FileNames): void {
    for (const [key, holder] of holdersOf(file, path, names)) {
      const entry = this.byKey.get(key);
      // A scan in path order appends in order; anything else is sorted once, when the key is next read.
      if (!entry) this.byKey.set(key, { holders: [holder], sorted: true });
      else {
        const last = entry.holders.at(-1)!;
        if (entry.sorted && compareFiles(last.path, last.file, path, file) > 0) entry.sorted = false;
        entry.holders.push(holder);
      }
      if (!this.filed.has(key)) {
        this.filed.add(key);
        this.deletions.add(key, () => undefined);
      }
    }
  }

  remove(file: string, path: string, names: FileNames): void {
    for (const key of new Set(names.keys)) {
      const entry = this.byKey.get(key);
      if (!entry) continue;
      const holders = this.sortedHolders(entry);
      const i = pathOrderIndex(holders, path, file);
      if (holders[i]?.file === file) holders.splice(i, 1);
      if (holders.length === 0) this.byKey.delete(key);
    }
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

  /** The files that hold `key`, in path order, with their spellings of it. */
  holders(key: string): readonly KeyHolder[] {
    const entry = this.byKey.get(key);
    return entry ? this.sortedHolders(entry) : [];
  }

  private sortedHolders(entry: KeyEntry): KeyHolder[] {
    if (!entry.sorted) {
      entry.holders.sort((a, b) => compareFiles(a.path, a.file, b.path, b.file));
      entry.sorted = true;
    }
    return entry.holders;
  }

  private rebuild(): void {
    const keys = [...this.byKey.keys()];
    this.deletions = new DeletionIndex(keys);
    for (const key of keys) this.deletions.add(key, () => undefined);
    this.filed = new Set(keys);
  }
}

function holdersOf(file: string, path: string, names: FileNames): Map<string, KeyHolder> {
  const out = new Map<string, KeyHolder>();
  names.keys.forEach((key, index) => {
    const holder = out.get(key);
    if (!holder) out.set(key, { file, path, names, index });
    else (holder.more ??= []).push(index);
  });
  return out;
}
