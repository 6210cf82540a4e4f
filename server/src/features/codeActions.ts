/**
 * Code actions: the quick fixes a diagnostic carries, the name-list actions, and fix-all. Quick fixes come
 * from the diagnostic's `data` and are checked against the current text before they are offered (see
 * reanchor.ts). A client without `publishDiagnostics.dataSupport` drops that data, so for it the fixes are
 * found by matching the diagnostic (range, rule, message) against the findings of the current analysis.
 * The name-list actions edit `.pressreleaserc.json` as the config store read it with the document's config;
 * nothing here touches the file system.
 */
import {
  CodeActionKind,
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../../../shared/protocol';
import type { ClientFeatures, ConnectedClient } from '../capabilities';
import { untilCancelled } from '../cancellation';
import type { ConfigFile, ConfigStore } from '../configStore';
import {
  documentEdit,
  fixAllAction,
  fixData,
  quickFixAction,
  sameDiagnostic,
  toDiagnostic,
  toTextEdits,
  type DataEdit,
  type FixData,
} from '../convert';
import { selectFixes, spellingsStandAt, type Analysis, type Finding } from '../core/index';
import type { FeedDocuments } from '../documents';
import { indexKey, type WorkspaceIndex } from '../index/workspaceIndex';
import { addNameEdit, type NameList } from '../rcEdit';
import { fitsAt, reanchor } from '../reanchor';

/** Where the code-action handler finds its inputs. */
export interface CodeActionSources {
  documents: FeedDocuments;
  configs: ConfigStore;
  client: ConnectedClient;
  /** The workspace index: the document's cross-file findings, and the current names of the files a fix edits. */
  index: WorkspaceIndex;
}

export async function provideCodeActions(
  sources: CodeActionSources,
  params: CodeActionParams,
  token: CancellationToken,
): Promise<CodeAction[] | null> {
  const uri = params.textDocument.uri;
  const doc = sources.documents.get(uri);
  if (!doc) return null;
  const analysis = async () => {
    const got = await sources.documents.analyzed(uri, token);
    if (!got) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not open.`);
    return got.analysis;
  };
  const configFile = async () => (await untilCancelled(sources.configs.get(uri), token)).file;
  // The analysis was made with the document's config, which the cross-file findings take too.
  const crossFile = async () => {
    const current = await analysis();
    return sources.index.findings(uri, current, current.config);
  };
  const namesStandIn = (other: string, edits: readonly LspTextEdit[]) =>
    spellingsStandAt(
      sources.index.summaries.get(indexKey(other))?.names,
      edits.map(({ range: { start, end } }) => ({ ...start, length: end.character - start.character })),
    );
  const inputs = { doc, features: sources.client.features, configFile, analysis, crossFile, namesStandIn };
  return codeActions(params, inputs);
}

export interface CodeActionInputs {
  /** The document as it is now, which may be newer than the diagnostics in the request. */
  doc: TextDocument;
  features: ClientFeatures;
  /**
   * The `.pressreleaserc.json` that the name-list actions edit, as the config store read it with the
   * document's config; undefined for a document that is not a file.
   */
  configFile: () => Promise<ConfigFile | undefined>;
  /** The analysis of the current version, read only without data support and for fix-all. */
  analysis: () => Promise<Analysis>;
  /** The document's cross-file findings now, read only without data support. */
  crossFile: () => Promise<Finding[]>;
  /**
   * Whether the names that a fix across files replaces in another file still stand where it says, as the index
   * has that file now; a file that changed since the diagnostic was made drops the fix rather than be corrupted.
   */
  namesStandIn: (uri: string, edits: readonly LspTextEdit[]) => boolean;
}

export async function codeActions(params: CodeActionParams, inputs: CodeActionInputs): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const data = inputs.features.diagnosticData ? fixData(d) : await dataFromAnalysis(uri, d, inputs);
      if (!data) continue;
      actions.push(...quickFixes(uri, d, data, inputs));
      const name = data.facts?.name;
      const file = name ? await inputs.configFile() : undefined;
      if (name && file) actions.push(...nameListActions(file, name, d, inputs.features));
    }
  }
  // Fix-all is offered only when asked for by kind, as on save, so the light bulb stays about the cursor.
  if (only && wants(FIX_ALL_KIND)) {
    const analysis = await inputs.analysis();
    const edits = selectFixes(analysis.findings, true).flatMap((f) => toTextEdits(inputs.doc, f.edits));
    if (edits.length > 0) actions.push(fixAllAction(uri, edits));
  }
  return actions;
}

/** The data our diagnostic would carry in the current version, found by matching it against the analysis. */
async function dataFromAnalysis(uri: string, d: Diagnostic, inputs: CodeActionInputs): Promise<FixData | undefined> {
  const analysis = await inputs.analysis();
  const doc = inputs.doc;
  const source = { text: doc.getText(), version: doc.version };
  for (const f of [...analysis.findings, ...(await inputs.crossFile())]) {
    // Rule and message first: they rule out nearly every finding without mapping a single position.
    if (f.ruleId !== String(d.code) || f.message !== d.message) continue;
    const fresh = toDiagnostic(doc, uri, f, source);
    if (sameDiagnostic(fresh, d)) return fixData(fresh);
  }
  return undefined;
}

/** The main fix first, then the others; a fix whose text is gone from the document is dropped. */
function quickFixes(uri: string, d: Diagnostic, data: FixData, inputs: CodeActionInputs): CodeAction[] {
  const doc = inputs.doc;
  const out: CodeAction[] = [];
  if (data.fix) {
    const edits = currentEdits(doc, data.fix.edits);
    if (edits) out.push(quickFixAction(d, data.fix.title, documentEdit(uri, edits), data.fix.safe));
  }
  for (const m of data.more ?? []) {
    const edits = currentEdits(doc, m.edits);
    if (!edits) continue;
    const others = (m.elsewhere ?? []).filter((other) => other.uri !== uri);
    if (!others.every((other) => inputs.namesStandIn(other.uri, other.edits))) continue;
    const edit = documentEdit(uri, edits);
    for (const other of others) edit.changes![other.uri] = other.edits;
    out.push(quickFixAction(d, m.title, edit));
  }
  return out;
}

/**
 * The edits as they apply to the document now: as recorded when the text at their ranges is still what they
 * were made for, otherwise found again nearby, or undefined when they cannot be.
 */
function currentEdits(doc: TextDocument, edits: DataEdit[]): LspTextEdit[] | undefined {
  const text = doc.getText();
  const anchored = edits.map((e) => ({ ...e, offset: doc.offsetAt(e.range.start) }));
  if (anchored.every((e) => fitsAt(text, e, 0))) return edits.map((e) => ({ range: e.range, newText: e.newText }));
  const placed = reanchor(text, anchored);
  return placed && toTextEdits(doc, placed);
}

/** The two actions that write the team's names list: make this spelling canonical, or leave the name alone. */
function nameListActions(file: ConfigFile, name: string, d: Diagnostic, features: ClientFeatures): CodeAction[] {
  const lists: Array<[NameList, string]> = [
    ['names', `Add "${name}" to names as the canonical spelling`],
    ['ignoreNames', `Ignore the name "${name}" (ignoreNames in .pressreleaserc.json)`],
  ];
  const out: CodeAction[] = [];
  for (const [list, title] of lists) {
    const edit = addNameEdit(file, list, name, { canCreate: features.createFiles });
    if (!edit) continue;
    out.push(quickFixAction(d, title, edit));
  }
  return out;
}
