"""YAML with positions, the fast way: libyaml's composer, then our own construction.

PyYAML's C composer (libyaml) builds the node tree with marks in ~0.07 s for a 1,000-task
plan; ruamel.yaml's round-trip loader needs ~1.9 s, so it is kept for the commands that
rewrite files (`tuyentruyen.loading.roundtrip`). We construct Python values from the nodes
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


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while building many small acyclic objects.

    Composing a 10,000-task plan creates ~10^6 nodes; the collector's repeated passes over
    them tripled the load time (1.0 s → 0.3 s measured). Nothing built here is cyclic.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
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
    except yaml.YAMLError as exc:  # pragma: no cover - every libyaml error carries a mark
        raise LoadError([Problem("TT-Y003", f"Lỗi cú pháp YAML ({exc}).", source.display, fatal=True,
                                 hint="Kiểm tra lại thụt lề và dấu ':' của tệp.")]) from None
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


# libyaml's problems, in the words a clerk can act on.
_SYNTAX = [
    ("found character '\\t'", "Ký tự Tab không được dùng trong YAML (ở chỗ này).",
     "Thay Tab bằng dấu cách."),
    ("mapping values are not allowed", "Dấu ':' đặt sai chỗ: YAML hiểu đây là một khóa mới giữa một giá trị.",
     "Nếu nội dung có dấu ': ', đặt cả giá trị trong ngoặc kép \"…\"; nếu là khóa mới, xuống dòng và thụt lề cho đúng."),
    ("could not find expected ':'", "Thiếu dấu ':' sau tên khóa, hoặc một dòng bị thụt lề sai.",
     "Mỗi dòng của một bảng phải có dạng `khóa: giá trị`; dòng nội dung dài nối tiếp phải thụt lề sâu hơn khóa."),
    ("did not find expected key", "Thụt lề không khớp: dòng này không thẳng hàng với các khóa cùng cấp.",
     "Căn các khóa cùng cấp thẳng cột với nhau (cùng số dấu cách đầu dòng)."),
    ("did not find expected '-' indicator", "Thụt lề không khớp trong danh sách: mục này không thẳng hàng với các mục '-' khác.",
     "Căn các dấu '-' của cùng một danh sách thẳng cột với nhau."),
    ("expected <block end>", "Thụt lề không khớp: dòng này lệch so với các dòng cùng cấp.",
     "Căn các khóa (hoặc các dấu '-') cùng cấp thẳng cột với nhau."),
    ("found undefined alias", "Bí danh (*tên) chưa được định nghĩa bằng neo (&tên) nào trước đó.",
     "Định nghĩa neo &tên trước khi dùng *tên, hoặc viết thẳng nội dung."),
    ("found unexpected end of stream", "Tệp kết thúc khi một chuỗi trong ngoặc chưa được đóng.",
     "Thêm dấu ngoặc kép (\" hoặc ') đóng chuỗi còn thiếu."),
    ("found unknown escape character", "Chuỗi trong ngoặc kép có ký tự thoát '\\' không hợp lệ.",
     "Dùng ngoặc đơn '…' cho chuỗi có dấu '\\', hoặc viết '\\\\'."),
    ("found unacceptable character", "Tệp chứa ký tự điều khiển không được phép trong YAML.",
     "Xóa ký tự vô hình ở vị trí này (thường do sao chép từ Word/PDF)."),
    ("control characters are not allowed", "Tệp chứa ký tự điều khiển không được phép trong YAML.",
     "Xóa ký tự vô hình ở vị trí này (thường do sao chép từ Word/PDF)."),
    ("expected a single document", "Tệp chứa nhiều tài liệu YAML (ngăn bằng '---'); mỗi tệp chỉ được một kế hoạch.",
     "Tách mỗi kế hoạch ra một tệp riêng, hoặc xóa dòng '---' thừa."),
    ("expected ',' or ']'", "Danh sách trong ngoặc vuông [...] chưa đóng hoặc thiếu dấu phẩy.",
     "Kiểm tra dấu ']' và dấu ',' giữa các phần tử; nội dung có dấu phẩy phải đặt trong ngoặc kép."),
    ("expected ',' or '}'", "Bảng trong ngoặc nhọn {...} chưa đóng hoặc thiếu dấu phẩy.",
     "Kiểm tra dấu '}' và dấu ',' giữa các cặp khóa: giá trị."),
    ("found character '@'", "Giá trị không được bắt đầu bằng ký tự '@' hoặc '`'.",
     "Đặt giá trị trong ngoặc kép \"…\"."),
    ("found character '`'", "Giá trị không được bắt đầu bằng ký tự '@' hoặc '`'.",
     "Đặt giá trị trong ngoặc kép \"…\"."),
    ("found character '%'", "Giá trị không được bắt đầu bằng ký tự '%'.", "Đặt giá trị trong ngoặc kép \"…\"."),
    ("while scanning an anchor", "Tên neo (&) hoặc bí danh (*) không hợp lệ.",
     "Nếu nội dung bắt đầu bằng '&' hoặc '*', đặt nó trong ngoặc kép \"…\"."),
    ("while scanning an alias", "Tên neo (&) hoặc bí danh (*) không hợp lệ.",
     "Nếu nội dung bắt đầu bằng '&' hoặc '*', đặt nó trong ngoặc kép \"…\"."),
    ("found duplicate anchor", "Tên neo (&tên) bị định nghĩa hai lần.", "Đặt tên neo khác nhau."),
    ("while scanning a block scalar", "Khối văn bản nhiều dòng (| hoặc >) viết sai.",
     "Sau '|' hoặc '>' phải xuống dòng, nội dung thụt lề sâu hơn khóa."),
    ("while scanning a simple key", "Một dòng không có dấu ':' ở chỗ cần có khóa.",
     "Viết dòng theo dạng `khóa: giá trị`, hoặc thụt lề để nối vào giá trị phía trên."),
]


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


def _syntax_problem(exc: yaml.MarkedYAMLError, source: Source) -> Problem:
    text = " ".join(str(x) for x in (exc.context, exc.problem) if x)
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message, hint = None, None
    for needle, msg, h in _SYNTAX:
        if needle in text:
            message, hint = msg, h
            break
    if "mapping values are not allowed" in text and (deeper := _deeper_than_previous(source, line)):
        message = (f"Thụt lề không khớp: dòng {line} thụt sâu hơn khóa '{deeper}' ở dòng trên, nên YAML đọc nó "
                   "như phần nối tiếp của giá trị.")
        hint = "Căn dòng này thẳng cột với các khóa cùng cấp; nếu giá trị có dấu ': ', đặt nó trong ngoặc kép \"…\"."
    if message is None:
        message = f"Lỗi cú pháp YAML (bộ phân tích báo: {exc.problem or exc.context})."
        hint = "Kiểm tra thụt lề, dấu ':' sau mỗi khóa và dấu ngoặc kép ở quanh dòng này."
    if "\t" in source.line(line):
        hint = (hint or "") + " Dòng này có ký tự Tab: thay bằng dấu cách."
    return Problem("TT-Y003", message, source.display, line, col, hint=hint, fatal=True)
