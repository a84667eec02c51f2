"""`tt lint --fix` and `--diff`: safe fixes only, and every comment survives byte for byte."""

from __future__ import annotations

import re
import unicodedata

import yaml

from tests.lint.helpers import write_plan

NFD = unicodedata.normalize("NFD", "Tổ chức hội nghị")

PLAN = f"""\
# yaml-language-server: $schema=../docs/schema/plan.schema.json
# Kế hoạch mẫu để thử --fix: mọi ghi chú này phải còn nguyên.
tt: 1
document:
  type: ke-hoach   # Kế hoạch đứng riêng
  issuer:
    name: Ủy ban nhân dân tỉnh Hà Giang
  number: 25
  symbol: KH-UBND
  place: Hà Giang
  date: 15/01/2024  # ngày ký
  title: Tuyên truyền cải cách hành chính năm 2024
  signer:
    position: CHỦ TỊCH
  recipients:
    - Bộ Nội vụ
    - Các sở, ban, ngành
    - Đài Phát thanh - Truyền hình tỉnh   # nơi nhận
    - Báo Hà Giang
plan:
  year: 2024
  sections:
    - heading: Nội dung
      kind: content
      items:
        # ghi chú trước một ý
        - Truyền truyền về dịch vụ công trên Công dịch vụ công quốc gia  # hai lỗi gõ
        - >-
          Đẩy mạnh tuyên truyền, phổ biến
          về dịch vụ buru chính công ích
          tới người dân.
        - "{NFD} về cải cách hành chính"
        - Giữ nguyên  dòng này  # tt: ignore[TT-T004] khoảng trắng cố ý
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: phong-su   # mã cố định
      content: Xây dựng phóng sự về cải cách hành chính
      lead: Đài phát thanh và truyền hình tỉnh  # viết sai tên
      support: [Sở Nội vụ, Các sở ban ngành]  # danh sách một dòng
      due: Quý III/2024
"""


def _comment(line: str) -> str | None:
    m = re.search(r"(?:^|\s)(#.*)$", line)
    return m.group(1) if m else None


def test_fix_applies_safe_fixes_and_keeps_every_comment(tmp_path, tt):
    path = write_plan(tmp_path, PLAN)
    res = tt("lint", "--fix", str(path))
    fixed = path.read_text("utf-8")
    before, after = PLAN.splitlines(), fixed.splitlines()
    assert len(before) == len(after)
    for old, new in zip(before, after):
        c = _comment(old)
        if c is not None:
            assert new.endswith(c), (old, new)  # the comment, byte for byte, at the end of its line
        if old.lstrip().startswith("#"):
            assert new == old
    data = yaml.safe_load(fixed)
    items = data["plan"]["sections"][0]["items"]
    assert items[0] == "Tuyên truyền về dịch vụ công trên Cổng dịch vụ công quốc gia"
    assert "bưu chính" in items[1]
    assert items[2] == unicodedata.normalize("NFC", NFD) + " về cải cách hành chính"
    assert items[3] == "Giữ nguyên  dòng này"  # silenced by # tt: ignore: not touched
    task = data["appendix"]["tasks"][0]
    assert task["lead"] == "Đài Phát thanh - Truyền hình tỉnh"
    assert task["support"] == ["Sở Nội vụ", "Các sở, ban, ngành"]  # quoted: a comma inside a flow list
    assert '"Các sở, ban, ngành"' in fixed
    assert "đã sửa" in res.err
    assert res.code == 0, res.text  # nothing left to report
    again = tt("lint", "--diff", str(path))
    assert again.code == 0 and again.out == ""


def test_diff_shows_the_fixes_without_writing(tmp_path, tt):
    path = write_plan(tmp_path, PLAN)
    res = tt("lint", "--diff", str(path))
    assert res.code == 1
    assert path.read_text("utf-8") == PLAN
    assert res.out.startswith("--- a/")
    assert "-        - Truyền truyền về dịch vụ công trên Công dịch vụ công quốc gia  # hai lỗi gõ" in res.out
    assert "+        - Tuyên truyền về dịch vụ công trên Cổng dịch vụ công quốc gia  # hai lỗi gõ" in res.out
    assert "--fix sẽ sửa" in res.err


def test_fix_leaves_a_clean_file_untouched(tmp_path, tt):
    from tuyentruyen.rules.docs import base_texts

    path = write_plan(tmp_path, base_texts()[0])
    stat = path.stat()
    res = tt("lint", "--fix", str(path))
    assert res.code == 0, res.text
    assert path.read_text("utf-8") == base_texts()[0]
    assert path.stat().st_mtime_ns == stat.st_mtime_ns


def test_fix_keeps_crlf_and_bom(tmp_path, tt):
    path = write_plan(tmp_path, PLAN)
    data = b"\xef\xbb\xbf" + PLAN.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(data)
    tt("lint", "--fix", str(path))
    out = path.read_bytes()
    assert out.startswith(b"\xef\xbb\xbf")
    assert out.count(b"\r\n") == data.count(b"\r\n")
    assert "Cổng dịch vụ công".encode() in out


def test_a_folded_value_is_fixed_only_where_the_file_holds_the_text(tmp_path, tt):
    # the typo spans a line break of a folded value: the file does not hold "buru chính" verbatim
    text = PLAN.replace("về dịch vụ buru chính công ích", "về dịch vụ buru\n          chính công ích")
    path = write_plan(tmp_path, text)
    res = tt("lint", "--fix", str(path))
    assert "buru\n          chính" in path.read_text("utf-8")
    assert "TT-T003" in res.out  # still reported, for a person to fix


def test_diff_format_is_the_unified_format(tmp_path):
    import difflib

    from tuyentruyen.edit.fix import FixResult

    a = "".join(f"dòng {i}\n" for i in range(60))
    b = a.replace("dòng 5\n", "DÒNG 5\n").replace("dòng 6\n", "DÒNG 6\n").replace("dòng 40\n", "DÒNG 40\n")
    r = FixResult(tmp_path / "p.yaml", "p.yaml", a, b)
    assert r.diff() == "".join(difflib.unified_diff(a.splitlines(True), b.splitlines(True), "a/p.yaml", "b/p.yaml"))
