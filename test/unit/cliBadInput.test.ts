/**
 * The CLI as a real process on input it must not trust: encodings it cannot
 * read, files it must not or cannot replace, closed pipes, fix loops and bad
 * arguments. Every case checks three things: no stack trace in any output,
 * the stated exit code, and the file on disk either byte-identical or exactly
 * the expected fixed bytes.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { constants as bufferConstants } from 'node:buffer';
import { fixAll, parseRuleFlag, readConfigText } from '../../server/src/core/index';
import { BROKEN, CLEAN, cp1251, feedOfSize, FIXABLE, fixableRelease, FIXED, withCrlf } from '../support/cliFeeds';
import {
  assertMessageLines,
  assertNoStackTrace,
  BIN,
  freshDirectory,
  isRoot,
  runCli,
  temporaryFilesIn,
  type CliResult,
  type CliRunOptions,
} from '../support/cliProcess';

let dir: string;
const mounts: string[] = [];

function put(name: string, content: string | Buffer, mode?: number): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  if (mode !== undefined) fs.chmodSync(file, mode);
  return file;
}

/** Runs the CLI in the test's directory and checks that nothing printed a stack trace. */
function cli(args: string[], options: Partial<CliRunOptions> = {}): CliResult {
  const r = runCli(args, { cwd: dir, ...options });
  assertNoStackTrace(r.stdout, r.stderr);
  return r;
}

/** Asserts exit code 2, one message matching `message`, the file untouched and no temporary file beside it. */
function assertLeftAlone(r: CliResult, file: string, original: Buffer, message: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.match(assertMessageLines(r.stderr, 1)[0], message);
  assert.ok(fs.readFileSync(file).equals(original), `${file} was changed`);
  assert.deepEqual(temporaryFilesIn(path.dirname(file)), []);
}

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
  return endian === 'le' ? bytes : bytes.swap16();
}

/** Mounts a small tmpfs for this test, or returns undefined where mounting is not possible (not root, no privilege). */
function mountTmpfs(name: string, options: string): string | undefined {
  if (!isRoot()) return undefined;
  const mountPoint = path.join(dir, name);
  fs.mkdirSync(mountPoint);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', mountPoint], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  mounts.push(mountPoint);
  return mountPoint;
}

