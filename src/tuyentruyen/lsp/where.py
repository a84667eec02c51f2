"""Where the cursor is in a plan being typed (vị trí con trỏ): the keys from the root, and the key
or value under the cursor — read from the lines, because a file being typed is often not YAML yet
("lea" alone on a line), and completion is asked exactly then.

Plans are block YAML (`tt fmt` writes them so): `key: value`, `key:` opening a table or a list,
`- ` list items, inline lists `[a, b]`, block scalars `>-`. Anything else (a flow table over
several lines) is read as far as it goes; nothing here raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# a key as plans write it: plain (no ': ' or ' #' inside), or quoted
_KEY = re.compile(r"""(?P<key>"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-?:,\[\]{}&*!|>%@`][^#]*?|-[^\s#]*?)\s*:(?=\s|$)""")
_BLOCK_SCALAR = re.compile(r"^[|>][0-9+\-]*\s*(#.*)?$")


@dataclass(frozen=True)
class Spot:
    """What is under the cursor.

    path: the keys and list indices from the root to the value under the cursor (or, on a line
    where nothing is written yet, to the table being written); key: the key of that value (the
    last key of path); on: "key" (typing or on a key), "value" (on a value), "item" (on an item
    of a list of values), "blank" (nothing written there); value: the value as written, without
    quotes; start/end: its columns on the line (code points, end excluded); indent: the column
    where a new key would start.
    """

    path: tuple
    key: str | None
    on: str
    value: str | None = None
    start: int = 0
    end: int = 0
    indent: int = 0

    def _named(self) -> "Spot":
        return Spot(self.path, _last_key(self.path), self.on, self.value, self.start, self.end, self.indent)

    @property
    def parent(self) -> tuple:
        """The path of the table holding the key under the cursor."""
        return self.path[:-1] if self.on in ("key", "value") else (
            self.path[:-1] if self.on == "item" else self.path)


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    return text


def _strip_comment(text: str) -> str:
    """The value without an end-of-line comment (` #…` outside quotes)."""
    quote = None
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'" and (i == 0 or text[i - 1] in " [,"):
            quote = ch
        elif ch == "#" and (i == 0 or text[i - 1].isspace()):
            return text[:i].rstrip()
    return text.rstrip()


def parse_line(line: str) -> tuple[list[int], tuple[int, str, str, int] | None, int]:
    """(columns of the '- ' of the line, (key column, key, value, value column) or None, column
    of what follows the dashes)."""
    col = len(line) - len(line.lstrip(" "))
    dashes = []
    while line.startswith("-", col) and (col + 1 == len(line) or line[col + 1] in " \t"):
        dashes.append(col)
        col += 1
        while col < len(line) and line[col] in " \t":
            col += 1
    rest = line[col:]
    m = _KEY.match(rest)
    if m and not rest.startswith("#"):
        key = _unquote(m.group("key").strip())
        after = col + m.end()
        vcol = after + (len(line[after:]) - len(line[after:].lstrip(" \t")))
        return dashes, (col, key, _strip_comment(line[vcol:]), vcol), col
    return dashes, None, col


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(" "))


def locate(text: str | list[str], line: int, col: int) -> Spot:
    """The spot at line:col (0-based, col in code points) of text (or of its lines).

    Read from the cursor's line upwards, as far as the keys that hold it: a spot near the end of
    a 10,000-task plan costs one pass over the lines' indentation, not a parse."""
    lines = text.split("\n") if isinstance(text, str) else text
    raw = lines[line].rstrip("\r") if 0 <= line < len(lines) else ""
    stripped = raw.strip()
    indent = _indent(raw)
    owner = _block_owner(lines, line, indent) if stripped else None
    if owner is not None:  # a line of a block scalar (`content: >-`): text, whatever it looks like
        path = _containers(lines, owner[0], owner[1], "key") + (owner[2],)
        return Spot(path, owner[2], "value", stripped, indent, len(raw), indent)
    dashes, entry, rest_col = parse_line(raw)
    if not stripped or (not dashes and entry is None and col <= indent):
        return Spot(_containers(lines, line, col, "key"), None, "blank", indent=col)._named()
    inner: list = []
    if dashes:
        items = _containers(lines, line, dashes[0], "item")
        base = items
        for _ in dashes[1:]:
            base = base + (0,)  # "- - x": the first item of a list in a list
    if entry is not None:
        kcol, key, value, vcol = entry
        base = _containers(lines, line, kcol, "key", same_line=dashes)
        path = base + (key,)
        if col <= kcol + len(key) or col < vcol:
            return Spot(path, key, "key", key, kcol, kcol + len(key), kcol)
        return _value_spot(path, key, value, vcol, col, kcol)
    text_ = _strip_comment(raw[rest_col:])
    if dashes:
        path = base
        if not text_:
            return Spot(path, _last_key(path), "blank", indent=rest_col)
        return Spot(path, _last_key(path), "item", _unquote(text_), rest_col, rest_col + len(text_), rest_col)
    above = _above(lines, line, indent)
    if above is not None and above[2] is not None and not above[2][3] and indent > above[2][0]:
        # the continuation of a text written over several lines, under its key
        kline, _dashes, (kcol, key, _value, _o) = above
        path = _containers(lines, kline, kcol, "key", same_line=_dashes) + (key,)
        return Spot(path, key, "value", text_, rest_col, rest_col + len(text_), rest_col)
    # a word being typed where a key goes ("lea")
    path = _containers(lines, line, indent, "key")
    return Spot(path + (text_,), text_, "key", text_, indent, indent + len(text_), indent)


