"""One repository configuration, honoured by every command (issue 9's "Done when").

A plans repository whose tt.toml names the registry (`units`), a templates folder
(`templates`), `[lint]` and `[render]` settings: validate, lint, render, diff, new and units
all read the same tt.toml through tuyentruyen.project.config, find the registry through the
one lookup (tuyentruyen.project.discover), resolve names with the one resolver
(tuyentruyen.vn.units) and judge days off with the one calendar (tuyentruyen.project.calendar).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_tt
from tuyentruyen.rules.docs import base_texts

PLAN, UNITS = base_texts()


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "kho"
    (repo / "plans").mkdir(parents=True)
    (repo / "data").mkdir()
    (repo / "mau").mkdir()
    # the registry lives where only tt.toml says: no units.yaml near the plan
    (repo / "data" / "don-vi.yaml").write_text(UNITS, encoding="utf-8")
    (repo / "data" / "ngay-nghi.yaml").write_text(
        "days:\n  - date: 19/12/2025\n    name: Kỷ niệm ngày thành lập tỉnh\n", encoding="utf-8")
    (repo / "mau" / "phrases.j2").write_text(
        '{% import "tt/phrases.j2" as goc %}'
        "{% macro recipients_label() %}Nơi nhận văn bản:{% endmacro %}", encoding="utf-8")
    (repo / "tt.toml").write_text(
        'units = "data/don-vi.yaml"\n'
        'templates = "mau"\n'
        "\n[lint]\n"
        'select = ["ALL"]\n'
        'ignore = ["TT-R009", "TT-R010"]\n'
        'holidays = ["data/ngay-nghi.yaml"]\n'
        "\n[lint.severity]\n"
        'TT-D005 = "warning"\n'
        "\n[render]\n"
        'units = "combined"\n'
        "\n[render.layout]\n"
        "margin_left_mm = 35\n", encoding="utf-8")
    plan = PLAN.replace("      due: Quý II/2024\n", "      due: trước ngày 19/12/2024\n")
    (repo / "plans" / "2024.yaml").write_text(plan, encoding="utf-8")
    return repo


def test_validate_and_lint_accept_every_key_and_use_the_configured_registry(tmp_path):
    repo = _repo(tmp_path)
    res = run_tt("validate", "--format", "json", cwd=repo)
    problems = json.loads(res.out)["problems"]
    codes = {p["code"] for p in problems}
    assert "TT-K001" not in codes, problems  # [render] is part of the one tt.toml schema
    assert "TT-R011" not in codes and "TT-R005" not in codes, problems  # the registry tt.toml names
    assert not codes & {"TT-R009", "TT-R010"}  # [lint] ignore
    assert res.code == 0, res.text


def test_render_uses_the_render_table_the_layout_and_the_templates_folder(tmp_path):
    repo = _repo(tmp_path)
    res = run_tt("render", "plans/2024.yaml", "-o", "build/kh.docx", cwd=repo)
    assert res.code == 0, res.text
    xml = zipfile.ZipFile(repo / "build" / "kh.docx").read("word/document.xml").decode("utf-8")
    assert "Nơi nhận văn bản:" in xml  # templates = "mau" (the top-level key documented for render)
    assert "w:left=\"1984\"" in xml  # margin_left_mm = 35 → 1984 twips
    # [render] units = "combined" (auto would choose two columns for a table without forms)
    assert "Cơ quan, đơn vị chủ trì" not in xml and "Chủ trì:" in xml


def test_diff_finds_the_registry_tt_toml_names_and_agrees_with_lint(tmp_path):
    repo = _repo(tmp_path)
    new = repo / "plans" / "2024-b.yaml"
    text = (repo / "plans" / "2024.yaml").read_text("utf-8")
    new.write_text(text.replace("      lead: Sở Nội vụ\n", "      lead: SNV\n"), encoding="utf-8")
    res = run_tt("diff", "--format", "json", "plans/2024.yaml", "plans/2024-b.yaml", cwd=repo)
    data = json.loads(res.out)
    changes = [c for f in data["files"] for c in f["changes"]]
    assert changes, res.out
    assert all(c.get("cosmetic") for c in changes), changes  # "SNV" is a short form of Sở Nội vụ
    lint = run_tt("lint", "--format", "json", "plans/2024-b.yaml", cwd=repo)
    assert "TT-R005" not in {p["code"] for p in json.loads(lint.out)["problems"]}


def test_new_moves_deadlines_off_the_repositorys_own_days_off(tmp_path):
    repo = _repo(tmp_path)
    res = run_tt("new", "--from", "plans/2024.yaml", cwd=repo)
    assert res.code == 0, res.text
    made = yaml.safe_load((repo / "plans" / "2025.yaml").read_text("utf-8"))
    due = made["appendix"]["tasks"][0]["due"]
    assert due == "trước ngày 18/12/2025", due  # 19/12/2025 is the province's day off (lint.holidays)
    assert "Kỷ niệm ngày thành lập tỉnh" in res.out
    assert "TT-D008" not in res.out  # and lint, judging by the same calendar, agrees


def test_units_lists_the_registry_tt_toml_names(tmp_path):
    repo = _repo(tmp_path)
    res = run_tt("units", "plans/2024.yaml", "--search", "noi vu", cwd=repo)
    assert res.code == 0, res.text
    assert "Sở Nội vụ" in res.out and "data/don-vi.yaml" in res.out


def test_a_broken_render_table_is_located_in_tt_toml(tmp_path):
    repo = _repo(tmp_path)
    toml = (repo / "tt.toml").read_text("utf-8").replace('units = "combined"', 'units = "rieng"')
    (repo / "tt.toml").write_text(toml, encoding="utf-8")
    for args in (("validate",), ("render", "plans/2024.yaml")):
        res = run_tt(*args, cwd=repo)
        assert res.code == 2, (args, res.text)
        line = toml.splitlines().index('units = "rieng"') + 1
        assert f"tt.toml:{line}:1" in res.text and "TT-K001" in res.text, (args, res.text)


@pytest.mark.parametrize("sample", sorted(p.parent.name for p in (Path(__file__).parents[2] / "plans").glob("*/units.yaml")))
def test_lint_and_diff_agree_on_every_alias_of_every_sample_registry(sample):
    """Every name of every unit (name, short, alias) resolves to that unit for lint, and diff
    calls a change between two of them cosmetic: the two commands share one resolver."""
    from tuyentruyen.diff.units import UnitNames, compare_units
    from tuyentruyen.loading.documents import load_registry
    from tuyentruyen.vn.units import UnitIndex

    root = Path(__file__).parents[2] / "plans" / sample
    registry = load_registry(root / "units.yaml").registry
    assert registry is not None
    index = UnitIndex(registry)
    names = UnitNames(index)
    for unit in registry.units:
        spellings = [unit.name, *unit.short, *unit.aliases]
        for spelling in spellings:
            found = index.resolve(spelling)
            assert found is not None and found.unit.id == unit.id, (spelling, found)
            assert names.unit_id(spelling) == unit.id
            result = compare_units([unit.name], [spelling], names, names)
            assert result["same_units"] and not result["added"] and not result["removed"], (spelling, result)
