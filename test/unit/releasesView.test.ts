/**
 * The pure parts of the Releases view: problem counts per release, the list's names and order, how the client
 * words a release, the counting pass giving up on a file that changed while it was counted, and how often the
 * server tells the client that the list changed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { problemText, releaseDescription, releaseIcon, releaseTooltip } from '../../client/src/releaseLabels';
import {
  addFindings,
  analysisCounts,
  byNewest,
  lint,
  listFile,
  noProblems,
  resolveConfig,
  summarizeText,
  type FileSummary,
  type Finding,
  type ProblemCounts,
} from '../../server/src/core/index';
import { CountingPass } from '../../server/src/index/counting';
import { Lifecycle } from '../../server/src/lifecycle';
import { COUNTED_MS, RELEASES_CHANGED_MS, ReleasesNotifier } from '../../server/src/releasesNotifier';
import type { ReleaseEntry } from '../../shared/protocol';
import { release } from '../support/workspaceFixtures';

const CONFIG = resolveConfig({});
const SOURCE = 'https://ex.gov/1';

const finding = (start: number, severity: Finding['severity']): Finding => ({
  ruleId: 'x',
  severity,
  message: 'm',
  span: { start, end: start + 1 },
});

describe('problem counts per release', () => {
  it('count each finding in the release its start falls in, before the first in the first, hints left out', () => {
    const counts = [noProblems(), noProblems()];
    const findings = [finding(0, 'error'), finding(5, 'warning'), finding(10, 'info'), finding(12, 'hint')];
    addFindings(counts, [3, 10], findings);
    assert.deepEqual(counts, [
      { errors: 1, warnings: 1, infos: 0 },
      { errors: 0, warnings: 0, infos: 1 },
    ]);
    const none: ProblemCounts[] = [];
    addFindings(none, [], findings);
    assert.deepEqual(none, []);
  });

  it("of an analysis add up to its findings, each in its own release's span", () => {
    const text = release('Bridge reopens 31.02.2025', SOURCE) + release('Ferry resumes', SOURCE);
    const analysis = lint(text);
    const counts = analysisCounts(analysis);
    assert.equal(counts.length, 2);
    const spans = analysis.feed.releases.map((r) => r.span);
    spans.forEach((span, i) => {
      const inside = analysis.findings.filter((f) => f.span.start >= span.start && f.span.start < span.end);
      const bySeverity = (s: Finding['severity']) => inside.filter((f) => f.severity === s).length;
      assert.deepEqual(counts[i], {
        errors: bySeverity('error'),
        warnings: bySeverity('warning'),
        infos: bySeverity('info'),
      });
    });
    assert.ok(counts[0].errors > 0 && counts[1].errors > 0, 'an impossible date and a missing one are errors');
  });
});

describe('the release list', () => {
  const summary = summarizeText(
    release('Older news 01.02.2025', SOURCE) + release('Newer news 03.02.2025', SOURCE),
    CONFIG,
  );

  it('names an untitled release by its file, and leaves counts unknown until there are some', () => {
    const untitled: FileSummary = { format: 'feed', releases: [{ ...summary.releases[0], title: '  ' }] };
    const [r] = listFile('file:///desk/notes%20a.release', untitled, undefined, []);
    assert.equal(r.name, 'notes a.release');
    assert.equal(r.untitled, true);
    assert.equal(r.counts, undefined);
  });

  it("adds cross-file findings to a copy of the stored counts, never to the index's own numbers", () => {
    const stored = [noProblems(), { errors: 1, warnings: 0, infos: 0 }];
    const second = summary.releases[1].place.span.start;
    const listed = listFile('f', summary, stored, [finding(second + 2, 'warning')]);
    assert.deepEqual(
      listed.map((l) => l.counts),
      [noProblems(), { errors: 1, warnings: 1, infos: 0 }],
    );
    assert.deepEqual(stored[1], { errors: 1, warnings: 0, infos: 0 });
    assert.equal(listFile('f', summary, [noProblems()], [])[0].counts, undefined, 'counts of another version');
  });

  it('sorts newest first, undated last, then by file and place', () => {
    const rel = (date: string | undefined, start: number) => ({
      ...summary.releases[0],
      date,
      place: { ...summary.releases[0].place, span: { start, end: start + 1 } },
    });
    const items = [
      { file: 'b', release: rel(undefined, 0), name: 'u', untitled: false },
      { file: 'b', release: rel('2025-02-01', 9), name: 'b9', untitled: false },
      { file: 'a', release: rel('2025-02-01', 5), name: 'a5', untitled: false },
      { file: 'a', release: rel('2025-03-01', 0), name: 'new', untitled: false },
      { file: 'a', release: rel('2025-02-01', 1), name: 'a1', untitled: false },
    ];
    assert.deepEqual(
      items.sort(byNewest).map((i) => i.name),
      ['new', 'a1', 'a5', 'b9', 'u'],
    );
  });
});

describe("the Releases view's wording", () => {
  const entry = (problems?: ProblemCounts): ReleaseEntry => ({
    uri: 'file:///a.release',
    title: 'Bridge reopens',
    untitled: false,
    date: '2025-02-09',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 14 } },
    ...(problems ? { problems } : {}),
  });

  it('shows no count before the server counted, and the worst severity as the icon', () => {
    assert.equal(releaseIcon(undefined), 'uncounted');
    assert.equal(problemText(undefined), undefined);
    assert.equal(releaseDescription(entry()), '2025-02-09');
    assert.match(releaseTooltip(entry(), 'a.release'), /not counted yet/);
    assert.equal(releaseIcon(noProblems()), 'clean');
    assert.equal(problemText(noProblems()), 'no problems');
    assert.equal(releaseIcon({ errors: 0, warnings: 2, infos: 1 }), 'warning');
    assert.equal(releaseIcon({ errors: 1, warnings: 2, infos: 1 }), 'error');
    assert.equal(releaseIcon({ errors: 0, warnings: 0, infos: 3 }), 'info');
  });

  const withoutDate = ({ date: _date, ...rest }: ReleaseEntry): ReleaseEntry => rest;

  it('words the counts', () => {
    const e = entry({ errors: 1, warnings: 2, infos: 0 });
    assert.equal(releaseDescription(e), '2025-02-09 · 3 problems');
    assert.equal(problemText(e.problems), '1 error, 2 warnings');
    assert.equal(releaseTooltip(withoutDate(e), 'a.release').split('\n')[2], 'No valid publication date');
  });
});

describe('the counting pass', () => {
  let dir = '';
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prl-count-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stores the counts of a file whose summary stayed, and drops those of one that changed meanwhile', async () => {
    const text = release('Bridge reopens 31.02.2025', SOURCE);
    const files = { kept: path.join(dir, 'kept.release'), changed: path.join(dir, 'changed.release') };
    for (const f of Object.values(files)) fs.writeFileSync(f, text);
    const summaries = new Map<string, FileSummary>(Object.keys(files).map((k) => [k, summarizeText(text, CONFIG)]));
    const newer = summarizeText(text, CONFIG);
    let stored = 0;
    const pass = new CountingPass({
      summaryOf: (key) => summaries.get(key),
      fileOf: (key) => {
        // The file changes while it is counted: its new summary must not get the old text's numbers.
        if (key === 'changed') summaries.set('changed', newer);
        return { file: files[key as keyof typeof files], config: CONFIG };
      },
      counted: () => stored++,
    });
    pass.add(['kept', 'changed']);
    const old = summaries.get('kept')!;
    await pass.done;
    assert.deepEqual(old.counts, analysisCounts(lint(text, { config: CONFIG })));
    assert.equal(stored, 1);
    assert.equal(newer.counts, undefined);
  });
});

describe('the releases notifier', () => {
  const running = () => {
    const lifecycle = new Lifecycle();
    lifecycle.initialize();
    lifecycle.initialized();
    return lifecycle;
  };

  /** Resolves at the notifier's next send, with when it came; rejects at the deadline. */
  const nextSend = (sends: Array<() => void>, deadlineMs: number) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no notification before the deadline')), deadlineMs);
      sends.push(() => {
        clearTimeout(timer);
        resolve(performance.now());
      });
    });

  it('sends one notification for a burst of hints, and a sooner hint brings a later one forward', async () => {
    const waiting: Array<() => void> = [];
    let sent = 0;
    const notifier = new ReleasesNotifier(running(), () => {
      sent++;
      waiting.shift()?.();
    });
    let next = nextSend(waiting, 5000);
    for (let i = 0; i < 10; i++) notifier.hint();
    await next;
    assert.equal(sent, 1);
    next = nextSend(waiting, 5000);
    const t0 = performance.now();
    notifier.hint(COUNTED_MS);
    notifier.hint();
    const at = await next;
    assert.ok(at - t0 < COUNTED_MS, `the notification waited ${Math.round(at - t0)} ms, as long as a count's`);
    assert.ok(at - t0 >= RELEASES_CHANGED_MS - 5, 'the notification came before its interval');
    assert.equal(sent, 2);
  });

  it('schedules nothing before initialized', async () => {
    const lifecycle = new Lifecycle();
    const waiting: Array<() => void> = [];
    const notifier = new ReleasesNotifier(lifecycle, () => waiting.shift()?.());
    const t0 = performance.now();
    notifier.hint();
    lifecycle.initialize();
    lifecycle.initialized();
    // Had the first hint been kept, its notification would come after half a second, not after a count's wait.
    const next = nextSend(waiting, 5000);
    notifier.hint(COUNTED_MS);
    assert.ok((await next) - t0 >= COUNTED_MS - 5, 'a hint before initialized was kept');
  });
});
