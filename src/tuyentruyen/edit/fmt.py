"""`tt fmt`: one canonical layout for plan files (định dạng lại tệp kế hoạch), comments kept.

The layout:

- keys in the order of the format's fields (`tt`, `units`, `document`, `decision`, `plan`,
  `appendix`; inside a task `id`, `content`, `forms`, `lead`, `support`, `due`…), found by
  walking the pydantic models beside the data; a section starts with its `heading`, a
  duty with its `unit`. Keys the format does not know keep their order, after the known
  ones: fmt never drops anything;
- Unicode NFC everywhere (text and comments);
- indentation 2 for mappings, 4 for sequences with the dash at 2;
- a string is quoted only where YAML needs quotes, or where a reader could take it for
  something else (`'2023'`, `'01'`, `'yes'`); block scalars (`|`, `>-`) stay as written;
- plain and single-quoted text longer than WIDTH columns is folded at spaces (YAML reads
  it back as the same one-line text); a flow list (`[a, b]`) that no longer fits on its
  line, or that holds lists or mappings, becomes a block list;
- comments stay with what they describe: a comment line stays right before the key or
  item that follows it (moving with it when keys are reordered), an end-of-line comment
  (such as `# tt: ignore[TT-D001]`) stays on the line of its key or item; at most one
  blank line in a row.

Safety: only a file that the fast loader reads without error is formatted (a YAML syntax
error or a duplicate key is reported, and the file is left alone). Before anything is
written the result is read back: its data must equal the input's (NFC-normalised) and it
must hold the same comments, or the file is not touched.

The work is split in passes over text that the fast loader can locate: comments are taken
from the source by position (`_Comments`), ruamel.yaml rewrites the data without them
(`tuyentruyen.loading.roundtrip`), long text is folded, and the comments are put back by
YAML path.
"""

from __future__ import annotations

import bisect
import functools
import re
import typing
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from tuyentruyen.loading import LoadError, Source, parse_yaml
from tuyentruyen.loading.yamlpos import _scalar
from tuyentruyen.problems import Problem

WIDTH = 100  # columns; longer plain text is folded

# codes of this stage
CANNOT_FORMAT = "TT-F001"  # the file does not read as YAML cleanly: not formatted
UNSAFE = "TT-F002"  # the formatted text would not read back the same: not written

# fields that lead a mapping although a base class declares other fields first
_LEADING = {"Section": ("heading", "kind"), "Duty": ("unit", "heading")}

# a plain scalar's folded line must not start with these (they would start a comment,
# a list item, a flow collection, an anchor, a tag, a block scalar or a quoted string)
_NO_LINE_START = set("#-?:,[]{}&*!|>'\"%@`")

Path_ = tuple


