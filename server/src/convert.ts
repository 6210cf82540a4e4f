/**
 * The one place where core data becomes LSP data. The server's handlers and the CLI's JSON report both map
 * through these pure functions, so a finding reads the same in the editor and in CI, and protocol tests can
 * rely on one mapping.
 *
 * Only LSP types are imported, and they vanish at build time: enum members are written as their numbers,
 * checked against the LSP types with `satisfies`. That keeps the CLI bundle, which needs the diagnostic
 * mapping, free of any protocol library.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  Diagnostic,
  DiagnosticSeverity,
  DocumentHighlight,
  DocumentHighlightKind,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Range,
  SemanticTokens,
  SymbolInformation,
  SymbolKind,
  TextEdit as LspTextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, type ReleaseEntry } from '../../shared/protocol';
import {
  fileLabel,
  ruleDocUrl,
  type Finding,
  type Fix,
  type FoldingInfo,
  type HoverInfo,
  type LinkInfo,
  type NameCompletion,
  type NameCompletionsAt,
  type OutlineNode,
  type PlacedEdit,
  type ListedRelease,
  type ReleaseSummary,
  type ReleaseSymbol,
  type Severity,
  type Span,
  type TextEdit,
} from './core/index';
import { arrayOf, boolean, object, optional, string, uinteger, type Check } from './params';
import { anchorEdit, type AnchoredEdit } from './reanchor';

/** Anything that maps offsets to positions: a TextDocument or the core's LineIndex. */
export interface PositionMapper {
  positionAt(offset: number): { line: number; character: number };
}

export function toRange(doc: PositionMapper, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toTextEdits(doc: PositionMapper, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(doc, e), newText: e.newText }));
}

/** Edits of another file, which come in lines and characters already: that file's text is not at hand. */
export function toPlacedEdits(edits: readonly PlacedEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: e.start, end: e.end }, newText: e.newText }));
}

// Diagnostics

/** LSP's DiagnosticSeverity: Error, Warning, Information, Hint. */
const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const satisfies Record<Severity, DiagnosticSeverity>;

/**
 * The diagnostic of a finding without related information or fix data: what the CLI's JSON report prints,
 * and what the server's diagnostics start from. Its keys are in the order that the JSON report documents.
 */
export function baseDiagnostic(range: Range, f: Finding): Diagnostic {
  return {
    range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocUrl(f.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
  };
}

/** A finding's base diagnostic as JSON text, for reports that are written finding by finding. */
export function diagnosticJson(range: Range, f: Finding): string {
  return JSON.stringify(baseDiagnostic(range, f));
}

/**
 * An edit as it travels in a diagnostic's `data`: the LSP edit for the version it was made for, plus what
 * it expects to find there (see reanchor.ts), so that a quick fix can check itself against newer text.
 */
export interface DataEdit extends LspTextEdit, Omit<AnchoredEdit, 'newText' | 'offset'> {}

export interface DataFix {
  title: string;
  edits: DataEdit[];
  /** The edits of other files, for a fix across the workspace: as they were made, since those texts are not here. */
  elsewhere?: Array<{ uri: string; edits: LspTextEdit[] }>;
}

/**
 * The fixes travel inside the diagnostic, so a quick fix needs no server state to find them again. They carry
 * no version or offset: each edit is checked against the text at its range when it is asked for, so that a
 * diagnostic that only moved to other lines, or not at all, can be sent again as it was.
 */
export interface FixData {
  fix?: DataFix & { safe: boolean };
  more?: DataFix[];
  /** Facts for actions beyond text edits, such as the name to add to the names list. */
  facts?: Record<string, string>;
}

/** The text a diagnostic's fixes are made for, and the part of it their context may come from. */
export interface FixSource {
  text: string;
  within?: Span;
}

function toDataEdits(doc: PositionMapper, edits: readonly TextEdit[], source: FixSource | undefined) {
  if (!source) return toTextEdits(doc, edits);
  return edits.map((e): DataEdit => {
    const { expect, before, after } = anchorEdit(source.text, e, source.within);
    return { range: toRange(doc, e), newText: e.newText, expect, before, after };
  });
}

/**
 * The server's diagnostic of a finding: the base diagnostic, related places, and the fixes as `data`, unless
 * the client cannot send data back (`withData` false).
 */
export function toDiagnostic(
  doc: PositionMapper,
  uri: string,
  f: Finding,
  source?: FixSource,
  withData = true,
): Diagnostic {
  const d = baseDiagnostic(toRange(doc, f.span), f);
  if (f.related || f.elsewhere) {
    const here = (f.related ?? []).map((r) => ({ location: { uri, range: toRange(doc, r.span) }, message: r.message }));
    // A place in another file comes in lines and characters already: that file's text is not at hand.
    const there = (f.elsewhere ?? []).map((e) => ({
      location: { uri: e.file, range: { start: e.start, end: e.end } },
      message: e.message,
    }));
    d.relatedInformation = [...here, ...there];
  }
  if (withData && (f.fix || f.data)) {
    const data: { fix?: unknown; more?: unknown; facts?: Record<string, string> } = {};
    if (f.fix) data.fix = { title: f.fix.title, safe: f.fix.safe, edits: toDataEdits(doc, f.fix.edits, source) };
    if (f.moreFixes?.length) data.more = f.moreFixes.map((m) => toDataFix(doc, m, source));
    if (f.data) data.facts = f.data;
    d.data = data;
  }
  return d;
}

/** A further fix as diagnostic data, with its edits of other files when it reaches across the workspace. */
function toDataFix(doc: PositionMapper, fix: Fix, source: FixSource | undefined) {
  // Without a source the edits are plain LSP edits, as a client that cannot send data back never sees them.
  const out: Omit<DataFix, 'edits'> & { edits: LspTextEdit[] } = {
    title: fix.title,
    edits: toDataEdits(doc, fix.edits, source),
  };
  if (fix.elsewhere?.length) {
    out.elsewhere = fix.elsewhere.map((f) => ({ uri: f.file, edits: toPlacedEdits(f.edits) }));
  }
  return out;
}

const position = object({ line: uinteger, character: uinteger });
const dataEdit = object({
  range: object({ start: position, end: position }),
  newText: string,
  expect: string,
  before: string,
  after: string,
});
const lspEdit = object({ range: object({ start: position, end: position }), newText: string });
const fileEdits = object({ uri: string, edits: arrayOf(lspEdit) });
const dataFix: Check = (v, p) =>
  object({ title: string, edits: arrayOf(dataEdit) })(v, p) ??
  optional(arrayOf(fileEdits))((v as { elsewhere?: unknown }).elsewhere, `${p}.elsewhere`);
const safeFix = object({ title: string, edits: arrayOf(dataEdit), safe: boolean });
const facts: Check = (v, p) =>
  typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string')
    ? undefined
    : `${p} must map names to strings`;

/**
 * The fix data of one of our diagnostics as the client sent it back, or undefined. The client may send
 * anything, so each part is checked, and a part that does not fit is left out rather than trusted.
 */
export function fixData(d: Diagnostic): FixData | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE || typeof d.data !== 'object' || d.data === null) return undefined;
  const raw = d.data as Record<string, unknown>;
  const fits = (check: Check, v: unknown) => v !== undefined && check(v, 'data') === undefined;
  const data: FixData = {};
  if (fits(safeFix, raw.fix)) data.fix = raw.fix as NonNullable<FixData['fix']>;
  if (Array.isArray(raw.more)) data.more = raw.more.filter((m) => fits(dataFix, m)) as DataFix[];
  if (fits(facts, raw.facts)) data.facts = raw.facts as Record<string, string>;
  return data;
}

