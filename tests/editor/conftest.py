"""Fixtures of the editor tests: the real yaml-language-server (installed from npm once, into a
cache folder), `tt lsp` as a process, and a plans workspace shaped like a clerk's repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PLANS, ROOT
from tests.editor.lspclient import LspClient

# The version VS Code's YAML extension ships today; 2.x needs Node.js 22.
YLS_VERSION = "1.25.0"
CACHE = Path(os.environ.get("TT_TEST_CACHE", Path.home() / ".cache" / "tt-tests"))
TT = Path(sys.executable).parent / "tt"


def _npm_install(prefix: Path, package: str) -> str | None:
    """Install package into prefix (once); None when it is there, else why it could not be."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        return "cần Node.js và npm"
    marker = prefix / ".installed"
    if marker.is_file() and marker.read_text() == package:
        return None
    prefix.mkdir(parents=True, exist_ok=True)
    try:
        proc = subprocess.run(["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund", "--silent",
                               package], capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"npm install {package} không chạy được: {exc}"
    if proc.returncode != 0:
        return f"npm install {package} thất bại (không có mạng tới npm?): {proc.stderr[-500:]}"
    marker.write_text(package)
    return None


@pytest.fixture(scope="session")
def yls_command() -> list[str]:
    prefix = CACHE / f"yaml-language-server-{YLS_VERSION}"
    why = _npm_install(prefix, f"yaml-language-server@{YLS_VERSION}")
    if why:
        pytest.skip(why)
    return ["node", str(prefix / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"), "--stdio"]


def documented_settings(validate: bool | None = None) -> dict:
    """The `yaml.*` settings of docs/vscode/settings.json, as the YAML extension sends them."""
    flat = json.loads((ROOT / "docs" / "vscode" / "settings.json").read_text(encoding="utf-8"))
    yaml_settings: dict = {}
    for key, value in flat.items():
        if key.startswith("yaml."):
            node = yaml_settings
            parts = key.split(".")[1:]
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node[parts[-1]] = value
    yaml_settings.pop("schemas", None)  # the files name their schema (the modeline)
    if validate is not None:
        yaml_settings["validate"] = validate
    return {"yaml": yaml_settings}


@pytest.fixture
def workspace(tmp_path) -> Path:
    """A plans repository: docs/schema/ (the committed schemas) and plans/quang-ngai/."""
    (tmp_path / "docs").mkdir()
    shutil.copytree(ROOT / "docs" / "schema", tmp_path / "docs" / "schema")
    shutil.copytree(PLANS / "quang-ngai", tmp_path / "plans" / "quang-ngai")
    return tmp_path


class Editor:
    """One language server with one workspace, as an editor drives it."""

    def __init__(self, client: LspClient, root: Path):
        self.client, self.root = client, root
        self.versions: dict[str, int] = {}

    def open(self, rel: str, text: str | None = None) -> tuple[str, str]:
        path = self.root / rel
        if text is None:
            text = path.read_text(encoding="utf-8")
        else:
            path.write_text(text, encoding="utf-8")
        uri = self.client.open(path, text)
        self.versions[uri] = 1
        return uri, text


def start(cmd: list[str], root: Path, settings: dict | None = None, env: dict | None = None) -> Editor:
    client = LspClient(cmd, cwd=root, env=env, settings=settings)
    client.initialize(root)
    if settings is not None:
        client.notify("workspace/didChangeConfiguration", {"settings": settings})
    return Editor(client, root)


@pytest.fixture
def yls(yls_command, workspace):
    editor = start(yls_command, workspace, documented_settings(validate=True))
    yield editor
    editor.client.close()


@pytest.fixture
def tt_lsp(workspace):
    env = dict(os.environ, NO_COLOR="1")
    editor = start([str(TT), "lsp"], workspace, env=env)
    yield editor
    editor.client.close()
