// Web entry point (vscode.dev, github.dev, and the web worker extension host of VS Code
// Server / code-server): the server runs in a web worker (dist/web/server.js) spoken to
// over postMessage.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { WorkerUrls } from '../../server/src/lsp/protocol';
import { activateCore, stopClient, type NianbaoApi } from './core';

let api: NianbaoApi | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<NianbaoApi> {
  const web = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web');
  const importer = (await browserUrl(vscode.Uri.joinPath(web, 'import', `${IMPORTER_PLACEHOLDER}.js`), false)).split(IMPORTER_PLACEHOLDER);
  const worker = serverWorker({
    server: await browserUrl(vscode.Uri.joinPath(web, 'server.js')),
    importer: importer.length === 2 ? [importer[0], importer[1]] : undefined,
  });
  api = activateCore(context, (id, name, options) => new LanguageClient(id, name, worker, options));
  return api;
}

export function deactivate(): Promise<void> {
  return stopClient(api);
}

const IMPORTER_PLACEHOLDER = 'nianbao-importer-module';

/**
 * A URL a Worker can load `uri` from. An extension installed on a remote (VS Code Server,
 * code-server) has a vscode-remote: location, from which the web extension host refuses to
 * start workers; its fetch() maps such URIs to the server's resource URL (the path may be
 * in the query, so siblings are not relative to it), which a worker can load.
 */
async function browserUrl(uri: vscode.Uri, mustExist = true): Promise<string> {
  const url = uri.toString(true);
  if (/^(https?|blob|data):/i.test(url)) return url;
  const response = await fetch(url); // resolves at the headers (the server allows no HEAD)
  void response.body?.cancel();
  if (mustExist && !response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.url;
}

/**
 * The server's worker. VS Code's web extension host starts every worker from a blob that
 * imports the script, so the server cannot learn its own URL from `location`; it needs it
 * to load the importers' bundles (dist/web/import/): tell it first.
 */
function serverWorker(urls: WorkerUrls): Worker {
  const start = `self.nianbaoUrls = ${JSON.stringify(urls)}; importScripts(self.nianbaoUrls.server);`;
  return new Worker(URL.createObjectURL(new Blob([start], { type: 'application/javascript' })), { name: 'nianbao language server' });
}
