/**
 * Edit → fresh diagnostics over LSP: the built server as a child process, a 1 MB and a 10 MB feed open in it,
 * and one-character edits (incremental didChange) at varied places, each waiting for the publish of its own
 * version before the next. The time includes the server's 150 ms debounce, as a user's wait does.
 */
import { pathToFileURL } from 'node:url';
import type { Build } from './builds';
import { charChange, lineStarts, planEdits, PLACES, type CharEdit } from './edits';
import { LspServer, ServerFailure } from './lspClient';
import { comparePairs, describeFailure, heading, medianP95, ms, note, printRow, type Failure } from './report';
import { spread } from './stats';

const OPEN_DEADLINE_MS = 180_000;
const EDIT_DEADLINE_MS = 30_000;
/** Edits of each place; the first of each place warms the code up and is not counted. */
const PER_PLACE = 9;
const WARM_UP = 3;

export interface LspDoc {
  label: string;
  file: string;
  text: string;
  /** The target as text, and whether a median and p95 meet it. */
  target: string;
  meets: (median: number, p95: number) => boolean;
}

interface Doc extends LspDoc {
  uri: string;
  starts: Int32Array;
  edits: CharEdit[];
}

interface Sample {
  ms: number;
  place: string;
}

class Session {
  readonly server: LspServer;
  readonly versions = new Map<string, number>();
  readonly samples = new Map<string, Sample[]>();
  readonly opens = new Map<string, number>();
  failure: Failure | undefined;

  constructor(readonly build: Build) {
    this.server = new LspServer(build.serverJs);
  }

  async open(docs: readonly Doc[]): Promise<void> {
    await this.guard(async () => {
      await this.server.initialize(30_000);
      for (const d of docs) {
        const t0 = this.server.open(d.uri, d.text);
        const p = await this.server.publish(d.uri, 1, OPEN_DEADLINE_MS);
        this.opens.set(d.uri, p.arrivedAt - t0);
        this.versions.set(d.uri, 1);
        this.samples.set(d.uri, []);
      }
    });
  }

  async edit(d: Doc, e: CharEdit): Promise<void> {
    if (this.failure) return;
    const version = this.versions.get(d.uri)! + 1;
    this.versions.set(d.uri, version);
    await this.guard(async () => {
      const t0 = this.server.change(d.uri, version, [charChange(d.starts, e)]);
      const p = await this.server.publish(d.uri, version, EDIT_DEADLINE_MS);
      this.samples.get(d.uri)!.push({ ms: p.arrivedAt - t0, place: e.place });
    });
  }

  /** Runs `body`; a server that fails is recorded and ended, and runs nothing more. */
  private async guard(body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (e) {
      if (!(e instanceof ServerFailure)) throw e;
      this.failure = e.failure;
      await this.server.close();
    }
  }
}

export async function lspEditRows(builds: readonly Build[], docs: readonly LspDoc[]): Promise<void> {
  heading('Edit → fresh diagnostics over LSP (dist/server.js --stdio, one-character incremental didChange)');
  note('Timed from just before the didChange is written to the server until the last byte of the publish for');
  note('that version is read, before the client parses any JSON; the 150 ms debounce is included.');
  const prepared: Doc[] = docs.map((d) => ({
    ...d,
    uri: pathToFileURL(d.file).href,
    starts: lineStarts(d.text),
    edits: planEdits(d.text, PER_PLACE),
  }));
  const sessions = builds.map((b) => new Session(b));
  try {
    for (const s of sessions) await s.open(prepared);
    const rounds = Math.max(...prepared.map((d) => d.edits.length));
    for (let i = 0; i < rounds; i++) {
      for (const d of prepared) for (const s of sessions) if (d.edits[i]) await s.edit(d, d.edits[i]);
    }
    for (const d of prepared) report(d, sessions);
  } finally {
    await Promise.all(sessions.map((s) => s.server.close()));
  }
}

function report(d: Doc, sessions: readonly Session[]): void {
  const measure = `edit → fresh diagnostics, ${d.label} (LSP)`;
  for (const s of sessions) {
    const samples = (s.samples.get(d.uri) ?? []).slice(WARM_UP);
    if (s.failure || samples.length === 0) {
      const why = s.failure ? describeFailure(s.failure) : 'no figures';
      printRow({ measure, build: s.build.label, figures: why, target: d.target, ok: false });
      continue;
    }
    const all = spread(samples.map((x) => x.ms));
    const places = PLACES.map((p) => {
      const one = spread(samples.filter((x) => x.place === p).map((x) => x.ms));
      return `${p} ${ms(one.median)} / ${ms(one.p95)}`;
    });
    printRow({
      measure,
      build: s.build.label,
      figures: `${medianP95(all)}; median / p95 by place: ${places.join(', ')}`,
      target: d.target,
      ok: d.meets(all.median, all.p95),
    });
    note(`${s.build.label}: didOpen → first diagnostics ${ms(s.opens.get(d.uri) ?? NaN)}`);
  }
  const times = sessions.map((s) => (s.samples.get(d.uri) ?? []).slice(WARM_UP).map((x) => x.ms));
  if (times.length > 1 && !sessions.some((s) => s.failure))
    comparePairs(
      sessions.map((s) => s.build.label),
      times[0],
      times[1],
    );
}
