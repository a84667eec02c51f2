"""YAML with positions, the fast way: libyaml's composer, then our own construction.

PyYAML's C composer (libyaml) builds the node tree with marks in ~0.07 s for a 1,000-task
plan (ruamel.yaml's round-trip loader needed ~1.9 s); the commands that rewrite files write
from this same tree (`tuyentruyen.loading.roundtrip`, `tuyentruyen.edit.fmt`). We construct Python values from the nodes
ourselves to: resolve plain scalars by the YAML 1.2 core schema (so `no`, `on`, `yes` stay
text and `2022-12-19` stays a string the model parses as a date), report duplicate keys,
and bound the growth that aliases can cause (a "billion laughs" file).
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass

import yaml

from tuyentruyen.loading.source import LoadError, Source
from tuyentruyen.problems import Problem

try:  # libyaml ships in PyYAML's wheels; the pure-Python composer is the slow fallback
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Compose only: PyYAML's YAML 1.1 implicit resolution is skipped (we resolve by 1.2 core)."""

    def resolve(self, kind, value, implicit):
        return _STR if kind is yaml.ScalarNode else _SEQ if kind is yaml.SequenceNode else _MAP

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
                  "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
                  ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan")}

# Every node built counts against this budget; aliases can make a small file expand
# exponentially, and a plan has no use for more than a few nodes per byte.
NODE_BUDGET_PER_BYTE = 4
NODE_BUDGET_MIN = 100_000
# A plan nests a dozen levels (plan → sections → 1. → a) → bullets); far deeper is not a plan,
# and every later stage (the model, fmt, render) walks the tree recursively.
MAX_DEPTH = 100
# Python refuses to convert integers of more than 4,300 digits; no plan has a number of even 30.
MAX_NUMBER_DIGITS = 100

Path_ = tuple  # a YAML path: keys (str) and indices (int)


