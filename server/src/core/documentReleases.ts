/** The releases of a document in its format: a feed's many, or the one of a standard release. */
import type { Release } from './model';
import { parseReleases, type ParseOptions } from './parser';
import { LineIndex } from './text';
import type { Format } from './wire/model';
import { parseWire } from './wire/parser';

/**
 * A feed's releases come one at a time, as the parser reads them: the streaming CLI keeps only each release's
 * facts, so a feed of two million releases never has all of its models in memory at once.
 */
export function documentReleases(
  text: string,
  format: Format,
  options: ParseOptions,
  lines: LineIndex = new LineIndex(text),
): Iterable<Release> {
  return format === 'wire' ? [parseWire(text, lines).release] : parseReleases(text, options, lines);
}
