/**
 * The core of the workspace index: file summaries, the summaries of a workspace with the keys they share, and the
 * cross-file checks of `duplicate-source` and `duplicate-title` over them.
 */
import * as assert from 'node:assert/strict';
import {
  crossFileFindings,
  fileLabel,
  lint,
  resolveConfig,
  summarizeAnalysis,
  summarizeText,
  WorkspaceSummaries,
} from '../../server/src/core/index';
import { feed } from '../support/workspaceFixtures';

const CONFIG = resolveConfig({});

const A = feed(
  ['Bridge reopens after repairs 09.02.2025', 'https://press.example.gov/news/1'],
  ['Schools open a new term 10.02.2025', 'https://press.example.gov/news/2'],
);
const B = feed(
  ['Library extends its hours 11.02.2025', 'https://press.example.gov/news/2'],
  ['Bridge reopens after repairs 09.02.2025', 'https://press.example.gov/news/3'],
);
const C = feed(['Park gets new benches 12.02.2025', 'https://press.example.gov/news/4']);

const STANDARD = [
  'FOR IMMEDIATE RELEASE',
  '',
  'Bridge reopens after repairs',
  '',
  'ZORIANSK, Feb. 9, 2025 — The district administration reported that the bridge reopened.',
  '',
  '###',
].join('\n');

function workspace(files: Record<string, string>): WorkspaceSummaries {
  const ws = new WorkspaceSummaries();
  for (const [file, text] of Object.entries(files)) ws.set(file, summarizeText(text, CONFIG));
  return ws;
}

const show = (file: string, ws: WorkspaceSummaries, text: string) =>
  crossFileFindings(file, ws, CONFIG).map((f) => ({
    rule: f.ruleId,
    at: text.slice(f.span.start, f.span.end),
    message: f.message,
    elsewhere: f.elsewhere?.map((e) => `${e.file}:${e.start.line}:${e.start.character}-${e.end.character}`),
  }));

describe('workspace summaries', () => {
  it('summarise each release: title, date, Source and where they stand, in offsets and in lines', () => {
    const s = summarizeText(A, CONFIG);
    assert.equal(s.format, 'feed');
    assert.deepEqual(
      s.releases.map((r) => [r.title, r.date, r.source?.text, r.source?.start.line, r.dated?.start.line]),
      [
        ['Bridge reopens after repairs', '2025-02-09', 'https://press.example.gov/news/1', 2, 0],
        ['Schools open a new term', '2025-02-10', 'https://press.example.gov/news/2', 5, 3],
      ],
    );
    const source = s.releases[1].source!;
    assert.equal(A.slice(source.span.start, source.span.end), 'https://press.example.gov/news/2');
    assert.equal(source.start.character, 'Source : '.length);
  });

  it('date a standard release by its dateline, so that its headline and date make a title key', () => {
    const s = summarizeText(STANDARD, CONFIG);
    assert.equal(s.format, 'wire');
    assert.equal(s.releases[0].date, '2025-02-09');
    assert.equal(s.releases[0].dated?.key, summarizeText(A, CONFIG).releases[0].dated?.key);
  });

  it("summarise an open document's analysis as its text would be summarised", () => {
    for (const text of [A, B, STANDARD]) assert.deepEqual(summarizeAnalysis(lint(text)), summarizeText(text, CONFIG));
  });

  it('forget the keys of a file whose summary is replaced or deleted', () => {
    const ws = workspace({ 'a.release': A, 'b.release': B });
    assert.equal(ws.sourcedElsewhere(summarizeText(A, CONFIG).releases[1].source!.key, 'a.release').length, 1);
    ws.set('b.release', summarizeText(C, CONFIG));
    const key = summarizeText(A, CONFIG).releases[1].source!.key;
    assert.deepEqual(ws.sourcedElsewhere(key, 'a.release'), []);
    ws.set('b.release', summarizeText(B, CONFIG));
    assert.equal(ws.sourcedElsewhere(key, 'a.release').length, 1);
    ws.delete('b.release');
    assert.deepEqual(ws.sourcedElsewhere(key, 'a.release'), []);
    assert.equal(ws.size, 1);
  });

  it('name a file by its last path segment, from a path or a URI', () => {
    assert.equal(fileLabel('file:///desk/feeds/june%20feed.release'), 'june feed.release');
    assert.equal(fileLabel('feeds\\may.release'), 'may.release');
    assert.equal(fileLabel('a.release'), 'a.release');
  });
});

