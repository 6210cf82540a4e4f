/**
 * The CLI on inputs large enough to break anything that holds a whole report
 * in memory: a ~100 MB feed, a 30 MB body line with about two million
 * findings, and two million tiny releases (~128 MB). Each run must finish
 * with exit code 0 or 1, a complete report and no "heap out of memory".
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { StreamingJsonChecker } from '../support/jsonStream';
import { BIN, freshDirectory } from '../support/cliProcess';

const MINUTES = 60_000;
const TIME = '/usr/bin/time';

/** A small feed with a little of everything: fixable dates and spacing, a missing Source, a long title. */
const SMALL_FEED = `Water
Reservoirs are full 2025-02-09
The agency reported that the twelve reservoirs of the basin hold sixty percent.Engineers will inspect every dam.
Source : https://press.example.gov/news/details/1
Roads reopen after the storm. 10.02.2025
Crews cleared the northern highway overnight, and traffic is moving again in both directions.
Source : https://press.example.gov/news/details/2
Schools open on Monday 11.02.2025
The ministry said that all schools in the region will open on Monday, after the heating was repaired in every building.
Second shift classes start at noon.Buses run on the winter timetable.
Parks close early 12.02.2025
The city closes its parks at six in the evening until the end of the month, while the paths are repaired.
Source: https://press.example.gov/news/details/4
`;

/** Writes `count` copies of `piece(i)` to `file` through a buffer, without building the whole text. */
function writeRepeated(file: string, count: number, piece: (i: number) => string): number {
  const fd = fs.openSync(file, 'w');
  let pending: string[] = [];
  let pendingLength = 0;
  let size = 0;
  const flush = () => {
    const bytes = Buffer.from(pending.join(''));
    fs.writeSync(fd, bytes);
    size += bytes.length;
    pending = [];
    pendingLength = 0;
  };
  for (let i = 0; i < count; i++) {
    const p = piece(i);
    pending.push(p);
    pendingLength += p.length;
    if (pendingLength > 1 << 22) flush();
  }
  flush();
  fs.closeSync(fd);
  return size;
}

interface LargeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** What /usr/bin/time -v measured, when it is installed. */
  measured: string;
}

/** Runs the CLI with its report going to `reportFile`, measured by /usr/bin/time -v when available. */
function runLarge(dir: string, args: string[], reportFile: string): LargeRun {
  const out = fs.openSync(reportFile, 'w');
  const timed = fs.existsSync(TIME);
  const command = timed ? [TIME, '-v', process.execPath] : [process.execPath];
  try {
    const r = spawnSync(command[0], [...command.slice(1), BIN, '--today', '2025-06-01', ...args], {
      cwd: dir,
      stdio: ['ignore', out, 'pipe'],
      maxBuffer: 1 << 26,
    });
    const stderr = r.stderr.toString();
    const wall = /Elapsed \(wall clock\) time.*: (\S+)/.exec(stderr)?.[1];
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
    const measured = timed ? `${wall} wall, peak RSS ${Math.round(Number(rss) / 1024)} MB` : 'not measured';
    // /usr/bin/time reports a killed child as exit 0 with a "Command terminated by signal" line.
    const killed = /Command terminated by signal (\d+)/.exec(stderr);
    const exited = /Command exited with non-zero status (\d+)/.exec(stderr);
    const code = !timed ? r.status : killed ? null : exited ? Number(exited[1]) : r.status;
    // What the CLI itself wrote comes before /usr/bin/time's own lines.
    const ownLines = stderr.split('\n\tCommand being timed:')[0];
    const cliStderr = timed ? ownLines.replace(/Command exited with.*\n?$/, '') : stderr;
    return { code, signal: killed ? (('SIG' + killed[1]) as NodeJS.Signals) : r.signal, stderr: cliStderr, measured };
  } finally {
    fs.closeSync(out);
  }
}

function assertFinished(r: LargeRun, label: string): void {
  console.log(`      ${label}: exit ${r.code ?? r.signal}, ${r.measured}`);
  const why = `${label} ran out of memory:\n${r.stderr.slice(0, 2000)}`;
  assert.doesNotMatch(r.stderr, /heap out of memory|Allocation failed/i, why);
  assert.ok(r.code === 0 || r.code === 1, `${label}: exit ${r.code ?? r.signal}\n${r.stderr.slice(0, 3000)}`);
}

/** Checks that the JSON report file is one complete, valid value, and returns how many diagnostics it holds. */
function checkJsonReport(reportFile: string, expectedFile: string): number {
  const checker = new StreamingJsonChecker(3);
  const decoder = new StringDecoder('utf8');
  const fd = fs.openSync(reportFile, 'r');
  const buffer = Buffer.alloc(1 << 22);
  try {
    for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
      checker.feed(decoder.write(buffer.subarray(0, n)));
    }
  } finally {
    fs.closeSync(fd);
  }
  checker.feed(decoder.end());
  checker.end();
  const head = Buffer.alloc(200);
  const headFd = fs.openSync(reportFile, 'r');
  fs.readSync(headFd, head, 0, head.length, 0);
  fs.closeSync(headFd);
  const expectedHead = `[{"file":${JSON.stringify(expectedFile)},"diagnostics":[{"range":{"start":{"line":`;
  assert.ok(head.toString().startsWith(expectedHead), head.toString());
  return checker.elementsAtDepth;
}

