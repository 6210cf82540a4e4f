/**
 * A name followed across the workspace, for references, highlights and rename: the document's own spellings of
 * the name under the cursor (its cluster, as in a feed), and every spelling of the other files whose fold key is
 * one of those keys or one guarded edit from it. The other files' places come from their summaries, in lines and
 * characters, since their texts are not at hand.
 */
import type { Analysis } from '../analysis';
import { nameAt } from '../names/features';
import { writtenAs } from '../names/index';
import type { Position, Span } from '../text';
import type { FileEdits, TextEdit } from '../types';
import { spellingsElsewhere } from './nameGroups';
import { isCaps, lengthOf, placedSpan, placesOf } from './nameSummary';
import { compareFiles } from './pathOrder';
import type { WorkspaceSummaries } from './summaries';

/** One occurrence in another file: where it stands, and whether it is written in capitals. */
export interface PlacedOccurrence {
  start: Position;
  end: Position;
  caps: boolean;
}

export interface NameOccurrences {
  /** The spans of the name in this document, in document order, each with whether it is in capitals. */
  here: Array<{ span: Span; caps: boolean }>;
  /** Its occurrences in the other files, file by file in path order. */
  elsewhere: Array<{ file: string; occurrences: PlacedOccurrence[] }>;
}

/**
 * Every occurrence of the name under `offset` in the workspace; undefined when the offset is not on a name. `file`
 * is the document's name in the index, whose entry is left out: the analysis is the document as it is now.
 */
export function workspaceNameOccurrences(
  analysis: Analysis,
  offset: number,
  workspace: WorkspaceSummaries,
  file: string,
): NameOccurrences | undefined {
  const hit = nameAt(analysis, offset);
  if (!hit) return undefined;
  const keys = new Set<string>();
  for (const tokens of hit.cluster.spellings.values()) for (const t of tokens) keys.add(t.key);
  const byFile = new Map<string, { path: string; occurrences: PlacedOccurrence[] }>();
  for (const spelling of spellingsElsewhere({ summaries: workspace, file }, keys)) {
    // A key that another file spells near this name links this document's tokens of it to the name too.
    keys.add(spelling.key);
    for (const f of spelling.files) {
      let entry = byFile.get(f.file);
      if (!entry) byFile.set(f.file, (entry = { path: f.path, occurrences: [] }));
      for (const view of f.views) {
        const length = lengthOf(view);
        const caps = isCaps(view);
        for (const p of placesOf(view)) entry.occurrences.push({ ...placedSpan(p, length), caps });
      }
    }
  }
  const here = analysis.facts
    .names()
    .tokens.filter((t) => keys.has(t.key))
    .map((t) => ({ span: t.span, caps: t.caps === true }));
  // Files in path order, and each file's places in document order, whatever order the spellings came in.
  const elsewhere = [...byFile]
    .sort(([fileA, a], [fileB, b]) => compareFiles(a.path, fileA, b.path, fileB))
    .map(([other, { occurrences }]) => ({
      file: other,
      occurrences: occurrences.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character),
    }));
  return { here, elsewhere };
}

/** The edits that write `newName`, without the spaces around it, over every occurrence, in capitals where they are. */
export function workspaceRenameEdits(
  occurrences: NameOccurrences,
  newName: string,
): { here: TextEdit[]; elsewhere: FileEdits[] } {
  const name = newName.trim();
  const written = (caps: boolean) => writtenAs(caps ? { caps } : {}, name);
  return {
    here: occurrences.here.map(({ span, caps }) => ({ start: span.start, end: span.end, newText: written(caps) })),
    elsewhere: occurrences.elsewhere.map(({ file, occurrences: list }) => ({
      file,
      edits: list.map(({ start, end, caps }) => ({ start, end, newText: written(caps) })),
    })),
  };
}
