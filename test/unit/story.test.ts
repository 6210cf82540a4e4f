/** The marks that tell a glued story from a paragraph of its release, which merged-release asks for. */
import * as assert from 'node:assert/strict';
import { opensWithDateline, opensWithHeadline, opensWithOtherDate, storyMarks } from '../../server/src/core/story';

const MARCH_4 = { year: 2025, month: 3, day: 4 };

describe('story marks', () => {
  it('finds a wire dateline, with or without a country and an agency', () => {
    for (const text of ['TARAZ. QAZAQPRESS – Fishermen…', 'NUR-TOBE, Kazakhstan — The akimat…', 'ORAL - Engineers…']) {
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
});
