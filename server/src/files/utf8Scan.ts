/**
 * Finding where UTF-8 goes wrong. Only called once `isUtf8` has said the
 * bytes are invalid, so its speed matters less than agreeing with it exactly.
 */

/** Whether `byte` may continue a sequence, with `low`..`high` narrowing the second byte after some lead bytes. */
function inRange(byte: number, low: number, high: number): boolean {
  return byte >= low && byte <= high;
}

/**
 * How many bytes the well-formed sequence at `i` takes, or 0 when it is
 * ill-formed. Follows table 3-7 of the Unicode standard: no overlong forms,
 * no surrogates, nothing above U+10FFFF.
 */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i];
  if (lead < 0x80) return 1;
  const b1 = bytes[i + 1] ?? -1;
  if (inRange(lead, 0xc2, 0xdf)) return inRange(b1, 0x80, 0xbf) ? 2 : 0;
  let second: [number, number];
  let length: number;
  if (lead === 0xe0) [second, length] = [[0xa0, 0xbf], 3];
  else if (inRange(lead, 0xe1, 0xec) || lead === 0xee || lead === 0xef) [second, length] = [[0x80, 0xbf], 3];
  else if (lead === 0xed) [second, length] = [[0x80, 0x9f], 3];
  else if (lead === 0xf0) [second, length] = [[0x90, 0xbf], 4];
  else if (inRange(lead, 0xf1, 0xf3)) [second, length] = [[0x80, 0xbf], 4];
  else if (lead === 0xf4) [second, length] = [[0x80, 0x8f], 4];
  else return 0;
  if (!inRange(b1, second[0], second[1])) return 0;
  for (let k = 2; k < length; k++) if (!inRange(bytes[i + k] ?? -1, 0x80, 0xbf)) return 0;
  return length;
}

/** The offset of the first byte that starts an ill-formed sequence, or -1 when all of `bytes` is UTF-8. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/**
 * The 1-based line that holds `offset`, counting `\n`, `\r\n` and a lone `\r`
 * as line ends, as the editor does. In valid UTF-8 these bytes only ever mean
 * themselves, so counting bytes before the first bad one is exact.
 */
export function lineNumberAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const byte = bytes[i];
    if (byte === 0x0a) line++;
    else if (byte === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}
