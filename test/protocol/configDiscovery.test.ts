/**
 * CI and the editor agree: the CLI, run as a process, and the server, over stdio, find the same
 * `.pressreleaserc.json` for each file of a tree (the nearest one walking up, stopping at the repository
 * root) and so report the same findings. The workspace folder given to the server plays no part.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { freshDirectory, runCli } from '../support/cliProcess';
import { session } from '../support/lspClient';
import { writeRepository, writeTree as writeFiles } from '../support/workspaceFixtures';

/** One feed with a little of everything that the configs below change: date formats, spacing, titles, Sources. */
const FEED = [
  'Court opens on Saturdays. 05.02.2025',
  'The district court opens a reception for citizens on Saturdays.It means that people who work during the week ' +
    'will not need a day off to file their documents, the court said on Monday.',
  'Source : https://press.example.gov/court/1',
  'Second release 2025-02-07',
  'The district court publishes the schedule of hearings for the coming month, and lawyers can book their slots ' +
    'online instead of calling the court office during the busy morning hours.',
].join('\n');

/** Files of the tree, relative to the repository, and the config each must get. */
const FILES = ['top.release', 'feeds/a.release', 'feeds/x/b.release', 'feeds/x/deeper/c.release'];

function writeTree(outer: string): string {
  const repo = path.join(outer, 'repo');
  // Above the repository root: it must never apply.
  writeFiles(outer, { '.pressreleaserc.json': JSON.stringify({ rules: { 'missing-source': 'off' } }) });
  writeRepository(repo, {
    'feeds/.pressreleaserc.json': JSON.stringify({
      dateFormat: 'YYYY-MM-DD',
      rules: { 'sentence-spacing': 'off' },
    }),
    'feeds/x/deeper/.pressreleaserc.json': JSON.stringify({
      rules: { 'title-punctuation': 'error', 'short-body': { severity: 'hint', minWords: 40 } },
    }),
    ...Object.fromEntries(FILES.map((file) => [file, FEED])),
  });
  return repo;
}

/**
 * Whether a finding compares the file with another one. Every file of the tree holds the same feed, so the
 * workspace index finds duplicates across them; this suite is about which config applies, and leaves them out on
 * both sides, whichever side reports them.
 */
const acrossFiles = (d: Diagnostic) => typeof d.message === 'string' && / in \S+\.release\b/.test(d.message);

/** What both sides must agree on: rule, severity and range of each finding, in a stable order. */
function summary(ds: Diagnostic[]): string[] {
  return ds
    .filter((d) => !acrossFiles(d))
    .map(
      (d) =>
        `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
    )
    .sort();
}

describe('config discovery, the CLI and the server', function () {
  this.timeout(30_000);
  let outer: string;
  let repo: string;
  beforeEach(() => {
    outer = freshDirectory('prl-discovery-');
    repo = writeTree(outer);
  });
  afterEach(() => fs.rmSync(outer, { recursive: true, force: true }));

  it('report identical findings for every file of a tree with configs at two levels', async () => {
    const cli = runCli(['--format', 'json', ...FILES], { cwd: repo });
    assert.equal(cli.stderr, '');
    const report = JSON.parse(cli.stdout.toString()) as Array<{ file: string; diagnostics: Diagnostic[] }>;
    const fromCli = new Map(report.map((r) => [r.file, summary(r.diagnostics)]));

    const fromServer = new Map<string, string[]>();
    await session({ rootDir: path.join(repo, 'feeds') }, async (client) => {
      await client.initialize();
      for (const file of FILES) {
        const uri = pathToFileURL(path.join(repo, file)).href;
        await client.open(uri, FEED);
        fromServer.set(file, summary(await client.diagnosticsFor(uri)));
      }
    });

    assert.deepEqual(fromServer, fromCli);
    const codes = (file: string) => fromCli.get(file)!.map((s) => s.split(' ').slice(0, 2).join(' '));
    // No config: the defaults, and not the config above the repository.
    assert.deepEqual(codes('top.release'), [
      'date-format 2',
      'missing-source 1',
      'sentence-spacing 3',
      'title-punctuation 2',
    ]);
    // The feeds config, in its folder and below it.
    assert.deepEqual(codes('feeds/a.release'), ['date-format 2', 'missing-source 1', 'title-punctuation 2']);
    assert.deepEqual(codes('feeds/x/b.release'), codes('feeds/a.release'));
    // The nearest config replaces the one above it; it does not add to it.
    assert.deepEqual(codes('feeds/x/deeper/c.release'), [
      'date-format 2',
      'missing-source 1',
      'sentence-spacing 3',
      'short-body 4',
      'short-body 4',
      'title-punctuation 1',
    ]);
  });

  it('--config overrides discovery for every file', () => {
    fs.writeFileSync(path.join(repo, 'team.json'), JSON.stringify({ rules: { 'missing-source': 'off' } }));
    const cli = runCli(['--format', 'json', '--config', 'team.json', ...FILES], { cwd: repo });
    const report = JSON.parse(cli.stdout.toString()) as Array<{ file: string; diagnostics: Diagnostic[] }>;
    for (const r of report) {
      assert.deepEqual(
        [...new Set(r.diagnostics.filter((d) => !acrossFiles(d)).map((d) => d.code))].sort(),
        ['date-format', 'sentence-spacing', 'title-punctuation'],
        r.file,
      );
    }
  });

  it('reports the errors of every config file a run needs, one line each, and lints nothing', () => {
    fs.writeFileSync(path.join(repo, 'feeds', '.pressreleaserc.json'), '{ "dateFormat": "YYYY" }');
    fs.writeFileSync(path.join(repo, 'feeds', 'x', 'deeper', '.pressreleaserc.json'), '{ broken');
    const cli = runCli(FILES, { cwd: repo });
    assert.equal(cli.code, 2);
    assert.equal(cli.stdout.toString(), '');
    const lines = cli.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, cli.stderr);
    assert.match(lines[0], /^press-release-lint: feeds\/\.pressreleaserc\.json: dateFormat/);
    assert.match(lines[1], /^press-release-lint: feeds\/x\/deeper\/\.pressreleaserc\.json: invalid JSON/);
  });
});
