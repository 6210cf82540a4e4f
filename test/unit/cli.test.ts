/** The CLI, run as a real process from the built bundle through the package's bin. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BROKEN, CLEAN, FIXABLE, FIXED } from '../support/cliFeeds';

const ROOT = path.join(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'press-release-lint.js');

let dir: string;
function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return name;
}
function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, '--today', '2025-06-01', ...args], { cwd: dir, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI', () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and prints nothing on a clean feed', () => {
    const r = run([write('a.release', CLEAN)]);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '']);
  });

  it('prints stylish output and exits 1 on errors', () => {
    const r = run([write('b.release', BROKEN)]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^b\.release\n/);
    assert.match(r.stdout, / {2}1:1 +error +Title has no publication date .* missing-date/);
    assert.match(r.stdout, / {2}1:1 +error +Release has no Source line +missing-source/);
    assert.match(r.stdout, /✖ 2 problems \(2 errors, 0 warnings, 0 infos\)/);
  });

  it('prints exactly the documented JSON shape', () => {
    const r = run(['--format', 'json', write('b.release', BROKEN)]);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 1);
    assert.deepEqual(Object.keys(out[0]), ['file', 'diagnostics']);
    assert.equal(out[0].file, 'b.release');
    const d = out[0].diagnostics[0];
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 19 } });
    assert.deepEqual([d.severity, d.code, d.source], [1, 'missing-date', 'press-release']);
    assert.equal(typeof d.message, 'string');
  });

  it('lints a standard release with the wire rules, and a feed beside it with the feed rules as before', () => {
    const wire = ['PRESS RELEASE', '', 'Acme Opens a Plant in Austin.', '', 'Acme Corp. opened a plant today.', ''];
    const r = run(['--format', 'json', write('w.release', wire.join('\n')), write('b.release', BROKEN)]);
    const codes = (file: string): string[] =>
      JSON.parse(r.stdout)
        .find((x: { file: string }) => x.file === file)
        .diagnostics.map((d: { code: string }) => d.code);
    assert.deepEqual(codes('w.release'), [
      'headline-punctuation',
      'missing-dateline',
      'missing-end-mark',
      'missing-boilerplate',
      'missing-contact',
    ]);
    assert.deepEqual(codes('b.release'), ['missing-date', 'missing-source']);
  });

  it('counts characters in UTF-16 code units in JSON', () => {
    const text = CLEAN.replace('Reservoirs', '😀 Reservoirs').replace('09.02.2025', '2025-02-09');
    const r = run(['--format=json', write('e.release', text)]);
    const d = JSON.parse(r.stdout)[0].diagnostics.find((x: { code: string }) => x.code === 'date-format');
    assert.deepEqual(d.range.start, { line: 0, character: 23 });
  });

  it('fixes safe problems in place and keeps the rest of the text', () => {
    const name = write('c.release', FIXABLE);
    const r = run(['--fix', name]);
    const fixed = fs.readFileSync(path.join(dir, name), 'utf8');
    assert.equal(fixed, FIXED);
    assert.deepEqual([r.code, r.stdout], [0, '']);
    assert.deepEqual(fs.readdirSync(dir), ['c.release'], 'no temporary file left behind');
  });

  it('keeps a BOM and CRLF line ends when fixing', () => {
    const name = write('d.release', `\ufeff${FIXABLE.replace(/\n/g, '\r\n')}`);
    run(['--fix', name]);
    const fixed = fs.readFileSync(path.join(dir, name), 'utf8');
    assert.equal(fixed.charCodeAt(0), 0xfeff);
    assert.ok(fixed.includes('March.\r\nSource :'));
    assert.ok(!/[^\r]\n/.test(fixed));
  });

  it('reads standard input with -', () => {
    const r = run(['--format', 'json', '-'], BROKEN);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.stdout)[0].file, '-');
  });

  it('writes fixed standard input to stdout and the report to stderr', () => {
    // BROKEN keeps two errors that no safe fix repairs, so there is a report to find.
    const r = run(['--fix', '-'], FIXABLE + BROKEN);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^Reservoirs are full 09\.02\.2025\n.*percent\. Engineers/s);
    assert.ok(r.stdout.endsWith(BROKEN), 'stdout holds the fixed feed and nothing else');
    assert.match(r.stderr, /^-\n {2}4:1 +error +Title has no publication date .* missing-date\n/);
    assert.match(r.stderr, /✖ 2 problems \(2 errors, 0 warnings, 0 infos\)\n$/);
  });

  it('applies --rule and --max-warnings', () => {
    const name = write('b.release', BROKEN);
    assert.equal(run(['--rule', 'missing-date=off', '--rule', 'missing-source=warning', name]).code, 0);
    const r = run(['--rule', 'missing-date=off', '--rule', 'missing-source=warning', '--max-warnings', '0', name]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /1 warnings exceed --max-warnings 0/);
  });

  it('reads --config and .pressreleaserc.json', () => {
    const name = write('b.release', BROKEN);
    write('team.json', JSON.stringify({ rules: { 'missing-date': 'off', 'missing-source': 'off' } }));
    assert.equal(run(['--config', 'team.json', name]).code, 0);
    const asWarnings = { rules: { 'missing-date': 'warning', 'missing-source': 'warning' } };
    write('.pressreleaserc.json', JSON.stringify(asWarnings));
    assert.equal(run([name]).code, 0);
  });

  it('exits 2 with one line on bad usage and unreadable input', () => {
    const badRuns = [
      [],
      ['--format', 'xml', 'x'],
      ['--bogus', 'x'],
      ['--rule', 'nope=error', 'x'],
      ['--max-warnings', 'many', 'x'],
      ['missing.release'],
      ['--config', 'nope.json', 'x'],
    ];
    for (const args of badRuns) {
      const r = run(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^press-release-lint: [^\n]+\n$/, args.join(' '));
    }
    write('.pressreleaserc.json', '{ broken');
    const r = run([write('a.release', CLEAN)]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /invalid JSON/);
  });

  it('prints help and version', () => {
    assert.match(run(['--help']).stdout, /Usage: press-release-lint/);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
