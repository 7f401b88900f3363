// The VS Code client: starts `netdsl lsp` for .netdsl files; everything else (diagnostics, hover, completion,
// navigation, rename, formatting, quick fixes) is the server's.
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function settings() {
  const config = vscode.workspace.getConfiguration('netdsl');
  return {
    command: config.get('server.command', 'netdsl'),
    delay: config.get('server.diagnosticsDelay', 150),
    parameters: config.get('parameters', {}),
  };
}

async function activate(context) {
  const { command, delay, parameters } = settings();
  const run = { command, args: ['lsp', '--diagnostics-delay', String(delay)] };
  client = new LanguageClient('netdsl', 'NetDsl', { run, debug: run }, {
    documentSelector: [{ scheme: 'file', language: 'netdsl' }, { scheme: 'untitled', language: 'netdsl' }],
    initializationOptions: { parameters },
    // Sends workspace/didChangeConfiguration with the `netdsl` section when the settings change.
    synchronize: { configurationSection: 'netdsl' },
  });
  context.subscriptions.push(client);
  await client.start();
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
