/**
 * What users see of `merged-release` on labelled feeds: each feed of
 * `test/fixtures/merged/` is linted, and its findings are compared with the
 * labels, which name every release as merged (with the first words of the
 * glued paragraph) or coherent. The name feeds count as coherent releases too. Used by `npm run eval:merged`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, type Feed } from '../../server/src/core/index';
import { loadFeeds } from './evalFeeds';
import { pct, TODAY } from './evalNames';

interface MergedLabels {
  merged: Array<{ title: string; paragraph: string }>;
  coherent: string[];
}

export interface MergedScore {
  merged: number;
  coherent: number;
  truePositives: number;
  missed: string[];
  falseAlarms: string[];
  precision: number;
  recall: number;
}

export const MERGED = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'merged');

/** The paragraphs the rule flags, as `title → first words of the paragraph`. */
function flagged(feed: Feed, findings: ReturnType<typeof lint>['findings']): Set<string> {
  const out = new Set<string>();
  for (const f of findings) {
    if (f.ruleId !== 'merged-release') continue;
    const release = feed.releases.find((r) => r.span.start <= f.span.start && f.span.start <= r.span.end);
    const line = release?.body.find((l) => l.span.start === f.span.start);
    if (release && line) out.add(`${release.title?.text ?? ''}\u0000${line.text}`);
  }
  return out;
}

export function scoreMerged(dir = MERGED): MergedScore {
  const score: MergedScore = {
    merged: 0,
    coherent: 0,
    truePositives: 0,
    missed: [],
    falseAlarms: [],
    precision: 1,
    recall: 1,
  };
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.release'));
  for (const file of files.sort()) {
    const labelsFile = path.join(dir, file.replace(/\.release$/, '.labels.json'));
    if (!fs.existsSync(labelsFile)) continue;
    const labels = JSON.parse(fs.readFileSync(labelsFile, 'utf8')) as MergedLabels;
    const analysis = lint(fs.readFileSync(path.join(dir, file), 'utf8'), { today: TODAY });
    const hits = flagged(analysis.feed, analysis.findings);
    const expected = new Set<string>();
    for (const m of labels.merged) {
      score.merged++;
      const hit = [...hits].find((h) => h.startsWith(`${m.title}\u0000${m.paragraph}`));
      if (hit) {
        score.truePositives++;
        expected.add(hit);
      } else score.missed.push(`${file}: "${m.title}" / "${m.paragraph}…"`);
    }
    score.coherent += labels.coherent.length;
    for (const h of hits)
      if (!expected.has(h)) score.falseAlarms.push(`${file}: ${h.replace('\u0000', ' / ').slice(0, 160)}`);
  }
  // The name feeds are coherent releases throughout: any finding there is a false alarm too.
  for (const feed of loadFeeds()) {
    const analysis = lint(feed.text, { today: TODAY });
    score.coherent += analysis.feed.releases.length;
    for (const h of flagged(analysis.feed, analysis.findings)) {
      score.falseAlarms.push(`${feed.name}: ${h.replace('\u0000', ' / ').slice(0, 160)}`);
    }
  }
  const flaggedCount = score.truePositives + score.falseAlarms.length;
  score.precision = flaggedCount === 0 ? 1 : score.truePositives / flaggedCount;
  score.recall = score.merged === 0 ? 1 : score.truePositives / score.merged;
  return score;
}

export function printMerged(s: MergedScore): void {
  console.log(`\n## merged-release: ${s.merged} merged stories, ${s.coherent} coherent releases`);
  console.log(
    `precision ${pct(s.precision)} (${s.truePositives} of ${s.truePositives + s.falseAlarms.length} flagged)`,
  );
  console.log(`recall    ${pct(s.recall)} (${s.truePositives} of ${s.merged} merged stories)`);
  for (const m of s.missed) console.log(`  missed:      ${m}`);
  for (const f of s.falseAlarms) console.log(`  false alarm: ${f}`);
}

if (require.main === module) printMerged(scoreMerged());
