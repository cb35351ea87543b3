// Placeholder activation until the language client lands: proves the extension loads.
import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext) {
  return { ready: true };
}

export function deactivate() {}
