import { addTo, mapAt } from '../collections';
import { preferredSpelling, rivalSpellings } from '../names/canonical';
import { dictionaryParts } from '../names/cluster';
import { nearKeys } from '../names/fold';
import { writtenAs, type NameCluster, type NameToken } from '../names/index';
import type {
  CrossFileContext,
  ElsewhereInfo,
  FeedRule,
  FileEdits,
  Fix,
  RelatedInfo,
  RuleContext,
  TextEdit,
} from '../types';
import type { Span } from '../text';
import {
  canonicalAmong,
  compatibleSpellings,
  LISTED_FILES,
  RELATED_FILES,
  spellingsAround,
  type WorkspaceSpelling,
} from '../workspace/nameGroups';
import {
  isCaps,
  keyOf,
  lengthOf,
  placedSpan,
  placeOf,
  placesOf,
  spellingsOf,
  textOf,
  type NamePlace,
  type SpellingView,
} from '../workspace/nameSummary';
import { fileLabel } from '../workspace/summaries';

function replaceAll(tokens: readonly NameToken[], by: string, title: string): Fix {
  const edits = tokens.map((t) => ({ start: t.span.start, end: t.span.end, newText: writtenAs(t, by) }));
  return { title, edits, safe: false };
}

/** Most edits a feed-wide replacement carries inside each diagnostic. */
const MAX_FEED_EDITS = 200;

function plural(n: number): string {
  return `${n}×`;
}

function alsoSpelled(listed: string, others: number, scopeWords: string): string {
  return others > 0 ? `; also spelled ${listed}${scopeWords ? ` ${scopeWords}` : ''}` : '';
}

/** Reports the minority spellings of one group of tokens (one release, or the whole feed). */
function checkGroup(
  ctx: RuleContext,
  cluster: NameCluster,
  group: Map<string, NameToken[]>,
  scopeWords: string,
  allOfCluster: Map<string, NameToken[]>,
): void {
  const dictionary = cluster.dictionary;
  if (!dictionary && group.size < 2) return;
  for (const [spelling, tokens] of group) {
    // Spellings whose initials disagree name other people, so each spelling is compared with its rivals only.
    const others = rivalSpellings(group, spelling, dictionary);
    if (others.length === 0 && !dictionary) continue;
    const canonical = preferredSpelling(group, spelling, dictionary);
    if (canonical === spelling) continue;
    const listed = others.map(([s, ts]) => `"${s}" (${plural(ts.length)})`).join(', ');
    const message = dictionary
      ? `"${spelling}" is a variant of "${dictionary}" from the names list` +
        alsoSpelled(listed, others.length, scopeWords)
      : `"${spelling}" is also spelled ${listed} ${scopeWords}`;
    const inFeed = allOfCluster.get(spelling) ?? tokens;
    // Built once and shared by every finding of this spelling, so a spelling repeated across a large feed stays linear.
    // Past MAX_FEED_EDITS occurrences the feed-wide fix is left out of the diagnostics; Rename (F2) does the same job.
    const feedFix =
      inFeed.length <= MAX_FEED_EDITS
        ? replaceAll(inFeed, canonical, `Replace all "${spelling}" with "${canonical}" in the feed`)
        : undefined;
    const byRelease = new Map<number, NameToken[]>();
    for (const t of tokens) addTo(byRelease, t.release, t);
    const releaseFixes = new Map<number, Fix | undefined>();
    for (const [release, inRelease] of byRelease) {
      releaseFixes.set(
        release,
        inRelease.length > 1
          ? replaceAll(inRelease, canonical, `Replace all "${spelling}" with "${canonical}" in this release`)
          : undefined,
      );
    }
    for (const t of tokens) {
      const releaseFix = releaseFixes.get(t.release);
      const more: Fix[] = [];
      if (releaseFix) more.push(releaseFix);
      if (feedFix && feedFix.edits.length > (releaseFix?.edits.length ?? 1)) more.push(feedFix);
      ctx.report({
        message,
        span: t.span,
        fix: replaceAll([t], canonical, `Replace with "${writtenAs(t, canonical)}"`),
        moreFixes: more,
        related: others.map(([s, ts]) => ({ span: ts[0].span, message: `Spelled "${s}" here` })),
        data: { name: spelling, canonical },
      });
    }
  }
}

