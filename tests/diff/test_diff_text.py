"""The small pieces: word diff of Vietnamese text, unit equivalence, matching, times."""

from __future__ import annotations

import pytest

from tuyentruyen.diff.match import by_content, lis, match_tasks
from tuyentruyen.diff.messages import ops_plain
from tuyentruyen.diff.text import fold, norm, paragraph_ops, similarity, word_diff
from tuyentruyen.diff.units import UnitNames, compare_units
from tuyentruyen.model import Registry
from tuyentruyen.vn.units import UnitIndex
from tests.diff.diffplans import REGISTRY

NFD = "Tuyên truyền cải cách hành chính".encode().decode()  # written below in NFD form


def apply_ops(ops, side):
    return "".join(t for tag, t in ops if tag in ("=", side))


@pytest.mark.parametrize("old,new,shown", [
    ("Tập huấn cho cán bộ cấp tỉnh và cán bộ cấp huyện.", "Tập huấn cho cán bộ cấp xã.",
     "Tập huấn cho cán bộ cấp [-tỉnh và cán bộ cấp huyện-]{+xã+}."),
    ("Truyền truyền, kêu gọi các tổ chức", "Tuyên truyền, kêu gọi các tổ chức",
     "[-Truyền-]{+Tuyên+} truyền, kêu gọi các tổ chức"),
    ("giám sát của người dân, doanh nghiệp đối với", "giám sát của Nhân dân đối với",
     "giám sát của [-người dân, doanh nghiệp-]{+Nhân dân+} đối với"),
    ("Quý II/2024", "Quý II/2024", "Quý II/2024"),
])
def test_word_diff(old, new, shown):
    ops = word_diff(old, new)
    assert apply_ops(ops, "-") == old and apply_ops(ops, "+") == new
    assert ops_plain(ops) == shown


def test_word_diff_trims_long_context():
    old = "Một hai ba bốn năm sáu bảy tám chín mười mười một mười hai cũ kết thúc một hai ba bốn năm sáu bảy tám."
    new = old.replace(" cũ ", " mới ")
    assert ops_plain(word_diff(old, new)) == "… chín mười mười một mười hai [-cũ-]{+mới+} kết thúc một hai ba bốn …"


def test_nfd_and_spaces_are_not_changes():
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Tuyên truyền  cải cách hành chính ")
    assert nfd != "Tuyên truyền cải cách hành chính"
    assert norm(nfd) == "Tuyên truyền cải cách hành chính"
    assert fold("ĐÀI PT–TH tỉnh") == fold("đài pt-th TỈNH")
    assert similarity(nfd, "Tuyên truyền cải cách hành chính") == 1.0


def test_similarity_is_symmetric():
    a, b = "Tập huấn cán bộ cấp tỉnh về cải cách", "Tập huấn cán bộ cấp huyện và cấp tỉnh"
    assert similarity(a, b) == similarity(b, a)


def test_paragraphs_aligned():
    ops = paragraph_ops(["Đoạn một giữ nguyên.", "Đoạn hai sẽ được sửa một chữ.", "Đoạn ba bị bỏ đi hẳn."],
                        ["Đoạn một giữ nguyên.", "Đoạn hai sẽ được sửa hai chữ.", "Một đoạn hoàn toàn mới ở cuối."])
    assert [op["op"] for op in ops] == ["edit", "remove", "add"]
    assert ops_plain(ops[0]["words"]) == "Đoạn hai sẽ được sửa [-một-]{+hai+} chữ."


