/**
 * The deletion-neighbourhood index: every fold key filed under itself and
 * under each string one deletion away from it, so that two keys within one
 * edit meet in a bucket. A feed of 400k distinct names files about four
 * million entries, so an entry is three numbers in typed arrays rather than
 * a sliced string in a map: the polynomial hash of the string it stands
 * for (computed from prefix and suffix hashes without building it), the key
 * it belongs to, and the next entry in its slot. Two strings that share a
 * hash only cost one more comparison, since every candidate is checked
 * with `nearKeys`.
 */
import { MIN_FUZZY_LENGTH } from './fold';

/** A prime below 2^26, so that a hash times the base's powers stays an exact integer in a double. */
const MODULUS = 67_108_859;
const BASE = 131;

/** Called with each key filed in a shared bucket and its number (the order it was filed in); true stops the visit. */
export type KeyVisitor = (other: string, number: number) => boolean;

export class DeletionIndex {
  private readonly keys: string[] = [];
  /** The first entry of each slot, plus one; 0 for none. The table has a power-of-two size. */
  private heads: Int32Array;
  private hashes: Int32Array;
  private owners: Int32Array;
  private next: Int32Array;
  private entries = 0;
  private readonly prefix: number[] = [];
  private readonly suffix: number[] = [];
  private readonly powers: number[] = [1];

  /** `keys` are the keys to be added, when known, so that the table is made once at its final size. */
  constructor(keys: readonly string[] = []) {
    let entries = 0;
    for (const k of keys) entries += k.length < MIN_FUZZY_LENGTH - 1 ? 1 : k.length;
    let size = 1 << 12;
    while (size < entries) size *= 2;
    this.heads = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.owners = new Int32Array(size);
    this.next = new Int32Array(size);
  }

  /**
   * Calls `meet` with each key already filed under `key`'s neighbourhood and its number, then files `key`
   * there; keys are numbered in the order they are added.
   */
  add(key: string, meet: (other: string, number: number) => unknown): void {
    const owner = this.keys.length;
    this.keys.push(key);
    this.forEachHash(key, (h) => {
      this.visitHash(h, (other, number) => (meet(other, number), false));
      this.file(h, owner);
      return false;
    });
  }

  /** Visits the keys filed under `key`'s neighbourhood until `visit` returns true. */
  visit(key: string, visit: KeyVisitor): void {
    this.forEachHash(key, (h) => this.visitHash(h, visit));
  }

  private visitHash(h: number, visit: KeyVisitor): boolean {
    for (let e = this.heads[h & (this.heads.length - 1)]; e !== 0; e = this.next[e - 1]) {
      if (this.hashes[e - 1] !== h) continue;
      const owner = this.owners[e - 1];
      if (visit(this.keys[owner], owner)) return true;
    }
    return false;
  }

  private file(h: number, owner: number): void {
    if (this.entries === this.heads.length) this.grow();
    const e = this.entries++;
    const slot = h & (this.heads.length - 1);
    this.hashes[e] = h;
    this.owners[e] = owner;
    this.next[e] = this.heads[slot];
    this.heads[slot] = e + 1;
  }

  /** Doubles the table and the entry arrays, and files every entry again in its new slot. */
  private grow(): void {
    const size = this.heads.length * 2;
    const widen = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.hashes = widen(this.hashes);
    this.owners = widen(this.owners);
    this.next = new Int32Array(size);
    this.heads = new Int32Array(size);
    for (let e = 0; e < this.entries; e++) {
      const slot = this.hashes[e] & (size - 1);
      this.next[e] = this.heads[slot];
      this.heads[slot] = e + 1;
    }
  }

  /**
   * The hash of the key itself, then of each deletion from its second letter on. Deleting the first letter
   * is never needed: `nearKeys` wants the first letters equal, and then deleting the second letter of the
   * longer key gives the same string.
   */
  private forEachHash(key: string, each: (hash: number) => boolean): void {
    const n = key.length;
    this.prepare(key);
    if (each(this.prefix[n])) return;
    if (n < MIN_FUZZY_LENGTH - 1) return;
    for (let i = 1; i < n; i++) {
      const h = (this.prefix[i] * this.powers[n - 1 - i] + this.suffix[i + 1]) % MODULUS;
      if (each(h)) return;
    }
  }

  /** Fills the prefix hashes (`prefix[i]` hashes the first i letters), the suffix hashes and the powers. */
  private prepare(key: string): void {
    const n = key.length;
    const { prefix, suffix, powers } = this;
    prefix[0] = 0;
    for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] * BASE + key.charCodeAt(i)) % MODULUS;
    suffix[n] = 0;
    while (powers.length <= n) powers.push((powers[powers.length - 1] * BASE) % MODULUS);
    for (let i = n - 1; i >= 0; i--) suffix[i] = (key.charCodeAt(i) * powers[n - 1 - i] + suffix[i + 1]) % MODULUS;
  }
}
