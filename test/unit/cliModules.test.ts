/** The CLI's modules in-process: decoding, positions, reports, output and the safe write, each against a reference. */
import * as assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { LineIndex, type Finding, type Severity } from '../../server/src/core/index';
import { parseArgs } from '../../server/src/cli/args';
import { BrokenPipe, CliProblem } from '../../server/src/cli/errors';
import { nodeFileSystem, type FileSystem } from '../../server/src/cli/fileSystem';
import { CHUNK_CHARS, Output } from '../../server/src/cli/output';
import { FindingPositions } from '../../server/src/cli/positions';
import { readFileSnapshot } from '../../server/src/cli/readInput';
import { JsonReporter } from '../../server/src/cli/report/json';
import { Tally } from '../../server/src/cli/report/reporter';
import { ALIGNED_ROWS_LIMIT, StylishReporter } from '../../server/src/cli/report/stylish';
import { replaceFileContents } from '../../server/src/cli/safeWrite';
import { decodeFeed, encodeFeed, UndecodableInput, type FeedEncoding } from '../../server/src/files/encoding';
import { firstInvalidUtf8Offset, lineNumberAt } from '../../server/src/files/utf8Scan';
import { FIXABLE, FIXED } from '../support/cliFeeds';
import { freshDirectory, temporaryFilesIn } from '../support/cliProcess';

/** An Output whose writes land in memory; `write` can be replaced to fail on purpose. */
function memoryOutput(endRunOnFailure = true) {
  const chunks: Buffer[] = [];
  const fake = {
    writeSync: (_fd: number, bytes: Uint8Array, offset = 0, length = bytes.length - offset): number => {
      chunks.push(Buffer.from(bytes.subarray(offset, offset + length)));
      return length;
    },
  };
  const out = new Output(1, { endRunOnFailure, fsys: fake as unknown as FileSystem });
  return { out, fake, chunks, text: () => Buffer.concat(chunks).toString('utf8') };
}

function finding(start: number, end: number, severity: Severity = 'warning', message = 'Something'): Finding {
  return { ruleId: 'date-format', severity, message, span: { start, end } };
}

