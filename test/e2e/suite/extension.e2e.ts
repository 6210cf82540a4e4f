/**
 * End-to-end tests in a real VS Code, written against the `vscode` API.
 * Every wait polls with a deadline; nothing sleeps for a fixed time.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'press-release-lint.press-release-lint';

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | PromiseLike<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last instanceof Error ? last.message : JSON.stringify(last)}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'press-release');
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function describeDiagnostics(ds: vscode.Diagnostic[]): string[] {
  return ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${codeOf(d)}`).sort();
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Puts the document back as it is on disk, so later tests and the editor see no unsaved changes. */
async function revert(doc: vscode.TextDocument, text: string): Promise<void> {
  if (doc.getText() === text) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
  await doc.save();
}

/** The code actions VS Code gets for `range` of the document, of one kind (quick fixes unless said). */
function codeActionsAt(
  uri: vscode.Uri,
  range: vscode.Range,
  kind = vscode.CodeActionKind.QuickFix.value,
): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n');
}

describe('Press Release Lint in VS Code', () => {
  let doc: vscode.TextDocument;
  let original: string;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    doc = await open('feed.release');
    original = doc.getText();
    await waitFor('the extension to activate', () => ext.isActive);
  });

  after(async () => {
    await revert(doc, original);
  });

  it('tests the copy of the extension that the runner asked for', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const expect = process.env.PRL_E2E_EXPECT;
    assert.ok(expect === 'installed' || expect === 'development', `the runner sets PRL_E2E_EXPECT (got ${expect})`);
    if (expect === 'installed')
      assert.match(ext.extensionPath, /[\\/]extensions[\\/]press-release-lint\.press-release-lint-/);
    if (expect === 'development') assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace);
    if (expect === 'development') assert.ok(!/[\\/]extensions[\\/]/.test(ext.extensionPath), ext.extensionPath);
  });

  it('gives *.release files the press-release language', () => {
    assert.equal(doc.languageId, 'press-release');
  });

  it('maps other files through files.associations', async () => {
    const wire = await open('wire.txt');
    assert.equal(wire.languageId, 'press-release');
    await waitFor('diagnostics on wire.txt', () => (ours(wire.uri).length > 0 ? true : undefined));
  });

  it('reopens another file as a press release', async () => {
    const plain = await vscode.workspace.openTextDocument({
      language: 'plaintext',
      content: 'Title 09.02.2025\nBody.\nSource : https://press.example.gov/1\n',
    });
    await vscode.window.showTextDocument(plain);
    await vscode.commands.executeCommand('pressRelease.reopenAsPressRelease');
    await waitFor('the language to change', () =>
      vscode.window.activeTextEditor?.document.languageId === 'press-release' ? true : undefined,
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('inserts a feed template with New Release, dated today', async () => {
    const untitled = await vscode.workspace.openTextDocument({ language: 'press-release', content: '' });
    await vscode.window.showTextDocument(untitled);
    await vscode.commands.executeCommand('pressRelease.newRelease', 'feed');
    const shape = /^Headline \d{2}\.\d{2}\.\d{4}\nThe body: .+\nSource : https:\/\/\n$/;
    await waitFor('the template', () => (shape.test(untitled.getText()) ? true : undefined), 10_000).catch(
      () => undefined,
    );
    assert.match(untitled.getText(), shape);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows diagnostics with rule ids and ranges, and updates them after an edit', async () => {
    await open('feed.release');
    const expected = ['3:121 sentence-spacing', '5:14 date-format', '8:3 inconsistent-name'].sort();
    // Wait for the expected set, then compare, so that a wrong set fails with a readable diff rather than a time-out.
    await waitFor(
      'diagnostics on feed.release',
      () => (describeDiagnostics(ours(doc.uri)).join() === expected.join() ? true : undefined),
      20_000,
    ).catch(() => undefined);
    assert.deepEqual(describeDiagnostics(ours(doc.uri)), expected);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(3, 122), ' ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('sentence-spacing to go away', () =>
      ours(doc.uri).some((d) => codeOf(d) === 'sentence-spacing') ? undefined : true,
    );
    await revert(doc, original);
    await waitFor('sentence-spacing to come back', () =>
      ours(doc.uri).some((d) => codeOf(d) === 'sentence-spacing') ? true : undefined,
    );
  });

  it('returns the outline', async () => {
    const symbols = await waitFor('document symbols', () =>
      vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
    );
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Law'],
    );
    assert.deepEqual(
      symbols[0].children.map((s) => s.name),
      ['Court opens on Saturdays', 'Third release', 'S. Nurgaliyev opened the pumping station'],
    );
    // Sources stay out of the outline by default; the release's detail names the Source's host instead.
    assert.deepEqual(
      symbols[0].children[0].children.map((s) => s.name),
      ['Curling'],
    );
    assert.equal(symbols[0].children[0].detail, '05.02.2025 · press.example.gov');
    assert.equal(symbols[0].children[0].kind, vscode.SymbolKind.Event);
  });

  it('wraps long lines in feeds by default', () => {
    const editor = vscode.workspace.getConfiguration('editor', { uri: doc.uri, languageId: 'press-release' });
    assert.equal(editor.get('wordWrap'), 'on');
  });

  it('applies the safe fixes with Format Document', async () => {
    await open('feed.release');
    await vscode.commands.executeCommand('editor.action.formatDocument');
    await waitFor('the document to be formatted', () => (doc.getText() !== original ? true : undefined));
    assert.equal(doc.lineAt(5).text, 'Third release 07.02.2025');
    assert.match(doc.lineAt(3).text, /documents\. It will not/);
    await waitFor('only unsafe findings to remain', () =>
      describeDiagnostics(ours(doc.uri)).join() === '8:3 inconsistent-name' ? true : undefined,
    );
    const again = await vscode.commands.executeCommand<vscode.TextEdit[]>(
      'vscode.executeFormatDocumentProvider',
      doc.uri,
      { tabSize: 2, insertSpaces: true },
    );
    assert.deepEqual(again ?? [], []);
    await revert(doc, original);
  });

  it('links each problem to its rule page shipped in the extension, shown in the Markdown preview', async () => {
    const d = await waitFor('date-format', () => ours(doc.uri).find((x) => codeOf(x) === 'date-format'));
    assert.ok(typeof d.code === 'object', 'the code carries a link');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const page = vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', 'date-format.md');
    assert.equal(d.code.target.toString(), page.toString());
    await vscode.workspace.fs.stat(page);
    // What a click on the link does: the page opens as text, and the extension shows it in the preview instead.
    await vscode.commands.executeCommand('vscode.open', d.code.target);
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const preview = await waitFor('the Markdown preview of the rule page', () =>
      tabs().find((t) => t.input instanceof vscode.TabInputWebview && t.label.includes('date-format')),
    );
    assert.match((preview.input as vscode.TabInputWebview).viewType, /markdown\.preview/);
    await waitFor('the page as text to close', () =>
      tabs().some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === page.toString())
        ? undefined
        : true,
    );
    await vscode.window.tabGroups.close(preview);
  });

  it('opens the sample feed as an untitled press release, leaving the shipped one alone', async () => {
    await vscode.commands.executeCommand('pressRelease.openSample');
    const sample = await waitFor('the sample', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d?.isUntitled && d.languageId === 'press-release' ? d : undefined;
    });
    assert.match(sample.getText(), /Source : https?:\/\//);
    await waitFor('diagnostics on the sample', () => (ours(sample.uri).length > 0 ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('creates the team .pressreleaserc.json, or opens the one that is there', async () => {
    const rc = workspaceFile('.pressreleaserc.json');
    try {
      await vscode.commands.executeCommand('pressRelease.createConfig');
      const shown = await waitFor('the config file', () =>
        vscode.window.activeTextEditor?.document.uri.toString() === rc.toString()
          ? vscode.window.activeTextEditor.document
          : undefined,
      );
      assert.equal(JSON.parse(shown.getText()).dateFormat, 'DD.MM.YYYY');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(rc).then(undefined, () => undefined);
    }
  });

  it('hovers a title, a date and a Source URL', async () => {
    const hover = (line: number, character: number) =>
      vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        new vscode.Position(line, character),
      );
    assert.match(hoverText(await hover(1, 3)), /Wednesday, 5 February 2025/);
    assert.match(hoverText(await hover(1, 28)), /ISO `2025-02-05`/);
    assert.match(hoverText(await hover(4, 20)), /News id: 930630/);
  });

  it('applies a quick fix, after which the finding is gone', async () => {
    // The diagnostics of the version before the last edit may still be on screen, and their fixes are then
    // withheld, so the test asks again until the fix of the current version is offered.
    let offered: string[] = [];
    const fix = await waitFor('the date-format quick fix', async () => {
      const d = ours(doc.uri).find((x) => codeOf(x) === 'date-format');
      if (!d) return undefined;
      const actions = await codeActionsAt(doc.uri, d.range);
      offered = actions.map((a) => a.title);
      return actions.find((a) => a.title === 'Rewrite as 07.02.2025');
    }).catch(() => undefined);
    assert.ok(fix?.edit, `quick fixes offered: ${offered.join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(5).text, 'Third release 07.02.2025');
    await waitFor('date-format to go away', () =>
      ours(doc.uri).some((x) => codeOf(x) === 'date-format') ? undefined : true,
    );
    await revert(doc, original);
  });

  it('fixes all safe problems with source.fixAll.pressRelease', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(0, 0, 0, 0),
      'source.fixAll.pressRelease',
    );
    assert.deepEqual(
      actions.map((a) => a.kind?.value),
      ['source.fixAll.pressRelease'],
    );
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    await waitFor('only unsafe findings to remain', () =>
      describeDiagnostics(ours(doc.uri)).join() === '8:3 inconsistent-name' ? true : undefined,
    );
    await revert(doc, original);
  });

  it('returns folding ranges and document links', async () => {
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      doc.uri,
    );
    assert.deepEqual(
      folds.map((f) => [f.start, f.end]),
      [
        [1, 4],
        [5, 7],
        [8, 10],
      ],
    );
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    assert.ok(
      links.some(
        (l) => l.target?.toString() === 'https://press.example.gov/memleket/entities/court/press/news/details/930630',
      ),
    );
  });

  it('renames a name across its variants and finds its references', async () => {
    const at = new vscode.Position(9, 33);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      doc.uri,
      at,
    );
    assert.deepEqual(
      refs.map((r) => r.range.start.line),
      [8, 9, 9],
    );
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      doc.uri,
      at,
      'Nurgaliyev',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.getText().match(/Nurgaliyev/g)?.length, 3);
    await waitFor('inconsistent-name to go away', () =>
      ours(doc.uri).some((x) => codeOf(x) === 'inconsistent-name') ? undefined : true,
    );
    await revert(doc, original);
  });

  it('marks people, places and organisations with their own semantic token types', async () => {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
      'vscode.provideDocumentSemanticTokensLegend',
      doc.uri,
    );
    assert.deepEqual(legend.tokenTypes, ['person', 'place', 'organization']);
  });

  it('offers the name quick fixes', async () => {
    const d = await waitFor('inconsistent-name', () => ours(doc.uri).find((x) => codeOf(x) === 'inconsistent-name'));
    const actions = await codeActionsAt(doc.uri, d.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Replace with "Nurgaliev"'), titles.join(', '));
    assert.ok(titles.includes('Add "Nurgaliyev" to names as the canonical spelling'), titles.join(', '));
    assert.ok(titles.includes('Ignore the name "Nurgaliyev" (ignoreNames in .pressreleaserc.json)'), titles.join(', '));
    const replace = actions.find((a) => a.title === 'Replace with "Nurgaliev"')!;
    assert.ok(await vscode.workspace.applyEdit(replace.edit!));
    await waitFor('inconsistent-name to go away', () =>
      ours(doc.uri).some((x) => codeOf(x) === 'inconsistent-name') ? undefined : true,
    );
    await revert(doc, original);
  });
});

describe('A standard release in VS Code', () => {
  let doc: vscode.TextDocument;
  let original: string;

  before(async () => {
    doc = await open('standard.release');
    original = doc.getText();
  });

  after(async () => {
    await revert(doc, original);
  });

  it('is detected as a standard release, and gets the standard release rules', async () => {
    const expected = ['2:39 headline-punctuation'];
    await waitFor(
      'diagnostics on standard.release',
      () => (describeDiagnostics(ours(doc.uri)).join() === expected.join() ? true : undefined),
      20_000,
    ).catch(() => undefined);
    assert.deepEqual(describeDiagnostics(ours(doc.uri)), expected);
  });

  it('outlines its parts', async () => {
    const symbols = await waitFor('document symbols', () =>
      vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
    );
    assert.deepEqual(
      symbols.map((s) => [s.name, vscode.SymbolKind[s.kind]]),
      [
        ['EMBARGOED UNTIL March 6, 2025, 9 a.m. EST', 'Key'],
        ['Kestrel Tools Opens a Workshop in Leeds.', 'Event'],
        ['LEEDS, England', 'Constant'],
        ['“Leeds has the machinists we need,…”', 'Field'],
        ['About Kestrel Tools', 'Class'],
        ['###', 'Null'],
        ['Media contact', 'Struct'],
      ],
    );
    assert.equal(symbols[3].detail, 'Ada Kestrel');
  });

  it('hovers the dateline and the contact', async () => {
    const hover = async (needle: string) => {
      const at = doc.positionAt(doc.getText().indexOf(needle) + 1);
      return hoverText(
        await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at),
      );
    };
    const dateline = await hover('LEEDS');
    assert.match(dateline, /Tuesday, 4 March 2025/);
    assert.match(dateline, /ISO `2025-03-04`/);
    assert.match(dateline, /Embargo: lifted/);
    const contact = await hover('Sam Lee');
    assert.match(contact, /Name: Sam Lee/);
    assert.match(contact, /Phone: `\+44 113 496 0000`/);
  });

  it('folds the boilerplate and the contact block', async () => {
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      doc.uri,
    );
    assert.deepEqual(
      folds.map((f) => [f.start, f.end]),
      [
        [8, 9],
        [13, 16],
      ],
    );
  });

  it('takes the period off the headline with Format Document', async () => {
    await open('standard.release');
    await vscode.commands.executeCommand('editor.action.formatDocument');
    await waitFor('the headline to lose its period', () =>
      doc.lineAt(2).text === 'Kestrel Tools Opens a Workshop in Leeds' ? true : undefined,
    );
    await waitFor('no problem to remain', () => (ours(doc.uri).length === 0 ? true : undefined));
    await revert(doc, original);
  });

  it('inserts a standard release template with New Release, which lints clean', async () => {
    const untitled = await vscode.workspace.openTextDocument({ language: 'press-release', content: '' });
    await vscode.window.showTextDocument(untitled);
    await vscode.commands.executeCommand('pressRelease.newRelease', 'wire');
    await waitFor('the template', () => (untitled.getText().startsWith('FOR IMMEDIATE RELEASE') ? true : undefined));
    assert.match(untitled.getText(), /\n###\n\nMedia contact:\n/);
    assert.match(untitled.getText(), /^CITY, [A-Z][a-z]+\.? \d{1,2}, \d{4} — /m);
    // A period typed after the headline is a finding to wait for: once it shows, the server has linted the
    // template, and it must be the only finding.
    const headline = untitled.lineAt(2);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(untitled.uri, headline.range.end, '.');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('headline-punctuation on the template', () =>
      ours(untitled.uri).some((d) => codeOf(d) === 'headline-punctuation') ? true : undefined,
    );
    assert.deepEqual(
      ours(untitled.uri).map((d) => codeOf(d)),
      ['headline-punctuation'],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

/** An item of the Releases view, as `pressRelease.releases.list` reads it from the view's provider. */
interface ListedItem {
  label: string;
  description: string;
  tooltip: string;
  icon: string;
  command: { command: string; arguments: unknown[] };
}

describe('The Releases view in VS Code', () => {
  const listed = () => vscode.commands.executeCommand<ListedItem[]>('pressRelease.releases.list');
  const fileOf = (item: ListedItem) => (item.command.arguments[0] as vscode.Uri).path.split('/').pop();
  /** The problems a row counts: the total in its description, which shows none when there are none. */
  const problemsOf = (item: ListedItem) => Number(/· (\d+) problems?$/.exec(item.description)?.[1] ?? 0);

  it('is contributed to the explorer, and shows when focused', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { views: { explorer: Array<{ id: string; name: string }> } };
    };
    assert.deepEqual(
      pkg.contributes.views.explorer.map((v) => [v.id, v.name]),
      [['pressRelease.releases', 'Releases']],
    );
    // VS Code makes a focus command for every contributed view; it fails for a view it does not know.
    await vscode.commands.executeCommand('pressRelease.releases.focus');
  });

  it("lists the workspace's releases newest first, with the problems the editor shows", async () => {
    const feed = await open('feed.release');
    const wanted = (items: ListedItem[]) =>
      items.filter((i) => ['feed.release', 'standard.release'].includes(fileOf(i)!));
    const items = await waitFor('every release of feed.release and standard.release, counted', async () => {
      const mine = wanted(await listed());
      return mine.length === 4 && mine.every((i) => !i.tooltip.includes('not counted')) ? mine : undefined;
    });
    assert.deepEqual(
      items.map((i) => [i.label, i.description.split(' · ')[0], fileOf(i)]),
      [
        ['Kestrel Tools Opens a Workshop in Leeds.', '2025-03-04', 'standard.release'],
        ['S. Nurgaliyev opened the pumping station', '2025-02-09', 'feed.release'],
        ['Third release', '2025-02-07', 'feed.release'],
        ['Court opens on Saturdays', '2025-02-05', 'feed.release'],
      ],
    );
    // The open feed's rows add up to its diagnostics in the editor, hints aside.
    await waitFor('the rows of feed.release to add up to its problems', async () => {
      const shown = ours(feed.uri).filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).length;
      const rows = wanted(await listed()).filter((i) => fileOf(i) === 'feed.release');
      return rows.reduce((n, i) => n + problemsOf(i), 0) === shown && shown > 0 ? true : undefined;
    });
  });

  it('opens a release at its title when its row is clicked', async () => {
    await open('feed.release');
    const item = (await listed()).find((i) => fileOf(i) === 'standard.release');
    assert.ok(item, 'standard.release is listed');
    assert.equal(item.command.command, 'vscode.open');
    await vscode.commands.executeCommand(item.command.command, ...item.command.arguments);
    const editor = await waitFor('standard.release in the active editor', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.path.endsWith('/standard.release') ? e : undefined;
    });
    const { selection } = item.command.arguments[1] as { selection: vscode.Range };
    assert.equal(editor.selection.start.line, selection.start.line);
    assert.equal(editor.document.getText(editor.selection), 'Kestrel Tools Opens a Workshop in Leeds.');
  });
});

describe('A rename across the release files of the workspace', () => {
  // desk/monday.release spells the minister Zhumagaliyev twice; desk/tuesday.release, which no test opens,
  // spells him Zhumagaliev once. No other file of the workspace names him.
  const OLD = /Zhumagaliy?ev/g;
  const NEW_NAME = 'Zhumagaly';
  const fileOf = (uri: vscode.Uri) => uri.path.split('/').slice(-2).join('/');
  /** Where each old spelling is in a text, as `file:line:character`. */
  const spellingsIn = (file: string, text: string) =>
    text.split('\n').flatMap((line, n) => [...line.matchAll(OLD)].map((m) => `${file}:${n}:${m.index}`));
  let monday: vscode.TextDocument;
  let mondayText: string;
  let tuesdayUri: vscode.Uri;
  let tuesdayText: string;
  /** The cursor on the first Zhumagaliyev of monday.release, as F2 would find it. */
  let at: vscode.Position;

  before(async () => {
    tuesdayUri = workspaceFile('desk/tuesday.release');
    tuesdayText = new TextDecoder().decode(await vscode.workspace.fs.readFile(tuesdayUri));
    monday = await open('desk/monday.release');
    mondayText = monday.getText();
    at = monday.positionAt(mondayText.indexOf('Zhumagaliyev') + 3);
    vscode.window.activeTextEditor!.selection = new vscode.Selection(at, at);
    // The closed file takes part only once the server's workspace index has read it.
    await waitFor('the workspace index to list tuesday.release', async () => {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
        'vscode.executeWorkspaceSymbolProvider',
        'School buses for the Turkistan region',
      );
      return found.some((s) => fileOf(s.location.uri) === 'desk/tuesday.release') ? true : undefined;
    });
  });

  after(async () => {
    // Both files as they were, so nothing the rename wrote stays dirty or reaches the disk of the run's copy.
    await revert(monday, mondayText);
    const tuesday = vscode.workspace.textDocuments.find((d) => d.uri.toString() === tuesdayUri.toString());
    if (tuesday) await revert(tuesday, tuesdayText);
  });

  it('finds the references of a name in a release file that is not open', async () => {
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === tuesdayUri.toString()),
      'tuesday.release is not open',
    );
    const refs = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      monday.uri,
      at,
    );
    assert.deepEqual(
      refs.map((r) => `${fileOf(r.uri)}:${r.range.start.line}:${r.range.start.character}`).sort(),
      [...spellingsIn('desk/monday.release', mondayText), ...spellingsIn('desk/tuesday.release', tuesdayText)].sort(),
    );
  });

  it('renames every spelling of a name in the open file and in a closed one', async () => {
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === tuesdayUri.toString()),
      'tuesday.release is not open',
    );
    // What F2 asks first: the range and the placeholder of the rename box.
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>(
      'vscode.prepareRename',
      monday.uri,
      at,
    );
    assert.equal(prepared.placeholder, 'Zhumagaliyev');
    // What Enter in the rename box asks, and the edit it applies.
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      monday.uri,
      at,
      NEW_NAME,
    );
    assert.deepEqual(
      edit
        .entries()
        .map(([uri, edits]) => `${fileOf(uri)} ×${edits.length}`)
        .sort(),
      ['desk/monday.release ×2', 'desk/tuesday.release ×1'],
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(monday.getText(), mondayText.replace(OLD, NEW_NAME));
    // VS Code opens the closed file in the background and leaves it dirty, unsaved.
    const tuesday = await waitFor('tuesday.release to be open in the background', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === tuesdayUri.toString()),
    );
    assert.equal(tuesday.getText(), tuesdayText.replace(OLD, NEW_NAME));
    assert.ok(tuesday.isDirty, 'tuesday.release is left unsaved');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(tuesdayUri)), tuesdayText);
  });
});

describe("inconsistent-name's workspace scope", () => {
  // desk/.pressreleaserc.json sets {"inconsistent-name": {"scope": "workspace"}}, so the one Zhumagaliev of
  // desk/tuesday.release is compared with the two Zhumagaliyev of desk/monday.release, which the index reads from disk.
  // It runs after the rename block, which must find tuesday.release not open; that block leaves both files as on disk.
  const fileOf = (uri: vscode.Uri) => uri.path.split('/').slice(-2).join('/');
  const MESSAGE = '"Zhumagaliev" is also spelled "Zhumagaliyev" (2× in 1 file)';

  it('reports a spelling that another release file writes otherwise, with a link into that file', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const tuesday = await open('desk/tuesday.release');
    const mondayText = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(workspaceFile('desk/monday.release')),
    );
    const d = await waitFor('inconsistent-name on tuesday.release', () =>
      ours(tuesday.uri).find((x) => codeOf(x) === 'inconsistent-name' && x.message === MESSAGE),
    ).catch(() => undefined);
    assert.ok(d, `diagnostics on tuesday.release: ${JSON.stringify(ours(tuesday.uri).map((x) => x.message))}`);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(tuesday.getText(d.range), 'Zhumagaliev');
    // The link points at the first Zhumagaliyev of monday.release.
    const line = mondayText.split('\n').findIndex((l) => l.includes('Zhumagaliyev'));
    const character = mondayText.split('\n')[line].indexOf('Zhumagaliyev');
    assert.deepEqual(
      (d.relatedInformation ?? []).map(
        (r) =>
          `${fileOf(r.location.uri)}:${r.location.range.start.line}:${r.location.range.start.character}-${r.location.range.end.character} ${r.message}`,
      ),
      [
        `desk/monday.release:${line}:${character}-${character + 'Zhumagaliyev'.length} Spelled "Zhumagaliyev" 2× in monday.release`,
      ],
    );
    const actions = await codeActionsAt(tuesday.uri, d.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Replace with "Zhumagaliyev"'), titles.join(', '));
  });
});
