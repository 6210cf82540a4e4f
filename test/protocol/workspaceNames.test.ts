/**
 * Names across the files of a workspace, over the protocol: `inconsistent-name` with the `workspace` scope, its
 * related places and its fix across files, and references, highlights and rename that reach files that are not
 * open.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CodeAction,
  Diagnostic,
  DocumentHighlight,
  Location,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { applyLspEdits, CAPABILITIES, session, type TestClient } from '../support/lspClient';

/** A client that shows progress, so that a test can wait for the end of the indexing. */
const PROGRESS = { ...CAPABILITIES, window: { workDoneProgress: true } };

const MONDAY = [
  'Minister opens the new school 03.03.2025',
  'Minister Serik Nurgaliyev opened the school on Monday. Nurgaliyev said it would serve two thousand pupils.',
  'Source : https://press.example.gov/news/101',
  '',
].join('\n');
const TUESDAY = [
  'Minister meets the teachers 04.03.2025',
  'On Tuesday Minister Serik Nurgaliev met teachers and spoke about the new school programme for the year.',
  'Source : https://press.example.gov/news/102',
  '',
].join('\n');
const WEDNESDAY = [
  'Roads repaired in the north 05.03.2025',
  'Nurgaliyev visited the road works in the north of the region and thanked the workers for their effort.',
  'Source : https://press.example.gov/news/103',
  '',
].join('\n');

const FILES: Record<string, string> = {
  'desk/monday.release': MONDAY,
  'desk/tuesday.release': TUESDAY,
  'desk/wednesday.release': WEDNESDAY,
};

/** A count once it has stayed the same for a second, so that a slow machine's late publishes are counted too. */
async function settled(count: () => number): Promise<number> {
  let last = count();
  for (let still = 0; still < 10;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = count();
    still = now === last ? still + 1 : 0;
    last = now;
  }
  return last;
}

