"""`tt render` as a user runs it: outputs, errors, configuration, templates, safety of files."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_tt
from tests.render.docx_reader import MM, Doc, norm, row_cells
from tests.render.support import PLAN_DIR


@pytest.fixture
def project(tmp_path) -> Path:
    """A plan repository: plans/ha-giang/2023.yaml (a Quyết định) and plans/kh.yaml (a Kế hoạch)."""
    (tmp_path / "plans" / "ha-giang").mkdir(parents=True)
    shutil.copy(PLAN_DIR / "qd-ha-giang.yaml", tmp_path / "plans" / "ha-giang" / "2023.yaml")
    shutil.copy(PLAN_DIR / "kh-quang-ngai.yaml", tmp_path / "plans" / "kh.yaml")
    (tmp_path / "plans" / "units.yaml").write_text("tt: 1\nunits: []\n", encoding="utf-8")
    return tmp_path


def test_every_plan_to_build_by_default(project):
    r = run_tt("render", cwd=project)
    assert r.code == 0, r.text
    assert (project / "build" / "ha-giang-2023.docx").is_file()
    assert (project / "build" / "kh.docx").is_file()
    assert "Đã xuất build/ha-giang-2023.docx" in r.out
    assert not list((project / "build").glob(".*"))  # no temporary file left behind
    assert not (project / "build" / "units.docx").exists()


def test_one_plan_with_output(project):
    r = run_tt("render", "plans/kh.yaml", "--docx", "-o", "out/ke-hoach.docx", cwd=project)
    assert r.code == 0, r.text
    doc = Doc(project / "out" / "ke-hoach.docx")
    assert doc.find(r"^Số: 25/KH-UBND$")


def test_output_folder_for_several_plans(project):
    r = run_tt("render", "-o", "ban-in/", cwd=project)
    assert r.code == 0, r.text
    assert sorted(p.name for p in (project / "ban-in").iterdir()) == ["ha-giang-2023.docx", "kh.docx"]


def test_one_output_file_for_several_plans_is_a_usage_error(project):
    r = run_tt("render", "-o", "mot-tep.docx", cwd=project)
    assert r.code == 2
    assert "chỉ dùng một tệp đích" in r.err and "gợi ý:" in r.err


def test_invalid_plan_reports_its_problems_and_renders_the_others(project):
    bad = project / "plans" / "hong.yaml"
    text = (PLAN_DIR / "kh-quang-ngai.yaml").read_text(encoding="utf-8").replace("  symbol: KH-UBND\n", "")
    bad.write_text(text, encoding="utf-8")
    r = run_tt("render", cwd=project)
    assert r.code == 1
    assert "plans/hong.yaml:" in r.out and "TT-S" in r.out and "symbol" in r.out
    assert not (project / "build" / "hong.docx").exists()
    assert (project / "build" / "kh.docx").is_file()
    assert "có lỗi nên chưa xuất văn bản" in r.err


def test_missing_file_is_exit_2(project):
    r = run_tt("render", "plans/khong-co.yaml", cwd=project)
    assert r.code == 2
    assert "khong-co.yaml" in r.text


def test_pdf_without_libreoffice_is_a_clear_error(project):
    r = run_tt("render", "plans/kh.yaml", "--pdf", cwd=project, env={"TT_SOFFICE": "/khong/co/soffice"})
    assert r.code == 2
    assert "Không tìm thấy LibreOffice" in r.err
    assert "apt-get install libreoffice-writer" in r.err and "tt render --docx" in r.err
    assert not (project / "build").exists()  # nothing half done


def test_failed_render_leaves_the_previous_file_untouched(project):
    r = run_tt("render", "plans/kh.yaml", cwd=project)
    assert r.code == 0
    target = project / "build" / "kh.docx"
    before = target.read_bytes()
    (project / "templates").mkdir()
    (project / "templates" / "recipients.j2").write_text("{% for x in %}", encoding="utf-8")  # broken
    r = run_tt("render", "plans/kh.yaml", cwd=project)
    assert r.code == 2
    assert "recipients.j2" in r.err and "gợi ý:" in r.err
    assert target.read_bytes() == before
    assert [p.name for p in (project / "build").iterdir()] == ["kh.docx"]


def test_repository_templates_override_the_wording(project):
    (project / "templates").mkdir()
    (project / "templates" / "phrases.j2").write_text(
        '{% macro column(name) %}{% if name == "stt" %}TT{% else %}'
        '{% import "tt/phrases.j2" as goc %}{{ goc.column(name) }}{% endif %}{% endmacro %}\n', encoding="utf-8")
    (project / "templates" / "recipients.j2").write_text(
        "{% for r in recipients %}\n- {{ r }};\n{% endfor %}\n- Lưu: {{ archive|join(', ') }}, HS.\n",
        encoding="utf-8")
    r = run_tt("render", "plans/kh.yaml", cwd=project)
    assert r.code == 0, r.text
    doc = Doc(project / "build" / "kh.docx")
    header = [norm(c.text) for c in row_cells(doc.tables()[-1].rows[0])]
    assert header[:2] == ["TT", "Nội dung"]  # only the STT heading changed
    assert doc.find(r"^- Lưu: VT, KSTTHC, HS\.$")
    assert doc.find(r"^Nơi nhận:$")  # the other phrases come from tt's own template


def test_a_repository_template_runs_in_a_sandbox(project):
    (project / "templates").mkdir()
    (project / "templates" / "signer.j2").write_text("{{ position.__class__.__mro__ }}\n", encoding="utf-8")
    r = run_tt("render", "plans/kh.yaml", cwd=project)
    assert r.code == 2
    assert "templates/signer.j2:1:1: lỗi TT-E009:" in r.err and "môi trường an toàn" in r.err
    assert "unsafe" not in r.err and "Traceback" not in r.text


ENGLISH = re.compile(r"\b(?:is|the|of|not|undefined|unexpected|expected|error|object|division|Error|got|tag|end)\b")


@pytest.mark.parametrize("template, line, what", [
    ("{{ 1 // 0 }}\n", 1, "chia cho 0"),
    ("dòng một\n{% for x in %}\n", 2, "sai cú pháp Jinja2"),
    ("a\n{% if position %}\n", 2, "mẫu kết thúc khi một khối còn mở"),
    ("{{ khong_co_bien }}\n", 1, "'khong_co_bien'"),
    ("{{ position | khong_co_loc }}\n", 1, "bộ lọc (filter) tên 'khong_co_loc'"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}\n", 1, "gọi lồng nhau không dừng"),
    ("{{ 'x' * 100000000 }}\n", 1, "quá 2.000.000 ký tự"),
    ("{% for i in range(100000) %}{{ 'y' * 100 }}{% endfor %}\n", 1, "in ra quá 2.000.000 ký tự"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n", 1, "chạy quá 5 giây"),
    (b"Ch\xfa t\xe1ch {{ position }}\n".decode("latin-1"), 1, "không được lưu ở mã UTF-8"),
])
def test_every_template_failure_is_located_and_in_vietnamese(project, template, line, what):
    (project / "templates").mkdir()
    path = project / "templates" / "signer.j2"
    if "không được lưu ở mã UTF-8" in what:
        path.write_bytes(template.encode("latin-1"))
    else:
        path.write_text(template, encoding="utf-8")
    r = run_tt("render", "plans/kh.yaml", "-o", "out.docx", cwd=project)
    assert r.code == 2, r.text
    message = next(x for x in r.err.splitlines() if "TT-E009" in x)
    assert message.startswith(f"templates/signer.j2:{line}:1: lỗi TT-E009: mẫu câu chữ signer.j2 "), message
    assert what in message
    assert not ENGLISH.search(message.split("TT-E009:", 1)[1]), message
    assert "gợi ý:" in r.err and "Traceback" not in r.text and "lỗi nội bộ" not in r.text
    assert not (project / "out.docx").exists()


def test_layout_figures_from_the_config_within_the_decree(project):
    (project / "tt.toml").write_text("[render.layout]\nmargin_left_mm = 35\nbody_size = 13\n", encoding="utf-8")
    r = run_tt("render", "plans/kh.yaml", cwd=project)
    assert r.code == 0, r.text
    doc = Doc(project / "build" / "kh.docx")
    assert all(round(s.left_margin / MM) == 35 for s in doc.d.sections)
    assert doc.default_size == 13
    (project / "tt.toml").write_text("[render.layout]\nmargin_left_mm = 40\n", encoding="utf-8")
    r = run_tt("render", "plans/kh.yaml", cwd=project)
    assert r.code == 2
    assert "margin_left_mm" in r.err and "30 đến 35" in r.err
    (project / "tt.toml").write_text("[render.layout]\nmargin_lef_mm = 30\n", encoding="utf-8")
    r = run_tt("render", "plans/kh.yaml", cwd=project)
    assert r.code == 2 and "margin_left_mm" in r.err  # did you mean
    (project / "tt.toml").write_text("[render\n", encoding="utf-8")
    r = run_tt("render", "plans/kh.yaml", cwd=project)
    assert r.code == 2 and "TT-K001" in r.err and "cú pháp TOML" in r.err and "Traceback" not in r.text


def test_unit_columns_from_the_config(project):
    (project / "tt.toml").write_text('[render]\nunits = "combined"\n', encoding="utf-8")
    r = run_tt("render", "plans/kh.yaml", cwd=project)
    assert r.code == 0, r.text
    doc = Doc(project / "build" / "kh.docx")
    header = [norm(c.text) for c in row_cells(doc.tables()[-1].rows[0])]
    assert header == ["STT", "Nội dung", "Cơ quan, đơn vị thực hiện", "Thời gian thực hiện"]
    first = row_cells(doc.tables()[-1].rows[2])
    assert [p.text for p in first[2].paragraphs] == [
        "- Chủ trì: Các sở, ban ngành; UBND huyện, thị xã, thành phố;", "- Phối hợp: Các cơ quan thông tấn báo chí."]
    (project / "tt.toml").write_text('[render]\nunits = "both"\n', encoding="utf-8")
    assert run_tt("render", "plans/kh.yaml", cwd=project).code == 2


def test_render_help_in_vietnamese():
    r = run_tt("render", "--help")
    assert r.code == 0
    assert "Nghị định 30/2020/NĐ-CP" in norm(r.out) and "--pdf" in r.out


def test_heavy_libraries_load_only_for_render():
    code = ("import sys, tuyentruyen.cli.app; "
            "print(sorted(m for m in ('docx', 'lxml', 'jinja2', 'tuyentruyen.render') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_templates_come_from_the_plans_own_repository(project, tmp_path_factory):
    """Wherever tt runs, a plan is rendered with its own repository's templates/ (as `tt render --report`
    and lint take its tt.toml), never with those of the folder tt runs in; outputs still go there."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "plans").mkdir()
    (elsewhere / "templates").mkdir()
    (elsewhere / "templates" / "signer.j2").write_text("{{ khong_co_bien_nay.x }}\n", encoding="utf-8")
    (project / "templates").mkdir()
    (project / "templates" / "signer.j2").write_text("CHỮ KÝ CỦA KHO\n{{ position|upper }}\n", encoding="utf-8")
    plan = project / "plans" / "kh.yaml"
    r = run_tt("render", str(plan), "--docx", "-o", "out.docx", cwd=elsewhere)
    assert r.code == 0, r.text
    assert Doc(elsewhere / "out.docx").find(r"^CHỮ KÝ CỦA KHO$")
    # a plan outside any repository gets tt's own templates, not those of the folder tt runs in
    loose = tmp_path_factory.mktemp("loose")
    shutil.copy(plan, loose / "2024.yaml")
    shutil.copy(project / "plans" / "units.yaml", loose / "units.yaml")
    r = run_tt("render", str(loose / "2024.yaml"), "--docx", "-o", "loose.docx", cwd=elsewhere)
    assert r.code == 0, r.text
    assert not Doc(elsewhere / "loose.docx").find_all(r"^CHỮ KÝ CỦA KHO$")
