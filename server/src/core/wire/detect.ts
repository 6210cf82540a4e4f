/**
 * Telling a standard release from a feed by its content, by weighing the evidence of each. Feed evidence is a title
 * line ending in a `DD.MM.YYYY`-shaped date, or a `Source :` line, which counts for more when it gives a URL; a feed
 * repeats both for every release. Wire evidence is a header line (`FOR IMMEDIATE RELEASE`, `EMBARGOED UNTIL`,
 * `PRESS RELEASE`, `PRESSEMITTEILUNG`), an end mark (`###`, `-30-`, `ENDS`), an `About …` boilerplate heading, a media
 * contact heading, or a paragraph that opens with a dateline, each found once in a release. A document is wire copy
 * when its wire evidence outweighs its feed evidence, so that one `Source: Acme Corp.` line or a dated headline
 * cannot turn a complete release into a feed, while a feed's many dated titles and Sources outweigh a release-like
 * line in its body. A document with no evidence either way (an empty file, a draft) stays a feed, the format the
 * linter knew first, so that existing files keep their results.
 */
import { readDateline } from './dateline';
import { aboutHeading, contactHeading, headerKind, isEndMark } from './lines';
import { undecorated } from './markdown';
import type { Format } from './model';

const FEED_TITLE = /\s\d{1,2}[./]\d{1,2}[./]\d{4}\s*$/;
const FEED_SOURCE = /^Source\s*:|\sSource\s*:\s*https?:\/\//;
const SOURCE_URL = /^Source\s*:\s*https?:\/\/|\sSource\s*:\s*https?:\/\//;
/**
 * `Media contact`, `Press enquiries:` or `Contacts:`. A bare `Contacts` needs its colon, because a feed's body
 * may open a sentence with it (`Contacts between the ministries…`).
 */
const CONTACT_EVIDENCE =
  /^(?:(?:media|press|news)\s+(?:contacts?|enquiries|inquiries)\b|(?:contacts?|enquiries|inquiries)\s*:)/i;

/** How many lines are read: the evidence sits in the first paragraphs, and a 10 MB feed must not be walked. */
const MAX_LINES = 400;
/** A dated title or a Source with its URL is strong feed evidence; a Source line without a URL is weak. */
const STRONG = 2;
const WEAK = 1;

function feedEvidence(line: string): number {
  if (FEED_TITLE.test(line) || SOURCE_URL.test(line)) return STRONG;
  return FEED_SOURCE.test(line) ? WEAK : 0;
}

function wireEvidence(line: string): number {
  const words = undecorated({ text: line, span: { start: 0, end: line.length } }).text;
  if (headerKind(words) || isEndMark(line) || isEndMark(words) || aboutHeading(words)) return 1;
  if (CONTACT_EVIDENCE.test(words) || contactHeading(words)) return 1;
  return readDateline(line, 0) ? 1 : 0;
}

export function detectFormat(text: string): Format {
  let wire = 0;
  let feed = 0;
  const lines = text.split(/\r\n|\r|\n/, MAX_LINES);
  for (const raw of lines) {
    const line = raw.trim();
    feed += feedEvidence(line);
    wire += wireEvidence(line);
  }
  return wire > feed ? 'wire' : 'feed';
}
