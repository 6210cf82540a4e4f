/**
 * `--format sarif`, run as a real process: the log is checked by a JSON Schema validator against the SARIF 2.1.0
 * schema that Microsoft's SARIF Multitool ships, and its findings against the JSON report of the same feed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { RULES, ruleDocUrl } from '../../server/src/core/index';
import { ReleaseTitles } from '../../server/src/cli/report/releaseTitles';
import { BROKEN, CLEAN, FIXABLE, FIXED } from '../support/cliFeeds';
import { freshDirectory, freshDirectoryPerTest, ROOT, runCli, writeFeed } from '../support/cliProcess';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'lint');
/** Fixture feeds with findings of many rules, duplicates across releases and repeated equal findings among them. */
const FEEDS = ['titles', 'dates', 'sources', 'spacing', 'structure', 'names-feed', 'merged'];
/** Standard releases with findings of every wire rule; their folder's `.pressreleaserc.json` sets the format. */
const RELEASES = [
  'wire-missing',
  'wire-contact',
  'wire-no-contact',
  'wire-embargo',
  'wire-headline',
  'wire-dateline-weekday',
  'wire-dateline-style',
  'wire-quote-attribution',
];
const FINGERPRINT_KEY = 'pressReleaseLint/v1';

/** A release that no rule flags and that repeats nothing, to insert above a feed. */
const INSERTED_RELEASE =
  'Volunteers plant trees along the main canal 03.03.2025\n' +
  'The district administration said that volunteers planted four hundred young trees along the main canal on ' +
  'Saturday, and that the schools of the district will look after them through the summer months.\n' +
  'Source : https://press.example.gov/news/details/9001\n';

