/**
 * The one place where core data becomes LSP data. Handlers stay thin by
 * calling these pure functions, and protocol tests can rely on one mapping.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  DocumentSymbol,
  SymbolKind,
  type Diagnostic,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { ruleDocUrl, type Finding, type Fix, type OutlineNode, type Severity, type Span } from './core/index';
import { arrayOf, boolean, object, string, uinteger, type Check } from './params';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../../shared/protocol';
import { anchorEdit, type AnchoredEdit } from './reanchor';

/** Anything that maps offsets to positions: a TextDocument or the core's LineIndex. */
export interface PositionMapper {
  positionAt(offset: number): { line: number; character: number };
}

export function toRange(doc: PositionMapper, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * An edit as it travels in a diagnostic's `data`: the LSP edit for the version it was made for, plus what
 * it expects to find there (see reanchor.ts), so that a quick fix can check itself against newer text.
 */
export interface DataEdit extends LspTextEdit, Omit<AnchoredEdit, 'newText'> {}

export interface DataFix {
  title: string;
  edits: DataEdit[];
}

/** The fixes travel inside the diagnostic, so a quick fix needs no server state to find them again. */
export interface FixData {
  /** The document version the edits were made for. */
  version?: number;
  fix?: DataFix & { safe: boolean };
  more?: DataFix[];
  /** Facts for actions beyond text edits, such as the name to add to the names list. */
  facts?: Record<string, string>;
}

/** The text and version a diagnostic's fixes are made for; without it the data carries bare LSP edits. */
export interface FixSource {
  text: string;
  version: number;
}

export function toLspEdits(doc: PositionMapper, fix: Fix): LspTextEdit[] {
  return fix.edits.map((e) => ({ range: toRange(doc, e), newText: e.newText }));
}

function toDataEdits(doc: PositionMapper, fix: Fix, source: FixSource | undefined): LspTextEdit[] | DataEdit[] {
  if (!source) return toLspEdits(doc, fix);
  return fix.edits.map((e) => {
    const { offset, expect, before, after } = anchorEdit(source.text, e);
    return { range: toRange(doc, e), newText: e.newText, offset, expect, before, after };
  });
}

export function toDiagnostic(doc: PositionMapper, uri: string, f: Finding, source?: FixSource): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    code: f.ruleId,
    codeDescription: { href: ruleDocUrl(f.ruleId) },
    message: f.message,
  };
  if (f.related) {
    d.relatedInformation = f.related.map((r) => ({
      location: { uri, range: toRange(doc, r.span) },
      message: r.message,
    }));
  }
  if (f.fix || f.data) {
    const data: { version?: number; fix?: unknown; more?: unknown; facts?: Record<string, string> } = {};
    if (source) data.version = source.version;
    if (f.fix) data.fix = { title: f.fix.title, safe: f.fix.safe, edits: toDataEdits(doc, f.fix, source) };
    if (f.moreFixes?.length) {
      data.more = f.moreFixes.map((m) => ({ title: m.title, edits: toDataEdits(doc, m, source) }));
    }
    if (f.data) data.facts = f.data;
    d.data = data;
  }
  return d;
}

const position = object({ line: uinteger, character: uinteger });
const dataEdit = object({
  range: object({ start: position, end: position }),
  newText: string,
  offset: uinteger,
  expect: string,
  before: string,
  after: string,
});
const dataFix = object({ title: string, edits: arrayOf(dataEdit) });
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
  if (Number.isSafeInteger(raw.version)) data.version = raw.version as number;
  if (fits(safeFix, raw.fix)) data.fix = raw.fix as FixData['fix'];
  if (Array.isArray(raw.more)) data.more = raw.more.filter((m) => fits(dataFix, m)) as DataFix[];
  if (fits(facts, raw.facts)) data.facts = raw.facts as Record<string, string>;
  return data;
}

/** One quick fix for diagnostic `d`, with edits that have been checked against the current text. */
export function quickFixAction(
  uri: string,
  d: Diagnostic,
  title: string,
  edits: LspTextEdit[],
  preferred?: boolean,
): CodeAction {
  const action = CodeAction.create(title, { changes: { [uri]: edits } }, CodeActionKind.QuickFix);
  action.diagnostics = [d];
  if (preferred !== undefined) action.isPreferred = preferred;
  return action;
}

export function fixAllAction(uri: string, edits: LspTextEdit[]): CodeAction {
  const title = 'Fix all press-release problems that are safe to fix';
  return CodeAction.create(title, { changes: { [uri]: edits } }, FIX_ALL_KIND);
}

/** Whether two diagnostics are the same finding: same place, rule and message. */
export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  const at = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  return at(a.range) === at(b.range) && String(a.code) === String(b.code) && a.message === b.message;
}

const SYMBOL_KIND: Record<OutlineNode['kind'], SymbolKind> = {
  category: SymbolKind.Namespace,
  release: SymbolKind.Module,
  subheading: SymbolKind.Key,
  source: SymbolKind.Constant,
};

export function toDocumentSymbol(doc: TextDocument, n: OutlineNode): DocumentSymbol {
  // LSP rejects empty names, and a half-typed title may be blank.
  const name = n.name.trim().length > 0 ? n.name : '(untitled)';
  const children = n.children.map((c) => toDocumentSymbol(doc, c));
  const kind = SYMBOL_KIND[n.kind];
  return DocumentSymbol.create(name, n.detail, kind, toRange(doc, n.span), toRange(doc, n.selectionSpan), children);
}