/** Whether two diagnostics are the same finding: same place, rule and message. */
export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  const at = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  return at(a.range) === at(b.range) && String(a.code) === String(b.code) && a.message === b.message;
}

// Code actions

/** LSP's CodeActionKind.QuickFix. */
const QUICK_FIX = 'quickfix';

/** A quick fix for diagnostic `d` that applies `edit`: text edits of the document, or of the config file. */
export function quickFixAction(d: Diagnostic, title: string, edit: WorkspaceEdit, preferred?: boolean): CodeAction {
  const action: CodeAction = { title, kind: QUICK_FIX, diagnostics: [d], edit };
  if (preferred !== undefined) action.isPreferred = preferred;
  return action;
}

/** The edits of one document as a WorkspaceEdit. */
export function documentEdit(uri: string, edits: LspTextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

export function fixAllAction(uri: string, edits: LspTextEdit[]): CodeAction {
  const title = 'Fix all press-release problems that are safe to fix';
  return { title, kind: FIX_ALL_KIND, edit: documentEdit(uri, edits) };
}

// Outline and workspace symbols

/**
 * LSP's SymbolKind for each outline kind, chosen for the icon VS Code draws. A category groups releases as a
 * namespace groups code (Namespace). A release is a dated report of something that happened, and Event's
 * lightning bolt reads as news while standing apart from every other icon in the tree (Event). A sub-heading
 * is a line of text (String, drawn as `abc`); a Source is a fixed reference (Constant).
 *
 * In a standard release the headline is the release, so it is an Event too, and a body section a sub-heading.
 * A header line such as `FOR IMMEDIATE RELEASE` is a label the desk reads first (Key). The dateline fixes where
 * and when, as a Source fixes where from (Constant). A quote is a voice in the story (Field). A boilerplate
 * describes an organisation the same way in every release, a template as a class is (Class). The end mark says
 * nothing follows (Null). The contact block is a record of name, title, e-mails and phones (Struct).
 */
const SYMBOL_KIND = {
  category: 3,
  release: 24,
  subheading: 15,
  source: 14,
  header: 20,
  headline: 24,
  dateline: 14,
  quote: 8,
  boilerplate: 5,
  'end-mark': 21,
  contact: 23,
} as const satisfies Record<OutlineNode['kind'], SymbolKind>;

export function toDocumentSymbol(doc: PositionMapper, n: OutlineNode): DocumentSymbol {
  // LSP rejects empty names, and a half-typed title may be blank.
  const name = n.name.trim().length > 0 ? n.name : '(untitled)';
  const symbol: DocumentSymbol = {
    name,
    kind: SYMBOL_KIND[n.kind],
    range: toRange(doc, n.span),
    selectionRange: toRange(doc, n.selectionSpan),
    children: n.children.map((c) => toDocumentSymbol(doc, c)),
  };
  if (n.detail !== undefined) symbol.detail = n.detail;
  return symbol;
}

/** A release found by workspace symbol search; releases are modules, as in the outline. */
export function toSymbolInformation(doc: PositionMapper, uri: string, s: ReleaseSymbol): SymbolInformation {
  const symbol: SymbolInformation = { name: s.name, kind: SYMBOL_KIND.release, location: toLocation(doc, uri, s.span) };
  if (s.category) symbol.containerName = s.category;
  return symbol;
}

/** A release of the workspace index found by workspace symbol search, named in its file's label. */
export function toIndexedSymbol(uri: string, name: string, release: ReleaseSummary): SymbolInformation {
  const at = release.dated ?? release.place;
  return {
    name,
    kind: SYMBOL_KIND.release,
    location: { uri, range: { start: at.start, end: at.end } },
    containerName: fileLabel(uri),
  };
}

/**
 * A release of the Releases view. It opens at the title (the part people look for), or at the release's first
 * character when it has no dated title: the whole release would select pages of text.
 */
export function toReleaseEntry(r: ListedRelease): ReleaseEntry {
  const at = r.release.dated;
  const range = at ? { start: at.start, end: at.end } : { start: r.release.place.start, end: r.release.place.start };
  const entry: ReleaseEntry = { uri: r.file, title: r.name, untitled: r.untitled, range };
  if (r.release.date !== undefined) entry.date = r.release.date;
  if (r.counts) entry.problems = { errors: r.counts.errors, warnings: r.counts.warnings, infos: r.counts.infos };
  return entry;
}

// Hover, folding and links

export function toHover(doc: PositionMapper, info: HoverInfo): Hover {
  return { contents: { kind: 'markdown', value: info.markdown }, range: toRange(doc, info.span) };
}

export function toFoldingRange(f: FoldingInfo): FoldingRange {
  return { startLine: f.startLine, endLine: f.endLine };
}

export function toDocumentLink(doc: PositionMapper, link: LinkInfo): DocumentLink {
  return { range: toRange(doc, link.span), target: link.target };
}

// Names: references, highlights, rename, completion, semantic tokens

export function toLocation(doc: PositionMapper, uri: string, span: Span): Location {
  return { uri, range: toRange(doc, span) };
}

/** LSP's DocumentHighlightKind.Text: every spelling of a name is text, neither read nor written. */
const TEXT_HIGHLIGHT = 1 satisfies DocumentHighlightKind;

export function toDocumentHighlight(doc: PositionMapper, span: Span): DocumentHighlight {
  return { range: toRange(doc, span), kind: TEXT_HIGHLIGHT };
}

/** What rename would replace, with the current text as the editor's starting point. */
export function toPrepareRename(doc: TextDocument, span: Span): { range: Range; placeholder: string } {
  const range = toRange(doc, span);
  return { range, placeholder: doc.getText(range) };
}

/** LSP's CompletionItemKind for name kinds: Reference for people, Module for places, Class for the rest. */
const COMPLETION_KIND = { person: 18, place: 9, other: 7 } as const satisfies Record<string, CompletionItemKind>;

/**
 * The completion list for the word before the cursor. No completions at all (a lower-case word) is a
 * complete answer; otherwise the list is incomplete, so that the editor asks again as the word grows.
 */
export function toCompletionList(doc: PositionMapper, found: NameCompletionsAt | undefined): CompletionList {
  if (!found) return { isIncomplete: false, items: [] };
  const range = toRange(doc, found.span);
  const items = found.completions.map((c, i): CompletionItem => ({
    label: c.label,
    kind: c.kind === 'person' || c.kind === 'place' ? COMPLETION_KIND[c.kind] : COMPLETION_KIND.other,
    detail: completionDetail(c),
    // The core's order (most frequent first) must survive the editor's own sorting by label.
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: c.label },
  }));
  return { isIncomplete: true, items };
}

function completionDetail(c: NameCompletion): string {
  if (c.count === 0) return 'from the names list';
  const also = c.variants.length ? ` · also spelled ${c.variants.join(', ')}` : '';
  return `${c.kind === 'unknown' ? 'name' : c.kind} · ${c.count}× in this feed${also}`;
}

/**
 * Semantic tokens in LSP's relative encoding: five numbers per token (line delta, start delta, length,
 * type, modifiers). The tokens come in document order, and the legend has one entry per core token type in
 * the core's order, so the core's type index is the legend's.
 */
export function toSemanticTokens(doc: PositionMapper, tokens: Iterable<{ span: Span; type: number }>): SemanticTokens {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const t of tokens) {
    const p = doc.positionAt(t.span.start);
    data.push(p.line - line, p.line === line ? p.character - character : p.character, t.span.end - t.span.start);
    data.push(t.type, 0);
    line = p.line;
    character = p.character;
  }
  return { data };
}