_MOVE_AT_LEAST = 200_000  # young objects (a plan of ~1 MB): below this the usual collection is cheap
_FULL_AFTER = 4_000_000  # objects moved to the oldest generation since the last full collection
_moved = 0


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while building many small acyclic objects.

    Composing a 10,000-task plan creates ~10^6 nodes; the collector's repeated passes over
    them tripled the load time (1.0 s → 0.3 s measured). Nothing built here is cyclic.

    On the way out, when much was built (a large plan), it is moved to the oldest generation
    (gc.freeze + gc.unfreeze) rather than left in the youngest, which the first collection after
    gc.enable() would traverse whole: 2.2 → 1.95 s CPU for `tt validate` of 10,000 tasks. Objects
    moved so are not counted by the collector's own rule for full collections, so after
    _FULL_AFTER of them tt runs one itself: a process that reads large plans again and again
    (`tt lsp`) keeps its memory bounded. Small plans (a country's 6,710 files) are left to the
    collector as usual: moving every one of them let a worker's garbage grow to 729 MiB (measured).
    """
    global _moved
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            young = gc.get_count()[0]
            if young >= _MOVE_AT_LEAST:
                gc.freeze()
                gc.unfreeze()
                _moved += young
                if _moved >= _FULL_AFTER:
                    _moved = 0
                    gc.collect()
            gc.enable()


@dataclass
class Pos:
    line: int  # 1-based
    col: int  # 1-based, in characters


class LoadedYaml:
    """Data built from a YAML document, able to say where any path of it was written."""

    def __init__(self, source: Source, root: yaml.Node, data):
        self.source = source
        self.root = root
        self.data = data

    def node_at(self, path: Path_) -> tuple[yaml.Node | None, yaml.Node | None, int]:
        """The (key node, value node, depth reached) for path, stopping at the deepest existing part."""
        node, key_node, depth = self.root, None, 0
        for part in path:
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                for k, v in reversed(node.value):  # the last duplicate is the one used
                    if isinstance(k, yaml.ScalarNode) and k.value == part:
                        key_node, node = k, v
                        break
                else:
                    return key_node, node, depth
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                key_node, node = None, node.value[part]
            else:
                return key_node, node, depth
            depth += 1
        return key_node, node, depth

    def locate(self, path: Path_, *, key: bool = False) -> Pos:
        """Where path is written: its key when key=True (and it has one), else its value."""
        key_node, node, depth = self.node_at(path)
        target = key_node if (key and key_node is not None and depth == len(path)) else node
        if target is None:
            return Pos(1, 1)
        if depth == len(path) and not key and isinstance(target, yaml.ScalarNode) and target.value == "" \
                and key_node is not None:
            target = key_node  # an empty value sits at the end of its key's line: point at the key
        mark = target.start_mark
        return Pos(mark.line + 1, mark.column + 1)

    def exists(self, path: Path_) -> bool:
        return self.node_at(path)[2] == len(path)


def parse_yaml(source: Source) -> LoadedYaml:
    """Compose source.text and build its data, or raise LoadError with located problems."""
    loader = _Loader(source.text)
    try:
        with gc_paused():
            root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise LoadError([_syntax_problem(exc, source)]) from None
    except yaml.reader.ReaderError as exc:  # a character the reader refuses: it has a position, not a mark
        raise LoadError([_reader_problem(exc, source)]) from None
    except yaml.YAMLError:  # pragma: no cover - every other libyaml error carries a mark
        raise LoadError([Problem("TT-Y003", _GENERIC[0], source.display, fatal=True, hint=_GENERIC[1])]) from None
    finally:
        loader.dispose()
    if root is None or (isinstance(root, yaml.ScalarNode) and not root.value.strip() and not root.style):
        raise LoadError([Problem("TT-Y007", "Tệp trống: không có nội dung kế hoạch nào.", source.display,
                                 fatal=True, hint="Xem mẫu đầy đủ trong docs/plan-format.md.")])
    builder = _Builder(source, max(NODE_BUDGET_MIN, NODE_BUDGET_PER_BYTE * len(source.text)))
    with gc_paused():
        data = builder.build(root)
    if builder.problems:
        source.problems.extend(builder.problems)
    return LoadedYaml(source, root, data)


class _Builder:
    def __init__(self, source: Source, budget: int):
        self.source = source
        self.budget = budget
        self.problems: list[Problem] = []
        self._open: set[int] = set()  # the collections being built: an alias to one of them is a cycle

    def _cycle(self, node: yaml.Node) -> LoadError:
        m = node.start_mark
        return LoadError([Problem(
            "TT-Y009", "Bí danh YAML (*tên) trỏ vào chính mục chứa nó, tạo thành một vòng lặp vô tận.",
            self.source.display, m.line + 1, m.column + 1, fatal=True,
            hint="Viết thẳng nội dung thay cho bí danh (*tên) ở đây; một mục không thể chứa chính nó.")])

    def _spend(self, node: yaml.Node) -> None:
        self.budget -= 1
        if self.budget < 0:
            m = node.start_mark
            raise LoadError([Problem(
                "TT-Y009", "Tệp dùng neo/bí danh YAML (&, *) lồng nhau làm dữ liệu phình ra quá lớn.",
                self.source.display, m.line + 1, m.column + 1, fatal=True,
                hint="Viết thẳng nội dung thay vì dùng bí danh (*tên) lặp lại nhiều lần.")])

    def build(self, node: yaml.Node, depth: int = 0):
        self._spend(node)
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        key = id(node)
        if key in self._open:
            raise self._cycle(node)
        if depth >= MAX_DEPTH:
            m = node.start_mark
            raise LoadError([Problem(
                "TT-Y010", f"Tệp lồng các mục (danh sách, bảng) sâu quá {MAX_DEPTH} cấp; một kế hoạch chỉ có vài cấp.",
                self.source.display, m.line + 1, m.column + 1, fatal=True,
                hint="Kiểm tra thụt lề và các dấu ngoặc [ ] { } quanh dòng này: có lẽ thiếu dấu đóng ngoặc.")])
        self._open.add(key)
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, depth + 1) for item in node.value]
            return self._mapping(node, depth)
        finally:
            self._open.discard(key)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict:
        result: dict = {}
        seen: dict = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<" and not key_node.style:
                merged = self.build(value_node, depth + 1)
                for part in merged if isinstance(merged, list) else [merged]:
                    if isinstance(part, dict):
                        for k, v in part.items():
                            result.setdefault(k, v)
                continue
            key = self.build(key_node, depth + 1) if not isinstance(key_node, yaml.ScalarNode) else _scalar(key_node)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                m = key_node.start_mark
                self.problems.append(Problem(
                    "TT-Y006", "Khóa phải là một chữ đơn giản, không được là danh sách hay bảng.",
                    self.source.display, m.line + 1, m.column + 1,
                    hint="Viết khóa dạng `tên_khóa: giá trị`."))
                continue
            if key in seen:
                m, first = key_node.start_mark, seen[key]
                self.problems.append(Problem(
                    "TT-Y006",
                    f"Khóa '{key}' bị lặp lại (đã có ở dòng {first.line + 1}); chỉ giá trị cuối cùng được dùng.",
                    self.source.display, m.line + 1, m.column + 1,
                    hint="Xóa một trong hai khóa, hoặc gộp nội dung của chúng làm một."))
            seen[key] = key_node.start_mark
            result[key] = self.build(value_node, depth + 1)
        return result


def scalar_value(node: yaml.ScalarNode):
    """The Python value of a plain or quoted scalar by tt's reading (YAML 1.2 core schema)."""
    return _scalar(node)


def scalar_value(node: yaml.ScalarNode):
    """The value tt reads from a scalar node (the YAML 1.2 core schema; for the rewriting commands)."""
    return _scalar(node)


def node_value(node: yaml.Node):
    """The data tt reads from a node of a tree parse_yaml already accepted (for the rewriting commands)."""
    return _Builder(Source(None, "", ""), 1 << 62).build(node)


def _scalar(node: yaml.ScalarNode):
    value = node.value
    if node.style:  # quoted or block scalars are always text (libyaml marks plain as '', PyYAML as None)
        return value
    if node.tag not in ("tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
                        "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:str"):
        return value  # an explicit tag (!!binary, !custom): keep the text, never construct objects
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if len(value) > MAX_NUMBER_DIGITS:
        return value  # no plan writes a number this long: read as text (the model says what it expected)
    if _INT.match(value):
        return int(value)
    if _INT_OCT.match(value):
        return int(value[2:], 8)
    if _INT_HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        return float(value)
    if value in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[value]
    return value


# libyaml's problems, in the words a clerk can act on. Each entry: a phrase of libyaml's problem
# (or, after it, of its context), the message, the hint. Every problem libyaml (scanner, parser,
# reader) and PyYAML's composer can give is here; anything else gets _GENERIC, never the English.
_QUOTE_HINT = "Đặt giá trị trong ngoặc kép \"…\"."
_INDENT_HINT = "Căn các khóa cùng cấp thẳng cột với nhau (cùng số dấu cách đầu dòng)."
_CONTROL = ("Tệp chứa ký tự điều khiển không được phép trong YAML.",
            "Xóa ký tự vô hình ở vị trí này (thường do sao chép từ Word/PDF).")
_UTF8 = ("Tệp có chuỗi byte không phải UTF-8 hợp lệ ở vị trí này.",
         "Lưu lại tệp ở mã UTF-8 (VS Code: 'Save with Encoding' → 'UTF-8').")
_DIRECTIVE = ("Dòng bắt đầu bằng '%' là chỉ thị của YAML và viết sai; kế hoạch không cần chỉ thị nào.",
              "Xóa dòng này, hoặc nếu đó là nội dung, đặt nó trong ngoặc kép \"…\".")
_TAG = ("Giá trị bắt đầu bằng '!' bị YAML hiểu là một thẻ kiểu (tag) viết sai.", _QUOTE_HINT)
_SYNTAX = [
    # scanner
    ("found a tab character", "Ký tự Tab ở chỗ YAML cần dấu cách thụt lề.", "Thay Tab bằng dấu cách."),
    ("found character '\\t'", "Ký tự Tab không được dùng trong YAML (ở chỗ này).", "Thay Tab bằng dấu cách."),
    ("mapping values are not allowed", "Dấu ':' đặt sai chỗ: YAML hiểu đây là một khóa mới giữa một giá trị.",
     "Nếu nội dung có dấu ': ', đặt cả giá trị trong ngoặc kép \"…\"; nếu là khóa mới, xuống dòng và thụt lề cho đúng."),
    ("mapping keys are not allowed", "Dấu '?' (khóa phức của YAML) đặt sai chỗ.",
     "Nếu nội dung bắt đầu bằng '?', đặt cả giá trị trong ngoặc kép \"…\"."),
    ("block sequence entries are not allowed", "Dấu '- ' của một danh sách đứng sau một khóa trên cùng dòng.",
     "Xuống dòng trước '- ' và thụt lề sâu hơn khóa; nếu '-' là nội dung, đặt cả giá trị trong ngoặc kép \"…\"."),
    ("could not find expected ':'", "Thiếu dấu ':' sau tên khóa, hoặc một dòng bị thụt lề sai.",
     "Mỗi dòng của một bảng phải có dạng `khóa: giá trị`; dòng nội dung dài nối tiếp phải thụt lề sâu hơn khóa."),
    ("found unexpected end of stream", "Tệp kết thúc khi một chuỗi trong ngoặc chưa được đóng.",
     "Thêm dấu ngoặc kép (\" hoặc ') đóng chuỗi còn thiếu."),
    ("found unexpected document indicator", "Một chuỗi trong ngoặc chưa được đóng trước dòng '---' hoặc '...'.",
     "Thêm dấu ngoặc kép (\" hoặc ') đóng chuỗi còn thiếu."),
    ("found unknown escape character", "Chuỗi trong ngoặc kép có ký tự thoát '\\' không hợp lệ.",
     "Dùng ngoặc đơn '…' cho chuỗi có dấu '\\', hoặc viết '\\\\'."),
    ("did not find expected hexdecimal number", "Chuỗi trong ngoặc kép có mã ký tự '\\x', '\\u' viết sai.",
     "Dùng ngoặc đơn '…' cho chuỗi có dấu '\\', hoặc viết '\\\\'."),
    ("found invalid Unicode character escape code", "Chuỗi trong ngoặc kép có mã ký tự '\\u' không phải ký tự Unicode.",
     "Dùng ngoặc đơn '…' cho chuỗi có dấu '\\', hoặc viết '\\\\'."),
    ("found an indentation indicator equal to 0", "Sau '|' hoặc '>' không được ghi số 0.",
     "Bỏ chữ số sau '|' hoặc '>' (hoặc dùng 1–9), rồi xuống dòng và thụt lề nội dung."),
    ("found unexpected ':'", "Dấu ':' đặt sai chỗ trong một danh sách hay bảng viết trong ngoặc [ ] { }.",
     "Đặt phần tử có dấu ':' trong ngoặc kép \"…\"."),
    ("found undefined tag handle", *_TAG),
    ("did not find the expected '>'", *_TAG),
    ("did not find expected '!'", *_TAG),
    ("did not find expected tag URI", *_TAG),
    ("did not find URI escaped octet", *_TAG),
    ("found an incorrect leading UTF-8 octet", *_TAG),
    ("found an incorrect trailing UTF-8 octet", *_TAG),
    ("found unknown directive name", *_DIRECTIVE),
    ("could not find expected directive name", *_DIRECTIVE),
    ("did not find expected version number", *_DIRECTIVE),
    ("found extremely long version number", *_DIRECTIVE),
    ("did not find expected digit or '.' character", *_DIRECTIVE),
    ("found incompatible YAML document", *_DIRECTIVE),
    ("found duplicate %YAML directive", *_DIRECTIVE),
    ("found duplicate %TAG directive", *_DIRECTIVE),
    ("found unexpected non-alphabetical character", *_DIRECTIVE),
    ("did not find expected whitespace or line break", *_TAG),
    ("did not find expected whitespace", *_DIRECTIVE),
    ("while scanning an anchor", "Tên neo (&) hoặc bí danh (*) không hợp lệ.",
     "Nếu nội dung bắt đầu bằng '&' hoặc '*', đặt nó trong ngoặc kép \"…\"."),
    ("while scanning an alias", "Tên neo (&) hoặc bí danh (*) không hợp lệ.",
     "Nếu nội dung bắt đầu bằng '&' hoặc '*', đặt nó trong ngoặc kép \"…\"."),
    ("while scanning a block scalar", "Khối văn bản nhiều dòng (| hoặc >) viết sai.",
     "Sau '|' hoặc '>' phải xuống dòng, nội dung thụt lề sâu hơn khóa."),
    ("did not find expected comment or line break", "Sau '|', '>' hoặc một chỉ thị '%' chỉ được xuống dòng.",
     "Xuống dòng ngay sau '|' hoặc '>', rồi viết nội dung thụt lề sâu hơn khóa."),
    ("did not find expected alphabetic or numeric character", "Tên neo (&) hoặc bí danh (*) không hợp lệ.",
     "Nếu nội dung bắt đầu bằng '&' hoặc '*', đặt nó trong ngoặc kép \"…\"."),
    ("found character '@'", "Giá trị không được bắt đầu bằng ký tự '@' hoặc '`'.", _QUOTE_HINT),
    ("found character '`'", "Giá trị không được bắt đầu bằng ký tự '@' hoặc '`'.", _QUOTE_HINT),
    ("found character '%'", "Giá trị không được bắt đầu bằng ký tự '%'.", _QUOTE_HINT),
    # parser
    ("did not find expected key", "Thụt lề không khớp: dòng này không thẳng hàng với các khóa cùng cấp.",
     _INDENT_HINT),
    ("did not find expected '-' indicator", "Thụt lề không khớp trong danh sách: mục này không thẳng hàng với các mục '-' khác.",
     "Căn các dấu '-' của cùng một danh sách thẳng cột với nhau."),
    ("expected <block end>", "Thụt lề không khớp: dòng này lệch so với các dòng cùng cấp.",
     "Căn các khóa (hoặc các dấu '-') cùng cấp thẳng cột với nhau."),
    ("did not find expected node content", "Thiếu giá trị ở chỗ này (sau dấu ',' hoặc '-', hay trong ngoặc [ ] { }).",
     "Viết giá trị, hoặc xóa dấu ',' hay '-' thừa; nội dung bắt đầu bằng ký tự đặc biệt thì đặt trong ngoặc kép \"…\"."),
    ("did not find expected <document start>", "Có nội dung sau dòng kết thúc tài liệu ('...') hoặc sau một chỉ thị '%'.",
     "Xóa dòng '...' (hoặc chỉ thị '%') thừa; mỗi tệp chỉ có một kế hoạch."),
    ("did not find expected <stream-start>", "Tệp không bắt đầu như một tệp YAML.",
     "Mở đầu tệp bằng các khóa ở cột 1, ví dụ `tt: 1` (xem docs/plan-format.md)."),
    ("expected ',' or ']'", "Danh sách trong ngoặc vuông [...] chưa đóng hoặc thiếu dấu phẩy.",
     "Kiểm tra dấu ']' và dấu ',' giữa các phần tử; nội dung có dấu phẩy phải đặt trong ngoặc kép."),
    ("expected ',' or '}'", "Bảng trong ngoặc nhọn {...} chưa đóng hoặc thiếu dấu phẩy.",
     "Kiểm tra dấu '}' và dấu ',' giữa các cặp khóa: giá trị."),
    # reader
    ("control characters are not allowed", *_CONTROL),
    ("found unacceptable character", *_CONTROL),
    ("special characters are not allowed", *_CONTROL),
    ("UTF-8", *_UTF8),
    ("invalid Unicode character", *_CONTROL),
    ("low surrogate", *_UTF8),
    # composer
    ("found undefined alias", "Bí danh (*tên) chưa được định nghĩa bằng neo (&tên) nào trước đó.",
     "Định nghĩa neo &tên trước khi dùng *tên, hoặc viết thẳng nội dung; nội dung bắt đầu bằng '*' thì đặt trong "
     "ngoặc kép \"…\"."),
    ("found duplicate anchor", "Tên neo (&tên) bị định nghĩa hai lần.", "Đặt tên neo khác nhau."),
    ("expected a single document", "Tệp chứa nhiều tài liệu YAML (ngăn bằng '---'); mỗi tệp chỉ được một kế hoạch.",
     "Tách mỗi kế hoạch ra một tệp riêng, hoặc xóa dòng '---' thừa."),
    ("expected nothing after", "Có nội dung sau chỗ kết thúc tệp YAML.", "Xóa phần thừa ở cuối tệp."),
    # contexts, when the problem itself is not in the table
    ("while scanning a simple key", "Một dòng không có dấu ':' ở chỗ cần có khóa.",
     "Viết dòng theo dạng `khóa: giá trị`, hoặc thụt lề để nối vào giá trị phía trên."),
    ("while scanning a quoted scalar", "Chuỗi trong ngoặc kép (hoặc ngoặc đơn) viết sai.",
     "Kiểm tra dấu ngoặc đóng của chuỗi; bên trong ngoặc kép, viết '\\\"' cho dấu ngoặc kép."),
    ("while parsing a quoted scalar", "Chuỗi trong ngoặc kép (hoặc ngoặc đơn) viết sai.",
     "Kiểm tra dấu ngoặc đóng của chuỗi; bên trong ngoặc kép, viết '\\\"' cho dấu ngoặc kép."),
    ("while parsing a flow", "Danh sách [ ] hoặc bảng { } viết trên một dòng bị sai.",
     "Kiểm tra các dấu ngoặc và dấu ',' giữa các phần tử; nội dung có dấu ',' hay ':' đặt trong ngoặc kép."),
    ("while parsing a block", "Thụt lề không khớp: dòng này lệch so với các dòng cùng cấp.", _INDENT_HINT),
    ("while scanning a directive", *_DIRECTIVE),
    ("while scanning a %", *_DIRECTIVE),
    ("while parsing a %", *_DIRECTIVE),
    ("while parsing a tag", *_TAG),
    ("while scanning a tag", *_TAG),
    ("while increasing", "Tệp lồng nhau quá sâu.", "Kiểm tra thụt lề và các dấu ngoặc [ ] { } chưa đóng."),
]
_GENERIC = ("Lỗi cú pháp YAML ở chỗ này: tt không đọc được cấu trúc của tệp từ đây.",
            "Kiểm tra thụt lề, dấu ':' sau mỗi khóa và dấu ngoặc kép ở quanh dòng này.")
# "found character that cannot start any token": what that character is
_TOKEN_START = {
    "\t": ("Ký tự Tab không được dùng trong YAML (ở chỗ này).", "Thay Tab bằng dấu cách."),
    "@": ("Giá trị không được bắt đầu bằng ký tự '@' hoặc '`'.", _QUOTE_HINT),
    "`": ("Giá trị không được bắt đầu bằng ký tự '@' hoặc '`'.", _QUOTE_HINT),
}


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _deeper_than_previous(source: Source, line: int) -> str | None:
    """The key of the previous `key: value` line when line is indented deeper than it."""
    here = source.line(line)
    for n in range(line - 1, 0, -1):
        prev = source.line(n)
        if not prev.strip() or prev.lstrip().startswith("#"):
            continue
        m = re.match(r"^\s*(?:- )?([^\s:#][^:#]*):\s+\S", prev)
        if m and _indent(here) > _indent(prev):
            return m.group(1).strip()
        return None
    return None


def syntax_message(problem: str | None, context: str | None, at: str = "") -> tuple[str, str]:
    """(message, hint) in Vietnamese for libyaml's problem and context; at is the character at the mark."""
    problem, context = problem or "", context or ""
    if "cannot start any token" in problem:
        if at in _TOKEN_START:
            return _TOKEN_START[at]
        if at and not at.isspace():
            return (f"Giá trị không được bắt đầu bằng ký tự “{at}”.", _QUOTE_HINT)
    for text in (problem, context):
        for needle, msg, h in _SYNTAX:
            if needle in text:
                return msg, h
    return _GENERIC


def _syntax_problem(exc: yaml.MarkedYAMLError, source: Source) -> Problem:
    text = " ".join(str(x) for x in (exc.context, exc.problem) if x)
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    here = source.line(line)
    message, hint = syntax_message(exc.problem, exc.context, here[col - 1:col])
    if "mapping values are not allowed" in text and (deeper := _deeper_than_previous(source, line)):
        message = (f"Thụt lề không khớp: dòng {line} thụt sâu hơn khóa '{deeper}' ở dòng trên, nên YAML đọc nó "
                   "như phần nối tiếp của giá trị.")
        hint = "Căn dòng này thẳng cột với các khóa cùng cấp; nếu giá trị có dấu ': ', đặt nó trong ngoặc kép \"…\"."
    elif ("'-' indicator" in text or "expected <block end>" in text) and not here.lstrip().startswith("-"):
        message = ("Thụt lề không khớp: dòng này đứng giữa một danh sách mà không bắt đầu bằng '-', nên YAML không "
                   "biết nó thuộc mục nào.")
        hint = ("Nếu đây là một mục mới của danh sách, viết '- ' ở đầu dòng, thẳng cột với các dấu '-' khác; nếu là "
                "khóa của mục phía trên, thụt lề thẳng cột với khóa đầu tiên của mục đó (ngay sau '- ').")
    if "\t" in here and "Tab" not in message:
        hint = (hint or "") + " Dòng này có ký tự Tab: thay bằng dấu cách."
    return Problem("TT-Y003", message, source.display, line, col, hint=hint, fatal=True)


def _reader_problem(exc: yaml.reader.ReaderError, source: Source) -> Problem:
    """A character libyaml's reader refuses (a control character, a broken UTF-8 sequence), located."""
    message, hint = syntax_message(str(getattr(exc, "reason", "") or ""), None)
    position = getattr(exc, "position", None)
    line = col = 1
    if isinstance(position, int) and 0 <= position <= len(source.text):
        from tuyentruyen.loading.source import split_lines

        before = split_lines(source.text[:position])  # lines counted as libyaml counts them
        line, col = len(before), len(before[-1]) + 1
    char = getattr(exc, "character", None)
    if isinstance(char, int) and message == _CONTROL[0]:
        message = f"Tệp chứa ký tự điều khiển U+{char:04X}, không được phép trong YAML."
    return Problem("TT-Y003", message, source.display, line, col, hint=hint, fatal=True)