class FormatError(Exception):
    """The file cannot be formatted; carries located problems (exit 2)."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems[0].message if problems else "")
        self.problems = problems


@dataclass
class Formatted:
    """The outcome for one file: its text before and after, or the problems that stopped fmt."""

    path: Path | None
    display: str
    original: str = ""
    formatted: str | None = None
    problems: list[Problem] = field(default_factory=list)
    source: Any = field(default=None, repr=False)  # edit.write.Original

    @property
    def ok(self) -> bool:
        return self.formatted is not None

    @property
    def changed(self) -> bool:
        return self.formatted is not None and self.formatted != self.original


# ---------------------------------------------------------------- public API


def format_file(path: str | Path) -> Formatted:
    """Format one file in memory (nothing is written; `write_formatted` writes it)."""
    from tuyentruyen.edit.write import read_original
    from tuyentruyen.loading.source import display_name

    path = Path(path)
    try:
        original = read_original(path)
    except LoadError as exc:
        return Formatted(path, display_name(path), problems=exc.problems)
    # as it is, BOM and CRLF included: fmt removes them
    result = Formatted(path, original.display, original=original.as_written, source=original)
    try:
        result.formatted = format_text(original.text, display=original.display)
    except FormatError as exc:
        result.problems = exc.problems
    except RecursionError:  # pragma: no cover - the loader bounds the depth first
        result.problems = [_unsafe(original.display, "tệp lồng quá sâu")]
    return result


def write_formatted(result: Formatted) -> None:
    """Write a formatted file through the shared rewrite path (raises WriteError)."""
    from tuyentruyen.edit.write import write_back

    write_back(result.source, result.formatted)


def format_text(text: str, *, display: str = "<stdin>", edit: Callable[[Any], Any] | None = None,
                check_data: bool = True, drop_comments_at: frozenset = frozenset(),
                add_comments: dict | None = None) -> str:
    """The canonical layout of a plan or unit registry given as text; raises FormatError.

    For `tt new`: `edit` changes the round-trip data before it is written (the data check
    is then left to the caller, check_data=False); the end-of-line comments of the paths in
    drop_comments_at are dropped (they spoke of a value that was cleared), and add_comments
    ({path: "# …"}) adds end-of-line comments.
    """
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    loaded = _parse(text, display)
    comments = _Comments(text, loaded.root)
    for path in drop_comments_at:
        for dropped in comments.eol.pop(path, []):
            comments.texts.remove(dropped)
    for path, added in (add_comments or {}).items():
        comments.eol.setdefault(path, []).append(added)
        comments.texts.append(added)
    data = _load_roundtrip(text, display)

    from tuyentruyen.loading.roundtrip import strip_comments

    strip_comments(data)
    if edit is not None:
        edit(data)
    _canonical(data, _root_model(data))
    out = _dump(data, display)
    out = _fold(out, display, comments.eol_paths)
    out = comments.put_back(out, _parse(out, display, internal=True))

    result = _parse(out, display, internal=True)
    if check_data and _nfc(result.data) != _nfc(loaded.data):
        raise FormatError([_unsafe(display, "dữ liệu đọc lại khác dữ liệu ban đầu")])
    if Counter(_Comments(out, result.root).texts) != Counter(comments.texts):
        raise FormatError([_unsafe(display, "một số chú thích (#) không giữ được")])
    return out


# ---------------------------------------------------------------- parsing


def _parse(text: str, display: str, internal: bool = False):
    source = Source(Path(display), display, text)
    try:
        loaded = parse_yaml(source)
    except LoadError as exc:
        if internal:  # pragma: no cover - our own output always parses
            raise FormatError([_unsafe(display, exc.problems[0].message)]) from None
        raise FormatError([_not_formatted(p) for p in exc.problems]) from None
    errors = [p for p in source.problems if p.severity.value == "error"]
    if errors:
        raise FormatError([_not_formatted(p) for p in errors])
    if not internal and not isinstance(loaded.data, dict):
        raise FormatError([Problem(
            CANNOT_FORMAT, "Tệp không phải một kế hoạch hay sổ đơn vị (cấp ngoài cùng không phải các cặp "
            "`khóa: giá trị`); tt fmt không định dạng tệp này.", display, 1, 1, fatal=True,
            hint="Chỉ chạy `tt fmt` trên tệp kế hoạch (.yaml) hoặc sổ đơn vị (units.yaml).")])
    return loaded


def _not_formatted(p: Problem) -> Problem:
    p.fatal = True
    if "tt fmt" not in (p.hint or ""):
        kept = "tt fmt để nguyên tệp cho đến khi lỗi này được sửa."
        p.hint = (p.hint.rstrip(".") + ". " + kept) if p.hint else kept
    return p


def _unsafe(display: str, why: str) -> Problem:
    return Problem(UNSAFE, f"tt fmt không định dạng được tệp này một cách an toàn ({why}); tệp được để nguyên.",
                   display, 1, 1, fatal=True,
                   hint="Đây là lỗi của tt, không phải của kế hoạch: hãy báo lỗi kèm tệp này.")


def _load_roundtrip(text: str, display: str):
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from tuyentruyen.loading.roundtrip import load_rt

    try:
        return load_rt(text)
    except MarkedYAMLError as exc:  # the fast loader accepted it: a corner where the two differ
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise FormatError([Problem(
            CANNOT_FORMAT, f"ruamel.yaml không đọc được tệp ({exc.problem or exc.context}); tệp được để nguyên.",
            display, line, col, fatal=True,
            hint="Viết lại đoạn YAML ở dòng này theo cách thông thường hơn.")]) from None
    except YAMLError as exc:
        raise FormatError([_unsafe(display, str(exc))]) from None


def _dump(data, display: str) -> str:
    from tuyentruyen.loading.roundtrip import dump_rt

    out = dump_rt(data)
    # a flow list that does not fit on its line becomes a block list (at most a few rounds)
    for _ in range(5):
        loaded = _parse(out, display, internal=True)
        lines = out.split("\n")
        too_long = [path for path, node in _walk(loaded.root)
                    if isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and node.flow_style
                    and len(lines[node.end_mark.line]) > WIDTH]
        if not too_long:
            return out
        for path in too_long:
            collection = _at(data, path)
            collection.fa.set_block_style()
            _restyle(collection, flow=False)
        out = dump_rt(data)
    return out  # pragma: no cover


def _at(data, path: Path_):
    for part in path:
        data = data[part]
    return data


# ---------------------------------------------------------------- the data: order, NFC, quotes


def _root_model(data) -> type | None:
    from tuyentruyen.model import Plan, Registry

    if not isinstance(data, dict):
        return None
    return Registry if isinstance(data.get("units"), list) and "document" not in data else Plan


def _models_in(annotation) -> list[type]:
    """The model classes a field's annotation can hold (through Optional, list, Annotated)."""
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type] = []
    for arg in typing.get_args(annotation) if typing.get_origin(annotation) is not None else ():
        found.extend(_models_in(arg))
    return found