function systemError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** Texts built from pieces that exercise every line end, and astral characters. */
const textArbitrary = fc
  .array(fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', '😀', ' '), { maxLength: 80 })
  .map((parts) => parts.join(''));

describe('CLI modules', () => {
  describe('utf8Scan', () => {
    it('agrees with isUtf8 on random bytes, and finds the first bad sequence', () => {
      const highBytes = fc.uint8Array({ maxLength: 40 }).map((b) => b.map((x) => (x < 128 ? x : x | 0x80)));
      fc.assert(
        fc.property(
          fc.oneof(
            highBytes,
            fc.string({ unit: 'binary' }).map((s) => Buffer.from(s)),
          ),
          (bytes) => {
            const offset = firstInvalidUtf8Offset(bytes);
            assert.equal(offset === -1, isUtf8(bytes));
            if (offset >= 0) assert.ok(isUtf8(bytes.subarray(0, offset)), 'everything before the offset is valid');
          },
        ),
        { numRuns: 3000 },
      );
    });

    it('rejects overlong forms, surrogates, values past U+10FFFF and cut sequences', () => {
      const cases: Array<[number[], number]> = [
        [[0xc0, 0x80], 0],
        [[0x41, 0xe0, 0x80, 0x80], 1],
        [[0xed, 0xa0, 0x80], 0],
        [[0xf4, 0x90, 0x80, 0x80], 0],
        [[0x41, 0xe2, 0x82], 1],
        [[...Buffer.from('é€😀')], -1],
      ];
      for (const [bytes, expected] of cases) {
        assert.equal(firstInvalidUtf8Offset(Uint8Array.from(bytes)), expected, `${bytes.join(',')}`);
      }
    });

    it('numbers lines as the editor does', () => {
      const bytes = Buffer.from('a\r\nb\rc\nd');
      assert.deepEqual(
        [0, 3, 5, 7, 8].map((o) => lineNumberAt(bytes, o)),
        [1, 2, 3, 4, 4],
      );
    });
  });

  describe('encoding', () => {
    const codeUnits = fc
      .array(fc.integer({ min: 1, max: 0xffff }), { maxLength: 60 })
      .map((units) => String.fromCharCode(...units));

    it('round-trips any UTF-16 text, lone surrogates included, in both byte orders', () => {
      fc.assert(
        fc.property(codeUnits, fc.constantFrom<FeedEncoding>('utf-16le', 'utf-16be'), (text, encoding) => {
          const bytes = encodeFeed(text, encoding);
          assert.deepEqual(decodeFeed(bytes), { text, encoding });
          assert.ok(encodeFeed(decodeFeed(bytes).text, encoding).equals(bytes));
        }),
      );
    });

    it('round-trips UTF-8 bytes exactly, with and without a BOM', () => {
      // No NUL (binary) and no leading U+FEFF, which is a BOM by definition.
      const wellFormed = fc
        .string({ unit: 'binary', maxLength: 60 })
        .filter((s) => !s.includes('\0') && !s.startsWith('\ufeff'));
      fc.assert(
        fc.property(wellFormed, fc.constantFrom<FeedEncoding>('utf-8', 'utf-8-bom'), (text, encoding) => {
          const bytes = encodeFeed(text, encoding);
          assert.deepEqual(decodeFeed(bytes), { text, encoding });
        }),
      );
    });

    it('refuses what it cannot read, with the reason', () => {
      const binary = Buffer.from([0x41, 0, 0x42]);
      const oddUtf16 = Buffer.from([0xff, 0xfe, 0x41]);
      const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
      for (const bytes of [binary, oddUtf16, latin1]) assert.throws(() => decodeFeed(bytes), UndecodableInput);
    });
  });

  describe('positions', () => {
    it('match LineIndex for findings in document order, with ends before and after later starts', () => {
      const offsetsArbitrary = fc.array(fc.tuple(fc.nat(120), fc.nat(30)), { maxLength: 40 });
      fc.assert(
        fc.property(textArbitrary, offsetsArbitrary, (text, pairs) => {
          const index = new LineIndex(text);
          const positions = new FindingPositions(text);
          const spans = pairs
            .map(([s, length]) => [s % (text.length + 1), (s % (text.length + 1)) + length])
            .sort((a, b) => a[0] - b[0]);
          for (const [start, end] of spans) {
            assert.deepEqual(positions.start(start), index.positionAt(start));
            assert.deepEqual(positions.end(end), index.positionAt(end));
          }
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('reports', () => {
    it('writes JSON that parses to the documented shape, however findings are batched', () => {
      const batchSizes = fc.integer({ min: 1, max: 5 });
      const docUrl = 'https://github.com/press-release-lint/press-release-lint/blob/main/docs/rules/date-format.md';
      fc.assert(
        fc.property(fc.array(fc.tuple(textArbitrary, fc.nat(20), batchSizes), { maxLength: 4 }), (files) => {
          const { out, text } = memoryOutput();
          const reporter = new JsonReporter(out);
          const expected = files.map(([body, count, batchSize], i) => {
            const findings = Array.from({ length: count }, (_, k) =>
              finding(Math.floor((k * body.length) / 20), body.length, 'info', `m"${k}\n`),
            );
            reporter.beginFile(`f${i}\n"`, body);
            for (let k = 0; k < findings.length; k += batchSize) reporter.addFindings(findings.slice(k, k + batchSize));
            reporter.endFile();
            const index = new LineIndex(body);
            return {
              file: `f${i}\n"`,
              diagnostics: findings.map((f) => ({
                range: { start: index.positionAt(f.span.start), end: index.positionAt(f.span.end) },
                severity: 3,
                code: 'date-format',
                codeDescription: { href: docUrl },
                source: 'press-release',
                message: f.message,
              })),
            };
          });
          reporter.finish();
          out.flush();
          assert.deepEqual(JSON.parse(text()), expected);
        }),
        { numRuns: 200 },
      );
    });

    /** Runs a stylish report of `count` findings, one per line of a generated text, and returns its rows. */
    function stylishRows(count: number): string[] {
      const { out, text } = memoryOutput();
      const reporter = new StylishReporter(out, false);
      const body = Array.from({ length: count }, (_, i) => `line ${i}`).join('\n');
      const tally = new Tally();
      const findings: Finding[] = [];
      let offset = 0;
      for (let i = 0; i < count; i++) {
        findings.push(finding(offset + (i % 7), offset + (i % 7) + 1));
        offset += `line ${i}`.length + 1;
      }
      reporter.beginFile('big.release', body);
      for (let k = 0; k < findings.length; k += 1000) {
        tally.add(findings.slice(k, k + 1000));
        reporter.addFindings(findings.slice(k, k + 1000));
      }
      reporter.endFile();
      reporter.finish(tally);
      out.flush();
      const lines = text().split('\n');
      assert.equal(lines[0], 'big.release');
      assert.equal(lines.at(-2), `✖ ${count} problems (0 errors, ${count} warnings, 0 infos)`);
      return lines.slice(1, count + 1);
    }

    it('aligns a file of up to the limit to its widest position, as before', () => {
      const rows = stylishRows(120);
      assert.equal(rows[0], '  1:1    warning  Something  date-format');
      assert.equal(rows[119], '  120:1  warning  Something  date-format');
    });

    it('streams 200,000 findings of one file without spreading them into Math.max, still aligned', () => {
      const count = 200_000;
      assert.ok(count > ALIGNED_ROWS_LIMIT);
      const rows = stylishRows(count);
      assert.equal(rows.length, count);
      const widths = new Set(rows.map((r) => r.indexOf('warning')));
      assert.equal(widths.size, 1, 'every row puts the severity in the same column');
    });
  });

  describe('output', () => {
    it('writes in chunks of about 64 KB, in order', () => {
      const { out, chunks, text } = memoryOutput();
      const pieces = Array.from({ length: 5000 }, (_, i) => `piece ${i} ${'x'.repeat(50)}\n`);
      for (const p of pieces) out.write(p);
      out.flush();
      assert.equal(text(), pieces.join(''));
      const mostChunks = Math.ceil(pieces.join('').length / CHUNK_CHARS) + 1;
      assert.ok(chunks.length >= 4 && chunks.length <= mostChunks, `${chunks.length}`);
    });

    it('waits out EAGAIN and finishes the write', () => {
      const { out, fake, text } = memoryOutput();
      const write = fake.writeSync;
      let refusals = 3;
      fake.writeSync = (...args) => {
        if (refusals-- > 0) throw systemError('EAGAIN');
        return write(...args);
      };
      out.writeBytes(Buffer.from('all of it'));
      assert.equal(text(), 'all of it');
    });

    it('turns EPIPE into BrokenPipe, and throws it again on later writes', () => {
      const { out, fake } = memoryOutput();
      fake.writeSync = () => {
        throw systemError('EPIPE');
      };
      out.write('x'.repeat(CHUNK_CHARS - 1));
      assert.throws(() => out.write('yy'), BrokenPipe);
      assert.throws(() => out.write('z'), BrokenPipe);
      assert.ok(out.hasFailed);
    });

    it('keeps standard error quiet when it fails', () => {
      const { out, fake } = memoryOutput(false);
      fake.writeSync = () => {
        throw systemError('EPIPE');
      };
      out.write('message\n');
      out.flush();
      out.write('more\n');
      assert.ok(out.hasFailed);
    });
  });

  describe('safe write with a failing file system', () => {
    let dir: string;
    beforeEach(() => {
      dir = freshDirectory('prl-safe-');
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    async function replaceWith(failing: Partial<FileSystem>): Promise<{ error: unknown; file: string }> {
      const file = path.join(dir, 'feed.release');
      fs.writeFileSync(file, FIXABLE);
      const original = readFileSnapshot(nodeFileSystem, file, 'feed.release');
      const fsys = { ...nodeFileSystem, ...failing } as FileSystem;
      const listeners = process.listenerCount('SIGTERM');
      let error: unknown;
      try {
        const request = { shownName: 'feed.release', realPath: file, original, newBytes: Buffer.from(FIXED) };
        await replaceFileContents(request, fsys);
      } catch (e) {
        error = e;
      }
      assert.equal(process.listenerCount('SIGTERM'), listeners, 'the signal handlers are removed again');
      assert.deepEqual(temporaryFilesIn(dir), []);
      return { error, file };
    }

    for (const [step, code] of [
      ['writeSync', 'ENOSPC'],
      ['fsyncSync', 'EIO'],
      ['fchmodSync', 'EPERM'],
      ['renameSync', 'EXDEV'],
    ] as const) {
      it(`leaves the file whole and removes the temporary file when ${step} fails with ${code}`, async () => {
        const { error, file } = await replaceWith({
          [step]: () => {
            throw systemError(code);
          },
        });
        assert.ok(error instanceof CliProblem);
        assert.match(error.message, new RegExp(`\\(${code}\\); left as it is$`));
        assert.equal(fs.readFileSync(file, 'utf8'), FIXABLE);
      });
    }

    it('replaces the file when nothing fails', async () => {
      const { error, file } = await replaceWith({});
      assert.equal(error, undefined);
      assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
    });
  });

  describe('arguments', () => {
    it('takes everything after -- as files, and - as standard input', () => {
      const o = parseArgs(['--fix', '--', '--format', '-', '-x']);
      assert.ok(typeof o === 'object');
      assert.deepEqual([o.fix, o.format, o.files], [true, 'stylish', ['--format', '-', '-x']]);
    });

    it('accepts real dates only for --today', () => {
      const leapDay = parseArgs(['--today=2024-02-29', 'f']) as { today: unknown };
      assert.deepEqual(leapDay.today, { year: 2024, month: 2, day: 29 });
      for (const bad of ['2025-02-29', '2025-04-31', '2025-00-10', '2025-13-01', '2025-01-00']) {
        assert.throws(() => parseArgs(['--today', bad, 'f']), CliProblem, bad);
      }
    });
  });
});