/**
 * Most occurrences a workspace-wide replacement carries inside each diagnostic; Rename (F2) does a larger one. It
 * equals the files an answer lists per spelling, so a replacement that fits has every file that writes it.
 */
const MAX_WORKSPACE_EDITS = LISTED_FILES;
/** Most places of other spellings a finding lists as related information. */
const MAX_RELATED = RELATED_FILES;

const filesWord = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

/** Where a spelling is written, as a message says it: `12× in 3 files`, or `2× in this file`. */
function writtenWhere(s: WorkspaceSpelling, file: string): string {
  const only = s.fileCount === 1 && s.files[0].file === file;
  return `${plural(s.count)} in ${only ? 'this file' : filesWord(s.fileCount)}`;
}

/** One occurrence of a spelling to be replaced: where it stands, and what it becomes (in capitals where it is). */
interface Replacement {
  place: NamePlace;
  length: number;
  newText: string;
}

/** Every occurrence of the views, each with `by` as it would be written there. */
function replacing(views: readonly SpellingView[], by: string): Replacement[] {
  return views.flatMap((v) => {
    const newText = writtenAs(isCaps(v) ? { caps: true } : {}, by);
    return placesOf(v).map((place) => ({ place, length: lengthOf(v), newText }));
  });
}

const spanOf = (r: Replacement): Span => ({ start: r.place.offset, end: r.place.offset + r.length });
const ownEdit = (r: Replacement): TextEdit => ({ ...spanOf(r), newText: r.newText });

/**
 * The fixes of one spelling in the workspace scope, written `here` in this file: this file's replacement, and the
 * workspace's when it fits, in which case every file that writes the spelling is listed (see `LISTED_FILES`).
 */
function workspaceFixes(mine: WorkspaceSpelling, file: string, here: SpellingView[], canonical: string): Fix[] {
  const own = replacing(here, canonical).map(ownEdit);
  const out: Fix[] = [];
  if (own.length > 1)
    out.push({ title: `Replace all "${mine.text}" with "${canonical}" in this file`, edits: own, safe: false });
  if (mine.count > own.length && mine.count <= MAX_WORKSPACE_EDITS) {
    const elsewhere: FileEdits[] = mine.files
      .filter((f) => f.file !== file)
      .map((f) => ({
        file: f.file,
        edits: replacing(f.views, canonical).map((r) => ({ ...placedSpan(r.place, r.length), newText: r.newText })),
      }));
    const title = `Replace all "${mine.text}" with "${canonical}" in the workspace`;
    out.push({ title, edits: own, safe: false, elsewhere });
  }
  return out;
}

/** Where the other spellings are written: in this file as related places, in other files as places elsewhere. */
function placesOfRivals(rivals: readonly WorkspaceSpelling[], file: string) {
  const related: RelatedInfo[] = [];
  const elsewhere: ElsewhereInfo[] = [];
  for (const rival of rivals) {
    for (const f of rival.files) {
      if (related.length + elsewhere.length >= MAX_RELATED) break;
      const view = f.views[0];
      const first = placeOf(view, 0);
      const length = lengthOf(view);
      if (f.file === file) {
        const span = { start: first.offset, end: first.offset + length };
        related.push({ span, message: `Spelled "${rival.text}" here` });
      } else {
        const message = `Spelled "${rival.text}" ${plural(f.count)} in ${fileLabel(f.file)}`;
        elsewhere.push({ file: f.file, ...placedSpan(first, length), message });
      }
    }
  }
  return { related, elsewhere };
}

/**
 * The `workspace` scope: each spelling of this file against every spelling of the workspace whose fold key is
 * its own or one guarded edit from it. The file's own spellings take part too, so this replaces the in-file check.
 */
