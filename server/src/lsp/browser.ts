// Browser entry point: the server runs in a web worker and talks over postMessage.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from './server';
import type { Importer } from '../import';
import type { WorkerUrls } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope & { nianbaoImporter?: { importer: Importer }; nianbaoUrls?: WorkerUrls };
const importerUrl = (module: string) => {
  const template = scope.nianbaoUrls?.importer;
  return template ? `${template[0]}${module}${template[1]}` : new URL(`import/${module}.js`, scope.nianbaoUrls?.server ?? scope.location.href).href;
};

/** An importer that runs in a browser: its web bundle (dist/web/import/<module>.js, an iife) loaded into this worker. */
const loaded = new Map<string, Importer>();
const loadImporter = (module: string): Importer => {
  let importer = loaded.get(module);
  if (!importer) {
    delete scope.nianbaoImporter;
    scope.importScripts(importerUrl(module));
    importer = (scope.nianbaoImporter as { importer?: Importer } | undefined)?.importer;
    if (!importer) throw new Error(`importer ${module} did not load`);
    loaded.set(module, importer);
  }
  return importer;
};

startServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope)), { loadImporter, browser: true });
