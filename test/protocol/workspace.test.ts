/**
 * The workspace index over the protocol: a folder of several release files, of which the tests open one, and the
 * cross-file findings, progress and workspace symbols that the files that are not open bring.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, Diagnostic, SymbolInformation } from 'vscode-languageserver-protocol';
import { CAPABILITIES, session, type TestClient } from '../support/lspClient';
import { feed, writeRepository } from '../support/workspaceFixtures';

const SHARED_SOURCE = 'https://press.example.gov/news/shared';
const SHARED_TITLE = 'Bridge reopens after repairs 09.02.2025';

/** The desk's files: the one the tests open, and the others, which stay closed. */
const FILES: Record<string, string> = {
  'desk/open.release': feed(
    [SHARED_TITLE, 'https://press.example.gov/news/1'],
    ['Schools open a new term 10.02.2025', SHARED_SOURCE],
  ),
  'desk/other.release': feed(['Library extends its hours 11.02.2025', SHARED_SOURCE]),
  'archive/standard.release': [
    'FOR IMMEDIATE RELEASE',
    '',
    'Bridge reopens after repairs',
    '',
    'ZORIANSK, Feb. 9, 2025 — The district administration reported that the bridge reopened on time.',
    '',
    '###',
    '',
  ].join('\n'),
  'lonely.release': feed(['Park gets new benches 12.02.2025', 'https://press.example.gov/news/4']),
  // Neither of these counts: one is ignored by git, the other is someone else's package.
  'build/copy.release': feed(['Copied release 13.02.2025', 'https://press.example.gov/news/1']),
  'node_modules/pkg/vendored.release': feed(['Vendored release 14.02.2025', 'https://press.example.gov/news/1']),
  '.gitignore': 'build/\n',
};