function checkWorkspace(ctx: CrossFileContext): void {
  const names = ctx.summary.names;
  if (!names) return;
  const own = { file: ctx.file, path: ctx.workspace.pathOf(ctx.file), names };
  const dictionary = dictionaryParts(ctx.config.names);
  // A spelling may stand twice in the summary, in capitals and not; its places come from the summary, since an
  // answer about a name written in thousands of files lists only the first of them.
  const byText = new Map<string, SpellingView[]>();
  for (const view of spellingsOf(names)) addTo(byText, textOf(view), view);
  for (const [text, here] of byText) {
    const group = spellingsAround(ctx.workspace, own, [keyOf(here[0])]);
    const mine = group.get(text)!;
    // The last part of the list that the name folds near, as a feed's clusters take it.
    const fromList = dictionary.filter(([key]) => nearKeys(key, mine.key)).at(-1)?.[1];
    const rivals = [...group.values()]
      .filter((o) => o !== mine && (fromList !== undefined || compatibleSpellings(mine, o)))
      .sort((a, b) => b.count - a.count);
    if (rivals.length === 0 && fromList === undefined) continue;
    const canonical = fromList ?? canonicalAmong([mine, ...rivals]).text;
    if (canonical === text) continue;
    const listed = rivals.map((r) => `"${r.text}" (${writtenWhere(r, ctx.file)})`).join(', ');
    const message =
      fromList !== undefined
        ? `"${text}" is a variant of "${fromList}" from the names list` + alsoSpelled(listed, rivals.length, '')
        : `"${text}" is also spelled ${listed}`;
    if (!ctx.detail) {
      for (const e of replacing(here, canonical)) ctx.report({ message, span: spanOf(e) });
      continue;
    }
    const { related, elsewhere } = placesOfRivals(rivals, ctx.file);
    const moreFixes = workspaceFixes(mine, ctx.file, here, canonical);
    for (const e of replacing(here, canonical)) {
      const span = spanOf(e);
      ctx.report({
        message,
        span,
        fix: { title: `Replace with "${e.newText}"`, edits: [{ ...span, newText: e.newText }], safe: false },
        moreFixes,
        related,
        elsewhere,
        data: { name: text, canonical },
      });
    }
  }
}

export const inconsistentName: FeedRule = {
  id: 'inconsistent-name',
  description: 'The same person, place or organisation spelled two ways (Nurgaliyev/Nurgaliev, Karkaraly/Qarqaraly).',
  defaultSeverity: 'warning',
  fixable: true,
  formats: ['feed', 'wire'],
  scope: 'feed',
  options: {
    scope: {
      type: 'enum',
      values: ['release', 'feed', 'workspace'],
      default: 'release',
      description:
        'Compare spellings within each release, across the whole feed, or across every release file of the ' +
        'workspace (the files of one CLI run).',
    },
  },
  check(feed, ctx) {
    // The workspace scope compares this file's spellings with the workspace's, its own among them, in acrossFiles.
    if (ctx.options.scope === 'workspace') return;
    const index = feed.names();
    const feedScope = ctx.options.scope === 'feed';
    for (const cluster of index.variantClusters()) {
      if (cluster.spellings.size < 2 && !cluster.dictionary) continue;
      if (feedScope) {
        checkGroup(ctx, cluster, cluster.spellings, 'in this feed', cluster.spellings);
        continue;
      }
      const byRelease = new Map<number, Map<string, NameToken[]>>();
      for (const [spelling, tokens] of cluster.spellings) {
        for (const t of tokens) addTo(mapAt(byRelease, t.release), spelling, t);
      }
      for (const group of byRelease.values()) checkGroup(ctx, cluster, group, 'in this release', cluster.spellings);
    }
  },
  acrossFiles(ctx) {
    if (ctx.options.scope === 'workspace') checkWorkspace(ctx);
  },
  readsNamesAcrossFiles: (options) => options.scope === 'workspace',
};
