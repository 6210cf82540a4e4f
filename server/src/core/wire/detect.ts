/**
 * Telling a standard release from a feed by its content. Feed evidence is decisive: a title line ending in a
 * `DD.MM.YYYY`-shaped date or a `Source :` line exists only in feeds. Otherwise a document is wire copy when it
 * scores at least one point of wire evidence: a header line (`FOR IMMEDIATE RELEASE`, `EMBARGOED UNTIL`,
 * `PRESS RELEASE`), an end mark (`###`, `-30-`, `END`), an `About …` boilerplate heading, a media contact heading,
 * or a paragraph that opens with a dateline. A document with no evidence either way (an empty file, a draft) stays
 * a feed, the format the linter knew first, so that existing files keep their results.
 */
import { readDateline } from './dateline';
import { aboutHeading, headerKind, isEndMark } from './lines';
import type { Format } from './model';

const FEED_TITLE = /\s\d{1,2}[./]\d{1,2}[./]\d{4}\s*$/;
const FEED_SOURCE = /^Source\s*:|\sSource\s*:\s*https?:\/\//;
/**
 * `Media contact`, `Press enquiries:` or `Contacts:`. A bare `Contacts` needs its colon, because a feed's body
 * may open a sentence with it (`Contacts between the ministries…`).
 */
const CONTACT_EVIDENCE =
  /^(?:(?:media|press|news)\s+(?:contacts?|enquiries|inquiries)\b|(?:contacts?|enquiries|inquiries)\s*:)/i;

/** How many lines are read: the evidence sits in the first paragraphs, and a 10 MB feed must not be walked. */
const MAX_LINES = 400;

function wireEvidence(line: string): number {
  if (headerKind(line) || isEndMark(line) || aboutHeading(line) || CONTACT_EVIDENCE.test(line)) return 1;
  return readDateline(line, 0) ? 1 : 0;
}

export function detectFormat(text: string): Format {
  let wire = 0;
  const lines = text.split(/\r\n|\r|\n/, MAX_LINES);
  for (const raw of lines) {
    const line = raw.trim();
    if (FEED_TITLE.test(line) || FEED_SOURCE.test(line)) return 'feed';
    wire += wireEvidence(line);
  }
  return wire > 0 ? 'wire' : 'feed';
}