def field_order(model: type) -> list[str]:
    """The canonical key order of a model: its fields, with a section's heading first."""
    lead = _LEADING.get(model.__name__, ())
    order = [*lead, *(name for name in model.model_fields if name not in lead)]
    if "marker" in order and "items" in order:  # how the items are marked, right before them
        order.remove("marker")
        order.insert(order.index("items"), "marker")
    return order


_YAML11 = yaml.resolver.Resolver()
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")


def _needs_quotes(text: str) -> bool:
    """True when a YAML reader would take this plain text for something else than text:
    a number, a date, true/false or null, by the YAML 1.2 core schema (how tt reads) or
    YAML 1.1 (PyYAML, older tools)."""
    if _YAML11.resolve(yaml.ScalarNode, text, (True, False)) != "tag:yaml.org,2002:str":
        return True
    return _scalar(yaml.ScalarNode("tag:yaml.org,2002:str", text)) != text


@functools.lru_cache(maxsize=8192)  # plans repeat the same unit names and times
def _plain_ok(text: str, flow: bool) -> bool:
    """Whether text can be written without quotes, judged conservatively (ruamel.yaml 0.19
    writes `? x` unquoted inside a flow mapping, which no reader accepts)."""
    if not text or text != text.strip() or not text.isprintable() or text in ("---", "..."):
        return False
    first, second = text[0], text[1:2]
    if first in _INDICATORS and not (first in "-?:" and second and second not in " ,[]{}"):
        return False
    if ": " in text or " #" in text or text.endswith(":") or text.startswith(("--- ", "... ")):
        return False
    if flow and any(c in text for c in ",[]{}"):
        return False
    return not _needs_quotes(text)


def _styled(text: str, flow: bool):
    """Plain text, or single-quoted where plain is not safe; with a line break or a control
    character, left to ruamel.yaml (double quotes)."""
    from ruamel.yaml.scalarstring import SingleQuotedScalarString

    if "\n" in text or "\r" in text or any(unicodedata.category(c) == "Cc" and c != "\t" for c in text):
        return text
    return text if _plain_ok(text, flow) else SingleQuotedScalarString(text)


def _set(collection, key, value) -> None:
    """collection[key] = value, without ruamel.yaml keeping the old value's quote style."""
    if isinstance(collection, dict):
        from ruamel.yaml.compat import ordereddict

        ordereddict.__setitem__(collection, key, value)
    else:
        list.__setitem__(collection, key, value)


def _restyle(collection, flow: bool) -> None:
    """Quote the text items of a collection again after its style changed (flow ↔ block)."""
    from ruamel.yaml.scalarstring import SingleQuotedScalarString

    items = collection.items() if isinstance(collection, dict) else enumerate(collection)
    for key, value in list(items):
        if isinstance(value, str) and (type(value) is str or isinstance(value, SingleQuotedScalarString)):
            new = _styled(str(value), flow)
            if type(new) is not type(value) or new != value:
                _set(collection, key, new)


