/**
 * Installs Debian packages that the tests and `npm start` need, the way CI gets them on a fresh machine: as
 * root, `apt-get update` first, then exactly the named packages, never upgrading others. Another apt run (an
 * engineer's, or an unattended upgrade) may hold apt's locks, so a step that fails on a lock is tried again
 * until a bounded deadline, and then fails saying so in one line.
 */
import { spawnSync } from 'node:child_process';

/** Waiting this long for another apt or dpkg to finish is enough for an unattended upgrade, and bounded. */
const APT_LOCK_TIMEOUT_S = 120;
const RETRY_EVERY_MS = 3_000;

/** A set-up step that cannot run; its message says what to do, in one line, and needs no stack trace. */
export class SetupError extends Error {}

/** Installed, not merely known: a removed package keeps a dpkg status ("deinstall ok config-files"). */
export function hasDebianPackage(name: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === 'install ok installed';
}

/**
 * Runs apt-get, waiting up to APT_LOCK_TIMEOUT_S for another apt or dpkg to let go of its locks. apt waits by
 * itself for dpkg's lock (DPkg::Lock::Timeout) but not for the package lists' lock that `update` takes, so a run
 * that failed on a lock is tried again, every few seconds, until the deadline.
 */
function aptGet(args: string[], log: (line: string) => void): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const deadline = Date.now() + APT_LOCK_TIMEOUT_S * 1000;
  const command = `apt-get ${args.join(' ')}`;
  for (let waited = false; ; waited = true) {
    const left = Math.max(1, Math.round((deadline - Date.now()) / 1000));
    const r = spawnSync('apt-get', ['-o', `DPkg::Lock::Timeout=${left}`, ...args], {
      stdio: ['ignore', 'inherit', 'pipe'],
      encoding: 'utf8',
      env,
    });
    if (r.status === 0) return;
    const locked = /Could not get lock|Unable to lock|is held by process/i.test(r.stderr ?? '');
    if (!locked || Date.now() > deadline) {
      process.stderr.write(r.stderr ?? '');
      const why = locked
        ? `another apt or dpkg held its lock for ${APT_LOCK_TIMEOUT_S} s; try again later`
        : 'see above';
      throw new SetupError(`${command} failed with exit code ${r.status ?? r.signal} (${why})`);
    }
    if (!waited) log(`waiting up to ${APT_LOCK_TIMEOUT_S} s for another apt or dpkg to finish`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RETRY_EVERY_MS);
  }
}

/**
 * Installs exactly these packages when this process is root; without root, fails with the command to run.
 * `why` names what needs them.
 */
export function installDebianPackages(packages: string[], why: string, log: (line: string) => void): void {
  if (packages.length === 0) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const command = `apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  if (!root)
    throw new SetupError(`${why} need the Debian packages ${packages.join(', ')}; install them with: sudo ${command}`);
  const t0 = Date.now();
  aptGet(['update', '-qq'], log);
  aptGet(['install', '-y', '-qq', '--no-install-recommends', ...packages], log);
  log(`${command} took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Makes sure the Debian packages are installed, installing the missing ones (see `installDebianPackages`). */
export function ensureDebianPackages(names: string[], why: string, log: (line: string) => void): void {
  installDebianPackages(
    names.filter((p) => !hasDebianPackage(p)),
    why,
    log,
  );
}
