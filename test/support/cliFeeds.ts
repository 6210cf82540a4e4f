/** Small synthetic feeds for CLI tests, and their expected fixed forms. Written here, never read from samples/. */

/** Joins lines into a feed that ends in a line break. */
function feed(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

export const CLEAN = feed(
  'Reservoirs are full 09.02.2025',
  'The agency reported that the twelve reservoirs of the basin hold between sixty and seventy percent of their ' +
    'capacity, and engineers will inspect every dam.',
  'Source : https://press.example.gov/news/details/1',
);

/** A date in the wrong format, two missing sentence spaces and a Source glued to the body: four safe fixes. */
export const FIXABLE = feed(
  'Reservoirs are full 2025-02-09',
  'The agency reported that the twelve reservoirs of the basin hold between sixty and seventy percent.Engineers ' +
    'will inspect every dam twice a week until the end of March.Source : https://press.example.gov/news/details/2',
);

export const FIXED = feed(
  'Reservoirs are full 09.02.2025',
  'The agency reported that the twelve reservoirs of the basin hold between sixty and seventy percent. Engineers ' +
    'will inspect every dam twice a week until the end of March.',
  'Source : https://press.example.gov/news/details/2',
);

/** No date and no Source: two errors that no safe fix can repair. */
export const BROKEN = feed(
  'Reservoirs are full',
  'The agency reported that the twelve reservoirs of the basin hold between sixty and seventy percent of their ' +
    'capacity, and engineers will inspect every dam.',
);

export function withCrlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

/**
 * A fixable release numbered `n`, so that titles and Sources never repeat:
 * each has a date to rewrite, three sentence spaces to insert and a Source to move.
 */
export function fixableRelease(n: number): string {
  return (
    `Reservoir report number ${n} 2025-02-09\n` +
    `The agency reported that the reservoirs of basin ${n} hold sixty percent.Engineers will inspect every dam ` +
    `twice a week.Crews stay on site until March.Source : https://press.example.gov/news/details/${n}\n`
  );
}

/** Repeats `release(i)` until the text reaches `bytes` (ASCII, so characters are bytes). */
export function feedOfSize(bytes: number, release: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const r = release(i);
    parts.push(r);
    size += r.length;
  }
  return parts.join('');
}

/** Encodes text as Windows-1251, which maps А..я to 0xC0..0xFF; only for Cyrillic and ASCII. */
export function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      throw new Error(`cp1251 test helper cannot encode ${c}`);
    }),
  );
}
