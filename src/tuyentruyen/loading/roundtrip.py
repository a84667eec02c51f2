"""What a rewrite keeps of a YAML text besides its data: comments, blank lines, and the source
of the values (đọc để ghi lại).

tt reads YAML with libyaml (`tuyentruyen.loading.yamlpos`), which forgets comments. A command
that rewrites a file (`tt fmt`, `tt new`) takes them from the source text by position instead:
:func:`scan` ties every comment and blank line to the YAML path of the entry (a key, or an
item of a list) it belongs to. A path survives what a rewrite does — keys reordered, lists
re-indented, long values joined onto one line — so each comment can be put back beside the
same entry:

- a comment line or a blank line belongs to the entry that follows it (the outermost one
  starting on the next line that holds one), its indentation kept relative to that entry's;
- before the first entry it is the file's header, after the last one its trailer;
- an end-of-line comment belongs to the outermost entry whose one-line value ends on that line
  (`lead: [a, b]  # …` → lead), else to the deepest key starting there (`tasks:  # …`), else
  (after a lone dash or bracket) it becomes a comment line before the next entry.

Lines are split where libyaml splits them (`tuyentruyen.loading.source.split_lines`), so the
line of a mark and the line a comment is found on are the same line. Everything here is
linear in the text: each line is looked at once, each node once (an end-of-line comment per
task used to cost a search over every entry: 57 s for 10,000 tasks).

The source of a block scalar (`|`, `>`) is kept too (:func:`block_scalar`): a rewrite copies
its lines re-indented rather than re-folding its text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import yaml

from tuyentruyen.loading.source import split_lines
from tuyentruyen.loading.yamlpos import scalar_value

Path_ = tuple  # a YAML path: keys and indices

_BLOCK_HEADER = re.compile(r"[|>]([1-9][+-]?|[+-][1-9]?)?")


@dataclass(slots=True)
class Gap:
    """A blank line (text None) or a comment line before an entry; col is relative to the entry
    (absolute in the header and the trailer)."""

    text: str | None
    col: int = 0


@dataclass
class Comments:
    """The comments and blank lines of a text, each tied to the YAML path it belongs to, and
    the nodes that occur more than once in the tree (anchored, then aliased)."""

    header: list[Gap] = field(default_factory=list)
    before: dict[Path_, list[Gap]] = field(default_factory=dict)
    eol: dict[Path_, list[str]] = field(default_factory=dict)
    eol_cols: dict[Path_, int] = field(default_factory=dict)  # the column of each path's first one, as written
    trailer: list[Gap] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # every comment, as written ('# …')
    aliased: set[int] = field(default_factory=set)  # id() of the nodes written with an anchor
    merges: set[int] = field(default_factory=set)  # id() of the mappings with a merge key (`<<: *a`)
    _walk: _Walk | None = field(default=None, repr=False)

    @property
    def order(self) -> list[Path_]:
        """Every entry's path, in the order of the source."""
        walk = self._walk
        return [walk.path(i) for i in range(len(walk.entries))] if walk is not None else []

    def drop_eol(self, path: Path_) -> None:
        """Forget the end-of-line comments of path (they spoke of a value that was cleared)."""
        self.eol_cols.pop(path, None)
        for text in self.eol.pop(path, []):
            self.texts.remove(text)

    def add_eol(self, path: Path_, text: str) -> None:
        self.eol.setdefault(path, []).append(text)
        self.texts.append(text)


@dataclass(slots=True)
class BlockScalar:
    """A block scalar as written: its header (`|`, `>-`, `|2`…) and its content lines with the
    indentation of the source removed (`indent` columns)."""

    indicator: str  # '|' or '>'
    chomping: str  # '', '-' or '+'
    explicit_indent: bool
    lines: list[str]  # without the content's indentation; '' for an empty line


