/**
 * Name analysis: mentions of people, places and organisations, their
 * clusters of variant spellings, and acronyms with their definitions.
 *
 * It is computed once per feed (memoised on the Feed object, which is one
 * per document version) and shared by the name rules, hover, references,
 * rename, completion and semantic tokens.
 */
import { addTo, itemAt } from '../collections';
import type { Feed, Release } from '../model';
import type { Span } from '../text';
import { en as englishStopWords } from 'stopwords-iso/stopwords-iso.json';
import { deletionNeighbourhood, foldKey, nearKeys } from './fold';

export { foldKey, nearKeys } from './fold';

export type NameKind = 'person' | 'place' | 'organization' | 'unknown';

/** One occurrence of a proper-name word. */
export interface NameToken {
  text: string;
  span: Span;
  key: string;
  release: number;
  kind: NameKind;
  /** The initial of the given name next to it (`S.` in `S. Nurgaliyev`, `S` from `Serik Nurgaliev`). */
  initial?: string;
  /**
   * For a person, where to look for a role phrase (`Vice Minister of Labor`): the run of name words
   * the token belongs to, and the line it sits on. The phrase itself is read only on demand, by
   * `roleOf`, since only hover needs it.
   */
  context?: { runStart: number; runEnd: number; lineStart: number; lineEnd: number };
  cluster: number;
}

export interface NameCluster {
  id: number;
  /** Spellings with their tokens, in order of first appearance. */
  spellings: Map<string, NameToken[]>;
  /** The spelling from the names dictionary, when one matches. */
  dictionary?: string;
}

export interface AcronymUse {
  text: string;
  span: Span;
  release: number;
  /** The legal form written next to it (`JSC` in `ZEK JSC`), which ties it to an organisation. */
  legalForm?: string;
}

export interface AcronymDefinition {
  acronym: string;
  span: Span;
  release: number;
  /** The long form found before it, or the words searched when none fits. */
  longForm: string;
  fits: boolean;
}

export interface NameSettings {
  names: readonly string[];
  ignoreNames: readonly string[];
}

export interface NameIndex {
  tokens: NameToken[];
  clusters: NameCluster[];
  acronyms: AcronymUse[];
  definitions: AcronymDefinition[];
  tokensByRelease: NameToken[][];
}

/**
 * Words that are capitalised at sentence starts, in titles or always, yet
 * never names: English stop words from stopwords-iso, then the role,
 * institution and calendar words that releases capitalise.
 */
const NEVER_NAMES = new Set([
  ...englishStopWords,
  ...(
    'mr mrs ms dr prof sir madam source according currently today yesterday tomorrow however also ' +
    'minister ministry deputy vice prime first head director chairman chair president secretary governor akim akimat mayor ambassador ' +
    'commissioner colonel general member representative speaker chief manager officer advisor adviser spokesman spokeswoman ' +
    'department committee agency government republic state national regional international council assembly parliament senate ' +
    'court office service administration region district city village street avenue university school college center centre ' +
    'company corporation bank fund foundation association union organization organisation institute program programme project ' +
    'forum conference summit session meeting games championship cup team day year week month year ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday north south east west northern southern eastern western central'
  ).split(' '),
]);

const LEGAL_FORMS = new Set(['JSC', 'LLP', 'LLC', 'RSE', 'PLC', 'LTD', 'Ltd', 'Inc', 'GmbH', 'PJSC', 'OJSC', 'CJSC', 'NJSC', 'SE', 'JV', 'NPO', 'NGO', 'PF', 'SPC']);
const PLACE_WORDS = /^\s+(?:rural\s+)?(?:district|region|village|city|town|oblast|street|avenue|river|lake|settlement|province|county|raion|reservoir|aul|mountains?|valley|square)\b/i;
const PLACE_BEFORE = /\b(?:village|city|town|region|district|settlement|aul|republic|capital) of\s+$/i;
const SURNAME = /(?:ov|ev|ova|eva|in|ina|uly|ul|kyzy|kizi|enko|ko|ich|ovna|evna|ski|sky|skiy|ska|yan|dze|shvili)$/i;
const ROLE = /\b(?:Minister|Akim|akim|Governor|Head|head|Director|director|Chairman|Chair|Secretary|President|Deputy|Commissioner|Ambassador|Mayor|Colonel|General|Member|Representative|Speaker|Chief|chief|Manager|Officer|Secretary-General|student|founder|chairman|deputy)\b/;
const ROMAN = /^(?:[IVXLC]+)$/;
const QUOTE_CHARS = '"“”«»';

