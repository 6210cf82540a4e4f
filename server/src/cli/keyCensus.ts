/**
 * The first level of the CLI's cross-file pre-pass: which title keys and Source keys occur in more than one file
 * of the run, known from a 53-bit hash of each key rather than from the keys themselves, so that it costs a few
 * bytes per release however large the feeds are. Two keys that share a hash only make the second level summarize
 * a release that has no duplicate; the findings come from the full keys, so they stay exact.
 */
import { documentReleases, ReleaseFacts, resolveFormat, type Config } from '../core/index';

/** What a file's key stands for in the census: titles and Sources never match each other. */
export type KeyKind = 'title' | 'source';

/** The file a key was first seen in, or SHARED once a second file has it too. */
const SHARED = -1;

export class KeyCensus {
  private readonly firstFile = { title: new Map<number, number>(), source: new Map<number, number>() };
  /**
   * Each counted file's hashes, titles and Sources apart, so that the second level knows which files to read again
   * without reading the others: 8 bytes per key.
   */
  private readonly hashesOf = new Map<number, { title: Float64Array; source: Float64Array }>();

  /** Counts the keys of file number `file`, from the text the run compares. */
  add(file: number, text: string, config: Config): void {
    if (this.hashesOf.has(file)) throw new Error(`file ${file} is already counted`);
    const hashes = { title: [] as number[], source: [] as number[] };
    forEachKey(text, config, (kind, hash) => {
      hashes[kind].push(hash);
      const seen = this.firstFile[kind].get(hash);
      if (seen === undefined) this.firstFile[kind].set(hash, file);
      else if (seen !== file) this.firstFile[kind].set(hash, SHARED);
    });
    this.hashesOf.set(file, { title: Float64Array.from(hashes.title), source: Float64Array.from(hashes.source) });
  }

  /** Whether a key of this hash is in more than one file of the run. */
  isShared(kind: KeyKind, hash: number): boolean {
    return this.firstFile[kind].get(hash) === SHARED;
  }

  /** Whether any key of file number `file` is in another file too, which is when the file needs a summary. */
  sharesAny(file: number): boolean {
    const hashes = this.hashesOf.get(file);
    if (!hashes) return false;
    return hashes.title.some((h) => this.isShared('title', h)) || hashes.source.some((h) => this.isShared('source', h));
  }
}

/**
 * Calls `each` with the hash of every title key and Source key of a text, one release at a time, without keeping
 * the releases: the models of a feed of millions of releases are never in memory together.
 */
function forEachKey(text: string, config: Config, each: (kind: KeyKind, hash: number) => void): void {
  const format = resolveFormat(config.format, text);
  for (const release of documentReleases(text, format, { dateFormat: config.dateFormat })) {
    const facts = ReleaseFacts.of(release);
    if (facts.titleKey !== undefined) each('title', keyHash(facts.titleKey));
    if (facts.sourceKey !== undefined) each('source', keyHash(facts.sourceKey));
  }
}

/**
 * A 53-bit hash of a string (two 32-bit multiply-xorshift lanes, mixed at the end), exact in a double, so that a
 * Map keeps it as a number: collisions among a million keys are about one in ten million.
 */
export function keyHash(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (0x1fffff & h2) + (h1 >>> 0);
}
