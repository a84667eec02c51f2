"""fmt on the valid plans it used to crash on or refuse (issue 14, "fmt crashes on valid plans"),
and the one line-splitting convention it shares with the loader and the spans.

Each case is a plan that `tt validate` reads. fmt must write a text that reads back as the same
data (by the loader every command uses, NFC-normalised), with the same comments, that fmt leaves
as it is; through the command: exit 0 (or 1 for --check), no traceback, the file untouched by
--check. A plan nested deeper than the loader allows is refused by fmt exactly as validate refuses
it (TT-Y010 at the same place).
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_tt
from tests.integration.plan_gen import data_of, nfc
from tuyentruyen.edit.fmt import FormatError, format_text
from tuyentruyen.loading import Source, parse_yaml
from tuyentruyen.loading.roundtrip import comment_texts
from tuyentruyen.loading.source import line_starts, split_lines


def comments(text: str) -> Counter:
    return Counter(unicodedata.normalize("NFC", c)
                   for c in comment_texts(text, parse_yaml(Source(Path("x.yaml"), "x.yaml", text)).root))


def formats_safely(text: str) -> str:
    out = format_text(text)
    assert data_of(out) == data_of(text)
    assert comments(out) == comments(text)
    assert format_text(out) == out
    assert "\r" not in out and out.endswith("\n")
    assert not out.endswith("\n\n") or "|+" in out  # no blank line at the end, but the text of a `|+` block
    return out


PLAN = "tt: 1\ndocument:\n  type: ke-hoach\n  title: Kế hoạch\nplan:\n  year: 2024\n"

CASES = {
    # line breaks: libyaml's (CR LF, CR, LF, NEL, LS, PS) everywhere, comments on the lines after
    "lone-cr": "tt: 1\r# đầu\rplan:  # kế hoạch\r  year: 2024\r  closing: Hết.  # cuối\r",
    "crlf": "tt: 1\r\n# đầu\r\nplan:  # kế hoạch\r\n  year: 2024\r\n  closing: \"a\r\n    b\"  # cuối\r\n",
    "mixed-breaks": "tt: 1\nplan:\r  year: 2024\r\n  closing: Hết.\n",
    "ls-in-double-quotes": 'tt: 1\nplan:\n  intro: "Dòng một\u2028dòng hai"  # sau LS\n  year: 2024  # năm\n',
    "ps-in-double-quotes": 'tt: 1\nplan:\n  intro: "Mục một\u2029mục hai"\n  # dòng chú thích\n  year: 2024\n',
    "nel-in-double-quotes": 'tt: 1\nplan:\n  intro: "Một\x85hai"  # NEL\n  year: 2024\n',
    "ls-in-single-quotes": "tt: 1\nplan:\n  intro: 'Một\u2028hai'\n  year: 2024  # năm\n",
    "ls-in-plain": "tt: 1\nplan:\n  intro: Một\u2028    hai\n  year: 2024  # năm\n",
    "ls-ends-a-comment": "tt: 1\nplan:\n  year: 2024  # năm\u2028  closing: Hết.\n",
    "ls-in-block-scalar": "tt: 1\nplan:\n  intro: |\n    Một\u2028    hai\n  year: 2024\n",
    "escaped-controls": 'tt: 1\nplan:\n  intro: "NUL\\0 ESC\\e[2J BEL\\a DEL\\x7F C1\\x9B BOM\\uFEFF"\n  year: 2024\n',
    # tags and values other YAML readers construct (ruamel.yaml did, and crashed)
    "int-tag-on-text": "tt: 1\nplan:\n  year: 2024\n  closing: !!int abc\n",
    "str-tag-on-digits": "tt: 1\nplan:\n  year: 2024\n  closing: !!str 12\n",
    "binary": "tt: 1\nplan:\n  year: 2024\n  closing: !!binary aGVsbG8gd29ybGQ=\n",
    "binary-block": "tt: 1\nplan:\n  year: 2024\n  closing: !!binary |\n    aGVsbG8g\n    d29ybGQ=\n",
    "local-tag": "tt: 1\nplan:\n  year: 2024\n  closing: !ghi-chu Hết.\n  sections: !danh-sach []\n",
    "impossible-timestamp": "tt: 1\nplan:\n  year: 2024\n  closing: 2022-13-45\n",
    "timestamp-like": "tt: 1\nplan:\n  year: 2024\n  closing: 2022-12-19\n  intro: 2022-12-19 10:00:00\n",
    "yaml11-booleans": "tt: 1\nplan:\n  year: 2024\n  closing: yes\n  intro: off\n  reference: '~'\n",
    "numbers-as-written": "tt: 1\nplan:\n  year: 02024\n  x: 0o17\n  y: 1e3\n  z: +5\n  w: .inf\n  v: 0x1F\n",
    # tabs inside values (a tab in the indentation is TT-Y004, not formatted)
    "tab-in-plain": "tt: 1\nplan:\n  year: 2024\n  closing: Hết\tthật.\n",
    "tab-before-comment": "tt: 1\nplan:\n  year: 2024\t# năm\n  closing: Hết.\t# cuối\n",
    "tab-in-quotes": "tt: 1\nplan:\n  year: 2024\n  closing: 'a\tb'\n  intro: \"c\\td\"\n",
    # anchors, aliases and merge keys, also when fmt moves the key that holds the anchor
    "alias-after-reorder": "ghi-chu: &u Sở Nội vụ\ntt: 1\nplan:\n  year: 2024\n  closing: *u\n",
    "merge-after-reorder": "mau: &m {year: 2024, closing: Hết.}\ntt: 1\nplan:\n  <<: *m\n  closing: Khác.\n",
    "anchored-list-item": "tt: 1\nplan:\n  year: 2024\n  sections:\n    - &s\n      heading: Mục\n    - *s\n",
    # block scalars as written, whatever their header
    "keep-chomping-at-end": "tt: 1\nplan:\n  year: 2024\n  closing: |+\n    Hết.\n\n",
    "keep-chomping-then-key": "tt: 1\nplan:\n  closing: |+\n    Hết.\n\n  # ghi chú\n  year: 2024\n",
    "indentation-indicator": "tt: 1\nplan:\n  year: 2024\n  closing: |2\n      thụt lề\n    không\n",
    "folded-more-indented": "tt: 1\nplan:\n  year: 2024\n  closing: >-\n    Dòng\n      thụt\n    tiếp\n",
    "header-comment": "tt: 1\nplan:\n  year: 2024\n  closing: |  # chú thích\n    Hết.\n",
    "block-trailing-spaces": "tt: 1\nplan:\n  year: 2024\n  closing: |\n    dấu cách   \n    \t tab\n",
    "deeply-indented-block": "tt: 1\nplan:\n  year: 2024\n  closing: |\n          sâu\n          nữa\n",
    # keys libyaml takes only in the explicit form, documents, flow collections over lines
    "long-key": "tt: 1\nplan:\n  year: 2024\n  ? " + "k" * 1100 + "\n  : v\n",
    "markers-and-directives": "# đầu\n%YAML 1.1\n--- # tài liệu\ntt: 1\nplan: {year: 2024}\n... # hết\n",
    "flow-over-lines": "tt: 1\nplan:\n  year: 2024\n  lead: [\n    Sở Nội vụ,  # một\n    # trước hai\n    Sở Tài chính\n  ]  # sau\n",
    "awkward-strings": ("tt: 1\nplan:\n  year: 2024\n  items: ['- x', '? x', ': x', '#x', '@x', '%x', '`x', '---', '...', "
                        "'a: b', 'a #b', ' lề', 'lề ', '', '01', '1e3', 'null', 'Null', '~', '<<', '=']\n"),
    "nfd": unicodedata.normalize("NFD", "tt: 1  # Ủy ban\nplan:\n  year: 2024\n  closing: Nguyễn Văn Sơn\n"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fmt_formats_a_valid_plan_safely(name):
    formats_safely(CASES[name])


@pytest.mark.parametrize("name", ["lone-cr", "ls-in-double-quotes", "int-tag-on-text", "impossible-timestamp",
                                  "tab-in-plain", "binary", "merge-after-reorder", "keep-chomping-at-end"])
def test_the_command_formats_it_and_check_leaves_it_alone(tmp_path, name):
    plan = tmp_path / "plans" / "2024.yaml"
    plan.parent.mkdir()
    raw = ("\n" + CASES[name]).encode("utf-8")  # a blank line at the top: fmt has something to do
    plan.write_bytes(raw)
    res = run_tt("fmt", "--check", "plans/2024.yaml", cwd=tmp_path)
    assert res.code == 1 and "Traceback" not in res.text and plan.read_bytes() == raw, res.text
    res = run_tt("fmt", "plans/2024.yaml", cwd=tmp_path)
    assert res.code == 0, res.text
    assert run_tt("fmt", "--check", "plans/2024.yaml", cwd=tmp_path).code == 0
    assert data_of(plan.read_text("utf-8")) == data_of(CASES[name])


def test_the_escapes_fmt_writes():
    out = formats_safely(CASES["ls-in-double-quotes"])
    assert '  intro: "Dòng một\\Ldòng hai"  # sau LS\n' in out
    assert '"Mục một\\Pmục hai"' in formats_safely(CASES["ps-in-double-quotes"])
    assert "  intro: Một hai  # NEL\n" in formats_safely(CASES["nel-in-double-quotes"])  # libyaml folds NEL
    assert "  closing: \"Hết\\tthật.\"\n" in formats_safely(CASES["tab-in-plain"])
    out = formats_safely(CASES["escaped-controls"])
    assert '"NUL\\0 ESC\\e[2J BEL\\a DEL\\x7F C1\\x9B BOM\\uFEFF"' in out


def test_tags_anchors_and_numbers_are_kept_as_written():
    assert "  closing: !!int abc\n" in formats_safely(CASES["int-tag-on-text"])
    assert "  closing: !!binary aGVsbG8gd29ybGQ=\n" in formats_safely(CASES["binary"])
    assert "  closing: !ghi-chu Hết.\n" in formats_safely(CASES["local-tag"])
    assert "  closing: '2022-13-45'\n" in formats_safely(CASES["impossible-timestamp"])
    out = formats_safely(CASES["numbers-as-written"])
    assert "  year: 02024\n" in out and "  x: 0o17\n" in out and "  z: +5\n" in out and "  v: 0x1F\n" in out
    out = formats_safely(CASES["alias-after-reorder"])
    assert out.index("&u") < out.index("*u")  # the anchor moved with the first place it is written


def test_a_block_scalar_keeps_its_lines_and_header():
    out = formats_safely(CASES["indentation-indicator"])
    assert "  closing: |2\n      thụt lề\n    không\n" in out
    out = formats_safely(CASES["folded-more-indented"])
    assert "  closing: >-\n    Dòng\n      thụt\n    tiếp\n" in out
    out = formats_safely(CASES["deeply-indented-block"])
    assert "  closing: |\n    sâu\n    nữa\n" in out  # re-indented two columns under its key


def test_nesting_at_the_loaders_limit_formats_and_beyond_it_fmt_refuses_as_validate_does(tmp_path):
    from tuyentruyen.loading.yamlpos import MAX_DEPTH

    def nested(levels: int) -> str:
        lines, indent = ["tt: 1", "plan:", "  year: 2024", "  x:"], 4
        for _ in range(levels - 3):  # plan, x and the root are collections too
            lines.append(" " * indent + "y:")
            indent += 2
        lines.append(" " * indent + "z: 1")
        return "\n".join(lines) + "\n"

    formats_safely(nested(MAX_DEPTH))
    text = nested(MAX_DEPTH + 1)
    with pytest.raises(FormatError) as err:
        format_text(text)
    refused = err.value.problems[0]
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "2024.yaml").write_text(text, encoding="utf-8")
    res = run_tt("validate", "--format", "json", "plans/2024.yaml", cwd=tmp_path)
    found = [p for p in json.loads(res.out)["problems"] if p["code"] == "TT-Y010"]
    assert refused.code == "TT-Y010" and refused.fatal
    assert found and (found[0]["line"], found[0]["col"]) == (refused.line, refused.col)
    res = run_tt("fmt", "plans/2024.yaml", cwd=tmp_path)
    assert res.code == 2 and "TT-Y010" in res.err and "Traceback" not in res.text
    assert (tmp_path / "plans" / "2024.yaml").read_text(encoding="utf-8") == text


def test_keys_equal_in_nfc_are_refused_not_merged():
    text = "tt: 1\nplan:\n  year: 2024\n  Ủy: 1\n  " + unicodedata.normalize("NFD", "Ủy") + ": 2\n"
    with pytest.raises(FormatError) as err:
        format_text(text)
    assert err.value.problems[0].code == "TT-F002"


# ---------------------------------------------------------------- one line-splitting convention


BREAKS = ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("brk", BREAKS, ids=repr)
def test_the_loader_the_spans_and_fmt_count_the_lines_libyaml_counts(brk):
    from tuyentruyen.rules.spans import LineIndex

    text = brk.join(["tt: 1", "plan:", "  year: 2024  # năm", '  closing: "a', '    b"', "  intro: x", ""])
    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    index = LineIndex(text)
    lines = split_lines(text)
    assert len(lines) == 7 and line_starts(text)[-1] == len(text)
    stack = [root]
    while stack:
        node = stack.pop()
        m = node.start_mark
        assert index.pos(m.index) == (m.line + 1, m.column + 1)
        assert Source(Path("x"), "x", text).line(m.line + 1) == lines[m.line]
        if isinstance(node, yaml.MappingNode):
            stack.extend(x for kv in node.value for x in kv)
    assert comments(text) == Counter(["# năm"])
    joined = "a b" if brk in ("\n", "\r\n", "\r", "\x85") else {"\u2028": "\"a\\Lb\"", "\u2029": "\"a\\Pb\""}[brk]
    assert formats_safely(text) == f"tt: 1\nplan:\n  year: 2024  # năm\n  intro: x\n  closing: {joined}\n"


def test_merge_keys_in_every_shape():
    for text in ("tt: 1\nplan:\n  <<: {year: 2024}\n  closing: Hết.\n",
                 "tt: 1\nplan:\n  <<: [&a {year: 2024}, {closing: Hết.}]\nghi-chu: *a\n",
                 "mau: &m {year: 2024}\ntt: 1\nplan:\n  <<: *m\n  closing: Khác.\n"):
        out = formats_safely(text)
        assert "<<:" in out
