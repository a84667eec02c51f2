"""docs/editor.md: its pictures are what `tt lsp` answers today, and it tells how to set up each editor."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

DOC = ROOT / "docs" / "editor.md"


def test_the_pictures_are_drawn_from_what_tt_lsp_answers_now():
    res = subprocess.run([sys.executable, str(ROOT / "docs" / "vscode" / "screens.py"), "--check"],
                         capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert res.returncode == 0, res.stdout + res.stderr


def test_every_picture_is_shown_and_carries_tt_words():
    text = DOC.read_text(encoding="utf-8")
    shown = re.findall(r"!\[[^\]]+\]\((vscode/[^)]+\.svg)\)", text)
    drawn = sorted(p.name for p in (ROOT / "docs" / "vscode").glob("*.svg"))
    assert sorted(p.split("/")[-1] for p in shown) == drawn
    errors = (ROOT / "docs" / "vscode" / "loi-khi-go.svg").read_text(encoding="utf-8")
    assert "tt(TT-R005)" in errors and "Có phải ý bạn là “Văn phòng Ủy" in errors


def test_the_setup_of_every_editor_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for needed in ("Install from VSIX", '"tt.path"', 'cmd = { "tt", "lsp" }', "vim.lsp.enable(\"tt\")",
                   "[language-server.tt]", "@vscode/vsce package", '"yaml.validate": false'):
        assert needed in text, needed
    assert text == __import__("unicodedata").normalize("NFC", text)
