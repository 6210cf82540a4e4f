import { problemRule } from './util';

/** Text after a Source that is neither a title nor a category: a story that lost its headline. */
export const missingTitle = problemRule(
  'missing-title',
  'Text after a Source that is not a title or category (an orphan story).',
  'error',
);