interface Segment {
  text: string;
  start: number;
}

function segmentsOf(release: Release, feed: Feed): Segment[] {
  const out: Segment[] = [];
  if (release.title) out.push({ text: feed.text.slice(release.title.textSpan.start, release.title.textSpan.end), start: release.title.textSpan.start });
  for (const l of release.body) out.push({ text: l.text, start: l.span.start });
  return out;
}

/** True when the letter at `i` is upper case; ASCII first, as nearly every letter is. */
function upperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return text[i] !== text[i].toLowerCase();
}


const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_MARK.test(text[i]);
}

interface ScannedSegment extends Segment {
  /** Start and end offsets (within the segment) of the words that begin with a capital, in pairs. */
  capitals: number[];
}

/**
 * One pass over the feed. Lower-case words go into a set: a capitalised
 * word that the feed also writes in lower case is a common word, not a
 * name. Capitalised words are kept for classification once the set is full.
 */
function scanFeed(feed: Feed): { common: Set<number>; segments: ScannedSegment[][] } {
  // Lower-case words are kept as 53-bit hashes, not strings: a 10 MB feed has millions of them,
  // and slicing each one out cost more than the rest of the name analysis.
  const common = new Set<number>();
  const segments = feed.releases.map((release) =>
    segmentsOf(release, feed).map((seg) => {
      const capitals: number[] = [];
      const text = seg.text;
      const n = text.length;
      // Words are letters with inner apostrophes and hyphens. The loop is written out, not a Unicode
      // regex with a callback, because it runs over every character of the feed.
      let i = 0;
      while (i < n) {
        if (!isWordChar(text, i)) {
          i++;
          continue;
        }
        const upper = upperAt(text, i);
        let h1 = FNV_1;
        let h2 = FNV_2;
        let k1 = h1;
        let k2 = h2;
        let end = i;
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          const letter = c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : isWordChar(text, j);
          if (!letter && c !== 39 && c !== 45 && c !== 0x2019) break;
          // Capitalised words are looked up later from their text; only lower-case ones need a hash here.
          if (!upper) {
            h1 = Math.imul(h1 ^ c, 16777619);
            h2 = Math.imul(h2 ^ c, 2246822507);
          }
          // The hash and the end follow the last letter, so trailing apostrophes and hyphens are no part of the word.
          if (letter) {
            k1 = h1;
            k2 = h2;
            end = j + 1;
          }
          j++;
        }
        if (upper) capitals.push(i, end);
        else if (end - i >= 3) common.add(hashKey(k1, k2));
        i = j;
      }
      return { text, start: seg.start, capitals };
    }),
  );
  return { common, segments };
}

const FNV_1 = 0x811c9dc5;
const FNV_2 = 0x9747b28c;

/** Two 32-bit FNV-1a hashes folded into one safe integer; a clash between two words is about one in 2^53. */
function hashKey(h1: number, h2: number): number {
  return (h1 >>> 0) * 2097152 + ((h2 >>> 0) & 0x1fffff);
}

function hashWord(word: string): number {
  let h1 = FNV_1;
  let h2 = FNV_2;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822507);
  }
  return hashKey(h1, h2);
}

function rolePhrase(phrase: string): string | undefined {
  const words = phrase.split(/\s+/).filter((w) => w.length > 0);
  if (!ROLE.test(phrase) || words.length > 14) return undefined;
  const first = words.findIndex((w) => /^\p{Lu}/u.test(w) || ROLE.test(w));
  const role = words.slice(Math.max(0, first)).join(' ').replace(/\s+(?:by|with|and|the)$/i, '').trim();
  return role.length > 0 ? role : undefined;
}

