"""Reading a plan file's bytes into text, refusing what cannot be a plan.

Checks, in order, each with its own message: missing or unreadable file, oversize,
UTF-16/32 or non-UTF-8 bytes (with the line), a UTF-8 BOM (a warning: Notepad writes
one), an empty file, tabs used for indentation.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from tuyentruyen.errors import UsageError
from tuyentruyen.problems import Problem, Severity

# A 10,000-task plan is about 4 MB; anything far beyond that is not a hand-written plan.
MAX_BYTES = 32 * 1024 * 1024

# The line breaks of libyaml (YAML 1.1), the parser every command reads with: CR LF, CR, LF,
# NEL (U+0085), LS (U+2028), PS (U+2029). Every stage that turns an offset into line:col or a
# line number into its text splits here (the loader's messages, rules.spans, fmt), so the
# line tt prints is the one libyaml's marks count: a lone CR, or a U+2028 inside a quoted
# value, starts a new line for all of them.
LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_RARE_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def split_lines(text: str) -> list[str]:
    """The lines of text without their line breaks, split where libyaml splits them."""
    if not any(b in text for b in _RARE_BREAKS):
        return text.split("\n")
    return LINE_BREAK.split(text)


def line_starts(text: str) -> list[int]:
    """The offset where each line of text starts (the first is 0), lines split as libyaml does."""
    starts = [0]
    if not any(b in text for b in _RARE_BREAKS):
        find, i = text.find, text.find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts
    starts.extend(m.end() for m in LINE_BREAK.finditer(text))
    return starts


class LimitError(UsageError):
    """TT_MAX_BYTES is set to something that is not a size (exit 2)."""

    def __init__(self, raw: str):
        super().__init__(f"Biến môi trường TT_MAX_BYTES = “{raw}” không phải một cỡ tệp.",
                         "Ghi một số byte, có thể kèm K, M hoặc G (ví dụ TT_MAX_BYTES=32M), hoặc bỏ biến này "
                         "để dùng giới hạn mặc định 32 MB.")


def max_bytes_limit() -> int:
    """The size limit of an input: $TT_MAX_BYTES (bytes, or with K/M/G), else 32 MB.

    Raises LimitError (the CLI reports it, exit 2) when the variable is not a size."""
    raw = os.environ.get("TT_MAX_BYTES")
    if raw is None or not raw.strip():
        return MAX_BYTES
    import re

    m = re.fullmatch(r"\s*(\d+)\s*([kKmMgG]?)[bB]?\s*", raw)
    if not m:
        raise LimitError(raw)
    return int(m.group(1)) * {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}[m.group(2).lower()]


class LoadError(Exception):
    """The input cannot be read as a plan; carries the problems that say why."""

    def __init__(self, problems: list[Problem], source: "Source | None" = None):
        super().__init__(problems[0].message if problems else "")
        self.problems = problems
        self.source = source  # the text, when it was read (a report can show the lines at fault)


@dataclass
class Source:
    path: Path
    display: str  # the name shown to the user (as given, relative when possible)
    text: str
    problems: list[Problem] = field(default_factory=list)
    _lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = split_lines(self.text)
        return self._lines

    def line(self, n: int) -> str:
        """Line n (1-based, as libyaml counts lines) without its end of line, '' when out of range."""
        lines = self.lines
        return lines[n - 1] if 0 < n <= len(lines) else ""


@dataclass
class FileResult:
    """A file through tt, as the reports read it: where it is, its text (for the lines shown under a
    problem), its problems, and the verdict on them. The loaders' results (loading.documents.Loaded)
    add what they built; the answers of many-file runs and of the cache (check.Checked) are just this."""

    path: Path
    display: str
    source: Source | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR or p.fatal for p in self.problems)

    @property
    def fatal(self) -> bool:
        return any(p.fatal for p in self.problems)


def display_name(path: Path) -> str:
    """The path relative to the current folder when it lies below it, else as given."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith(os.pardir) else rel


def _fatal(code: str, file: str, message: str, hint: str | None, line: int = 1, col: int = 1) -> LoadError:
    return LoadError([Problem(code, message, file, line, col, hint=hint, fatal=True)])


