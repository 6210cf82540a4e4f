/**
 * Runs the rules over a feed. `lint` is the one-shot entry point for tests;
 * `Analyzer` keeps each release's findings and name scan by its text, so
 * that an edit re-checks only the releases it touched; `lintInBatches`
 * streams the findings of a feed of any size in bounded memory.
 */
import { calendarDateOf, toIso, type CalendarDate } from './dates';
import { defaultConfig, defaultOptions, type Config } from './config';
import { FeedFacts, releaseFacts, type ReleaseFacts } from './facts';
import type { Feed, Release } from './model';
import { scanReleaseNames, type ReleaseNames } from './names/scan';
import { parseFeed, parseReleases } from './parser';
import { RULES } from './rules/index';
import { LineIndex } from './text';
import type { Finding, Report, Rule, RuleContext, Severity } from './types';

export interface LintOptions {
  config?: Config;
  /** Today's date; the real clock when absent. */
  today?: CalendarDate | undefined;
  /** The rules to run; the built-in list when absent. Tests inject rules here. */
  rules?: readonly Rule[];
}

export interface Analysis {
  feed: Feed;
  findings: Finding[];
  config: Config;
  /** What feed rules read, name analysis included; editor features share it. */
  facts: FeedFacts;
}

export type OnError = (rule: Rule, e: unknown) => void;

interface Settings {
  config: Config;
  today: CalendarDate;
  rules: readonly Rule[];
}

function settingsOf(options: LintOptions): Settings {
  return {
    config: options.config ?? defaultConfig(),
    today: options.today ?? calendarDateOf(new Date()),
    rules: options.rules ?? RULES,
  };
}

/**
 * Binds the rules to one document and config. Each rule's context is made
 * once per run, not once per release, and reports into whichever list is
 * current, so a 10 MB feed does not allocate a context for every release
 * and rule.
 */
class RuleRunner {
  private out: Finding[] = [];
  private scanned?: { release: Release; names: ReleaseNames };
  private readonly releaseRules: Array<[Rule & { scope: 'release' }, RuleContext]> = [];
  private readonly feedRules: Array<[Rule & { scope: 'feed' }, RuleContext]> = [];

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    settings: Settings,
    private readonly onError: OnError,
  ) {
    const { config, today } = settings;
    for (const rule of settings.rules) {
      // A rule that the config does not know (an injected one) runs with its own defaults.
      const rc = config.rules[rule.id] ?? { severity: rule.defaultSeverity, options: defaultOptions(rule) };
      if (rc.severity === 'off') continue;
      const severity: Severity = rc.severity;
      const ctx: RuleContext = {
        text,
        lines,
        options: rc.options,
        dateFormat: config.dateFormat,
        config,
        today,
        report: (r: Report) => this.out.push({ ruleId: rule.id, severity, ...r }),
        names: (release) => this.names(release),
      };
      if (rule.scope === 'release') this.releaseRules.push([rule, ctx]);
      else this.feedRules.push([rule, ctx]);
    }
  }

  /** The name scan of the release being checked, made on first use; `known` hands in one made earlier. */
  names(release: Release, known?: ReleaseNames): ReleaseNames {
    if (this.scanned?.release !== release)
      this.scanned = { release, names: known ?? scanReleaseNames(release, this.text) };
    return this.scanned.names;
  }

  // One bad rule must not hide the others or kill the server: its error is reported and the run goes on.
  // The try sits in the loop, not in a helper taking a closure, to keep the hot path free of allocations.

  checkRelease(release: Release, into: Finding[] = []): Finding[] {
    this.out = into;
    for (const [rule, ctx] of this.releaseRules) {
      try {
        rule.check(release, ctx);
      } catch (e) {
        this.onError(rule, e);
      }
    }
    return into;
  }

  checkFeed(facts: FeedFacts, into: Finding[] = []): Finding[] {
    this.out = into;
    for (const [rule, ctx] of this.feedRules) {
      try {
        rule.check(facts, ctx);
      } catch (e) {
        this.onError(rule, e);
      }
    }
    return into;
  }
}

const RULE_ORDER = new Map(RULES.map((r, i) => [r.id, i]));

/** Document order; at one position, the order of the rules list, so output is stable. */
export function byPosition(a: Finding, b: Finding): number {
  return (
    a.span.start - b.span.start ||
    a.span.end - b.span.end ||
    (RULE_ORDER.get(a.ruleId) ?? -1) - (RULE_ORDER.get(b.ruleId) ?? -1)
  );
}

function shift(f: Finding, delta: number): Finding {
  const s = (span: { start: number; end: number }) => ({ start: span.start + delta, end: span.end + delta });
  const out: Finding = { ...f, span: s(f.span) };
  if (f.fix) out.fix = { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, ...s(e) })) };
  if (f.moreFixes) out.moreFixes = f.moreFixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, ...s(e) })) }));
  if (f.related) out.related = f.related.map((r) => ({ ...r, span: s(r.span) }));
  return out;
}