def _above(lines: list[str], line: int, indent: int):
    """(line number, dashes, (key col, key, value, opens)) of the nearest line above with a key at a
    column below indent, or None."""
    for i in range(line - 1, -1, -1):
        raw = lines[i].rstrip("\r")
        s = raw.strip()
        if not s or s.startswith("#") or _indent(raw) >= indent:
            continue
        dashes, entry, _ = parse_line(raw)
        if entry is None:
            return None
        kcol, key, value, _v = entry
        return i, dashes, (kcol, key, value, not value or bool(_BLOCK_SCALAR.match(value)))
    return None


def _block_owner(lines: list[str], line: int, indent: int) -> tuple[int, int, str] | None:
    """(line, column, key) of the `key: >-` whose block scalar holds this line, or None."""
    for i in range(line - 1, -1, -1):
        raw = lines[i].rstrip("\r")
        if not raw.strip():
            continue
        ind = _indent(raw)
        if ind >= indent:
            continue
        dashes, entry, _ = parse_line(raw)
        if entry is not None and _BLOCK_SCALAR.match(entry[2]) and entry[0] < indent:
            return i, entry[0], entry[1]
        return None
    return None


def _containers(lines: list[str], line: int, col: int, kind: str, same_line: list[int] | None = None) -> tuple:
    """The keys and indices, from the root, of what holds an element at line:col — a key
    (kind "key") or a list item's dash (kind "item") — read upwards from line.

    same_line: the dashes written before the key on its own line (`- id: a`): the key is then
    in the table of the innermost one's item."""
    path: list = []
    c, index = col, 0
    if kind == "key" and same_line:
        kind, c = "item", same_line[-1]
        outer = same_line[:-1]
    else:
        outer = []
    while outer:  # "- - key": the innermost item is the first item of the list of the outer one
        path.insert(0, 0)
        c = outer.pop()
    i = line - 1
    deeper, deeper_of = "", None  # a line that starts so is inside what is above: skipped at C speed
    while i >= 0:
        if deeper_of != c:
            deeper, deeper_of = " " * (c + 1), c
        raw = lines[i]
        i -= 1
        if raw.startswith(deeper):
            continue
        s = raw.strip()
        if not s or s[0] == "#":
            continue
        raw = raw.rstrip("\r")
        ind = _indent(raw)
        if ind > c:
            continue
        dashes, entry, _ = parse_line(raw)
        if kind == "item":
            if dashes and c in dashes:
                if dashes[0] == c:
                    index += 1  # an earlier item of the same list
                    continue
            if entry is not None and entry[0] <= c and not (dashes and dashes[-1] >= c):
                path[:0] = [entry[1], index]
                kind, c, index = "key", entry[0], 0
                if dashes:  # `- tasks:`: the list's key is itself in a list item's table
                    kind, c = "item", dashes[-1]
                    for d in dashes[:-1]:
                        path.insert(0, 0)
                continue
            if dashes and dashes[-1] < c:
                path.insert(0, index)
                kind, c, index = "item", dashes[-1], 0
                continue
            continue
        # kind == "key": a key at column c
        if entry is not None and entry[0] == c:
            if dashes:  # `- id: a` above `  content: x`: the table of that item
                kind, c, index = "item", dashes[-1], 0
            continue
        if dashes and dashes[0] == c and entry is None:
            continue
        if dashes and dashes[0] >= c:
            continue  # an item of a sibling key's list written at the key's column
        if entry is not None and entry[0] < c:
            path.insert(0, entry[1])
            c = entry[0]
            if dashes:
                kind, c, index = "item", dashes[-1], 0
            continue
        if dashes and dashes[-1] < c:
            kind, c, index = "item", dashes[-1], 0
    if kind == "item":
        path.insert(0, index)
    return tuple(path)


def _value_spot(path: tuple, key: str, value: str, vcol: int, col: int, kcol: int) -> Spot:
    if value.startswith("[") and not value.startswith("[["):
        # an inline list: the item under the cursor
        inner_start = vcol + 1
        body = value[1:].rstrip("]")
        offset = 0
        for i, part in enumerate(_split_flow(body)):
            a = inner_start + offset + (len(part) - len(part.lstrip()))
            b = inner_start + offset + len(part.rstrip())
            if a <= col <= b or (i == 0 and col < a):
                return Spot(path + (i,), key, "item", _unquote(part.strip()), a, b, kcol)
            offset += len(part) + 1
        return Spot(path, key, "value", value, vcol, vcol + len(value), kcol)
    return Spot(path, key, "value", _unquote(value), vcol, vcol + len(value), kcol)


def _split_flow(body: str) -> list[str]:
    parts, quote, start = [], None, 0
    for i, ch in enumerate(body):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == ",":
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return parts


def _last_key(path: tuple) -> str | None:
    return next((p for p in reversed(path) if isinstance(p, str)), None)
