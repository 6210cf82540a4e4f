/**
 * The GitHub Actions problem matcher in `.github/`, applied as the runner applies it to the real stylish output,
 * must recover every finding of the JSON report of the same feeds, so that matcher and report cannot drift.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BROKEN, CLEAN } from '../support/cliFeeds';
import { freshDirectoryPerTest, ROOT, runCli, writeFeed } from '../support/cliProcess';
import { applyMatcher, type Issue, type MatcherConfig } from '../support/problemMatcher';

const MATCHER_FILE = path.join(ROOT, '.github', 'press-release-lint-matcher.json');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'lint');
const FEEDS = ['titles', 'dates', 'sources', 'spacing', 'structure', 'names-feed', 'merged', 'config'];
const NOTICE_OF = { 1: 'error', 2: 'warning', 3: 'notice', 4: 'notice' } as const;

interface JsonDiagnostic {
  range: { start: { line: number; character: number } };
  severity: 1 | 2 | 3 | 4;
  code: string;
  message: string;
}

function matcher(): MatcherConfig {
  const config = JSON.parse(fs.readFileSync(MATCHER_FILE, 'utf8')) as { problemMatcher: MatcherConfig[] };
  assert.equal(config.problemMatcher.length, 1);
  return config.problemMatcher[0];
}

describe('GitHub Actions problem matcher', function () {
  this.timeout(60_000);
  const dir = freshDirectoryPerTest('prl-matcher-');

  function write(name: string, text: string): string {
    return writeFeed(dir(), name, text);
  }

  /** The issues the matcher finds in the stylish report, and the findings of the JSON report, as issues. */
  function bothReports(files: string[]): { matched: Issue[]; expected: Issue[] } {
    const stylish = runCli(files, { cwd: dir() });
    assert.equal(stylish.stderr, '');
    const output = stylish.stdout.toString('utf8');
    assert.ok(!output.includes('\u001b['), 'a report for a pipe has no colour');
    const json = runCli(['--format', 'json', ...files], { cwd: dir() }).stdout.toString('utf8');
    const reports = JSON.parse(json) as Array<{ file: string; diagnostics: JsonDiagnostic[] }>;
    const expected = reports.flatMap(({ file, diagnostics }) =>
      diagnostics.map((d) => ({
        file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        severity: NOTICE_OF[d.severity],
        code: d.code,
        message: d.message,
      })),
    );
    return { matched: applyMatcher(matcher(), output.split('\n')), expected };
  }

  it('recovers every finding of the fixture feeds with its file, position, severity, message and rule', () => {
    const files = FEEDS.map((name) => {
      const text = fs.readFileSync(path.join(FIXTURES, `${name}.release`), 'utf8');
      // Annotation lines stay in: their quoted messages and rule ids make rows a loose regexp would misread.
      return write(`feeds/${name}.release`, text);
    });
    const { matched, expected } = bothReports(files);
    assert.ok(expected.length > 100, `the fixtures should have many findings, not ${expected.length}`);
    assert.ok(new Set(expected.map((e) => e.severity)).size === 3, 'errors, warnings and notices are all covered');
    assert.deepEqual(matched, expected);
  });

  it('recovers findings after a clean file, and in a file whose name has spaces', () => {
    const files = [write('clean.release', CLEAN), write('with space/broken feed.release', BROKEN)];
    const { matched, expected } = bothReports(files);
    assert.equal(expected.length, 2);
    assert.deepEqual(matched, expected);
  });
});
