"""`tt fmt`: one canonical layout for plan files (định dạng lại tệp kế hoạch), comments kept.

The layout is made for review (a one-word change is a one-line diff):

- keys in the order of the format's fields (`tt`, `units`, `document`, `decision`, `plan`,
  `appendix`; inside a task `id`, `content`, `forms`, `lead`, `support`, `due`…), found by
  walking the pydantic models beside the data; a section starts with its `heading`, a
  duty with its `unit`. Keys the format does not know keep their order, after the known
  ones: fmt never drops anything;
- Unicode NFC everywhere (text and comments);
- indentation 2 for mappings, 4 for sequences with the dash at 2 (`tasks:\\n  - id: …`);
- a value stays on one line however long it is: prose is never re-wrapped (a value the
  source folded over several lines is joined back, as YAML reads it). Block scalars (`|`,
  `>-`) keep their lines as written, re-indented;
- a string is quoted only where YAML needs quotes, or where a reader could take it for
  something else (`'2023'`, `'01'`, `'yes'`): single quotes, or double quotes with escapes
  for a line break or a control character (`"a\\nb"`, `"x\\Ly"` for U+2028);
- numbers are kept as written (`01`, `0o17`), null is written as nothing (`number:`), true
  and false in lower case; tags (`!!binary`) and anchors (`&a`, `*a`) are kept;
- a flow list or mapping (`[a, b]`) stays one, on one line, unless it holds lists or
  mappings: then it becomes a block;
- comments stay with what they describe (`tuyentruyen.loading.roundtrip`): a comment line
  stays right before the key or item that follows it (moving with it when keys are
  reordered), an end-of-line comment (such as `# tt: ignore[TT-D001]`) stays on the line of
  its key or item; at most one blank line in a row, none at the top or the end.

Design: the text is emitted from libyaml's positioned node tree (the loader every command
uses) and the comment map, in one pass; no second YAML library. Editing the source spans in
place (as `lint --fix` does) cannot reorder keys or re-indent; ruamel.yaml's round trip cost
2.0 s for `fmt --check` of 1,000 tasks and 26 s (488 MiB) for 10,000, 6.4 min with a comment
on every task. Emitting from the nodes (benchmarks/record.py, 2 cores): 1,000 tasks 0.26 s,
10,000 tasks 1.0 s when already formatted (the text is unchanged: nothing to re-read) and 1.35 s
(206 MiB, validate: 197 MiB) when not, a comment on every task 1.1 s.

Safety: only a file that the loader reads without error is formatted (a YAML syntax error,
a duplicate key or a nesting deeper than the loader allows is reported, and the file is
left alone). Before anything is written the result is read back: its data must equal the
input's (NFC-normalised, types included) and it must hold the same comments, or fmt refuses
(TT-F002) and nothing is written.
"""

from __future__ import annotations

import functools
import math
import re
import typing
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from tuyentruyen.loading import LoadError, Source, parse_yaml
from tuyentruyen.loading.roundtrip import Comments, block_scalar, comment_texts, dash_col, key_of, scan
from tuyentruyen.loading.source import split_lines
from tuyentruyen.loading.yamlpos import gc_paused
from tuyentruyen.loading.yamlpos import scalar_value as _scalar
from tuyentruyen.problems import Problem

# codes of this stage
CANNOT_FORMAT = "TT-F001"  # the file does not read as YAML cleanly: not formatted
UNSAFE = "TT-F002"  # the formatted text would not read back the same: not written

MAPPING_INDENT = 2
SEQUENCE_INDENT = 2  # the dash, from its key; the item's text two columns further
# libyaml takes no implicit key longer than 1024 characters: a longer one is written `? key`
MAX_SIMPLE_KEY = 1000

# fields that lead a mapping although a base class declares other fields first
_LEADING = {"Section": ("heading", "kind"), "Duty": ("unit", "heading")}

_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"

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
    return result


def write_formatted(result: Formatted) -> None:
    """Write a formatted file through the shared rewrite path (raises WriteError)."""
    from tuyentruyen.edit.write import write_back

    assert result.formatted is not None, "write_formatted needs a formatted result"
    write_back(result.source, result.formatted)


