/**
 * Abbreviations whose own period ends a line: `Acme Moves Headquarters to the U.S.` does not end with a full stop
 * that can go, since removing it would leave `U.S`. The punctuation rules of titles and headlines both ask here, so
 * that a fix they call safe never cuts an abbreviation short.
 */

/**
 * Words that take a period of their own in English releases: legal forms, titles of persons, months in AP style
 * and a few Latin and street words. Written without the period, compared without regard to case, since headlines
 * are often in title case (`Vs.`, `Etc.`).
 */
const WORDS = new Set(
  (
    'inc corp co ltd bros jr sr dr mr mrs ms prof st ave blvd rd no nos vs etc approx dept est govt intl ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);
/** An initialism with a period after each part, lower or upper case: `U.S.`, `a.m.`, `Ph.D.`, `e.V.`, `S.A.`. */
const INITIALISM = /^(?:\p{L}{1,2}\.){2,}$/u;

/** Whether the last word of `text`, which ends with a period, is an abbreviation rather than a word and a stop. */
export function endsInAbbreviation(text: string): boolean {
  const word = /[\p{L}.]+$/u.exec(text)?.[0];
  if (!word || !word.endsWith('.')) return false;
  return INITIALISM.test(word) || WORDS.has(word.slice(0, -1).toLowerCase());
}