describe('CLI on bad input', () => {
  beforeEach(() => {
    dir = freshDirectory('prl-bad-');
  });
  afterEach(() => {
    for (const m of mounts.splice(0)) execFileSync('umount', [m]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('encodings', () => {
    it('fixes UTF-8 without a BOM and keeps CRLF line ends', () => {
      const file = put('a.release', withCrlf(FIXABLE));
      const r = cli(['--fix', 'a.release']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(fs.readFileSync(file).equals(Buffer.from(withCrlf(FIXED))));
    });

    it("writes the core's fixed text as it is, lone CR line ends included", () => {
      const text = FIXABLE.replace(/\n/g, '\r');
      const file = put('a.release', text);
      assert.equal(cli(['--fix', 'a.release']).code, 0);
      // The CLI normalises nothing: what the core returns is what lands on disk.
      const expected = fixAll(text, { today: { year: 2025, month: 6, day: 1 } }).text;
      // The line break the Source fix inserts copies the file's lone CR; no LF appears.
      assert.ok(!expected.includes('\n') && expected !== text);
      assert.ok(fs.readFileSync(file).equals(Buffer.from(expected)));
    });

    it('fixes UTF-8 with a BOM and writes the BOM back', () => {
      const file = put('a.release', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(withCrlf(FIXABLE))]));
      assert.equal(cli(['--fix', 'a.release']).code, 0);
      const expected = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(withCrlf(FIXED))]);
      assert.ok(fs.readFileSync(file).equals(expected));
    });

    for (const endian of ['le', 'be'] as const) {
      it(`fixes UTF-16 ${endian.toUpperCase()} with a BOM in place, keeping lone surrogates and CRLF`, () => {
        // A lone high surrogate and an emoji: Buffer's utf16le carries both through unchanged.
        const odd = (text: string) => withCrlf(text).replace('The agency', 'The \ud83d agency 😀');
        const file = put('a.release', utf16(odd(FIXABLE), endian));
        const r = cli(['--fix', 'a.release']);
        assert.equal(r.code, 0, r.stderr);
        assert.ok(fs.readFileSync(file).equals(utf16(odd(FIXED), endian)));
      });
    }

    it('reports the same UTF-16 positions for UTF-16 and UTF-8 input', () => {
      const text = `😀 ${FIXABLE}`;
      put('a.release', text);
      put('b.release', utf16(text, 'be'));
      const a = JSON.parse(cli(['--format', 'json', 'a.release']).stdout.toString())[0].diagnostics;
      const b = JSON.parse(cli(['--format', 'json', 'b.release']).stdout.toString())[0].diagnostics;
      assert.ok(a.length > 0);
      assert.deepEqual(b, a);
    });

    it('refuses invalid UTF-8 with the line of the first bad byte, with and without --fix', () => {
      // Line ends of all three kinds before the bad byte: CRLF counts once, a lone CR once.
      const lines = 'Café opens 2025-02-09\r\nThe body.\rThe caf';
      const bytes = Buffer.concat([Buffer.from(lines), Buffer.from([0xe9, 0x20])]);
      const file = put('a.release', bytes);
      for (const args of [['a.release'], ['--fix', 'a.release']]) {
        const message = /^press-release-lint: a\.release is not valid UTF-8 \(byte 0xE9 on line 3\)/;
        assertLeftAlone(cli(args), file, bytes, message);
      }
    });

    it('refuses a Windows-1251 feed and leaves it byte-identical', () => {
      const text = 'Водохранилища заполнены 2025-02-09\r\n' + 'Ведомство сообщило.Инженеры проверят плотины.\r\n';
      const bytes = cp1251(`${text}Source : https://press.example.gov/news/details/1\r\n`);
      const file = put('ru.release', bytes);
      const r = cli(['--fix', 'ru.release']);
      assertLeftAlone(r, file, bytes, /ru\.release is not valid UTF-8 \(byte 0xC2 on line 1\); save it as UTF-8/);
      assert.equal(r.stdout.length, 0);
    });

    it('refuses a Latin-1 feed and leaves it byte-identical', () => {
      const bytes = Buffer.from(`Café reopens 2025-02-09\nThe café in Zürich reopened.Guests returned.\n`, 'latin1');
      const file = put('fr.release', bytes);
      const message = /fr\.release is not valid UTF-8 \(byte 0xE9 on line 1\)/;
      assertLeftAlone(cli(['--fix', 'fr.release']), file, bytes, message);
    });

    it('refuses a binary file (a NUL byte early on), as git would', () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
      const file = put('image.release', png);
      const message = /image\.release looks binary \(a NUL byte at offset 8\)/;
      assertLeftAlone(cli(['--fix', 'image.release']), file, png, message);
    });

    it('lints a file whose only NUL byte comes after the first 8000 bytes', () => {
      put('late.release', `${CLEAN}${'x'.repeat(8000)}\0\n`);
      const r = cli(['late.release']);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      assert.doesNotMatch(r.stderr, /binary/);
    });

    for (const endian of ['le', 'be'] as const) {
      it(`refuses UTF-16 ${endian.toUpperCase()} with an odd number of bytes`, () => {
        const bytes = Buffer.concat([utf16(FIXABLE, endian), Buffer.from([0x41])]);
        const file = put('odd.release', bytes);
        assertLeftAlone(cli(['--fix', 'odd.release']), file, bytes, /odd\.release is UTF-16 .* odd number of bytes/);
      });
    }

    it('refuses UTF-32', () => {
      const bytes = Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]);
      const file = put('wide.release', bytes);
      assertLeftAlone(cli(['--fix', 'wide.release']), file, bytes, /wide\.release: UTF-32 is not supported|UTF-32/);
    });

    it('refuses a file too large for one string, in one line', function () {
      this.timeout(120_000);
      const file = path.join(dir, 'huge.release');
      const fd = fs.openSync(file, 'w');
      fs.writeSync(fd, CLEAN.repeat(100));
      // Sparse: the size costs no disk, and NUL bytes after the first 8000 are text, as git sees it.
      fs.ftruncateSync(fd, bufferConstants.MAX_STRING_LENGTH + 4096);
      fs.closeSync(fd);
      const before = fs.statSync(file);
      const r = cli(['--fix', 'huge.release']);
      assert.equal(r.code, 2);
      assert.match(assertMessageLines(r.stderr, 1)[0], /huge\.release is too large to lint/);
      const after = fs.statSync(file);
      assert.deepEqual([after.size, after.mtimeMs, after.ino], [before.size, before.mtimeMs, before.ino]);
    });

    it('decodes standard input the same way and writes fixed text back in its encoding', () => {
      const r = cli(['--fix', '-'], { input: utf16(withCrlf(FIXABLE + BROKEN), 'be') });
      assert.equal(r.code, 1, r.stderr);
      assert.ok(r.stdout.equals(utf16(withCrlf(FIXED + BROKEN), 'be')));
      assert.match(r.stderr, /^-\n {2}4:1 +error/);
    });

    it('refuses undecodable standard input and writes nothing to stdout', () => {
      const r = cli(['--fix', '-'], { input: cp1251('Новости 09.02.2025\n') });
      assert.equal(r.code, 2);
      assert.match(assertMessageLines(r.stderr, 1)[0], /^press-release-lint: standard input is not valid UTF-8/);
      assert.equal(r.stdout.length, 0);
    });

    it('keeps a message on one line when the file name holds a line break', () => {
      const bytes = cp1251('Новости 09.02.2025\n');
      const file = put('two\nlines.release', bytes);
      assertLeftAlone(cli(['two\nlines.release']), file, bytes, /two\\u000alines\.release is not valid UTF-8/);
    });
  });

  describe('--fix and the file system', () => {
    it('fixes the target of a symbolic link and keeps the link', () => {
      fs.mkdirSync(path.join(dir, 'real'));
      const target = put('real/feed.release', FIXABLE);
      fs.symlinkSync('real/feed.release', path.join(dir, 'link.release'));
      const r = cli(['--fix', 'link.release']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(fs.lstatSync(path.join(dir, 'link.release')).isSymbolicLink());
      assert.equal(fs.readlinkSync(path.join(dir, 'link.release')), 'real/feed.release');
      assert.ok(fs.readFileSync(target).equals(Buffer.from(FIXED)));
      assert.deepEqual([...temporaryFilesIn(dir), ...temporaryFilesIn(path.join(dir, 'real'))], []);
    });

    it('reports a dangling symbolic link in one line', () => {
      fs.symlinkSync('nowhere.release', path.join(dir, 'link.release'));
      const r = cli(['--fix', 'link.release']);
      assert.equal(r.code, 2);
      const message = /cannot read link\.release: no such file or directory \(ENOENT\)/;
      assert.match(assertMessageLines(r.stderr, 1)[0], message);
    });

    it('keeps the mode exactly, whatever the umask', () => {
      const previous = process.umask(0o077);
      try {
        for (const mode of [0o664, 0o606, 0o640, 0o2644]) {
          const file = put(`m${mode.toString(8)}.release`, FIXABLE, mode);
          assert.equal(cli(['--fix', path.basename(file)]).code, 0);
          assert.equal(fs.statSync(file).mode & 0o7777, mode, mode.toString(8));
          assert.ok(fs.readFileSync(file).equals(Buffer.from(FIXED)));
        }
      } finally {
        process.umask(previous);
      }
    });

    it('keeps the owner and group (as root)', function () {
      if (!isRoot()) this.skip();
      const file = put('owned.release', FIXABLE, 0o664);
      fs.chownSync(file, 4321, 8765);
      assert.equal(cli(['--fix', 'owned.release']).code, 0);
      const stat = fs.statSync(file);
      assert.deepEqual([stat.uid, stat.gid, stat.mode & 0o7777], [4321, 8765, 0o664]);
      assert.ok(fs.readFileSync(file).equals(Buffer.from(FIXED)));
    });

    it('leaves a file with no write bit alone, even as root, and still reports it', () => {
      for (const mode of [0o444, 0o400]) {
        const file = put('locked.release', FIXABLE, mode);
        const r = cli(['--fix', 'locked.release']);
        const message = new RegExp(`locked\\.release is read-only \\(mode ${mode.toString(8)}\\); left as it is`);
        assertLeftAlone(r, file, Buffer.from(FIXABLE), message);
        assert.match(r.stdout.toString(), /date-format/);
        fs.chmodSync(file, 0o644);
        fs.rmSync(file);
      }
    });

    it('leaves a file alone when its directory is read-only (EACCES), and reports an unreadable file', function () {
      // Root ignores permission bits, so the CLI runs as nobody when the tests run as root.
      const asNobody = isRoot() ? { uid: 65534, gid: 65534 } : {};
      fs.chmodSync(dir, isRoot() ? 0o755 : 0o555);
      try {
        const file = put('feed.release', FIXABLE, 0o666);
        assertLeftAlone(
          cli(['--fix', 'feed.release'], asNobody),
          file,
          Buffer.from(FIXABLE),
          /cannot fix feed\.release: cannot create a temporary file in .*: permission denied \(EACCES\); left as it is/,
        );
        if (!isRoot()) return;
        const secret = put('secret.release', FIXABLE, 0o600);
        const r = cli(['secret.release'], asNobody);
        assertLeftAlone(r, secret, Buffer.from(FIXABLE), /cannot read secret\.release: permission denied \(EACCES\)/);
      } finally {
        fs.chmodSync(dir, 0o755);
      }
    });

    it('leaves a file alone on a read-only file system (EROFS)', function () {
      const mountPoint = mountTmpfs('ro', 'size=1m');
      if (!mountPoint) this.skip();
      const file = path.join(mountPoint, 'feed.release');
      fs.writeFileSync(file, FIXABLE);
      execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
      const r = cli(['--fix', file]);
      const message = /cannot create a temporary file in .*: read-only file system \(EROFS\)/;
      assertLeftAlone(r, file, Buffer.from(FIXABLE), message);
    });

    it('leaves a file alone when the temporary file name would be too long (ENAMETOOLONG)', () => {
      const name = `${'n'.repeat(240)}.release`;
      const file = put(name, FIXABLE);
      const message = /file name too long \(ENAMETOOLONG\); left as it is/;
      assertLeftAlone(cli(['--fix', name]), file, Buffer.from(FIXABLE), message);
    });

    it('leaves a file alone when the disk is full (ENOSPC on a tiny tmpfs)', function () {
      const mountPoint = mountTmpfs('full', 'size=16k');
      if (!mountPoint) this.skip();
      // Three of the four pages: the fixed copy cannot fit beside it.
      const text = feedOfSize(11_000, fixableRelease);
      const file = path.join(mountPoint, 'feed.release');
      fs.writeFileSync(file, text);
      const r = cli(['--fix', file]);
      const message = /writing the fixed text failed: no space left on device \(ENOSPC\); left as it is/;
      assertLeftAlone(r, file, Buffer.from(text), message);
    });

    it('leaves a file alone when the disk is full (ENOSPC, simulated)', () => {
      const file = put('feed.release', FIXABLE);
      const r = cli(['--fix', 'feed.release'], { fault: 'enospc' });
      const message = /writing the fixed text failed: no space left on device \(ENOSPC\)/;
      assertLeftAlone(r, file, Buffer.from(FIXABLE), message);
    });

    it('does not overwrite a file that changed on disk while it was being fixed', () => {
      const file = put('feed.release', FIXABLE);
      const r = cli(['--fix', 'feed.release'], { fault: 'change-during-fix' });
      const edited = Buffer.from(`${FIXABLE}Edited meanwhile.\n`);
      const message = /^press-release-lint: feed\.release changed on disk while it was being fixed; left as it is$/;
      assertLeftAlone(r, file, edited, message);
    });

    it('leaves a file with several hard links alone', () => {
      const file = put('feed.release', FIXABLE);
      fs.linkSync(file, path.join(dir, 'other-name.release'));
      assertLeftAlone(cli(['--fix', 'feed.release']), file, Buffer.from(FIXABLE), /feed\.release has 2 hard links/);
    });

    it('does not replace what is not a regular file', () => {
      const r = cli(['--fix', '/dev/null']);
      assert.equal(r.code, 2);
      assert.match(assertMessageLines(r.stderr, 1)[0], /\/dev\/null is not a regular file; left as it is/);
    });

    it('reports a directory that holds no feed, even one named like a feed', () => {
      fs.mkdirSync(path.join(dir, 'folder.release'));
      const r = cli(['folder.release']);
      assert.equal(r.code, 2);
      assert.match(assertMessageLines(r.stderr, 1)[0], /^press-release-lint: no feed in folder\.release \(/);
    });

    it('does not write a file whose fixes do not settle (a fix loop)', () => {
      const file = put('feed.release', FIXABLE);
      const r = cli(['--fix', 'feed.release'], { unbundled: true, fault: 'fix-loop' });
      assertLeftAlone(
        r,
        file,
        Buffer.from(FIXABLE),
        new RegExp(
          '^press-release-lint: feed\\.release: fixes did not settle after 200 passes \\(a fix loop\\); ' +
            'left as it is — please report this$',
        ),
      );
      assert.match(r.stdout.toString(), /date-format/, 'the report describes the file as it is on disk');
    });

    it('passes standard input through unchanged when its fixes do not settle', () => {
      const r = cli(['--fix', '-'], { unbundled: true, fault: 'fix-loop', input: FIXABLE });
      assert.equal(r.code, 2);
      assert.equal(r.stdout.toString(), FIXABLE);
      assert.match(r.stderr, /^press-release-lint: standard input: fixes did not settle/);
    });
  });

  describe('output', () => {
    const big = () => put('big.release', feedOfSize(2_000_000, fixableRelease));

    interface ThroughHead {
      status: string;
      stdout: string;
      stderr: string;
    }

    /**
     * Runs `node BIN args | head <headArgs>` in bash and returns the CLI's own exit status. The JSON report is one
     * line, so it is cut by bytes instead.
     */
    function throughHead(args: string[], input?: Buffer, headArg = '-1'): ThroughHead {
      const script = `"$1" "$2" --today 2025-06-01 "\${@:3}" | head ${headArg}; echo "status=\${PIPESTATUS[0]}" >&2`;
      const r = spawnSync('bash', ['-c', script, 'bash', process.execPath, BIN, ...args], { cwd: dir, input });
      const stderr = r.stderr.toString();
      assertNoStackTrace(r.stdout, stderr);
      return { status: /status=(\d+)\n$/.exec(stderr)?.[1] ?? '', stdout: r.stdout.toString(), stderr };
    }

    it('ends quietly with exit code 2 when head -1 closes the pipe', () => {
      big();
      const r = throughHead(['big.release']);
      assert.equal(r.stderr, 'status=2\n');
      assert.equal(r.stdout, 'big.release\n');
    });

    it('ends quietly with exit code 2 when head -c closes the pipe of a JSON report', () => {
      big();
      const r = throughHead(['--format', 'json', 'big.release'], undefined, '-c 100');
      assert.equal(r.stderr, 'status=2\n');
      assert.match(r.stdout, /^\[\{"file":"big\.release","diagnostics":\[/);
    });

    it('ends quietly when head -1 closes the pipe of fixed standard input', () => {
      const input = fs.readFileSync(big());
      const r = throughHead(['--fix', '-'], input);
      assert.equal(r.status, '2');
      assert.doesNotMatch(r.stderr.replace(/status=\d+\n$/, ''), /press-release-lint/);
    });

    it('tells in one line when standard output fails otherwise (a full device)', () => {
      const file = big();
      const full = fs.openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [BIN, 'big.release'], { cwd: dir, stdio: ['ignore', full, 'pipe'] });
        assertNoStackTrace(r.stderr);
        assert.equal(r.status, 2);
        const message = /cannot write to standard output: no space left on device \(ENOSPC\)/;
        assert.match(assertMessageLines(r.stderr.toString(), 1)[0], message);
      } finally {
        fs.closeSync(full);
      }
      assert.ok(fs.readFileSync(file).equals(Buffer.from(feedOfSize(2_000_000, fixableRelease))));
    });
  });

  describe('several files', () => {
    it('lints, reports and fixes the good files when one cannot be read or decoded', () => {
      const good1 = put('good1.release', FIXABLE);
      const badBytes = cp1251('Новости 09.02.2025\n');
      const bad = put('bad.release', badBytes);
      const good2 = put('good2.release', FIXABLE + BROKEN);
      const r = cli(['--fix', '--format', 'json', 'good1.release', 'bad.release', 'missing.release', 'good2.release']);
      assert.equal(r.code, 2);
      const [first, second] = assertMessageLines(r.stderr, 2);
      assert.match(first, /bad\.release is not valid UTF-8/);
      assert.match(second, /cannot read missing\.release: no such file or directory \(ENOENT\)/);
      const report = JSON.parse(r.stdout.toString());
      assert.deepEqual(
        report.map((f: { file: string }) => f.file),
        ['good1.release', 'good2.release'],
      );
      // The two good files begin with the same release, which the cross-file checks find; the bad ones take no part.
      assert.deepEqual(
        report[1].diagnostics.map((d: { code: string }) => d.code),
        ['duplicate-title', 'duplicate-source', 'missing-date', 'missing-source'],
      );
      assert.ok(fs.readFileSync(good1).equals(Buffer.from(FIXED)));
      assert.ok(fs.readFileSync(good2).equals(Buffer.from(FIXED + BROKEN)));
      assert.ok(fs.readFileSync(bad).equals(badBytes));
    });

    it('ends the stylish report with its summary after a bad file', () => {
      put('bad.release', Buffer.from([0xff, 0x41, 0x0a]));
      put('b.release', BROKEN);
      const r = cli(['bad.release', 'b.release']);
      assert.equal(r.code, 2);
      assertMessageLines(r.stderr, 1);
      assert.match(r.stdout.toString(), /^b\.release\n[\s\S]*✖ 2 problems \(2 errors, 0 warnings, 0 infos\)\n$/);
    });
  });

  describe('arguments and settings', () => {
    it('treats everything after -- as a file, even names that start with -', () => {
      put('-x.release', BROKEN);
      const fixFile = put('--fix', FIXABLE);
      const unknown = cli(['-x.release']);
      assert.equal(unknown.code, 2);
      assert.match(assertMessageLines(unknown.stderr, 1)[0], /unknown option -x\.release \(use -- before/);
      const r = cli(['--', '-x.release']);
      assert.equal(r.code, 1);
      assert.match(r.stdout.toString(), /^-x\.release\n/);
      assert.equal(cli(['--fix', '--', '--fix']).code, 0);
      assert.ok(fs.readFileSync(fixFile).equals(Buffer.from(FIXED)));
    });

    it('rejects a --today that is not a real date, and accepts a leap day', () => {
      put('a.release', CLEAN);
      for (const today of ['2025-13-45', '2025-02-30', '2023-02-29', '2025-2-3', 'tomorrow']) {
        const r = cli(['--today', today, 'a.release']);
        assert.equal(r.code, 2, today);
        assert.match(assertMessageLines(r.stderr, 1)[0], /--today expects a real date as YYYY-MM-DD/);
      }
      assert.equal(cli(['--today', '2024-02-29', 'a.release']).code, 0);
    });

    it('rejects a value given to --fix', () => {
      put('a.release', FIXABLE);
      const r = cli(['--fix=yes', 'a.release']);
      assert.equal(r.code, 2);
      assert.match(assertMessageLines(r.stderr, 1)[0], /--fix takes no value/);
      assert.equal(fs.readFileSync(path.join(dir, 'a.release'), 'utf8'), FIXABLE);
    });

    it('reports every error in the config file and the --rule flags, one line each', () => {
      const config = JSON.stringify({
        rules: { nope: 'error', 'missing-date': 'loud', 'short-body': { minWords: -1 } },
        dateFormat: 'YYYY',
        extra: 1,
      });
      put('.pressreleaserc.json', config);
      put('a.release', CLEAN);
      const r = cli(['--rule', 'bogus', '--rule', 'also-not-a-rule=error', 'a.release']);
      const expected = [
        ...readConfigText(config, '.pressreleaserc.json').errors,
        ...parseRuleFlag('bogus').errors,
        ...parseRuleFlag('also-not-a-rule=error').errors,
      ];
      assert.ok(expected.length >= 5, expected.join('\n'));
      assert.equal(r.code, 2);
      assert.deepEqual(
        assertMessageLines(r.stderr, expected.length),
        expected.map((e) => `press-release-lint: ${e}`),
      );
    });

    it('reads a UTF-16 config file and refuses an undecodable one', () => {
      put('b.release', BROKEN);
      put('team.json', utf16(JSON.stringify({ rules: { 'missing-date': 'off', 'missing-source': 'off' } }), 'le'));
      assert.equal(cli(['--config', 'team.json', 'b.release']).code, 0);
      put('latin.json', Buffer.from('{"names": ["Café"]}', 'latin1'));
      const r = cli(['--config', 'latin.json', 'b.release']);
      assert.equal(r.code, 2);
      assert.match(assertMessageLines(r.stderr, 1)[0], /config latin\.json is not valid UTF-8/);
    });
  });
});
