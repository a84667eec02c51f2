"""The round-trip property: `import(render(plan))` gives back the plan (same model, ids aside).

Every sample plan of plans/, every plan of the render tests and the seed fixtures, plans of
benchmarks/generate.py of several sizes, and plans drawn by hypothesis (tests/importer/plans.py)
are rendered by tt, imported back (the YAML really written, read back by tt's loader) and
compared through `support.canonical`, which sets aside only what a printed .docx does not carry
(listed in support's docstring and docs/import.md).

The importer is given the unit registry the plan is used with (its units.yaml; for a plan
without one, a registry naming each unit the plan names): a repository that imports into it
has one. Without a registry the one thing that may differ is how a line naming several units
is split; a test below pins that down.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from tests.importer.support import ROOT, compare, import_bytes, render, round_trip
from tuyentruyen import api

SAMPLES = sorted(p for p in (ROOT / "plans").rglob("*.yaml")
                 if not api.is_registry_file(p) and not p.name.endswith(".progress.yaml"))
OTHERS = sorted([*(ROOT / "tests" / "render" / "plans").glob("*.yaml"),
                 *(ROOT / "tests" / "fixtures" / "seeds").glob("*/20??.yaml")])


def _registry_for(plan_path: Path, tmp_path: Path) -> Path:
    """The plan's registry, or one that names every unit the plan names (as written)."""
    own = api.find_registry(plan_path)
    if own is not None and own.exists():
        return own
    return _registry_of(yaml.safe_load(plan_path.read_text("utf-8")), tmp_path)


def _registry_of(data: dict, folder: Path) -> Path | None:
    """The registry tt import writes for the units a plan names (each spelling kept)."""
    from tuyentruyen.edit.importer.registry import registry_data, responsibility_names

    names = responsibility_names(data)
    if not names:
        return None
    path = folder / "units.yaml"
    path.write_text(yaml.safe_dump(registry_data(names, None)[0], allow_unicode=True), "utf-8")
    return path


@pytest.mark.parametrize("plan", SAMPLES, ids=[str(p.relative_to(ROOT / "plans")) for p in SAMPLES])
def test_every_sample_comes_back_from_its_docx(plan, tmp_path):
    assert round_trip(plan, _registry_for(plan, tmp_path)) == []


@pytest.mark.parametrize("plan", OTHERS, ids=[str(p.relative_to(ROOT / "tests")) for p in OTHERS])
def test_render_and_seed_plans_come_back(plan, tmp_path):
    assert round_trip(plan, _registry_for(plan, tmp_path)) == []


@pytest.mark.parametrize("n, seed", [(1, 1), (24, 2), (60, 3), (300, 4)])
def test_generated_plans_come_back(n, seed, tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import write_plan

    plan = write_plan(n, tmp_path / "p" / "plan.yaml", seed=seed, per_group=7 + seed)
    assert round_trip(plan, plan.parent / "units.yaml") == []


def test_structured_citations_come_back_structured():
    """A structured căn cứ of a sample is read back into the same fields, not kept as text."""
    for plan in SAMPLES:
        original = api.load_plan(plan).plan
        _result, loaded = import_bytes(render(plan), plan.name)
        before = [c for c in original.document.bases + original.plan.implements if c.text is None]
        after = {(c.number, c.date) for c in loaded.plan.document.bases + loaded.plan.plan.implements if c.text is None}
        assert {(c.number, c.date) for c in before} <= after, plan


def test_without_a_registry_only_unit_splits_may_differ():
    """No registry to tell "Các sở, ban, ngành, UBND các huyện, thành phố" (one group) from two
    units: the importer splits at the start of each unit name, and says so in a comment."""
    plan = ROOT / "plans" / "ha-giang" / "2023.yaml"
    original = api.load_plan(plan).plan
    result, loaded = import_bytes(render(plan), "2023.docx")
    diffs = compare(original, loaded.plan)
    assert diffs, "the sample's group name is split without its registry"
    assert all(".lead" in d or ".support" in d for d in diffs), diffs
    split_notes = [n for n in result.notes if n.code == "TT-I003" and n.path[-1:] == ("lead",)]
    assert split_notes and "tách" in split_notes[0].message


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=__import__("tests.importer.plans", fromlist=["plans"]).plans())
def test_generated_plans_of_every_shape_come_back(data, tmp_path_factory):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    loaded = api.load_plan_bytes(text.encode("utf-8"), "plan.yaml")
    assert loaded.plan is not None, [p.message for p in loaded.problems]
    rendered = api.render_docx(loaded)
    assert rendered.ok, rendered.problems
    registry = _registry_of(data, tmp_path_factory.mktemp("reg"))
    _result, back = import_bytes(rendered.data, "plan.docx", registry)
    assert back.plan is not None, [f"{p.line}: {p.message}" for p in back.problems][:5]
    assert compare(loaded.plan, back.plan) == []


@pytest.mark.parametrize("columns", ["two-level", "separate", "combined"])
@pytest.mark.parametrize("name", ["ha-giang/2023.yaml", "tuyen-quang/2026-2030.yaml"])
def test_every_unit_column_layout_comes_back(name, columns, tmp_path):
    """tt.toml's [render] units (one "Cơ quan thực hiện" over "Chủ trì | Phối hợp", two columns,
    one column with "- Chủ trì: …" labels), and more units than a line holds (printed one a
    line, "+ …;", under the label), with the fields few tasks fill printed in the content cell."""
    import shutil

    source = ROOT / "plans" / name
    data = yaml.safe_load(source.read_text("utf-8"))
    registry = yaml.safe_load((source.parent / "units.yaml").read_text("utf-8"))
    names = [u["name"] for u in registry["units"]][:9]
    appendix = data.get("appendix") or data["appendices"][0]
    first = (appendix.get("groups") or [appendix])[0]["tasks"][0]
    first["lead"], first["support"] = names[:5], names[5:9]
    plan = tmp_path / source.name
    plan.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    shutil.copy(source.parent / "units.yaml", tmp_path / "units.yaml")
    (tmp_path / "tt.toml").write_text(f'[render]\nunits = "{columns}"\n', "utf-8")
    assert round_trip(plan, tmp_path / "units.yaml") == []