/** A role phrase next to a person: before the name ("Deputy Minister of Energy Serik Nurgaliev"), or as an apposition around it. */
function roleNear(text: string, start: number, end: number): string | undefined {
  const before = text.slice(Math.max(0, start - 160), start);
  const boundary = (s: string) => Math.max(s.lastIndexOf('. '), s.lastIndexOf(', '), s.lastIndexOf('('), s.lastIndexOf('“'), s.lastIndexOf('"'), s.lastIndexOf(':'));
  const cut = boundary(before);
  const direct = rolePhrase(before.slice(cut + 1).replace(/^[\s,.]+/, '').trim());
  if (direct) return direct;
  // "the head of the region, Serik Shapkenov": the clause just before the comma names the role.
  if (/,\s*$/.test(before)) {
    const clause = before.replace(/,\s*$/, '');
    const inner = rolePhrase(clause.slice(boundary(clause) + 1).replace(/^[\s,.]+/, '').replace(/^(?:\S+\s+){0,6}?(?=\b(?:the\s+)?(?:head|director|chairman|akim|minister|deputy|chief)\b)/i, '').trim());
    if (inner) return inner;
  }
  // "Nurlan Zhanabayev, head of the Emergency Situations Department,": an apposition that starts with the role.
  const after = /^,\s+((?:the\s+|a\s+)?(?:\S+\s+){0,2}?[^,.;()]{0,90})[,.;)]/.exec(text.slice(end));
  if (after && ROLE.test(after[1].split(/\s+/).slice(0, 3).join(' '))) return after[1].trim();
  return undefined;
}

