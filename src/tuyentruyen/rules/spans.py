"""Where the characters of a YAML text value sit in the file (vị trí trong tệp).

A rule finds "Truyền truyền" at offset 120 of a task's content; the clerk needs line:col,
and `tt lint --fix` needs the exact characters of the file to replace. A plain scalar may
be folded over several lines, a quoted one may hold escapes, a block scalar has a header
and indentation: :func:`value_offsets` maps each character of the value to its index in
the source (a greedy alignment, checked), and :func:`source_span` gives a replaceable
span only when the file holds exactly the value's text there, so a fix never has to
guess. Everything else in the file — comments, quoting, line breaks — is left as it is.
"""

from __future__ import annotations

import bisect
import json

import yaml

_FLOW_BREAKERS = frozenset(",[]{}")
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")


def value_offsets(node: yaml.ScalarNode, text: str) -> list[int] | None:
    """For each character of node.value, its index in text; None when they cannot be aligned."""
    value = node.value
    start, end = node.start_mark.index, node.end_mark.index
    style = node.style or ""
    p = start
    if style in ("|", ">"):
        nl = text.find("\n", start, end)
        if nl < 0:
            return [] if not value else None
        p = nl + 1
    elif style in ("'", '"'):
        p = start + 1
    offs: list[int] = []
    find = text.find
    for ch in value:
        if ch == " ":
            a, b = find(" ", p, end), find("\n", p, end)
            q = a if b < 0 or (0 <= a < b) else b
        else:
            q = find(ch, p, end)
        if q < 0:
            return None
        offs.append(q)
        p = q + 1
    return offs


def source_span(node: yaml.ScalarNode, text: str, offs: list[int] | None, start: int, end: int) -> tuple[int, int] | None:
    """The file span holding value[start:end] verbatim, or None (folded, escaped, not contiguous)."""
    if offs is None or not 0 <= start < end <= len(offs):
        return None
    a, b = offs[start], offs[end - 1] + 1
    if b - a != end - start or text[a:b] != node.value[start:end]:
        return None
    return a, b


def safe_replacement(node: yaml.ScalarNode, text: str, span: tuple[int, int], replacement: str,
                     *, in_flow: bool) -> tuple[int, int, str] | None:
    """(start, end, new text) replacing span with replacement without changing the YAML's shape.

    Inside the scalar's own quoting when the replacement needs no escaping there; when the
    span is the whole value and the new text would need quotes (a comma in a flow list, a
    ': '), the whole scalar is rewritten double-quoted. None when neither is safe.
    """
    a, b = span
    style = node.style or ""
    whole = (a, b) == _value_bounds(node, text)
    needs_quotes = False
    if "\n" in replacement or "\r" in replacement:
        return None
    if style == "":
        if ": " in replacement or " #" in replacement or replacement.endswith(":"):
            needs_quotes = True
        if in_flow and any(c in _FLOW_BREAKERS for c in replacement):
            needs_quotes = True
        if a == node.start_mark.index and (not replacement or replacement[0] in _PLAIN_START
                                           or replacement[0].isspace()):
            needs_quotes = True
        if b == node.end_mark.index and replacement[-1:].isspace():
            needs_quotes = True
    elif style == "'":
        needs_quotes = "'" in replacement
    elif style == '"':
        needs_quotes = '"' in replacement or "\\" in replacement
    if not needs_quotes:
        return a, b, replacement
    if not whole:
        return None
    return node.start_mark.index, node.end_mark.index, json.dumps(replacement, ensure_ascii=False)


def _value_bounds(node: yaml.ScalarNode, text: str) -> tuple[int, int] | None:
    offs = value_offsets(node, text)
    if not offs:
        return None
    return offs[0], offs[-1] + 1


class LineIndex:
    """Absolute character index → (line, column), both 1-based, in O(log n)."""

    def __init__(self, text: str):
        starts = [0]
        i = text.find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        self.starts = starts

    def pos(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1
