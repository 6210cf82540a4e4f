/**
 * Binding the rules to one document and config, and running them over one
 * release or over the feed's facts. Every way of linting (one shot, the
 * incremental analyzer, the streaming CLI) runs rules through here, so a
 * rule behaves the same in the editor and in CI.
 */
import { calendarDateOf, type CalendarDate } from './dates';
import { defaultConfig, defaultOptions, type Config } from './config';
import type { FeedFacts } from './facts';
import type { Release } from './model';
import { NO_NAMES, scanReleaseNames, type ReleaseNames } from './names/scan';
import { RULES } from './rules/index';
import type { LineIndex } from './text';
import type { Finding, Report, Rule, RuleContext, Severity } from './types';
import { resolveFormat } from './wire/format';
import type { Format } from './wire/model';

export interface LintOptions {
  config?: Config;
  /** Today's date; the real clock when absent. */
  today?: CalendarDate | undefined;
  /** The rules to run; the built-in list when absent. Tests inject rules here. */
  rules?: readonly Rule[];
  /**
   * Whether to keep the feed's names (the name book that the name rule and the editor's name features read);
   * true when absent. `fixAll` leaves them out while it settles the text with the rules of safe fixes.
   */
  names?: boolean;
}

export type OnError = (rule: Rule, e: unknown) => void;

/** The options with their defaults filled in. */
export interface Settings {
  config: Config;
  today: CalendarDate;
  rules: readonly Rule[];
  names: boolean;
}

export function settingsOf(options: LintOptions): Settings {
  return {
    config: options.config ?? defaultConfig(),
    today: options.today ?? calendarDateOf(new Date()),
    rules: options.rules ?? RULES,
    names: options.names ?? true,
  };
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

type RuleWithContext<S extends Rule['scope']> = [Rule & { scope: S }, RuleContext];

/**
 * Each rule's context is made once per run, not once per release, and
 * reports into whichever list is current, so a 10 MB feed does not allocate
 * a context for every release and rule.
 */
export class RuleRunner {
  private out: Finding[] = [];
  private scanned?: { release: Release; names: ReleaseNames };
  private readonly releaseRules: Array<RuleWithContext<'release'>> = [];
  private readonly feedRules: Array<RuleWithContext<'feed'>> = [];

  private readonly keepNames: boolean;
  /** The format the document is linted as; rules that do not apply to it are not run. */
  readonly format: Format;

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    settings: Settings,
    private readonly onError: OnError,
  ) {
    this.keepNames = settings.names;
    this.format = resolveFormat(settings.config.format, text);
    for (const rule of settings.rules) {
      if (!rule.formats.includes(this.format)) continue;
      const ctx = this.contextFor(rule, settings);
      if (!ctx) continue;
      if (rule.scope === 'release') this.releaseRules.push([rule, ctx]);
      else this.feedRules.push([rule, ctx]);
    }
  }

  private contextFor(rule: Rule, { config, today }: Settings): RuleContext | undefined {
    // A rule that the config does not know (an injected one) runs with its own defaults.
    const rc = config.rules[rule.id] ?? { severity: rule.defaultSeverity, options: defaultOptions(rule) };
    if (rc.severity === 'off') return undefined;
    const severity: Severity = rc.severity;
    return {
      text: this.text,
      lines: this.lines,
      options: rc.options,
      dateFormat: config.dateFormat,
      config,
      today,
      report: (r: Report) => this.out.push({ ruleId: rule.id, severity, ...r }),
      names: (release) => this.names(release),
    };
  }

  /** The name scan of the release being checked, made on first use; `known` hands in one made earlier. */
  names(release: Release, known?: ReleaseNames): ReleaseNames {
    if (this.scanned?.release !== release) {
      this.scanned = { release, names: known ?? scanReleaseNames(release, this.text) };
    }
    return this.scanned.names;
  }

  /** The scan to keep with a release: its name scan, or none when the feed's names are not wanted. */
  keptNames(release: Release): ReleaseNames {
    return this.keepNames ? this.names(release) : NO_NAMES;
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

/** Settings are the same when config, date and rules are; the analyzer drops its caches otherwise. */
export function settingsKey(s: Settings): string {
  const today = `${s.today.year}-${s.today.month}-${s.today.day}`;
  return `${JSON.stringify(s.config)}|${today}|${s.rules.map((r) => r.id).join()}|${s.names}`;
}
