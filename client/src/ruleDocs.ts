/**
 * The rule links of diagnostics. The server links each diagnostic to its rule's page on the web, which other
 * editors show as is. In VS Code the pages ship inside the extension, so by default the links are rewritten
 * to the shipped page: it works offline and always matches the installed version. A link in a hover opens
 * only plain URIs (`command:` links are refused there), so the page opens as text, and the client then shows
 * it in the Markdown preview instead. `pressRelease.rulesDocsBaseUrl` points the links at another copy, such
 * as a team's.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE } from '../../shared/protocol';

const BASE_URL_SETTING = 'pressRelease.rulesDocsBaseUrl';

/** A rule id as the rules name themselves; anything else is not a rule link. */
const RULE_ID = /^[a-z][a-z-]*$/;

/** Where a rule's link points: the configured base URL, or the page shipped in `rulesDir`. */
export function ruleLink(rulesDir: vscode.Uri, baseUrl: string, id: string): vscode.Uri {
  const base = baseUrl.trim();
  if (base.length > 0) return vscode.Uri.parse(`${base.replace(/\/*$/, '/')}${id}.md`);
  return vscode.Uri.joinPath(rulesDir, `${id}.md`);
}

/**
 * Shows a shipped rule page in the Markdown preview when it opens as text, as a click on a rule link opens it,
 * and closes the text. The pages are read-only parts of the extension, so nobody loses an editor they wanted.
 */
async function previewRulePage(rulesDir: vscode.Uri, editor: vscode.TextEditor | undefined): Promise<void> {
  const uri = editor?.document.uri;
  if (!uri || uri.scheme !== rulesDir.scheme || !uri.path.startsWith(`${rulesDir.path}/`)) return;
  if (!uri.path.endsWith('.md')) return;
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  const asText = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
  await vscode.window.tabGroups.close(asText);
}

/**
 * The middleware that rewrites the links as diagnostics arrive. Links are made once per rule and kept until the
 * setting changes, since a feed may have many thousands of diagnostics.
 */
export function ruleDocLinks(context: vscode.ExtensionContext): Middleware {
  const rulesDir = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  const links = new Map<string, vscode.Uri>();
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => void previewRulePage(rulesDir, editor)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(BASE_URL_SETTING)) links.clear();
    }),
  );
  const linkOf = (id: string): vscode.Uri => {
    let link = links.get(id);
    if (!link) {
      link = ruleLink(rulesDir, vscode.workspace.getConfiguration().get<string>(BASE_URL_SETTING, ''), id);
      links.set(id, link);
    }
    return link;
  };
  return {
    handleDiagnostics(uri, diagnostics, next) {
      for (const d of diagnostics) {
        if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'object') continue;
        const id = String(d.code.value);
        if (RULE_ID.test(id)) d.code = { value: d.code.value, target: linkOf(id) };
      }
      next(uri, diagnostics);
    },
  };
}
