"""Format v1.1 is backward compatible: every v1 plan renders exactly as it did before v1.1.

tests/render/v1/<name>/ holds a frozen copy of each v1 plan (the samples of plans/, the seed
fixtures and the render test plans, with their units.yaml) and what the renderer made of it:
word/document.xml and the page headers verbatim (gzip), and the SHA-256 of every part of the
package. The copies are frozen so that a later edit of a sample cannot hide a change of the
renderer; the test renders each copy through `tt render` and compares byte for byte.

An intended change of the output is frozen again with tests/render/v1/refreeze.py (its docstring
lists each refreeze and what it changed: issue 13 — tt's own styles part, Word 15 settings, named
styles, Vietnamese line breaks, the Lưu line's final period, the fuller appendix); any other
difference fails here.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from tests.render.support import render

V1 = Path(__file__).resolve().parent / "v1"
NAMES = sorted(p.name for p in V1.iterdir() if (p / "plan.yaml").is_file())


def test_every_v1_plan_is_frozen():
    # the samples, the seeds and the render test plans: nine v1 plans
    assert len(NAMES) == 9, NAMES


@pytest.mark.parametrize("name", NAMES)
def test_v1_plan_renders_byte_identical(tmp_path, name):
    folder = V1 / name
    out = render(folder / "plan.yaml", tmp_path / f"{name}.docx")
    with zipfile.ZipFile(out) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for stored in sorted(folder.glob("*.xml.gz")):
        part = f"word/{stored.name[:-3]}"
        assert part in parts, f"{name}: {part} is no longer written"
        expected = gzip.decompress(stored.read_bytes()).decode("utf-8")
        got = parts[part].decode("utf-8")
        if got != expected:
            at = next(i for i, (a, b) in enumerate(zip(got + "\0", expected + "\0")) if a != b)
            pytest.fail(f"{name}: {part} differs at {at}:\n was: {expected[max(0, at - 200):at + 200]}\n now: "
                        f"{got[max(0, at - 200):at + 200]}")
    manifest = json.loads((folder / "parts.sha256.json").read_text(encoding="utf-8"))
    assert sorted(parts) == sorted(manifest), f"{name}: the package's parts changed"
    changed = [n for n, data in parts.items() if hashlib.sha256(data).hexdigest() != manifest[n]]
    assert not changed, f"{name}: parts changed: {changed}"
