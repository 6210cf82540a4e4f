/**
 * Problems in the settings or in a `.pressreleaserc.json`, told to the user: every one in the log, and the
 * first in a message box. Each is told once per server, since configs are re-read on every change and the
 * same mistake would otherwise pop up again and again.
 */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { oneLine } from './errors';

export function configErrorReporter(connection: Connection, warn: (line: string) => void): (errors: string[]) => void {
  const reported = new Set<string>();
  return (errors) => {
    const fresh = errors.filter((e) => !reported.has(e));
    if (fresh.length === 0) return;
    fresh.forEach((e) => reported.add(e));
    warn(oneLine(fresh.join('; '), 2000));
    const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more; see the output)` : '';
    const text = `Press Release Lint: ${fresh[0]}${more}. The defaults are used for those settings.`;
    // A notification, not a request: the server does not wait on, or fail with, the client's message box.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
  };
}
