"""The examples in docs/plan-format.md are real: they validate with `tt validate`."""

from __future__ import annotations

import re

from tests.conftest import ROOT, run_tt

DOC = ROOT / "docs" / "plan-format.md"


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_annotated_example_and_registry_validate(tmp_path):
    plan, registry = yaml_blocks()
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "2023.yaml").write_text(plan, encoding="utf-8")
    (plans / "units.yaml").write_text(registry, encoding="utf-8")
    res = run_tt("validate", "--schema-only", "plans", cwd=tmp_path)
    assert res.code == 0, res.text


def test_every_code_of_the_loading_stage_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for code in [f"TT-Y00{i}" for i in range(1, 10)] + [f"TT-S00{i}" for i in range(1, 7)]:
        assert f"| {code} |" in text, code
