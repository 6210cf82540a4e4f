/**
 * The CLI's cross-file checks (issue 13), run as a real process on a small desk of feeds and standard releases
 * written to a temporary folder: which duplicates each file reports in every format, that they equal what the
 * core's cross-file checks give the editor for the same files and configs, and that shards, workers, `--fix` and
 * standard input leave them as they should be.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import {
  byPosition,
  crossFileFindings,
  LineIndex,
  lint,
  readConfigText,
  resolveConfig,
  summarizeText,
  WorkspaceSummaries,
  type Config,
  type Finding,
} from '../../server/src/core/index';
import { assertNoStackTrace, freshDirectoryPerTest, runCli, writeFeed, type CliResult } from '../support/cliProcess';
import { feedOf, LONG_BODY, writeTree } from '../support/workspaceFixtures';

const feed = feedOf(LONG_BODY);

const NEWS = 'https://press.example.gov/news/';

/**
 * The desk: `a` and `b` share a title and a Source; `strict/c` repeats a's first Source under a config that makes
 * duplicate-source an error; `quiet/d` repeats a's second title under a config that turns duplicate-title off;
 * the standard release `e` repeats the bridge story of `a` and `b` by its dateline; `lonely` repeats nothing.
 */
const DESK: Record<string, string> = {
  'feeds/a.release': feed(
    ['Bridge reopens after repairs 09.02.2025', `${NEWS}1`],
    ['Schools open 10.02.2025', `${NEWS}2`],
  ),
  'feeds/b.release': feed(
    ['Library extends its hours 11.02.2025', `${NEWS}2`],
    ['Bridge reopens after repairs 09.02.2025', `${NEWS}3`],
  ),
  'feeds/lonely.release': feed(['Park gets new benches 12.02.2025', `${NEWS}4`]),
  'strict/.pressreleaserc.json': JSON.stringify({ rules: { 'duplicate-source': 'error' } }),
  'strict/c.release': feed(['Water mains replaced 13.02.2025', `${NEWS}1`]),
  'quiet/.pressreleaserc.json': JSON.stringify({ rules: { 'duplicate-title': 'off' } }),
  'quiet/d.release': feed(['Schools open 10.02.2025', `${NEWS}5`]),
  'wire/e.release': [
    'FOR IMMEDIATE RELEASE',
    '',
    'Bridge reopens after repairs',
    '',
    `ZORIANSK, Feb. 9, 2025 — ${LONG_BODY}`,
    '',
    '###',
    '',
  ].join('\n'),
};

const FEEDS = Object.keys(DESK).filter((name) => name.endsWith('.release'));

/** What each file must report across files: rule, severity, the line and column, and the files it points at. */
const EXPECTED: Record<string, string[]> = {
  'feeds/a.release': [
    'duplicate-title warning 1:1 feeds/b.release wire/e.release',
    'duplicate-source warning 3:10 strict/c.release',
    'duplicate-title warning 4:1 quiet/d.release',
    'duplicate-source warning 6:10 feeds/b.release',
  ],
  'feeds/b.release': [
    'duplicate-source warning 3:10 feeds/a.release',
    'duplicate-title warning 4:1 feeds/a.release wire/e.release',
  ],
  'feeds/lonely.release': [],
  'quiet/d.release': [],
  'strict/c.release': ['duplicate-source error 3:10 feeds/a.release'],
  'wire/e.release': ['duplicate-title warning 3:1 feeds/a.release feeds/b.release'],
};

const CROSS_FILE_RULES = new Set(['duplicate-title', 'duplicate-source']);

interface JsonDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  message: string;
}

type JsonReport = Array<{ file: string; diagnostics: JsonDiagnostic[] }>;

const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'];

/** The config the editor and the CLI give a file of the desk: its folder's `.pressreleaserc.json`, if any. */
function configOf(file: string): Config {
  const rc = path.join(path.dirname(file), '.pressreleaserc.json');
  return DESK[rc] === undefined ? resolveConfig() : resolveConfig(readConfigText(DESK[rc], rc).layer);
}

