import * as assert from 'node:assert/strict';
import { apDate, feedDate, releaseTemplate, TEMPLATE_CHOICES } from '../../client/src/templates';
import { lint } from '../../server/src/core/index';

const today = { year: 2026, month: 11, day: 28 };

/**
 * The text a user gets by pressing Tab through the snippet without typing: each placeholder becomes its default,
 * each mirror (`$4`) its tabstop's default, and the final `$0` nothing. A placeholder without a default, or one
 * used twice with two defaults, fails the test rather than filling in something the editor would not.
 */
function fill(snippet: string): string {
  const defaults = new Map<string, string>();
  const placed = snippet.replace(/\$\{(\d+):([^}$]*)\}/g, (_, n: string, text: string) => {
    assert.ok(!defaults.has(n) || defaults.get(n) === text, `tabstop ${n} has two defaults`);
    defaults.set(n, text);
    return text;
  });
  return placed.replace(/\$(\d+)/g, (_, n: string) => {
    if (n === '0') return '';
    const text = defaults.get(n);
    assert.ok(text !== undefined, `tabstop $${n} mirrors no placeholder`);
    return text;
  });
}

describe('release templates', () => {
  it('writes the date as AP style and as the feed does', () => {
    assert.equal(apDate(today), 'Nov. 28, 2026');
    assert.equal(apDate({ year: 2025, month: 3, day: 4 }), 'March 4, 2025');
    assert.equal(apDate({ year: 2024, month: 9, day: 9 }), 'Sept. 9, 2024');
    assert.equal(feedDate({ year: 2025, month: 2, day: 9 }), '09.02.2025');
  });

  it('offers both formats in the quick pick', () => {
    assert.deepEqual(
      TEMPLATE_CHOICES.map((c) => [c.format, c.label]),
      [
        ['wire', 'Standard release'],
        ['feed', 'Government feed'],
      ],
    );
  });

  it('gives a standard release that lints clean and is detected as one', () => {
    const text = fill(releaseTemplate('wire', today));
    assert.match(text, /^CITY, Nov\. 28, 2026 — Organisation today/m);
    const a = lint(text, { today });
    assert.equal(a.format, 'wire');
    assert.deepEqual(
      a.findings.map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
  });

  it('gives a feed release whose only finding is the Source URL left to type', () => {
    const text = fill(releaseTemplate('feed', today));
    assert.match(text, /^Headline 28\.11\.2026\n/);
    const a = lint(text, { today });
    assert.equal(a.format, 'feed');
    const ids = a.findings.map((f) => f.ruleId);
    assert.deepEqual(ids, ['source-url'], ids.join());
    assert.ok(!ids.some((id) => id.startsWith('missing-')));
  });

  it('dates a template today, so a template made in another month carries that month', () => {
    const text = fill(releaseTemplate('wire', { year: 2025, month: 3, day: 4 }));
    assert.match(text, /, March 4, 2025 — /);
    const future = lint(text, { today: { year: 2025, month: 3, day: 3 } }).findings.map((f) => f.ruleId);
    assert.ok(future.includes('dateline-date'), 'linted the day before, the dateline is in the future');
  });
});
