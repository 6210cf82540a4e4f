/**
 * A Replace All over LSP: one didChange carrying 2,000 edits to the 10 MB feed, then a hover request at once,
 * timed until the publish for that version and until the hover's answer (is the server still responsive?).
 *
 * How VS Code sends such an edit, from its source (src/vs/editor/common/model/pieceTreeTextBuffer/
 * pieceTreeTextBuffer.ts, `applyEdits` and `_doApplyEdits`): the edits of one operation are applied and
 * reported in one content-change event, sorted by descending position, each range in the coordinates of the
 * text before the edit; the extension host and vscode-languageclient pass that list on as one didChange.
 * Edits that come with cursors (multi-cursor typing: ReplaceCommand uses addTrackedEditOperation) keep that
 * shape however many there are. The find widget's Replace All (ReplaceAllCommand, addEditOperation) is folded
 * by `_reduceOperations` into one change from the first match to the end of the last once there are 1,000 or
 * more, so the bench also times that shape, as the Replace All that undoes the first one.
 */
import { pathToFileURL } from 'node:url';
import type { Build } from './builds';
import {
  applyReplaceAll,
  collapsedChange,
  planReplaceAll,
  replaceAllChanges,
  undoReplaceAll,
  type ReplaceAll,
} from './edits';
import { LspServer, ServerFailure, type ContentChange } from './lspClient';
import { count, describeFailure, heading, ms, note, printRow, size } from './report';

const OPEN_DEADLINE_MS = 180_000;
const CHANGE_DEADLINE_MS = 60_000;
const EDITS = 2000;
const TARGET_MS = 2000;

interface Timing {
  /** When the publish for the new version arrived, or why it did not. */
  diagnostics: number | ServerFailure;
  /** When the hover sent right after the change was answered, or why it was not. */
  hover: string;
}

const failureOf = (e: unknown): ServerFailure => {
  if (e instanceof ServerFailure) return e;
  throw e;
};

async function timeChange(server: LspServer, uri: string, version: number, changes: ContentChange[]): Promise<Timing> {
  const t0 = server.change(uri, version, changes);
  // A hover on the first title: any request will do; what counts is whether the server answers while busy.
  const id = server.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
  const hover = server.response(id, CHANGE_DEADLINE_MS).then(
    (r) => `answered after ${ms(r.arrivedAt - t0)}`,
    (e: unknown) => `not answered: ${describeFailure(failureOf(e).failure)}`,
  );
  const diagnostics = server.publish(uri, version, CHANGE_DEADLINE_MS).then((p) => p.arrivedAt - t0, failureOf);
  return { diagnostics: await diagnostics, hover: await hover };
}

function printTiming(label: string, measure: string, t: Timing): void {
  const target = `final diagnostics ≤ ${ms(TARGET_MS)}`;
  const d = t.diagnostics;
  const diagnostics = typeof d === 'number' ? `after ${ms(d)}` : describeFailure(d.failure);
  const figures = `final diagnostics ${diagnostics}; hover sent right after the change ${t.hover}`;
  printRow({ measure, build: label, figures, target, ok: typeof d === 'number' && d <= TARGET_MS });
}

async function oneBuild(b: Build, file: string, text: string, r: ReplaceAll): Promise<void> {
  const uri = pathToFileURL(file).href;
  const server = new LspServer(b.serverJs);
  const undo = collapsedChange(applyReplaceAll(text, r), undoReplaceAll(r));
  const measures = [
    `one didChange with ${count(EDITS)} edits (Replace All), 10 MB`,
    `the Replace All undone as one folded change of ${size(undo.text.length)}, 10 MB`,
  ];
  try {
    await server.initialize(30_000);
    server.open(uri, text);
    await server.publish(uri, 1, OPEN_DEADLINE_MS);
    const first = await timeChange(server, uri, 2, replaceAllChanges(text, r));
    printTiming(b.label, measures[0], first);
    // A server still busy with the first edit would time the second one wrong.
    if (typeof first.diagnostics !== 'number') note(`${b.label}: ${measures[1]}: not measured, the server was busy`);
    else printTiming(b.label, measures[1], await timeChange(server, uri, 3, [undo]));
  } catch (e) {
    const f = failureOf(e).failure;
    printRow({
      measure: measures[0],
      build: b.label,
      figures: describeFailure(f),
      target: 'opening the feed',
      ok: false,
    });
  } finally {
    await server.close();
  }
}

export async function replaceAllRows(builds: readonly Build[], file: string, text: string): Promise<void> {
  heading('Replace All over LSP, 10 MB (one run per build, one build at a time)');
  const r = planReplaceAll(text, EDITS);
  note(
    `"${r.word}" → "${r.replacement}" at ${count(r.offsets.length)} of its ` +
      `${count(r.occurrences)} occurrences, spread over the feed, sorted by descending position`,
  );
  for (const b of builds) await oneBuild(b, file, text, r);
}
