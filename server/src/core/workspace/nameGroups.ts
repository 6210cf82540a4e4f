/**
 * A name's spellings across the workspace, as `inconsistent-name` compares them under its `workspace` scope and
 * as rename and references follow them: every spelling whose fold key is the key of one of the file's own
 * spellings or one guarded edit from it, counted file by file. The file's own spellings come from the summary the
 * caller hands in, which may be newer than the one in the index, so the index's entry for the file is left out.
 */
import { agree, followerKeysAgree, mostFrequentThenFirst } from '../names/canonical';
import { nearKeys as keysNear } from '../names/fold';
import {
  countOf,
  followersOf,
  initialsOf,
  isContrasted,
  keyOf,
  kindBits,
  NO_NAMES,
  placeOf,
  spellingsOf,
  textOf,
  type FileNames,
  type SpellingView,
} from './nameSummary';
import type { SpellingOfFile } from './nameIndex';
import { compareFiles } from './pathOrder';
import type { WorkspaceSummaries, WorkspaceView } from './summaries';

/** Where a spelling is written in one file. */
export interface SpellingInFile {
  file: string;
  path: string;
  /** The spelling's entries in the file: one, or two when it is also written in capitals. */
  views: SpellingView[];
  count: number;
}

/** One spelling of a name across the workspace. */
export interface WorkspaceSpelling {
  text: string;
  key: string;
  count: number;
  /** The kinds it was seen as, as bits; 0 when none is known. */
  kinds: number;
  initials: Set<string>;
  followers: Set<string>;
  /** The files that write it, in path order: all of them, or the first `LISTED_FILES` of an answer kept for reuse. */
  files: SpellingInFile[];
  /** How many files write it. */
  fileCount: number;
  /** The files where the text sets it apart from a name like it (`not to be confused with`). */
  contrastedIn: Set<string>;
  /** Of the files where some spelling of the group is set apart, those that write this one. */
  writtenWhereContrasted: Set<string>;
}

/**
 * Files listed per spelling in an answer kept for reuse: a quick fix across the workspace edits at most 200
 * occurrences, so a spelling written up to 200 times keeps every file, and one written more often keeps the first
 * 20, which is as many places as related information lists.
 */
export const LISTED_FILES = 200;
export const RELATED_FILES = 20;

/** A file of the workspace with its names, as the grouping reads it. */
interface NamedFile {
  file: string;
  path: string;
  names: FileNames;
}

/**
 * The spellings of the workspace under `keys` and the keys one guarded edit from them, by text, with `own` (the
 * file being checked, with its current names) in place of its entry in the index.
 */
export function spellingsAround(
  workspace: WorkspaceSummaries,
  own: NamedFile,
  keys: Iterable<string>,
): Map<string, WorkspaceSpelling> {
  const asked = [...keys];
  const around = new Set<string>(asked);
  for (const key of asked) for (const near of workspace.names.nearKeys(key)) around.add(near);
  if (workspace.get(own.file)?.names === own.names) {
    // The file's names are the index's own, so every spelling comes from the index, and the answer is the same for
    // every file that asks about these keys until the index changes: the Releases view asks for every file at once.
    const id = [...around].sort().join(' ');
    const make = () => tallyOfIndex(workspace, around);
    return workspace.names.memoized(id, make, (answer) => [...answer.values()].reduce((n, s) => n + s.files.length, 0));
  }
  const found: SpellingOfFile[] = [];
  // The file's own keys are not looked up in the index, which may not hold them, but compared with the keys asked.
  for (const view of spellingsOf(own.names)) {
    const key = keyOf(view);
    if (around.has(key) || asked.some((k) => keysNear(k, key))) found.push({ file: own.file, path: own.path, view });
  }
  for (const key of around) {
    for (const spelling of workspace.names.spellingsUnder(key)) if (spelling.file !== own.file) found.push(spelling);
  }
  // In path order, so that the files of each spelling, and which spelling came first, do not depend on the index.
  found.sort((a, b) => compareFiles(a.path, a.file, b.path, b.file));
  const tally = new SpellingTally(new Set(found.filter(({ view }) => isContrasted(view)).map(({ file }) => file)));
  for (const { file, path, view } of found) tally.add(file, path, view);
  return tally.spellings;
}

/**
 * The spellings under `keys` as the index holds them, visited without an object per spelling: each key's files
 * come in path order, and a spelling's text has one key, so each spelling's files are in path order too.
 */
