/**
 * The server process: it builds the connection from the command line (`--node-ipc` from VS Code's client,
 * `--stdio` from other editors), installs the process-level handlers and starts the server. Keeping them
 * here lets tests run startServer on a connection of their own.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// The server outlives any one bad request: log what escaped instead of exiting and losing every feature.
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${(e as Error)?.stack ?? String(e)}`));
process.on('uncaughtException', (e) => connection.console.error(`Uncaught exception: ${e.stack ?? String(e)}`));
startServer(connection);