def format_text(text: str, *, display: str = "<stdin>", edit: Callable[[Any], Any] | None = None,
                check_data: bool = True, drop_comments_at: frozenset = frozenset(),
                add_comments: dict | None = None) -> str:
    """The canonical layout of a plan or unit registry given as text; raises FormatError.

    For `tt new`: `edit` changes the data in place before it is written (plain dicts and
    lists as the loader builds them: set, add or delete keys and items); what `edit` leaves
    unchanged is written as in the source (block scalars, numbers as written, anchors), what
    it changed is written from its new value, a changed block scalar as a block still where
    its text allows. With check_data the result must read back as that data (the input's
    when there is no edit). The end-of-line comments of the paths in drop_comments_at are
    dropped (they spoke of a value that was cleared), and add_comments ({path: "# …"}) adds
    end-of-line comments.
    """
    text = text.lstrip("\ufeff")
    with gc_paused():
        loaded = _parse(text, display)
        comments = scan(text, loaded.root)
        for path in drop_comments_at:
            comments.drop_eol(path)
        for path, added in (add_comments or {}).items():
            comments.add_eol(path, added)
        data = loaded.data
        emitter = _Emitter(text, comments, trusted=edit is None)
        if edit is not None:
            merged = _merged_keys(loaded.root, data) if comments.merges else {}
            edit(data)
            emitter.merged = merged
        out = emitter.document(data, loaded.root)
        expected = Counter(unicodedata.normalize("NFC", t) for t in comments.texts)
        del loaded, emitter, comments
        if out == text and edit is None and not drop_comments_at and not add_comments:
            return out  # nothing to change: the same data and comments by construction
        result = _parse(out, display, internal=True)
        if check_data and not same_data(result.data, data):
            raise FormatError([_unsafe(display, "dữ liệu đọc lại khác dữ liệu ban đầu")])
        if Counter(comment_texts(out, result.root)) != expected:
            raise FormatError([_unsafe(display, "một số chú thích (#) không giữ được")])
    return out


# ---------------------------------------------------------------- parsing


def _parse(text: str, display: str, internal: bool = False):
    source = Source(Path(display), display, text)
    try:
        loaded = parse_yaml(source)
    except LoadError as exc:
        if internal:  # our own output always parses: a bug of fmt, never the plan's
            raise FormatError([_unsafe(display, "kết quả không đọc lại được")]) from None
        raise FormatError([_not_formatted(p) for p in exc.problems]) from None
    errors = [p for p in source.problems if p.severity.value == "error"]
    if errors:
        if internal:
            raise FormatError([_unsafe(display, "kết quả có khóa lặp lại")])
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


def same_data(a, b) -> bool:
    """Equal data, text compared in NFC and scalars by type too (1, 1.0 and true differ)."""
    if isinstance(a, dict):
        if not isinstance(b, dict) or len(a) != len(b):
            return False
        by_nfc = None
        for key, value in a.items():
            if key in b:
                other = b[key]
            else:  # fmt writes keys in NFC
                if by_nfc is None:
                    by_nfc = {_nfc(k): v for k, v in b.items()}
                other = by_nfc.get(_nfc(key), _MISSING)
                if other is _MISSING:
                    return False
            if not same_data(value, other):
                return False
        return True
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(same_data, a, b))
    if type(a) is not type(b):
        return False
    if a == b:
        return True
    if isinstance(a, str):
        return unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b)
    return isinstance(a, float) and math.isnan(a) and math.isnan(b)


_MISSING = object()


def _nfc(value):
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


# ---------------------------------------------------------------- key order (from the models)


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


@functools.lru_cache(maxsize=None)
def field_order(model: type) -> list[str]:
    """The canonical key order of a model: its fields, with a section's heading first."""
    lead = _LEADING.get(model.__name__, ())
    order = [*lead, *(name for name in model.model_fields if name not in lead)]
    if "marker" in order and "items" in order:  # how the items are marked, right before them
        order.remove("marker")
        order.insert(order.index("items"), "marker")
    return order


@functools.lru_cache(maxsize=None)
def _rank(model: type) -> dict[str, int]:
    return {name: i for i, name in enumerate(field_order(model))}


@functools.lru_cache(maxsize=None)
def _inner(model: type, key) -> type | None:
    """The model of the value (or of the items) of a field, when it holds models."""
    info = model.model_fields.get(key) if isinstance(key, str) else None
    if info is None:
        return None
    models = _models_in(info.annotation)
    return models[0] if models else None


def _ordered(keys: list, model: type | None) -> list:
    if model is None:
        return keys
    rank = _rank(model)
    known = sorted((k for k in keys if isinstance(k, str) and k in rank), key=rank.__getitem__)
    if len(known) == len(keys):
        return known
    return known + [k for k in keys if not (isinstance(k, str) and k in rank)]