def test_units_same_unit_other_name():
    names = UnitNames(UnitIndex(Registry.model_validate(REGISTRY)))
    assert names.key("Đài PT-TH tỉnh") == names.key("Đài Phát thanh - Truyền hình tỉnh") == "id:dai-ptth"
    assert names.key("đài phát thanh  VÀ truyền hình tỉnh") == "id:dai-ptth"
    assert names.key("Sở Tư pháp") == "name:sở tư pháp"
    u = compare_units(["Sở Nội vụ", "Đài PT-TH tỉnh"], ["Đài Phát thanh - Truyền hình tỉnh", "SNV"], names, names)
    assert u["same_units"] and u["reordered"]
    assert u["renamed"] == [["Sở Nội vụ", "SNV"], ["Đài PT-TH tỉnh", "Đài Phát thanh - Truyền hình tỉnh"]]
    u = compare_units(["Sở Nội vụ"], ["Văn phòng UBND tỉnh"], names, names)
    assert not u["same_units"] and u["added"] == ["Văn phòng UBND tỉnh"] and u["removed"] == ["Sở Nội vụ"]


def test_a_side_without_registry_borrows_the_other():
    with_reg = UnitNames(UnitIndex(Registry.model_validate(REGISTRY)))
    without = UnitNames(None, fallback=with_reg)
    u = compare_units(["Đài PT-TH tỉnh"], ["Đài Phát thanh - Truyền hình tỉnh"], without, with_reg)
    assert u["same_units"]


def test_lis():
    assert lis([]) == set()
    assert lis([0, 1, 2]) == {0, 1, 2}
    assert len(lis([2, 0, 1, 3])) == 3 and lis([2, 0, 1, 3]) == {1, 2, 3}


def test_tasks_by_id_then_content():
    old = [{"id": "a", "content": "Tập huấn cán bộ về cải cách hành chính"},
           {"id": None, "content": "Hội nghị đối thoại với doanh nghiệp về thủ tục hành chính năm nay"}]
    new = [{"id": "b", "content": "Hội nghị đối thoại với doanh nghiệp về thủ tục hành chính năm nay nữa"},
           {"id": "a", "content": "Nội dung khác hẳn"}]
    assert sorted(match_tasks(old, new)) == [(0, 1, "id"), (1, 0, "content")]


def test_renamed_id_with_the_same_content_is_one_task():
    old = [{"id": "tap-huan", "content": "Tập huấn cán bộ về cải cách hành chính"}]
    new = [{"id": "tap-huan-cchc", "content": "Tập huấn  cán bộ về cải cách hành chính"}]
    assert match_tasks(old, new) == [(0, 0, "content")]
    new[0]["content"] = "Tập huấn cán bộ cấp xã về cải cách hành chính"
    assert match_tasks(old, new) == []  # rewritten under a new id: removed + added


def test_content_matching_is_bounded_on_many_tasks():
    """10,000 id-less tasks with a few words each: candidates come from rare word pairs, never all pairs."""
    import time

    words = [f"từ{k}" for k in range(3000)]
    old = [" ".join(words[(i * 7 + j) % 3000] for j in range(12)) for i in range(10000)]
    new = list(reversed(old))
    t = time.perf_counter()
    pairs = by_content(old, new, list(range(10000)), list(range(10000)), set(range(10000)), set(range(10000)))
    assert len(pairs) == 10000
    assert time.perf_counter() - t < 30  # a guard against a quadratic loop, not a benchmark


def test_times_read_with_timeexpr(tmp_path):
    from tuyentruyen.diff.compare import Context, compare_field, time_parser

    ctx = Context(old_year=2024, new_year=2024, times=time_parser())
    if ctx.times is None:
        pytest.skip("tuyentruyen.vn.timeexpr chưa có")
    fc = compare_field("time", "due", "thời gian", "Quý II/2024", "Quý III/2024", ctx)
    assert fc.note == "muộn hơn 1 quý" and not fc.cosmetic
    fc = compare_field("time", "due", "thời gian", "Quý I, Quý II/2024", "Quý I và Quý II năm 2024", ctx)
    assert fc.cosmetic and fc.note == "cùng nghĩa, chỉ đổi cách viết"
    fc = compare_field("time", "due", "thời gian", "Quý II/2024", "Theo kế hoạch kiểm tra", ctx)
    assert not fc.cosmetic
    text_only = Context(old_year=2024, new_year=2024, times=None)
    fc = compare_field("time", "due", "thời gian", "Quý II/2024", "Quý III/2024", text_only)
    assert fc.note is None and not fc.cosmetic
