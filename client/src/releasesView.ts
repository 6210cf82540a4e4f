/**
 * The Releases view: every release of the workspace, open or not, newest first, with its problem counts, in a
 * tree in the explorer. The server owns the list (its workspace index); the view asks for it whenever the server
 * says it changed, and only when the view is shown, since VS Code asks a hidden tree for nothing.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RELEASES_CHANGED, RELEASES_REQUEST, type ReleaseEntry, type ReleasesParams } from '../../shared/protocol';
import { releaseDescription, releaseIcon, releaseTooltip, type ReleaseIcon } from './releaseLabels';

export const RELEASES_VIEW = 'pressRelease.releases';

const ICONS: Record<ReleaseIcon, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  clean: new vscode.ThemeIcon('pass'),
  uncounted: new vscode.ThemeIcon('circle-outline'),
};

export class ReleasesProvider implements vscode.TreeDataProvider<ReleaseEntry> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  /** Tells VS Code to ask again; it does so only while the view is shown. */
  refresh(): void {
    this.changed.fire();
  }

  async getChildren(element?: ReleaseEntry): Promise<ReleaseEntry[]> {
    if (element) return [];
    try {
      const params: ReleasesParams = {};
      return await this.client.sendRequest<ReleaseEntry[]>(RELEASES_REQUEST, params);
    } catch {
      // The server may be restarting; its next notification refreshes the view.
      return [];
    }
  }

  getTreeItem(entry: ReleaseEntry): vscode.TreeItem {
    const uri = vscode.Uri.parse(entry.uri);
    const item = new vscode.TreeItem(entry.title, vscode.TreeItemCollapsibleState.None);
    const fileName = path.basename(uri.fsPath || uri.path);
    item.description = releaseDescription(entry);
    item.tooltip = releaseTooltip(entry, fileName);
    item.iconPath = ICONS[releaseIcon(entry.problems)];
    item.contextValue = 'release';
    const { start, end } = entry.range;
    const selection = new vscode.Range(start.line, start.character, end.line, end.character);
    item.command = { command: 'vscode.open', title: 'Open Release', arguments: [uri, { selection }] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** What `pressRelease.releases.list` returns: the tree items the view shows, as plain data, read from the provider. */
export interface ListedItem {
  label: string;
  description: string;
  tooltip: string;
  icon: string;
  command: { command: string; arguments: unknown[] };
}

async function listItems(provider: ReleasesProvider): Promise<ListedItem[]> {
  const entries = await provider.getChildren();
  return entries.map((e) => {
    const item = provider.getTreeItem(e);
    return {
      // getTreeItem sets the label, description and tooltip as plain strings.
      label: item.label as string,
      description: item.description as string,
      tooltip: item.tooltip as string,
      icon: (item.iconPath as vscode.ThemeIcon).id,
      command: { command: item.command!.command, arguments: item.command!.arguments ?? [] },
    };
  });
}

/** Registers the view, its refresh command, the list command the end-to-end tests read, and the server's hint. */
export function registerReleasesView(context: vscode.ExtensionContext, client: LanguageClient): void {
  const provider = new ReleasesProvider(client);
  const view = vscode.window.createTreeView(RELEASES_VIEW, { treeDataProvider: provider });
  context.subscriptions.push(
    provider,
    view,
    vscode.commands.registerCommand('pressRelease.releases.refresh', () => provider.refresh()),
    vscode.commands.registerCommand('pressRelease.releases.list', () => listItems(provider)),
    client.onNotification(RELEASES_CHANGED, () => provider.refresh()),
  );
}
