/**
 * The parent-death check for code-server: `node watchdog.js <parent pid> <process group> [<pid>...]`.
 *
 * code-server runs in a process group of its own, so that stopping it also stops its extension hosts; but then a
 * closed terminal's SIGHUP, or a SIGKILL to the process that started it, never reaches it, and an unauthenticated
 * code-server would go on serving the machine. This watchdog is started beside it, in a group of its own too, and
 * kills the group as soon as the process that started both is gone. It exits as soon as the group is gone, however
 * that happened. It needs nothing but Node on Linux: the parent is read from /proc, which a reused pid cannot fool.
 * Further pids are watched too: `npm start` runs start.mjs under a shell that does not pass on npm's SIGTERM, so the
 * death of that shell must end code-server as well.
 */
import * as fs from 'node:fs';

const POLL_MS = 200;

/** This process's parent pid as the kernel sees it now (Node's `process.ppid` is read once at start-up). */
function currentParent(): number | undefined {
  try {
    // The command name in parentheses may hold spaces, so the fields are counted after its closing parenthesis.
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Whether a pid (or, negative, a process group) still has a process in it. */
function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parentAlive(parent: number): boolean {
  const now = currentParent();
  return now === undefined ? exists(parent) : now === parent;
}

function watch(parent: number, group: number, others: number[]): void {
  const timer = setInterval(() => {
    if (!exists(-group)) {
      clearInterval(timer);
      return;
    }
    if (parentAlive(parent) && others.every(exists)) return;
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // The group went away on its own in the meantime.
    }
    clearInterval(timer);
  }, POLL_MS);
}

const [parent, group, ...others] = process.argv.slice(2).map(Number);
if (!(parent > 1 && group > 1 && others.every((pid) => pid > 1))) {
  console.error('usage: node watchdog.js <parent pid> <process group id> [<pid>...]');
  process.exit(2);
}
watch(parent, group, others);
