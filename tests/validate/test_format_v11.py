"""`tt validate` on the keys of format 1.1: what is accepted, and every wrong use located with its fix.

Each case edits the small real-shaped plan of plan_text.GOOD (a Quyết định of UBND tỉnh Hà Giang),
runs `tt validate --schema-only` and checks the code, the line:col and the words the clerk reads.
"""

from __future__ import annotations

import pytest

from tests.validate.plan_text import GOOD
from tests.validate.test_validate_cli import line_of, problems, write

SIGNER_V1 = "  signer:\n    position: CHỦ TỊCH\n    name: Nguyễn Văn Sơn\n"
assert SIGNER_V1 in GOOD


def with_signer(block: str) -> str:
    return GOOD.replace(SIGNER_V1, block)


def test_authority_block_of_two_lines_and_the_v1_forms_are_valid(tmp_path):
    for i, block in enumerate([
        "  signer:\n    authority:\n      - TM. ỦY BAN NHÂN DÂN\n      - KT. CHỦ TỊCH\n    position: PHÓ CHỦ TỊCH\n",
        "  signer:\n    authority: [TL. CHỦ TỊCH, KT. CHÁNH VĂN PHÒNG]\n    position: PHÓ CHÁNH VĂN PHÒNG\n",
        "  signer:\n    authority:\n      - prefix: TUQ.\n        on_behalf: CHỦ TỊCH\n    position: GIÁM ĐỐC SỞ NỘI VỤ\n",
        "  signer:\n    prefix: KT.\n    on_behalf: CHỦ TỊCH\n    position: PHÓ CHỦ TỊCH\n",
        "  signer:\n    position: Q. CHỦ TỊCH\n",
    ]):
        code, found = problems(write(tmp_path, with_signer(block), f"p{i}.yaml"))
        assert code == 0 and not found, (block, found)


def test_a_line_break_in_on_behalf_is_located_with_the_block_to_write(tmp_path):
    text = with_signer('  signer:\n    prefix: TM.\n    on_behalf: "ỦY BAN NHÂN DÂN\\nKT. CHỦ TỊCH"\n'
                       "    position: PHÓ CHỦ TỊCH\n")
    code, found = problems(write(tmp_path, text))
    assert code == 1
    [p] = found
    assert p["code"] == "TT-S004" and p["line"] == line_of(text, "on_behalf:") and p["col"] == 16
    assert "xuống dòng" in p["message"]
    assert "authority: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]" in p["hint"]


@pytest.mark.parametrize("lines,needle,words", [
    ("[KT. CHỦ TỊCH, TM. ỦY BAN NHÂN DÂN]", "authority:", "dòng đầu tiên"),
    ("[KT. CHỦ TỊCH, KT. GIÁM ĐỐC]", "authority:", "hai lần"),
    ("[TM. ỦY BAN NHÂN DÂN, Q. CHỦ TỊCH]", "authority:", "position: Q. CHỦ TỊCH"),
    ("[ỦY BAN NHÂN DÂN]", "authority:", "phải mở đầu bằng TM., KT., TL. hoặc TUQ."),
])
def test_wrong_authority_lines_are_located(tmp_path, lines, needle, words):
    text = with_signer(f"  signer:\n    authority: {lines}\n    position: PHÓ CHỦ TỊCH\n")
    code, found = problems(write(tmp_path, text))
    assert code == 1
    [p] = found
    assert p["line"] == line_of(text, needle), p
    assert words in p["message"] + " " + (p["hint"] or ""), p


def test_authority_with_prefix_and_on_behalf_without_prefix(tmp_path):
    text = with_signer("  signer:\n    prefix: KT.\n    on_behalf: CHỦ TỊCH\n    authority: [TM. ỦY BAN NHÂN DÂN]\n"
                       "    position: PHÓ CHỦ TỊCH\n")
    code, found = problems(write(tmp_path, text))
    assert code == 1 and "không cả hai" in found[0]["message"]
    text = with_signer("  signer:\n    on_behalf: CHỦ TỊCH\n    position: PHÓ CHỦ TỊCH\n")
    code, found = problems(write(tmp_path, text, "b.yaml"))
    assert code == 1 and "không được in ra" in found[0]["message"]  # accepted and ignored no more


def test_period_of_a_multi_year_plan(tmp_path):
    ok = GOOD.replace("  year: 2023\n", "  year: 2023\n  period: {first: 2023, last: 2025}\n")
    assert problems(write(tmp_path, ok))[0] == 0
    short = GOOD.replace("  year: 2023\n", "  year: 2023\n  period: 2023-2025\n")
    assert problems(write(tmp_path, short, "short.yaml")) == (0, [])
    outside = GOOD.replace("  year: 2023\n", "  year: 2023\n  period: {first: 2024, last: 2025}\n")
    code, [p] = problems(write(tmp_path, outside, "outside.yaml"))
    assert code == 1 and p["code"] == "TT-S006" and p["line"] == line_of(outside, "  year: 2023")
    assert "2024–2025" in p["message"]
    backwards = GOOD.replace("  year: 2023\n", "  year: 2023\n  period: {first: 2025, last: 2023}\n")
    code, [p] = problems(write(tmp_path, backwards, "back.yaml"))
    assert code == 1 and p["line"] == line_of(backwards, "period:") and "sớm hơn" in p["message"]


