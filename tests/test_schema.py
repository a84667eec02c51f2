"""The JSON Schema: generated from the models, committed, referenced by every plan, and
accepted by a real client (check-jsonschema, the validator VS Code's YAML extension mirrors)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, PLANS, ROOT, run_tt

SCHEMAS = ROOT / "docs" / "schema"
CHECK = Path(sys.executable).parent / "check-jsonschema"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def sample_files() -> list[Path]:
    return sorted(p for p in PLANS.rglob("*.yaml"))


def check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECK), "--schemafile", str(schema), *map(str, files)],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("units,name", [(False, "plan.schema.json"), (True, "units.schema.json")])
def test_committed_schema_is_current(units, name):
    res = run_tt("schema", *(["--units"] if units else []))
    assert res.code == 0, res.text
    committed = (SCHEMAS / name).read_text(encoding="utf-8")
    assert res.out == committed, f"docs/schema/{name} đã cũ: chạy `make schema` rồi commit lại."


def test_schema_is_draft_2020_12_with_vietnamese_help_on_every_field():
    for name in ("plan.schema.json", "units.schema.json"):
        schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        models = {"(root)": schema, **schema["$defs"]}
        for model, body in models.items():
            for key, prop in body.get("properties", {}).items():
                assert prop.get("title"), f"{name}: {model}.{key} thiếu title"
                assert prop.get("description"), f"{name}: {model}.{key} thiếu description"
            if "properties" in body:
                assert body.get("additionalProperties") is False, f"{model} phải cấm khóa lạ"


def test_schema_output_to_file_is_atomic(tmp_path):
    out = tmp_path / "plan.schema.json"
    res = run_tt("schema", "-o", str(out))
    assert res.code == 0 and json.loads(out.read_text(encoding="utf-8"))["title"]
    assert [p.name for p in tmp_path.iterdir()] == ["plan.schema.json"]


def test_every_sample_file_has_a_modeline_to_an_existing_schema():
    files = sample_files()
    assert files, "plans/ không có kế hoạch mẫu nào"
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        m = MODELINE.match(first)
        assert m, f"{path}: dòng đầu phải là modeline yaml-language-server"
        target = (path.parent / m.group(1)).resolve()
        expected = "units.schema.json" if path.name == "units.yaml" else "plan.schema.json"
        assert target == (SCHEMAS / expected).resolve(), f"{path}: modeline trỏ tới {target}"


def test_check_jsonschema_accepts_every_sample():
    plans = [p for p in sample_files() if p.name != "units.yaml"]
    registries = [p for p in sample_files() if p.name == "units.yaml"]
    assert plans and registries
    res = check_jsonschema(SCHEMAS / "plan.schema.json", *plans)
    assert res.returncode == 0, res.stdout + res.stderr
    res = check_jsonschema(SCHEMAS / "units.schema.json", *registries)
    assert res.returncode == 0, res.stdout + res.stderr


BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_check_jsonschema_and_tt_reject_the_broken_fixtures(path):
    res = check_jsonschema(SCHEMAS / "plan.schema.json", path)
    assert res.returncode == 1, res.stdout + res.stderr
    assert "Schema validation errors" in res.stdout
    mine = run_tt("validate", "--schema-only", str(path))
    assert mine.code == 1, mine.text