def is_block_scalar(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")


@functools.lru_cache(maxsize=4096)
def _key(value: str, style, tag: str):
    return scalar_value(yaml.ScalarNode(tag, value, style=style))


def key_of(node: yaml.ScalarNode):
    """The key a scalar node makes (yamlpos.scalar_value, cached: plans repeat a few dozen keys)."""
    return _key(node.value, node.style, node.tag)


def dash_col(line: str, col: int) -> int:
    """The column of the dash before an item of a block sequence (col when there is none)."""
    j = col - 1
    while j >= 0 and line[j] == " ":
        j -= 1
    return j if j >= 0 and line[j] == "-" else col


class _Walk:
    """One pass over the node tree, in document order: the entries (line, column, last line of a
    one-piece value, depth, parent entry, key or index), the columns of the wanted lines that
    belong to a scalar, the lines wholly inside a scalar, and the nodes met twice."""

    def __init__(self, lines: list[str], wanted: set[int], with_entries: bool = True):
        self.lines = lines
        self.wanted = wanted
        self.with_entries = with_entries
        self.entries: list[tuple] = []
        self.spans: dict[int, list[tuple[int, int]]] = {}
        self.inside: set[int] = set()
        self.seen: set[int] = set()
        self.aliased: set[int] = set()
        self.merges: set[int] = set()
        self._last_line = 0

    def path(self, i: int) -> Path_:
        parts = []
        entries = self.entries
        while i >= 0:
            e = entries[i]
            parts.append(e[5])
            i = e[4]
        return tuple(reversed(parts))

    def _entry(self, line: int, col: int, value, depth: int, parent: int, key) -> int:
        if line < self._last_line:  # an alias: its marks are the anchor's, earlier in the file
            line = self._last_line
        self._last_line = line
        if isinstance(value, yaml.ScalarNode):
            end = None if value.style in ("|", ">") else value.end_mark.line
        else:
            end = value.end_mark.line if value.flow_style else None
        self.entries.append((line, col, end, depth, parent, key))
        return len(self.entries) - 1

    def visit(self, node, parent: int = -1, depth: int = 0) -> None:
        nid = id(node)
        if nid in self.seen:
            self.aliased.add(nid)
            return
        self.seen.add(nid)
        cls = node.__class__
        if cls is yaml.MappingNode:
            entries = self.with_entries
            for k, v in node.value:
                if k.__class__ is not yaml.ScalarNode:
                    continue
                if k.value == "<<" and not k.style:
                    self.merges.add(nid)
                self.scalar(k)
                here = parent
                if entries:
                    m = k.start_mark
                    here = self._entry(m.line, m.column, v, depth + 1, parent, key_of(k))
                self.visit(v, here, depth + 1)
        elif cls is yaml.SequenceNode:
            entries, flow, lines = self.with_entries, node.flow_style, self.lines
            for i, item in enumerate(node.value):
                here = parent
                if entries:
                    m = item.start_mark
                    col = m.column if flow else dash_col(lines[m.line], m.column)
                    here = self._entry(m.line, col, item, depth + 1, parent, i)
                self.visit(item, here, depth + 1)
        else:
            self.scalar(node)

    def scalar(self, node) -> None:
        start, end = node.start_mark, node.end_mark
        first, last = start.line, end.line
        wanted = self.wanted
        if node.style in ("|", ">"):
            lines = self.lines
            if first in wanted:
                col = _header_col(node, lines)
                header = _BLOCK_HEADER.match(lines[first], col)
                self.spans.setdefault(first, []).append((start.column, header.end() if header else col + 1))
            self.inside.update(range(first + 1, _block_last_line(node, lines) + 1))
        elif first == last:
            if first in wanted:
                self.spans.setdefault(first, []).append((start.column, end.column))
        else:
            if first in wanted:
                self.spans.setdefault(first, []).append((start.column, len(self.lines[first])))
            self.inside.update(range(first + 1, last))
            if last in wanted:
                self.spans.setdefault(last, []).append((0, end.column))


def _block_last_line(node: yaml.ScalarNode, lines: list[str]) -> int:
    """The last source line of a block scalar's content (trailing blank lines belong to it only
    when it keeps them, `|+`)."""
    end = node.end_mark
    last = end.line - 1 if end.column == 0 else end.line
    header = _BLOCK_HEADER.match(lines[node.start_mark.line], _header_col(node, lines))
    if header is None or "+" not in header.group(0):
        while last > node.start_mark.line and not lines[last].strip(" \t"):
            last -= 1
    return min(last, len(lines) - 1)


def _header_col(node: yaml.ScalarNode, lines: list[str]) -> int:
    """The column of a block scalar's indicator (after its tag and anchor, if any)."""
    line, col = lines[node.start_mark.line], node.start_mark.column
    while col < len(line) and line[col] in "!&":
        while col < len(line) and line[col] not in " \t":
            col += 1
        while col < len(line) and line[col] in " \t":
            col += 1
    return col


def block_scalar(node: yaml.ScalarNode, lines: list[str], entry_col: int) -> BlockScalar | None:
    """The source of a block scalar, or None when its lines cannot be copied as they are (a line
    break that libyaml keeps in the text, such as U+2028, or an indentation it cannot show).

    entry_col: the column of the key or dash the scalar belongs to (an explicit indentation
    indicator counts from there)."""
    first = node.start_mark.line
    header = _BLOCK_HEADER.match(lines[first], _header_col(node, lines))
    if header is None:
        return None
    spec = header.group(1) or ""
    digits = "".join(c for c in spec if c.isdigit())
    chomping = "".join(c for c in spec if c in "+-")
    if "\u2028" in node.value or "\u2029" in node.value:
        return None  # a line break libyaml keeps as a character: its lines cannot be rejoined with LF
    body = lines[first + 1:_block_last_line(node, lines) + 1]
    if digits:
        indent = entry_col + int(digits)
    else:
        filled = [len(line) - len(line.lstrip(" ")) for line in body if line.strip(" ")]
        indent = filled[0] if filled else 0
    out = []
    for line in body:
        if len(line) <= indent:
            if line.strip(" "):
                return None  # less indented than the content: not a line of this scalar
            out.append("")
        elif line[:indent].strip(" "):
            return None
        else:
            out.append(line[indent:])
    return BlockScalar(header.group(0)[0], chomping, bool(digits), out)


def comment_start(line: str, spans) -> int | None:
    """Column where a comment starts on this line (a '#' after a blank, outside every scalar)."""
    pos = line.find("#")
    while pos != -1:
        if (pos == 0 or line[pos - 1] in " \t") and not any(a <= pos < b for a, b in spans):
            return pos
        pos = line.find("#", pos + 1)
    return None


def comment_texts(text: str, root: yaml.Node) -> list[str]:
    """Every comment of text ('# …', trailing blanks removed), in order."""
    lines = split_lines(text)
    wanted = {n for n, line in enumerate(lines) if "#" in line}
    if not wanted:
        return []
    walk = _Walk(lines, wanted, with_entries=False)
    walk.visit(root)
    found = []
    for n in sorted(wanted - walk.inside):
        line = lines[n]
        pos = comment_start(line, walk.spans.get(n, ()))
        if pos is not None:
            found.append(line[pos:].rstrip())
    return found


def scan(text: str, root: yaml.Node) -> Comments:
    """The comments and blank lines of text, each tied to the path it belongs to."""
    lines = split_lines(text)
    wanted = {n for n, line in enumerate(lines) if "#" in line}
    walk = _Walk(lines, wanted)
    walk.visit(root)
    result = Comments(aliased=walk.aliased, merges=walk.merges, _walk=walk)
    entries, inside, spans = walk.entries, walk.inside, walk.spans
    starts: list[int] = []  # the lines where entries start, ascending, and the first entry on each
    first_at: list[int] = []
    for i, e in enumerate(entries):
        if not starts or e[0] != starts[-1]:
            starts.append(e[0])
            first_at.append(i)
    first_at.append(len(entries))

    def outer(k: int) -> int:
        """The outermost entry starting on line starts[k]."""
        best = first_at[k]
        for i in range(first_at[k] + 1, first_at[k + 1]):
            if entries[i][3] < entries[best][3]:
                best = i
        return best

    first_line = starts[0] if starts else len(lines)
    events: list[tuple[int, Gap | tuple[str, int]]] = []  # in line order: a Gap, or an end-of-line comment and its column
    eol_lines: set[int] = set()
    for n, line in enumerate(lines):
        if line.strip() and n not in wanted:
            continue
        if n in inside:
            continue
        pos = comment_start(line, spans.get(n, ())) if n in wanted else None
        if pos is not None:
            comment = line[pos:].rstrip()
            result.texts.append(comment)
            if line[:pos].strip():
                events.append((n, (comment, pos)))
                eol_lines.add(n)
            else:
                events.append((n, Gap(comment, pos)))
        elif not line.strip():
            events.append((n, Gap(None)))
    owners = _eol_owners(entries, eol_lines) if eol_lines else {}
    k = 0  # the first entry line after the event (both ascend)
    for n, event in events:
        while k < len(starts) and starts[k] <= n:
            k += 1
        if isinstance(event, tuple):
            comment, col = event
            owner = owners.get(n)
            if owner is not None:
                path = walk.path(owner)
                if path not in result.eol:
                    result.eol_cols[path] = col
                result.eol.setdefault(path, []).append(comment)
                continue
            event = Gap(comment, 0)  # after a lone dash or bracket: a comment line before what follows
            if k < len(starts):
                result.before.setdefault(walk.path(outer(k)), []).append(event)
            else:
                result.trailer.append(event)
            continue
        if n < first_line:
            result.header.append(event)
        elif k == len(starts):
            result.trailer.append(event)
        else:
            anchor = outer(k)
            event.col -= entries[anchor][1]  # kept relative to the entry it precedes
            result.before.setdefault(walk.path(anchor), []).append(event)
    return result


def _eol_owners(entries: list[tuple], eol_lines: set[int]) -> dict[int, int]:
    """The entry each end-of-line comment belongs to: the outermost one ending on its line,
    else the deepest one starting there (none: a lone dash or bracket)."""
    ending: dict[int, int] = {}
    starting: dict[int, int] = {}
    for i, (line, _col, end, depth, _parent, _key) in enumerate(entries):
        if end in eol_lines and (end not in ending or depth < entries[ending[end]][3]):
            ending[end] = i
        if line in eol_lines and (line not in starting or depth > entries[starting[line]][3]):
            starting[line] = i
    return {n: ending[n] if n in ending else starting[n] for n in eol_lines if n in ending or n in starting}
