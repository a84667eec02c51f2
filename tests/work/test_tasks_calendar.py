"""`tt tasks` and `tt calendar`: a unit's own list and its .ics, read back by independent readers
(the csv and json modules, python-docx, LibreOffice, and vobject for iCalendar)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from tests.conftest import run_tt
from tests.work.helpers import PLANS, small_repo

D = dt.date


def test_a_unit_gets_its_tasks_and_duties_with_groups_resolved_sorted_by_due(tmp_path):
    plan = small_repo(tmp_path)
    res = run_tt("tasks", str(plan), "--unit", "Sở Tài chính", "--format", "json")
    assert res.code == 0, res.text
    tasks = json.loads(res.out)["plans"][0]["units"][0]["tasks"]
    assert [(t["key"], t["role"], t["via"]) for t in tasks] == [
        ("bao-cao-quy", "lead", "Các sở, ban, ngành"),  # quarterly: first due 31/03
        ("tap-huan", "support", None),  # Quý II: due 30/06
        ("tin-bai", "lead", None),  # continuous: after every dated task
    ]
    first = {t["key"]: t for t in tasks}
    assert first["tap-huan"]["time"] == "01/04–30/06/2024" and first["tap-huan"]["due"] == "2024-06-30"
    assert first["bao-cao-quy"]["occurrences"] == ["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"]


def test_every_duty_item_is_a_task_of_the_duty_unit(tmp_path):
    plan = small_repo(tmp_path)
    res = run_tt("tasks", str(plan), "--unit", "SNV", "--format", "json")
    keys = [t["key"] for t in json.loads(res.out)["plans"][0]["units"][0]["tasks"]]
    assert "I.1.2" in keys and "I.1.1" in keys and "kiem-tra" == keys[-1]  # undated last
    dates = [t["due"] for t in json.loads(res.out)["plans"][0]["units"][0]["tasks"] if t["time_kind"] != "recurrence"
             and t["due"] and t["time_kind"] not in ("continuous",)]
    assert dates == sorted(dates)


def test_unknown_unit_gets_did_you_mean_and_exit_2(tmp_path):
    plan = small_repo(tmp_path)
    res = run_tt("tasks", str(plan), "--unit", "Sở Nôi vụ ")
    assert res.code == 0  # the registry's loose match (one misplaced mark) still finds it
    res = run_tt("tasks", str(plan), "--unit", "So Noi Vu")
    assert res.code == 0 and "Sở Nội vụ:" in res.out  # typed without diacritics
    res = run_tt("tasks", str(plan), "--unit", "Sở Nội vự lâm")
    assert res.code == 2 and "Có phải ý bạn là “Sở Nội vụ”" in res.err and "Traceback" not in res.text


def test_csv_to_a_file_has_a_bom_for_excel_and_reads_back(tmp_path):
    plan = small_repo(tmp_path)
    out = tmp_path / "ds.csv"
    res = run_tt("tasks", str(plan), "--format", "csv", "-o", str(out))
    assert res.code == 0, res.text
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    units = {r["Đơn vị"] for r in rows}
    assert units == {"Sở Nội vụ", "Sở Tài chính"}  # the group stands for its members
    row = next(r for r in rows if r["Mã"] == "tap-huan" and r["Đơn vị"] == "Sở Nội vụ")
    assert (row["Vai trò"], row["Từ ngày"], row["Hạn"], row["Số lượng"]) == ("chủ trì", "01/04/2024", "30/06/2024",
                                                                             "01 lớp, 40 người")


def test_markdown_and_text(tmp_path):
    plan = small_repo(tmp_path)
    md = run_tt("tasks", str(plan), "--unit", "Sở Nội vụ", "--format", "markdown").out
    assert "### Sở Nội vụ" in md and "| 01/04–30/06/2024 (Quý II/2024) |" in md
    text = run_tt("tasks", str(plan), "--unit", "Sở Nội vụ").out
    assert "hạn 15/12/2024 (trước ngày 15/12/2024) — thực hiện" in text


def test_as_of_shows_states_from_the_progress_file(tmp_path):
    plan = small_repo(tmp_path, "tt: 1\nas_of: 10/07/2024\ntasks:\n  tap-huan:\n    status: dang-thuc-hien\n")
    res = run_tt("tasks", str(plan), "--unit", "Sở Nội vụ", "--as-of", "10/07/2024", "--format", "json")
    state = {t["key"]: t["state"] for t in json.loads(res.out)["plans"][0]["units"][0]["tasks"]}
    assert state["tap-huan"] == "qua-han" and state["I.1.2"] == "chua-thuc-hien"
    assert run_tt("tasks", str(plan), "--as-of", "31/02/2024").code == 2


def test_the_assignment_sheets_read_back_with_python_docx(tmp_path):
    import docx
    from docx.enum.section import WD_ORIENT

    plan = small_repo(tmp_path)
    out = tmp_path / "phan-cong.docx"
    res = run_tt("tasks", str(plan), "--docx", str(out))
    assert res.code == 0, res.text
    document = docx.Document(str(out))
    assert len(document.sections) == 2 and all(s.orientation == WD_ORIENT.LANDSCAPE for s in document.sections)
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.count("BẢNG PHÂN CÔNG NHIỆM VỤ") == 2
    assert "Đơn vị: Sở Nội vụ — " in text and "Đơn vị: Sở Tài chính — 3 nhiệm vụ" in text
    assert "(Thực hiện Kế hoạch số 25/KH-UBND ngày 15/01/2024 của Ủy ban nhân dân tỉnh Hà Giang)" in text
    tables = [t for t in document.tables if t.rows[0].cells[0].text == "STT"]
    assert len(tables) == 2
    body = [[c.text for c in r.cells] for r in tables[1].rows[1:]]
    assert [r[0] for r in body] == ["1", "2", "3"]
    row = next(r for r in body if r[1].startswith("Tổ chức tập huấn nghiệp vụ cải cách hành chính"))
    assert row[2] == "phối hợp" and row[4] == "01/04–30/06/2024" and "Chủ trì: Sở Nội vụ" in row[5]
    header = document.sections[0].header  # page numbers in the top margin
    assert header is not None


@pytest.mark.pdf
def test_the_assignment_sheets_open_in_libreoffice(tmp_path):
    import subprocess

    from tuyentruyen.render.pdf import convert, find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice chưa cài")
    out = tmp_path / "phan-cong.docx"
    run_tt("tasks", str(PLANS / "ha-giang" / "2023.yaml"), "--unit", "Báo Hà Giang", "--docx", str(out))
    pdf = convert([out], tmp_path)[0]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "BẢNG PHÂN CÔNG NHIỆM VỤ" in text and "Báo Hà Giang" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    import re

    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert round(w) == 842 and round(h) == 595  # A4 landscape


# ---------------------------------------------------------------- tt calendar


def _calendar(path):
    import vobject

    return vobject.readOne(path.read_text("utf-8"))


def _events(cal) -> dict:
    return {e.uid.value: e for e in cal.vevent_list}


def test_calendar_is_rfc5545_and_reads_back_with_vobject(tmp_path):
    plan = small_repo(tmp_path)
    out = tmp_path / "lich.ics"
    res = run_tt("calendar", str(plan), "--unit", "Sở Nội vụ", "-o", str(out), env={"SOURCE_DATE_EPOCH": "1733011200"})
    assert res.code == 0, res.text
    cal = _calendar(out)
    assert cal.version.value == "2.0" and cal.prodid.value
    ev = _events(cal)
    base = "@plans-2024.tt" if any(k.endswith("@plans-2024.tt") for k in ev) else "@2024.tt"
    window = ev["tap-huan" + base]
    assert window.dtstart.value == D(2024, 4, 1) and window.dtend.value == D(2024, 7, 1)  # DTEND exclusive
    assert "Chủ trì: Sở Nội vụ" in window.description.value and "Phối hợp: Sở Tài chính" in window.description.value
    alarm = window.valarm
    assert alarm.action.value == "DISPLAY" and alarm.trigger.params.get("RELATED") == ["END"]
    # a deadline on a Sunday (15/12/2024) moves to Friday 13/12, and says so
    deadline = ev["I.1.2" + base]
    assert deadline.dtstart.value == D(2024, 12, 13)
    assert "15/12/2024 là Chủ nhật" in deadline.description.value and "13/12/2024" in deadline.description.value
    assert deadline.valarm.trigger.value == -dt.timedelta(days=2, hours=15)  # 9:00, 3 days before
    # a date on a Sunday (03/11/2024) too
    assert ev["hoi-nghi" + base].dtstart.value == D(2024, 11, 1)
    # the quarterly report: an RRULE whose days off are replaced by the working day before
    rec = ev["bao-cao-quy" + base]
    assert "FREQ=MONTHLY" in rec.rrule.value and "INTERVAL=3" in rec.rrule.value
    days = sorted(d.date() if isinstance(d, dt.datetime) else d for d in rec.getrruleset())
    assert days == [D(2024, 3, 29), D(2024, 6, 28), D(2024, 9, 30), D(2024, 12, 31)]  # 31/3, 30/6: Sundays
    # continuous and undated work: one yearly note
    note = next(e for k, e in ev.items() if k.startswith("thuong-xuyen."))
    assert note.dtstart.value == D(2024, 1, 1) and "Lồng ghép tuyên truyền" in note.description.value
    assert all(e.transp.value == "TRANSPARENT" for e in ev.values())


def test_calendar_uids_are_stable_and_sequence_grows(tmp_path):
    import icalendar

    plan = small_repo(tmp_path)
    a, b = tmp_path / "a.ics", tmp_path / "b.ics"
    run_tt("calendar", str(plan), "-o", str(a), env={"SOURCE_DATE_EPOCH": "1733011200"})
    run_tt("calendar", str(plan), "-o", str(b), env={"SOURCE_DATE_EPOCH": "1735689600"})
    ea, eb = (icalendar.Calendar.from_ical(p.read_bytes()).walk("VEVENT") for p in (a, b))
    ua = {str(e["UID"]): int(e["SEQUENCE"]) for e in ea}
    ub = {str(e["UID"]): int(e["SEQUENCE"]) for e in eb}
    assert ua.keys() == ub.keys() and len(ua) >= 5
    assert all(ub[k] > ua[k] for k in ua)


def test_calendar_without_continuous_note_and_errors(tmp_path):
    plan = small_repo(tmp_path)
    out = tmp_path / "lich.ics"
    run_tt("calendar", str(plan), "-o", str(out), "--no-continuous")
    assert not any(k.startswith("thuong-xuyen.") for k in _events(_calendar(out)))
    res = run_tt("calendar", str(plan), "-o", str(tmp_path / "x.yaml"))
    assert res.code == 2 and "tệp .ics" in res.err
    res = run_tt("calendar", str(plan), "-o", str(plan))
    assert res.code == 2 and plan.read_text("utf-8").startswith("tt: 1")  # never over an input
    res = run_tt("calendar", str(plan), "--unit", "Sở Y tế", "-o", str(out))
    assert res.code == 2 and "Sở Y tế" in res.err


@pytest.mark.parametrize("sample", ["ha-giang/2023.yaml", "quang-ngai/2023.yaml", "xuan-loc/2024.yaml",
                                    "tuyen-quang/2026-2030.yaml", "kstthc-tuyen-quang/2027.yaml", "bac-me/2027.yaml"])
def test_every_sample_gives_a_calendar_that_a_second_reader_parses(sample, tmp_path):
    if not (PLANS / sample).is_file():
        pytest.skip("mẫu chưa có")
    out = tmp_path / "lich.ics"
    res = run_tt("calendar", str(PLANS / sample), "-o", str(out))
    assert res.code == 0, res.text
    cal = _calendar(out)
    for e in cal.vevent_list:
        assert e.uid.value and e.dtstamp.value and e.summary.value
        list(e.getrruleset() or [])  # every rule expands
