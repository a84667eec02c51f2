"""`tt import` as a clerk runs it: the files it writes, the report, the refusals, the errors.

Every message is Vietnamese, located, with a code and what to do; no traceback; nothing is
written over an input or an existing plan (without --force); an existing registry is read,
never rewritten.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, ROOT, run_tt
from tuyentruyen import api

SEED = FIXTURES / "seed_texts"
HG = SEED / "004_1f5d7e236c7063e7.txt"
XL = SEED / "001_9a11ff433f0f1927.txt"


@pytest.fixture
def work(tmp_path):
    (tmp_path / "plans").mkdir()
    return tmp_path


def test_a_text_plan_becomes_a_valid_plan_and_its_registry(work):
    res = run_tt("import", str(HG), "-o", "plans/ha-giang.yaml", cwd=work)
    plan, units = work / "plans" / "ha-giang.yaml", work / "plans" / "units.yaml"
    assert plan.is_file() and units.is_file(), res.text
    assert res.code == 1, res.text  # the published document's real mistakes are lint errors
    assert "Đã nhập" in res.out and "15 nhiệm vụ" in res.out
    loaded = api.load_plan(plan)
    assert loaded.plan is not None and loaded.plan.is_decision
    assert api.load_registry(units).registry is not None
    text = plan.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert unicodedata.is_normalized("NFC", text)
    # tt's canonical layout: `tt fmt --check` has nothing to change
    assert run_tt("fmt", "--check", str(plan), cwd=work).code == 0


def test_every_guess_is_a_comment_on_its_line_and_a_line_of_the_report(work):
    res = run_tt("import", str(HG), "-o", "plans/hg.yaml", cwd=work)
    lines = (work / "plans" / "hg.yaml").read_text("utf-8").split("\n")
    reported = [line.strip() for line in res.out.split("\n")
                if re.match(r"^plans/hg\.yaml:\d+: ", line.strip())]  # lint's lines say line:col
    assert len(reported) > 10
    for line in reported:
        where, _, message = line.partition(": ")
        n = int(where.split(":")[1])
        code = message.split()[0]
        assert code.startswith("TT-I"), line
        assert "# tt import:" in lines[n - 1] and code in lines[n - 1], (line, lines[n - 1])
    # the misspelt label is kept in the value and commented on that line
    label = next(k for k, x in enumerate(lines) if "Chỉ trì: Sở Nội vụ" in x)
    assert "TT-I010" in lines[label]


def test_the_report_names_the_lint_findings_of_the_source(work):
    res = run_tt("import", str(XL), "-o", "plans/xl.yaml", cwd=work)
    assert "29/02/2023" in res.out and "TT-D001" in res.out, res.out[-3000:]
    assert "(Kèm theo" not in (work / "plans" / "xl.yaml").read_text("utf-8")


def test_an_existing_plan_is_not_overwritten_without_force(work):
    target = work / "plans" / "xl.yaml"
    target.write_text("# kế hoạch của cán bộ\n", "utf-8")
    res = run_tt("import", str(XL), "-o", str(target), cwd=work)
    assert res.code == 2 and "TT-I026" in res.err and "--force" in res.err
    assert target.read_text("utf-8") == "# kế hoạch của cán bộ\n"
    res = run_tt("import", str(XL), "-o", str(target), "--force", cwd=work)
    assert res.code in (0, 1) and "tt: 1" in target.read_text("utf-8")


def test_the_output_is_never_the_input(work):
    source = work / "plans" / "ke-hoach.yaml"
    source.write_bytes(XL.read_bytes())
    res = run_tt("import", str(source), "-o", str(source), "--force", cwd=work)
    assert res.code == 2 and "đầu vào" in res.err
    assert source.read_bytes() == XL.read_bytes()


def test_an_existing_registry_is_used_and_not_rewritten(work):
    registry = ROOT / "plans" / "ha-giang" / "units.yaml"
    mine = work / "plans" / "units.yaml"
    mine.write_bytes(registry.read_bytes())
    res = run_tt("import", str(HG), "-o", "plans/hg.yaml", cwd=work)
    assert "dùng sổ đơn vị có sẵn" in res.out
    assert mine.read_bytes() == registry.read_bytes()
    data = yaml.safe_load((work / "plans" / "hg.yaml").read_text("utf-8"))
    first = data["appendix"]["tasks"][0]
    # the registry knows the group "Các sở, ban, ngành, UBND các huyện, thành phố": not split
    assert first["lead"] == "Các sở, ban, ngành, UBND các huyện, thành phố"


def test_units_option_names_where_the_new_registry_goes(work):
    res = run_tt("import", str(XL), "-o", "plans/xl.yaml", "--units", "so-don-vi/xuan-loc.units.yaml", cwd=work)
    registry = work / "so-don-vi" / "xuan-loc.units.yaml"
    assert registry.is_file(), res.text
    data = yaml.safe_load((work / "plans" / "xl.yaml").read_text("utf-8"))
    assert data["units"] == "../so-don-vi/xuan-loc.units.yaml"
    names = [u["name"] for u in yaml.safe_load(registry.read_text("utf-8"))["units"]]
    assert "Phòng Nội vụ" in names


def test_the_default_output_is_under_plans(work):
    res = run_tt("import", str(XL), cwd=work)
    assert (work / "plans" / f"{XL.stem}.yaml").is_file(), res.text


@pytest.mark.parametrize("name, data, code, words", [
    ("ke-hoach.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "TT-I022", "--convert-to docx"),
    ("ke-hoach.pdf", b"%PDF-1.7\n", "TT-I022", ".txt"),
    ("hong.docx", b"PK\x03\x04 not really a zip", "TT-I023", "lưu lại"),
    ("cu.txt", "KÊ HOACH\nTuyên truyên".encode("cp1258"), "TT-I021", "UTF-8"),  # Windows-1258
    ("rong.txt", b"\n\n  \n", "TT-I024", "không có nội dung"),
])
def test_an_input_that_cannot_be_imported_is_a_located_vietnamese_error(work, name, data, code, words):
    source = work / name
    source.write_bytes(data)
    res = run_tt("import", str(source), "-o", "plans/x.yaml", cwd=work)
    assert res.code == 2, res.text
    assert code in res.err and words in res.err, res.err
    assert "Traceback" not in res.text and "gợi ý:" in res.err
    assert not (work / "plans" / "x.yaml").exists()


def test_a_missing_file_is_reported(work):
    res = run_tt("import", "khong-co.docx", cwd=work)
    assert res.code == 2 and "Không tìm thấy" in res.err and "Traceback" not in res.text


def test_a_text_in_utf16_from_notepad_imports(work):
    source = work / "notepad.txt"
    source.write_bytes(XL.read_text("utf-8").encode("utf-16"))
    res = run_tt("import", str(source), "-o", "plans/x.yaml", cwd=work)
    assert res.code in (0, 1), res.text
    assert "Nguyễn Thị Cát Tiên" in (work / "plans" / "x.yaml").read_text("utf-8")


def test_help_is_vietnamese():
    res = run_tt("import", "--help")
    assert res.code == 0 and "Nhập một văn bản Word" in res.out and "--force" in res.out


def test_a_docx_written_by_tt_round_trips_through_the_command(work):
    rendered = api.render_docx(ROOT / "plans" / "quang-ngai" / "2023.yaml")
    docx = work / "qn.docx"
    docx.write_bytes(rendered.data)
    (work / "plans" / "units.yaml").write_bytes((ROOT / "plans" / "quang-ngai" / "units.yaml").read_bytes())
    res = run_tt("import", str(docx), "-o", "plans/qn.yaml", cwd=work)
    assert res.code == 0, res.out[-2000:]
    out = work / "out.docx"
    assert run_tt("render", "plans/qn.yaml", "--docx", "-o", str(out), cwd=work).code == 0
    assert out.stat().st_size > 10_000


def test_the_report_counts_the_tasks_of_every_appendix(work):
    """A plan with several appendices (plan.appendices): the first line counts all their tasks."""
    source = ROOT / "plans" / "tuyen-quang" / "2026-2030.yaml"
    plan = api.load_plan(source).plan
    expected = sum(1 for _path, a in plan.all_appendices() for _gi, _ti, _g, _t in a.iter_tasks())
    assert len(plan.all_appendices()) > 1 and expected > 0
    docx = work / "tq.docx"
    docx.write_bytes(api.render_docx(source).data)
    (work / "plans" / "units.yaml").write_bytes((source.parent / "units.yaml").read_bytes())
    res = run_tt("import", str(docx), "-o", "plans/tq.yaml", cwd=work)
    assert res.code == 0, res.out[-2000:]
    assert f"{len(plan.plan.sections)} mục, {expected} nhiệm vụ)" in res.out.splitlines()[0]


_ = Path


def test_a_re_import_matches_the_first_by_task_id(work):
    """Ids come from the content: importing the document again gives the same file, and
    importing an edited copy changes only what was edited (so `tt diff` sees that one change)."""
    first = run_tt("import", str(HG), "-o", "plans/a.yaml", cwd=work)
    again = run_tt("import", str(HG), "-o", "plans/b.yaml", cwd=work)
    assert first.code == again.code
    a, b = (work / "plans" / "a.yaml").read_text("utf-8"), (work / "plans" / "b.yaml").read_text("utf-8")
    assert a == b
    edited = work / "sua.txt"
    edited.write_text(HG.read_text("utf-8").replace("\tQuý I/2023\n", "\tQuý II/2023\n"), "utf-8")
    run_tt("import", str(edited), "-o", "plans/c.yaml", cwd=work)
    diff = run_tt("diff", "plans/a.yaml", "plans/c.yaml", "--format", "json", cwd=work)
    import json

    changes = json.loads(diff.out)["files"][0]["changes"]
    assert diff.code == 1
    assert [(c["id"], c["matched_by"], [f["field"] for f in c["fields"]]) for c in changes] == \
        [("cap-kinh-phi-chi-to-chuc", "id", ["due"])]
