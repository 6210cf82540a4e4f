/**
 * A streaming JSON checker for reports too large to parse in the test
 * process: it validates the grammar chunk by chunk and counts the elements of
 * arrays at one depth (the diagnostics of the CLI's JSON report).
 */

type Expect = 'value' | 'valueOrEnd' | 'commaOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'done';

export class StreamingJsonChecker {
  /** '[' or '{' for each open container. */
  private readonly stack: string[] = [];
  private expect: Expect = 'value';
  private inString = false;
  private escape = false;
  private scalar = '';
  private offset = 0;
  /** Elements seen in arrays opened at `countDepth` (1 is the outermost array). */
  elementsAtDepth = 0;

  constructor(private readonly countDepth: number) {}

  feed(chunk: string): void {
    for (let i = 0; i < chunk.length; i++, this.offset++) this.step(chunk[i]);
  }

  /** Throws unless the input was exactly one complete JSON value. */
  end(): void {
    this.endScalar();
    if (this.expect !== 'done' || this.inString) throw new Error(`JSON ends early at offset ${this.offset}`);
  }

  private fail(c: string): never {
    throw new Error(`unexpected ${JSON.stringify(c)} at offset ${this.offset} (expected ${this.expect})`);
  }

  private step(c: string): void {
    if (this.inString) return this.stepInString(c);
    if (this.scalar && /[-+0-9.eEa-z]/.test(c)) {
      this.scalar += c;
      return;
    }
    this.endScalar();
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') return;
    if (this.expect === 'colon') return c === ':' ? void (this.expect = 'value') : this.fail(c);
    if (this.expect === 'commaOrEnd') return this.afterValue(c);
    if (this.expect === 'key' || this.expect === 'keyOrEnd') {
      if (c === '}' && this.expect === 'keyOrEnd') return this.close('{');
      if (c !== '"') this.fail(c);
      this.inString = true;
      return;
    }
    if (this.expect === 'value' || this.expect === 'valueOrEnd') return this.startValue(c);
    this.fail(c);
  }

  private stepInString(c: string): void {
    if (this.escape) this.escape = false;
    else if (c === '\\') this.escape = true;
    else if (c === '"') {
      this.inString = false;
      this.expect = this.expect === 'key' || this.expect === 'keyOrEnd' ? 'colon' : this.valueDone();
    } else if (c < ' ') this.fail(c);
  }

  private startValue(c: string): void {
    if (c === ']' && this.expect === 'valueOrEnd') return this.close('[');
    if (this.stack.at(-1) === '[' && this.stack.length === this.countDepth) this.elementsAtDepth++;
    if (c === '[' || c === '{') {
      this.stack.push(c);
      this.expect = c === '[' ? 'valueOrEnd' : 'keyOrEnd';
    } else if (c === '"') {
      this.inString = true;
    } else if (/[-0-9tfn]/.test(c)) {
      this.scalar = c;
    } else this.fail(c);
  }

  private endScalar(): void {
    if (!this.scalar) return;
    const s = this.scalar;
    this.scalar = '';
    if (!/^(-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?|true|false|null)$/.test(s)) this.fail(s);
    this.expect = this.valueDone();
  }

  private afterValue(c: string): void {
    const top = this.stack.at(-1);
    if (c === ',') this.expect = top === '[' ? 'value' : 'key';
    else if ((c === ']' && top === '[') || (c === '}' && top === '{')) this.close(top);
    else this.fail(c);
  }

  private close(open: string): void {
    if (this.stack.pop() !== open) this.fail(open === '[' ? ']' : '}');
    this.expect = this.valueDone();
  }

  private valueDone(): Expect {
    return this.stack.length === 0 ? 'done' : 'commaOrEnd';
  }
}
