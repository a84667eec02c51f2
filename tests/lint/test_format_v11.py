"""Lint on format 1.1: names cut by the commas of a flow list (TT-R013, in plans and in units.yaml),
the period of a multi-year plan (TT-D003), and the tasks of several appendices seen by every rule."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import ROOT, run_tt
from tests.lint.helpers import codes, lint_path, write_plan
from tuyentruyen.project.config import Config
from tuyentruyen.rules.docs import base_texts

BASE = base_texts()[0]
UNITS = base_texts()[1]
TASK = """    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      support: [Sở Tài chính]
      due: Quý II/2024
"""
assert TASK in BASE


def with_task(**fields: str) -> str:
    task = TASK
    for key, value in fields.items():
        task = re.sub(rf"^      {key}: .*$", f"      {key}: {value}", task, flags=re.MULTILINE)
    return BASE.replace(TASK, task)


def r013(problems):
    return [p for p in problems if p.code == "TT-R013"]


# ---------------------------------------------------------------- TT-R013 in a plan


def test_a_group_name_cut_by_commas_is_reported_at_its_fragment_with_the_quoted_fix(tmp_path):
    text = with_task(support="[Sở Tài chính, UBND các huyện, thành phố]")
    schema, found = lint_path(write_plan(tmp_path, text))
    assert not schema
    [p] = r013(found)
    line = next(i for i, ln in enumerate(text.split("\n"), 1) if "support: [Sở Tài chính, UBND" in ln)
    assert (p.line, p.col) == (line, text.split("\n")[line - 1].index("thành phố") + 1)
    assert "“UBND các huyện, thành phố”" in p.message and "trong sổ đơn vị" in p.message  # the registry's group
    assert '- "UBND các huyện, thành phố"' in p.hint


def test_bare_words_are_fragments_even_without_a_registry_name(tmp_path):
    text = with_task(support="[UBND các xã, phường, đặc khu]")
    [p] = r013(lint_path(write_plan(tmp_path, text, units_text=UNITS))[1])
    assert "“UBND các xã”, “phường”, “đặc khu”" in p.message and "trong sổ đơn vị" not in p.message
    assert '- "UBND các xã, phường, đặc khu"' in p.hint


@pytest.mark.parametrize("support", [
    '[Sở Tài chính, "UBND các huyện, thành phố"]',  # quoted: one item
    "UBND các huyện, thành phố",  # a plain string is one name
    "[Sở Tài chính, Sở Tư pháp]",  # two units
    "[Đài Phát thanh - Truyền hình tỉnh, Báo Hà Giang]",
])
def test_what_is_not_a_cut_name(tmp_path, support):
    assert not r013(lint_path(write_plan(tmp_path, with_task(support=support)))[1])


def test_recipients_are_checked_too(tmp_path):
    block = BASE[BASE.index("  recipients:\n"):BASE.index("  archive:")]
    names = [ln.removeprefix("    - ") for ln in block.split("\n")[1:] if ln]
    text = BASE.replace(block, f"  recipients: [{', '.join(names)}]\n")
    schema, found = lint_path(write_plan(tmp_path, text))
    assert not schema
    [a, b] = r013(found)
    assert "“Các sở, ban, ngành”" in a.message and "“UBND các huyện, thành phố”" in b.message
    assert a.line == b.line == text.split("\n").index(f"  recipients: [{', '.join(names)}]") + 1


# ---------------------------------------------------------------- TT-R013 in units.yaml


OLD_DOCS_REGISTRY = """tt: 1
issuer: Ủy ban nhân dân tỉnh Hà Giang
units:
  - id: so-noi-vu
    name: Sở Nội vụ
    kind: so
    groups: [cac-so-ban-nganh]
  - id: cac-so-ban-nganh
    name: Các sở, ban, ngành
    aliases: [Các sở, ban ngành]
    kind: nhom