def read_source(path: str | Path, max_bytes: int | None = None) -> Source:
    """The text of a plan file, or LoadError with the located reason it cannot be one."""
    path = Path(path)
    return decode_source(read_raw(path, max_bytes), path, display_name(path))


def read_raw(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of an input file (regular files only, bounded), or LoadError saying why not."""
    from tuyentruyen.project.files import ReadError, os_reason, read_bytes_bounded

    shown = display_name(path)
    limit = max_bytes_limit() if max_bytes is None else max_bytes
    try:
        return read_bytes_bounded(path, limit)
    except IsADirectoryError:
        raise _fatal("TT-Y001", shown, f"'{shown}' là một thư mục, không phải tệp kế hoạch.",
                     "Chỉ ra một tệp .yaml, hoặc bỏ trống để kiểm tra mọi kế hoạch trong plans/.") from None
    except ReadError as exc:
        raise _fatal(exc.code, shown, exc.message, exc.hint) from None
    except FileNotFoundError:
        raise _fatal("TT-Y001", shown, f"Không tìm thấy tệp '{shown}'.",
                     "Kiểm tra lại đường dẫn (chạy `ls plans/` để xem các kế hoạch có sẵn).") from None
    except PermissionError:
        raise _fatal("TT-Y001", shown, f"Không có quyền đọc tệp '{shown}'.",
                     "Kiểm tra quyền truy cập của tệp.") from None
    except OSError as exc:
        raise _fatal("TT-Y001", shown, f"Không đọc được tệp '{shown}': {os_reason(exc)}.",
                     "Kiểm tra lại đường dẫn và quyền truy cập.") from None


def decode_source(data: bytes, path: Path, shown: str) -> Source:
    problems: list[Problem] = []
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                      (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if data.startswith(bom):
            raise _fatal("TT-Y002", shown, f"Tệp được lưu ở mã {name}; tệp kế hoạch phải là UTF-8.",
                         "Mở tệp trong VS Code, chọn 'Save with Encoding' → 'UTF-8' rồi lưu lại.")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        problems.append(Problem(
            "TT-Y005", "Tệp bắt đầu bằng dấu BOM (EF BB BF) của UTF-8.", shown, 1, 1,
            severity=Severity.WARNING,
            hint="Lưu lại tệp ở dạng 'UTF-8' không BOM (VS Code: 'Save with Encoding' → 'UTF-8'), hoặc chạy `tt fmt`."))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = split_lines(data[:exc.start].decode("utf-8", errors="replace"))
        line, col = len(before), len(before[-1]) + 1
        bad = data[exc.start:exc.start + 1].hex().upper()
        raise _fatal("TT-Y002", shown,
                     f"Dòng {line} chứa byte 0x{bad} không phải UTF-8: tệp kế hoạch phải được lưu ở mã UTF-8.",
                     "Tệp có lẽ được lưu bằng mã cũ (Windows-1258, TCVN3, VNI). Mở bằng VS Code, chọn "
                     "'Reopen with Encoding' đúng mã cũ, rồi 'Save with Encoding' → 'UTF-8'.",
                     line, col) from None
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise _fatal("TT-Y007", shown, "Tệp trống: không có nội dung kế hoạch nào.",
                     "Bắt đầu từ một mẫu: `tt new --year 2026 --issuer \"…\"`, hoặc xem docs/plan-format.md.")
    tabs = _indent_tabs(text, shown)
    if tabs:
        raise LoadError(problems + tabs, Source(path, shown, text, problems))
    return Source(path, shown, text, problems)


def _indent_tabs(text: str, shown: str) -> list[Problem]:
    found = []
    for n, line in enumerate(split_lines(text), 1):
        stripped = line.lstrip(" \t")
        indent = line[: len(line) - len(stripped)]
        if "\t" in indent and stripped and not stripped.startswith("#"):
            col = indent.index("\t") + 1
            found.append(Problem(
                "TT-Y004", f"Dòng {n} dùng ký tự Tab để thụt lề; YAML chỉ cho phép dấu cách.", shown, n, col,
                hint="Thay mỗi Tab bằng dấu cách (VS Code: 'Convert Indentation to Spaces').", fatal=True,
                end_line=n, end_col=len(indent) + 1))
            if len(found) >= 50:
                break
    return found
