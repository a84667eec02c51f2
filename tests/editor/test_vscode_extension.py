"""The VS Code extension of editors/vscode/: it packages as a .vsix with the official tool
(@vscode/vsce, from npm), with its language client inside, and starts the command the clerk
configured. Skipped, with the reason, when Node.js, npm or the npm registry is not there."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.editor.conftest import CACHE, _npm_install

EXTENSION = ROOT / "editors" / "vscode"
VSCE_VERSION = "3.9.2"  # the last that runs on Node.js 20


def manifest() -> dict:
    return json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def vsce() -> Path:
    prefix = CACHE / f"vsce-{VSCE_VERSION}"
    why = _npm_install(prefix, f"@vscode/vsce@{VSCE_VERSION}")
    if why:
        pytest.skip(why)
    return prefix / "node_modules" / ".bin" / "vsce"


def test_the_vsix_builds_with_the_language_client_inside(vsce, tmp_path):
    work = tmp_path / "vscode"
    shutil.copytree(EXTENSION, work, ignore=shutil.ignore_patterns("node_modules", "*.vsix"))
    npm = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--omit=dev", "--silent"], cwd=work,
                         capture_output=True, text=True, timeout=600)
    if npm.returncode != 0:
        pytest.skip(f"npm install của phần mở rộng thất bại (không có mạng tới npm?): {npm.stderr[-300:]}")
    out = tmp_path / "tt.vsix"
    res = subprocess.run([str(vsce), "package", "--allow-missing-repository", "-o", str(out)], cwd=work,
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    names = set(zipfile.ZipFile(out).namelist())
    for needed in ("extension/package.json", "extension/extension.js", "extension/tt-path.js",
                   "extension/readme.md", "extension/node_modules/vscode-languageclient/node.js"):
        assert needed in names, needed
    packed = json.loads(zipfile.ZipFile(out).read("extension/package.json"))
    assert packed["name"] == manifest()["name"] and packed["main"] == "./extension.js"


def test_nothing_built_is_committed():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "editors/vscode/node_modules/" in ignored and "*.vsix" in ignored


def test_the_extension_starts_tt_lsp_for_the_plans():
    data = manifest()
    assert data["activationEvents"] == ["onLanguage:yaml"]
    settings = data["contributes"]["configuration"]["properties"]
    assert settings["tt.path"]["default"] == "tt"
    source = (EXTENSION / "extension.js").read_text(encoding="utf-8")
    assert 'args: ["lsp"]' in source and "TransportKind.stdio" in source
    # every text a clerk can see is Vietnamese
    for text in [data["description"], data["displayName"], *(c["title"] for c in data["contributes"]["commands"]),
                 *(s["markdownDescription"] for s in settings.values())]:
        assert not text.isascii(), text


@pytest.mark.skipif(shutil.which("node") is None, reason="cần Node.js")
def test_the_tt_path_setting_is_expanded_as_the_docs_say(tmp_path):
    script = (
        "const { resolveCommand, documentSelector } = require(process.argv[1]);"
        "console.log(JSON.stringify([resolveCommand('${workspaceFolder}/.venv/bin/tt', '/kho'),"
        " resolveCommand('', '/kho'), resolveCommand('~/bin/tt', '/kho'), resolveCommand(' tt ', undefined),"
        " documentSelector(['**/plans/**/*.yaml'])]));"
    )
    out = subprocess.run(["node", "-e", script, str(EXTENSION / "tt-path.js")], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    workspace, default, home, plain, selector = json.loads(out)
    assert workspace == "/kho/.venv/bin/tt" and default == "tt" and plain == "tt"
    assert home == str(Path.home() / "bin" / "tt")
    assert selector == [{"scheme": "file", "language": "yaml", "pattern": "**/plans/**/*.yaml"}]
    # the repository's own settings use what the extension expands
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["tt.path"] == "${workspaceFolder}/.venv/bin/tt"