"""


def test_the_old_docs_registry_example_is_reported(tmp_path):
    """docs/plan-format.md used to register the alias "ban ngành" this way (format 1)."""
    path = tmp_path / "units.yaml"
    path.write_text(OLD_DOCS_REGISTRY, encoding="utf-8")
    res = run_tt("validate", "--format", "json", str(path), cwd=tmp_path)
    found = json.loads(res.out)["problems"]
    [p] = [x for x in found if x["code"] == "TT-R013"]
    assert p["severity"] == "warning" and p["line"] == 10 and p["col"] == len("    aliases: [Các sở, ") + 1
    assert "“ban ngành”" in p["message"] and '- "Các sở, ban ngành"' in p["hint"]


def test_docs_registry_example_now_writes_the_alias_right():
    text = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    assert "aliases: [Các sở, ban ngành]" not in text


def test_a_registry_alias_cut_at_a_bare_word(tmp_path):
    path = tmp_path / "units.yaml"
    path.write_text(OLD_DOCS_REGISTRY.replace("[Các sở, ban ngành]", "[Các sở, ban, ngành thành phố]"), "utf-8")
    found = json.loads(run_tt("validate", "--format", "json", str(path), cwd=tmp_path).out)["problems"]
    [p] = [x for x in found if x["code"] == "TT-R013"]
    assert "“ban”, “ngành thành phố”" in p["message"] and '- "Các sở, ban, ngành thành phố"' in p["hint"]


def test_case_variants_listed_as_aliases_are_not_cut_names(tmp_path):
    path = tmp_path / "units.yaml"
    path.write_text(OLD_DOCS_REGISTRY.replace("[Các sở, ban ngành]",
                                              "[Cơ sở đào tạo bồi dưỡng, cơ sở đào tạo bồi dưỡng]"), "utf-8")
    found = json.loads(run_tt("validate", "--format", "json", str(path), cwd=tmp_path).out)["problems"]
    assert not [x for x in found if x["code"] == "TT-R013"]


# ---------------------------------------------------------------- TT-D003 and the period


def test_d003_checks_the_period_of_a_multi_year_plan(tmp_path):
    multi = BASE.replace("  year: 2024\n", "  year: 2024\n  period: {first: 2024, last: 2026}\n")
    schema, found = lint_path(write_plan(tmp_path / "a", multi.replace("due: Quý II/2024", "due: Quý IV/2026")))
    assert not schema and "TT-D003" not in codes(found)
    schema, found = lint_path(write_plan(tmp_path / "b", multi.replace("due: Quý II/2024", "due: Quý I/2027")))
    [p] = [x for x in found if x.code == "TT-D003"]
    assert "ngoài giai đoạn 2024–2026 của kế hoạch" in p.message and "period" in p.hint
    # the same time in a plan of one year is outside it
    schema, found = lint_path(write_plan(tmp_path / "c", BASE.replace("due: Quý II/2024", "due: Quý IV/2026")))
    [p] = [x for x in found if x.code == "TT-D003"]
    assert "ngoài năm kế hoạch 2024" in p.message and "period: {first: 2024, last: 2026}" in p.hint


# ---------------------------------------------------------------- several appendices


def test_rules_see_the_tasks_of_every_appendix(tmp_path):
    app = BASE[BASE.index("appendix:\n"):]
    second = ("  - title: LỊCH TUYÊN TRUYỀN THEO QUÝ\n    tasks:\n      - id: quy-3\n"
              "        content: Tuyên truyền về dịch vụ công trực tuyến\n        lead: Sở Nội vụ\n")  # no time
    first = "\n".join(("  " + ln if ln else ln) for ln in app.split("\n")[1:]).replace("    title:", "  - title:", 1)
    text = BASE[:BASE.index("appendix:\n")] + "appendices:\n" + first.rstrip("\n") + "\n" + second
    schema, found = lint_path(write_plan(tmp_path, text))
    assert not schema, [p.message for p in schema]
    [p] = [x for x in found if x.code == "TT-D005"]  # a task with no time, in Phụ lục II
    assert p.line == text.split("\n").index("      - id: quy-3") + 1 or p.path[:2] == ("appendices", 1)
    assert "(Phụ lục II)" in p.message


def test_the_sample_of_format_1_1_is_clean_with_every_rule(tmp_path):
    import shutil

    shutil.copytree(ROOT / "plans" / "tuyen-quang", tmp_path / "plans" / "tuyen-quang")
    (tmp_path / "tt.toml").write_text('[lint]\nselect = ["ALL"]\n', encoding="utf-8")
    res = run_tt("validate", "--format", "json", cwd=tmp_path)
    found = json.loads(res.out)["problems"]
    assert res.code == 0 and not found, [(p["line"], p["code"], p["message"]) for p in found]


def test_lint_config_selects_r013(tmp_path):
    text = with_task(support="[UBND các xã, phường]")
    assert not r013(lint_path(write_plan(tmp_path, text), Config(ignore=("TT-R013",)))[1])
