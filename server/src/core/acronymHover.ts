/**
 * Hover on an acronym: what it stands for, from its definition in its own release, else elsewhere in the
 * document, else in another file of the workspace; and the other long forms the workspace gives it, since one
 * acronym defined two ways deserves a second look.
 */
import { slotStart, type Analysis } from './analysis';
import { clip, type Span } from './text';
import { definitionsOf } from './workspace/acronymSummary';
import { compareFiles } from './workspace/pathOrder';
import { fileLabel, type WorkspaceView } from './workspace/summaries';

/** Other long forms a hover lists at most. */
const MAX_OTHER_FORMS = 3;

/** Where a definition was found, as the hover says it. */
interface Found {
  longForm: string;
  where: string;
}

const sameForm = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The acronym under `offset`, as used or as defined, with its span; undefined when there is none. */
function acronymAt(analysis: Analysis, offset: number): { text: string; span: Span; release: number } | undefined {
  for (const [release, slot] of analysis.slots.entries()) {
    const base = slotStart(slot);
    if (offset < base) break;
    const { acronyms, definitions } = slot.parsed.names;
    for (const a of [...acronyms, ...definitions]) {
      const span = { start: base + a.start, end: base + a.end };
      if (offset >= span.start && offset <= span.end) return { text: 'text' in a ? a.text : a.acronym, span, release };
    }
  }
  return undefined;
}

/** This document's definitions of `acronym`: its own release's first, then the others' in document order. */
function definedHere(analysis: Analysis, acronym: string, release: number): Found[] {
  const out: Found[] = [];
  analysis.slots.forEach((slot, i) => {
    for (const d of slot.parsed.names.definitions) {
      if (d.acronym !== acronym || !d.fits) continue;
      const title = analysis.feed.releases[i]?.title?.text;
      const where = i === release ? 'this release' : title ? `"${clip(title)}"` : `release ${i + 1}`;
      out.push({ longForm: d.longForm, where });
    }
  });
  return out.sort((a, b) => Number(b.where === 'this release') - Number(a.where === 'this release'));
}

/** The other files' definitions of `acronym`, in path order. */
function definedElsewhere(workspace: WorkspaceView, acronym: string): Found[] {
  const out: Array<Found & { path: string; file: string }> = [];
  for (const [file, summary] of workspace.summaries.entries()) {
    if (file === workspace.file) continue;
    for (const d of definitionsOf(summary.acronyms)) {
      if (d.acronym !== acronym) continue;
      const where = `${fileLabel(file)}, line ${d.line + 1}`;
      out.push({ longForm: d.longForm, where, path: workspace.summaries.pathOf(file), file });
    }
  }
  return out.sort((a, b) => compareFiles(a.path, a.file, b.path, b.file));
}

export function acronymHover(
  analysis: Analysis,
  offset: number,
  workspace?: WorkspaceView,
): { markdown: string; span: Span } | undefined {
  const hit = acronymAt(analysis, offset);
  if (!hit) return undefined;
  const found = [
    ...definedHere(analysis, hit.text, hit.release),
    ...(workspace ? definedElsewhere(workspace, hit.text) : []),
  ];
  if (found.length === 0) return undefined;
  const [first, ...rest] = found;
  const lines = [`**${hit.text}** · ${first.longForm}`, '', `- Defined in ${first.where}`];
  const others = rest.filter(
    (f, i) => !sameForm(f.longForm, first.longForm) && rest.findIndex((g) => sameForm(g.longForm, f.longForm)) === i,
  );
  for (const f of others.slice(0, MAX_OTHER_FORMS)) lines.push(`- Also defined as ${f.longForm} in ${f.where}`);
  return { markdown: lines.join('\n'), span: hit.span };
}
