/**
 * Every word list that name analysis uses, in one place, so that a word is
 * listed once and each list says what it is for. The lists are general
 * English and Central Asian newsroom vocabulary: no name from a real feed
 * lives here.
 */
import { en as englishStopWords } from 'stopwords-iso/stopwords-iso.json';

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w.length > 0);

/** Role words that releases capitalise before a name ("Deputy Minister"); they are never names themselves. */
const ROLE_WORDS = words(`
  minister ministry deputy vice prime first head director chairman chair president secretary governor akim akimat mayor
  ambassador commissioner colonel general member representative speaker chief manager officer advisor adviser
  spokesman spokeswoman`);

/** Institution words capitalised in official names ("Regional Court", "Energy Fund"). */
const INSTITUTION_WORDS = words(`
  department committee agency government republic state national regional international council assembly parliament
  senate court office service administration region district city village street avenue university school college
  center centre company corporation bank fund foundation association union organization organisation institute
  program programme project forum conference summit session meeting games championship cup team`);

/** Calendar and compass words, and the titles and adverbs that start sentences in releases. */
const CALENDAR_AND_COMMON = words(`
  mr mrs ms dr prof sir madam source according currently today yesterday tomorrow however also day year week month
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday north south east west northern southern eastern western
  central`);

/**
 * Words that are capitalised at sentence starts, in titles or always, yet
 * never names: English stop words from stopwords-iso, then the role,
 * institution and calendar words that releases capitalise.
 */
export const NEVER_NAMES: ReadonlySet<string> = new Set([
  ...englishStopWords,
  ...ROLE_WORDS,
  ...INSTITUTION_WORDS,
  ...CALENDAR_AND_COMMON,
]);

/**
 * Acronyms of company officers. In brackets after a person's name (`Jane Roe (CEO)`) they give a title, not a
 * definition. `CSO` is left out: feeds also use it for organisations, whose definitions must still be checked.
 */
const ROLE_ACRONYMS: ReadonlySet<string> = new Set(words(`CEO CFO COO CTO CMO CIO CISO CHRO CPO CRO CDO`));

export function isRoleAcronym(word: string): boolean {
  return ROLE_ACRONYMS.has(word);
}

/** Legal forms of organisations. Written next to a name or an acronym, they make it an organisation. */
export const LEGAL_FORMS: readonly string[] = words(`
  JSC LLP LLC RSE PLC LTD Ltd Inc GmbH PJSC OJSC CJSC NJSC SE JV NPO NGO PF SPC`);
const LEGAL_FORM_SET: ReadonlySet<string> = new Set(LEGAL_FORMS);
const LEGAL_ALTERNATION = LEGAL_FORMS.join('|');

export function isLegalForm(word: string): boolean {
  return LEGAL_FORM_SET.has(word);
}

/** A legal form right after a word: `Kazatomprom JSC`, `"Samruk" LLP`. */
export const LEGAL_FORM_AFTER = new RegExp(`^["”»]?\\s+(${LEGAL_ALTERNATION})\\b`);
/** A legal form right before a word: `JSC "Samruk"`, `LLP Kazatomprom`. */
export const LEGAL_FORM_BEFORE = new RegExp(`\\b(${LEGAL_ALTERNATION})\\s+["“«]?$`);
/** A legal form a little further on, for a quoted organisation name: `"Tau Ken Samruk" National Mining Company JSC`. */
export const LEGAL_FORM_NEAR = new RegExp(`\\b(?:${LEGAL_ALTERNATION})\\b`);

/** Words that follow a place's name: `Karkaraly district`, `Ili river`. */
const PLACE_WORDS = words(`
  district region village city town oblast street avenue river lake settlement province county raion reservoir aul
  mountains? valley square`);
/** A place word after a name. */
export const PLACE_WORD_AFTER = new RegExp(String.raw`^\s+(?:rural\s+)?(?:${PLACE_WORDS.join('|')})\b`, 'i');
/** A place word before a name: `the village of Akkol`, `the capital of ...`. */
export const PLACE_WORD_BEFORE = /\b(?:village|city|town|region|district|settlement|aul|republic|capital) of\s+$/i;

/**
 * Words that introduce a name as another thing than a name like it: `not to be confused with the village of
 * Goytepe`, `a different village from Hlybochok`.
 */
export const CONTRAST_BEFORE =
  /\b(?:confused with|different(?: [a-z]+)? from|distinct from|not the same as|unlike)(?: [a-z]+){0,4} $/;

/** Surname endings of the region's names; a capitalised word with one after another name makes a person. */
export const SURNAME_ENDING =
  /(?:ov|ev|ova|eva|in|ina|uly|ul|kyzy|kizi|enko|ko|ich|ovna|evna|ski|sky|skiy|ska|yan|dze|shvili)$/i;

/** Role words in running text, as written: titles capitalised, and the few that releases also write in lower case. */
const ROLE_PHRASE_WORDS = words(`
  Minister Akim akim Governor Head head Director director Chairman Chair Secretary President Deputy Commissioner
  Ambassador Mayor Colonel General Member Representative Speaker Chief chief Manager Officer Secretary-General
  student founder chairman deputy`);
/** A role word, to find the role phrase next to a person for hover. */
export const ROLE_WORD = new RegExp(String.raw`\b(?:${ROLE_PHRASE_WORDS.join('|')})\b`);
/** Role heads that an apposition starts with: "the head of the region, Serik Shapkenov". */
export const ROLE_HEAD = /\b(?:the\s+)?(?:head|director|chairman|akim|minister|deputy|chief)\b/i;

/** Roman numerals, which are capitals but no acronym: `World War II`. */
export const ROMAN_NUMERAL = /^[IVXLC]+$/;

/** Quotation marks around organisation names. */
export const QUOTE_CHARS = '"“”«»';

/** Words too common in releases to show what a paragraph is about, for telling one story from another. */
export const TOPIC_STOP_WORDS: ReadonlySet<string> = new Set(
  words(`
  about after also among another because before being between could during their there these those through under
  where which while would with within without other should shall since until upon region district republic state
  government department ministry press service year years said says noted more than were have been will from into
  that this they them then what when your ours over such only very most many much some each both`),
);
