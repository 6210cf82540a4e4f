/**
 * What users see of the name rules on labelled feeds: each feed of
 * `test/fixtures/names/feeds/` is linted as it is, once with the name rule's
 * release scope and once with its feed scope, and every pair of spellings
 * that a finding connects is compared with the feed's labels. A labelled
 * variant must be connected; a labelled decoy, or any pair nobody labelled,
 * is a false alarm. Used by `npm run eval:names`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, resolveConfig, type Finding } from '../../server/src/core/index';
import { pct, TODAY } from './evalNames';

export interface LabelledPair {
  a: string;
  b: string;
  label: 'variant' | 'decoy';
  class: string;
  scope: 'release' | 'feed';
  note?: string;
}

export interface LabelledFeed {
  name: string;
  text: string;
  pairs: LabelledPair[];
}

/** `workspace` is scored by evalWorkspaceNames.ts, over feeds spread into files. */
export type Scope = 'release' | 'feed' | 'workspace';

export interface ScopeScore {
  scope: Scope;
  truePositives: number;
  /** Variants that this scope can see: every variant in feed scope, those within one release in release scope. */
  variants: number;
  missed: Array<{ feed: string; pair: LabelledPair }>;
  /** Decoys and pairs nobody labelled that a finding connected. */
  falseAlarms: Array<{ feed: string; pair: string; decoy: LabelledPair | undefined; message: string }>;
  /** Per class: found of expected (variants), or false alarms (decoys). */
  byClass: Map<string, { found: number; of: number; alarms: number }>;
  precision: number;
  recall: number;
}

export const FEEDS = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'names', 'feeds');
const NAME_RULES = new Set(['inconsistent-name', 'acronym-variant', 'acronym-mismatch']);

export function loadFeeds(dir = FEEDS): LabelledFeed[] {
  return (
    fs
      .readdirSync(dir)
      // A feed whose labels are not written yet is not part of the corpus.
      .filter((f) => f.endsWith('.release') && fs.existsSync(path.join(dir, f.replace(/\.release$/, '.labels.json'))))
      .sort()
      .map((f) => {
        const labels = JSON.parse(fs.readFileSync(path.join(dir, f.replace(/\.release$/, '.labels.json')), 'utf8')) as {
          pairs: LabelledPair[];
        };
        return { name: f, text: fs.readFileSync(path.join(dir, f), 'utf8'), pairs: labels.pairs };
      })
  );
}

const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** The pairs of spellings the name rules connect in a feed: the flagged word and each spelling its message names. */
export function flaggedPairs(text: string, scope: Scope): Map<string, string> {
  const config = resolveConfig({ rules: { 'inconsistent-name': { options: { scope } } } });
  return connectedPairs(text, lint(text, { config, today: TODAY }).findings);
}

/** Adds to `out` the pairs of spellings that the name findings of `text`, in its offsets, connect. */
export function connectedPairs(text: string, findings: readonly Finding[], out = new Map<string, string>()) {
  for (const f of findings) {
    if (!NAME_RULES.has(f.ruleId)) continue;
    const flagged = text.slice(f.span.start, f.span.end);
    const others = [...f.message.matchAll(/"([^"]+)"/g)].map((m) => m[1]).filter((w) => w !== flagged);
    for (const other of others) out.set(key(flagged, other), f.message);
  }
  return out;
}

function classScore(score: ScopeScore, name: string) {
  let c = score.byClass.get(name);
  if (!c) score.byClass.set(name, (c = { found: 0, of: 0, alarms: 0 }));
  return c;
}

/** `flagged` gives the pairs a feed's findings connect; by default the feed is linted whole, as one file. */
export function scoreScope(
  feeds: readonly LabelledFeed[],
  scope: Scope,
  flagged: (feed: LabelledFeed) => Map<string, string> = (feed) => flaggedPairs(feed.text, scope),
): ScopeScore {
  const score: ScopeScore = {
    scope,
    truePositives: 0,
    variants: 0,
    missed: [],
    falseAlarms: [],
    byClass: new Map(),
    precision: 1,
    recall: 1,
  };
  for (const feed of feeds) {
    const pairs = flagged(feed);
    const labelled = new Map(feed.pairs.map((p) => [key(p.a, p.b), p]));
    for (const p of feed.pairs) {
      if (p.label !== 'variant' || (scope === 'release' && p.scope === 'feed')) continue;
      const c = classScore(score, p.class);
      c.of++;
      score.variants++;
      if (pairs.has(key(p.a, p.b))) {
        c.found++;
        score.truePositives++;
      } else score.missed.push({ feed: feed.name, pair: p });
    }
    for (const [pair, message] of pairs) {
      const label = labelled.get(pair);
      if (label?.label === 'variant') continue;
      if (label) classScore(score, label.class).alarms++;
      score.falseAlarms.push({ feed: feed.name, pair: pair.replace('\u0000', ' / '), decoy: label, message });
    }
  }
  const flaggedCount = score.truePositives + score.falseAlarms.length;
  score.precision = flaggedCount === 0 ? 1 : score.truePositives / flaggedCount;
  score.recall = score.variants === 0 ? 1 : score.truePositives / score.variants;
  return score;
}

export function printScore(s: ScopeScore): void {
  console.log(`\n## Scope ${s.scope}`);
  console.log(
    `precision ${pct(s.precision)} (${s.truePositives} of ${s.truePositives + s.falseAlarms.length} flagged)`,
  );
  console.log(`recall    ${pct(s.recall)} (${s.truePositives} of ${s.variants} variants this scope can see)`);
  for (const [name, c] of [...s.byClass].sort()) {
    const found = c.of > 0 ? `${c.found}/${c.of} found` : '';
    const alarms = c.alarms > 0 ? `${c.alarms} false alarms` : '';
    console.log(`  ${name.padEnd(28)} ${[found, alarms].filter(Boolean).join(', ') || 'silent'}`);
  }
  for (const m of s.missed) console.log(`  missed:      ${m.pair.a} / ${m.pair.b} (${m.pair.class}, ${m.feed})`);
  for (const f of s.falseAlarms) {
    const what = f.decoy ? `decoy ${f.decoy.class}` : 'unlabelled';
    console.log(`  false alarm: ${f.pair} (${what}, ${f.feed}): ${f.message}`);
  }
}

if (require.main === module) {
  const feeds = loadFeeds();
  const pairs = feeds.flatMap((f) => f.pairs);
  const variants = pairs.filter((p) => p.label === 'variant').length;
  console.log(`Name feeds: ${feeds.length} feeds, ${variants} variant pairs, ${pairs.length - variants} decoys`);
  for (const scope of ['release', 'feed'] as const) printScore(scoreScope(feeds, scope));
}
