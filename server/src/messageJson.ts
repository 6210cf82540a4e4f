/**
 * The bytes of the messages the server writes, with each diagnostic's JSON
 * made once. After a keystroke in a 10 MB feed the server publishes some
 * 28,000 diagnostics, about 16 MB of JSON, and all but the edited release's
 * are the very objects it published the last time (`diagnostics.ts` keeps
 * them): only the new ones are stringified, and the rest are copied.
 *
 * The copies go into one buffer kept from publish to publish, because a
 * fresh 16 MB buffer for every keystroke costs more in first touches of new
 * memory than the copying does. It is reused only when the output stream
 * has nothing left to write, so no write still reads it.
 *
 * A diagnostic is never changed after it is made, which is what makes a
 * cache keyed by the object sound.
 */
import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';
/** Where the diagnostics go in the message's JSON. No string in JSON holds it, since quotes are escaped there. */
const EMPTY_LIST = '"diagnostics":[]';
const COMMA = 0x2c;

interface PublishMessage {
  method: string;
  params: { diagnostics: object[] };
}

function isPublish(msg: Message): msg is Message & PublishMessage {
  const m = msg as Partial<PublishMessage>;
  return m.method === PUBLISH_DIAGNOSTICS && Array.isArray(m.params?.diagnostics);
}

export class MessageJson {
  private readonly made = new WeakMap<object, Buffer>();
  private kept = Buffer.alloc(0);

  /** `idle` says whether the buffer handed out last is written out, so that it can be filled again. */
  constructor(private readonly idle: () => boolean) {}

  /** The message as UTF-8 JSON, equal to `JSON.stringify`'s. */
  encode(msg: Message): Uint8Array {
    if (!isPublish(msg)) return Buffer.from(JSON.stringify(msg), 'utf8');
    const frame = JSON.stringify({ ...msg, params: { ...msg.params, diagnostics: [] } });
    const at = frame.lastIndexOf(EMPTY_LIST) + EMPTY_LIST.length - 1;
    const head = Buffer.from(frame.slice(0, at), 'utf8');
    const tail = Buffer.from(frame.slice(at), 'utf8');
    const parts = msg.params.diagnostics.map((d) => this.diagnostic(d));
    let size = head.length + tail.length + Math.max(0, parts.length - 1);
    for (const p of parts) size += p.length;
    const out = this.buffer(size);
    let n = head.copy(out, 0);
    parts.forEach((p, i) => {
      if (i > 0) out[n++] = COMMA;
      n += p.copy(out, n);
    });
    tail.copy(out, n);
    return out.subarray(0, size);
  }

  private diagnostic(d: object): Buffer {
    let json = this.made.get(d);
    if (json === undefined) this.made.set(d, (json = Buffer.from(JSON.stringify(d), 'utf8')));
    return json;
  }

  private buffer(size: number): Buffer {
    if (this.kept.length < size || !this.idle()) this.kept = Buffer.allocUnsafe(Math.ceil(size * 1.25));
    return this.kept;
  }
}

/** vscode-jsonrpc's JSON encoder for messages written to `stream`, with the diagnostics' JSON reused. */
export function jsonEncoder(stream: NodeJS.WritableStream & { writableLength: number }): ContentTypeEncoder {
  const json = new MessageJson(() => stream.writableLength === 0);
  return { name: 'application/json', encode: (msg) => Promise.resolve(json.encode(msg)) };
}
