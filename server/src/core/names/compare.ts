/**
 * Comparing two written mentions of a name ("S. Nurgaliyev", "Serik
 * Nurgaliev") with the same primitives the feed analysis uses. The labelled
 * corpus in test/fixtures/names measures this function.
 */
import { acronymsAlike, sameLetters } from './acronyms';
import { foldKey, nearKeys } from './fold';

const LEGAL = /^(?:JSC|LLP|LLC|RSE|PLC|LTD|Ltd|Inc|GmbH|PJSC|OJSC|CJSC|NJSC|NAC|NCE)$/;
/** Words that say what kind of entity a name is; two mentions with different ones are different entities. */
const TYPE_WORDS = new Set(['district', 'region', 'city', 'village', 'town', 'oblast', 'street', 'avenue', 'river', 'lake', 'party', 'university', 'bank', 'school', 'ministry', 'committee', 'agency', 'company', 'fund', 'foundation', 'center', 'centre', 'hospital', 'airport', 'station', 'plant', 'schools']);
const FUNCTION = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at']);

interface ParsedMention {
  initial?: string;
  words: string[];
  acronyms: string[];
  legal: boolean;
  types: Set<string>;
}

export function parseMention(text: string): ParsedMention {
  const m: ParsedMention = { words: [], acronyms: [], legal: false, types: new Set() };
  const initial = /^\s*(\p{Lu})\.\s*/u.exec(text);
  let rest = text;
  if (initial) {
    m.initial = initial[1];
    rest = text.slice(initial[0].length);
  }
  for (const raw of rest.match(/\p{L}[\p{L}\p{M}’']*/gu) ?? []) {
    const w = raw.replace(/(?:’s|'s)$/, '');
    if (LEGAL.test(w)) m.legal = true;
    else if (TYPE_WORDS.has(w.toLowerCase())) m.types.add(w.toLowerCase());
    else if (FUNCTION.has(w.toLowerCase())) continue;
    else if (/^\p{Lu}{2,}$/u.test(w)) m.acronyms.push(w);
    else m.words.push(w);
  }
  return m;
}

function givenCompatible(a: ParsedMention, b: ParsedMention): boolean {
  const givenA = a.words.length >= 2 ? a.words[0] : undefined;
  const givenB = b.words.length >= 2 ? b.words[0] : undefined;
  if (givenA && givenB) return nearKeys(foldKey(givenA), foldKey(givenB));
  const ia = a.initial ? foldKey(a.initial) : givenA ? foldKey(givenA)[0] : undefined;
  const ib = b.initial ? foldKey(b.initial) : givenB ? foldKey(givenB)[0] : undefined;
  return !ia || !ib || ia[0] === ib[0];
}

/** Whether two mentions name the same entity, spelled the same or as variants. */
export function sameEntity(a: string, b: string): boolean {
  const x = parseMention(a);
  const y = parseMention(b);
  if (x.types.size > 0 && y.types.size > 0 && ![...x.types].some((t) => y.types.has(t))) return false;
  if (x.words.length === 0 && y.words.length === 0 && x.acronyms.length === 1 && y.acronyms.length === 1) {
    const [p, q] = [x.acronyms[0], y.acronyms[0]];
    if (p === q) return true;
    // Bare acronyms of different lengths are too often different bodies (SCO/CSTO); a shared legal form ties them to one company.
    return acronymsAlike(p, q) && (sameLetters(p, q) || (x.legal && y.legal));
  }
  if (x.acronyms.join() !== y.acronyms.join()) return false;
  if (x.words.length === 0 || y.words.length === 0) return false;
  const personLike = x.initial || y.initial || (x.words.length === 2 && y.words.length === 2 && x.types.size === 0 && y.types.size === 0);
  if (personLike) {
    const surnameA = x.words[x.words.length - 1];
    const surnameB = y.words[y.words.length - 1];
    return nearKeys(foldKey(surnameA), foldKey(surnameB)) && givenCompatible(x, y);
  }
  // Compound names may be hyphenated in one spelling and spaced in the other.
  const wa = x.words.flatMap((w) => w.split('-')).map(foldKey);
  const wb = y.words.flatMap((w) => w.split('-')).map(foldKey);
  if (wa.join('') === wb.join('')) return true;
  return wa.length === wb.length && wa.every((k, i) => nearKeys(k, wb[i]));
}
