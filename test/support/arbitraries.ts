/**
 * fast-check arbitraries for feeds: lines built from the pieces that the
 * parser and the rules care about, releases, and whole feeds with a
 * category, CRLF or LF line ends and a BOM. Shared by the property tests.
 */
import fc from 'fast-check';

/** Pieces that exercise the grammar's edges: surrogate pairs, Cyrillic, every separator the parser cares about. */
/** Punctuation that sentence-spacing must read right: quotes of both kinds, brackets, ellipses, decimals, abbreviations, addresses. */
const PROSE = [
  '"',
  '."',
  '".',
  '."We',
  '.“We',
  '.”We',
  '(see below).',
  '[1].',
  '...',
  '…',
  '4.3',
  'No.5',
  'U.S.',
  'H.E.',
  'Mr.',
  'LLP.',
  'ECO.A ',
  '.According',
  'www.egov.kz',
  'https://example.org/a.B',
  'press@Agency.Kz',
  'e.g.',
  'capital."We',
  '?!',
  'Ph.D',
  ' A. Ertayev',
  'Yertayev',
];
/** Names and near names, and a lower-case one, so that name analysis and its common-word check get exercised. */
const NAMES = [
  'Nurgaliyev',
  'Nurgaliev',
  'S. Nurgaliev',
  'Serik ',
  'nurgaliev',
  'Karkaraly district',
  'Qarqaraly',
  'ZEK JSC',
  'ZEKU JSC',
  'Shanghai Cooperation Organisation (SCO)',
  ' CSO ',
];
export const TOKENS = [
  ...NAMES,
  ...PROSE,
  '😀',
  '👩‍👩‍👧',
  'Қазақстан',
  'Ёлка',
  ' ',
  '  ',
  '\t',
  '.',
  '."',
  '“',
  '”',
  '- ',
  '* ',
  'Source',
  'Source : ',
  'Source:',
  'https://',
  'a.b',
  '09.02.2025',
  '31.02.2025',
  '2025-02-09',
  '9.2.2025',
  'February 5 (Tuesday)',
  'Law',
  'The',
  'region',
  '\ud800',
  '\r',
  '\n',
  '\r\n',
  '\ufeff',
  '5:11',
  '–',
];
export const unit = fc.oneof(
  fc.constantFrom(...TOKENS),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 2 }),
);
export const line = fc.string({ unit, maxLength: 30 });

export const title = fc
  .tuple(
    line,
    fc.constantFrom('09.02.2025', '2025-02-09', '9.2.2025', '31.02.2025', '09/02/2025', 'February 9, 2025', ''),
    fc.constantFrom(' ', '  ', '. '),
  )
  .map(([t, d, sep]) => `${t}${sep}${d}`);
export const source = fc
  .tuple(
    fc.constantFrom('Source : ', 'Source:', ' Source : ', 'Source :'),
    fc.constantFrom(
      'https://press.example.gov/n/1',
      'https://press.example.gov/n/2',
      'not a url',
      '',
      'https:///x',
      'ftp://x.y',
    ),
  )
  .map(([a, b]) => a + b);
export const release = fc
  .tuple(title, fc.array(line, { maxLength: 4 }), fc.option(source), fc.boolean())
  .map(([t, body, src, glue]) => {
    const lines = [t, ...body];
    if (src !== null) {
      if (glue && lines.length > 1) lines[lines.length - 1] += src;
      else lines.push(src);
    }
    return lines.join('\n');
  });
export const feed = fc
  .tuple(
    fc.option(fc.constantFrom('Law', 'Sport')),
    fc.array(fc.oneof(release, line), { maxLength: 6 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(
    ([cat, parts, eol, bom]) =>
      (bom ? '\ufeff' : '') + [...(cat ? [cat] : []), ...parts].join('\n').replace(/\r?\n/g, eol),
  );
