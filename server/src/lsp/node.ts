// Node entry point: stdio, node-ipc or socket, as the command line says (--stdio, …).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeFolderReader } from './folder-node';
import { startServer } from './server';
import { loadBundled } from '../import/load';
import { registerExport } from './export-node';
import { fileURLToPath } from 'node:url';
import { Configs } from '../config/find';
import { parseConfig } from '../config/schema';
import { applyServerV8Flags } from './v8-flags';

applyServerV8Flags();

// Every request the server sends is caught where it is sent; this is the last line of
// defence, so that a client refusing one can never take the server down.
process.on('unhandledRejection', e => { process.stderr.write(`nianbao: unhandled rejection: ${String((e as Error)?.stack ?? e)}\n`); });

// Report files beside an open file are peers (cross-year): only this entry has fs.
const connection = createConnection(ProposedFeatures.all);
// A document's .nianbao.json, from its folder up (read again when it changes on disk).
const configs = new Configs(() => parseConfig);
const config = (uri: string) => (uri.startsWith('file:') ? configs.forFile(fileURLToPath(uri)) : {});
startServer(connection, { folder: nodeFolderReader, loadImporter: loadBundled, config });
registerExport(connection);
