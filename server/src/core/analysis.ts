/**
 * One analysis of one version of a document. Its releases are parsed
 * releases placed in this version: an edit above a release moves it without
 * parsing or checking it again, so a release is kept as parsed, with how far
 * it moved. The flat model and the flat list of findings are built from the
 * placed releases only when someone asks for them.
 */
import type { Config } from './config';
import { calendarDateOf, type CalendarDate } from './dates';
import type { FeedFacts, ReleaseFacts } from './facts';
import type { Category, Feed, Release } from './model';
import type { ReleaseNames } from './names/index';
import { byPosition } from './runner';
import { moveCategory, moveRelease, shiftFinding, type Move } from './shift';
import { detectEol, type LineIndex } from './text';
import type { Finding } from './types';
import type { Format } from './wire/model';

/** A release with everything computed from its text alone, shared by every version that holds that text. */
export interface ParsedRelease {
  /** The release in the offsets and lines of the version it was parsed in. */
  release: Release;
  /** Release-rule findings, in the offsets of the version it was parsed in, in document order. */
  findings: readonly Finding[];
  names: ReleaseNames;
  /** Feed-rule facts, in the offsets of the version it was parsed in. */
  facts: ReleaseFacts;
}

/** A parsed release in one version: how far it moved since it was parsed, and where it stands. */
export interface ReleaseSlot extends Move {
  parsed: ParsedRelease;
}

/** Where a slot's release starts in its version. */
export function slotStart(slot: ReleaseSlot): number {
  return slot.parsed.release.span.start + slot.delta;
}

export class Analysis {
  private model?: Feed;
  private all?: Finding[];

  constructor(
    readonly text: string,
    readonly config: Config,
    readonly lineIndex: LineIndex,
    readonly slots: readonly ReleaseSlot[],
    /** Feed-rule findings, in document order. */
    readonly feedFindings: readonly Finding[],
    readonly facts: FeedFacts,
    /** The format the document was linted as, detected or configured. */
    readonly format: Format = 'feed',
    /** The day the rules took for today, kept so that hover counts days from the same day as the findings. */
    readonly today: CalendarDate = calendarDateOf(new Date()),
  ) {}

  /** The document model, its releases placed in this version. */
  get feed(): Feed {
    this.model ??= this.buildFeed();
    return this.model;
  }

  /** Every finding, in document order. */
  get findings(): Finding[] {
    this.all ??= this.mergeFindings();
    return this.all;
  }

  /** The findings of the release in slot `i`, placed in this version, in document order. */
  releaseFindings(i: number): readonly Finding[] {
    const slot = this.slots[i];
    return slot.delta === 0 ? slot.parsed.findings : slot.parsed.findings.map((f) => shiftFinding(f, slot.delta));
  }

  private buildFeed(): Feed {
    const categories: Category[] = [];
    // Releases parsed in different versions hold different objects for one category line; its place unites them.
    const byLine = new Map<number, Category>();
    const releases = this.slots.map((slot) => {
      const original = slot.parsed.release.category;
      let category: Category | undefined;
      if (original) {
        const line = original.line + slot.lineDelta;
        category = byLine.get(line);
        if (!category) {
          byLine.set(line, (category = moveCategory(original, slot)));
          categories.push(category);
        }
      }
      return moveRelease(slot.parsed.release, slot, category);
    });
    return {
      text: this.text,
      lineIndex: this.lineIndex,
      categories,
      releases,
      problems: releases.flatMap((r) => r.problems),
      eol: detectEol(this.text),
      bom: this.text.charCodeAt(0) === 0xfeff,
      wire: releases[0]?.wire,
    };
  }

  /** Release findings come release by release; feed findings are merged in where they sort. */
  private mergeFindings(): Finding[] {
    const out: Finding[] = [];
    let next = 0;
    const feed = this.feedFindings;
    for (let i = 0; i < this.slots.length; i++) {
      for (const f of this.releaseFindings(i)) {
        while (next < feed.length && byPosition(feed[next], f) <= 0) out.push(feed[next++]);
        out.push(f);
      }
    }
    while (next < feed.length) out.push(feed[next++]);
    return out;
  }
}