/** Scans one release for name tokens and acronyms. */
function scanRelease(release: Release, segments: ScannedSegment[], common: Set<number>, ignore: Set<string>, tokens: NameToken[], acronyms: AcronymUse[]): void {
  for (const seg of segments) {
    const text = seg.text;
    let prevName: NameToken | undefined;
    let prevEnd = -10;
    for (let w = 0; w < seg.capitals.length; w += 2) {
      const start = seg.capitals[w];
      const end = seg.capitals[w + 1];
      const word = text.slice(start, end);
      // A lower-case word between two capitals leaves a gap, so adjacency alone tells a name run.
      const adjacent = start - prevEnd === 1 && text[prevEnd] === ' ';
      const lower = word.toLowerCase();
      // Cheap set look-ups first: most capitalised words start sentences ("The", "In") and stop here.
      if (NEVER_NAMES.has(lower)) {
        prevName = undefined;
        prevEnd = end;
        continue;
      }
      if (word.length >= 2 && word === word.toUpperCase() && word !== lower) {
        prevName = undefined;
        prevEnd = end;
        if (LEGAL_FORMS.has(word) || ROMAN.test(word) || word.length > 8) continue;
        const legal = /^\s+(JSC|LLP|LLC|RSE|PLC|PJSC|NJSC)\b/.exec(text.slice(end, end + 8))?.[1] ?? /\b(JSC|LLP|LLC|RSE|PLC|PJSC|NJSC)\s+["“«]?$/.exec(text.slice(Math.max(0, start - 8), start))?.[1];
        acronyms.push({ text: word, span: { start: seg.start + start, end: seg.start + end }, release: release.index, legalForm: legal });
        continue;
      }
      const possessive = lower.endsWith("'s") || lower.endsWith('’s');
      const isName = word.length >= 3 && word[1] !== word[1].toUpperCase() && !common.has(hashWord(lower)) && !(possessive && common.has(hashWord(lower.slice(0, -2))));
      if (!isName || ignore.has(lower)) {
        prevName = undefined;
        prevEnd = end;
        continue;
      }
      const surface = possessive ? word.slice(0, -2) : word;
      const token: NameToken = {
        text: surface,
        span: { start: seg.start + start, end: seg.start + start + surface.length },
        key: cachedFoldKey(surface),
        release: release.index,
        kind: 'unknown',
        cluster: -1,
      };
      const initial = /(?:^|[\s(“"])(\p{Lu})\.\s?$/u.exec(text.slice(Math.max(0, start - 4), start));
      if (initial) {
        token.initial = initial[1];
        token.kind = 'person';
      } else if (prevName && adjacent) {
        token.initial = prevName.text[0];
        if (SURNAME.test(surface) || prevName.kind === 'person') {
          token.kind = 'person';
          prevName.kind = 'person';
        }
      }
      const afterText = text.slice(end, end + 24);
      const beforeText = text.slice(Math.max(0, start - 24), start);
      if (token.kind === 'unknown') {
        if (PLACE_WORDS.test(afterText) || PLACE_BEFORE.test(beforeText)) token.kind = 'place';
        else if (/^["”»]?\s+(?:JSC|LLP|LLC|RSE|PLC|Ltd|Inc|GmbH|PJSC|NJSC)\b/.test(afterText) || /\b(?:JSC|LLP|LLC|RSE|NJSC)\s+["“«]?$/.test(beforeText) || (QUOTE_CHARS.includes(text[start - 1] ?? '') && /\b(?:JSC|LLP|LLC|RSE)\b/.test(text.slice(end, end + 40)))) token.kind = 'organization';
      }
      if (token.kind === 'person') {
        const lineEnd = seg.start + text.length;
        if (prevName && adjacent && prevName.context) {
          // One context object for the whole run, so "Serik Nurgaliev" shares a single role.
          prevName.context.runEnd = seg.start + end;
          token.context = prevName.context;
        } else {
          const runStart = prevName && adjacent ? prevName.span.start : seg.start + (initial ? start - initial[0].trimStart().length : start);
          token.context = { runStart, runEnd: seg.start + end, lineStart: seg.start, lineEnd };
          if (prevName && adjacent) prevName.context = token.context;
        }
      }
      tokens.push(token);
      prevName = token;
      prevEnd = end;
    }
  }
}

/** Clusters tokens whose keys fold together or sit one guarded edit apart, through a deletion-neighbourhood index. */
function cluster(tokens: NameToken[], settings: NameSettings): NameCluster[] {
  const keys = [...new Set(tokens.map((t) => t.key))];
  const parent = new Map<string, string>(keys.map((k) => [k, k]));
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const byDeletion = new Map<string, string[]>();
  for (const k of keys) {
    for (const d of deletionNeighbourhood(k)) {
      const bucket = byDeletion.get(d);
      if (!bucket) {
        byDeletion.set(d, [k]);
        continue;
      }
      for (const other of bucket) if (nearKeys(k, other)) parent.set(find(k), find(other));
      bucket.push(k);
    }
  }
  const dictionary = new Map<string, string>();
  for (const name of settings.names) for (const part of name.split(/\s+/)) if (part.length >= 3) dictionary.set(foldKey(part), part);
  const byRoot = new Map<string, NameCluster>();
  const clusters: NameCluster[] = [];
  for (const t of tokens) {
    const root = find(t.key);
    let c = byRoot.get(root);
    if (!c) {
      c = { id: clusters.length, spellings: new Map() };
      byRoot.set(root, c);
      clusters.push(c);
    }
    t.cluster = c.id;
    addTo(c.spellings, t.text, t);
  }
  // A dictionary name joins the cluster it folds into, even when the feed never spells it that way.
  for (const [key, spelling] of dictionary) {
    const direct = byRoot.get(parent.has(key) ? find(key) : key);
    const c = direct ?? findNear(key, byDeletion, byRoot, find);
    if (c) c.dictionary = spelling;
  }
  return clusters;
}

function findNear(key: string, byDeletion: Map<string, string[]>, byRoot: Map<string, NameCluster>, find: (k: string) => string): NameCluster | undefined {
  for (const d of deletionNeighbourhood(key)) {
    for (const other of byDeletion.get(d) ?? []) if (nearKeys(key, other)) return byRoot.get(find(other));
  }
  return undefined;
}

/** Schwartz & Hearst's long-form search: the shortest run of words ending before the parenthesis whose letters spell the acronym. */
export function findLongForm(acronym: string, candidate: string): string | undefined {
  const s = acronym.toLowerCase();
  const l = candidate.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  while (si >= 0) {
    const c = s[si];
    if (!/[\p{L}\p{N}]/u.test(c)) {
      si--;
      continue;
    }
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && /[\p{L}\p{N}]/u.test(l[li - 1])))) li--;
    if (li < 0) return undefined;
    li--;
    si--;
  }
  const start = l.lastIndexOf(' ', li) + 1;
  return candidate.slice(start).trim();
}

const DEFINITION = /\(\s*(?:(?:hereinafter|hereafter)(?:\s+referred\s+to\s+as)?\s*[-–—]?\s*(?:the\s+)?)?["“«]?(\p{Lu}[\p{Lu}&]{1,7})["”»]?\s*\)/gu;

function scanDefinitions(segments: readonly Segment[], release: Release, out: AcronymDefinition[]): void {
  for (const seg of segments) {
    // Every definition has a parenthesis; most lines have none.
    if (seg.text.indexOf('(') < 0) continue;
    DEFINITION.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DEFINITION.exec(seg.text))) {
      const acronym = m[1];
      const hereinafter = /herein|hereafter/.test(m[0]);
      const before = seg.text.slice(0, m.index).trimEnd();
      const sentence = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('.')) + 1).trim();
      const words = sentence.split(/\s+/).filter((w) => w.length > 0);
      const limit = hereinafter ? 20 : Math.min(acronym.length + 5, acronym.length * 2);
      const candidate = words.slice(-limit).join(' ');
      if (candidate.length === 0) continue;
      const longForm = findLongForm(acronym, candidate);
      const at = seg.start + m.index + m[0].indexOf(acronym);
      out.push({ acronym, span: { start: at, end: at + acronym.length }, release: release.index, longForm: longForm ?? candidate, fits: longForm !== undefined });
    }
  }
}

