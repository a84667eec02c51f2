"""Where the cursor is (tuyentruyen.lsp.where), read from the lines of a plan being typed: on
every key and one-line value of every sample and fixture it names the path tt's own YAML loader
gives, and it still answers on text that is not YAML yet."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import FIXTURES, PLANS, ROOT
from tuyentruyen.loading.documents import load_plan
from tuyentruyen.lsp.where import locate

FILES = sorted(p for p in [*PLANS.rglob("*.yaml"), *FIXTURES.rglob("*.yaml")] if not p.name.endswith(".errors.yaml"))


def nodes(node, path=()):
    if isinstance(node, yaml.ScalarNode):
        yield "value", path, node
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            yield from nodes(v, path + (i,))
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            yield "key", path + (k.value,), k
            yield from nodes(v, path + (k.value,))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_key_and_value_is_found_where_the_loader_puts_it(path):
    loaded = load_plan(path)
    if loaded.yaml is None:
        pytest.skip("not YAML")
    lines = loaded.source.text.split("\n")
    flow = {n.start_mark.line for _, _, n in nodes(loaded.yaml.root)
            if lines[n.start_mark.line].lstrip("- ").split(":", 1)[-1].strip().startswith("{")}
    checked = 0
    for kind, where, node in nodes(loaded.yaml.root):
        if node.start_mark.line != node.end_mark.line or node.style in ("|", ">") or node.start_mark.line in flow:
            continue  # a text over several lines; an inline table {a: 1} (read as one value)
        spot = locate(lines, node.start_mark.line, node.start_mark.column + (1 if kind == "key" else 0))
        on = "key" if kind == "key" else ("item" if where and isinstance(where[-1], int) else "value")
        assert (spot.path, spot.on) == (where, on), (node.start_mark.line + 1, kind)
        if kind == "value":
            assert spot.value == node.value
        checked += 1
    assert checked


def test_the_cursor_is_placed_on_text_being_typed():
    text = ("document:\n  signer:\n    position: CHỦ TỊCH\n    \nappendix:\n  tasks:\n    - id: a\n"
            "      lea\n    - \n      due: >-\n        Quý I: trước ngày 15/3\n")
    lines = text.split("\n")
    blank = locate(lines, 3, 4)
    assert (blank.path, blank.on) == (("document", "signer"), "blank")
    typed = locate(lines, 7, 9)
    assert (typed.path, typed.on, typed.value) == (("appendix", "tasks", 0, "lea"), "key", "lea")
    item = locate(lines, 8, 6)
    assert (item.path, item.on) == (("appendix", "tasks", 1), "blank")
    block = locate(lines, 10, 12)
    assert (block.path, block.on) == (("appendix", "tasks", 1, "due"), "value")  # text, though it has ': '
    inline = locate(["  header: [ỦY BAN NHÂN DÂN, TỈNH QUẢNG NGÃI]"], 0, 32)
    assert (inline.path, inline.on, inline.value) == (("header", 1), "item", "TỈNH QUẢNG NGÃI")
