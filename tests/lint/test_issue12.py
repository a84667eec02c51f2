"""Issue 12, through `tt`: what real 2024–2025 plans got wrong that tt missed, sent to the wrong field
or said in English. Each test fails on the tt before the issue and passes after it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, ROOT, run_tt
from tests.lint.helpers import codes, lint_path, write_plan
from tuyentruyen.project.config import Config
from tuyentruyen.rules.docs import base_texts, example_plan

UNITS = base_texts()[1]


def run(tmp_path, fragment: str, config: Config | None = None):
    path = write_plan(tmp_path, example_plan(fragment), UNITS)
    schema, found = lint_path(path, config or Config())
    assert not schema, [p.message for p in schema]
    return found


def task(due: str, **fields) -> str:
    base = {"id": "nv", "content": "Tổ chức tập huấn nghiệp vụ cải cách hành chính", "lead": "Sở Nội vụ", "due": due}
    base.update(fields)
    return yaml.safe_dump({"appendix": {"title": "CÁC NHIỆM VỤ", "tasks": [base]}}, allow_unicode=True)


def validate_json(tmp_path: Path, text: str, name: str = "plan.yaml") -> tuple[int, list[dict], str]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    res = run_tt("validate", name, "--format", "json", cwd=tmp_path)
    text_res = run_tt("validate", name, cwd=tmp_path)
    return res.code, json.loads(res.out)["problems"], text_res.out + text_res.err


# ---------------------------------------------------------------- citations


@pytest.mark.parametrize("symbol, issuer", [("5104/BTTTT-PTTH&TTĐT", "Bộ Thông tin và Truyền thông"),
                                            ("2231/SNV-CCHC&PC", "Sở Nội vụ"), ("508/SNV-CCHC&PC", "Sở Nội vụ")])
def test_symbols_with_an_ampersand_are_right(tmp_path, symbol, issuer):
    found = run(tmp_path, yaml.safe_dump({"plan": {"sections": [{"heading": "Nội dung", "kind": "content", "items": [
        f"Thực hiện Công văn số {symbol} ngày 20/12/2023 của {issuer} về cải cách hành chính năm 2024."]}]}},
        allow_unicode=True))
    assert codes(found) == [], [(p.code, p.message) for p in found]


def test_a_stray_space_in_a_symbol_is_still_reported(tmp_path):
    found = run(tmp_path, yaml.safe_dump({"plan": {"intro": "Xét Tờ trình số 118/TTr- STTTT ngày 20/12/2023 của Sở "
                                                            "Thông tin và Truyền thông"}}, allow_unicode=True))
    assert codes(found) == ["TT-C001"] and "118/TTr-STTTT" in found[0].message


def _bases(date: str, *dates: str) -> str:
    return yaml.safe_dump({"document": {"date": date, "bases": [
        {"type": "Quyết định", "number": f"{100 + i}/QĐ-UBND", "date": d, "issuer": "UBND tỉnh",
         "subject": f"về nhiệm vụ số {i}"} for i, d in enumerate(dates)]}}, allow_unicode=True)


def test_c004_names_the_plans_date_when_it_is_before_most_of_what_it_cites(tmp_path):
    found = run(tmp_path, _bases("10/01/2023", "09/12/2023", "20/12/2023", "28/12/2023", "02/01/2024"))
    [p] = found
    assert p.code == "TT-C004" and p.path == ("document", "date")
    assert "5/5" in p.message and "document.date" in p.hint and "10/01/2024" in p.hint  # the 4 and the implemented plan


def test_c004_names_the_plans_date_when_it_falls_on_a_day_off(tmp_path):
    [p] = run(tmp_path, _bases("14/01/2024", "20/01/2024", "02/01/2024", "05/01/2024"))  # 14/01/2024: Sunday
    assert p.code == "TT-C004" and p.path == ("document", "date") and "Chủ nhật" in p.message


def test_c004_blames_the_citation_when_the_plans_date_is_plausible(tmp_path):
    found = run(tmp_path, _bases("15/01/2024", "28/12/2024", "20/12/2023", "02/01/2024"))
    [p] = found
    assert p.code == "TT-C004" and p.path == ("document", "bases", 0, "date")
    assert "document.date" in p.hint  # the other possibility is named too


def test_c003_compares_the_subjects_of_bases_written_as_text(tmp_path):
    found = run(tmp_path, yaml.safe_dump({"document": {"bases": [
        "Căn cứ Quyết định số 2250/QĐ-UBND ngày 09/12/2023 của UBND tỉnh về kế hoạch cải cách hành chính năm 2024;",
        "Căn cứ Quyết định số 2250/QĐ-UBND ngày 09/12/2023 của UBND tỉnh về kế hoạch cải cách hành chính tỉnh năm 2024;",
        "Căn cứ Quyết định số 2250/QĐ-UBND ngày 09/12/2023 của UBND tỉnh về phát triển chính quyền số;"]}},
        allow_unicode=True))
    [p] = found  # a reworded subject is the same one; a different subject is not
    assert p.code == "TT-C003" and p.path == ("document", "bases", 2) and "dòng" in p.message


@pytest.mark.parametrize("issuer, expected", [
    ("của Sở Nội vụ", ["TT-C008"]), ("của Ủy ban nhân dân tỉnh Hà Giang", []), ("của Chủ tịch UBND tỉnh", []),
    ("của UBND tỉnh", [])])
def test_c008_a_document_given_to_another_issuer(tmp_path, issuer, expected):
    found = run(tmp_path, yaml.safe_dump({"plan": {"sections": [{"heading": "Mục đích", "kind": "purpose", "items": [
        f"Triển khai Kế hoạch số 180/KH-UBND ngày 28/12/2023 {issuer} về cải cách hành chính."]}]}},
        allow_unicode=True))
    assert codes(found) == expected, [(p.code, p.message) for p in found]


# ---------------------------------------------------------------- time expressions through the rules


@pytest.mark.parametrize("due", ["Đầu năm", "Cuối quý", "Giữa tháng 6/2024", "Thứ Sáu hằng tuần", "Ngày 9/11 hằng năm",
                                 "Đợt 1: Quý II/2024; Đợt 2: Quý IV/2024", "Thực hiện trong quý III/2024",
                                 "Năm 2024 và các năm tiếp theo", "Tổ chức vào tháng 6/2024"])
def test_the_forms_real_plans_use_are_read(tmp_path, due):
    found = run(tmp_path, task(due))
    assert codes(found) == [], [(p.code, p.message) for p in found]


def test_a_question_is_unreadable_not_an_event(tmp_path):
    [p] = run(tmp_path, task("khi nào xong"))
    assert p.code == "TT-D004" and "câu hỏi" in p.message


def test_a_round_on_a_day_off_and_a_round_in_the_wrong_year(tmp_path):
    found = run(tmp_path, task("Đợt 1: trước ngày 15/3/2024; Đợt 2: trước ngày 02/9/2024"))
    assert codes(found) == ["TT-D008"] and "02/09/2024" in found[0].message
    assert found[0].col > 30  # at the date of the second round, not the first
    assert codes(run(tmp_path, task("Đợt 1: Quý II/2024; Đợt 2: Quý I/2025"))) == ["TT-D003"]


# ---------------------------------------------------------------- hints that agree


def test_r006_sends_a_variant_spelling_to_aliases_not_short(tmp_path):
    [p] = run(tmp_path, task("Quý III/2024", lead="Đài phát thanh và truyền hình tỉnh"))
    assert p.code == "TT-R006" and "`aliases`" in p.hint and "vào `short`" not in p.hint.replace("không ghi vào `short`", "")


def test_r007_and_r008_give_one_advice_on_a_unit_that_no_longer_exists(tmp_path):
    units = UNITS  # Sở Kế hoạch và Đầu tư: merged into Sở Tài chính on 01/3/2025
    text = example_plan(yaml.safe_dump({"document": {"date": "10/03/2025", "recipients": ["Bộ Nội vụ"]},
                                        "plan": {"year": 2025, "implements": []},
                                        "appendix": {"title": "NHIỆM VỤ", "tasks": [{
                                            "id": "bao-chi", "content": "Hướng dẫn báo chí tuyên truyền",
                                            "lead": "Sở Kế hoạch và Đầu tư", "due": "Quý II/2025"}]}},
                                       allow_unicode=True))
    schema, found = lint_path(write_plan(tmp_path, text, units))
    on_unit = [p for p in found if p.path == ("appendix", "tasks", 0, "lead", 0)]
    assert [p.code for p in on_unit] == ["TT-R007"], [(p.code, p.message) for p in on_unit]
    assert "Sở Tài chính" in on_unit[0].hint and "document.recipients" in on_unit[0].hint


def test_r005_on_a_label_copied_with_the_name(tmp_path):
    found = run(tmp_path, task("Quý II/2024", lead="Chỉ trì: Sở Nội vụ"))
    r005 = [p for p in found if p.code == "TT-R005"]
    assert r005 and "Bỏ nhãn “Chỉ trì:”" in r005[0].hint and "aliases" not in r005[0].hint
    assert "TT-T003" in codes(found)  # and the typo itself, at the same place


# ---------------------------------------------------------------- YAML errors in Vietnamese, located

ENGLISH = ("found", "expected", "while", "allowed", "character", "mapping", "scanning", "parsing", "document",
           "alias", "anchor", "token", "stream", "indicator", "directive")

BROKEN = {
    "tab-after-key": "tt: 1\nplan:\t\t- x\n", "colon": "tt: 1\ntitle: a: b\n", "indent": "tt: 1\nplan:\n  a: 1\n b: 2\n",
    "alias": "tt: 1\nplan: *x\n", "anchor-twice": "a: &x 1\nb: &x 2\n", "open-quote": "tt: 1\nplan: \"abc\n",
    "escape": "tt: 1\nplan: \"\\q\"\n", "control": "tt: 1\nplan: b\x07c\n", "two-documents": "tt: 1\n---\nb: 2\n",
    "flow-list": "tt: 1\nplan: [1, 2\nb: 3\n", "flow-map": "tt: 1\nplan: {x: 1\nb: 2\n", "at": "tt: 1\nplan: @x\n",
    "backtick": "tt: 1\nplan: `x\n", "directive": "%FOO\n---\na: 1\n", "anchor-name": "tt: 1\nplan: &\n",
    "block": "tt: 1\nplan: |x\n  b\n", "tag": "tt: 1\nplan: !<x\n", "tag-handle": "tt: 1\nplan: !foo!bar x\n",
    "yaml-version": "%YAML 2.0\n---\na: 1\n", "after-end": "a: 1\n...\nb\n", "seq-after-key": "tt: 1\nplan: - b\n",
    "key-indicator": "[a]: ? b\n", "indicator-0": "tt: 1\nplan: |0\n  x\n", "list-then-key": "- a\nb: 1\n",
    "unicode-escape": "tt: 1\nplan: \"\\u12\"\n", "tab-in-block": "tt: 1\nplan: |\n  a\n\tb\n",
    "long-key": "tt: 1\n" + "b" * 1100 + ": 2\n", "quote-then-document": "a: \"x\n---\n\"\n",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_every_yaml_syntax_error_is_in_vietnamese(tmp_path, name):
    code, problems, text = validate_json(tmp_path, BROKEN[name])
    assert code == 2 and problems and problems[0]["code"].startswith("TT-Y"), problems
    for p in problems:
        words = f"{p['message']} {p['hint']}".lower()
        assert not [w for w in ENGLISH if f" {w} " in f" {words} "], p
        assert p["line"] >= 1 and p["col"] >= 1 and p["hint"]
    assert "Traceback" not in text and "bộ phân tích báo" not in text


def test_an_unknown_libyaml_problem_falls_back_to_vietnamese():
    from tuyentruyen.loading.yamlpos import syntax_message

    message, hint = syntax_message("something libyaml may say one day", "while doing something new")
    assert "YAML" in message and "something" not in message + hint and hint


def test_the_indentation_hint_speaks_of_dashes_only_on_a_line_that_has_one(tmp_path):
    _, [p], _ = validate_json(tmp_path, "tt: 1\nplan:\n  - a\n  b: c\n")
    assert p["line"] == 4 and "không bắt đầu bằng '-'" in p["message"]
    _, [q], _ = validate_json(tmp_path, "tt: 1\nplan:\n  - a\n - b\n", name="b.yaml")
    assert q["line"] == 4 and "không bắt đầu bằng '-'" not in q["message"]


def test_a_tab_gets_a_source_excerpt(tmp_path):
    _, [p], text = validate_json(tmp_path, "tt: 1\ndocument:\n\ttype: ke-hoach\n")
    assert p["code"] == "TT-Y004"
    assert "   3 |  type: ke-hoach" in text and "     | ^" in text


def test_the_caret_spans_the_whole_unit_name(tmp_path):
    plan = write_plan(tmp_path, example_plan(task("Quý III/2024", lead="Đài phát thanh và truyền hình tỉnh")), UNITS)
    res = run_tt("lint", plan.name, cwd=tmp_path)
    lines = res.out.splitlines()
    at = next(i for i, line in enumerate(lines) if "TT-R006" in line)
    shown, caret = lines[at + 1], lines[at + 2]
    start = shown.index("Đài phát thanh")
    assert caret.index("^") == start and caret.rstrip().endswith("~")
    assert len(caret.rstrip()) - start == len("Đài phát thanh và truyền hình tỉnh")


def test_a_schema_error_caret_spans_the_whole_value(tmp_path):
    text = example_plan("document:\n  type: ke hoach tong hop\n")
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    res = run_tt("validate", "plan.yaml", cwd=tmp_path)
    lines = res.out.splitlines()
    at = next(i for i, line in enumerate(lines) if "type: ke hoach tong hop" in line)
    assert lines[at + 1].count("~") == len("ke hoach tong hop") - 1


# ---------------------------------------------------------------- render and lint together


@pytest.fixture
def seed_repo(tmp_path) -> Path:
    shutil.copytree(FIXTURES / "seeds" / "xuan-loc", tmp_path / "plans" / "xuan-loc")
    return tmp_path


def test_render_says_how_many_lint_errors_remain_and_still_writes(seed_repo):
    res = run_tt("render", "plans/xuan-loc/2024.yaml", "-o", "out.docx", cwd=seed_repo)
    assert res.code == 0 and (seed_repo / "out.docx").is_file(), res.text
    assert "plans/xuan-loc/2024.yaml còn 7 lỗi soát lỗi" in res.err
    assert "plans/xuan-loc/2024.yaml:115:31: lỗi TT-D001:" in res.err  # located, as `tt lint` says it
    assert "… và 2 lỗi khác" in res.err and "--strict" in res.err


def test_render_strict_refuses_to_write_while_errors_remain(seed_repo):
    res = run_tt("render", "plans/xuan-loc/2024.yaml", "-o", "out.docx", "--strict", cwd=seed_repo)
    assert res.code == 1 and not (seed_repo / "out.docx").exists(), res.text
    assert "chưa xuất văn bản" in res.err and "TT-D001" in res.err


def test_render_strict_writes_a_clean_plan(tmp_path):
    shutil.copytree(ROOT / "plans" / "xuan-loc", tmp_path / "plans" / "xuan-loc")
    res = run_tt("render", "plans/xuan-loc/2024.yaml", "-o", "out.docx", "--strict", cwd=tmp_path)
    assert res.code == 0 and (tmp_path / "out.docx").is_file() and "lỗi soát lỗi" not in res.err, res.text


def _action(repo: Path, **env) -> subprocess.CompletedProcess:
    out = repo.parent / "out"
    full = {"PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/bin", "/bin"]), "HOME": str(repo.parent),
            "GITHUB_EVENT_NAME": "push", "GITHUB_OUTPUT": str(out / "output.txt"), "TT_OUT_DIR": str(out), **env}
    out.mkdir(exist_ok=True)
    return subprocess.run(["bash", str(ROOT / "ci" / "github-action.sh")], cwd=repo, env=full, capture_output=True,
                          text=True, timeout=120)


def test_the_ci_action_strict_input_fails_on_warnings(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "plans" / "xuan-loc", repo / "plans" / "xuan-loc")
    plan = repo / "plans" / "xuan-loc" / "2024.yaml"
    text = plan.read_text("utf-8")
    assert "due: trước ngày 29/02/2024" in text
    plan.write_text(text.replace("due: trước ngày 29/02/2024", "due: truoc ngay 29/02/2024", 1), encoding="utf-8")
    assert _action(repo).returncode == 0  # a warning (TT-T011): the job stays green by default
    strict = _action(repo, TT_STRICT="true")
    assert strict.returncode == 1 and "::error title=tt::strict" in strict.stdout
    assert "exit-code=0" in (tmp_path / "out" / "output.txt").read_text("utf-8")  # tt validate itself said 0
    assert yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))["inputs"]["strict"]["default"] == "false"
