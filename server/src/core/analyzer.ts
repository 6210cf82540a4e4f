/**
 * The incremental analyzer of one document. Between two versions it parses
 * only what the edit touched (reparse.ts), runs release rules only on
 * releases whose text it has not seen (a cache by release text), updates the
 * name book only for the releases that came or went, and runs the feed rules
 * over the placed facts. Everything else is the earlier version's, moved.
 */
import { Analysis, slotStart, type ParsedRelease, type ReleaseSlot } from './analysis';
import { findChange, type TextChange } from './change';
import { FeedFacts, ReleaseFacts } from './facts';
import type { Release } from './model';
import { NameBook, NameIndexView } from './names/index';
import { documentReleases } from './documentReleases';
import { reparse } from './reparse';
import {
  byPosition,
  RuleRunner,
  settingsKey,
  settingsOf,
  type LintOptions,
  type OnError,
  type Settings,
} from './runner';
import { shiftFinding } from './shift';
import { LineIndex } from './text';
import { resolveFormat } from './wire/format';

/** What the analyzer keeps of the version it analysed last. */
interface State {
  settingsKey: string;
  analysis: Analysis;
  book: NameBook<ParsedRelease>;
  /**
   * Releases that recent edits took away, by their key: an undo, a paste or a parse that restarted before an
   * unchanged release finds them here instead of checking them again.
   */
  recent: Map<string, ParsedRelease>;
}

/**
 * What a release's findings depend on: its whole lines (a title's leading blanks are part of its date gap) and
 * the terminator after its last line, which a fix that splits that line copies.
 */
function releaseKey(text: string, lines: LineIndex, release: Release): string {
  const whole = text.slice(lines.lineStart(release.firstLine), lines.lineEnd(release.lastLine));
  return `${whole}\u0000${lines.terminatorAfter(release.lastLine)}`;
}

export class Analyzer {
  private state?: State;
  /** How many releases the last run took over or found in the cache, and how many it checked. */
  lastReuse = { reused: 0, checked: 0 };

  constructor(private readonly onRuleError: OnError = () => undefined) {}

  analyze(text: string, options: LintOptions = {}): Analysis {
    const settings = settingsOf(options);
    const key = settingsKey(settings);
    const format = resolveFormat(settings.config.format, text);
    // A standard release is one release, parsed whole; the incremental path is for feeds of many releases.
    const reusable = this.state?.settingsKey === key && this.state.analysis.format === format && format === 'feed';
    const earlier = reusable ? this.state : undefined;
    if (earlier && earlier.analysis.text === text) {
      this.lastReuse = { reused: earlier.analysis.slots.length, checked: 0 };
      return earlier.analysis;
    }
    const change = earlier && findChange(earlier.analysis.text, text);
    const lineIndex = earlier && change ? earlier.analysis.lineIndex.afterChange(text, change) : new LineIndex(text);
    const runner = new RuleRunner(text, lineIndex, settings, this.onRuleError);
    const state = earlier ?? {
      settingsKey: key,
      book: new NameBook<ParsedRelease>(settings.config),
      recent: new Map(),
    };
    const from = earlier && change ? { analysis: earlier.analysis, change } : undefined;
    const slots = this.placeReleases(text, lineIndex, settings, runner, state, from);
    const analysis = analyzeSlots(text, lineIndex, settings, runner, slots, state.book);
    this.state = { ...state, analysis };
    return analysis;
  }

  /** The slots of the new version: parsed again where the edit reached, moved elsewhere; the book follows. */
  private placeReleases(
    text: string,
    lineIndex: LineIndex,
    settings: Settings,
    runner: RuleRunner,
    state: Pick<State, 'book' | 'recent'>,
    from: { analysis: Analysis; change: TextChange } | undefined,
  ): ReleaseSlot[] {
    const options = { dateFormat: settings.config.dateFormat };
    const earlier = from?.analysis;
    const part = from
      ? reparse(
          { slots: from.analysis.slots, lineIndex: from.analysis.lineIndex, change: from.change },
          lineIndex,
          options,
        )
      : {
          before: [],
          parsed: [...documentReleases(text, runner.format, options, lineIndex)],
          after: [],
          delta: 0,
          lineDelta: 0,
        };
    const gone = earlier ? earlier.slots.slice(part.before.length, earlier.slots.length - part.after.length) : [];
    // Keys cost a copy of a release's text, so only releases that left or were read again get one.
    if (earlier) for (const s of gone) remember(state.recent, keyOfSlot(earlier, s), s.parsed);
    let checked = 0;
    const fresh = part.parsed.map((release) => {
      const found = earlier && state.recent.get(releaseKey(text, lineIndex, release));
      if (!found) checked++;
      return found ? reuse(found, release) : checkNew(release, runner);
    });
    const slots = [
      ...part.before,
      ...fresh.map((parsed, i) => ({ parsed, delta: 0, lineDelta: 0, index: part.before.length + i })),
      ...part.after.map((s, i) => ({
        parsed: s.parsed,
        delta: s.delta + part.delta,
        lineDelta: s.lineDelta + part.lineDelta,
        index: part.before.length + fresh.length + i,
      })),
    ];
    state.book.update(
      gone.map((s) => s.parsed),
      fresh.map((p) => [p, p.names]),
    );
    this.lastReuse = { reused: slots.length - checked, checked };
    return slots;
  }
}

/** How many removed releases the analyzer remembers; enough for an undo of a large cut. */
const RECENT_RELEASES = 2000;

function remember(recent: Map<string, ParsedRelease>, key: string, parsed: ParsedRelease): void {
  recent.delete(key);
  recent.set(key, parsed);
  // A Map iterates in insertion order, so the first key is the oldest.
  if (recent.size > RECENT_RELEASES) recent.delete(recent.keys().next().value!);
}

/** The key of a slot's release, read from the version the slot belongs to. */
function keyOfSlot(analysis: Analysis, slot: ReleaseSlot): string {
  const r = slot.parsed.release;
  return releaseKey(analysis.text, analysis.lineIndex, {
    ...r,
    firstLine: r.firstLine + slot.lineDelta,
    lastLine: r.lastLine + slot.lineDelta,
  });
}

/** Runs the release rules and the name scan on a release seen for the first time. */
function checkNew(release: Release, runner: RuleRunner): ParsedRelease {
  const findings = runner.checkRelease(release).sort(byPosition);
  return { release, findings, names: runner.keptNames(release), facts: ReleaseFacts.of(release) };
}

/** A release whose text was seen before, somewhere else: its findings move to the new place, its scan is kept. */
function reuse(found: ParsedRelease, release: Release): ParsedRelease {
  const delta = release.span.start - found.release.span.start;
  const findings = found.findings.map((f) => shiftFinding(f, delta));
  return { release, findings, names: found.names, facts: ReleaseFacts.of(release) };
}

/** Places the facts and names of the slots in their version, and runs the feed rules over them. */
export function analyzeSlots(
  text: string,
  lineIndex: LineIndex,
  settings: Settings,
  runner: RuleRunner,
  slots: readonly ReleaseSlot[],
  book: NameBook<ParsedRelease>,
): Analysis {
  const names = new NameIndexView(
    book,
    slots.map((s) => ({ owner: s.parsed, start: slotStart(s), index: s.index })),
  );
  const facts = new FeedFacts(
    text,
    slots.map((s) => s.parsed.facts.moved(s)),
    names,
  );
  const feedFindings = runner.checkFeed(facts).sort(byPosition);
  return new Analysis(text, settings.config, lineIndex, slots, feedFindings, facts, runner.format, settings.today);
}
