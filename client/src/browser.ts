// Web entry point (vscode.dev, github.dev, and the web worker extension host of VS Code
// Server / code-server): the server runs in a web worker (dist/web/server.js) spoken to
// over postMessage.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateCore, stopClient, type NianbaoApi } from './core';

let api: NianbaoApi | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<NianbaoApi> {
  const worker = new Worker(await browserUrl(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js')));
  api = activateCore(context, (id, name, options) => new LanguageClient(id, name, worker, options));
  return api;
}

export function deactivate(): Promise<void> {
  return stopClient(api);
}

/**
 * A URL a Worker can be started from. An extension installed on a remote (VS Code Server,
 * code-server) has a vscode-remote: location, from which the web extension host refuses to
 * start workers; its fetch() maps such URIs to the server's resource URL, which it can.
 */
async function browserUrl(uri: vscode.Uri): Promise<string> {
  const url = uri.toString(true);
  if (/^(https?|blob|data):/i.test(url)) return url;
  const response = await fetch(url); // resolves at the headers (the server allows no HEAD)
  void response.body?.cancel();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.url;
}
