/**
 * Word hashes. A 10 MB feed has millions of lower-case words; keeping them
 * as numbers instead of sliced strings is what makes the common-word check
 * affordable. Two 32-bit FNV-1a hashes folded into one safe integer clash
 * for two different words about once in 2^53.
 */

export const FNV_SEED_1 = 0x811c9dc5;
export const FNV_SEED_2 = 0x9747b28c;

/** One step of both FNV-1a hashes over a UTF-16 code unit. */
export function fnvStep1(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}

export function fnvStep2(h: number, c: number): number {
  return Math.imul(h ^ c, 2246822507);
}

/** Folds the two 32-bit hashes into one integer below 2^53, which a Set keeps without boxing. */
export function hashKey(h1: number, h2: number): number {
  return (h1 >>> 0) * 2097152 + ((h2 >>> 0) & 0x1fffff);
}

/** The hash of a whole word, equal to the one the scanner computes letter by letter. */
export function hashWord(word: string): number {
  let h1 = FNV_SEED_1;
  let h2 = FNV_SEED_2;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h1 = fnvStep1(h1, c);
    h2 = fnvStep2(h2, c);
  }
  return hashKey(h1, h2);
}
