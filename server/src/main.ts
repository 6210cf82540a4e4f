/**
 * The server process: it picks the transport from the command line, builds the connection, installs the
 * process-level handlers and starts the server. VS Code's client and other editors start it with `--stdio`,
 * whose writer encodes diagnostics with `messageJson.ts`; `--node-ipc`, `--socket` and `--pipe` are left to
 * vscode-languageserver.
 *
 * Exit codes: 0 after `shutdown` and `exit`; 1 for `exit` without `shutdown`, or when the client closes
 * the connection first; 2 when the client's bytes cannot be read as LSP messages, or the command line
 * names no transport. The client restarts a server that exits, so exiting on bad input is the recovery.
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { describeError, oneLine } from './errors';
import { FramingError, StrictStreamMessageReader } from './framing';
import { jsonEncoder } from './messageJson';
import { startServer, type ServerHandle } from './server';

const EXIT_BAD_INPUT = 2;
const TRANSPORT = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

/** Says why the server stops, in one line on stderr, which every client shows in its server log. */
function die(reason: string): never {
  process.stderr.write(`Press Release Lint server: ${oneLine(reason)}\n`);
  process.exit(EXIT_BAD_INPUT);
}

/**
 * Stdio with the strict reader. vscode-languageserver would build its own reader, whose framing errors
 * nobody hears, so the connection is built from a reader and writer here and the two things the library does
 * for a stdio stream are done here too: keep console output off stdout, and exit when stdin ends.
 */
function stdioConnection(): { connection: Connection; onEnd: (handle: ServerHandle) => void } {
  // A message the connection chokes on is the client's fault, but not worth a restart: log it and read on.
  const reader = new StrictStreamMessageReader(process.stdin, (e) =>
    connection.console.error(`Could not handle a message: ${describeError(e)}`),
  );
  reader.onError((e) => {
    const why = e instanceof FramingError ? e.message : describeError(e);
    die(`cannot read the client's messages: ${why}; exiting so that the client restarts the server.`);
  });
  const writer = new StreamMessageWriter(process.stdout, {
    charset: 'utf-8',
    contentTypeEncoder: jsonEncoder(process.stdout),
  });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  // Stdout carries the protocol: a stray console.log there would corrupt the next message.
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  const onEnd = (handle: ServerHandle) => {
    const exit = () => process.exit(handle.lifecycle.shutdownReceived ? 0 : 1);
    process.stdin.on('end', exit);
    process.stdin.on('close', exit);
  };
  return { connection, onEnd };
}

function main(): void {
  const args = process.argv.slice(2);
  if (!args.some((a) => TRANSPORT.test(a))) die('start me with --stdio, --node-ipc, --socket=<port> or --pipe=<name>.');
  const stdio = args.includes('--stdio') ? stdioConnection() : undefined;
  // Without --stdio, vscode-languageserver reads the transport from the command line itself.
  const connection = stdio?.connection ?? createConnection(ProposedFeatures.all);
  // The server outlives any one bad request: log what escaped, in one line, instead of exiting and losing
  // every feature. Stack traces stay out of the log, where users read them and cannot act on them.
  process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${describeError(e)}`));
  process.on('uncaughtException', (e) => connection.console.error(`Uncaught exception: ${describeError(e)}`));
  const handle = startServer(connection);
  stdio?.onEnd(handle);
}

main();
