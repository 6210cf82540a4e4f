import * as assert from 'node:assert/strict';
import { Analyzer, lint, readConfig, resolveConfig, type ReleaseRule } from '../../server/src/core/index';

const release = (n: number, extra = '') =>
  `Release number ${n} 0${(n % 9) + 1}.02.2025\nThe agency reported that all reservoirs hold enough water for the season, and engineers inspect the dams twice a week until the end of the spring flood season.${extra}\nSource : https://press.example.gov/news/details/${n}`;

describe('incremental analyzer', () => {
  const today = { year: 2025, month: 6, day: 1 };

  it('re-checks only the releases an edit touched, with the same findings as a full lint', () => {
    const texts = [1, 2, 3, 4, 5].map((n) => release(n));
    const analyzer = new Analyzer();
    analyzer.analyze(texts.join('\n'), { today });
    assert.deepEqual(analyzer.lastReuse, { reused: 0, checked: 5 });

    texts[2] = release(3, 'Glued.Sentence here.');
    const edited = texts.join('\n');
    const incremental = analyzer.analyze(edited, { today });
    assert.deepEqual(analyzer.lastReuse, { reused: 4, checked: 1 });
    assert.deepEqual(incremental.findings, lint(edited, { today }).findings);
    assert.ok(incremental.findings.some((f) => f.ruleId === 'sentence-spacing'));
  });

  it('shifts cached findings when text above them moves', () => {
    const body = [release(1), release(2, 'Glued.Here it is.')];
    const analyzer = new Analyzer();
    analyzer.analyze(body.join('\n'), { today });
    const moved = `Law\n\n\n${body.join('\n')}`;
    const a = analyzer.analyze(moved, { today });
    assert.equal(analyzer.lastReuse.reused, 2);
    assert.deepEqual(a.findings, lint(moved, { today }).findings);
  });

  describe('drops the cache when the config or the date changes', () => {
    const text = [release(1), release(2)].join('\n');

    /** An analyzer that has just reused both releases, so that a later miss is the change's doing. */
    function warmAnalyzer(): Analyzer {
      const analyzer = new Analyzer();
      analyzer.analyze(text, { today });
      analyzer.analyze(text, { today });
      assert.deepEqual(analyzer.lastReuse, { reused: 2, checked: 0 });
      return analyzer;
    }

    it('when the config changes', () => {
      const analyzer = warmAnalyzer();
      // Each body has 28 words, so a minimum of 40 makes short-body report both releases; stale findings would not.
      const read = readConfig({ rules: { 'short-body': { minWords: 40 } } }, 'test');
      const options = { today, config: resolveConfig(read.layer) };
      const a = analyzer.analyze(text, options);
      assert.deepEqual(analyzer.lastReuse, { reused: 0, checked: 2 });
      assert.deepEqual(a.findings, lint(text, options).findings);
      assert.deepEqual(
        a.findings.map((f) => f.ruleId),
        ['short-body', 'short-body'],
      );
    });

    it('when the date changes', () => {
      const analyzer = warmAnalyzer();
      // Both releases are dated in February 2025, so on 15 January they lie in the future.
      const options = { today: { year: 2025, month: 1, day: 15 } };
      const a = analyzer.analyze(text, options);
      assert.deepEqual(analyzer.lastReuse, { reused: 0, checked: 2 });
      assert.deepEqual(a.findings, lint(text, options).findings);
      assert.deepEqual(
        a.findings.map((f) => f.ruleId),
        ['future-date', 'future-date'],
      );
    });
  });

  it('keeps going when a rule throws, and reports the rule', () => {
    const failures: string[] = [];
    const broken: ReleaseRule = {
      id: 'broken',
      description: 'Always throws.',
      defaultSeverity: 'error',
      fixable: false,
      formats: ['feed'],
      scope: 'release',
      check: () => {
        throw new Error('boom');
      },
    };
    const reporting: ReleaseRule = {
      id: 'reporting',
      description: 'Reports each title.',
      defaultSeverity: 'warning',
      fixable: false,
      formats: ['feed'],
      scope: 'release',
      check: (r, ctx) => ctx.report({ message: 'seen', span: r.span }),
    };
    const analyzer = new Analyzer((rule) => failures.push(rule.id));
    const a = analyzer.analyze([release(1), release(2)].join('\n'), { today, rules: [broken, reporting] });
    assert.deepEqual(failures, ['broken', 'broken']);
    assert.deepEqual(
      a.findings.map((f) => f.ruleId),
      ['reporting', 'reporting'],
    );
  });
});
