// Node entry point (desktop VS Code, remote and code-server hosts): the server runs as a
// node process (dist/server.js) spoken to over IPC.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateCore, stopClient, type NianbaoApi } from './core';

let api: NianbaoApi | undefined;

export function activate(context: vscode.ExtensionContext): NianbaoApi {
  const module = context.asAbsolutePath('dist/server.js');
  const server: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  api = activateCore(context, (id, name, options) => new LanguageClient(id, name, server, options));
  return api;
}

export function deactivate(): Promise<void> {
  return stopClient(api);
}
