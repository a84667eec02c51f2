"""Proof on real plans: every real mistake kept in the uncorrected seed fixtures is reported at its
line by a rule of the right family, and the corrected sample plans lint clean.

tests/fixtures/seeds/<name>/<year>.errors.yaml lists each mistake the published document carries
(line, kind, text); `representable: false` marks a mistake the format cannot hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, PLANS, run_tt
from tuyentruyen import api
from tuyentruyen.project.config import Config
from tuyentruyen.rules import lint_loaded

SEEDS = sorted((FIXTURES / "seeds").glob("*/*.errors.yaml"))
CORRECTED = sorted(p for p in PLANS.glob("*/*.yaml") if not api.is_registry_file(p))

# the family of rules that must report each kind of mistake
FAMILY = {
    "impossible-date": "D", "date-outside-year": "D", "date-before-plan": "D", "missing-time": "D",
    "reversed-range": "D", "unreadable-time": "D", "holiday": "D", "weekend": "D",
    "unit-variant": "R", "multiple-leads": "R", "missing-lead": "R", "lead-and-support": "R",
    "unknown-unit": "R", "duplicate-unit": "R", "unit-validity": "R", "recipients": "R",
    "cross-reference": "C", "symbol-type": "C", "malformed-symbol": "C", "symbol-spacing": "C",
    "citation-date": "C", "citation-conflict": "C", "parent-reference": "C",
    "typo": "T", "spacing": "T", "nfc": "T", "legacy-encoding": "T", "archive-format": "T",
    "capitalisation": "T",
}


def _path(text: str) -> tuple:
    """'appendix.groups[0].tasks[1].lead' → ('appendix', 'groups', 0, 'tasks', 1, 'lead')."""
    out: list = []
    for part in text.split("."):
        name, *idx = part.replace("]", "").split("[")
        out.append(name)
        out.extend(int(i) for i in idx)
    return tuple(out)


def _problems(plan: Path):
    loaded = api.load_plan(plan)
    assert loaded.plan is not None, [p.message for p in loaded.problems]
    return [*loaded.problems, *lint_loaded(loaded, Config())]


@pytest.mark.skipif(not SEEDS, reason="chưa có bản gốc nào trong tests/fixtures/seeds/")
@pytest.mark.parametrize("errors", SEEDS, ids=[p.parent.name for p in SEEDS])
def test_every_real_mistake_is_reported_at_its_line(errors):
    plan = errors.with_name(errors.name.replace(".errors", ""))
    found = _problems(plan)
    missed = []
    for entry in yaml.safe_load(errors.read_text("utf-8")):
        if entry.get("representable") is False:
            continue
        family = FAMILY.get(entry["kind"])
        assert family, f"loại lỗi chưa biết: {entry['kind']} (thêm vào FAMILY)"
        where = _path(entry["path"]) if entry.get("path") else None
        hit = [p for p in found if p.code.startswith(f"TT-{family}") and (
            p.line == entry["line"] or (where is not None and p.path[:len(where)] == where))]
        if not hit:
            missed.append((entry["line"], entry["kind"], entry.get("text")))
    assert not missed, f"{plan}: không quy tắc nào báo: {missed}"


@pytest.mark.skipif(not CORRECTED, reason="chưa có kế hoạch mẫu nào trong plans/")
@pytest.mark.parametrize("plan", CORRECTED, ids=[p.parent.name for p in CORRECTED])
def test_corrected_sample_plan_lints_clean(plan):
    res = run_tt("lint", str(plan), "--format", "json")
    import json

    problems = json.loads(res.out)["problems"]
    assert res.code == 0 and not problems, [(p["line"], p["code"], p["message"]) for p in problems]