/**
 * What one release contributes, in offsets relative to its start, so that it can be reused wherever the release
 * moves.
 */
interface ReleaseResult {
  findings: Finding[];
  names: ReleaseNames;
}

function checkRelease(runner: RuleRunner, release: Release): ReleaseResult {
  const base = release.span.start;
  return { findings: runner.checkRelease(release).map((f) => shift(f, -base)), names: runner.names(release) };
}

/**
 * A release's cache key: its text, and the terminator after its last line,
 * which a fix that splits that line copies.
 */
function releaseKey(feed: Feed, release: Release): string {
  const text = feed.text.slice(release.span.start, release.span.end);
  return `${text}\u0000${feed.lineIndex.terminatorAfter(release.lastLine)}`;
}

function analyzeWith(
  text: string,
  settings: Settings,
  onError: OnError,
  cached: (key: string, compute: () => ReleaseResult) => ReleaseResult,
): Analysis {
  const feed = parseFeed(text, { dateFormat: settings.config.dateFormat });
  const runner = new RuleRunner(text, feed.lineIndex, settings, onError);
  const findings: Finding[] = [];
  const facts: ReleaseFacts[] = [];
  for (const release of feed.releases) {
    const result = cached(releaseKey(feed, release), () => checkRelease(runner, release));
    for (const f of result.findings) findings.push(shift(f, release.span.start));
    facts.push(releaseFacts(release, result.names));
  }
  const feedFacts = new FeedFacts(text, facts, settings.config);
  runner.checkFeed(feedFacts, findings);
  findings.sort(byPosition);
  return { feed, findings, config: settings.config, facts: feedFacts };
}

export class Analyzer {
  private cache = new Map<string, ReleaseResult>();
  private cacheContext = '';
  /** How many releases the last run took from the cache, for tests and benchmarks. */
  lastReuse = { reused: 0, checked: 0 };

  constructor(private readonly onRuleError: OnError = () => undefined) {}

  analyze(text: string, options: LintOptions = {}): Analysis {
    const settings = settingsOf(options);
    const rules = settings.rules.map((r) => r.id).join();
    const context = `${JSON.stringify(settings.config)}|${toIso(settings.today)}|${rules}`;
    if (context !== this.cacheContext) {
      this.cache.clear();
      this.cacheContext = context;
    }
    const next = new Map<string, ReleaseResult>();
    let reused = 0;
    let checked = 0;
    const analysis = analyzeWith(text, settings, this.onRuleError, (key, compute) => {
      let result = next.get(key) ?? this.cache.get(key);
      if (result) reused++;
      else {
        result = compute();
        checked++;
      }
      next.set(key, result);
      return result;
    });
    this.cache = next;
    this.lastReuse = { reused, checked };
    return analysis;
  }
}

/** Lints text in one pass without a cache. A rule that throws is reported through `onRuleError` and skipped. */
export function lint(text: string, options: LintOptions = {}, onRuleError: OnError = () => undefined): Analysis {
  return analyzeWith(text, settingsOf(options), onRuleError, (_key, compute) => compute());
}

/** What `lintInBatches` tells its caller when it has finished. */
export interface BatchSummary {
  /** The document's line starts, so reports can place findings without the model. */
  lineIndex: LineIndex;
  releases: number;
}

/**
 * Lints text and hands the findings to `sink` in document order, one
 * release at a time, never holding the model of the whole feed or all of
 * its findings. It reads the feed twice: first the facts that feed rules
 * compare, then each release again for its own rules, merged in order with
 * the feed rules' findings. The findings equal those of `lint`.
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
  const parse = () => parseReleases(text, { dateFormat: settings.config.dateFormat }, lineIndex);
  const facts: ReleaseFacts[] = [];
  for (const release of parse()) facts.push(releaseFacts(release, runner.names(release)));
  const feedFindings = runner.checkFeed(new FeedFacts(text, facts, settings.config)).sort(byPosition);
  let next = 0;
  for (const release of parse()) {
    runner.names(release, facts[release.index].names);
    const batch = runner.checkRelease(release);
    // Feed findings up to the next release's start belong with this release; both lists are in document order.
    const until = release.index + 1 < facts.length ? facts[release.index + 1].span.start : Infinity;
    while (next < feedFindings.length && feedFindings[next].span.start < until) batch.push(feedFindings[next++]);
    if (batch.length > 0) sink(batch.sort(byPosition));
  }
  if (next < feedFindings.length) sink(feedFindings.slice(next));
  return { lineIndex, releases: facts.length };
}
