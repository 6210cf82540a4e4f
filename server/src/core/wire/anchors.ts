/** Where the rules of the standard (wire) release report a part that is missing. */
import type { Release } from '../model';
import type { Span } from '../text';

/**
 * Where a rule reports a part that is missing near the top: the first paragraph, else the headline, else the
 * start of the release, so that the finding sits where the part belongs.
 */
export function topAnchor(release: Release): Span {
  const w = release.wire;
  return w?.firstParagraph?.span ?? w?.headline?.span ?? { start: release.span.start, end: release.span.start };
}

/** Where a rule reports a part that is missing near the end: the last body or boilerplate line, else the top. */
export function endAnchor(release: Release, text: string): Span {
  const last = release.body.at(-1);
  if (!last) return topAnchor(release);
  const lead = last.text.length - last.text.trimStart().length;
  const start = last.span.start + lead;
  return { start, end: start + text.slice(start, last.span.end).trimEnd().length };
}
