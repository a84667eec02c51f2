"""An install a clerk can follow (issue 19): tt built as a wheel carries everything it needs.

The wheel is built from the source tree, installed with pip (its dependencies from the
configured indexes: PyPI, or the machine's wheel folders) into a fresh virtual environment
that cannot see the checkout, and run from a folder outside the source tree on copies of the
sample plans: `tt --version` (with its data), `tt validate`, `tt render --docx`, `tt new`,
`tt schema` and `tt init`. A file missing from the wheel (a template, data/admin/units.json,
a registry template, data/init/) makes one of these fail.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import PLANS, ROOT

PIP_TIMEOUT = 900


def _run(args, cwd, env=None, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env=env)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(the wheel, the `tt` of a fresh venv where only that wheel and its dependencies are installed)."""
    base = tmp_path_factory.mktemp("install")
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", base / "dist", ROOT], base,
                 timeout=PIP_TIMEOUT)
    if built.returncode != 0 and ("hatchling" in built.stderr and "No matching distribution" in built.stderr):
        pytest.skip("pip không tải được hatchling (công cụ đóng gói) từ kho gói đã cấu hình")
    assert built.returncode == 0, built.stderr
    (wheel,) = (base / "dist").glob("tuyentruyen-*.whl")
    venv = base / "venv"
    made = _run([sys.executable, "-m", "venv", venv], base)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    pip = _run([python, "-m", "pip", "install", "--quiet", wheel], base, timeout=PIP_TIMEOUT)
    if pip.returncode != 0 and any(w in pip.stderr for w in ("No matching distribution", "Could not find a version",
                                                             "Failed to establish a new connection")):
        pytest.skip("pip không tải được các thư viện tt cần từ kho gói đã cấu hình (PyPI, --find-links)")
    assert pip.returncode == 0, pip.stderr
    return wheel, venv / "bin" / "tt"


def clean_env(home: Path) -> dict:
    """What a clerk's shell has: no PYTHONPATH, no venv of the checkout on PATH."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "NO_COLOR": "1", "COLUMNS": "120",
            "TT_CACHE_DIR": str(home / ".cache")}


def test_the_wheel_carries_templates_data_and_init_files(installed):
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    src = ROOT / "src" / "tuyentruyen"
    data = {f"tuyentruyen/{p.relative_to(src).as_posix()}" for p in (src / "data").rglob("*") if p.is_file()
            and "__pycache__" not in p.parts}
    templates = {f"tuyentruyen/templates/{p.name}" for p in (ROOT / "templates").glob("*.j2")}
    assert "tuyentruyen/data/admin/units.json" in data and "tuyentruyen/data/init/README.md.j2" in data
    assert data <= names, sorted(data - names)
    assert templates and templates <= names, sorted(templates - names)
    vscode = {f"tuyentruyen/data/vscode/{name}" for name in ("settings.json", "tasks.json", "extensions.json")}
    assert vscode <= names, sorted(vscode - names)  # the editor's settings that tt init writes
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_the_installed_tt_works_outside_the_source_tree(installed, tmp_path):
    _, tt = installed
    work = tmp_path / "ke-hoach"
    shutil.copytree(PLANS, work / "plans")
    env = clean_env(tmp_path)
    where = _run([tt.parent / "python", "-c", "import tuyentruyen; print(tuyentruyen.__file__)"], work, env)
    assert Path(where.stdout.strip()).is_relative_to(tt.parent.parent), where.stdout  # the venv's copy, not the checkout
    assert not Path(where.stdout.strip()).is_relative_to(ROOT)

    version = _run([tt, "--version"], work, env)
    assert version.returncode == 0 and version.stdout.startswith("tt (tuyentruyen) "), version.stderr
    assert "đơn vị hành chính: danh sách tạo ngày 01/12/2026" in version.stdout  # read from the wheel's units.json
    assert "thư viện holidays 0." in version.stdout and "định dạng kế hoạch: 1.1" in version.stdout

    validate = _run([tt, "validate"], work, env)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert "Traceback" not in validate.stderr

    render = _run([tt, "render", "--docx", "plans/quang-ngai/2023.yaml"], work, env)
    assert render.returncode == 0, render.stdout + render.stderr
    docx = work / "build" / "quang-ngai-2023.docx"
    assert zipfile.is_zipfile(docx) and "word/document.xml" in zipfile.ZipFile(docx).namelist()

    new = _run([tt, "new", "--from", "plans/xuan-loc/2024.yaml"], work, env)
    assert new.returncode == 0, new.stdout + new.stderr
    assert (work / "plans" / "xuan-loc" / "2025.yaml").is_file()
    again = _run([tt, "validate", "plans/xuan-loc/2025.yaml"], work, env)
    assert again.returncode == 0, again.stdout + again.stderr

    schema = _run([tt, "schema", "--units"], work, env)
    assert schema.returncode == 0
    assert schema.stdout == (ROOT / "docs" / "schema" / "units.schema.json").read_text(encoding="utf-8")


def test_the_installed_tt_makes_a_plans_repository(installed, tmp_path):
    _, tt = installed
    env = clean_env(tmp_path)
    made = _run([tt, "init", "kho", "--province", "Tuyên Quang", "--level", "xa", "--issuer", "Bắc Mê",
                 "--year", "2027"], tmp_path, env)
    assert made.returncode == 0, made.stdout + made.stderr
    repo = tmp_path / "kho"
    assert "extends: national" in (repo / "plans" / "units.yaml").read_text(encoding="utf-8")
    assert (repo / ".vscode" / "settings.json").read_text(encoding="utf-8") == \
        (ROOT / "docs" / "vscode" / "settings.json").read_text(encoding="utf-8")
    for args in (["validate"], ["fmt", "--check"]):
        res = _run([tt, *args], repo, env)
        assert res.returncode == 0, res.stdout + res.stderr
    from tuyentruyen import __version__
    from tuyentruyen.about import PROJECT_URL

    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert f'pipx install "git+{PROJECT_URL}@v{__version__}"' in readme  # how its clerks install this same tt
    assert str(ROOT) not in readme and str(tmp_path) not in readme
