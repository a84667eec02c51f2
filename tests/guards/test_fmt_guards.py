"""fmt's read-back guards, proven by breaking fmt's writer (issue 9, fault injection).

The emitter is made to write other data, or to lose a comment: fmt must notice when it reads its
own output back (TT-F002), leave the user's file byte for byte as it was, and exit 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_tt
from tests.lint.helpers import write_plan
from tuyentruyen.rules.docs import base_texts

PLAN = base_texts()[0].replace("  place: Hà Giang\n", "  place:    Hà Giang   # nơi ban hành\n")


def _corrupt(monkeypatch, change):
    import tuyentruyen.edit.fmt as fmt

    real = fmt._Emitter.document

    def broken(self, *args, **kwargs):
        return change(real(self, *args, **kwargs))

    monkeypatch.setattr(fmt._Emitter, "document", broken)


@pytest.mark.parametrize("what, change", [
    ("data", lambda out: out.replace("Quý II/2024", "Quý III/2024")),
    ("a number", lambda out: out.replace("number: 25", "number: 26")),
    ("a comment", lambda out: out.replace("  # nơi ban hành", "")),
    ("a key", lambda out: out.replace("  archive: VT, NC\n", "")),
])
def test_fmt_refuses_output_that_does_not_read_back(what, change, tmp_path, monkeypatch):
    path = write_plan(tmp_path, PLAN)
    before = path.read_bytes()
    _corrupt(monkeypatch, change)
    res = run_tt("fmt", str(path))
    assert res.code == 2, (what, res.text)
    assert "TT-F002" in res.text and "để nguyên" in res.text, res.text
    assert path.read_bytes() == before
    assert not [p for p in Path(tmp_path).iterdir() if p.name.endswith(".tmp")]


def test_the_same_plan_formats_when_fmt_is_not_broken(tmp_path):
    path = write_plan(tmp_path, PLAN)
    res = run_tt("fmt", str(path))
    assert res.code == 0, res.text
    line = next(x for x in path.read_text("utf-8").splitlines() if "place:" in x)
    assert line.startswith("  place: Hà Giang ") and line.endswith("# nơi ban hành"), line
