"""One catalogue of codes (data/codes.yaml plus the lint rules): every code tt reports has one
meaning and one Vietnamese title, used by the annotations, SARIF and the docs."""

from __future__ import annotations

import re
from pathlib import Path

from tuyentruyen.problems import code_title, codes
from tuyentruyen.rules import all_rules

SRC = Path(__file__).resolve().parent.parent / "src" / "tuyentruyen"


def _used() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        found |= set(re.findall(r"\bTT-[A-Z]\d{3}\b", path.read_text("utf-8")))
    return found


def test_every_code_used_is_a_rule_or_in_the_catalogue():
    rules = {r.code for r in all_rules()}
    missing = sorted(_used() - rules - set(codes()))
    assert not missing, f"mã chưa có trong data/codes.yaml: {missing}"


def test_the_catalogue_names_no_rule_and_nothing_unused():
    rules = {r.code for r in all_rules()}
    assert not set(codes()) & rules
    unused = sorted(set(codes()) - _used())
    assert not unused, f"mã trong data/codes.yaml không còn dùng: {unused}"


def test_each_code_defined_once_as_an_error_class():
    """An error class states its code once: two classes with one code would be two meanings."""
    seen: dict[str, str] = {}
    clashes = []
    for path in SRC.rglob("*.py"):
        text = path.read_text("utf-8")
        for m in re.finditer(r'^class (\w+)\(.*\):\n(?:\s+""".*?"""\n)?\s*\n?\s+code = "(TT-[A-Z]\d{3})"', text,
                             re.M | re.S):
            name, code = m.groups()
            where = f"{path.relative_to(SRC)}:{name}"
            if code in seen and seen[code] != where:
                clashes.append(f"{code}: {seen[code]} và {where}")
            seen.setdefault(code, where)
    assert not clashes, clashes


def test_titles_are_vietnamese():
    for code, title in codes().items():
        assert title and (title[0].isupper() or title.startswith("tt ")) and not title.endswith("."), code
    assert code_title("TT-D001") == next(r.title for r in all_rules() if r.code == "TT-D001")
    assert code_title("TT-Y004") == "Thụt lề bằng ký tự Tab"
