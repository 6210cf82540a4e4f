/**
 * Fingerprints that let code scanning follow a finding from run to run: a hash of what the finding is
 * (rule, release title, the text it covers, its message), never of where it is, so that a release inserted
 * above moves a finding without making it new. Equal findings are told apart by their order.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../../core/index';
import { ReleaseTitles, type TitleReading } from './releaseTitles';

/** The key in `partialFingerprints`; a new way of hashing gets a new version, so old alerts are not matched wrongly. */
export const FINGERPRINT_KEY = 'pressReleaseLint/v1';

export class FindingFingerprints {
  private readonly titles: ReleaseTitles;
  /**
   * How often each hash has been seen in this file, keyed by its first 52 bits as a number: a number key
   * costs a fraction of a 64-character string's memory, and two different hashes sharing 52 bits only
   * shift an occurrence count.
   */
  private readonly seen = new Map<number, number>();

  constructor(
    private readonly text: string,
    reading: TitleReading,
  ) {
    this.titles = new ReleaseTitles(text, reading);
  }

  /** Call in document order, once per finding. */
  of(f: Finding): string {
    const hash = createHash('sha256')
      .update(f.ruleId)
      .update('\0')
      .update(this.titles.titleAt(f.span.start))
      .update('\0')
      .update(collapseWhitespace(this.text.slice(f.span.start, f.span.end)))
      .update('\0')
      .update(f.elsewhere ? crossFileIdentity(f) : positionFreeMessage(f.message))
      .digest('hex');
    const key = parseInt(hash.slice(0, 13), 16);
    const occurrence = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, occurrence);
    return `${hash}:${occurrence}`;
  }
}

/**
 * What a cross-file finding is, without its message: the message names the other files and counts what they
 * hold ("3× in 2 files", "and 2 more"), which an edit in another file changes while the finding stays the same.
 * The facts a finding carries (a name and its canonical spelling) say what it is.
 */
function crossFileIdentity(f: Finding): string {
  return JSON.stringify(f.data ?? {});
}

function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The message without its numbers: some messages point at another release by its number and line
 * ("as release 3 (line 12)"), which a release inserted above changes. What the numbers said about the
 * finding itself is in the text it covers.
 */
function positionFreeMessage(message: string): string {
  return collapseWhitespace(message).replace(/\d+/g, '#');
}
