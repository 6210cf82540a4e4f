/**
 * Runs one build's core in a process of its own: `node out/bench/worker.js <core index.js>`, driven by the bench
 * over IPC. The timed calls are in-process (no conversion, no I/O); the process around them lets a build that
 * runs out of memory or time cost one row, and keeps the heaps of two builds apart.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';

interface Analysis {
  findings: readonly unknown[];
  feed: { releases: readonly unknown[] };
}

interface Core {
  Analyzer: new () => { analyze(text: string, options?: object): Analysis; lastReuse: { reused: number } };
  lint(text: string, options?: object): Analysis;
}

export type Command =
  { op: 'load'; file: string } | { op: 'edit'; offset: number; char: string } | { op: 'lint'; file: string };

export interface Reply {
  ms: number;
  releases: number;
  findings: number;
  reused?: number;
  /** For an edit: how long making the edited text took (one flat string, as the server's text sync hands over). */
  textMs?: number;
  /** Peak resident set size of the worker so far, in bytes. */
  peakRss: number;
}

const core = createRequire(__filename)(process.argv[2]) as Core;
const analyzer = new core.Analyzer();
let text = '';

/** Times `run` alone; the counts, which may build views the server never asks for, are read after. */
function timed(run: () => Analysis): Reply {
  const t0 = performance.now();
  const analysis = run();
  const ms = performance.now() - t0;
  return {
    ms,
    releases: analysis.feed.releases.length,
    findings: analysis.findings.length,
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
}

/**
 * The edited text as one flat string. Concatenation makes a rope, which the engine copies into one string the
 * first time it is read; that copy is the text sync's cost, not the analysis's, so it is timed apart.
 */
function edited(offset: number, char: string): number {
  const t0 = performance.now();
  text = text.slice(0, offset) + char + text.slice(offset + 1);
  text.charCodeAt(0);
  return performance.now() - t0;
}

function handle(cmd: Command): Reply {
  switch (cmd.op) {
    case 'load':
      text = fs.readFileSync(cmd.file, 'utf8');
      return timed(() => analyzer.analyze(text, {}));
    case 'edit': {
      const textMs = edited(cmd.offset, cmd.char);
      return { ...timed(() => analyzer.analyze(text, {})), reused: analyzer.lastReuse.reused, textMs };
    }
    case 'lint': {
      const feed = fs.readFileSync(cmd.file, 'utf8');
      return timed(() => core.lint(feed, {}));
    }
  }
}

process.on('message', (cmd: Command) => {
  try {
    process.send!({ ok: handle(cmd) });
  } catch (e) {
    process.send!({ error: e instanceof Error ? e.message : String(e) });
  }
});
