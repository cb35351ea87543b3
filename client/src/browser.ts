// Web entry point (vscode.dev, github.dev): the server runs in a web worker
// (dist/web/server.js) spoken to over postMessage.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateCore, stopClient, type NianbaoApi } from './core';

let api: NianbaoApi | undefined;

export function activate(context: vscode.ExtensionContext): NianbaoApi {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  api = activateCore(context, (id, name, options) => new LanguageClient(id, name, new Worker(serverMain.toString(true)), options));
  return api;
}

export function deactivate(): Promise<void> {
  return stopClient(api);
}
