import { problemRule } from './util';

/** A title followed directly by its Source or by the next title. */
export const emptyBody = problemRule('empty-body', 'Release with no body text.', 'error');
