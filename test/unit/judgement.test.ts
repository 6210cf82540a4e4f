/**
 * The quality gate of the judgement rules on the labelled feeds (issue 10): precision and recall of the name
 * rules per scope, and of merged-release, may not fall below the targets. Feed-scope recall has no
 * target; its floor is the figure reached, so that no change loses ground there.
 */
import * as assert from 'node:assert/strict';
import { loadFeeds, scoreScope } from '../support/evalFeeds';
import { scoreMerged } from '../support/evalMerged';

describe('judgement on the labelled feeds', function () {
  this.timeout(60_000);
  const feeds = loadFeeds();

  it('has the corpus the issue asks for', () => {
    const pairs = feeds.flatMap((f) => f.pairs);
    assert.ok(feeds.length >= 40, `${feeds.length} feeds`);
    assert.ok(pairs.filter((p) => p.label === 'variant').length >= 100, 'at least 100 variant pairs');
    assert.ok(pairs.filter((p) => p.label === 'decoy').length >= 100, 'at least 100 decoys');
  });

  it('flags variants within a release: precision at least 97%, recall at least 92%', () => {
    const s = scoreScope(feeds, 'release');
    assert.ok(s.recall >= 0.92, `recall ${s.recall}`);
    assert.ok(s.precision >= 0.97, `precision ${s.precision}`);
  });

  it('flags variants across the feed: precision at least 90%, recall not below 90%', () => {
    const s = scoreScope(feeds, 'feed');
    assert.ok(s.precision >= 0.9, `precision ${s.precision}`);
    assert.ok(s.recall >= 0.9, `recall ${s.recall}`);
  });

  it('finds merged stories: precision at least 95%, recall at least 85%', () => {
    const s = scoreMerged();
    assert.ok(s.merged >= 30 && s.coherent >= 30, `${s.merged} merged, ${s.coherent} coherent`);
    assert.ok(s.precision >= 0.95, `precision ${s.precision}`);
    assert.ok(s.recall >= 0.85, `recall ${s.recall}`);
  });
});
