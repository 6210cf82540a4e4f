/**
 * The server's analysis after a one-character edit, without the server: the core's Analyzer, given the 10 MB
 * feed, then timed on `analyze(newText)` alone after each edit (no conversion to LSP, no I/O, no debounce).
 */
import type { Build } from './builds';
import { CoreWorker } from './coreWorker';
import { planEdits } from './edits';
import { comparePairs, count, describeFailure, heading, medianP95, ms, note, printRow, type Failure } from './report';
import { interleave, median, spread } from './stats';
import type { Reply } from './worker';

const LOAD_DEADLINE_MS = 180_000;
const EDIT_DEADLINE_MS = 30_000;
/** Edits of each place; the first edit of each place warms the code up and is not counted. */
const PER_PLACE = 11;
const WARM_UP = 3;

export async function analysisRows(builds: readonly Build[], file: string, text: string): Promise<void> {
  heading('Server analysis after a one-character edit, 10 MB (in-process Analyzer.analyze, no debounce, no I/O)');
  const usable = builds.filter((b) => b.coreIndex);
  for (const b of builds) if (!b.coreIndex) note(`${b.label}: no out/server/src/core/index.js; run tsc there first`);
  const workers = usable.map((b) => new CoreWorker(b.coreIndex!));
  try {
    const loads = await interleave(workers.length, 1, (b) => workers[b].ask({ op: 'load', file }, LOAD_DEADLINE_MS));
    const edits = planEdits(text, PER_PLACE);
    const series = await interleave(workers.length, edits.length, (b, i) =>
      loads[b].failure
        ? Promise.resolve(loads[b].failure)
        : workers[b].ask({ op: 'edit', offset: edits[i].offset, char: edits[i].char }, EDIT_DEADLINE_MS),
    );
    usable.forEach((b, i) => printBuild(b, loads[i].samples[0], series[i].samples.slice(WARM_UP), series[i].failure));
    const times = series.map((s) => s.samples.slice(WARM_UP).map((r) => r.ms));
    if (times.length > 1)
      comparePairs(
        usable.map((b) => b.label),
        times[0],
        times[1],
      );
  } finally {
    for (const w of workers) w.kill();
  }
}

function printBuild(b: Build, load: Reply | undefined, edits: Reply[], failure: Failure | undefined): void {
  const measure = 'analysis after a one-character edit, 10 MB';
  const target = 'median ≤ 20 ms';
  if (failure || !load) {
    const why = failure ? describeFailure(failure) : 'no figures';
    printRow({ measure, build: b.label, figures: why, target, ok: false });
    return;
  }
  const s = spread(edits.map((r) => r.ms));
  const reused = median(edits.map((r) => r.reused ?? 0));
  printRow({
    measure,
    build: b.label,
    figures: `${medianP95(s)}; reused ${count(reused)} of ${count(load.releases)} releases (lastReuse, median)`,
    target,
    ok: s.median <= 20,
  });
  note(`${b.label}: full analysis of the feed ${ms(load.ms)}, ${count(load.findings)} findings`);
  const textMs = median(edits.map((r) => r.textMs ?? 0));
  note(`${b.label}: making each edited text (one flat string, not in the figure above) ${ms(textMs)}, median`);
}
