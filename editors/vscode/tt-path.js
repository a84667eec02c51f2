// The command the extension starts: the `tt.path` setting, with ${workspaceFolder},
// ${userHome} and a leading ~ expanded (VS Code does not expand them in an extension's
// settings). No `vscode` import here, so that the tests can run it with plain Node.js.
"use strict";

const os = require("os");
const path = require("path");

function resolveCommand(setting, workspaceFolder) {
  let command = (setting || "").trim() || "tt";
  const home = os.homedir();
  command = command.replace(/\$\{userHome\}/g, home);
  if (workspaceFolder) {
    command = command.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  }
  if (command === "~" || command.startsWith("~/")) {
    command = path.join(home, command.slice(1));
  }
  return command;
}

// The documents the language client sends to `tt lsp`: YAML files matching the globs.
function documentSelector(globs) {
  return (globs && globs.length ? globs : ["**/plans/**/*.yaml"]).map((pattern) => ({
    scheme: "file",
    language: "yaml",
    pattern,
  }));
}

module.exports = { resolveCommand, documentSelector };
