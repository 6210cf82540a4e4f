import * as assert from 'node:assert/strict';
import { lint, RULES_BY_ID } from '../../server/src/core/index';
import { loadFeeds, scoreScope } from '../support/evalFeeds';
import { loadPairs, releaseFor, TODAY } from '../support/evalNames';
import { evaluateWorkspaceNames, type ScopeFigures, type ScopeResult } from '../support/evalWorkspaceNames';

describe('name rules over a workspace of files', function () {
  this.timeout(60_000);
  const pairs = loadPairs();
  let results: ScopeResult[];
  before(() => {
    results = evaluateWorkspaceNames(['release', 'feed', 'workspace'], pairs);
  });
  const figures = (scope: string): ScopeFigures => {
    const result = results.find((r) => r.scope === scope);
    assert.ok(result && !('unsupported' in result), `scope ${scope}: ${JSON.stringify(result)}`);
    return result;
  };

  it('finds, in feed scope, the variants of two releases of one file that it finds within one release', () => {
    // The control for the pairs spread over files. acronym-variant is a release rule, so only the pairs that
    // inconsistent-name flags within one release must carry over to two releases.
    const byNameRule = pairs.filter(
      (p) =>
        p.label === 'variant' &&
        lint(releaseFor(p), { today: TODAY }).findings.some((f) => f.ruleId === 'inconsistent-name'),
    );
    const { oneFile } = figures('feed');
    const missed = byNameRule.filter((p) => oneFile.falseNegatives.includes(p));
    assert.deepEqual(missed, []);
    assert.ok(oneFile.precision >= 0.95, `precision ${oneFile.precision}`);
  });

  it('reports no name across files in release or feed scope', () => {
    for (const scope of ['release', 'feed']) {
      const { acrossFiles } = figures(scope);
      assert.equal(acrossFiles.truePositives + acrossFiles.falsePositives.length, 0, scope);
    }
  });

  it('scores the labelled feeds spread one release per file as release scope scores them whole', () => {
    const release = figures('release').feeds;
    assert.ok(release.recall >= 0.92, `recall ${release.recall}`);
    assert.ok(release.precision >= 0.97, `precision ${release.precision}`);
    // A file of one release has one group of names, so feed scope must flag exactly what release scope flags.
    const feed = figures('feed').feeds;
    assert.equal(feed.truePositives, release.truePositives);
    assert.equal(feed.falseAlarms.length, release.falseAlarms.length);
  });

  it('finds across files in workspace scope what feed scope finds in one file, once the build has that scope', () => {
    const spec = RULES_BY_ID.get('inconsistent-name')?.options?.scope;
    const supported = spec?.type === 'enum' && spec.values.includes('workspace');
    if (!supported) {
      // Until the scope exists, the evaluation must say so instead of scoring the default scope under its name.
      assert.ok(results.some((r) => r.scope === 'workspace' && 'unsupported' in r));
      return;
    }
    const workspace = figures('workspace');
    const control = figures('feed').oneFile;
    assert.ok(workspace.acrossFiles.recall >= control.recall - 0.05, `pairs recall ${workspace.acrossFiles.recall}`);
    assert.ok(workspace.acrossFiles.precision >= 0.9, `pairs precision ${workspace.acrossFiles.precision}`);
    const whole = scoreScope(loadFeeds(), 'feed');
    assert.ok(workspace.feeds.recall >= whole.recall - 0.05, `feeds recall ${workspace.feeds.recall}`);
    assert.ok(workspace.feeds.precision >= 0.9, `feeds precision ${workspace.feeds.precision}`);
  });
});