const CAPS: ClientCapabilities = { ...CAPABILITIES, window: { workDoneProgress: true } };
/** A client that lets the server register the files it wants watched, as VS Code does. */
const WATCHING: ClientCapabilities = {
  ...CAPS,
  workspace: { ...CAPS.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
};

describe('workspace index over the protocol', function () {
  this.timeout(30_000);
  let dir = '';
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-ws-'));
    // A repository root, so that the `.gitignore` applies as git would apply it.
    writeRepository(dir, FILES);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const crossFile = (ds: Diagnostic[]) =>
    ds
      .filter((d) => typeof d.message === 'string' && d.message.includes(' in '))
      .filter((d) => d.code === 'duplicate-source' || d.code === 'duplicate-title');

  const described = (ds: Diagnostic[]) =>
    crossFile(ds).map((d) => ({
      code: d.code,
      line: d.range.start.line,
      related: d.relatedInformation?.map(
        (r) => `${path.relative(dir, new URL(r.location.uri).pathname)}:${r.location.range.start.line}`,
      ),
    }));

  /** Waits until the open file's cross-file diagnostics pass `done`. */
  const waitCross = (client: TestClient, uri: string, done: (ds: Diagnostic[]) => boolean, what: string) =>
    client.waitFor(() => {
      const ds = client.current(uri);
      return ds && done(ds) ? ds : undefined;
    }, what);

  async function withOpenFile(body: (client: TestClient, uri: string) => Promise<void>): Promise<void> {
    await session({ rootDir: dir, capabilities: CAPS }, async (client) => {
      await client.initialize();
      const uri = uriOf('desk/open.release');
      await client.open(uri, FILES['desk/open.release']);
      await body(client, uri);
    });
  }

  it('reports duplicates in files that are not open, pointing at them, and shows its progress', () =>
    withOpenFile(async (client, uri) => {
      await client.waitFor(() => client.progress.find((p) => p.kind === 'end'), 'the end of the progress');
      // A version made after the scan ended is checked against every file the scan took in, and only those.
      const version = await client.replace(uri, FILES['desk/open.release']);
      const ds = await client.diagnosticsFor(uri, version);
      assert.deepEqual(described(ds), [
        { code: 'duplicate-title', line: 0, related: ['archive/standard.release:2'] },
        { code: 'duplicate-source', line: 5, related: ['desk/other.release:2'] },
      ]);
      assert.ok(!JSON.stringify(ds).includes('copy.release'), 'a file that git ignores counts');
      assert.ok(!JSON.stringify(ds).includes('vendored.release'), 'a file under node_modules counts');
      // The first report may not come before the end on a fast machine; the start always tells the count.
      assert.deepEqual(client.progress[0], {
        kind: 'begin',
        title: 'Indexing press releases',
        percentage: 0,
        message: '0 of 4 files',
      });
      for (const p of client.progress.filter((x) => x.kind === 'report'))
        assert.match(p.message ?? '', /^\d+ of 4 files$/);
    }));

  it('finds the releases of files that are not open with workspace symbols', () =>
    withOpenFile(async (client) => {
      await client.waitFor(() => client.progress.find((p) => p.kind === 'end'), 'the end of the progress');
      const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'benches' });
      assert.deepEqual(
        found.map((s) => [s.name, s.location.uri, s.location.range.start.line, s.containerName]),
        [['Park gets new benches', uriOf('lonely.release'), 0, 'lonely.release']],
      );
      const all = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
      assert.deepEqual(all.map((s) => s.name).sort(), [
        'Bridge reopens after repairs',
        'Bridge reopens after repairs',
        'Library extends its hours',
        'Park gets new benches',
        'Schools open a new term',
      ]);
    }));

  it('clears a finding when the other file changes on disk or is deleted', () =>
    withOpenFile(async (client, uri) => {
      await waitCross(client, uri, (d) => crossFile(d).length === 2, 'two cross-file findings');
      fs.writeFileSync(
        path.join(dir, 'desk/other.release'),
        feed(['Library extends its hours 11.02.2025', 'https://press.example.gov/news/9']),
      );
      const changes = [{ uri: uriOf('desk/other.release'), type: 2 }];
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      let ds = await waitCross(client, uri, (d) => crossFile(d).length === 1, 'the Source duplicate gone');
      assert.deepEqual(
        described(ds).map((d) => d.code),
        ['duplicate-title'],
      );
      fs.rmSync(path.join(dir, 'archive/standard.release'));
      const deleted = [{ uri: uriOf('archive/standard.release'), type: 3 }];
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: deleted });
      ds = await waitCross(client, uri, (d) => crossFile(d).length === 0, 'no cross-file finding');
      assert.deepEqual(described(ds), []);
    }));

  it("takes the open document's live text over its file, and finds a duplicate typed into it", () =>
    withOpenFile(async (client, uri) => {
      await waitCross(client, uri, (d) => crossFile(d).length === 2, 'two cross-file findings');
      // The live text drops both duplicates and copies the lonely file's Source; the disk still has the old text.
      await client.replace(uri, feed(['Ferry timetable changes 15.02.2025', 'https://press.example.gov/news/4']));
      const ds = await waitCross(
        client,
        uri,
        (d) => crossFile(d).length === 1 && crossFile(d)[0].code === 'duplicate-source',
        'the typed duplicate',
      );
      assert.deepEqual(described(ds), [{ code: 'duplicate-source', line: 2, related: ['lonely.release:2'] }]);
      const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'schools' });
      assert.deepEqual(found, [], 'the disk text of an open document was searched');
    }));

  it('gives both documents a duplicate when one burst of edits (Replace in Files) gives them the same title', () =>
    session({ rootDir: dir, capabilities: CAPS }, async (client) => {
      await client.initialize();
      await client.waitFor(() => client.progress.find((p) => p.kind === 'end'), 'the end of the progress');
      const [a, b] = [uriOf('desk/a.release'), uriOf('desk/b.release')];
      await client.open(a, feed(['Harbour gets a crane 20.02.2025', 'https://press.example.gov/news/a']));
      await client.open(b, feed(['Harbour gets a ferry 20.02.2025', 'https://press.example.gov/news/b']));
      await client.diagnosticsFor(a, 1);
      await client.diagnosticsFor(b, 1);
      // Both edits arrive within one debounce, as a Replace in Files sends them.
      const [va, vb] = [
        await client.replace(a, feed(['Harbour gets a tug 20.02.2025', 'https://press.example.gov/news/a'])),
        await client.replace(b, feed(['Harbour gets a tug 20.02.2025', 'https://press.example.gov/news/b'])),
      ];
      await client.diagnosticsFor(a, va);
      await client.diagnosticsFor(b, vb);
      const titled = (d: Diagnostic[]) => crossFile(d).some((x) => x.code === 'duplicate-title');
      await waitCross(client, b, titled, 'the duplicate title in b');
      await waitCross(client, a, titled, 'the duplicate title in a');
    }));

  it('takes in neither a diff view of a file nor a file git ignores, but takes untitled documents while open', () =>
    session({ rootDir: dir, capabilities: CAPS }, async (client) => {
      await client.initialize();
      await client.waitFor(() => client.progress.find((p) => p.kind === 'end'), 'the end of the progress');
      const uri = uriOf('desk/open.release');
      // What VS Code's SCM diff view opens: the same file at HEAD, under the `git:` scheme.
      const diffView = `git:${new URL(uri).pathname}?${encodeURIComponent(JSON.stringify({ ref: 'HEAD' }))}`;
      const ignored = uriOf('build/copy.release');
      await client.open(diffView, FILES['desk/open.release']);
      await client.open(ignored, FILES['build/copy.release']);
      await client.diagnosticsFor(diffView, 1);
      await client.diagnosticsFor(ignored, 1);
      // Both were validated, and would have joined the index, before the file opens.
      await client.open(uri, FILES['desk/open.release']);
      const ds = await client.diagnosticsFor(uri, 1);
      assert.deepEqual(described(ds), [
        { code: 'duplicate-title', line: 0, related: ['archive/standard.release:2'] },
        { code: 'duplicate-source', line: 5, related: ['desk/other.release:2'] },
      ]);
      const untitled = 'untitled:Untitled-1';
      await client.open(untitled, feed(['Park gets new benches 12.02.2025', 'https://press.example.gov/news/8']));
      const own = await client.diagnosticsFor(untitled, 1);
      assert.deepEqual(
        crossFile(own).map((d) => d.code),
        ['duplicate-title'],
      );
    }));

  it('takes no open document in when the index is turned off', () =>
    session({ rootDir: dir, capabilities: CAPS, settings: () => ({ index: { enabled: false } }) }, async (client) => {
      await client.initialize();
      const [a, b] = [uriOf('desk/a.release'), uriOf('desk/b.release')];
      await client.open(a, feed([SHARED_TITLE, 'https://press.example.gov/news/a']));
      await client.diagnosticsFor(a, 1);
      await client.open(b, feed([SHARED_TITLE, 'https://press.example.gov/news/b']));
      assert.deepEqual(crossFile(await client.diagnosticsFor(b, 1)), []);
    }));

  it('indexes without progress when the client never answers the request to create it', () =>
    session({ rootDir: dir, capabilities: CAPS, progressCreation: 'never' }, async (client) => {
      await client.initialize();
      const uri = uriOf('desk/open.release');
      await client.open(uri, FILES['desk/open.release']);
      await waitCross(client, uri, (d) => crossFile(d).length === 2, 'two cross-file findings');
      assert.deepEqual(client.progress, []);
    }));

  it('drops the files of a folder that was deleted, which the client reports alone', () =>
    withOpenFile(async (client, uri) => {
      await waitCross(client, uri, (d) => crossFile(d).length === 2, 'two cross-file findings');
      fs.rmSync(path.join(dir, 'archive'), { recursive: true });
      const changes = [{ uri: uriOf('archive'), type: 3 }];
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      const ds = await waitCross(client, uri, (d) => crossFile(d).length === 1, 'the title duplicate gone');
      assert.deepEqual(
        described(ds).map((d) => d.code),
        ['duplicate-source'],
      );
    }));

  it('scans again when a .gitignore changes, and watches .gitignore files and the files section for it', () =>
    session({ rootDir: dir, capabilities: WATCHING }, async (client) => {
      await client.initialize();
      const uri = uriOf('desk/open.release');
      await client.open(uri, FILES['desk/open.release']);
      await waitCross(client, uri, (d) => crossFile(d).length === 2, 'two cross-file findings');
      fs.writeFileSync(path.join(dir, '.gitignore'), 'build/\narchive/\n');
      const changes = [{ uri: uriOf('.gitignore'), type: 2 }];
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      await waitCross(client, uri, (d) => crossFile(d).length === 1, 'the ignored file gone');
      const registered = (method: string) => client.registrations.filter((r) => r.method === method);
      const watchers = () =>
        registered('workspace/didChangeWatchedFiles').flatMap(
          (r) => (r.registerOptions as { watchers: Array<{ globPattern: string }> }).watchers,
        );
      await client.waitFor(() => watchers().find((w) => w.globPattern === '**/.gitignore'), 'the .gitignore watch');
      const sections = registered('workspace/didChangeConfiguration').map(
        (r) => (r.registerOptions as { section: unknown }).section,
      );
      assert.deepEqual(sections, [['pressRelease', 'files']]);
    }));
});
