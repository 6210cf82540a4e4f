/** The strict stdio framing: LSP messages in, the first fault out as a FramingError. */
import * as assert from 'node:assert/strict';
import { FrameDecoder, FramingError, MAX_HEADER_BYTES } from '../../server/src/framing';

const frame = (body: string, headers = '') => {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.from(`Content-Length: ${bytes.length}\r\n${headers}\r\n${body}`, 'utf8');
};

function decode(...chunks: Array<string | Buffer>): unknown[] {
  const d = new FrameDecoder();
  return chunks.flatMap((c) => d.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c));
}

describe('framing', () => {
  it('decodes messages in one chunk, and a message split into single bytes', () => {
    const two = Buffer.concat([frame('{"a":1}'), frame('{"b":"Қазақстан 😀"}')]);
    assert.deepEqual(decode(two), [{ a: 1 }, { b: 'Қазақстан 😀' }]);
    const bytes = [...two].map((b) => Buffer.from([b]));
    assert.deepEqual(decode(...bytes), [{ a: 1 }, { b: 'Қазақстан 😀' }]);
  });

  it('accepts a Content-Type in UTF-8, and headers in any case', () => {
    assert.deepEqual(decode(frame('{}', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n')), [{}]);
    assert.deepEqual(decode('content-length: 2\r\n\r\n{}'), [{}]);
  });

  it('waits for the rest of a message without failing', () => {
    const d = new FrameDecoder();
    assert.deepEqual(d.push(Buffer.from('Content-Length: 7\r\n\r\n{"a"')), []);
    assert.deepEqual(d.push(Buffer.from(':1}')), [{ a: 1 }]);
  });

  const faults: Array<[string, string | Buffer, RegExp]> = [
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}', /bad Content-Length "abc"/],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{}', /bad Content-Length "-5"/],
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}', /without Content-Length/],
    ['a body without any header', '{"jsonrpc":"2.0","id":1}', /expected a header .* got "\{"/],
    ['a header line without a colon', 'Content-Length 2\r\n\r\n{}', /bad header line/],
    ['a body that is not JSON', 'Content-Length: 5\r\n\r\n{abc}', /5 bytes that is not valid JSON/],
    ['another charset', frame('{}', 'Content-Type: application/json; charset=latin1\r\n'), /unsupported charset/],
    ['a header that never ends', `X-Long: ${'x'.repeat(MAX_HEADER_BYTES)}`, /no end of header/],
  ];
  for (const [what, bytes, message] of faults) {
    it(`fails on ${what}`, () => {
      assert.throws(
        () => decode(bytes),
        (e: unknown) => e instanceof FramingError && message.test(e.message),
      );
    });
  }
});
