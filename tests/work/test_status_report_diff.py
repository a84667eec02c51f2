"""The worked example: the Hà Giang 2023 plan (a Quyết định issuing a Kế hoạch with its appendix) and
the Xuân Lộc 2024 plan (the newest sample; duties only) with progress at two dates of the year —
`tt status`, `tt render --report` read back with python-docx and as PDF pages, `tt diff` of progress."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import run_tt
from tests.work.helpers import DATA, PLANS, small_repo

MID = DATA / "ha-giang-2023-07-10.progress.yaml"
END = PLANS / "ha-giang" / "2023.progress.yaml"


def test_status_mid_year_names_the_late_task_per_unit():
    res = run_tt("status", str(MID), "--format", "json")
    assert res.code == 0, res.text
    plan = json.loads(res.out)["plans"][0]
    assert plan["as_of"] == "2023-07-10" and plan["overall"]["qua-han"] == 1
    late = [t for t in plan["tasks"] if t["state"] == "qua-han"]
    assert [(t["key"], t["due"], t["lead"]) for t in late] == [("tap-huan-lanh-dao", "2023-06-30", ["Sở Nội vụ"])]
    noi_vu = next(u for u in plan["units"] if u["name"] == "Sở Nội vụ")
    assert noi_vu["qua-han"] == 1 and noi_vu["total"] == sum(noi_vu[k] for k in
                                                            ("qua-han", "sap-den-han", "dang-thuc-hien",
                                                             "chua-thuc-hien", "khong-thuc-hien-duoc", "hoan-thanh"))


def test_status_year_end_and_as_of_override():
    res = run_tt("status", str(END), "--format", "json")
    plan = json.loads(res.out)["plans"][0]
    assert plan["overall"]["qua-han"] == 0 and plan["overall"]["khong-thuc-hien-duoc"] == 1
    assert plan["overall"]["hoan-thanh"] == 10
    # after the year, the continuous tasks not reported done are late
    res = run_tt("status", str(END), "--as-of", "05/01/2024", "--format", "json")
    after = json.loads(res.out)["plans"][0]
    assert after["overall"]["qua-han"] > 0 and after["overall"]["hoan-thanh"] == 10


def test_status_markdown_for_a_weekly_mail_and_text():
    md = run_tt("status", str(MID), "--format", "markdown").out
    assert "| **Toàn kế hoạch** |" in md and "### Quá hạn" in md and "tap-huan-lanh-dao" in md
    text = run_tt("status", str(MID)).out
    assert "Quá hạn:" in text and "Theo đơn vị" in text
    soon = run_tt("status", str(MID), "--as-of", "20/09/2023", "--format", "json").out
    assert any(t["key"] == "tap-huan-cbccvc" and t["state"] == "sap-den-han"
               for t in json.loads(soon)["plans"][0]["tasks"])


def test_status_of_a_plan_without_progress_counts_from_the_plan(tmp_path):
    plan = small_repo(tmp_path)
    res = run_tt("status", str(plan), "--as-of", "01/07/2024", "--format", "json")
    data = json.loads(res.out)["plans"][0]
    assert data["progress"] is None and data["overall"]["qua-han"] == 2  # tap-huan (Quý II) and the quarterly report


# ---------------------------------------------------------------- the report


def _report(tmp_path, name: str):
    import docx

    dest = tmp_path / "plans" / name
    shutil.copytree(PLANS / name, dest)
    out = tmp_path / "bc.docx"
    res = run_tt("render", "--report", str(next(dest.glob("*.progress.yaml"))), "-o", str(out))
    assert res.code == 0, res.text
    return out, docx.Document(str(out))


def test_report_of_a_decision_plan_reads_back(tmp_path):
    from docx.enum.section import WD_ORIENT

    out, document = _report(tmp_path, "ha-giang")
    header = document.tables[0]
    cells = [c.text for r in header.rows for c in r.cells]
    assert cells[0].startswith("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG") and "Số: 425/BC-UBND" in cells
    assert "Hà Giang, ngày 20 tháng 12 năm 2023" in cells
    text = "\n".join(p.text.replace("\n", " ") for p in document.paragraphs)  # a title's lines: w:br
    assert "BÁO CÁO" in text
    assert "Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính năm 2023 trên địa bàn tỉnh Hà Giang" in text
    assert "ban hành kèm theo Quyết định số 233/QĐ-UBND ngày 19/12/2022" in text
    for heading in ("I. KẾT QUẢ THỰC HIỆN", "II. HẠN CHẾ, NGUYÊN NHÂN", "III. ĐỀ XUẤT, KIẾN NGHỊ"):
        assert heading in text
    assert "Kế hoạch có 46 nhiệm vụ" in text and "Nhiệm vụ 10 (" in text  # the failed task, with its reason
    assert "(Kèm theo Báo cáo số 425/BC-UBND ngày 20 tháng 12 năm 2023 của Ủy ban nhân dân tỉnh Hà Giang)" in text
    sections = document.sections
    assert sections[0].orientation != WD_ORIENT.LANDSCAPE and sections[-1].orientation == WD_ORIENT.LANDSCAPE
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "STT")
    head = [c.text for c in table.rows[0].cells]
    assert head == ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện", "Kết quả thực hiện",
                    "Tình trạng"]
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in table.rows[1:]}
    row = next(v for k, v in rows.items() if k.startswith("Tổ chức tập huấn, bồi dưỡng nâng cao nhận thức"))
    assert row[2] == "Sở Nội vụ" and row[3] == "Quý I, Quý II/2023" and row[5] == "hoàn thành"
    assert "Số liệu: 1 lớp, 42 người (chỉ tiêu: 01 lớp, 40 người)." in row[4]
    assert "Minh chứng: Báo cáo số 241/BC-SNV" in row[4]
    failed = next(v for k, v in rows.items() if k.startswith("Tuyên truyền nâng cao nhận thức của CBCCVC"))
    assert failed[5] == "không thực hiện được" and "Lý do:" in failed[4]


def test_report_of_a_plan_alone_reads_back(tmp_path):
    _out, document = _report(tmp_path, "xuan-loc")
    text = "\n".join(p.text.replace("\n", " ") for p in document.paragraphs)
    assert "Kết quả thực hiện Kế hoạch số 61/KH-UBND ngày 22/02/2024 của Ủy ban nhân dân huyện Xuân Lộc" in text
    assert "Thực hiện Kế hoạch số 61/KH-UBND ngày 22/02/2024" in text and "báo cáo kết quả thực hiện như sau:" in text
    cells = [c.text for r in document.tables[0].rows for c in r.cells]
    assert "Số: 318/BC-UBND" in cells and "Xuân Lộc, ngày 18 tháng 12 năm 2024" in cells
    signer = [c.text for t in document.tables[1:] for r in t.rows for c in r.cells]
    assert any("Nguyễn Thị Cát Tiên" in c for c in signer) and any("- Lưu: VT, NV-CCHC." in c for c in signer)


def test_report_needs_a_progress_file(tmp_path):
    plan = small_repo(tmp_path)
    res = run_tt("render", "--report", str(plan), "-o", str(tmp_path / "bc.docx"))
    assert res.code == 2 and "tệp tiến độ" in res.err and not (tmp_path / "bc.docx").exists()
    res = run_tt("render", str(PLANS / "xuan-loc" / "2024.progress.yaml"))
    assert res.code == 2 and "--report" in res.err


@pytest.mark.pdf
def test_report_as_pdf_pages(tmp_path):
    from tuyentruyen.render.pdf import find_soffice

    if find_soffice() is None or shutil.which("pdftotext") is None:
        pytest.skip("cần LibreOffice và poppler")
    dest = tmp_path / "plans" / "ha-giang"
    shutil.copytree(PLANS / "ha-giang", dest)
    res = run_tt("render", "--report", "--pdf", "--docx", str(dest / "2023.yaml"), "-o", str(tmp_path / "out") + "/")
    assert res.code == 0, res.text
    pdf = next((tmp_path / "out").glob("*-bao-cao.pdf"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 3
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"], capture_output=True,
                           text=True).stdout
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "BÁO CÁO" in first and "Số: 425/BC-UBND" in first
    last = subprocess.run(["pdftotext", "-f", str(pages), "-l", str(pages), "-layout", str(pdf), "-"],
                          capture_output=True, text=True).stdout
    assert "Tình trạng" in last and "Kết quả thực hiện" in last  # the header row repeats on every page


# ---------------------------------------------------------------- diff of progress


def test_diff_of_two_progress_files_says_what_moved():
    res = run_tt("diff", str(MID), str(END))
    assert res.code == 1, res.text
    assert "~ tap-huan-lanh-dao (Nhiệm vụ 4): đang thực hiện → hoàn thành ngày 18/07/2023" in res.out
    assert "số liệu 390 lượt cán bộ, công chức → 1.050 lượt cán bộ, công chức" in res.out
    assert "+ bao-trung-uong (Nhiệm vụ 7): mới báo cáo: hoàn thành ngày 30/11/2023" in res.out
    data = json.loads(run_tt("diff", "--format", "json", str(MID), str(END)).out)
    change = next(c for c in data["files"][0]["changes"] if c["key"] == "tap-huan-lanh-dao")
    assert {f["field"]: (f["old"], f["new"]) for f in change["fields"]}["status"] == ("dang-thuc-hien", "hoan-thanh")
    md = run_tt("diff", "--format", "markdown", str(MID), str(END)).out
    assert "| ~ | `tap-huan-lanh-dao` (Nhiệm vụ 4) | đang thực hiện → hoàn thành ngày 18/07/2023" in md
    assert run_tt("diff", str(END), str(END)).code == 0


def test_diff_of_a_progress_file_at_a_git_revision(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git chưa cài")
    plan = small_repo(tmp_path, "tt: 1\nas_of: 30/06/2024\ntasks:\n  tap-huan:\n    status: dang-thuc-hien\n")

    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=tmp_path, check=True,
                       capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "tiến độ tháng 6")
    progress = plan.with_name("2024.progress.yaml")
    progress.write_text("tt: 1\nas_of: 31/07/2024\ntasks:\n  tap-huan:\n    status: hoan-thanh\n    done_on: 20/07/2024\n"
                        "    evidence: [Báo cáo số 9/BC-SNV ngày 22/7/2024]\n", encoding="utf-8")
    res = run_tt("diff", str(progress), "--rev", "HEAD", cwd=tmp_path)
    assert res.code == 1, res.text
    assert "tap-huan (Nhiệm vụ 1): đang thực hiện → hoàn thành ngày 20/07/2024" in res.out
    res = run_tt("diff", "--rev", "HEAD", "--format", "json", cwd=tmp_path)  # every changed file under plans/
    assert res.code == 1 and json.loads(res.out)["kind"] == "progress", res.out


# ---------------------------------------------------------------- the 2027 samples

MID_2027 = DATA / "kstthc-tuyen-quang-2027-07-05.progress.yaml"
END_2027 = PLANS / "kstthc-tuyen-quang" / "2027.progress.yaml"


def test_2027_province_mid_year_late_quarterly_report_and_a_typo_caught():
    if not END_2027.is_file():
        pytest.skip("mẫu 2027 chưa có")
    plan = json.loads(run_tt("status", str(MID_2027), "--format", "json").out)["plans"][0]
    late = {t["key"]: t for t in plan["tasks"] if t["state"] == "qua-han"}
    assert list(late) == ["bao-cao-quy"] and late["bao-cao-quy"]["missed"] == ["2027-06-30"]
    problems = json.loads(run_tt("lint", "--format", "json", str(MID_2027)).out)["problems"]
    typo = [p for p in problems if p["code"] == "TT-P004"]
    assert len(typo) == 1 and "2680 người" in typo[0]["message"] and typo[0]["path"][-2:] == ["figures", 1]
    assert any(p["code"] == "TT-P001" and "30/06/2027" in p["message"] for p in problems)
    res = run_tt("diff", str(MID_2027), str(END_2027))
    assert "số liệu 2 lớp; 2680 người → 2 lớp; 268 người" in res.out and "~ tap-huan-cap-xa (Nhiệm vụ " in res.out


@pytest.mark.parametrize("name,number,issuer", [
    ("kstthc-tuyen-quang", "Số: 512/BC-UBND", "ban hành kèm theo Quyết định số 2468/QĐ-UBND ngày 28/12/2026"),
    ("bac-me", "Số: 112/BC-UBND", "Kết quả thực hiện Kế hoạch số 05/KH-UBND ngày 06/01/2027 của Ủy ban nhân dân xã Bắc Mê"),
])
def test_2027_reports_read_back(tmp_path, name, number, issuer):
    if not (PLANS / name / "2027.progress.yaml").is_file():
        pytest.skip("mẫu 2027 chưa có")
    _out, document = _report(tmp_path, name)
    cells = [c.text for r in document.tables[0].rows for c in r.cells]
    assert number in cells
    text = "\n".join(p.text.replace("\n", " ") for p in document.paragraphs)
    assert issuer in text and "I. KẾT QUẢ THỰC HIỆN" in text
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "STT")
    states = {r.cells[-1].text for r in table.rows[1:]}
    assert "hoàn thành" in states
