/** The marks that tell a glued story from a paragraph of its release, which merged-release asks for. */
import * as assert from 'node:assert/strict';
import {
  closingSignature,
  opensWithDateline,
  opensWithHeadline,
  opensWithOtherDate,
  storyMarks,
} from '../../server/src/core/story';
import { lint } from '../../server/src/core/index';

const MARCH_4 = { year: 2025, month: 3, day: 4 };

describe('story marks', () => {
  it('finds a wire dateline, with or without a country and an agency', () => {
    for (const text of [
      'TARAZ. QAZAQPRESS – Fishermen…',
      'NUR-TOBE, Kazakhstan — The akimat…',
      'ORAL - Engineers…',
      'ZORIANSK. EAST MEDIA – The plant…',
    ]) {
      assert.ok(opensWithDateline(text), text);
    }
    for (const text of ['The JSC board – as planned – met.', 'Taraz. The akimat said…', 'AI is changing work.']) {
      assert.ok(!opensWithDateline(text), text);
    }
  });

  it('finds another date in the opening sentence only', () => {
    assert.ok(opensWithOtherDate('On 17 February, archaeologists uncovered pottery.', MARCH_4));
    assert.ok(opensWithOtherDate('On February 17 archaeologists uncovered pottery.', MARCH_4));
    assert.ok(opensWithOtherDate('On 17.02.2025 archaeologists uncovered pottery.', MARCH_4));
    assert.ok(!opensWithOtherDate('On 4 March, the clinic opened.', MARCH_4));
    assert.ok(!opensWithOtherDate('The clinic opened. Patients may register until 17 February.', MARCH_4));
    assert.ok(!opensWithOtherDate('On 17 February, archaeologists uncovered pottery.', undefined));
    assert.ok(!opensWithOtherDate('Prices may 15 percent rise.', MARCH_4), 'the verb "may" is no month');
  });

  it('finds a headline: a short first sentence in Title Case', () => {
    assert.ok(opensWithHeadline('Young Chess Players Compete in Regional Final. The tournament gathered…'));
    assert.ok(!opensWithHeadline('Doctors will receive patients six days a week. The ward has twelve beds.'));
    assert.ok(
      !opensWithHeadline('Minister Aibek Tursyn met Deputy Governor Serik Almas and the Head of the Agency today.'),
    );
  });

  it('says which marks it found', () => {
    assert.deepEqual(storyMarks('ORAL - On 17 February, engineers opened a bridge.', MARCH_4), [
      'opens with a dateline of its own',
      'opens with another date',
    ]);
    assert.deepEqual(storyMarks('Doctors will receive patients six days a week.', MARCH_4), []);
  });

  it('reads a closing signature or credit, and no acronym defined at the end of a sentence (issue 10)', () => {
    const agency = (text: string) => closingSignature(text)?.agency;
    assert.equal(agency('Rangers counted six cubs in the valley. — Steppe Wire'), 'Steppe Wire');
    assert.equal(agency('Patients were referred to the hospital. (Sahil News Service)'), 'Sahil News Service');
    assert.equal(
      agency('The road reopens in May. Press service of the akimat of Oral region.'),
      'akimat of Oral region',
    );
    assert.equal(
      agency('The country joined the Organisation for Economic Co-operation and Development (OECD).'),
      undefined,
    );
    assert.equal(agency('Prices rose by a quarter — Minister Aibek Tursyn said.'), undefined);
  });
});

describe('merged-release on a story that interrupts another', () => {
  const release = (middle: string, after: string) =>
    [
      'Vocational centre trains welders 05.02.2025',
      'A vocational centre opened with the support of industrial companies will train 600 welders, electricians ' +
        'and machine operators a year. The courses last from three to six months and are free for young people.',
      middle,
      after,
      'Source : https://press.example.gov/1',
    ].join('\n');
  const snowfall =
    'A heavy snowfall closed the mountain pass between two northern regions for eleven hours, and road crews with ' +
    'forty snowploughs worked through the night to clear avalanche debris. Traffic was restored the next morning.';
  const merged = (text: string) =>
    lint(text, { today: MARCH_4 })
      .findings.filter((f) => f.ruleId === 'merged-release')
      .map((f) => f.message);

  it('flags a paragraph with nothing in common when the story before it goes on after it', () => {
    const found = merged(release(snowfall, 'Graduates of the centre receive certificates that employers recognise.'));
    assert.equal(found.length, 1);
    assert.match(found[0], /interrupts a story that goes on after it/);
  });

  it('stays silent when the paragraph after it shares nothing with the story before it either', () => {
    assert.deepEqual(merged(release(snowfall, 'Ticket sales open on Monday at noon for all visitors.')), []);
  });
});
