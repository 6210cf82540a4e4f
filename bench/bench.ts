/**
 * `npm run bench`: prints figures, asserts nothing. It lints the sample feed
 * repeated to 1 MB and 10 MB with the CLI, and times the server's analysis
 * of a 50 KB feed, full and after a one-character edit.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, lint } from '../server/src/core/index';
import { toDiagnostic } from '../server/src/convert';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'samples', 'sample.release'), 'utf8');
const DATA = path.join(ROOT, 'bench', 'data');

function repeatTo(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    parts.push(SAMPLE);
    size += Buffer.byteLength(SAMPLE);
  }
  return parts.join('');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

function benchCli(label: string, bytes: number, runs: number): void {
  fs.mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, `feed-${label}.release`);
  const text = repeatTo(bytes);
  fs.writeFileSync(file, text);
  const findings = lint(text).findings.length;
  const rssFile = path.join(os.tmpdir(), `prl-bench-rss-${process.pid}`);
  // Output goes to /dev/null, as in a CI log that nobody reads in full; a pipe here would time the reader too.
  const devNull = fs.openSync('/dev/null', 'w');
  for (const format of ['stylish', 'json']) {
    const times: number[] = [];
    const peaks: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(
        process.execPath,
        ['-r', path.join(ROOT, 'bench', 'peak-rss.js'), path.join(ROOT, 'dist', 'cli.js'), '--format', format, file],
        {
          env: { ...process.env, BENCH_RSS_FILE: rssFile },
          stdio: ['ignore', devNull, 'pipe'],
          encoding: 'utf8',
        },
      );
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (r.status !== 0 && r.status !== 1) throw new Error(`CLI failed: ${r.stderr}`);
      peaks.push(Number(fs.readFileSync(rssFile, 'utf8')));
    }
    console.log(
      `CLI ${label.padEnd(5)} ${format.padEnd(7)} ${mb(Buffer.byteLength(text)).padStart(8)}  wall median ${median(times).toFixed(0).padStart(5)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${runs} runs)  peak RSS ${mb(Math.max(...peaks))}  ${findings} findings`,
    );
  }
  fs.closeSync(devNull);
  fs.rmSync(rssFile, { force: true });
}

function benchServer(bytes: number, runs: number): void {
  const text = repeatTo(bytes).slice(0, bytes);
  const uri = 'file:///bench.release';
  const doc = TextDocument.create(uri, 'press-release', 1, text);
  const full = (): number => {
    const t0 = process.hrtime.bigint();
    const a = new Analyzer().analyze(text);
    a.findings.map((f) => toDiagnostic(doc, uri, f));
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  for (let i = 0; i < 20; i++) full();
  const fullTimes = Array.from({ length: runs }, full);

  const analyzer = new Analyzer();
  analyzer.analyze(text);
  const at = Math.floor(text.length / 2);
  const incTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const edited = text.slice(0, at) + (i % 2 ? 'x' : 'y') + text.slice(at);
    const t0 = process.hrtime.bigint();
    analyzer.analyze(edited);
    incTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const releases = new Analyzer().analyze(text).feed.releases.length;
  console.log(
    `Server ${(bytes / 1024).toFixed(0)} KB (${releases} releases): full analysis + diagnostics median ${median(fullTimes).toFixed(2)} ms (p90 ${[...fullTimes].sort((a, b) => a - b)[Math.floor(runs * 0.9)].toFixed(2)} ms); after a one-character edit median ${median(incTimes).toFixed(2)} ms (${analyzer.lastReuse.reused} of ${releases} releases reused)`,
  );
}

console.log(`Node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
benchServer(50 * 1024, 200);
benchCli('1mb', 1024 * 1024, 5);
benchCli('10mb', 10 * 1024 * 1024, 5);
benchNameCost(path.join(DATA, 'feed-10mb.release'), 9);

/**
 * What name analysis adds to the CLI: runs with and without the name rules,
 * interleaved, so that a burst of load on the machine hits both sides alike.
 */
function benchNameCost(file: string, pairs: number): void {
  const NAME_RULES = ['inconsistent-name', 'acronym-mismatch', 'acronym-variant', 'merged-release'];
  const off = NAME_RULES.flatMap((id) => ['--rule', `${id}=off`]);
  const devNull = fs.openSync('/dev/null', 'w');
  const time = (extra: string[]): number => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...extra, file], {
      stdio: ['ignore', devNull, 'pipe'],
      encoding: 'utf8',
    });
    if (r.status !== 0 && r.status !== 1) throw new Error(`CLI failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const withNames: number[] = [];
  const without: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const a = time([]);
    const b = time(off);
    withNames.push(a);
    without.push(b);
    ratios.push(a / b);
  }
  fs.closeSync(devNull);
  const pct = (x: number) => `${x >= 1 ? '+' : ''}${((x - 1) * 100).toFixed(0)}%`;
  console.log(
    `Name analysis cost, 10 MB stylish, ${pairs} interleaved pairs: with name rules median ${median(withNames).toFixed(0)} ms, without ${median(without).toFixed(0)} ms; ` +
      `per-pair overhead median ${pct(median(ratios))} (range ${pct(Math.min(...ratios))} to ${pct(Math.max(...ratios))})`,
  );
}
