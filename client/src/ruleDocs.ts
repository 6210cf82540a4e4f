/**
 * The rule links of diagnostics. The server links each diagnostic to its rule's page on the web, which other
 * editors show as is. In VS Code the pages ship inside the extension, so by default the links are rewritten
 * to a command that opens the shipped page in the Markdown preview: it works offline and always matches the
 * installed version. `pressRelease.rulesDocsBaseUrl` points them at another copy instead, such as a team's.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE } from '../../shared/protocol';

export const OPEN_RULE_DOC_COMMAND = 'pressRelease.openRuleDoc';
const BASE_URL_SETTING = 'pressRelease.rulesDocsBaseUrl';

/** A rule id as the rules name themselves; anything else is not ours to open. */
const RULE_ID = /^[a-z][a-z-]*$/;

/** The shipped page of a rule, inside the extension. */
export function shippedRulePage(context: vscode.ExtensionContext, id: string): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
}

/** Opens a rule's shipped page in the Markdown preview. */
async function openRuleDoc(context: vscode.ExtensionContext, id: unknown): Promise<void> {
  if (typeof id !== 'string' || !RULE_ID.test(id)) return;
  await vscode.commands.executeCommand('markdown.showPreview', shippedRulePage(context, id));
}

/** Where a rule's link points: the configured base URL, or the command that opens the shipped page. */
export function ruleLink(baseUrl: string, id: string): vscode.Uri {
  if (baseUrl.trim().length > 0) return vscode.Uri.parse(`${baseUrl.trim().replace(/\/*$/, '/')}${id}.md`);
  return vscode.Uri.parse(`command:${OPEN_RULE_DOC_COMMAND}?${encodeURIComponent(JSON.stringify([id]))}`);
}

/**
 * The middleware that rewrites the links as diagnostics arrive, and the command behind them. Links are made
 * once per rule and kept until the setting changes, since a feed may have many thousands of diagnostics.
 */
export function ruleDocLinks(context: vscode.ExtensionContext): Middleware {
  const links = new Map<string, vscode.Uri>();
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_RULE_DOC_COMMAND, (id: unknown) => openRuleDoc(context, id)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(BASE_URL_SETTING)) links.clear();
    }),
  );
  const linkOf = (id: string): vscode.Uri => {
    let link = links.get(id);
    if (!link) {
      link = ruleLink(vscode.workspace.getConfiguration().get<string>(BASE_URL_SETTING, ''), id);
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