describe('names across the workspace over the protocol', function () {
  this.timeout(30_000);
  let dir = '';
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const labelOf = (uri: string) => path.relative(dir, new URL(uri).pathname);

  function write(scope: string | undefined): void {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-names-'));
    for (const [name, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    if (scope) {
      const rc = { rules: { 'inconsistent-name': { scope } } };
      fs.writeFileSync(path.join(dir, '.pressreleaserc.json'), JSON.stringify(rc));
    }
  }
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /**
   * Opens Tuesday's file alone, once the index has read the others, and hands over its diagnostics. It is opened
   * only after the end of the indexing: opened before, its first finding may count the files read so far.
   */
  async function withTuesday(
    body: (client: TestClient, uri: string, ds: Diagnostic[]) => Promise<void>,
    capabilities: typeof CAPABILITIES = CAPABILITIES,
  ) {
    const withProgress = { ...capabilities, window: PROGRESS.window };
    await session({ rootDir: dir, capabilities: withProgress }, async (client) => {
      await client.initialize();
      await client.waitFor(() => client.progress.find((p) => p.kind === 'end'), 'the end of the indexing');
      const uri = uriOf('desk/tuesday.release');
      await client.open(uri, TUESDAY);
      const ds = await client.waitFor(() => {
        const now = client.current(uri);
        return now?.some((d) => d.code === 'inconsistent-name') ? now : undefined;
      }, 'a name finding from the files that are not open');
      await body(client, uri, ds);
    });
  }

  /** Opens Tuesday's and Monday's files, with `scope` in the config, once the index has read the folder. */
  async function withBothOpen(
    scope: string | undefined,
    body: (client: TestClient, uris: { monday: string; tuesday: string }) => Promise<void>,
  ) {
    write(scope);
    await session({ rootDir: dir, capabilities: PROGRESS }, async (client) => {
      await client.initialize();
      const uris = { monday: uriOf('desk/monday.release'), tuesday: uriOf('desk/tuesday.release') };
      await client.open(uris.tuesday, TUESDAY);
      await client.open(uris.monday, MONDAY);
      await client.waitFor(() => client.progress.find((p) => p.kind === 'end'), 'the end of the indexing');
      await body(client, uris);
    });
  }

  it('reports a spelling that other files write another way, naming them with their counts', async () => {
    write('workspace');
    await withTuesday(async (client, uri, ds) => {
      const names = ds.filter((d) => d.code === 'inconsistent-name');
      assert.equal(names.length, 1);
      const d = names[0];
      assert.equal(d.message, '"Nurgaliev" is also spelled "Nurgaliyev" (3× in 2 files)');
      assert.deepEqual(d.range.start, { line: 1, character: 26 });
      assert.deepEqual(
        d.relatedInformation?.map((r) => [labelOf(r.location.uri), r.location.range.start.line, r.message]),
        [
          ['desk/monday.release', 1, 'Spelled "Nurgaliyev" 2× in monday.release'],
          ['desk/wednesday.release', 1, 'Spelled "Nurgaliyev" 1× in wednesday.release'],
        ],
      );
      // The only finding's quick fixes: this occurrence; no file-wide fix for a single one; no workspace fix, as
      // "Nurgaliev" is written in this file alone.
      const titles = (await client.codeActionsFor(uri, d)).map((a: CodeAction) => a.title);
      assert.ok(titles.includes('Replace with "Nurgaliyev"'), titles.join(', '));
      assert.ok(!titles.some((t) => t.includes('in the workspace')), titles.join(', '));
    });
  });

  it('offers to replace a minority spelling in every file that writes it, as one edit of several files', async () => {
    write('workspace');
    const thursday = TUESDAY.replace('Tuesday', 'Thursday').replace('teachers 04', 'parents 06').replace('102', '104');
    fs.writeFileSync(path.join(dir, 'desk/thursday.release'), thursday);
    await withTuesday(async (client, uri, ds) => {
      const d = ds.find((x) => x.code === 'inconsistent-name')!;
      assert.equal(d.message, '"Nurgaliev" is also spelled "Nurgaliyev" (3× in 2 files)');
      const actions = await client.codeActionsFor(uri, d);
      const title = 'Replace all "Nurgaliev" with "Nurgaliyev" in the workspace';
      const everywhere = actions.find((a) => a.title === title);
      assert.ok(everywhere, actions.map((a) => a.title).join(', '));
      const changes = everywhere.edit!.changes!;
      assert.deepEqual(Object.keys(changes).map(labelOf), ['desk/tuesday.release', 'desk/thursday.release']);
      assert.equal(applyLspEdits(TUESDAY, changes[uri]), TUESDAY.replace('Nurgaliev', 'Nurgaliyev'));
      const other = changes[uriOf('desk/thursday.release')];
      assert.equal(applyLspEdits(thursday, other), thursday.replace('Nurgaliev', 'Nurgaliyev'));
    });
  });

  it('renames, finds references and highlights across files that are not open, with any scope', async () => {
    write(undefined);
    await session({ rootDir: dir, capabilities: PROGRESS }, async (client) => {
      await client.initialize();
      const uri = uriOf('desk/tuesday.release');
      await client.open(uri, TUESDAY);
      await client.waitFor(() => client.progress.find((p) => p.kind === 'end'), 'the end of the indexing');
      const at = { textDocument: { uri }, position: { line: 1, character: 30 } };
      const refs = await client.request<Location[]>('textDocument/references', {
        ...at,
        context: { includeDeclaration: true },
      });
      assert.deepEqual(
        refs.map((r) => `${labelOf(r.uri)}:${r.range.start.line}:${r.range.start.character}`),
        [
          'desk/tuesday.release:1:26',
          'desk/monday.release:1:15',
          'desk/monday.release:1:55',
          'desk/wednesday.release:1:0',
        ],
      );
      const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', at);
      assert.deepEqual(
        highlights.map((h) => h.range.start),
        [{ line: 1, character: 26 }],
      );
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at, newName: 'Nurgaly' });
      const changed = Object.fromEntries(
        Object.entries(edit.changes!).map(([u, edits]) => [labelOf(u), applyLspEdits(FILES[labelOf(u)], edits)]),
      );
      assert.deepEqual(Object.keys(changed).sort(), [
        'desk/monday.release',
        'desk/tuesday.release',
        'desk/wednesday.release',
      ]);
      for (const [name, text] of Object.entries(changed)) {
        assert.equal(text, FILES[name].replace(/Nurgaliy?ev/g, 'Nurgaly'), name);
      }
    });
  });

  it('renames in another open document as it is now, even right after an edit moved its names', async () => {
    await withBothOpen(undefined, async (client, { monday, tuesday }) => {
      // Three lines above Monday's names, and the rename asked for before the server validated the edit.
      const moved = `Extra line one\nExtra line two\nExtra line three\n${MONDAY}`;
      await client.replace(monday, moved);
      const at = { textDocument: { uri: tuesday }, position: { line: 1, character: 30 } };
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at, newName: 'Nurgaly' });
      assert.equal(applyLspEdits(moved, edit.changes![monday]), moved.replace(/Nurgaliyev/g, 'Nurgaly'));
    });
  });

  it('drops a fix across files when another file changed on disk since its diagnostic', async () => {
    write('workspace');
    const thursday = TUESDAY.replace('Tuesday', 'Thursday').replace('teachers 04', 'parents 06').replace('102', '104');
    fs.writeFileSync(path.join(dir, 'desk/thursday.release'), thursday);
    await withTuesday(async (client, uri, ds) => {
      const d = ds.find((x) => x.code === 'inconsistent-name')!;
      const title = 'Replace all "Nurgaliev" with "Nurgaliyev" in the workspace';
      assert.ok((await client.codeActionsFor(uri, d)).some((a) => a.title === title));
      // A release added above Thursday's moves its name two lines down; the old diagnostic's edit would land on text.
      const file = path.join(dir, 'desk/thursday.release');
      fs.writeFileSync(file, `${FILES['desk/wednesday.release'].replace('103', '105')}${thursday}`);
      const changes = [{ uri: uriOf('desk/thursday.release'), type: 2 }];
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      await client.waitFor(
        () => client.current(uri)?.find((x) => x.code === 'inconsistent-name' && x.message !== d.message),
        'the finding with the new count',
      );
      const stale = await client.codeActionsFor(uri, d);
      assert.ok(!stale.some((a) => a.title === title), stale.map((a) => a.title).join(', '));
      assert.ok(stale.some((a) => a.title === 'Replace with "Nurgaliyev"'));
    });
  });

  it('offers the fixes of a finding across files to a client that cannot send diagnostic data back', async () => {
    write('workspace');
    const capabilities = {
      ...CAPABILITIES,
      textDocument: { ...CAPABILITIES.textDocument, publishDiagnostics: { relatedInformation: true } },
    };
    await withTuesday(async (client, uri, ds) => {
      const d = ds.find((x) => x.code === 'inconsistent-name')!;
      assert.equal(d.data, undefined);
      const titles = (await client.codeActionsFor(uri, d)).map((a) => a.title);
      assert.ok(titles.includes('Replace with "Nurgaliyev"'), titles.join(', '));
    }, capabilities);
  });

  for (const scope of [undefined, 'workspace']) {
    it(`republishes another open document after an edit that moves names ${scope ? 'when' : 'only when'} its config compares names across files (${scope ?? 'default'} scope)`, async () => {
      await withBothOpen(scope, async (client, { monday, tuesday }) => {
        await client.diagnosticsFor(monday, await client.replace(monday, MONDAY));
        const publishesOfTuesday = () => client.publishes.filter((p) => p.params.uri === tuesday).length;
        const before = await settled(publishesOfTuesday);
        // Words before Monday's names move them along their line, and change no title, date or Source.
        const moved = MONDAY.replace('Minister Serik', 'Yesterday the Minister Serik');
        await client.diagnosticsFor(monday, await client.replace(monday, moved));
        const after = await settled(publishesOfTuesday);
        assert.equal(
          after > before,
          scope === 'workspace',
          `${before} publishes of Tuesday's file before, ${after} after`,
        );
      });
    });
  }
});
