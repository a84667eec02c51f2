"""TT-T010 finds its words in two steps (the last two letters, then back to the word's start) for
speed: the words found are exactly those of the one-regex definition (_CANDIDATE), on the samples,
on generated text and on the letters that make the two steps differ if either is wrong."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tuyentruyen.rules.text_tone_marks import _CANDIDATE, candidates

ROOT = Path(__file__).resolve().parents[2]
LETTERS = "aoeuyAOEUYàáảãạòóỏõọèéẻẽẹỳýỷỹỵùúủũụÒÓỎÕỌÙÚỦŨỤÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴhHqQ"


def _one_regex(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _CANDIDATE.finditer(text)]


def test_same_words_as_the_one_regex_on_every_sample():
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "plans").rglob("*.yaml"))]
    found = 0
    for text in texts:
        assert list(candidates(text)) == _one_regex(text)
        found += len(_one_regex(text))
    assert found > 50  # the samples do have such words ("hóa", "thủy", "Hòa")


def test_words_that_end_in_a_candidate_and_words_that_do_not():
    text = "Văn hóa, HOÁ, thuỷ, Thủy_2, khoẻ1 quý (hòa) xoà-oà uỷ ban Ủy QUÝ ngoài hoa hóan"
    assert [w for _, _, w in candidates(text)] == [w for _, _, w in _one_regex(text)]
    assert [w for _, _, w in candidates(text)][:3] == ["hóa", "HOÁ", "thuỷ"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=LETTERS + " ,_1-(đ", max_size=40))
def test_same_words_on_generated_text(text):
    assert list(candidates(text)) == _one_regex(text)