def _canonical(node, model: type | None, flow: bool = False) -> Any:
    """Reorder keys by the model, normalise text to NFC and choose quotes, in place."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import ScalarString, SingleQuotedScalarString

    if isinstance(node, (CommentedMap, CommentedSeq)):
        values = node.values() if isinstance(node, CommentedMap) else node
        if node.fa.flow_style() and any(isinstance(v, (dict, list)) for v in values):
            node.fa.set_block_style()  # a flow list holding mappings or lists reads badly
        flow = flow or bool(node.fa.flow_style())
    if isinstance(node, CommentedMap):
        fields = model.model_fields if model is not None else {}
        if model is not None and not node.merge:
            order = field_order(model)
            keys = list(node.keys())
            known = [k for k in order if k in node]
            wanted = known + [k for k in keys if k not in fields]
            if wanted != keys:
                for k in wanted:
                    node.move_to_end(k)
        for key, value in list(node.items()):
            inner = None
            if key in fields and isinstance(value, (dict, list)):
                models = _models_in(fields[key].annotation)
                inner = models[0] if models else None
            new = _canonical(value, inner, flow)
            if new is not value:
                _set(node, key, new)
        return node
    if isinstance(node, CommentedSeq):
        for i, value in enumerate(node):
            new = _canonical(value, model, flow)
            if new is not value:
                _set(node, i, new)
        return node
    if isinstance(node, str):
        text = unicodedata.normalize("NFC", node)
        if isinstance(node, ScalarString) and not isinstance(node, SingleQuotedScalarString):
            return node if text == node else type(node)(text)  # a block scalar keeps its style
        return _styled(text, flow)
    return node


def _nfc(data):
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data)
    if isinstance(data, dict):
        return {_nfc(k): _nfc(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_nfc(v) for v in data]
    return data


# ---------------------------------------------------------------- walking located nodes


def _walk(root, path: Path_ = ()):
    """(path, node) for every node, in document order."""
    yield path, root
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            if isinstance(key_node, yaml.ScalarNode):
                yield from _walk(value_node, path + (_scalar(key_node),))
    elif isinstance(root, yaml.SequenceNode):
        for i, item in enumerate(root.value):
            yield from _walk(item, path + (i,))


@dataclass
class _Entry:
    """A key of a mapping or an item of a sequence, where it starts."""

    path: Path_
    line: int  # 0-based line of the key, or of the item's dash
    col: int  # 0-based column of the key, or of the dash
    value: yaml.Node
    end_line: int | None  # last line of a one-piece value (scalar, flow collection), else None


def _entries(root, lines: list[str]) -> list[_Entry]:
    found: list[_Entry] = []

    def visit(node, path):
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                p = path + (_scalar(key_node),)
                m = key_node.start_mark
                found.append(_Entry(p, m.line, m.column, value_node, _end_line(value_node)))
                visit(value_node, p)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                m = item.start_mark
                col = m.column
                if not node.flow_style:  # the dash before the item
                    text = lines[m.line]
                    j = col - 1
                    while j >= 0 and text[j] == " ":
                        j -= 1
                    if j >= 0 and text[j] == "-":
                        col = j
                found.append(_Entry(path + (i,), m.line, col, item, _end_line(item)))
                visit(item, path + (i,))

    visit(root, ())
    return found


def _is_block_scalar(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")


def _end_line(node) -> int | None:
    if _is_block_scalar(node):
        return None
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        m = node.end_mark
        return m.line
    return None


def _scalar_spans(root, lines: list[str]) -> tuple[dict[int, list[tuple[int, int]]], set[int]]:
    """Columns of each line that belong to a scalar, and the lines wholly inside one."""
    spans: dict[int, list[tuple[int, int]]] = {}
    inside: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack.extend((k, v))
            continue
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
            continue
        start, end = node.start_mark, node.end_mark
        if _is_block_scalar(node):
            indicator = re.match(r"[|>][0-9+-]*", lines[start.line][start.column:])
            spans.setdefault(start.line, []).append(
                (start.column, start.column + (len(indicator.group(0)) if indicator else 1)))
            last = end.line - 1 if end.column == 0 else end.line
            inside.update(range(start.line + 1, last + 1))
            continue
        if start.line == end.line:
            spans.setdefault(start.line, []).append((start.column, end.column))
        else:
            spans.setdefault(start.line, []).append((start.column, len(lines[start.line])))
            inside.update(range(start.line + 1, end.line))
            spans.setdefault(end.line, []).append((0, end.column))
    return spans, inside


def _comment_start(line: str, spans: list[tuple[int, int]]) -> int | None:
    """Column where a comment starts on this line (outside every scalar), or None."""
    pos = line.find("#")
    while pos != -1:
        if (pos == 0 or line[pos - 1] in " \t") and not any(a <= pos < b for a, b in spans):
            return pos
        pos = line.find("#", pos + 1)
    return None


# ---------------------------------------------------------------- comments


@dataclass
class _Gap:
    """A blank line (text None) or a comment line, before some entry."""

    text: str | None
    col: int = 0


class _Comments:
    """The comments and blank lines of a text, each tied to the YAML path it belongs to."""

    def __init__(self, text: str, root):
        lines = [ln.rstrip("\r") for ln in text.split("\n")]
        self.entries = _entries(root, lines)
        spans, inside = _scalar_spans(root, lines)
        starts = sorted({e.line for e in self.entries})
        first_line = starts[0] if starts else len(lines)
        # the outermost entry starting on each line
        outer: dict[int, _Entry] = {}
        for e in self.entries:
            if e.line not in outer or len(e.path) < len(outer[e.line].path):
                outer[e.line] = e
        self.header: list[_Gap] = []
        self.trailer: list[_Gap] = []
        self.before: dict[Path_, list[_Gap]] = {}
        self.eol: dict[Path_, list[str]] = {}
        self.texts: list[str] = []
        for n, line in enumerate(lines):
            if n in inside:
                continue
            pos = _comment_start(line, spans.get(n, []))
            code = line if pos is None else line[:pos]
            if pos is not None:
                self.texts.append(line[pos:].rstrip())
            if code.strip():
                if pos is not None:
                    self._end_of_line(n, line[pos:].rstrip())
                continue
            gap = _Gap(None if pos is None else line[pos:].rstrip(), pos or 0)
            if n < first_line:
                self.header.append(gap)
                continue
            i = bisect.bisect_right(starts, n)
            if i == len(starts):
                self.trailer.append(gap)
            else:
                anchor = outer[starts[i]]
                gap.col -= anchor.col  # kept relative to the entry it precedes
                self.before.setdefault(anchor.path, []).append(gap)

    def _end_of_line(self, n: int, text: str) -> None:
        """Tie a comment at the end of line n to the outermost entry ending on that line
        (`lead: [a, b]  # …` → lead), else to the deepest key starting there (`tasks:  # …`)."""
        ending = [e for e in self.entries if e.end_line == n]
        starting = [e for e in self.entries if e.line == n]
        if ending:
            anchor = min(ending, key=lambda e: len(e.path))
        elif starting:
            anchor = max(starting, key=lambda e: len(e.path))
        else:  # after a lone dash or bracket: keep it as a comment line before what follows
            later = [e for e in self.entries if e.line > n]
            if later:
                first = min(later, key=lambda e: (e.line, len(e.path)))
                self.before.setdefault(first.path, []).insert(0, _Gap(text, 0))
            else:
                self.trailer.append(_Gap(text, 0))
            return
        self.eol.setdefault(anchor.path, []).append(text)

    @property
    def eol_paths(self) -> set[Path_]:
        return set(self.eol)

    def put_back(self, text: str, loaded) -> str:
        """text (without comments) with every comment and blank line in its place."""
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        where = {e.path: e for e in _entries(loaded.root, lines)}
        _, inside = _scalar_spans(loaded.root, lines)
        order = [e.path for e in self.entries]
        before: dict[int, list[tuple[int, str | None]]] = {}
        after: dict[int, str] = {}
        trailer = [(g.col, g.text) for g in self.trailer]

        def target(path: Path_) -> _Entry | None:
            """The entry of path in the output, or of the next input entry that is still there."""
            if path in where:
                return where[path]
            if path not in order:
                return None
            for later in order[order.index(path) + 1:]:
                if later in where and later[:len(path)] != path:
                    return where[later]
            return None

        def base(e: _Entry) -> int:
            """Column of comment lines before e: its own, or its line's when it is not first there."""
            line = lines[e.line]
            return e.col if not line[:e.col].strip() else len(line) - len(line.lstrip())

        for path in sorted(self.before, key=len):
            e = target(path)
            if e is None:
                trailer.extend((0, g.text) for g in self.before[path])
                continue
            col = base(e)
            # deeper than the entry (a commented-out item at the end of a list) only where the
            # line above is not text: under a block scalar it would become part of the text
            deeper_ok = e.line - 1 not in inside and not _ends_block_scalar(lines, e.line - 1)
            for gap in self.before[path]:
                indent = col + gap.col if gap.col > 0 and deeper_ok else col
                before.setdefault(e.line, []).append((indent, gap.text))
        for path in sorted(self.eol, key=len):
            e = target(path)
            texts = list(self.eol[path])
            if e is None:
                trailer.extend((0, t) for t in texts)
                continue
            if e.path == path and e.line not in after:
                after[e.line] = texts.pop(0)
            before.setdefault(e.line, []).extend((base(e), t) for t in texts)

        result: list[str] = []
        _emit_gaps(result, [(g.col, g.text) for g in self.header], leading=True)
        for n, line in enumerate(lines):
            if n in before:
                _emit_gaps(result, before[n], leading=not result)
            result.append(line.rstrip() + "  " + after[n] if n in after else line)
        _emit_gaps(result, trailer, leading=False)
        while result and result[-1] == "":
            result.pop()
        return "\n".join(result) + "\n"


