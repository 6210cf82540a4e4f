import { problemRule } from './util';

/** The parser checks each Source URL as it reads it; this rule reports what it found. */
export const sourceUrl = problemRule(
  'source-url',
  'Source that is not an absolute http(s) URL, or that has spaces or an empty host.',
  'error',
);