/**
 * What the editor shows for a file of the desk, as plain rows: its own findings and those of the core's cross-file
 * checks over the summaries of every file, in the order of `byPosition`.
 */
function editorRows(file: string): string[] {
  const workspace = new WorkspaceSummaries();
  for (const name of FEEDS) workspace.set(name, summarizeText(DESK[name], configOf(name)));
  const options = { config: configOf(file), today: { year: 2025, month: 6, day: 1 } };
  const own = lint(DESK[file], options).findings;
  const all: Finding[] = [...own, ...crossFileFindings(file, workspace, options.config)].sort(byPosition);
  const lines = new LineIndex(DESK[file]);
  return all.map((f) => {
    const start = lines.positionAt(f.span.start);
    return `${f.ruleId} ${f.severity} ${start.line}:${start.character} ${f.message}`;
  });
}

function jsonRows(diagnostics: readonly JsonDiagnostic[]): string[] {
  return diagnostics.map(
    (d) => `${d.code} ${SEVERITY_NAMES[d.severity]} ${d.range.start.line}:${d.range.start.character} ${d.message}`,
  );
}

function sarifValidator() {
  const schemaFile = require.resolve(`@microsoft/sarif-multitool-${process.platform}/sarif-2.1.0.json`);
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
}

describe('CLI cross-file checks', function () {
  this.timeout(60_000);
  const dir = freshDirectoryPerTest('prl-cross-');

  beforeEach(() => {
    writeTree(dir(), DESK);
  });

  function cli(args: string[], input?: string): CliResult {
    const r = runCli(args, { cwd: dir(), ...(input === undefined ? {} : { input }) });
    assertNoStackTrace(r.stdout, r.stderr);
    return r;
  }

  function json(args: string[], input?: string): JsonReport {
    const r = cli(['--format', 'json', ...args], input);
    assert.equal(r.stderr, '');
    return JSON.parse(r.stdout.toString('utf8')) as JsonReport;
  }

  /** Each file's cross-file rows from a SARIF log: rule, severity, line:column and the files it relates to. */
  function sarifCrossRows(log: Sarif.Log): Record<string, string[]> {
    const rows: Record<string, string[]> = {};
    for (const r of log.runs[0].results!) {
      const loc = r.locations![0].physicalLocation!;
      const file = loc.artifactLocation!.uri!;
      rows[file] ??= [];
      if (!CROSS_FILE_RULES.has(r.ruleId!) || !r.relatedLocations) continue;
      const level = r.level === 'error' ? 'error' : 'warning';
      const others = r.relatedLocations.map((l) => l.physicalLocation!.artifactLocation!.uri);
      rows[file].push(`${r.ruleId} ${level} ${loc.region!.startLine}:${loc.region!.startColumn} ${others.join(' ')}`);
    }
    return rows;
  }

  it('reports in each file the duplicates of the other files, with the severity of its own config', () => {
    const r = cli(['--format', 'sarif', 'feeds', 'strict', 'quiet', 'wire']);
    assert.equal(r.code, 1, 'the strict config makes a duplicate Source an error');
    const log = JSON.parse(r.stdout.toString('utf8')) as Sarif.Log;
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const rows = sarifCrossRows(log);
    for (const file of FEEDS) assert.deepEqual(rows[file] ?? [], EXPECTED[file], file);
  });

  it('points SARIF related locations at the place in the other file, 1-based, with a message', () => {
    const log = JSON.parse(cli(['--format', 'sarif', 'feeds', 'strict']).stdout.toString('utf8')) as Sarif.Log;
    const c = log.runs[0].results!.find(
      (r) => r.locations![0].physicalLocation!.artifactLocation!.uri === 'strict/c.release',
    );
    assert.deepEqual(c?.relatedLocations, [
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'feeds/a.release', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3, startColumn: 10, endLine: 3, endColumn: 10 + `${NEWS}1`.length },
        },
        message: { text: 'Same Source in "Bridge reopens after repairs" in a.release' },
      },
    ]);
  });

  it('gives each file the findings the editor shows for the same files and configs, in document order', () => {
    const report = json(['feeds', 'strict', 'quiet', 'wire']);
    assert.deepEqual(
      report.map((entry) => entry.file),
      FEEDS,
    );
    for (const { file, diagnostics } of report) assert.deepEqual(jsonRows(diagnostics), editorRows(file), file);
    const stylish = cli(['feeds', 'strict', 'quiet', 'wire']).stdout.toString('utf8');
    assert.match(stylish, /^ {2}3:10 +error +Source URL is also used by "Bridge reopens after repairs" in a\.release/m);
  });

  it('counts cross-file warnings for --max-warnings and the summary', () => {
    const files = ['feeds/a.release', 'feeds/b.release'];
    const warnings = json(files).flatMap((e) => e.diagnostics.filter((d) => d.severity === 2)).length;
    const alone = files.map((file) => json([file]).flatMap((e) => e.diagnostics.filter((d) => d.severity === 2)));
    assert.equal(warnings, alone.flat().length + 4, 'two titles and two Sources shared by a and b');
    assert.equal(cli(['--max-warnings', String(warnings), ...files]).code, 0);
    assert.equal(cli(['--max-warnings', String(warnings - 1), ...files]).code, 1);
    assert.match(cli(files).stdout.toString('utf8'), new RegExp(`\\(0 errors, ${warnings} warnings, `));
  });

  it('gives a shard the same findings for its files as the whole run', () => {
    const whole = new Map(json(['.']).map((e) => [e.file, e.diagnostics]));
    for (const count of [2, 3]) {
      const seen: string[] = [];
      for (let i = 1; i <= count; i++) {
        for (const { file, diagnostics } of json(['--shard', `${i}/${count}`, '.'])) {
          seen.push(file);
          assert.deepEqual(diagnostics, whole.get(file), `${file} in shard ${i}/${count}`);
        }
      }
      assert.deepEqual(seen.sort(), [...whole.keys()].sort());
    }
    assert.ok(
      whole.get('wire/e.release')?.some((d) => d.code === 'duplicate-title'),
      'a duplicate across shards',
    );
  });

  for (const format of ['stylish', 'json', 'sarif']) {
    it(`reports byte for byte the same with --jobs 1 and --jobs 4 (${format})`, () => {
      const one = cli(['--format', format, '--jobs', '1', '.']);
      const four = cli(['--format', format, '--jobs', '4', '.']);
      assert.deepEqual([four.code, four.stderr], [one.code, one.stderr]);
      assert.ok(four.stdout.equals(one.stdout), 'the reports differ');
      assert.match(one.stdout.toString('utf8'), /in b\.release/);
    });
  }

  it('compares nothing for one file, or for standard input beside one file', () => {
    const noCross = (report: JsonReport) =>
      assert.deepEqual(
        report.flatMap((e) => e.diagnostics.filter((d) => / in \S+\.release/.test(d.message))),
        [],
      );
    noCross(json(['feeds/a.release']));
    noCross(json(['-'], DESK['feeds/b.release']));
    noCross(json(['-', 'feeds/a.release'], DESK['feeds/b.release']));
    assert.equal(json(['feeds/a.release', 'feeds/b.release']).flatMap((e) => e.diagnostics).length > 0, true);
  });

  it('after --fix, reports the duplicates of the fixed files, as a later run finds them', () => {
    // A title with a period and a glued Source: the fixes change its title key and move its Source a line down.
    const glued = `Bridge reopens after repairs. 09.02.2025\n${LONG_BODY} Source : ${NEWS}2\n`;
    writeFeed(dir(), 'feeds/b.release', glued);
    const fixed = cli(['--format', 'sarif', '--fix', 'feeds', 'strict']);
    const later = cli(['--format', 'sarif', 'feeds', 'strict']);
    assert.equal(fixed.stderr, '');
    assert.equal(fixed.stdout.toString('utf8'), later.stdout.toString('utf8'));
    assert.match(
      later.stdout.toString('utf8'),
      /Same title and date as \\"Bridge reopens after repairs\\" in b\.release/,
    );
    assert.notEqual(fs.readFileSync(path.join(dir(), 'feeds/b.release'), 'utf8'), glued);
  });
});