const cache = new WeakMap<Feed, Map<string, NameIndex>>();

export function nameIndex(feed: Feed, settings: NameSettings = { names: [], ignoreNames: [] }): NameIndex {
  const settingsKey = JSON.stringify([settings.names, settings.ignoreNames]);
  let perFeed = cache.get(feed);
  const hit = perFeed?.get(settingsKey);
  if (hit) return hit;
  const { common, segments } = scanFeed(feed);
  const ignore = new Set(settings.ignoreNames.map((n) => n.toLowerCase()));
  const tokens: NameToken[] = [];
  const acronyms: AcronymUse[] = [];
  const definitions: AcronymDefinition[] = [];
  for (const release of feed.releases) {
    scanRelease(release, segments[release.index], common, ignore, tokens, acronyms);
    scanDefinitions(segments[release.index], release, definitions);
  }
  const clusters = cluster(tokens, settings);
  const tokensByRelease: NameToken[][] = feed.releases.map(() => []);
  for (const t of tokens) tokensByRelease[t.release].push(t);
  const index: NameIndex = { tokens, clusters, acronyms, definitions, tokensByRelease };
  if (!perFeed) {
    perFeed = new Map();
    cache.set(feed, perFeed);
  }
  perFeed.set(settingsKey, index);
  return index;
}

/** The role phrase next to a person token, read from the feed text when asked for. */
export function roleOf(feed: Feed, token: NameToken): string | undefined {
  const c = token.context;
  if (!c) return undefined;
  const line = feed.text.slice(c.lineStart, c.lineEnd);
  return roleNear(line, c.runStart - c.lineStart, c.runEnd - c.lineStart);
}

const foldCache = new Map<string, string>();

/** Names repeat through a feed, so their fold keys are memoised; the cache is bounded to stay small. */
function cachedFoldKey(word: string): string {
  let key = foldCache.get(word);
  if (key === undefined) {
    if (foldCache.size > 50_000) foldCache.clear();
    key = foldKey(word);
    foldCache.set(word, key);
  }
  return key;
}

/** The name token under an offset, by binary search over the tokens in document order. */
export function tokenAt(index: NameIndex, offset: number): NameToken | undefined {
  return itemAt(index.tokens, offset);
}

/** Whether two spellings of one cluster can be the same entity: initials, when both are known, must agree. */
export function compatible(a: readonly NameToken[], b: readonly NameToken[]): boolean {
  const ia = new Set(a.map((t) => t.initial).filter((x): x is string => !!x));
  const ib = new Set(b.map((t) => t.initial).filter((x): x is string => !!x));
  if (ia.size === 0 || ib.size === 0) return true;
  for (const x of ia) if (ib.has(x)) return true;
  return false;
}
