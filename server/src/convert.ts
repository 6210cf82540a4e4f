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

export const DIAGNOSTIC_SOURCE = 'press-release';
export const FIX_ALL_KIND = 'source.fixAll.pressRelease';

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

/** The fixes travel inside the diagnostic, so a quick fix needs no server state to find them again. */
export interface FixData {
  fix?: { title: string; safe: boolean; edits: LspTextEdit[] };
  more?: Array<{ title: string; edits: LspTextEdit[] }>;
  /** Facts for actions beyond text edits, such as the name to add to the names list. */
  facts?: Record<string, string>;
}

export function toLspEdits(doc: PositionMapper, fix: Fix): LspTextEdit[] {
  return fix.edits.map((e) => ({ range: toRange(doc, e), newText: e.newText }));
}

export function toDiagnostic(doc: PositionMapper, uri: string, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    code: f.ruleId,
    codeDescription: { href: ruleDocUrl(f.ruleId) },
    message: f.message,
  };
  if (f.related) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri, range: toRange(doc, r.span) }, message: r.message }));
  }
  if (f.fix || f.data) {
    const data: FixData = {};
    if (f.fix) data.fix = { title: f.fix.title, safe: f.fix.safe, edits: toLspEdits(doc, f.fix) };
    if (f.moreFixes?.length) data.more = f.moreFixes.map((m) => ({ title: m.title, edits: toLspEdits(doc, m) }));
    if (f.data) data.facts = f.data;
    d.data = data;
  }
  return d;
}

export function fixData(d: Diagnostic): FixData | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE || typeof d.data !== 'object' || d.data === null) return undefined;
  const data = d.data as FixData;
  if (data.fix && (typeof data.fix.title !== 'string' || !Array.isArray(data.fix.edits))) return undefined;
  return data;
}

/** Builds the quick fixes that a diagnostic carries: its main fix first, then the others. */
export function quickFixesFor(uri: string, d: Diagnostic): CodeAction[] {
  const data = fixData(d);
  if (!data) return [];
  const out: CodeAction[] = [];
  if (data.fix) {
    const action = CodeAction.create(data.fix.title, { changes: { [uri]: data.fix.edits } }, CodeActionKind.QuickFix);
    action.diagnostics = [d];
    action.isPreferred = data.fix.safe;
    out.push(action);
  }
  for (const m of data.more ?? []) {
    const action = CodeAction.create(m.title, { changes: { [uri]: m.edits } }, CodeActionKind.QuickFix);
    action.diagnostics = [d];
    out.push(action);
  }
  return out;
}

export function fixAllAction(uri: string, edits: LspTextEdit[]): CodeAction {
  return CodeAction.create('Fix all press-release problems that are safe to fix', { changes: { [uri]: edits } }, FIX_ALL_KIND);
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
  return DocumentSymbol.create(name, n.detail, SYMBOL_KIND[n.kind], toRange(doc, n.span), toRange(doc, n.selectionSpan), n.children.map((c) => toDocumentSymbol(doc, c)));
}
