import * as assert from 'node:assert/strict';
import {
  findWeekdayMentions,
  formatDate,
  isValidDate,
  matchTrailingDate,
  weekdayOf,
} from '../../server/src/core/index';

describe('dates', () => {
  it('validates calendar dates, leap years included', () => {
    assert.equal(isValidDate(2024, 2, 29), true);
    assert.equal(isValidDate(2025, 2, 29), false);
    assert.equal(isValidDate(2025, 13, 1), false);
    assert.equal(isValidDate(2025, 1, 0), false);
    assert.equal(isValidDate(2025, 4, 31), false);
  });

  it('formats in every configured format', () => {
    const d = { year: 2025, month: 2, day: 9 };
    assert.deepEqual(
      (['DD.MM.YYYY', 'YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'D MMMM YYYY', 'MMMM D, YYYY'] as const).map((f) =>
        formatDate(d, f),
      ),
      ['09.02.2025', '2025-02-09', '09/02/2025', '02/09/2025', '9 February 2025', 'February 9, 2025'],
    );
  });

  it('reads slashed dates by the configured order', () => {
    assert.deepEqual(
      [matchTrailingDate('T 02/09/2025')?.month, matchTrailingDate('T 02/09/2025', 'MM/DD/YYYY')?.month],
      [9, 2],
    );
  });

  it('finds a date followed by any trailing whitespace', () => {
    assert.equal(matchTrailingDate('Title 09.02.2025 \u00a0\t')?.text, '09.02.2025');
  });

  it('needs whitespace before a trailing date', () => {
    assert.equal(matchTrailingDate('flooding.09.02.2025'), undefined);
    assert.equal(matchTrailingDate('no date here'), undefined);
  });

  it('computes weekdays in UTC', () => {
    assert.equal(weekdayOf({ year: 2025, month: 2, day: 5 }), 3);
  });

  it('finds weekdays written next to dates', () => {
    const m = findWeekdayMentions(
      'On February 5 (Tuesday) and on Friday, 7 March and on Friday, March 7, 2025, and 07.03.2025 (Friday).',
    );
    assert.deepEqual(
      m.map((x) => [x.month, x.day, x.year, x.weekdayText]),
      [
        [2, 5, undefined, 'Tuesday'],
        [3, 7, 2025, 'Friday'],
        [3, 7, 2025, 'Friday'],
      ],
    );
  });
});
