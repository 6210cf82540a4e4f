import * as assert from 'node:assert/strict';
import { parseFeed, type Feed } from '../../server/src/core/index';

const BODY =
  'The agency reported that all reservoirs hold enough water for the season, and engineers will inspect the dams twice a week.';
const SRC = (n: number) => `Source : https://press.example.gov/news/details/${n}`;

function kinds(feed: Feed): string[] {
  return feed.problems.map((p) => `${p.kind}@${p.release}`);
}

describe('parser', () => {
  it('parses a category, titles, bodies and sources', () => {
    const feed = parseFeed(
      ['Law', `First title 09.02.2025`, BODY, SRC(1), `Second title 10.02.2025`, BODY, SRC(2)].join('\n'),
    );
    assert.equal(feed.releases.length, 2);
    assert.deepEqual(
      feed.categories.map((c) => c.name),
      ['Law'],
    );
    assert.equal(feed.releases[0].category?.name, 'Law');
    assert.equal(feed.releases[0].title?.text, 'First title');
    assert.equal(feed.releases[0].title?.date?.text, '09.02.2025');
    assert.equal(feed.releases[1].source?.url, 'https://press.example.gov/news/details/2');
    assert.deepEqual(feed.problems, []);
  });

  it('reads a category above a first title without its date as a category, not as the title', () => {
    const feed = parseFeed(
      ['Water', 'Reservoirs are full ahead of the thaw', BODY, SRC(1), 'Next 10.02.2025', BODY, SRC(2)].join('\n'),
    );
    assert.deepEqual(
      feed.categories.map((c) => c.name),
      ['Water'],
    );
    assert.equal(feed.releases[0].title?.text, 'Reservoirs are full ahead of the thaw');
    assert.equal(feed.releases[0].body[0]?.text, BODY);
    assert.deepEqual(kinds(feed), ['missing-date@0']);
  });

  it('keeps a short line above a sentence as an undated title', () => {
    const feed = parseFeed(['Water', BODY, SRC(1)].join('\n'));
    assert.deepEqual(feed.categories, []);
    assert.equal(feed.releases[0].title?.text, 'Water');
  });

  it('recovers from a title with no date', () => {
    const feed = parseFeed(['Title without a date', BODY, SRC(1), 'Next 10.02.2025', BODY, SRC(2)].join('\n'));
    assert.equal(feed.releases.length, 2);
    assert.equal(feed.releases[0].title?.text, 'Title without a date');
    assert.equal(feed.releases[0].title?.date, undefined);
    assert.deepEqual(kinds(feed), ['missing-date@0']);
  });

  it('recovers from a release with no Source followed by the next title', () => {
    const feed = parseFeed(['First 09.02.2025', BODY, BODY, 'Second 10.02.2025', BODY, SRC(2)].join('\n'));
    assert.equal(feed.releases.length, 2);
    assert.equal(feed.releases[0].body.length, 2);
    assert.equal(feed.releases[0].source, undefined);
    assert.equal(feed.releases[0].lastLine, 2);
    assert.equal(feed.releases[1].title?.text, 'Second');
    assert.deepEqual(kinds(feed), ['missing-source@0']);
  });

  it('recovers from text after a Source that has no title line', () => {
    const feed = parseFeed(
      ['First 09.02.2025', BODY, SRC(1), BODY, SRC(2), 'Third 10.02.2025', BODY, SRC(3)].join('\n'),
    );
    assert.equal(feed.releases.length, 3);
    assert.equal(feed.releases[1].title, undefined);
    assert.equal(feed.releases[1].body[0].text, BODY);
    assert.equal(feed.releases[1].source?.url.endsWith('/2'), true);
    assert.deepEqual(kinds(feed), ['missing-title@1']);
  });

  it('recovers from an empty body', () => {
    const feed = parseFeed(['First 09.02.2025', SRC(1), 'Second 10.02.2025', BODY, SRC(2)].join('\n'));
    assert.equal(feed.releases.length, 2);
    assert.equal(feed.releases[0].body.length, 0);
    assert.deepEqual(kinds(feed), ['empty-body@0']);
  });

  it('recovers from a Source URL that is not a URL', () => {
    const feed = parseFeed(
      ['First 09.02.2025', BODY, 'Source : the press office', 'Second 10.02.2025', BODY, SRC(2)].join('\n'),
    );
    assert.equal(feed.releases.length, 2);
    assert.equal(feed.releases[0].source?.url, 'the press office');
    assert.deepEqual(kinds(feed), ['source-url@0']);
  });

  it('recovers from dates in other formats', () => {
    for (const [date, format] of [
      ['2025-02-09', 'YYYY-MM-DD'],
      ['9.2.2025', undefined],
      ['09/02/2025', 'DD/MM/YYYY'],
      ['February 9, 2025', 'MMMM D, YYYY'],
      ['9 February 2025', 'D MMMM YYYY'],
    ] as const) {
      const feed = parseFeed([`A title ${date}`, BODY, SRC(1)].join('\n'));
      assert.equal(feed.releases.length, 1, date);
      const d = feed.releases[0].title?.date;
      assert.equal(d?.text, date);
      assert.deepEqual([d?.year, d?.month, d?.day, d?.valid, d?.format], [2025, 2, 9, true, format], date);
      assert.equal(feed.releases[0].title?.text, 'A title');
    }
  });

  it('keeps impossible dates as dates and marks them invalid', () => {
    const feed = parseFeed(['A title 31.02.2025', BODY, SRC(1)].join('\n'));
    assert.equal(feed.releases[0].title?.date?.valid, false);
  });

  it('reads a Source glued to the last paragraph, with and without a space', () => {
    const feed = parseFeed(
      [
        'First 09.02.2025',
        `${BODY}Source : https://a.example/1`,
        'Second 10.02.2025',
        `${BODY} Source: https://a.example/2`,
      ].join('\n'),
    );
    const [a, b] = feed.releases;
    assert.equal(a.source?.glued, true);
    assert.equal(a.body[0].text, BODY);
    assert.equal(a.source?.url, 'https://a.example/1');
    assert.deepEqual(a.source?.gapSpan && a.source.gapSpan.end - a.source.gapSpan.start, 0);
    assert.equal(b.source?.glued, true);
    assert.equal(b.source?.url, 'https://a.example/2');
    assert.equal(b.source?.gapSpan && b.source.gapSpan.end - b.source.gapSpan.start, 1);
  });

  it('does not end a release at the word Source inside a sentence', () => {
    const feed = parseFeed(
      ['First 09.02.2025', 'Source: officials said the plan is ready, and the work starts in May.', BODY, SRC(1)].join(
        '\n',
      ),
    );
    assert.equal(feed.releases.length, 1);
    assert.equal(feed.releases[0].body.length, 2);
  });

  it('classifies body lines', () => {
    const feed = parseFeed(
      [
        'Games 09.02.2025',
        'Curling',
        BODY,
        'Kazakhstan – China 5:11',
        '* first item,',
        '- We are ready, - he said.',
        SRC(1),
      ].join('\n'),
    );
    assert.deepEqual(
      feed.releases[0].body.map((l) => l.kind),
      ['subheading', 'paragraph', 'score', 'list-item', 'quote'],
    );
  });

  it('handles CRLF and a BOM with offsets in UTF-16 code units', () => {
    const text = `\ufeffLaw\r\nTitle 😀 Қазақстан 09.02.2025\r\n${BODY}\r\n${SRC(1)}\r\n`;
    const feed = parseFeed(text);
    assert.equal(feed.bom, true);
    assert.equal(feed.eol, '\r\n');
    assert.deepEqual(
      feed.categories.map((c) => c.name),
      ['Law'],
    );
    const title = feed.releases[0].title!;
    assert.equal(title.text, 'Title 😀 Қазақстан');
    assert.equal(text.slice(title.date!.span.start, title.date!.span.end), '09.02.2025');
    const src = feed.releases[0].source!;
    assert.equal(text.slice(src.urlSpan.start, src.urlSpan.end), 'https://press.example.gov/news/details/1');
  });

  it('returns an empty model for empty and blank text', () => {
    for (const text of ['', '\n\n', '   ', '\ufeff']) {
      const feed = parseFeed(text);
      assert.equal(feed.releases.length, 0);
      assert.deepEqual(feed.problems, []);
    }
  });
});
