// The client reads the nianbao.* settings only to warn about bad values (and for detection);
// the server pulls and validates them itself with the same readSettings.
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../../server/src/lsp/protocol';
import { readSettings, type Settings } from '../../server/src/settings';

const KEYS = ['severity', 'template', 'detect', 'inlayHints', 'format'] as const;

export class SettingsWatcher implements vscode.Disposable {
  current: Settings;
  /** The problems of the last read, in readSettings' words; empty when every value is valid. */
  problems: string[] = [];
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.current = this.read();
    this.subscription = vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(CONFIG_SECTION)) this.current = this.read();
    });
  }

  private read(): Settings {
    const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const raw = Object.fromEntries(KEYS.map(k => [k, config.get(k)]));
    const { settings, problems } = readSettings(raw);
    this.problems = problems;
    if (problems.length) void warn(problems);
    return settings;
  }

  dispose() { this.subscription.dispose(); }
}

/** A workspace can hold thousands of bad keys: the first few are named, the rest counted. */
const SHOWN = 10;
const shown = (problems: string[]) =>
  problems.length <= SHOWN ? problems : [...problems.slice(0, SHOWN), vscode.l10n.t('and {0} more', problems.length - SHOWN)];

async function warn(problems: string[]) {
  const open = vscode.l10n.t('Open Settings');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Some nianbao settings are invalid and their defaults are used instead: {0}', shown(problems).join('; ')),
    open,
  );
  if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', CONFIG_SECTION);
}
