"""The calendar of the years clerks plan for (issue 10, part 6): the official swap days of 2026,
Ngày Văn hóa Việt Nam (24/11, from 2026), Quốc khánh and Tết 2027 — judged by `tt lint` (TT-D008)
on plans with deadlines on those days, from the shipped data/calendar.yaml even when the
`holidays` library does not know them, and overridable by the repository's tt.toml."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from tests.conftest import ROOT, run_tt


def plan(year: int, *days: str) -> str:
    tasks = "".join(f"    - {{id: t{i}, content: Việc {i}, lead: Sở Nội vụ, due: trước ngày {d}}}\n"
                    for i, d in enumerate(days))
    return textwrap.dedent(f"""\
        tt: 1
        document:
          type: ke-hoach
          issuer:
            name: Ủy ban nhân dân tỉnh Tuyên Quang
          symbol: KH-UBND
          place: Tuyên Quang
          title: Tuyên truyền cải cách hành chính năm {year}
          signer:
            position: CHỦ TỊCH
        plan:
          year: {year}
        appendix:
          title: NHIỆM VỤ NĂM {year}
          tasks:
        """) + tasks


def days_off(tmp_path: Path, text: str, toml: str | None = None) -> dict[str, str]:
    (tmp_path / "plans").mkdir(exist_ok=True)
    (tmp_path / "plans" / "units.yaml").write_text(
        "tt: 1\nunits:\n  - id: snv\n    name: Sở Nội vụ\n    kind: so\n", "utf-8")
    (tmp_path / "plans" / "kh.yaml").write_text(text, "utf-8")
    if toml is not None:
        (tmp_path / "tt.toml").write_text(toml, "utf-8")
    res = run_tt("lint", "--format", "json", "plans/kh.yaml", cwd=tmp_path, env={"TT_NO_CACHE": "1"})
    found = {}
    for p in json.loads(res.out)["problems"]:
        if p["code"] == "TT-D008":
            found[p["message"].split("Hạn chót ", 1)[1].split(" ", 1)[0]] = p["message"]
    return found


def test_2026_ngay_van_hoa_quoc_khanh_and_the_swap_days(tmp_path):
    found = days_off(tmp_path, plan(2026, "24/11/2026", "02/9/2026", "31/8/2026", "22/8/2026", "02/01/2026",
                                    "10/01/2026", "23/11/2026"))
    assert "rơi vào ngày nghỉ Ngày Văn hóa Việt Nam (thứ Ba)" in found["24/11/2026"]
    assert "ngày nghỉ Quốc khánh (thứ Tư)" in found["02/09/2026"]
    assert "ngày nghỉ Quốc khánh, hoán đổi với thứ Bảy 22/08/2026 (thứ Hai)" in found["31/08/2026"]
    assert "ngày nghỉ Tết Dương lịch, hoán đổi với thứ Bảy 10/01/2026 (thứ Sáu)" in found["02/01/2026"]
    # the Saturdays worked in exchange, and the Monday before 24/11, are working days
    assert {"22/08/2026", "10/01/2026", "23/11/2026"}.isdisjoint(found)


def test_tet_2027_and_quoc_khanh_2027(tmp_path):
    found = days_off(tmp_path, plan(2027, "06/02/2027", "08/02/2027", "02/9/2027", "24/11/2027", "12/02/2027"))
    assert "ngày nghỉ Tết Nguyên Đán (thứ Bảy)" in found["06/02/2027"]  # mùng 1 Tết Đinh Mùi
    assert "Mùng ba Tết Nguyên Đán (thứ Hai)" in found["08/02/2027"]
    assert "ngày nghỉ Quốc khánh (thứ Năm)" in found["02/09/2027"]
    assert "Ngày Văn hóa Việt Nam (thứ Tư)" in found["24/11/2027"]
    assert "12/02/2027" not in found  # a Friday after Tết


def test_the_shipped_days_do_not_depend_on_the_library(tmp_path, monkeypatch):
    # an older `holidays` (before 0.106) had neither 24/11 nor the swap days: tt's own data has them
    from tuyentruyen.project import calendar as project_calendar
    from tuyentruyen.vn import calendar as vn_calendar

    monkeypatch.setattr(vn_calendar, "library_days_off", lambda first, last: {})
    monkeypatch.setattr(project_calendar, "library_days_off", lambda first, last: {})
    project_calendar._calendar.cache_clear()
    try:
        found = days_off(tmp_path, plan(2026, "24/11/2026", "31/8/2026", "22/8/2026"))
    finally:
        project_calendar._calendar.cache_clear()
    assert set(found) == {"24/11/2026", "31/08/2026"}


def test_a_repository_can_take_a_shipped_day_back(tmp_path):
    (tmp_path / "ngay-nghi.yaml").write_text("not_days_off:\n  - 24/11/2026\n", "utf-8")
    found = days_off(tmp_path, plan(2026, "24/11/2026", "31/8/2026"), '[lint]\nholidays = ["ngay-nghi.yaml"]\n')
    assert set(found) == {"31/08/2026"}


def test_the_calendar_data_names_its_sources():
    import yaml

    data = yaml.safe_load((ROOT / "src" / "tuyentruyen" / "data" / "calendar.yaml").read_text("utf-8"))
    assert all("http" in s for s in data["source"])
    assert {str(d["date"]) for d in data["days"]} >= {"24/11/2026", "02/01/2026", "31/08/2026"}


def test_the_library_that_knows_24_november_is_required():
    assert '"holidays>=0.106"' in (ROOT / "pyproject.toml").read_text("utf-8")
    import holidays
    from packaging.version import Version

    assert Version(holidays.__version__) >= Version("0.106")
