// tt — kế hoạch tuyên truyền: starts `tt lsp` (tt's own language server) for the plans of the
// workspace. Every diagnostic, quick fix, completion, hover and formatting comes from tt; this
// file only finds the command and connects VS Code to it over stdio.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");
const { resolveCommand, documentSelector } = require("./tt-path");

let client;
let output;

function folder() {
  const folders = vscode.workspace.workspaceFolders;
  return folders && folders.length ? folders[0].uri.fsPath : undefined;
}

async function start() {
  const config = vscode.workspace.getConfiguration("tt");
  const cwd = folder();
  const command = resolveCommand(config.get("path"), cwd);
  const server = { command, args: ["lsp"], transport: TransportKind.stdio, options: { cwd } };
  client = new LanguageClient("tt", "tt — kế hoạch tuyên truyền", server, {
    documentSelector: documentSelector(config.get("files")),
    outputChannel: output,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{units.yaml,tt.toml}") },
  });
  try {
    await client.start();
  } catch (err) {
    client = undefined;
    const choice = await vscode.window.showErrorMessage(
      `tt: không chạy được "${command} lsp" (${err && err.message ? err.message : err}). ` +
        "Cài tt (python -m pip install …) hoặc chỉ đúng lệnh tt ở thiết lập tt.path, rồi chạy lại lệnh " +
        "“tt: Khởi động lại tt”.",
      "Mở thiết lập tt.path"
    );
    if (choice) {
      vscode.commands.executeCommand("workbench.action.openSettings", "tt.path");
    }
  }
}

async function stop() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop();
  }
}

async function activate(context) {
  output = vscode.window.createOutputChannel("tt");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("tt.restart", async () => {
      await stop();
      await start();
    }),
    vscode.commands.registerCommand("tt.showOutput", () => output.show()),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("tt")) {
        await stop();
        await start();
      }
    })
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
