/**
 * Editor features computed from one analysis: outline, hover, folding and
 * links. They return plain data in offsets; the server maps it to LSP.
 */
import { itemAt } from './collections';
import { formatDate, type DateFormat } from './dates';
import { describeDate, problemLines, readingLine } from './hoverText';
import { acronymHover } from './acronymHover';
import type { WorkspaceView } from './workspace/summaries';
import type { Analysis } from './lint';
import type { PublicationDate, Release } from './model';
import type { Finding } from './types';
import { nameHover } from './names/features';
import { clip, countWords, type Span } from './text';
import { describeSourceUrl } from './url';
import type { Format } from './wire/model';
import { wireFoldingRanges, wireOutline } from './wireFeatures';
import { wireHoverAt } from './wireHover';

/** The feed's kinds, then the parts of a standard release (`subheading` serves both, for a body section). */
export type SymbolKind =
  | 'category'
  | 'release'
  | 'subheading'
  | 'source'
  | 'header'
  | 'headline'
  | 'dateline'
  | 'quote'
  | 'boilerplate'
  | 'end-mark'
  | 'contact';

export interface OutlineNode {
  name: string;
  detail?: string | undefined;
  kind: SymbolKind;
  span: Span;
  selectionSpan: Span;
  children: OutlineNode[];
}

export function releaseName(r: Release): string {
  if (r.title && r.title.text.length > 0) return r.title.text;
  return r.title ? '(untitled)' : `(orphan text, release ${r.index + 1})`;
}

export interface OutlineOptions {
  /**
   * Whether each release lists its Source as a child. Off by default: one Source per release doubles the
   * outline's length, so the Source's host goes into the release's detail instead.
   */
  sources?: boolean;
}

/** The release's detail: its date, and the Source's host when the Source is not a child of its own. */
function releaseDetail(r: Release, sources: boolean): string | undefined {
  const date = r.title?.date?.text;
  if (sources || !r.source) return date;
  const where = describeSourceUrl(r.source.url)?.host ?? clip(r.source.url, 40);
  if (where.length === 0) return date;
  return date ? `${date} · ${where}` : where;
}

function releaseNode(r: Release, sources: boolean): OutlineNode {
  const children: OutlineNode[] = [];
  for (const line of r.body) {
    if (line.kind === 'subheading')
      children.push({ name: line.text, kind: 'subheading', span: line.span, selectionSpan: line.span, children: [] });
  }
  if (r.source && sources)
    children.push({
      name: 'Source',
      detail: r.source.url,
      kind: 'source',
      span: r.source.span,
      selectionSpan: r.source.labelSpan,
      children: [],
    });
  const selection = r.title ? r.title.textSpan : (r.body[0]?.span ?? r.span);
  return {
    name: releaseName(r),
    detail: releaseDetail(r, sources),
    kind: 'release',
    span: r.span,
    selectionSpan: selection,
    children,
  };
}

/** Categories hold the releases that follow them; releases before any category sit at the top level. */
export function outline(analysis: Analysis, options: OutlineOptions = {}): OutlineNode[] {
  if (analysis.format === 'wire') return wireOutline(analysis);
  const roots: OutlineNode[] = [];
  let category: OutlineNode | undefined;
  for (const r of analysis.feed.releases) {
    const node = releaseNode(r, options.sources ?? false);
    if (r.category) {
      if (!category || category.span.start !== r.category.span.start) {
        category = {
          name: r.category.name,
          kind: 'category',
          span: { ...r.category.span },
          selectionSpan: r.category.span,
          children: [],
        };
        roots.push(category);
      }
      category.children.push(node);
      category.span.end = r.span.end;
    } else {
      roots.push(node);
    }
  }
  return roots;
}

/** A release as workspace symbol search lists it. */
export interface ReleaseSymbol {
  name: string;
  /** The title line, or the whole release when it has no title. */
  span: Span;
  /** The name of the release's category, if it has one. */
  category?: string | undefined;
}

/**
 * The releases whose names match `query` the way VS Code's symbol pickers filter: the query's characters
 * appear in the name in order, ignoring case. Matching as the picker does means the server never drops a
 * release that the picker would have shown.
 */
export function releaseSymbols(analysis: Analysis, query: string): ReleaseSymbol[] {
  const wanted = query.toLowerCase();
  const out: ReleaseSymbol[] = [];
  for (const r of analysis.feed.releases) {
    const name = releaseName(r);
    if (!isSubsequence(wanted, name.toLowerCase())) continue;
    out.push({ name, span: r.title ? r.title.span : r.span, category: r.category?.name });
  }
  return out;
}

/** Whether every character of `query` appears in `text`, in order, though not necessarily side by side. */
export function isSubsequence(query: string, text: string): boolean {
  let i = 0;
  for (let j = 0; j < text.length && i < query.length; j++) if (text[j] === query[i]) i++;
  return i === query.length;
}

export function releaseAt(analysis: Analysis, offset: number): Release | undefined {
  return itemAt(analysis.feed.releases, offset);
}

export interface HoverInfo {
  markdown: string;
  span: Span;
}

