/**
 * Preloaded (`node -r`) into a CLI process to inject one fault, named by
 * PRL_TEST_FAULT, at the exact point a test needs it, which no timing could hit
 * reliably:
 *
 * - `change-during-fix`: when the CLI syncs its temporary file, another
 *   "editor" appends a line to the file being fixed.
 * - `enospc`: writing to the temporary file fails as if the disk were full.
 * - `fix-loop`: the core's `fixAll` reports fixes that do not settle. Only the
 *   unbundled build (out/) can be reached this way; the bundle keeps the core inside.
 *
 * The CLI calls `fs` functions through the module object, so wrapping them here reaches it.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- faults are injected by patching CommonJS module objects,
   which only require() hands out; an import binding is read-only. */
import * as path from 'node:path';

const fs: Record<string, unknown> & typeof import('node:fs') = require('node:fs');

const TEMPORARY_FILE = /^(.*)\/\.(.+)\.press-release-lint-\d+(?:-\d+)?\.tmp$/;

/** The file a temporary file of the CLI stands in for, when `fd` is one. */
function originalBehindTemporary(fd: number): string | undefined {
  let target: string;
  try {
    target = fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
  const m = TEMPORARY_FILE.exec(target);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

function wrap<K extends 'fsyncSync' | 'writeSync'>(name: K, before: (fd: number) => void): void {
  const original = fs[name] as (...args: unknown[]) => unknown;
  fs[name] = ((fd: number, ...rest: unknown[]) => {
    before(fd);
    return original.call(fs, fd, ...rest);
  }) as (typeof fs)[K];
}

function injectChangeDuringFix(): void {
  wrap('fsyncSync', (fd) => {
    const original = originalBehindTemporary(fd);
    if (original) fs.appendFileSync(original, 'Edited meanwhile.\n');
  });
}

function injectFullDisk(): void {
  wrap('writeSync', (fd) => {
    if (!originalBehindTemporary(fd)) return;
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
  });
}

function injectFixLoop(): void {
  const core = path.join(__dirname, '..', '..', 'server', 'src', 'core');
  const fixModule = require(path.join(core, 'fix.js'));
  const { lint } = require(path.join(core, 'lint.js'));
  fixModule.fixAll = (text: string, options: unknown) => ({
    text: `${text}x`,
    applied: 1,
    passes: fixModule.MAX_FIX_PASSES,
    settled: false,
    analysis: lint(text, options),
  });
}

const FAULTS: Record<string, () => void> = {
  'change-during-fix': injectChangeDuringFix,
  enospc: injectFullDisk,
  'fix-loop': injectFixLoop,
};

const fault = process.env.PRL_TEST_FAULT;
if (fault) {
  if (!Object.hasOwn(FAULTS, fault)) throw new Error(`unknown PRL_TEST_FAULT ${fault}`);
  FAULTS[fault]();
}
