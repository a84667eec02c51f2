"""format_text(edit=…): what `tt new` writes (next year's plan) goes through the same emitter as fmt.

The edit changes the loaded data in place; what it leaves alone is written as in the source
(block scalars, numbers as written, comments), what it changes is written from its new value, in
the canonical layout; a comment is never lost, even when the entry it was on is deleted.
"""

from __future__ import annotations

import shutil
from collections import Counter

from tests.conftest import PLANS, run_tt
from tests.fmt.test_inputs import comments, data_of
from tuyentruyen.edit.fmt import format_text

PLAN = """\
# đầu tệp
tt: 1
document:
  type: ke-hoach
  number: 07  # số cũ
  date: 15/01/2024
  title: Kế hoạch năm 2024
plan:
  year: 2024
  intro: |
    Năm 2024, tỉnh tiếp tục
      đẩy mạnh cải cách.
  closing: >-
    Đoạn gấp
    năm 2024.
  # trước reference
  reference: Kèm theo Kế hoạch số 07  # tham chiếu
  sections: []
"""


def test_an_edit_is_written_in_the_canonical_layout_and_reads_back_as_the_edited_data():
    def edit(data):
        data["document"]["number"] = None
        data["document"]["title"] = "Kế hoạch năm 2025"
        data["plan"]["year"] = 2025
        data["plan"]["intro"] = data["plan"]["intro"].replace("2024", "2025")
        data["plan"]["closing"] = data["plan"]["closing"].replace("2024", "2025")
        del data["plan"]["reference"]
        data["units"] = "../units.yaml"  # a key the source did not have: put in its place

    expected = {}

    def keep(data):
        edit(data)
        expected.update(data)

    out = format_text(PLAN, edit=keep, drop_comments_at=frozenset({("document", "number")}),
                      add_comments={("plan", "year"): "# tt new: năm mới"})
    assert data_of(out) == expected  # check_data: what is written is the edited data, exactly
    assert out.index("units: ../units.yaml") < out.index("document:")  # `units` comes right after `tt`
    assert "  number:\n" in out and "# số cũ" not in out  # the comment on the cleared value is dropped
    assert "  year: 2025  # tt new: năm mới\n" in out
    assert "  intro: |\n    Năm 2025, tỉnh tiếp tục\n      đẩy mạnh cải cách.\n" in out  # still a block
    # the comments of the deleted key are not lost: they go before the next entry
    assert Counter(comments(out)) == Counter(comments(PLAN)) - Counter(["# số cũ"]) + Counter(["# tt new: năm mới"])
    assert format_text(out) == out


def test_what_the_edit_leaves_alone_is_written_as_in_the_source():
    out = format_text(PLAN, edit=lambda data: data["plan"].update(year=2025))
    assert "  number: 07  # số cũ\n" in out  # a number as written
    assert "  closing: >-\n    Đoạn gấp\n    năm 2024.\n" in out  # a folded block as written


def test_tt_new_keeps_a_block_scalar_a_block_when_its_years_move(tmp_path):
    shutil.copytree(PLANS / "xuan-loc", tmp_path / "plans" / "xuan-loc")
    plan = tmp_path / "plans" / "xuan-loc" / "2024.yaml"
    text = plan.read_text("utf-8")
    closing = next(line for line in text.splitlines() if line.startswith("  closing: "))
    body = closing[len("  closing: "):]
    plan.write_text(text.replace(closing, f"  closing: |\n    {body}\n    Năm 2024.\n"), encoding="utf-8")
    res = run_tt("new", "--from", "plans/xuan-loc/2024.yaml", cwd=tmp_path)
    assert res.code in (0, 1), res.text
    new = (tmp_path / "plans" / "xuan-loc" / "2025.yaml").read_text("utf-8")
    assert "  closing: |\n" in new and "    Năm 2025.\n" in new
    assert run_tt("fmt", "--check", "plans/xuan-loc/2025.yaml", cwd=tmp_path).code == 0
