"""The holiday calendar read back from the disk cache is the library's own answer."""

from __future__ import annotations

import datetime as dt

import holidays

from tuyentruyen.project.calendar import _library as library_days_off


def test_cached_calendar_equals_the_library(tmp_path, monkeypatch):
    monkeypatch.setenv("TT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TT_NO_CACHE", raising=False)
    first = library_days_off(2023, 2025)
    assert list(tmp_path.glob("holidays-VN-2023-2025-*.json")), "không ghi bộ nhớ đệm"
    again = library_days_off(2023, 2025)
    expected = dict(holidays.country_holidays("VN", years=range(2023, 2026), language="vi").items())
    assert first == again == expected
    assert dt.date(2024, 2, 10) in again  # Tết Giáp Thìn


def test_a_broken_cache_file_is_recomputed(tmp_path, monkeypatch):
    monkeypatch.setenv("TT_CACHE_DIR", str(tmp_path))
    library_days_off(2024, 2024)
    [path] = tmp_path.glob("holidays-VN-2024-2024-*.json")
    path.write_text("{không phải json", encoding="utf-8")
    assert dt.date(2024, 9, 2) in library_days_off(2024, 2024)
