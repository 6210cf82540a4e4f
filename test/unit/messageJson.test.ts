/**
 * The server's message encoder: every message comes out as the bytes `JSON.stringify` would give, a publish
 * of diagnostics it has seen before included, and the buffer it keeps is filled again only when the stream
 * has written it out.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Message } from 'vscode-languageserver/node';
import { MessageJson } from '../../server/src/messageJson';

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

function publish(uri: string, version: number | undefined, diagnostics: object[]): Message {
  const params = version === undefined ? { uri, diagnostics } : { uri, version, diagnostics };
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params } as Message;
}

/** Diagnostics with the characters JSON escapes, and text that looks like the place the list goes. */
const diagnostic = fc.record({
  range: fc.record({
    start: fc.record({ line: fc.nat(), character: fc.nat() }),
    end: fc.record({ line: fc.nat(), character: fc.nat() }),
  }),
  message: fc.oneof(fc.string(), fc.constant('"diagnostics":[]'), fc.constant('é 😀 \u2028 "\\')),
  code: fc.constantFrom('sentence-spacing', 'duplicate-title'),
});

describe('message JSON', () => {
  it('equals JSON.stringify for publishes, again and again, with diagnostics kept or new', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(diagnostic, { maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        fc.string(),
        (versions, uri) => {
          const json = new MessageJson(() => true);
          let previous: object[] = [];
          versions.forEach((fresh, v) => {
            // Half the last version's objects come back, as unchanged releases' diagnostics do.
            const diagnostics = [...previous.filter((_, i) => i % 2 === 0), ...fresh];
            const msg = publish(uri, v, diagnostics);
            assert.equal(text(json.encode(msg)), JSON.stringify(msg));
            previous = diagnostics;
          });
        },
      ),
    );
  });

  it('equals JSON.stringify for other messages and for a publish without a version', () => {
    const json = new MessageJson(() => true);
    const hover: Message = { jsonrpc: '2.0', id: 3, result: { contents: 'é "diagnostics":[]' } } as Message;
    assert.equal(text(json.encode(hover)), JSON.stringify(hover));
    const cleared = publish('file:///a%20b.release', undefined, []);
    assert.equal(text(json.encode(cleared)), JSON.stringify(cleared));
  });

  it('fills its buffer again only when the stream is idle', () => {
    let idle = false;
    const json = new MessageJson(() => idle);
    const d = { message: 'x' };
    const first = json.encode(publish('file:///f', 1, [d, d]));
    const firstText = text(first);
    json.encode(publish('file:///f', 2, [d]));
    assert.equal(text(first), firstText, 'a buffer still being written was overwritten');
    idle = true;
    const third = json.encode(publish('file:///f', 3, [d]));
    const fourth = json.encode(publish('file:///f', 4, [d]));
    // Small buffers come from one shared pool, so the same memory means the same buffer and the same offset.
    const same = third.buffer === fourth.buffer && third.byteOffset === fourth.byteOffset;
    assert.ok(same, 'an idle stream should let the kept buffer be filled again');
  });
});
