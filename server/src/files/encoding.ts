/**
 * Turning a feed's bytes into text and back. A feed is UTF-8 (with or
 * without a BOM) or UTF-16 with a BOM; anything else is refused with a reason,
 * because guessing a legacy code page and writing it back as UTF-8 would
 * silently change every non-ASCII letter in the file.
 */
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8Offset, lineNumberAt } from './utf8Scan';

export type FeedEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface DecodedFeed {
  /** The text without its BOM: positions are counted without it, as editors do. */
  text: string;
  encoding: FeedEncoding;
}

/** Why bytes are not a feed we can read; the caller adds the file name. */
export class UndecodableInput extends Error {}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Git calls a file binary when its first 8000 bytes hold a NUL; a feed editor would agree. */
const BINARY_SNIFF_LENGTH = 8000;

/** Reads the encoding from the BOM and the bytes, and decodes. Throws `UndecodableInput` with the reason. */
export function decodeFeed(bytes: Buffer): DecodedFeed {
  // UTF-16 first: its text is full of NUL bytes, which would otherwise look binary.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0) throw new UndecodableInput('UTF-32 is not supported; save it as UTF-8');
    return { text: decodeUtf16(bytes, 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, 'utf-16be'), encoding: 'utf-16be' };
  const nul = bytes.subarray(0, BINARY_SNIFF_LENGTH).indexOf(0);
  if (nul >= 0) throw new UndecodableInput(`looks binary (a NUL byte at offset ${nul}), so it was not linted`);
  if (!isUtf8(bytes)) throw new UndecodableInput(describeInvalidUtf8(bytes));
  const hasBom = bytes.subarray(0, 3).equals(UTF8_BOM);
  return { text: decodeText(bytes.subarray(hasBom ? 3 : 0), 'utf8'), encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
}

/** Encodes text in the encoding it was read in, BOM included. Line ends are the text's own. */
export function encodeFeed(text: string, encoding: FeedEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      // Buffer's utf16le writes each code unit as it is, so lone surrogates survive the round trip.
      return Buffer.from(`\ufeff${text}`, 'utf16le');
    case 'utf-16be':
      return Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  }
}

function decodeUtf16(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be'): string {
  if (bytes.length % 2 !== 0) {
    throw new UndecodableInput(`is UTF-16 (it starts with a BOM) but has an odd number of bytes (${bytes.length})`);
  }
  // A copy for big-endian input, since swapping in place would change the caller's bytes.
  const littleEndian = encoding === 'utf-16le' ? bytes.subarray(2) : Buffer.from(bytes.subarray(2)).swap16();
  return decodeText(littleEndian, 'utf16le');
}

function decodeText(bytes: Buffer, encoding: 'utf8' | 'utf16le'): string {
  try {
    return bytes.toString(encoding);
  } catch {
    // V8 caps string length (about 512 MB of text); the one thing toString throws for.
    throw new UndecodableInput(`is too large to lint (${Math.floor(bytes.length / 1048576)} MB of text)`);
  }
}

function describeInvalidUtf8(bytes: Buffer): string {
  const offset = firstInvalidUtf8Offset(bytes);
  if (offset < 0) return 'is not valid UTF-8';
  const byte = bytes[offset].toString(16).toUpperCase().padStart(2, '0');
  return (
    `is not valid UTF-8 (byte 0x${byte} on line ${lineNumberAt(bytes, offset)}); ` +
    'save it as UTF-8, or as UTF-16 with a BOM'
  );
}