def test_articles_written_by_hand_conflict_with_executors(tmp_path):
    text = GOOD.replace("decision:\n", "decision:\n  articles:\n    - Ban hành kèm theo Quyết định này Kế hoạch …\n"
                                       "    - Quyết định này có hiệu lực từ ngày ký.\n"
                                       "    - Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành./.\n")
    code, [p] = problems(write(tmp_path, text))
    assert code == 1 and p["code"] == "TT-S006"
    assert p["line"] == line_of(text, "  executors:") and "không được in" in p["message"]
    assert "articles" in p["hint"]


def test_proposal_written_in_both_places(tmp_path):
    text = GOOD.replace("  archive: VT", "  proposal: Giám đốc Sở Nội vụ\n  archive: VT")
    code, [p] = problems(write(tmp_path, text))
    assert code == 1 and p["line"] == line_of(text, "  proposal: Giám đốc Sở Nội vụ tại") and "hai lần" in p["message"]
    moved = text.replace("  proposal: Giám đốc Sở Nội vụ tại Tờ trình số 551/TTr-SNV ngày 12 tháng 12 năm 2022\n", "")
    assert problems(write(tmp_path, moved, "moved.yaml")) == (0, [])


def test_article_layout_rejects_the_parts_of_an_attached_plan(tmp_path):
    text = GOOD.replace("decision:\n", "decision:\n  layout: article\n").replace(
        "  year: 2023\n", "  year: 2023\n  intro: Chủ tịch UBND tỉnh ban hành Kế hoạch như sau\n  attached_line: kem-theo\n")
    code, found = problems(write(tmp_path, text))
    assert code == 1
    assert sorted(p["line"] for p in found) == sorted([line_of(text, "  attached_line:"), line_of(text, "  intro:")])
    assert all("Điều 1" in p["message"] for p in found)


def test_attached_line_on_a_plan_alone_is_not_printed(tmp_path):
    text = GOOD.replace("  type: quyet-dinh", "  type: ke-hoach").replace("decision:", "xdecision:")
    text = text[:text.index("xdecision:")] + text[text.index("plan:"):]
    text = text.replace("  year: 2023\n", "  year: 2023\n  attached_line: kem-theo\n")
    code, [p] = problems(write(tmp_path, text))
    assert code == 1 and p["line"] == line_of(text, "attached_line") and "không được in ra" in p["message"]


def test_appendix_and_appendices_together(tmp_path):
    text = GOOD + "appendices:\n  - title: PHỤ LỤC KHÁC\n    tasks:\n      - id: khac\n        content: Việc khác\n"
    code, [p] = problems(write(tmp_path, text))
    assert code == 1 and p["line"] == line_of(text, "  - title: PHỤ LỤC KHÁC") and "chỉ dùng một trong hai" in p["message"]


def test_task_ids_are_unique_across_appendices(tmp_path):
    head = GOOD[:GOOD.index("appendix:\n")]
    text = head + """appendices:
  - title: CÁC NHIỆM VỤ TRỌNG TÂM TUYÊN TRUYỀN CCHC NĂM 2023
    tasks:
      - id: ky-luat-ky-cuong
        content: Đẩy mạnh tuyên truyền kỷ luật, kỷ cương hành chính
        lead: Sở Nội vụ
        due: Thường xuyên
  - title: LỊCH TUYÊN TRUYỀN THEO QUÝ
    tasks:
      - id: ky-luat-ky-cuong
        content: Tuyên truyền kỷ luật, kỷ cương hành chính trên báo tỉnh
        lead: Báo Hà Giang
        due: Quý II/2023
"""
    code, [p] = problems(write(tmp_path, text))
    assert code == 1 and p["code"] == "TT-S005"
    assert p["line"] == line_of(text, "id: ky-luat-ky-cuong", 2)
    assert f"dòng {line_of(text, 'id: ky-luat-ky-cuong')}" in p["message"]


def test_number_kept_as_written(tmp_path):
    text = GOOD.replace("  number: 233", '  number: "0233"')
    code, [p] = problems(write(tmp_path, text))
    assert code == 0 and p["code"] == "TT-S007" and p["severity"] == "warning"
    assert p["line"] == line_of(text, "number:") and "“233”" in p["message"]
    bad = GOOD.replace("  number: 233", '  number: "233a"')
    code, [p] = problems(write(tmp_path, bad, "bad.yaml"))
    assert code == 1 and p["code"] == "TT-S003"


def test_a_reference_line_that_would_not_print_as_written_is_warned(tmp_path):
    same = GOOD.replace("  year: 2023\n", "  year: 2023\n  reference: (Ban hành kèm theo Quyết định số 233/QĐ-UBND "
                                          "ngày 19/12/2022 của UBND tỉnh Hà Giang)\n")
    assert problems(write(tmp_path, same)) == (0, [])  # the same line, the date in figures: nothing to say
    verb = same.replace("(Ban hành kèm theo", "(Kèm theo")
    code, [p] = problems(write(tmp_path, verb, "verb.yaml"))
    assert code == 0 and p["code"] == "TT-S007" and p["line"] == line_of(verb, "reference:")
    assert "không được in ra" in p["message"] and "attached_line: kem-theo" in p["hint"]
    issuer = same.replace("của UBND tỉnh Hà Giang)", "của Chủ tịch UBND tỉnh)")
    code, [p] = problems(write(tmp_path, issuer, "issuer.yaml"))
    assert code == 0 and "issued_by: Chủ tịch UBND tỉnh" in p["hint"]


def test_implements_layout_without_implements_is_warned(tmp_path):
    text = GOOD.replace("  year: 2023\n", "  year: 2023\n  implements_layout: paragraphs\n")
    code, [p] = problems(write(tmp_path, text))
    assert code == 0 and p["code"] == "TT-S007" and p["line"] == line_of(text, "implements_layout")