def _ends_block_scalar(lines: list[str], n: int) -> bool:
    """True when line n is a key line whose value is a block scalar (`text: |`)."""
    return 0 <= n < len(lines) and re.search(r"(?:^|[\s:-])[|>][0-9+-]*\s*(?:#.*)?$", lines[n]) is not None


def _emit_gaps(result: list[str], gaps: list[tuple[int, str | None]], *, leading: bool) -> None:
    for col, text in gaps:
        if text is None:
            if leading or (result and result[-1] == ""):
                continue  # no blank line at the top, never two in a row
            result.append("")
        else:
            result.append(" " * col + text)
            leading = False


# ---------------------------------------------------------------- folding long text


def _fold(text: str, display: str, keep: set[Path_]) -> str:
    """Fold plain and single-quoted text longer than WIDTH at single spaces."""
    lines = text.split("\n")
    if all(len(line) <= WIDTH for line in lines):
        return text
    loaded = _parse(text, display, internal=True)
    replace: dict[int, list[str]] = {}
    for e in _entries(loaded.root, lines):
        node = e.value
        if (not isinstance(node, yaml.ScalarNode) or node.style not in (None, "", "'") or e.path in keep
                or node.start_mark.line != node.end_mark.line or len(lines[node.start_mark.line]) <= WIDTH):
            continue
        n, start, end = node.start_mark.line, node.start_mark.column, node.end_mark.column
        line = lines[n]
        if line[end:].strip() or e.line != n:  # something follows on the line, or not a block-context value
            continue
        indent = e.col + 2 if isinstance(e.path[-1], str) else start
        folded = _fold_words(line[start:end], start, indent, plain=node.style != "'")
        if len(folded) > 1:
            replace[n] = [line[:start] + folded[0], *(" " * indent + part for part in folded[1:])]
    if not replace:
        return text
    out: list[str] = []
    for n, line in enumerate(lines):
        out.extend(replace.get(n, [line]))
    return "\n".join(out)


def _fold_words(scalar: str, first_col: int, indent: int, *, plain: bool) -> list[str]:
    """Split scalar text into lines of at most WIDTH columns, breaking only at single spaces.

    A line break in plain or quoted text reads back as one space, so breaking where one
    space stands between two other characters keeps the text; a plain line must not start
    with an indicator such as '#'.
    """
    cuts = [i for i in range(1, len(scalar) - 1)
            if scalar[i] == " " and scalar[i - 1] != " " and scalar[i + 1] != " "
            and not (plain and scalar[i + 1] in _NO_LINE_START)]
    pieces = [scalar[a + 1 if a else 0:b] for a, b in zip([0, *cuts], [*cuts, len(scalar)], strict=True)]
    lines: list[str] = []
    current, col = pieces[0], first_col
    for piece in pieces[1:]:
        if col + len(current) + 1 + len(piece) <= WIDTH:
            current += " " + piece
        else:
            lines.append(current)
            current, col = piece, indent
    lines.append(current)
    return lines