# ---------------------------------------------------------------- quoting

_YAML11 = yaml.resolver.Resolver()
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
# what no quoting but double quotes can hold: line breaks (they would fold), characters libyaml
# does not read, and the BOM
_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_ESCAPES = {"\0": "\\0", "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f",
            "\r": "\\r", "\x1b": "\\e", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def _needs_quotes(text: str) -> bool:
    """True when a YAML reader would take this plain text for something else than text:
    a number, a date, true/false or null, by the YAML 1.2 core schema (how tt reads) or
    YAML 1.1 (PyYAML, older tools)."""
    if _YAML11.resolve(yaml.ScalarNode, text, (True, False)) != "tag:yaml.org,2002:str":
        return True
    return _scalar(yaml.ScalarNode(_STR, text)) != text


def _plain_ok(text: str, flow: bool) -> bool:
    """Whether text can be written without quotes, judged conservatively."""
    if not text or text != text.strip() or not text.isprintable() or text in ("---", "..."):
        return False
    first, second = text[0], text[1:2]
    if first in _INDICATORS and not (first in ("-" if flow else "-?:") and second and second not in " ,[]{}"):
        return False
    if ": " in text or " #" in text or text.endswith(":") or text.startswith(("--- ", "... ")):
        return False
    if flow and any(c in text for c in ",[]{}:"):
        return False
    return not _needs_quotes(text)


def _double(text: str) -> str:
    def escape(m: re.Match) -> str:
        c = m.group(0)
        if c in _ESCAPES:
            return _ESCAPES[c]
        if c in '"\\':
            return "\\" + c
        return f"\\x{ord(c):02X}" if ord(c) < 0x100 else f"\\u{ord(c):04X}"
    return '"' + re.sub('[\x00-\x1f\x7f-\x9f"\\\\\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]', escape, text) + '"'


@functools.lru_cache(maxsize=16384)  # unit names, times and forms repeat from task to task
def quote(text: str, flow: bool = False) -> str:
    """text (in NFC) as a YAML scalar on one line: plain where that reads back as the same
    text, else single-quoted, else (a line break, a control character) double-quoted with
    escapes."""
    text = unicodedata.normalize("NFC", text)
    if _ESCAPE.search(text):
        return _double(text)
    if _plain_ok(text, flow):
        return text
    return "'" + text.replace("'", "''") + "'"


def _float_text(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    return repr(value)


def _tag_text(tag: str) -> str:
    if tag.startswith("tag:yaml.org,2002:"):
        return "!!" + tag[len("tag:yaml.org,2002:"):]
    if tag.startswith("!"):
        return tag
    return f"!<{tag}>"


# ---------------------------------------------------------------- merge keys and edits


def _is_merge(key_node) -> bool:
    return isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<" and not key_node.style


def _merged_keys(root, data) -> dict[int, dict]:
    """For each mapping with a merge key (`<<: *base`): the keys it takes from the merge and
    their values before `edit` (so a value the edit changes is written out explicitly)."""
    import copy

    found: dict[int, dict] = {}
    stack = [(root, data)]
    seen: set[int] = set()
    while stack:
        node, value = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode) and isinstance(value, dict):
            explicit = {_scalar(k) for k, _ in node.value if isinstance(k, yaml.ScalarNode) and not _is_merge(k)}
            if any(_is_merge(k) for k, _ in node.value):
                found[id(value)] = {k: copy.deepcopy(v) for k, v in value.items() if k not in explicit}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and not _is_merge(k) and _scalar(k) in value:
                    stack.append((v, value[_scalar(k)]))
        elif isinstance(node, yaml.SequenceNode) and isinstance(value, list):
            stack.extend(zip(node.value, value))
    return found


# ---------------------------------------------------------------- the emitter


_DEFAULT_TAGS = frozenset({_STR, _SEQ, _MAP, "!"})  # dropping one of these changes nothing tt reads
_ANCHOR = re.compile(r"(?:!\S*[ \t]+)?&([^\s,\[\]{}]+)")


class _Emitter:
    """Writes data in the canonical layout, from the source nodes wherever the data is theirs;
    records the output line of each entry that has comments, then puts them back beside it."""

    def __init__(self, text: str, comments: Comments, *, trusted: bool):
        self.src_lines = split_lines(text)
        self.comments = comments
        self.trusted = trusted  # no edit: every value is the one its node holds
        self.merged: dict[int, dict] = {}  # see _merged_keys
        self.aliased = comments.aliased  # nodes that occur more than once in the tree
        self.merges = comments.merges
        # where entries land: those with comments, or every one (record_all) to find the next
        # entry still written for the comments of an entry that is not (an edit removed it)
        self.wanted = set(comments.before) | set(comments.eol)
        self.record_all = False
        self._reset()

    def _reset(self) -> None:
        self.lines: list[str] = []
        self.where: dict[Path_, tuple[int, int]] = {}  # path → (output line, column of comments before it; -1: the line's indentation)
        self.block_lines: set[int] = set()  # the header and content lines of block scalars
        self.keep_ends: set[int] = set()  # last lines of block scalars that keep their trailing blank lines
        self.anchors: dict[int, tuple[str, Any]] = {}  # node id → (name, value) once written
        self._names: set[str] = set()

    def _at(self, path: Path_, line: int, base: int) -> None:
        if (self.record_all or path in self.wanted) and path not in self.where:
            self.where[path] = (line, base)

    # -- the document

    def document(self, data: dict, root) -> str:
        self._body(data, root)
        if any(p not in self.where for p in self.wanted):
            self.record_all = True
            self._reset()
            self._body(data, root)
        return self._with_comments()

    def _body(self, data: dict, root) -> None:
        props = self._props(root, data)
        if props:
            self.lines.append(props.rstrip())
        self._mapping(data, root, (), 0, _root_model(data), None)

    # -- data and the nodes it was built from

    def _node(self, value, node):
        """node when value is still what it holds (else value is written from itself), or None."""
        if node is None or self.trusted:
            return node
        if isinstance(node, yaml.ScalarNode):
            built = _scalar(node)
            if type(built) is not type(value):
                return None
            same = built == value or (isinstance(value, float) and math.isnan(value) and math.isnan(built))
            if not same and isinstance(value, str) and node.style in ("|", ">") and node.tag == _STR \
                    and id(node) not in self.aliased:
                return node  # a changed text keeps its block style (written from the text: _block_scalar)
            return node if same else None
        if isinstance(node, yaml.MappingNode):
            return node if isinstance(value, dict) else None
        return node if isinstance(value, list) else None

    # -- tags, anchors, aliases

    def _props(self, node, value) -> str:
        """The tag and the anchor written before a value ('' or '!!tag &name ')."""
        if node is None:
            return ""
        nid = id(node)
        tag = node.tag
        if tag in _DEFAULT_TAGS and nid not in self.aliased:
            return ""
        out = "" if tag in _DEFAULT_TAGS else _tag_text(tag) + " "
        if nid in self.aliased and nid not in self.anchors:
            m = _ANCHOR.match(self.src_lines[node.start_mark.line], node.start_mark.column)
            name = base = m.group(1) if m else "a"
            n = 1
            while name in self._names:
                n += 1
                name = f"{base}{n}"
            self._names.add(name)
            self.anchors[nid] = (name, value)
            out += "&" + name + " "
        return out

    def _alias(self, value, node) -> str | None:
        """'*name' when node was written before, with this value."""
        if node is None or id(node) not in self.anchors:
            return None
        name, first = self.anchors[id(node)]
        return "*" + name if self.trusted or same_data(value, first) else None

    # -- one-line values

    def _scalar(self, value, node, flow: bool) -> str:
        """A scalar as written after its key or dash ('' for null in a block)."""
        if isinstance(value, str):
            return quote(value, flow)
        if value is None:
            return "null" if flow else ""
        if value is True or value is False:
            return "true" if value else "false"
        if isinstance(value, (int, float)) and isinstance(node, yaml.ScalarNode) and not node.style:
            return node.value  # a number as written: 01, 0o17, 1e3
        if isinstance(value, float):
            return _float_text(value)
        if isinstance(value, int):
            return str(value)
        return quote(str(value), flow)

    def _inline(self, value, node, path: Path_, line: int, flow: bool) -> str:
        """What follows a key or a dash on its line: an alias, a scalar, or a flat flow collection
        (whose entries are recorded on that line)."""
        alias = self._alias(value, node) if node is not None and id(node) in self.anchors else None
        if alias is not None:
            return alias
        props = self._props(node, value)
        if isinstance(value, dict):
            parts = [f"{self._key(k, kn, True)}: {self._inline(v, vn, path + (k,), line, True)}".rstrip()
                     for k, v, kn, vn in self._pairs(value, node, None, path, line)]
            return props + "{" + ", ".join(parts) + "}"
        if isinstance(value, list):
            nodes = node.value if node is not None else ()
            parts = []
            for i, item in enumerate(value):
                self._at(path + (i,), line, -1)
                parts.append(self._inline(item, self._node(item, nodes[i]) if i < len(nodes) else None,
                                          path + (i,), line, True))
            return props + "[" + ", ".join(parts) + "]"
        text = self._scalar(value, node, flow)
        return props + text if props else text

    def _key(self, key, node, flow: bool = False) -> str:
        if key is None:
            text = "null"
        elif isinstance(key, str):
            text = quote(key, flow)
        else:
            text = self._scalar(key, node, flow)
        return self._props(node, key) + text if node is not None else text

    def _pairs(self, value: dict, node, model, path: Path_ = (), line: int | None = None) -> list[tuple]:
        """(key, value, key node, value node) of a mapping in the canonical order (a mapping with
        a merge key `<<` keeps the order it was written in). line: the output line of a flow
        mapping, where its entries are recorded."""
        if node is not None and id(node) in self.merges:
            out = self._merge_pairs(value, node)
        elif self.trusted and node is not None:  # the data's keys are the node's, in order
            out = [(key, value[key], k, v) for key, k, v in ((key_of(k), k, v) for k, v in node.value)]
            if model is not None:
                rank = _rank(model)
                ranks = [rank.get(p[0], _UNKNOWN) if isinstance(p[0], str) else _UNKNOWN for p in out]
                if any(a > b for a, b in zip(ranks, ranks[1:])):
                    order = sorted(range(len(out)), key=ranks.__getitem__)  # stable: unknown keys keep their order
                    out = [out[i] for i in order]
        else:
            by_key = {key_of(k): (k, v) for k, v in node.value} if node is not None else {}
            out = []
            for key in _ordered(list(value), model):
                k, v = by_key.get(key, (None, None))
                out.append((key, value[key], k, self._node(value[key], v)))
        if line is not None:
            for key, *_ in out:
                self._at(path + (key,), line, -1)
        return out

    def _merge_pairs(self, value: dict, node) -> list[tuple]:
        taken = self.merged.get(id(value))
        explicit = set()
        out = []
        for k, v in node.value:
            if _is_merge(k):
                out.append(("<<", None, k, v))
                continue
            key = key_of(k)
            if key in value:
                explicit.add(key)
                out.append((key, value[key], k, self._node(value[key], v)))
        for key, item in value.items():
            if key in explicit or self.trusted or (taken is not None and key in taken and same_data(item, taken[key])):
                continue  # still what the merge gives
            out.append((key, item, None, None))
        return out

    # -- block layout

    def _mapping(self, value: dict, node, path: Path_, col: int, model, prefix: str | None) -> None:
        """A block mapping at col; its first key after prefix (`- `) when one is given."""
        for key, item, key_node, item_node in self._pairs(value, node, model):
            if key_node is not None and key == "<<" and _is_merge(key_node):
                self._merge(path + (key,), item_node, col, prefix)
            else:
                self._entry(path + (key,), self._key(key, key_node), item, item_node, col,
                            _inner(model, key) if model is not None else None, prefix,
                            key_node.start_mark.column if key_node is not None else 0)
            prefix = None

    def _sequence(self, value: list, node, path: Path_, col: int, model, prefix: str | None) -> None:
        """A block sequence, its dashes at col; its first item after prefix when one is given."""
        nodes = node.value if node is not None else ()
        for i, item in enumerate(value):
            item_node = self._node(item, nodes[i]) if i < len(nodes) else None
            self._item(path + (i,), item, item_node, col, model, prefix, item_node)
            prefix = None

    def _entry(self, path: Path_, key: str, value, node, col: int, model, prefix: str | None,
               source_col: int) -> None:
        """`key: value` at col, after prefix on the same line when one is given."""
        lines = self.lines
        if prefix is None:
            lead, base = " " * col, col
        else:
            lead, base = prefix, len(prefix) - len(prefix.lstrip(" "))
        if len(key) > MAX_SIMPLE_KEY:  # `? key` then `: value`
            self._at(path, len(lines), base)
            lines.append(f"{lead}? {key}")
            lead, key = " " * col, ""
        if (isinstance(value, (dict, list)) and value and (node is None or not node.flow_style or _holds(value))
                and (node is None or id(node) not in self.anchors or self._alias(value, node) is None)):
            self._at(path, len(lines), base)
            props = self._props(node, value)
            lines.append(f"{lead}{key}: {props}".rstrip())
            if isinstance(value, dict):
                self._mapping(value, node, path, col + MAPPING_INDENT, model, None)
            else:
                self._sequence(value, node, path, col + SEQUENCE_INDENT, model, None)
            return
        self._at(path, len(lines), base)
        if node is not None and node.__class__ is yaml.ScalarNode and node.style in ("|", ">") \
                and isinstance(value, str) and id(node) not in self.anchors:
            lines.append(f"{lead}{key}: {self._props(node, value)}")
            self._block_scalar(value, node, len(lines) - 1, col, source_col)
            return
        text = self._inline(value, node, path, len(lines), False)
        lines.append(f"{lead}{key}: {text}" if text else f"{lead}{key}:")

    def _merge(self, path: Path_, node, col: int, prefix: str | None) -> None:
        """`<<: *base` (or a list of aliases) as written; when the mapping it names now comes
        later (keys were reordered), that mapping is written here, anchored."""
        lead = prefix if prefix is not None else " " * col
        base = col if prefix is None else len(prefix) - len(prefix.lstrip(" "))
        sources = node.value if isinstance(node, yaml.SequenceNode) else [node]
        if all(id(n) in self.anchors for n in sources):
            names = ["*" + self.anchors[id(n)][0] for n in sources]
            text = names[0] if not isinstance(node, yaml.SequenceNode) else "[" + ", ".join(names) + "]"
            self._at(path, len(self.lines), base)
            self.lines.append(f"{lead}<<: {text}")
            return
        from tuyentruyen.loading.yamlpos import node_value

        self._entry(path, "<<", node_value(node), node, col, None, prefix, 0)

    def _item(self, path: Path_, value, node, col: int, model, prefix: str | None, source) -> None:
        """One item of a block sequence: its dash at col, its text two columns further."""
        lines = self.lines
        if prefix is None:
            lead, base = " " * col + "- ", col
        else:
            lead, base = prefix + "- ", len(prefix) - len(prefix.lstrip(" "))
        if (isinstance(value, (dict, list)) and value and (node is None or not node.flow_style or _holds(value))
                and (node is None or id(node) not in self.anchors or self._alias(value, node) is None)):
            props = self._props(node, value)
            first: str | None = lead
            self._at(path, len(lines), base)
            if props:  # `- &a` on its own line: after the dash an anchor would belong to the first key
                lines.append((lead + props).rstrip())
                first = None
            if isinstance(value, dict):
                self._mapping(value, node, path, col + 2, model, first)
            else:
                self._sequence(value, node, path, col + 2, model, first)
            return
        self._at(path, len(lines), base)
        if node is not None and node.__class__ is yaml.ScalarNode and node.style in ("|", ">") \
                and isinstance(value, str) and id(node) not in self.anchors:
            lines.append(lead + self._props(node, value))
            m = node.start_mark
            self._block_scalar(value, node, len(lines) - 1, col, dash_col(self.src_lines[m.line], m.column))
            return
        text = self._inline(value, node, path, len(lines), False)
        lines.append(lead + text if text else lead.rstrip())

    # -- block scalars

    def _block_scalar(self, value: str, node, header_line: int, col: int, source_col: int) -> None:
        """The header (on header_line, after the key or dash) and the content lines, two columns
        deeper than the key or dash: the source's lines when the text is the source's, else a
        literal block made from the text, else (no block can hold it) one double-quoted line."""
        source = block_scalar(node, self.src_lines, source_col) if self.trusted or _scalar(node) == value else None
        if source is not None:
            lines = [unicodedata.normalize("NFC", line) for line in source.lines]
            first = next((ln for ln in lines if ln), "")
            header = source.indicator + ("2" if source.explicit_indent or first.startswith(" ") else "") \
                + source.chomping
        else:
            made = _literal(unicodedata.normalize("NFC", value))
            if made is None:
                self.lines[header_line] += _double(unicodedata.normalize("NFC", value))
                return
            header, lines = made
        self.lines[header_line] += header
        self.block_lines.add(header_line)
        indent = " " * (col + 2)
        for line in lines:
            self.block_lines.add(len(self.lines))
            self.lines.append(indent + line if line else "")
        if header.endswith("+"):
            self.keep_ends.add(len(self.lines) - 1)

    # -- comments

    def _with_comments(self) -> str:
        """The output lines with every comment and blank line put back beside its entry."""
        c, lines, where = self.comments, self.lines, self.where
        before: dict[int, list[tuple[int, str | None]]] = {}
        after: dict[int, tuple[str, int]] = {}  # line → (comment, the column it was written at; 0: none)
        trailer = [(g.col, g.text) for g in c.trailer]
        order = c.order if any(p not in where for p in self.wanted) else []
        position = {p: i for i, p in enumerate(order)}

        def target(path: Path_) -> tuple[Path_, tuple[int, int]] | None:
            """Where path was written, or the next entry of the source that was."""
            if path in where:
                return path, where[path]
            for later in order[position[path] + 1:] if path in position else ():
                if later in where and later[:len(path)] != path:
                    return later, where[later]
            return None

        def base(w: tuple[int, int]) -> int:
            if w[1] >= 0:
                return w[1]
            line = lines[w[0]]
            return len(line) - len(line.lstrip(" "))

        for path in sorted(c.before, key=len):
            found = target(path)
            if found is None:
                trailer.extend((0, g.text) for g in c.before[path])
                continue
            w = found[1]
            n, col = w[0], base(w)
            deeper_ok = n - 1 not in self.block_lines  # a deeper comment there would be text of the block
            for gap in c.before[path]:
                if gap.text is None and n - 1 in self.keep_ends:
                    continue  # a blank line there would become part of the text above
                before.setdefault(n, []).append((col + gap.col if gap.col > 0 and deeper_ok else col, gap.text))
        for path in sorted(c.eol, key=len):
            found = target(path)
            texts = list(c.eol[path])
            if found is None:
                trailer.extend((0, t) for t in texts)
                continue
            landed, w = found
            if landed == path and w[0] not in after:
                after[w[0]] = (texts.pop(0), c.eol_cols.get(path, 0))
            before.setdefault(w[0], []).extend((base(w), t) for t in texts)

        result: list[str] = []
        _gaps(result, [(g.col, g.text) for g in c.header], leading=True)
        if not before and not after:
            result.extend(lines)
        else:
            for n, line in enumerate(lines):
                if n in before:
                    _gaps(result, before[n], leading=not result)
                result.append(_with_eol(line, *after[n]) if n in after else line)
        code_end = len(result)  # empty lines before it are text of a block scalar (`|+`)
        _gaps(result, trailer, leading=not result)
        while len(result) > code_end and result[-1] == "":
            result.pop()
        return "\n".join(result) + "\n"


_UNKNOWN = 1 << 30  # the rank of a key the model does not know: after every known one


def _with_eol(line: str, comment: str, col: int) -> str:
    """line and its end-of-line comment: at the column the clerk wrote it at (comments aligned in a
    column stay aligned), or two spaces after the text when the text now reaches that column."""
    code = line.rstrip()
    return code + " " * max(2, col - len(code)) + unicodedata.normalize("NFC", comment)


def _holds(value) -> bool:
    """Whether a flow collection holds lists or mappings (then it is written as a block)."""
    return any(isinstance(v, (dict, list)) for v in (value.values() if isinstance(value, dict) else value))


def _gaps(result: list[str], gaps: list[tuple[int, str | None]], *, leading: bool) -> None:
    for col, text in gaps:
        if text is None:
            if leading or (result and result[-1] == ""):
                continue  # no blank line at the top, never two in a row
            result.append("")
        else:
            result.append(" " * max(col, 0) + unicodedata.normalize("NFC", text))
            leading = False


def _literal(value: str) -> tuple[str, list[str]] | None:
    """A literal block (`|`, `|-`, `|+`; `|2` when its first line starts with a blank) that
    reads back as value, or None when no block scalar does (a control character, a line break
    other than LF, nothing but line breaks)."""
    if _ESCAPE.search(value.replace("\n", "")):
        return None
    body = value.rstrip("\n")
    if not body:
        return None
    trailing = len(value) - len(body)
    chomping = "-" if trailing == 0 else "" if trailing == 1 else "+"
    lines = body.split("\n") + [""] * max(trailing - 1, 0)
    indicator = "|" + ("2" if lines[0].startswith(" ") else "") + chomping
    return indicator, lines