describe('cross-file checks', () => {
  const ws = workspace({ 'a.release': A, 'b.release': B, 'c.release': C });

  it('report a Source and a title that another file has too, pointing at it', () => {
    assert.deepEqual(show('a.release', ws, A), [
      {
        rule: 'duplicate-title',
        at: 'Bridge reopens after repairs',
        message: 'Same title and date as "Bridge reopens after repairs" in b.release',
        elsewhere: ['b.release:3:0-28'],
      },
      {
        rule: 'duplicate-source',
        at: 'https://press.example.gov/news/2',
        message: 'Source URL is also used by "Library extends its hours" in b.release',
        elsewhere: ['b.release:2:9-41'],
      },
    ]);
    assert.deepEqual(show('c.release', ws, C), []);
  });

  it('find a standard release that repeats a feed release of the same day', () => {
    const both = workspace({ 'a.release': A, 'bridge.release': STANDARD });
    assert.deepEqual(
      show('bridge.release', both, STANDARD).map((f) => [f.rule, f.at, f.elsewhere]),
      [['duplicate-title', 'Bridge reopens after repairs', ['a.release:0:0-28']]],
    );
  });

  it('leave duplicates inside one file to the feed rules', () => {
    const twice = feed(
      ['Bridge reopens after repairs 09.02.2025', 'https://press.example.gov/news/1'],
      ['Bridge reopens after repairs 09.02.2025', 'https://press.example.gov/news/1'],
    );
    assert.deepEqual(show('twice.release', workspace({ 'twice.release': twice, 'c.release': C }), twice), []);
  });

  it("give the file's configured severity, and nothing when the rule is off", () => {
    const strict = resolveConfig({
      rules: { 'duplicate-source': { severity: 'error' }, 'duplicate-title': { severity: 'off' } },
    });
    assert.deepEqual(
      crossFileFindings('a.release', ws, strict).map((f) => [f.ruleId, f.severity]),
      [['duplicate-source', 'error']],
    );
  });

  it('name the other files in path order, however they were indexed, from paths or from URIs', () => {
    const names = (files: string[]) => {
      const ws = new WorkspaceSummaries();
      for (const file of files) ws.set(file, summarizeText(file.endsWith('a.release') ? A : B, CONFIG));
      const [source] = crossFileFindings(
        files.find((f) => f.endsWith('a.release'))!,
        ws,
        CONFIG,
      ).filter((f) => f.ruleId === 'duplicate-source');
      return source.elsewhere?.map((e) => fileLabel(e.file));
    };
    assert.deepEqual(names(['e.release', 'd.release', 'a.release', 'b.release']), [
      'b.release',
      'd.release',
      'e.release',
    ]);
    const uris = ['file:///w/z%20e.release', 'file:///w/d.release', 'file:///w/a.release', 'file:///w/b.release'];
    assert.deepEqual(names(uris), ['b.release', 'd.release', 'z e.release']);
  });

  it('say how many more files share the key, and list them as related places', () => {
    const many = workspace({ 'a.release': A, 'b.release': B, 'd.release': B, 'e.release': B });
    const [source] = crossFileFindings('a.release', many, CONFIG).filter((f) => f.ruleId === 'duplicate-source');
    assert.equal(source.message, 'Source URL is also used by "Library extends its hours" in b.release and 2 more');
    assert.deepEqual(
      source.elsewhere?.map((e) => e.file),
      ['b.release', 'd.release', 'e.release'],
    );
  });
});
