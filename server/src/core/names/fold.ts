/**
 * The romanisation fold key and the guarded comparison of name spellings.
 *
 * Kazakh and Russian names reach English through several transliteration
 * schemes, so one person appears as Yerlan and Erlan, one city as
 * Shymkent and Chimkent. The fold key maps those schemes onto one string;
 * a guarded edit distance of one catches what the fold leaves, while the
 * guards keep near but different names (Serik/Berik, Ivanov/Ivanova,
 * Kazakh/Kazakhstan) apart.
 */

/** Folds a single name token. Order matters: digraphs before the letters they contain. */
export function foldKey(word: string): string {
  let s = word
    .toLowerCase()
    // Uzbek Latin writes u as o‘ (O‘ktam, Uktam) and marks g‘; Turkish writes ch, sh and i as ç, ş and ı.
    .replace(/o[‘ʻ]/g, 'u')
    .replace(/ç/g, 'ch')
    .replace(/ş/g, 'sh')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’'`‘ʻ\-.]/g, '');
  s = s.replace(/^ye/, 'e').replace(/^yu/, 'iu').replace(/^ya/, 'ia');
  // Uzbek Latin writes kh as x (Xolmatov, Kholmatov); at the start of a name x is that, not ks.
  s = s.replace(/^x(?=[aeiou])/, 'k').replace(/x/g, 'ks');
  s = s.replace(/dzh|dj|zh|j/g, 'j');
  // Ш and Ч are both written sh or ch depending on the scheme; one placeholder stands for either.
  s = s.replace(/shch|sch|ch|sh/g, '§');
  s = s.replace(/gh/g, 'g').replace(/kh|q/g, 'k').replace(/h/g, 'k');
  // After a vowel, ye/yu/ya are written e/u/a too (Sergeyev, Sergeev); short words keep theirs (Bayan is no Ban).
  if (s.length >= MIN_FUZZY_LENGTH) s = s.replace(/([aeiou])y(?=[aeu])/g, '$1');
  s = s.replace(/y/g, 'i');
  s = s.replace(/(.)\1+/g, '$1');
  return s;
}

const VOWELS = new Set('aeiou');
/**
 * Letter pairs that transliteration or voicing swaps inside a name: t/d in Karimbetov/Karimbedov, and i/j where
 * Ukrainian and Polish schemes write a soft ya as ja (Zoriansk/Zorjansk). The fold cannot map that j to i,
 * since Kazakh writes zh as j (Nurjan).
 */
const SWAPS = new Set(['td', 'dt', 'kg', 'gk', 'sz', 'zs', 'pb', 'bp', 'vf', 'fv', 'vw', 'wv', 'ck', 'kc', 'ij', 'ji']);

/** Shortest folded key in which two adjacent letters may trade places: a typo in a long surname. */
const MIN_SWAP_LENGTH = 7;

/**
 * Whether `a` and `b`, which differ at `first` and `second`, are the same but for two adjacent letters traded
 * (Smailov/Samilov), inside a long key and away from its last letter.
 */
function swapped(a: string, b: string, first: number, second: number): boolean {
  if (second !== first + 1 || a.length < MIN_SWAP_LENGTH || second >= a.length - 1) return false;
  return a[first] === b[second] && a[second] === b[first] && a.slice(second + 1) === b.slice(second + 1);
}

/** Shortest folded key that may match by edit distance; shorter names differ by one letter too often. */
export const MIN_FUZZY_LENGTH = 6;

/**
 * True when two folded keys differ by one guarded edit: a vowel or a
 * voicing swap inside the word, a voicing swap at its end, or one vowel
 * more or less inside it. The first letters must agree and the last may
 * differ only by a voicing swap, which rules out Serik/Berik,
 * Nurlan/Nurlat, Asel/Asem, Ivanov/Ivanova, plurals and possessives.
 */
export function nearKeys(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < MIN_FUZZY_LENGTH || Math.abs(a.length - b.length) > 1) return false;
  if (a[0] !== b[0]) return false;
  if (a.length === b.length) {
    let diff = -1;
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      if (diff >= 0) return swapped(a, b, diff, i);
      diff = i;
    }
    const x = a[diff];
    const y = b[diff];
    // At the last letter only a voicing swap counts (Ahmet/Ahmed); any other change there makes another name.
    if (diff === a.length - 1) return SWAPS.has(x + y);
    return (VOWELS.has(x) && VOWELS.has(y)) || SWAPS.has(x + y);
  }
  if (a[a.length - 1] !== b[b.length - 1]) return false;
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  if (long.slice(i + 1) !== short.slice(i)) return false;
  return VOWELS.has(long[i]);
}

const foldCache = new Map<string, string>();
/** Bounded, so that a feed of a million distinct words cannot grow it without end. */
const FOLD_CACHE_SIZE = 50_000;

/** Names repeat through a feed, so their fold keys are memoised. */
export function cachedFoldKey(word: string): string {
  let key = foldCache.get(word);
  if (key === undefined) {
    if (foldCache.size > FOLD_CACHE_SIZE) foldCache.clear();
    key = foldKey(word);
    foldCache.set(word, key);
  }
  return key;
}
