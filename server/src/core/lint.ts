/**
 * Running the rules over a whole text in one go. `lint` is the analyzer on a
 * text it has never seen; `lintInBatches` streams the findings of a feed of
 * any size, keeping only what feed rules compare.
 */
import { Analysis } from './analysis';
import { Analyzer } from './analyzer';
import { FeedFacts, ReleaseFacts } from './facts';
import { NameBook, NameIndexView, type ReleaseNames } from './names/index';
import { documentReleases } from './documentReleases';
import { byPosition, RuleRunner, settingsOf, type LintOptions, type OnError } from './runner';
import { LineIndex } from './text';
import type { Finding } from './types';

export * from './analysis';
export { Analyzer } from './analyzer';
export { byPosition, type LintOptions, type OnError } from './runner';

/** Lints text in one pass. A rule that throws is reported through `onRuleError` and skipped. */
export function lint(text: string, options: LintOptions = {}, onRuleError: OnError = () => undefined): Analysis {
  return new Analyzer(onRuleError).analyze(text, options);
}

/** What `lintInBatches` tells its caller when it has finished. */
export interface BatchSummary {
  /** The document's line starts, so reports can place findings without the model. */
  lineIndex: LineIndex;
  releases: number;
}

/** What the streaming lint keeps of a release between its two reads: its facts, and its name scan. */
interface Kept {
  facts: ReleaseFacts;
  names: ReleaseNames;
}

/**
 * Lints text and hands the findings to `sink` in document order, one
 * release at a time, never holding the model of the whole feed or all of
 * its findings. It reads the feed twice: first the facts and names that feed
 * rules compare, then each release again for its own rules, merged in order
 * with the feed rules' findings. The findings equal those of `lint`.
 */
export function lintInBatches(
  text: string,
  options: LintOptions,
  sink: (batch: readonly Finding[]) => void,
  onRuleError: OnError = () => undefined,
): BatchSummary {
  const settings = settingsOf(options);
  const lineIndex = new LineIndex(text);
  const runner = new RuleRunner(text, lineIndex, settings, onRuleError);
  const parse = () => documentReleases(text, runner.format, { dateFormat: settings.config.dateFormat }, lineIndex);
  const kept: Kept[] = [];
  for (const release of parse()) kept.push({ facts: ReleaseFacts.of(release), names: runner.names(release) });
  const book = new NameBook<Kept>(settings.config, false);
  book.update(
    [],
    kept.map((k) => [k, k.names]),
  );
  const names = new NameIndexView(
    book,
    kept.map((k, index) => ({ owner: k, start: k.facts.span.start, index })),
  );
  const facts = new FeedFacts(
    text,
    kept.map((k) => k.facts),
    names,
  );
  const feedFindings = runner.checkFeed(facts).sort(byPosition);
  let next = 0;
  for (const release of parse()) {
    // The scan of the first read serves the release rules too, so no release is scanned twice.
    runner.names(release, kept[release.index].names);
    const batch = runner.checkRelease(release);
    // Feed findings up to the next release's start belong with this release; both lists are in document order.
    const until = release.index + 1 < kept.length ? kept[release.index + 1].facts.span.start : Infinity;
    while (next < feedFindings.length && feedFindings[next].span.start < until) batch.push(feedFindings[next++]);
    if (batch.length > 0) sink(batch.sort(byPosition));
  }
  if (next < feedFindings.length) sink(feedFindings.slice(next));
  return { lineIndex, releases: kept.length };
}
