"""The examples in docs/plan-format.md are real: they validate with `tt validate`.

The first block is the annotated example, the block with `units:` its registry; a block that
starts with `tt: 1` is a whole plan of its own, and every other block is a fragment of format 1.1
written over the annotated example (mappings merged, lists replaced) — as the doc says.
"""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT, run_tt
from tuyentruyen.rules.docs import merge

DOC = ROOT / "docs" / "plan-format.md"


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def kinds() -> tuple[str, str, list[str], list[str]]:
    blocks = yaml_blocks()
    plan = blocks[0]
    [registry] = [b for b in blocks if re.search(r"^units:\n  - id:", b, re.M)]
    whole = [b for b in blocks[1:] if b is not registry and b.lstrip().startswith("tt: 1")]
    fragments = [b for b in blocks[1:] if b is not registry and b not in whole]
    return plan, registry, whole, fragments


def test_annotated_example_and_registry_validate(tmp_path):
    plan, registry, _, _ = kinds()
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "2023.yaml").write_text(plan, encoding="utf-8")
    (plans / "units.yaml").write_text(registry, encoding="utf-8")
    res = run_tt("validate", "--schema-only", "plans", cwd=tmp_path)
    assert res.code == 0, res.text
    assert "TT-" not in res.out, res.out  # not even a warning (TT-R013 on the registry, TT-S007)


def test_every_example_of_format_1_1_validates(tmp_path):
    plan, _, whole, fragments = kinds()
    assert len(whole) >= 2 and len(fragments) >= 3
    base = yaml.safe_load(plan)
    for i, block in enumerate(fragments):
        assert block.startswith("# ghép lên ví dụ đầy đủ"), block[:60]
        text = yaml.safe_dump(merge(base, yaml.safe_load(block)), allow_unicode=True, sort_keys=False)
        path = tmp_path / f"fragment-{i}.yaml"
        path.write_text(text, encoding="utf-8")
        res = run_tt("validate", "--schema-only", str(path), cwd=tmp_path)
        assert res.code == 0 and "TT-" not in res.out, (block, res.text)
    for i, block in enumerate(whole):
        path = tmp_path / f"whole-{i}.yaml"
        path.write_text(block, encoding="utf-8")
        res = run_tt("validate", "--schema-only", str(path), cwd=tmp_path)
        assert res.code == 0 and "TT-" not in res.out, (block[:200], res.text)


def test_every_code_of_the_loading_stage_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for code in [f"TT-Y00{i}" for i in range(1, 10)] + [f"TT-S00{i}" for i in range(1, 8)]:
        assert f"| {code} |" in text, code