/** The SARIF 2.1.0 schema from the SARIF Multitool's package for this platform. */
function sarifValidator() {
  const schemaFile = require.resolve(`@microsoft/sarif-multitool-${process.platform}/sarif-2.1.0.json`);
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as { title: string };
  assert.equal(schema.title, 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Fixture text without its `#!` annotations, as a user's feed would read. */
function fixtureFeed(name: string): string {
  const text = fs.readFileSync(path.join(FIXTURES, `${name}.release`), 'utf8');
  return text
    .split('\n')
    .filter((line) => !line.startsWith('#!'))
    .join('\n');
}

interface JsonDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  codeDescription: { href: string };
  message: string;
}

describe('CLI --format sarif', function () {
  this.timeout(60_000);
  const dir = freshDirectoryPerTest('prl-sarif-');
  const validate = sarifValidator();

  function write(name: string, text: string): string {
    return writeFeed(dir(), name, text);
  }

  /** Runs the CLI and returns the log, after checking that it is valid SARIF 2.1.0. */
  function sarif(args: string[], input?: string): { code: number | null; log: Sarif.Log } {
    const r = runCli(['--format', 'sarif', ...args], { cwd: dir(), ...(input === undefined ? {} : { input }) });
    assert.equal(r.stderr, '');
    const log = JSON.parse(r.stdout.toString('utf8')) as Sarif.Log;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    return { code: r.code, log };
  }

  function results(log: Sarif.Log): Sarif.Result[] {
    return log.runs[0].results!;
  }

  function regionOf(r: Sarif.Result): Sarif.Region {
    return r.locations![0].physicalLocation!.region!;
  }

  it('writes a valid log whose results are the JSON report findings, for feeds and standard releases', () => {
    const wireConfig = { format: 'wire', rules: { 'headline-length': { max: 40 } } };
    write('wire/.pressreleaserc.json', JSON.stringify(wireConfig));
    const files = [
      ...FEEDS.map((name) => write(`feeds/${name}.release`, fixtureFeed(name))),
      ...RELEASES.map((name) => write(`wire/${name}.release`, fixtureFeed(name))),
    ];
    const { code, log } = sarif(files);
    assert.equal(code, 1);
    const json = JSON.parse(runCli(['--format', 'json', ...files], { cwd: dir() }).stdout.toString('utf8')) as Array<{
      file: string;
      diagnostics: JsonDiagnostic[];
    }>;
    const expected = json.flatMap(({ file, diagnostics }) =>
      diagnostics.map((d) => ({
        uri: file,
        ruleId: d.code,
        message: d.message,
        region: [d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1],
      })),
    );
    const actual = results(log).map((r) => {
      const { artifactLocation, region } = r.locations![0].physicalLocation!;
      assert.equal(artifactLocation!.uriBaseId, '%SRCROOT%');
      const { startLine, startColumn, endLine, endColumn } = region!;
      return {
        uri: artifactLocation!.uri,
        ruleId: r.ruleId,
        message: r.message.text,
        region: [startLine, startColumn, endLine, endColumn],
      };
    });
    assert.ok(expected.length > 30, `the fixtures should have many findings, not ${expected.length}`);
    assert.deepEqual(actual, expected);
    const wireRules = RULES.filter((r) => r.formats.includes('wire') && !r.formats.includes('feed'));
    const reported = new Set(actual.map((r) => r.ruleId));
    assert.deepEqual(
      wireRules.filter((r) => !reported.has(r.id)).map((r) => r.id),
      [],
      'the standard releases should meet every wire rule',
    );
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.originalUriBaseIds, {
      '%SRCROOT%': { uri: `${pathToFileURL(fs.realpathSync(dir())).href}/` },
    });
  });

  it('names standard input stdin and files outside the working directory by absolute URI', () => {
    const { log } = sarif(['-'], BROKEN);
    assert.deepEqual(
      results(log).map((r) => [r.ruleId, r.locations![0].physicalLocation!.artifactLocation]),
      [
        ['missing-date', { uri: 'stdin' }],
        ['missing-source', { uri: 'stdin' }],
      ],
    );
    const outside = freshDirectory('prl-sarif-outside-');
    try {
      const file = path.join(outside, 'a b.release');
      fs.writeFileSync(file, BROKEN);
      const location = results(sarif([file]).log)[0].locations![0].physicalLocation!.artifactLocation;
      assert.deepEqual(location, { uri: pathToFileURL(file).href });
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('reports the fixed text after --fix, and goes to stderr when the fixed text takes stdout', () => {
    const name = write('f.release', FIXABLE);
    const { code, log } = sarif(['--fix', name]);
    assert.equal(code, 0);
    assert.equal(fs.readFileSync(path.join(dir(), name), 'utf8'), FIXED);
    assert.deepEqual(results(log), []);
    const piped = runCli(['--format', 'sarif', '--fix', '-'], { cwd: dir(), input: BROKEN });
    assert.equal(piped.stdout.toString('utf8'), BROKEN);
    const report = JSON.parse(piped.stderr) as Sarif.Log;
    assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
    assert.equal(results(report).length, 2);
  });

  it('writes a valid log with no results for a clean feed', () => {
    const { code, log } = sarif([write('clean.release', CLEAN)]);
    assert.equal(code, 0);
    assert.deepEqual(results(log), []);
  });

  it('keeps every fingerprint when a release is inserted at the top, and never repeats one in a run', () => {
    for (const name of FEEDS) {
      const feed = fixtureFeed(name);
      const before = results(sarif([write('before.release', feed)]).log);
      const after = results(sarif([write('after.release', INSERTED_RELEASE + feed)]).log);
      const fingerprints = (rs: Sarif.Result[]) => rs.map((r) => r.partialFingerprints![FINGERPRINT_KEY]);
      assert.equal(new Set(fingerprints(before)).size, before.length, `${name}: a fingerprint repeats`);
      const moved = new Map(after.map((r) => [r.partialFingerprints![FINGERPRINT_KEY], r]));
      for (const r of before) {
        const same = moved.get(r.partialFingerprints![FINGERPRINT_KEY]);
        assert.ok(same, `${name}: the fingerprint of "${r.message.text}" changed`);
        assert.equal(same.ruleId, r.ruleId);
        assert.equal(regionOf(same).startLine, regionOf(r).startLine! + 3, `${name}: "${r.message.text}"`);
      }
    }
  });

  it('tells equal findings apart by their order', () => {
    const release = (n: number) =>
      `Report ${n} 09.02.2025\nThe session ended.It resumes in May. The session ended.It resumes in May.\n` +
      `Source : https://press.example.gov/news/details/${n}\n`;
    const rs = results(sarif([write('twice.release', release(1) + release(2))]).log);
    const spacing = rs
      .filter((r) => r.ruleId === 'sentence-spacing')
      .map((r) => r.partialFingerprints![FINGERPRINT_KEY]);
    assert.equal(spacing.length, 4);
    assert.deepEqual(
      spacing.map((f) => f.split(':')[1]),
      ['1', '2', '1', '2'],
      'the same finding twice in one release counts up; another title makes another hash',
    );
    assert.equal(new Set(spacing.map((f) => f.split(':')[0])).size, 2);
  });

  it('describes every rule of the registry, and points each result at its rule', () => {
    const { log } = sarif([write('b.release', BROKEN)]);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'press-release-lint');
    assert.equal(driver.version, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    assert.equal(driver.informationUri, 'https://github.com/press-release-lint/press-release-lint');
    const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
    assert.deepEqual(
      driver.rules,
      RULES.map((r) => ({
        id: r.id,
        shortDescription: { text: r.description },
        defaultConfiguration: { level: level[r.defaultSeverity] },
        helpUri: ruleDocUrl(r.id),
      })),
    );
    for (const r of results(log)) assert.equal(driver.rules[r.ruleIndex!].id, r.ruleId);
    // The links are the ones editors show for each diagnostic.
    const json = JSON.parse(runCli(['--format', 'json', 'b.release'], { cwd: dir() }).stdout.toString('utf8'));
    for (const d of json[0].diagnostics as JsonDiagnostic[]) {
      assert.equal(d.codeDescription.href, driver.rules.find((r) => r.id === d.code)!.helpUri);
    }
  });

  it('gives the level the configuration sets, not the default', () => {
    const { log } = sarif(['--rule', 'missing-source=info', write('b.release', BROKEN)]);
    assert.deepEqual(
      results(log).map((r) => [r.ruleId, r.level]),
      [
        ['missing-date', 'error'],
        ['missing-source', 'note'],
      ],
    );
  });

  it('counts columns in UTF-16 code units after a character beyond the BMP', () => {
    const text = CLEAN.replace('Reservoirs', '😀 Reservoirs').replace('09.02.2025', '2025-02-09');
    const r = results(sarif([write('e.release', text)]).log).find((x) => x.ruleId === 'date-format')!;
    // "😀 Reservoirs are full " is 23 code units: the emoji counts two.
    assert.deepEqual(regionOf(r), { startLine: 1, startColumn: 24, endLine: 1, endColumn: 34 });
  });
});

describe('ReleaseTitles', () => {
  const feed =
    'Water\nFirst release 09.02.2025\nBody one.\nSource : https://a.example/1\n' +
    'Energy\nSecond release 10.02.2025\nBody two.\nSource : https://a.example/2\n';

  it('names the release that holds an offset, in order and out of order, and nothing between releases', () => {
    const titles = new ReleaseTitles(feed, { format: 'feed', dateFormat: undefined });
    const at = (s: string) => feed.indexOf(s);
    assert.equal(titles.titleAt(at('Body one')), 'First release');
    assert.equal(titles.titleAt(at('Energy')), '', 'a category line belongs to no release');
    assert.equal(titles.titleAt(at('Body two')), 'Second release');
    assert.equal(titles.titleAt(at('Body one')), 'First release', 'an earlier offset reads again from the start');
    assert.equal(titles.titleAt(0), '');
  });

  it('names a standard release by its headline, which the feed parser would not read as a title', () => {
    const release =
      'FOR IMMEDIATE RELEASE\n\nAcme Opens a Plant in Austin\n\n' +
      'AUSTIN, Texas, March 4, 2025 — Acme opened a plant.\n\n###\n';
    const titles = new ReleaseTitles(release, { format: 'wire', dateFormat: undefined });
    assert.equal(titles.titleAt(release.indexOf('Acme opened')), 'Acme Opens a Plant in Austin');
    assert.equal(titles.titleAt(release.indexOf('###')), 'Acme Opens a Plant in Austin');
  });
});
