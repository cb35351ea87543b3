// Browser entry point: the server runs in a web worker and talks over postMessage.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from './server';
import type { Importer } from '../import';

const scope = self as unknown as DedicatedWorkerGlobalScope & { nianbaoImporter?: { importer: Importer } };

/** An importer that runs in a browser: its web bundle (dist/web/import/<module>.js, an iife) loaded into this worker. */
const loadImporter = (module: string): Importer => {
  scope.importScripts(new URL(`import/${module}.js`, scope.location.href).href);
  const loaded = scope.nianbaoImporter?.importer;
  if (!loaded) throw new Error(`importer ${module} did not load`);
  return loaded;
};

startServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope)), { loadImporter, browser: true });
