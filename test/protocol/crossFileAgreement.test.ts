/**
 * The CLI agrees with the editor across files: on one fixture workspace, the CLI run over the folder and the
 * server, which indexes the folder and has each file open in turn, report the same findings for every file,
 * cross-file ones included, whatever the configs of its subfolders say.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, Diagnostic } from 'vscode-languageserver-protocol';
import { freshDirectory, runCli } from '../support/cliProcess';
import { CAPABILITIES, session } from '../support/lspClient';
import { feedOf, LONG_BODY, writeRepository } from '../support/workspaceFixtures';

const feed = feedOf(LONG_BODY);

const SHARED = 'https://press.example.gov/news/shared';

/** A desk of feeds and a standard release, sharing Sources and titles; two subfolders have configs of their own. */
const FILES: Record<string, string> = {
  'june.release': feed(
    ['Bridge reopens after repairs 09.05.2025', SHARED],
    ['Schools open 10.05.2025', 'https://a.example/2'],
  ),
  'strict/july.release': feed(['Library extends its hours 11.05.2025', SHARED]),
  'strict/.pressreleaserc.json': JSON.stringify({ rules: { 'duplicate-source': 'error' } }),
  'quiet/august.release': feed(['Bridge reopens after repairs 09.05.2025', 'https://a.example/3']),
  'quiet/.pressreleaserc.json': JSON.stringify({ rules: { 'duplicate-title': 'off' } }),
  'standard/bridge.release': [
    'FOR IMMEDIATE RELEASE',
    '',
    'Bridge reopens after repairs',
    '',
    'ZORIANSK, May 9, 2025 — The district administration reported that the bridge reopened on time.',
    '',
    'About the Zoriansk District Administration',
    'The district administration runs the roads, bridges and schools of the Zoriansk district.',
    '',
    '###',
    '',
    'Media contact:',
    'press@zoriansk.example',
    '',
  ].join('\n'),
  'lonely.release': feed(['Park gets new benches 12.05.2025', 'https://a.example/4']),
  // A desk that compares names across the workspace: each file writes the minister one way.
  'names/.pressreleaserc.json': JSON.stringify({ rules: { 'inconsistent-name': { scope: 'workspace' } } }),
  'names/monday.release':
    'Minister opens the new school 03.03.2025\n' +
    'Minister Serik Nurgaliyev opened the school on Monday. Nurgaliyev said it would serve two thousand pupils ' +
    'from the villages of the district from the first of September.\n' +
    'Source : https://press.example.gov/news/101\n',
  'names/tuesday.release':
    'Minister meets the teachers 04.03.2025\n' +
    'On Tuesday Minister Serik Nurgaliev met teachers and spoke about the new school programme ' +
    'for the year and the salaries of young teachers in the region.\n' +
    'Source : https://press.example.gov/news/102\n',
};

const RELEASE_FILES = Object.keys(FILES)
  .filter((f) => f.endsWith('.release'))
  .sort();

/** What both sides must agree on: rule, severity, range and message of each finding, in a stable order. */
function described(ds: Diagnostic[]): string[] {
  return ds
    .map((d) => {
      const { start, end } = d.range;
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      return `${d.code} ${d.severity} ${start.line}:${start.character}-${end.line}:${end.character} ${message}`;
    })
    .sort();
}

describe('cross-file checks in the CLI and the server', function () {
  this.timeout(60_000);
  let repo = '';
  beforeEach(() => {
    repo = freshDirectory('prl-agree-');
    writeRepository(repo, FILES);
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('report identical findings for every file of a workspace, cross-file ones included', async () => {
    const cli = runCli(['--format', 'json', '.'], { cwd: repo });
    assert.equal(cli.stderr, '');
    const report = JSON.parse(cli.stdout.toString()) as Array<{ file: string; diagnostics: Diagnostic[] }>;
    const fromCli = new Map(report.map((r) => [r.file.split(path.sep).join('/'), described(r.diagnostics)]));
    assert.deepEqual([...fromCli.keys()].sort(), RELEASE_FILES);

    const fromServer = new Map<string, string[]>();
    const capabilities: ClientCapabilities = { ...CAPABILITIES, window: { workDoneProgress: true } };
    await session({ rootDir: repo, capabilities }, async (client) => {
      await client.initialize();
      await client.waitFor(() => client.progress.find((p) => p.kind === 'end'), 'the end of the indexing');
      for (const file of RELEASE_FILES) {
        const uri = pathToFileURL(path.join(repo, file)).href;
        await client.open(uri, FILES[file]);
        fromServer.set(file, described(await client.diagnosticsFor(uri)));
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }
    });

    assert.deepEqual(new Map([...fromServer].sort()), new Map([...fromCli].sort()));
    const codes = (file: string) => fromCli.get(file)!.map((d) => d.split(' ').slice(0, 2).join(' '));
    // The subfolders' configs apply on both sides: a stricter Source duplicate, and no title duplicate.
    assert.deepEqual(codes('strict/july.release'), ['duplicate-source 1']);
    assert.deepEqual(codes('quiet/august.release'), []);
    assert.deepEqual(codes('june.release'), ['duplicate-source 2', 'duplicate-title 2']);
    assert.deepEqual(codes('standard/bridge.release'), ['duplicate-title 2']);
    assert.deepEqual(codes('lonely.release'), []);
    // The names desk's config compares its spellings with every file's: the minority spelling is in Tuesday's file.
    assert.deepEqual(codes('names/tuesday.release'), ['inconsistent-name 2']);
    assert.deepEqual(codes('names/monday.release'), []);
  });
});
