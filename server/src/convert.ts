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

/** The fix travels inside the diagnostic, so a quick fix needs no server state to find it again. */
export interface FixData {
  fix: { title: string; safe: boolean; edits: LspTextEdit[] };
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
  if (f.fix) {
    const data: FixData = { fix: { title: f.fix.title, safe: f.fix.safe, edits: toLspEdits(doc, f.fix) } };
    d.data = data;
  }
  return d;
}

function isFixData(v: unknown): v is FixData {
  const fix = (v as FixData | undefined)?.fix;
  return !!fix && typeof fix.title === 'string' && Array.isArray(fix.edits);
}

/** Builds the quick fix that a diagnostic carries, or nothing when it carries none. */
export function quickFixFor(uri: string, d: Diagnostic): CodeAction | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE || !isFixData(d.data)) return undefined;
  const action = CodeAction.create(d.data.fix.title, { changes: { [uri]: d.data.fix.edits } }, CodeActionKind.QuickFix);
  action.diagnostics = [d];
  action.isPreferred = d.data.fix.safe;
  return action;
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
