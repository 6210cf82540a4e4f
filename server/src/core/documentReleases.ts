/** The releases of a document in its format: a feed's many, or the one of a standard release. */
import type { Release } from './model';
import { parseReleases, type ParseOptions } from './parser';
import type { LineIndex } from './text';
import type { Format } from './wire/model';
import { parseWire } from './wire/parser';

export function documentReleases(text: string, format: Format, options: ParseOptions, lines: LineIndex): Release[] {
  return format === 'wire' ? [parseWire(text, lines).release] : [...parseReleases(text, options, lines)];
}
