"""`tt --version` says which data judged a plan (issue 19): administrative units, holidays, plan format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from importlib.metadata import version

import pytest

from tests.conftest import ROOT, run_tt
from tuyentruyen import __version__
from tuyentruyen.about import PLAN_FORMAT, distribution_version


def units_meta() -> dict:
    text = (ROOT / "src" / "tuyentruyen" / "data" / "admin" / "units.json").read_text(encoding="utf-8")
    return json.loads(text)["meta"]


@pytest.mark.parametrize("args", [["--version"], ["-V"], ["--version", "validate"]])
def test_version_names_tt_and_its_data(args):
    res = run_tt(*args)
    assert res.code == 0 and res.err == "", res.err
    lines = res.out.splitlines()
    assert lines[0] == f"tt (tuyentruyen) {__version__}" and lines[1] == "Dữ liệu:"
    meta = units_meta()
    year, month, day = meta["generated"].split("-")
    units = next(line for line in lines if "đơn vị hành chính:" in line)
    assert f"tạo ngày {day}/{month}/{year}" in units
    for source in meta["sources"]:
        assert f"{source['package']} {source['version']}" in units
    current = meta["counts"]["current"]["tiers"]
    assert f"{current['province']} tỉnh, thành phố" in units and f"{current['commune']:,}".replace(",", ".") in units
    assert f"thư viện holidays {version('holidays')}" in res.out
    assert f"định dạng kế hoạch: {PLAN_FORMAT}" in res.out


def test_the_format_version_is_the_models_and_the_schemas():
    from tuyentruyen.model import Plan

    assert Plan.model_config["title"].endswith(f"định dạng {PLAN_FORMAT})")
    schema = json.loads((ROOT / "docs" / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
    assert schema["title"].endswith(f"định dạng {PLAN_FORMAT})")


@pytest.mark.parametrize("name", ["holidays", "PyYAML", "ruamel.yaml", "typer"])
def test_installed_versions_are_read_without_importlib_metadata(name):
    assert distribution_version(name) == version(name)
    assert distribution_version("khong-co-goi-nay") is None


def test_version_stays_cheap():
    """Read from the head of units.json and the names of installed folders: no typer, pydantic,
    holidays, YAML or importlib.metadata (~70 ms by itself)."""
    code = textwrap.dedent("""
        import sys
        sys.argv = ["tt", "--version"]
        from tuyentruyen.cli import app
        try:
            app.main()
        except SystemExit:
            pass
        sys.stderr.write("\\nMODULES " + " ".join(sorted(sys.modules)) + "\\n")
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "TT_NO_CACHE": "1"})
    loaded = set(proc.stderr.rsplit("MODULES ", 1)[1].split())
    assert "tuyentruyen.vn.admin" in loaded  # it did read the data's meta
    heavy = {"typer", "pydantic", "holidays", "yaml", "ruamel", "importlib.metadata", "jinja2"}
    assert not heavy & loaded, heavy & loaded
