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
  diagnosticsMs: number;
  /** When the hover sent right after the change was answered, or why it was not. */
  hover: string;
}

async function timeChange(server: LspServer, uri: string, version: number, changes: ContentChange[]): Promise<Timing> {
  const t0 = server.change(uri, version, changes);
  // A hover on the first title: any request will do; what counts is whether the server answers while busy.
  const id = server.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
  const hover = server.response(id, CHANGE_DEADLINE_MS).then(
    (r) => `answered after ${ms(r.arrivedAt - t0)}`,
    (e: unknown) => (e instanceof ServerFailure ? `not answered: ${describeFailure(e.failure)}` : String(e)),
  );
  const publish = await server.publish(uri, version, CHANGE_DEADLINE_MS);
  return { diagnosticsMs: publish.arrivedAt - t0, hover: await hover };
}

function printTiming(label: string, measure: string, t: Timing | ServerFailure): void {
  const target = `final diagnostics ≤ ${ms(TARGET_MS)}`;
  if (t instanceof ServerFailure) {
    printRow({ measure, build: label, figures: describeFailure(t.failure), target, ok: false });
    return;
  }
  const figures = `final diagnostics after ${ms(t.diagnosticsMs)}; hover sent right after the change ${t.hover}`;
  printRow({ measure, build: label, figures, target, ok: t.diagnosticsMs <= TARGET_MS });
}

async function oneBuild(b: Build, file: string, text: string, r: ReplaceAll): Promise<void> {
  const uri = pathToFileURL(file).href;
  const server = new LspServer(b.serverJs);
  const undo = collapsedChange(applyReplaceAll(text, r), undoReplaceAll(r));
  const measures = [
    `one didChange with ${count(EDITS)} edits (Replace All), 10 MB`,
    `the Replace All undone as one folded change of ${size(undo.text.length)}, 10 MB`,
  ];
  // Which measure a failure belongs to: the one being timed when it came.
  let step = 0;
  try {
    await server.initialize(30_000);
    server.open(uri, text);
    await server.publish(uri, 1, OPEN_DEADLINE_MS);
    printTiming(b.label, measures[0], await timeChange(server, uri, 2, replaceAllChanges(text, r)));
    step = 1;
    printTiming(b.label, measures[1], await timeChange(server, uri, 3, [undo]));
  } catch (e) {
    if (!(e instanceof ServerFailure)) throw e;
    printTiming(b.label, measures[step], e);
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
