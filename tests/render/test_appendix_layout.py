"""A fuller appendix (issue 13): tall rows may break across pages, short ones never; group rows
stay with their first task; the optional columns only when half the tasks fill them (else the
values go into the content cell, as the signed originals write them); long unit lists one unit a
line; the two-level header "Cơ quan thực hiện" over "Chủ trì | Phối hợp" as an option."""

from __future__ import annotations

import shutil

from docx.oxml.ns import qn

from tests.conftest import run_tt
from tests.render import stress
from tests.render.docx_reader import Doc, grid_span, norm, row_cells, row_flags
from tests.render.support import PLAN_DIR


def render_data(tmp_path, data: dict, toml: str | None = None) -> Doc:
    plan = stress.write(data, tmp_path / "plans", "plan.yaml")
    if toml is not None:
        (tmp_path / "tt.toml").write_text(toml, encoding="utf-8")
    out = tmp_path / "out.docx"
    r = run_tt("render", str(plan), "--docx", "-o", str(out), cwd=tmp_path)
    assert r.code == 0, r.text
    return Doc(out)


def test_tall_rows_may_break_short_rows_never_and_groups_stay_with_their_task(tmp_path):
    data = stress.many_rows(60, 3)
    long = data["appendix"]["groups"][0]["tasks"][1]
    long["content"] = " ".join(["Tuyên truyền nội dung cải cách hành chính trên các phương tiện thông tin."] * 25)
    doc = render_data(tmp_path, data)
    header, *rows = doc.tables()[-1].rows
    assert {"tblHeader", "cantSplit"} <= row_flags(header)
    groups = [r for r in rows if len(row_cells(r)) == 2]
    assert len(groups) == 3
    for g in groups:
        assert "cantSplit" in row_flags(g)
        for c in row_cells(g):
            assert c.paragraphs[0]._p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
    tall = next(r for r in rows if norm(row_cells(r)[1].text).startswith(norm(long["content"])[:60]))
    assert "cantSplit" not in row_flags(tall)  # about a third of a page: it may break
    short = [r for r in rows if r is not tall and len(row_cells(r)) > 2]
    assert all("cantSplit" in row_flags(r) for r in short)


def test_a_column_only_when_half_of_the_tasks_fill_it(tmp_path):
    data = stress.base()
    tasks = data["appendix"]["tasks"]
    for t in tasks:
        t.pop("quantity", None)
    tasks[1]["quantity"] = "02 hội nghị"  # one task of five: not a column, but in its content
    tasks[1]["budget"] = "20.000.000 đồng"
    doc = render_data(tmp_path, data)
    titles = [norm(c.text) for c in row_cells(doc.tables()[-1].rows[0])]
    assert "Số lượng" not in titles and "Kinh phí" not in titles
    cell = row_cells(doc.tables()[-1].rows[2])[1]
    assert [p.text for p in cell.paragraphs] == ["Cấp kinh phí chi tổ chức tuyên truyền CCHC (02 hội nghị)",
                                                "Kinh phí: 20.000.000 đồng."]
    for t in tasks[:3]:  # three of five: a column
        t["quantity"] = "01 lớp"
    doc = render_data(tmp_path / "b", data)
    header = [norm(c.text) for c in row_cells(doc.tables()[-1].rows[0])]
    assert "Số lượng" in header
    assert row_cells(doc.tables()[-1].rows[1])[header.index("Số lượng")].text == "01 lớp"


def test_the_threshold_is_a_layout_figure(tmp_path):
    data = stress.base()  # two tasks of five give a quantity
    doc = render_data(tmp_path, data, "[render.layout]\noptional_column_share = 0.4\n")
    assert "Số lượng" in [norm(c.text) for c in row_cells(doc.tables()[-1].rows[0])]
    (tmp_path / "tt.toml").write_text("[render.layout]\noptional_column_share = 2\n", encoding="utf-8")
    r = run_tt("render", str(tmp_path / "plans" / "plan.yaml"), "-o", str(tmp_path / "x.docx"), cwd=tmp_path)
    assert r.code == 2 and "optional_column_share" in r.err and "0 đến 1" in r.err


def test_fifteen_supporting_units_one_per_line(tmp_path):
    doc = render_data(tmp_path, stress.many_units())
    cell = row_cells(doc.tables()[-1].rows[2])[3]  # the combined "Cơ quan, đơn vị thực hiện" column
    lines = [p.text for p in cell.paragraphs]
    assert lines[:2] == ["- Chủ trì: Sở Tài chính;", "- Phối hợp:"]
    assert lines[2:] == [f"+ {u};" for u in stress.UNITS_15[:-1]] + [f"+ {stress.UNITS_15[-1]}."]
    short = [p.text for p in row_cells(doc.tables()[-1].rows[1])[3].paragraphs]
    assert short == ["- Chủ trì: Các sở, ban, ngành, UBND các huyện, thành phố;",
                     "- Phối hợp: Đài Phát thanh và truyền hình tỉnh; Báo Hà Giang."]  # two units: one line


def test_two_level_header_as_an_option(tmp_path):
    (tmp_path / "plans").mkdir()
    shutil.copy(PLAN_DIR / "kh-quang-ngai.yaml", tmp_path / "plans" / "kh.yaml")
    (tmp_path / "tt.toml").write_text('[render]\nunits = "two-level"\n', encoding="utf-8")
    r = run_tt("render", "plans/kh.yaml", "-o", "out.docx", cwd=tmp_path)
    assert r.code == 0, r.text
    table = Doc(tmp_path / "out.docx").tables()[-1]
    top, bottom = table.rows[0], table.rows[1]
    assert "tblHeader" in row_flags(top) and "tblHeader" in row_flags(bottom)  # both repeat on every page
    top_cells = row_cells(top)
    assert [norm(c.text) for c in top_cells] == ["STT", "Nội dung", "Cơ quan thực hiện", "Thời gian thực hiện"]
    assert grid_span(top_cells[2]) == 2
    merged = [c._tc.tcPr.find(qn("w:vMerge")) for c in top_cells]
    assert [m.get(qn("w:val")) if m is not None else None for m in merged] == ["restart", "restart", None, "restart"]
    bottom_cells = row_cells(bottom)
    assert [norm(c.text) for c in bottom_cells] == ["", "", "Chủ trì", "Phối hợp", ""]
    assert all(c._tc.tcPr.find(qn("w:vMerge")) is not None for k, c in enumerate(bottom_cells) if k not in (2, 3))
    first = row_cells(table.rows[3])  # the first task under group I
    assert [p.text for p in first[2].paragraphs] == ["- Các sở, ban ngành;", "- UBND huyện, thị xã, thành phố."]


def test_three_hundred_rows_all_present(tmp_path):
    data = stress.many_rows(300, 6)
    doc = render_data(tmp_path, data)
    _header, *rows = doc.tables()[-1].rows
    assert len(rows) == 306
    numbers = [row_cells(r)[0].text for r in rows]
    assert numbers[:3] == ["I", "1", "2"] and numbers[-1] == "50"
    expected = [t["content"] for g in data["appendix"]["groups"] for t in g["tasks"]]
    assert [norm(row_cells(r)[1].text) for r in rows if len(row_cells(r)) > 2] == [norm(c) for c in expected]
