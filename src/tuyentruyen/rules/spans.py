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
import re

import yaml

from tuyentruyen.loading.source import line_starts

_FLOW_BREAKERS = frozenset(",[]{}")
_BREAK = re.compile("[\n\r\x85\u2028\u2029]")  # where a folded line ends (CR LF: at the CR)
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")


def value_offsets(node: yaml.ScalarNode, text: str) -> list[int] | None:
    """For each character of node.value, its index in text; None when they cannot be aligned.

    Linear in the scalar's length: the stretches the source holds verbatim are matched in
    blocks; elsewhere a space of the value is the next space or line break of the source (a
    plain or quoted scalar folds a line break into a space), and the next of each is looked
    for once, not from every space (a 2 MB line took a minute that way). Line breaks are
    libyaml's (tuyentruyen.loading.source.LINE_BREAK). The last answers are kept: the rules
    and the fixes of one plan ask for the same scalars again."""
    key = id(node)
    hit = _RECENT.get(key)
    if hit is not None and hit[0] is node and hit[1] is text:
        return hit[2]
    offs = _align(node, text)
    if len(_RECENT) >= _RECENT_MAX:
        _RECENT.clear()
    _RECENT[key] = (node, text, offs)
    return offs


_RECENT: dict[int, tuple] = {}
_RECENT_MAX = 64


def _align(node: yaml.ScalarNode, text: str) -> list[int] | None:
    value = node.value
    start, end = node.start_mark.index, node.end_mark.index
    style = node.style or ""
    p = start
    if style in ("|", ">"):
        header_end = _BREAK.search(text, start, end)
        if header_end is None:
            return [] if not value else None
        p = header_end.end()
    elif style in ("'", '"'):
        p = start + 1
    offs: list[int] = []
    append, find, search, startswith = offs.append, text.find, _BREAK.search, text.startswith
    space = brk = -2  # the next space / line break at or after p (-1: none left; -2: not looked for)
    i, n = 0, len(value)
    while i < n:
        run = _verbatim(text, p, value, i, n)
        if run:
            offs.extend(range(p, p + run))
            i += run
            p += run
            if i == n:
                break
        ch = value[i]
        if ch == " " or ch == "\n":  # a space may be a folded line break; a line break any of libyaml's
            if -1 != brk < p:
                m = search(text, p, end)
                brk = m.start() if m else -1
            if ch == "\n":
                q = brk
            else:
                if -1 != space < p:
                    space = find(" ", p, end)
                q = space if brk < 0 or 0 <= space < brk else brk
        else:
            q = find(ch, p, end)
        if q < 0:
            return None
        append(q)
        p = q + 2 if q == brk and startswith("\r\n", q) else q + 1
        i += 1
    return offs


def _verbatim(text: str, p: int, value: str, i: int, n: int) -> int:
    """How many characters of value from i the text holds as they are from p (compared in blocks)."""
    k, step = 0, 4096
    while step:
        while i + k + step <= n and text.startswith(value[i + k:i + k + step], p + k):
            k += step
        step >>= 3
    return k


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
    """Absolute character index → (line, column), both 1-based, in O(log n); lines as libyaml
    counts them (tuyentruyen.loading.source.line_starts), so they agree with every mark."""

    def __init__(self, text: str):
        self.starts = line_starts(text)

    def pos(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1