const inSpan = (s: Span | undefined, o: number): s is Span => !!s && o >= s.start && o <= s.end;

/** Hover shows a Source URL whole up to this length; real ones are under a hundred characters, pasted text is not. */
const MAX_URL_IN_HOVER = 200;

function titleHover(analysis: Analysis, r: Release): string {
  const lines: string[] = [`**${releaseName(r)}**`, ''];
  const date = r.title?.date;
  if (date)
    lines.push(date.valid ? `- Published: ${describeDate(date)}` : `- Published: ${date.text} (not a real date)`);
  else lines.push('- Published: no date');
  const words = r.body.reduce((n, l) => n + countWords(l.text), 0);
  const paragraphs = r.body.filter(
    (l) => l.kind === 'paragraph' || l.kind === 'quote' || l.kind === 'list-item',
  ).length;
  lines.push(readingLine(words, paragraphs));
  const facts = r.source ? describeSourceUrl(r.source.url) : undefined;
  if (facts) lines.push(`- Source: ${facts.agency ?? facts.host}${facts.newsId ? `, news id ${facts.newsId}` : ''}`);
  else lines.push(r.source ? '- Source: not a valid URL' : '- Source: none');
  if (r.category) lines.push(`- Category: ${r.category.name}`);
  const open = analysis.findings.filter((f) => f.span.start >= r.span.start && f.span.start <= r.span.end);
  lines.push('', ...problemLines(open));
  return lines.join('\n');
}

/** The date as the configured format writes it, when the text uses another format. */
function inConfiguredFormat(date: PublicationDate, format: DateFormat): string {
  return date.format === format ? '' : `\n\nIn the configured format: \`${formatDate(date, format)}\``;
}

/** What hover shows at `offset`; `workspace` lets an acronym's definition be found in another file. */
export function hoverAt(analysis: Analysis, offset: number, workspace?: WorkspaceView): HoverInfo | undefined {
  // An acronym is more specific than the dateline, title or line it sits in, in either format.
  const acronym = acronymHover(analysis, offset, workspace);
  if (acronym) return acronym;
  if (analysis.format === 'wire') return wireHoverAt(analysis, offset);
  const r = releaseAt(analysis, offset);
  if (!r) return undefined;
  const date = r.title?.date;
  if (inSpan(date?.span, offset) && date) {
    const markdown = date.valid
      ? `**${describeDate(date)}**${inConfiguredFormat(date, analysis.config.dateFormat)}`
      : `**${date.text}** is not a real date`;
    return { markdown, span: date.span };
  }
  // A name is more specific than the title or line it sits in.
  const name = nameHover(analysis, offset, workspace);
  if (name) return name;
  if (r.title && inSpan(r.title.span, offset)) return { markdown: titleHover(analysis, r), span: r.title.span };
  const s = r.source;
  if (s && (inSpan(s.urlSpan, offset) || inSpan(s.labelSpan, offset))) {
    const facts = describeSourceUrl(s.url);
    const markdown = facts
      ? [
          `**Source** \`${clip(s.url, MAX_URL_IN_HOVER)}\``,
          '',
          `- Host: ${facts.host}`,
          `- Agency: ${facts.agency ?? 'unknown'}`,
          `- News id: ${facts.newsId ?? 'none'}`,
        ].join('\n')
      : `**Source** \`${clip(s.url, MAX_URL_IN_HOVER)}\` is not a valid http(s) URL`;
    return { markdown, span: s.span };
  }
  return undefined;
}

export interface FoldingInfo {
  startLine: number;
  endLine: number;
}

export function foldingRanges(analysis: Analysis): FoldingInfo[] {
  if (analysis.format === 'wire') return wireFoldingRanges(analysis);
  return analysis.feed.releases
    .filter((r) => r.lastLine > r.firstLine)
    .map((r) => ({ startLine: r.firstLine, endLine: r.lastLine }));
}

export interface LinkInfo {
  span: Span;
  target: string;
}

export function documentLinks(analysis: Analysis): LinkInfo[] {
  const out: LinkInfo[] = [];
  for (const r of analysis.feed.releases) {
    if (r.source && describeSourceUrl(r.source.url)) out.push({ span: r.source.urlSpan, target: r.source.url });
  }
  return out;
}

export interface FeedStats {
  /** The format the document was linted as. */
  format: Format;
  /** Whether that format was detected from the text (`pressRelease.format` is `auto`) or set by the settings. */
  formatFrom: 'detected' | 'setting';
  releases: number;
  errors: number;
  warnings: number;
  problems: number;
}

/** The document's counts, its own findings and `crossFile`, the findings the workspace adds, together. */
export function feedStats(analysis: Analysis, crossFile: readonly Finding[] = []): FeedStats {
  let errors = 0;
  let warnings = 0;
  for (const list of [analysis.findings, crossFile]) {
    for (const f of list) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
  }
  return {
    format: analysis.format,
    formatFrom: analysis.config.format === 'auto' ? 'detected' : 'setting',
    releases: analysis.feed.releases.length,
    errors,
    warnings,
    problems: analysis.findings.length + crossFile.length,
  };
}
