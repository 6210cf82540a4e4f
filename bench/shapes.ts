/**
 * Feeds of pathological shapes, each made to find a path that grows faster than the feed: very many distinct
 * capitalised words, one release with thousands of paragraphs, and a million tiny releases.
 */
import { DEFAULT_SEED, proseParagraphs, Rng } from './generate';

const CONSONANTS = 'bdgklmnprstvzhjc';
const VOWELS = 'aeiou';
/** Letters of a pseudo-word: consonant, vowel, consonant... nine letters, 16^5 × 5^4 = 655M words. */
const PATTERN = [CONSONANTS, VOWELS, CONSONANTS, VOWELS, CONSONANTS, VOWELS, CONSONANTS, VOWELS, CONSONANTS];
const SPACE = PATTERN.reduce((n, letters) => n * letters.length, 1);
/** An odd multiplier: `i × STRIDE mod SPACE` is one-to-one, so the words are distinct without a set to check. */
const STRIDE = 387_420_489;

/**
 * The `i`-th distinct capitalised pseudo-word. The indices are scattered over a space 600 times larger than a
 * million words, so few words are one edit apart: the row measures how name analysis grows with the number of
 * distinct words, not with the size of one cluster of near spellings.
 */
export function pseudoName(i: number): string {
  let n = (i * STRIDE) % SPACE;
  let word = '';
  for (const letters of PATTERN) {
    word += letters[n % letters.length];
    n = Math.floor(n / letters.length);
  }
  return word[0].toUpperCase() + word.slice(1);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const dateOf = (i: number): string => `${pad2((i % 28) + 1)}.${pad2((Math.floor(i / 28) % 12) + 1)}.2024`;

/**
 * `count` distinct capitalised words in releases of a hundred names each: a title, a paragraph of the feed's
 * prose, ten sentences listing the names, and a Source.
 */
export function distinctNamesFeed(count: number): string {
  const perRelease = 100;
  const releases = Math.ceil(count / perRelease);
  const prose = proseParagraphs(Math.min(releases, 2000), DEFAULT_SEED + 1);
  const parts: string[] = [];
  for (let r = 0; r < releases; r++) {
    const sentences: string[] = [];
    for (let s = 0; s < perRelease; s += 10) {
      const names: string[] = [];
      for (let k = s; k < s + 10 && r * perRelease + k < count; k++) names.push(pseudoName(r * perRelease + k));
      if (names.length > 0) sentences.push(`The meeting was attended by ${names.join(', ')}.`);
    }
    const title = `Participants of the meeting number ${r + 1} were announced ${dateOf(r)}`;
    const source = `Source : https://press.example.gov/entities/forum/press/news/details/${r + 1}`;
    parts.push(`${title}\n${prose[r % prose.length]}\n${sentences.join(' ')}\n${source}\n`);
  }
  return parts.join('');
}

/** One title and `paragraphs` lines of the feed's prose after it, with no Source: stories pasted without theirs. */
export function longReleaseFeed(paragraphs: number): string {
  return `Results of the year in the regions 09.01.2024\n${proseParagraphs(paragraphs).join('\n')}\n`;
}

const TINY_BODIES = ['Roads open.', 'Water is on.', 'Fair today.', 'Bus runs.', 'Park shut.', 'Rain ahead.'];

/** `count` releases of about 64 bytes: a numbered title, a short line and a Source. */
export function tinyReleasesFeed(count: number): string {
  const rng = new Rng(DEFAULT_SEED);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = i.toString(36);
    parts.push(`Notice ${id} ${dateOf(i)}\n${rng.pick(TINY_BODIES)}\nSource : https://e.kz/n/${id}\n`);
  }
  return parts.join('');
}
