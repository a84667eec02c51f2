"""The pure helpers of the plan at work: times as dates (work.when) and quantities (vn.quantity)."""

from __future__ import annotations

import datetime as dt

import pytest

from tuyentruyen.vn.quantity import looks_like_typo, match_figures, parse_quantity
from tuyentruyen.work.when import occurrences, when

D = dt.date


@pytest.mark.parametrize("text,kind,shown,due", [
    ("Quý II/2027", "window", "01/04–30/06/2027", D(2027, 6, 30)),
    ("Quý I, Quý III/2027", "window", "01/01–31/03/2027, 01/07–30/09/2027", D(2027, 9, 30)),
    ("Quý III- IV/2027", "window", "01/07–31/12/2027", D(2027, 12, 31)),
    ("6 tháng đầu năm", "window", "01/01–30/06/2027", D(2027, 6, 30)),
    ("Tháng 6/2027", "window", "01/06–30/06/2027", D(2027, 6, 30)),
    ("trước ngày 15/3/2027", "deadline", "hạn 15/03/2027", D(2027, 3, 15)),
    ("Ngày 02/9/2027", "date", "ngày 02/09/2027", D(2027, 9, 2)),
    ("Định kỳ hằng quý", "recurrence", "hằng quý: 31/03, 30/06, 30/09, 31/12/2027", D(2027, 12, 31)),
    ("Định kỳ 6 tháng", "recurrence", "6 tháng một lần: 30/06, 31/12/2027", D(2027, 12, 31)),
    ("Ngày 9/11 hằng năm", "recurrence", "hằng năm: 09/11/2027", D(2027, 11, 9)),
    ("Thường xuyên", "continuous", "thường xuyên, cả năm 2027", D(2027, 12, 31)),
    ("Theo kế hoạch kiểm tra", "event", "theo kế hoạch kiểm tra (không có ngày cố định)", None),
    (None, "unknown", "chưa ghi thời gian", None),
])
def test_times_as_dates(text, kind, shown, due):
    w = when(text, 2027)
    assert (w.kind, w.shown, w.due) == (kind, shown, due)


def test_a_multi_year_plan_spans_its_period():
    w = when("Thường xuyên", 2026, last=2030)
    assert (w.start, w.due, w.shown) == (D(2026, 1, 1), D(2030, 12, 31), "thường xuyên, giai đoạn 2026–2030")
    assert len(when("Định kỳ hằng quý", 2026, last=2030).occurrences) == 20


def test_occurrences_of_each_period():
    from tuyentruyen.vn.timeexpr import parse_time

    year = (D(2027, 1, 1), D(2027, 12, 31))
    assert occurrences(parse_time("Hằng tháng", 2027), *year)[:3] == (D(2027, 1, 31), D(2027, 2, 28), D(2027, 3, 31))
    fridays = occurrences(parse_time("Thứ Sáu hằng tuần", 2027), *year)
    assert len(fridays) == 53 and {d.weekday() for d in fridays} == {4}
    assert occurrences(parse_time("Trước ngày 20 hằng tháng", 2027), *year)[0] == D(2027, 1, 20)
    assert occurrences(parse_time("Cuối quý", 2027), *year) == (D(2027, 3, 31), D(2027, 6, 30), D(2027, 9, 30),
                                                               D(2027, 12, 31))


def test_sorting_puts_dated_work_first_then_continuous_then_undated():
    texts = ["Theo kế hoạch kiểm tra", "Thường xuyên", "Quý IV/2027", "trước ngày 15/3/2027", None]
    ordered = sorted(texts, key=lambda t: when(t, 2027).sort_key())
    assert ordered == ["trước ngày 15/3/2027", "Quý IV/2027", "Thường xuyên", "Theo kế hoạch kiểm tra", None]


@pytest.mark.parametrize("text,amounts", [
    ("01 lớp, 40 người", [(1, "lớp"), (40, "người")]),
    ("4 bài", [(4, "bài")]),
    ("12 bài/1 năm", [(12, "bài")]),
    ("12 chuyên mục/năm", [(12, "chuyên mục")]),
    ("khoảng 1000 lượt cán bộ, công chức", [(1000, "lượt cán bộ")]),
    ("1.200 tờ rơi", [(1200, "tờ rơi")]),
    ("2,5 triệu đồng", [(2.5, "triệu đồng")]),
    (45, [(45, None)]),
    ("không có", []),
])
def test_quantities(text, amounts):
    assert [(a.value, a.unit) for a in parse_quantity(text)] == amounts


@pytest.mark.parametrize("figure,target,typo", [
    (400, 40, True), (45, 40, False), (40, 40, False), (44, 4, True), (122, 12, True), (13, 12, False),
    (80, 40, False), (1050, 1000, False), (10000, 1000, True), (3, 0, False),
])
def test_figure_typos(figure, target, typo):
    assert looks_like_typo(figure, target) is typo


def test_figures_match_targets_by_unit_word_ignoring_diacritics():
    pairs = match_figures(parse_quantity("01 lớp, 40 người"), parse_quantity("45 nguoi, 1 lớp"))
    assert [(f.value, t.value) for _, f, t in pairs] == [(45, 40), (1, 1)]
    assert match_figures(parse_quantity("4 bài"), parse_quantity("3 video"))[0][2] is None
