/**
 * The quality gate of the standard press release rules on the labelled corpus (issue 12): recall of at least 90% for
 * every wire rule, no false alarm on the clean layouts, and none anywhere else either. The figures come from the
 * same scorer as `npm run eval:wire`, run on the corpus as it is.
 */
import * as assert from 'node:assert/strict';
import { loadWire, meetsTargets, scoreWire, WIRE_RULES, WIRE_TARGETS } from '../support/evalWire';

describe('judgement on the labelled standard releases', function () {
  this.timeout(60_000);
  const releases = loadWire();
  const score = scoreWire(releases);

  it('knows every wire rule that the corpus plants faults for', () => {
    assert.deepEqual(score.unknownRules, []);
    for (const rule of WIRE_RULES)
      assert.ok((score.rules.find((r) => r.rule === rule)?.planted ?? 0) > 0, `${rule}: no planted fault to find`);
  });

  it(`finds at least ${WIRE_TARGETS.recall * 100}% of the planted faults of every wire rule`, () => {
    const below = score.rules
      .filter((r) => r.recall < WIRE_TARGETS.recall)
      .map((r) => `${r.rule}: ${r.found} of ${r.planted}`);
    assert.deepEqual(below, [], `misses:\n${score.misses.join('\n')}`);
  });

  it('raises no false alarm on the clean layouts, nor on the releases with planted faults', () => {
    assert.deepEqual(score.cleanFalseAlarms, []);
    assert.deepEqual(score.falseAlarms, []);
    assert.ok(meetsTargets(score));
  });

  it('would notice a fault that nobody planted: unlabelled, it is a false alarm on a clean layout', () => {
    // The gate is only as good as the scorer; erasing the labels of one faulty release must break the targets.
    const faulty = releases.find((r) => r.labels.faults.some((f) => f.rule === 'quote-attribution'));
    assert.ok(faulty, 'the corpus plants a quote-attribution fault');
    const erased = { ...faulty, labels: { ...faulty.labels, clean: true, faults: [] } };
    const s = scoreWire(releases.map((r) => (r === faulty ? erased : r)));
    assert.ok(
      s.cleanFalseAlarms.some((f) => f.includes(': quote-attribution: ')),
      s.cleanFalseAlarms.join('\n'),
    );
    assert.equal(meetsTargets(s), false);
  });
});