function tallyOfIndex(workspace: WorkspaceSummaries, keys: ReadonlySet<string>): Map<string, WorkspaceSpelling> {
  const contrasting = new Set<string>();
  for (const key of keys) {
    workspace.names.visitSpellingsUnder(key, (file, _path, view) => {
      if (isContrasted(view)) contrasting.add(file);
    });
  }
  const tally = new SpellingTally(contrasting, LISTED_FILES);
  for (const key of keys) workspace.names.visitSpellingsUnder(key, (file, path, view) => tally.add(file, path, view));
  for (const s of tally.spellings.values()) {
    if (s.count > LISTED_FILES && s.files.length > RELATED_FILES) s.files.length = RELATED_FILES;
  }
  return tally.spellings;
}

/** The spellings by text, each with its files in path order (at most `listed`) and what is known of it. */
class SpellingTally {
  readonly spellings = new Map<string, WorkspaceSpelling>();
  private readonly lastFile = new Map<WorkspaceSpelling, string>();

  /**
   * `contrasting` holds the files that set some spelling apart: they are rare, and which spellings each of them
   * writes is all that contrast needs.
   */
  constructor(
    private readonly contrasting: ReadonlySet<string>,
    private readonly listed = Infinity,
  ) {}

  /** Adds a spelling of `file`; the files of a spelling must come in path order. `view` is copied if kept. */
  add(file: string, path: string, view: SpellingView): void {
    const text = textOf(view);
    let s = this.spellings.get(text);
    if (!s) {
      const sets = { initials: new Set<string>(), followers: new Set<string>(), contrastedIn: new Set<string>() };
      const writtenWhereContrasted = new Set<string>();
      s = { text, key: keyOf(view), count: 0, kinds: 0, files: [], fileCount: 0, ...sets, writtenWhereContrasted };
      this.spellings.set(text, s);
    }
    if (this.contrasting.has(file)) s.writtenWhereContrasted.add(file);
    const n = countOf(view);
    s.count += n;
    s.kinds |= kindBits(view);
    for (const letter of initialsOf(view)) s.initials.add(letter);
    for (const follower of followersOf(view)) s.followers.add(follower);
    if (isContrasted(view)) s.contrastedIn.add(file);
    // A file's views of one spelling (in capitals and not) come one after the other, and count as one file.
    if (this.lastFile.get(s) !== file) {
      this.lastFile.set(s, file);
      if (s.fileCount++ < this.listed) s.files.push({ file, path, views: [], count: 0 });
      else return;
    }
    const listed = s.files.at(-1);
    if (listed?.file !== file) return;
    listed.views.push({ names: view.names, index: view.index });
    listed.count += n;
  }
}

const kindsAgree = (a: number, b: number) => a === 0 || b === 0 || (a & b) !== 0;

/** Whether a file sets one spelling apart from the other while writing both. */
function statedApart(a: WorkspaceSpelling, b: WorkspaceSpelling): boolean {
  const writes = (s: WorkspaceSpelling, file: string) => s.writtenWhereContrasted.has(file);
  return [...a.contrastedIn].some((f) => writes(b, f)) || [...b.contrastedIn].some((f) => writes(a, f));
}

/**
 * Whether two spellings can name one entity, by the same tests as within a feed (`names/canonical.ts`): their
 * initials, kinds and following names agree, and no file tells them apart.
 */
export function compatibleSpellings(a: WorkspaceSpelling, b: WorkspaceSpelling): boolean {
  return (
    agree(a.initials, b.initials) &&
    kindsAgree(a.kinds, b.kinds) &&
    followerKeysAgree(a.followers, b.followers) &&
    !statedApart(a, b)
  );
}

/** Where a spelling is first written: its first file's path, then its first offset there. */
function firstWritten(s: WorkspaceSpelling): [string, number] {
  const first = s.files[0];
  return [first.path, placeOf(first.views[0], 0).offset];
}

/**
 * The canonical spelling among `candidates`, as within a feed: the most frequent, and on a tie the one written
 * first, in path order.
 */
export function canonicalAmong(candidates: readonly WorkspaceSpelling[]): WorkspaceSpelling {
  const writtenBefore = (a: WorkspaceSpelling, b: WorkspaceSpelling) => {
    const [pathA, atA] = firstWritten(a);
    const [pathB, atB] = firstWritten(b);
    return pathA < pathB || (pathA === pathB && atA < atB);
  };
  return mostFrequentThenFirst(candidates, (s) => s.count, writtenBefore) ?? candidates[0];
}

/** The spellings that the other files of the workspace give the name of these keys, most frequent first. */
export function spellingsElsewhere(view: WorkspaceView, keys: Iterable<string>): WorkspaceSpelling[] {
  const own = { file: view.file, path: view.summaries.pathOf(view.file), names: NO_NAMES };
  return [...spellingsAround(view.summaries, own, keys).values()].sort((a, b) => b.count - a.count);
}
