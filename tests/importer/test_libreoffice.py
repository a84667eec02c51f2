"""A .docx tt did not write imports too: the samples rendered by tt, then saved again by LibreOffice.

LibreOffice rewrites the whole package in its own way (its styles, its table and numbering
XML, its run splitting), both straight (.docx → .docx) and through its own format (.docx →
.odt → .docx, which rebuilds every paragraph). Each is imported and compared with the plan
as in the round-trip test.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.importer.support import ROOT, compare, import_bytes, render
from tuyentruyen import api

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="cần LibreOffice (soffice) để tạo .docx không do tt viết")

SAMPLES = [p for p in (ROOT / "plans" / "ha-giang" / "2023.yaml", ROOT / "plans" / "quang-ngai" / "2023.yaml",
                       ROOT / "plans" / "xuan-loc" / "2024.yaml", ROOT / "plans" / "tuyen-quang" / "2026-2030.yaml")
           if p.exists()]


def _convert(sources: list[Path], target_format: str, out: Path) -> None:
    """One LibreOffice run for every file (its start is the slow part)."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{out / 'profile'}", "--headless", "--convert-to",
                    target_format, "--outdir", str(out), *map(str, sources)], check=True, capture_output=True,
                   timeout=300)


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """(sample, route) → the .docx LibreOffice wrote from tt's .docx of the sample."""
    base = tmp_path_factory.mktemp("libreoffice")
    ours = []
    for plan in SAMPLES:
        path = base / "tt" / (plan.parent.name + ".docx")
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(render(plan))
        ours.append(path)
    _convert(ours, "docx:MS Word 2007 XML", base / "docx")
    _convert(ours, "odt", base / "odt")
    _convert(sorted((base / "odt").glob("*.odt")), "docx:MS Word 2007 XML", base / "odt-docx")
    out = {}
    for path in ours:
        out[(path.stem, "docx")] = base / "docx" / path.name
        out[(path.stem, "odt")] = base / "odt-docx" / path.name
        out[(path.stem, "tt")] = path
    return out


@pytest.mark.parametrize("route", ["docx", "odt"])
@pytest.mark.parametrize("plan", SAMPLES, ids=lambda p: p.parent.name)
def test_a_docx_saved_by_libreoffice_imports(plan, route, converted):
    theirs = converted[(plan.parent.name, route)]
    assert theirs.read_bytes() != converted[(plan.parent.name, "tt")].read_bytes()
    _result, loaded = import_bytes(theirs.read_bytes(), theirs.name, plan.parent / "units.yaml")
    assert loaded.plan is not None, [p.message for p in loaded.problems][:5]
    assert compare(api.load_plan(plan).plan, loaded.plan) == []
