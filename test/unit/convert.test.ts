/**
 * convert.ts writes LSP's enum members as numbers so that the CLI bundle carries no protocol library; these
 * tests hold each number against the real enums, and the mappings against the library's own builders.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DocumentHighlightKind,
  DocumentSymbol,
  MarkupKind,
  SymbolInformation,
  SymbolKind,
} from 'vscode-languageserver-types';
import { SemanticTokensBuilder } from 'vscode-languageserver/node';
import {
  lint,
  nameCompletionsAt,
  outline,
  releaseSymbols,
  semanticNameTokens,
  type Finding,
} from '../../server/src/core/index';
import {
  baseDiagnostic,
  diagnosticJson,
  quickFixAction,
  toCompletionList,
  toDiagnostic,
  toDocumentHighlight,
  toDocumentSymbol,
  toHover,
  toSemanticTokens,
  toSymbolInformation,
} from '../../server/src/convert';
import { DIAGNOSTIC_SOURCE } from '../../shared/protocol';

const NAMES = [
  'Law',
  'S. Nurgaliyev opened the pumping station 09.02.2025',
  'Deputy Minister of Energy Serik Nurgaliev opened the pumping station in the Karkaraly district on Monday. ' +
    'Serik Nurgaliev said the station will supply four villages.',
  'Curling',
  'Source : https://press.example.gov/entities/energy/press/news/details/1',
  'Nurgaliyev visits the dam in Karkaraly 10.02.2025',
  'Deputy Minister of Energy Serik Nurgaliyev inspected the dam and said the repairs will end before the flood.',
  'Source : https://press.example.gov/entities/energy/press/news/details/2',
].join('\n');
const today = { year: 2025, month: 6, day: 1 };
const range = { start: { line: 0, character: 1 }, end: { line: 2, character: 3 } };

function finding(severity: Finding['severity']): Finding {
  return { ruleId: 'date-format', severity, message: 'Say "why"\n', span: { start: 0, end: 1 } };
}

describe('convert', () => {
  it('maps severities to LSP DiagnosticSeverity', () => {
    assert.equal(baseDiagnostic(range, finding('error')).severity, DiagnosticSeverity.Error);
    assert.equal(baseDiagnostic(range, finding('warning')).severity, DiagnosticSeverity.Warning);
    assert.equal(baseDiagnostic(range, finding('info')).severity, DiagnosticSeverity.Information);
    assert.equal(baseDiagnostic(range, finding('hint')).severity, DiagnosticSeverity.Hint);
  });

  it('writes the base diagnostic as JSON in the documented key order', () => {
    const json = diagnosticJson(range, finding('info'));
    const href = 'https://github.com/press-release-lint/press-release-lint/blob/main/docs/rules/date-format.md';
    assert.equal(
      json,
      '{"range":{"start":{"line":0,"character":1},"end":{"line":2,"character":3}},"severity":3,' +
        `"code":"date-format","codeDescription":{"href":"${href}"},"source":"${DIAGNOSTIC_SOURCE}",` +
        '"message":"Say \\"why\\"\\n"}',
    );
  });

  it('builds the server diagnostic on the base one', () => {
    const a = lint(NAMES, { today });
    const doc = TextDocument.create('file:///f.release', 'press-release', 1, NAMES);
    for (const f of a.findings) {
      const d = toDiagnostic(doc, doc.uri, f);
      const { relatedInformation, data, ...base } = d;
      assert.deepEqual(base, baseDiagnostic(d.range, f));
      assert.equal(relatedInformation !== undefined, f.related !== undefined);
      assert.equal(data !== undefined, f.fix !== undefined || f.data !== undefined);
    }
  });

  it('maps the outline and workspace symbols as DocumentSymbol.create and SymbolInformation.create do', () => {
    const a = lint(NAMES, { today });
    const doc = TextDocument.create('file:///f.release', 'press-release', 1, NAMES);
    const [category] = outline(a, { sources: true });
    const expected = (n: typeof category): DocumentSymbol => {
      const kind = {
        category: SymbolKind.Namespace,
        release: SymbolKind.Event,
        subheading: SymbolKind.String,
        source: SymbolKind.Constant,
        header: SymbolKind.Key,
        headline: SymbolKind.Event,
        dateline: SymbolKind.Constant,
        quote: SymbolKind.Field,
        boilerplate: SymbolKind.Class,
        'end-mark': SymbolKind.Null,
        contact: SymbolKind.Struct,
      }[n.kind];
      const children = n.children.map(expected);
      return DocumentSymbol.create(
        n.name,
        n.detail,
        kind,
        toRangeOf(doc, n.span),
        toRangeOf(doc, n.selectionSpan),
        children,
      );
    };
    // As the client receives them: a key whose value is undefined is not sent.
    assert.deepEqual(wire(toDocumentSymbol(doc, category)), wire(expected(category)));
    const [symbol] = releaseSymbols(a, 'visits');
    assert.deepEqual(
      toSymbolInformation(doc, doc.uri, symbol),
      SymbolInformation.create(symbol.name, SymbolKind.Event, toRangeOf(doc, symbol.span), doc.uri, 'Law'),
    );
  });

  it('encodes semantic tokens as SemanticTokensBuilder does', () => {
    const a = lint(NAMES, { today });
    const doc = TextDocument.create('file:///f.release', 'press-release', 1, NAMES);
    const tokens = semanticNameTokens(a);
    assert.ok(tokens.length > 3);
    const builder = new SemanticTokensBuilder();
    for (const t of tokens) {
      const p = doc.positionAt(t.span.start);
      builder.push(p.line, p.character, t.span.end - t.span.start, t.type, 0);
    }
    assert.deepEqual(toSemanticTokens(doc, tokens).data, builder.build().data);
  });

  it('uses LSP kinds for hovers, highlights, completions and quick fixes', () => {
    const a = lint(`${NAMES}\nNu`, { today });
    const doc = TextDocument.create('file:///f.release', 'press-release', 1, `${NAMES}\nNu`);
    const hover = toHover(doc, { markdown: '**x**', span: { start: 0, end: 3 } });
    assert.equal((hover.contents as { kind: string }).kind, MarkupKind.Markdown);
    assert.equal(toDocumentHighlight(doc, { start: 0, end: 3 }).kind, DocumentHighlightKind.Text);
    const list = toCompletionList(doc, nameCompletionsAt(a, a.feed.text.length));
    const kinds = new Map(list.items.map((i) => [i.label, i.kind]));
    assert.equal(kinds.get('Nurgaliyev'), CompletionItemKind.Reference);
    assert.deepEqual(toCompletionList(doc, undefined), { isIncomplete: false, items: [] });
    const action = quickFixAction(baseDiagnostic(range, finding('info')), 'Fix', { changes: {} });
    assert.equal(action.kind, CodeActionKind.QuickFix);
  });

  it('marks places with the Module completion kind', () => {
    const text = `${NAMES}\nKa`;
    const a = lint(text, { today });
    const doc = TextDocument.create('file:///f.release', 'press-release', 1, text);
    const list = toCompletionList(doc, nameCompletionsAt(a, text.length));
    const place = list.items.find((i) => i.label === 'Karkaraly');
    assert.equal(place?.kind, CompletionItemKind.Module, JSON.stringify(list.items));
  });
});

function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function toRangeOf(doc: TextDocument, span: { start: number; end: number }) {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}