/** The last line of the stylish report must be its summary or the fixable count after it. */
function checkStylishReport(reportFile: string): string {
  const size = fs.statSync(reportFile).size;
  const tail = Buffer.alloc(Math.min(size, 4096));
  const fd = fs.openSync(reportFile, 'r');
  fs.readSync(fd, tail, 0, tail.length, size - tail.length);
  fs.closeSync(fd);
  const lines = tail.toString().split('\n');
  assert.equal(lines.pop(), '');
  const summary = lines.find((l) => l.startsWith('✖ '));
  assert.match(summary ?? '', /^✖ \d+ problems \(\d+ errors, \d+ warnings, \d+ infos\)$/, tail.toString());
  assert.match(lines.at(-1)!, /^(✖ .*| {2}\d+ problems? (is|are) fixable with --fix)$/);
  return summary!;
}

describe('CLI on large inputs', function () {
  this.timeout(15 * MINUTES);
  let dir: string;
  before(() => {
    dir = freshDirectory('prl-large-');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('checks JSON the way JSON.parse does (the checker the large tests rely on)', () => {
    const good = ['[]', '[{"a":[1,-2.5e3,"x\\"y",true,null]},{}]', ' {"k" : [ [ ] ] } '];
    const bad = ['[', '[1,]', '{"a" 1}', '[1 2]', '["\n"]', '[]]', '{"a":01}', '[tru]'];
    for (const text of good) {
      const checker = new StreamingJsonChecker(1);
      checker.feed(text);
      checker.end();
    }
    for (const text of bad) {
      assert.throws(() => {
        const checker = new StreamingJsonChecker(1);
        checker.feed(text);
        checker.end();
      }, text);
    }
    const counting = new StreamingJsonChecker(3);
    counting.feed('[{"file":"a","diagnostics":[{"r":1},{"r":[2]}]},{"file":"b","diagnostics":[{}]}]');
    counting.end();
    assert.equal(counting.elementsAtDepth, 3);
  });

  it('reports a ~100 MB feed in full, as stylish and as JSON', () => {
    const file = path.join(dir, 'feed100.release');
    const size = writeRepeated(file, Math.ceil((100 * 1024 * 1024) / SMALL_FEED.length), () => SMALL_FEED);
    assert.ok(size >= 100 * 1024 * 1024);
    const stylish = runLarge(dir, ['feed100.release'], path.join(dir, 'feed100.txt'));
    assertFinished(stylish, '100 MB feed, stylish');
    const summary = checkStylishReport(path.join(dir, 'feed100.txt'));
    fs.rmSync(path.join(dir, 'feed100.txt'));
    const json = runLarge(dir, ['--format', 'json', 'feed100.release'], path.join(dir, 'feed100.json'));
    assertFinished(json, '100 MB feed, json');
    const diagnostics = checkJsonReport(path.join(dir, 'feed100.json'), 'feed100.release');
    assert.equal(`✖ ${diagnostics} problems`, summary.split(' (')[0], 'both reports hold every finding');
    fs.rmSync(path.join(dir, 'feed100.json'));
    fs.rmSync(file);
  });

  it('reports a 30 MB body line with about two million findings, as JSON', () => {
    const file = path.join(dir, 'longline.release');
    const unit = 'In the area.The ';
    const units = Math.ceil((30 * 1024 * 1024) / unit.length);
    const source = 'Source : https://press.example.gov/news/details/1';
    fs.writeFileSync(file, `The long line 09.02.2025\n${unit.repeat(units)}\n${source}\n`);
    const json = runLarge(dir, ['--format', 'json', 'longline.release'], path.join(dir, 'longline.json'));
    assertFinished(json, '30 MB line, json');
    const diagnostics = checkJsonReport(path.join(dir, 'longline.json'), 'longline.release');
    assert.ok(diagnostics >= units - 1, `${diagnostics} diagnostics for ${units} missing sentence spaces`);
    fs.rmSync(path.join(dir, 'longline.json'));
    fs.rmSync(file);
  });

  it('reports two million tiny releases (~128 MB), as stylish', () => {
    const file = path.join(dir, 'tiny.release');
    const count = 2_000_000;
    const size = writeRepeated(file, count, (i) => `T${i} 09.02.2025\nBody text here ok.\nSource : https://a.b/${i}\n`);
    assert.ok(size > 90 * 1024 * 1024, `${size} bytes`);
    const stylish = runLarge(dir, ['tiny.release'], path.join(dir, 'tiny.txt'));
    assertFinished(stylish, '2M tiny releases, stylish');
    checkStylishReport(path.join(dir, 'tiny.txt'));
    fs.rmSync(path.join(dir, 'tiny.txt'));
    fs.rmSync(file);
  });
});
