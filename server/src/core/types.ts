/** The contract between the rules and everything that runs them. */
import type { CalendarDate, DateFormat } from './dates';
import type { Config } from './config';
import type { FeedFacts } from './facts';
import type { Release } from './model';
import type { ReleaseNames } from './names/index';
import type { LineIndex, Position, Span } from './text';
import type { FileSummary } from './workspace/summary';
import type { WorkspaceSummaries } from './workspace/summaries';
import type { Format } from './wire/model';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/** A plain text edit in UTF-16 offsets; `start === end` inserts. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** What the fix does, shown as the quick-fix title. */
  title: string;
  edits: TextEdit[];
  /**
   * Safe fixes only reformat what is already there; `--fix` and fix-all on
   * save apply them without asking. Unsafe fixes invent content (a date, a
   * Source label) or pick one of two conflicting facts, so a person applies them.
   */
  safe: boolean;
  /** Edits of other files of the workspace, for a fix that reaches across files; such a fix is never safe. */
  elsewhere?: FileEdits[];
}

/** An edit of another file, in its lines and characters, since that file's text is not at hand. */
export interface PlacedEdit {
  start: Position;
  end: Position;
  newText: string;
}

/** The edits of one other file, named as the caller named it to the index. */
export interface FileEdits {
  file: string;
  edits: PlacedEdit[];
}

export interface RelatedInfo {
  span: Span;
  message: string;
}

/** A place in another file of the workspace, which only cross-file rules point at. */
export interface ElsewhereInfo {
  /** The other file, named as the caller named it to the index: a URI in the server, a path in the CLI. */
  file: string;
  start: Position;
  end: Position;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  fix?: Fix;
  /** Further fixes offered beside the main one (replace here, in the release, in the feed). */
  moreFixes?: Fix[];
  related?: RelatedInfo[];
  /** Related places in other files, for findings of cross-file rules. */
  elsewhere?: ElsewhereInfo[];
  /** Plain facts for editor actions that need more than text edits, such as the name to add to a dictionary. */
  data?: Record<string, string>;
}

/** What a rule reports; the runner adds the rule id and the configured severity. */
export type Report = Omit<Finding, 'ruleId' | 'severity'>;

export interface IntegerOption {
  type: 'integer';
  default: number;
  minimum: number;
  description: string;
}

export interface EnumOption {
  type: 'enum';
  default: string;
  values: readonly string[];
  description: string;
}

export type OptionSpec = IntegerOption | EnumOption;
export type OptionValue = number | string;

export interface RuleContext {
  /** The whole document; every span indexes into it. */
  text: string;
  /** The document's lines, for fixes that insert a line break and must copy the terminator of the line they split. */
  lines: LineIndex;
  /** The rule's options, already validated and defaulted. */
  options: Record<string, OptionValue>;
  dateFormat: DateFormat;
  config: Config;
  /** Today, injectable so that tests do not depend on the clock. */
  today: CalendarDate;
  report(r: Report): void;
  /** The name scan of a release, made once per release and shared by every rule that reads names. */
  names(release: Release): ReleaseNames;
}

interface RuleBase {
  id: string;
  /** The document formats that the rule applies to; the runner skips it on the others. */
  formats: readonly Format[];
  description: string;
  defaultSeverity: Severity;
  /** Whether the rule offers fixes, for docs and the README table. */
  fixable: boolean;
  /**
   * Whether some of its fixes are safe. `--fix` settles the text with these rules alone, and then checks it
   * with every rule; a rule that offered a safe fix without saying so would only make that slower.
   */
  safeFixes?: boolean;
  options?: Record<string, OptionSpec>;
}

/**
 * A release rule sees one release at a time and reports only inside it, so
 * its findings can be cached per release text; that cache is what makes
 * re-analysis of a large feed incremental. It may read the document text
 * around the release only to copy line terminators.
 */
export interface ReleaseRule extends RuleBase {
  scope: 'release';
  check(release: Release, ctx: RuleContext): void;
}

/**
 * A feed rule compares releases with each other. It reads only their facts
 * (title, date, Source, name scan), never the release models, so that a
 * feed of any size can be checked in bounded memory.
 */
export interface FeedRule extends RuleBase {
  scope: 'feed';
  check(feed: FeedFacts, ctx: RuleContext): void;
  /**
   * Compares the file's releases with those of the other files of the workspace (the editor's workspace, or the
   * files of one CLI run), through their summaries only. Reports only in this file, with `elsewhere` places.
   */
  acrossFiles?(ctx: CrossFileContext): void;
  /** Whether, with these options, `acrossFiles` reads the files' names, which their summaries must then carry. */
  readsNamesAcrossFiles?(options: Record<string, OptionValue>): boolean;
}

/** What a cross-file check sees: this file's summary, every file's summaries, and where to report. */
export interface CrossFileContext {
  file: string;
  summary: FileSummary;
  workspace: WorkspaceSummaries;
  /** The rule's options in this file's config, validated and defaulted. */
  options: Record<string, OptionValue>;
  /** This file's config, for settings beyond the rule's own options, such as the names list. */
  config: Config;
  /**
   * False when only the findings' severities and places are wanted (the Releases view's counts): a check may then
   * leave out fixes and related places, which for a name written across the workspace are many.
   */
  detail: boolean;
  report(r: Report): void;
}

export type Rule = ReleaseRule | FeedRule;
