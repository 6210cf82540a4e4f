/**
 * Installs Debian packages that a test needs, the way CI gets them on a fresh machine: as root, with
 * `apt-get update` first. Another apt run (an engineer's, or the e2e set-up) may hold apt's locks, so a
 * step that fails on a lock is tried again until a deadline, and then fails saying so.
 */
import { spawnSync } from 'node:child_process';

/** How long to wait for another apt run to release its locks before giving up. */
const LOCK_WAIT_MS = 180_000;
const RETRY_EVERY_MS = 3_000;

/** Installed, not merely known: a removed package keeps a dpkg status ("deinstall ok config-files"). */
export function hasDebianPackage(name: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === 'install ok installed';
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs one apt-get command, again while another apt run holds the lock, and throws with its output otherwise. */
function aptGet(args: string[], log: (line: string) => void): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    // DPkg::Lock::Timeout makes apt itself wait for the dpkg lock; the loop covers the lists lock of `update`.
    const r = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=60', ...args], { encoding: 'utf8', env });
    if (r.status === 0) return;
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
    if (/Could not get lock|Unable to lock|is held by process/i.test(output) && Date.now() < deadline) {
      log(`apt-get ${args.join(' ')}: another apt run holds the lock; waiting`);
      sleep(RETRY_EVERY_MS);
      continue;
    }
    throw new Error(`apt-get ${args.join(' ')} failed with exit code ${r.status ?? r.signal}:\n${output.trim()}`);
  }
}

/**
 * Makes sure the Debian packages are installed, installing the missing ones when this process is root.
 * `why` names what needs them, for the message a developer without root gets; `present` may ask more than
 * dpkg does, such as whether a package's binary is really there.
 */
export function ensureDebianPackages(
  names: string[],
  why: string,
  log: (line: string) => void,
  present: (name: string) => boolean = hasDebianPackage,
): void {
  const needed = names.filter((p) => !present(p));
  if (needed.length === 0) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root)
    throw new Error(
      `${why} need the Debian packages ${needed.join(', ')}. Install them with: sudo apt-get install -y ${needed.join(' ')}`,
    );
  const t0 = Date.now();
  aptGet(['update', '-qq'], log);
  aptGet(['install', '-y', '-qq', '--no-install-recommends', ...needed], log);
  log(`apt-get install ${needed.join(' ')} took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
