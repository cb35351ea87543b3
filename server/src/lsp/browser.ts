// Browser entry point: the server runs in a web worker and talks over postMessage.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from './server';

const scope = self as unknown as DedicatedWorkerGlobalScope;
startServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope)));
