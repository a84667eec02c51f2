"""Properties of fmt beyond the generated plans of tests/integration/test_fmt.py: any text at all
survives (as a value, a list item, a key), whatever the line breaks of the file, and the spans
that lint reports with agree with libyaml's marks on every node.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fmt.test_inputs import comments, data_of
from tests.integration.plan_gen import layouts, plans, untidy, with_comments
from tuyentruyen.edit.fmt import format_text, quote
from tuyentruyen.loading import Source, parse_yaml
from tuyentruyen.rules.spans import LineIndex, value_offsets

# every character YAML can carry in a value (escaped where it must be), surrogates aside
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
vietnamese = st.text(st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠỦỨỪ ,.:;#-'\"\\/()[]{}&*!|>%@`?")),
                     max_size=40)
texts = st.one_of(any_text, vietnamese, st.sampled_from(["", " ", "~", "null", "yes", "01", "1e3", "- a", ": b",
                                                         "a: b", "a #b", "<<", "\u2028", "\x85", "\r", "\t", "\ufeff"]))
settings_ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings_
@given(texts, texts, st.lists(texts, max_size=4), st.sampled_from([False, None, True]))
def test_any_text_survives_as_a_value_an_item_and_a_key(value, key, items, flow):
    data = {"tt": 1, "plan": {"year": 2024, "closing": value, "items": items, "ghi chú": {key: value}}}
    text = yaml.dump(data, allow_unicode=True, default_flow_style=flow, width=60)
    out = format_text(text)
    assert data_of(out) == data_of(text)  # what tt reads (YAML 1.2 core; PyYAML wrote it for YAML 1.1)
    assert format_text(out) == out


def mix(lines: list[str], breaks: list[str]) -> str:
    """lines joined with the breaks in turn (never a CR then an LF, which would make one CR LF)."""
    out, last = [], ""
    for i, line in enumerate(lines[:-1]):
        brk = breaks[i % len(breaks)]
        if brk.startswith("\n") and last.endswith("\r") and not line:
            brk = "\r"
        out.append(line + brk)
        last = brk
    return "".join(out) + lines[-1]


@settings_
@given(texts, st.booleans())
def test_quote_reads_back_as_the_text_in_block_and_flow(value, flow):
    written = quote(value, flow)
    line = f"a: [{written}]\n" if flow else f"a: {written}\n"
    read = parse_yaml(Source(Path("x"), "x", line)).data["a"]
    assert (read[0] if flow else read) == unicodedata.normalize("NFC", value)
    assert "\n" not in written and "\r" not in written  # one line, always


BREAKS = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans(), layouts, st.lists(st.integers(0, 10_000), max_size=8), st.lists(BREAKS, min_size=1, max_size=5))
def test_the_line_breaks_of_the_file_change_nothing(data, layout, picks, breaks):
    text, _ = with_comments(untidy(data, layout), picks)
    mixed = mix(text.split("\n"), breaks)
    assert format_text(mixed) == format_text(text)
    assert comments(mixed) == comments(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans(), layouts, st.lists(st.sampled_from(["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"]), min_size=1,
                                  max_size=4))
def test_line_and_column_of_every_node_are_libyamls(data, layout, breaks):
    text = untidy(data, layout)
    text = mix(text.split("\n"), breaks)
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:  # a NEL/LS/PS break inside a plain value can end it where PyYAML did not expect
        return
    index = LineIndex(text)
    stack = [root]
    while stack:
        node = stack.pop()
        m, e = node.start_mark, node.end_mark
        assert index.pos(m.index) == (m.line + 1, m.column + 1)
        assert index.pos(e.index) == (e.line + 1, e.column + 1)
        if isinstance(node, yaml.MappingNode):
            stack.extend(x for kv in node.value for x in kv)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        else:
            offs = value_offsets(node, text)
            if offs is None:
                continue
            assert len(offs) == len(node.value) and offs == sorted(set(offs))
            for ch, at in zip(node.value, offs):
                assert text[at] == ch or (ch in " \n" and text[at] in " \n\r\x85\u2028\u2029")
