"""Text report for people, like a compiler's:

    plans/2024.yaml:12:5: lỗi TT-S001: Khóa 'titel' không có trong … Có phải ý bạn là 'title'?
       12 |   titel: Về việc ban hành …
          |   ^~~~~
       = gợi ý: Sửa 'titel' thành 'title'.

grouped by file, with a count at the end. Colour only on a terminal (rich decides, and
honours NO_COLOR); user text is never read as markup.
"""

from __future__ import annotations

import re
from typing import TextIO

from rich.console import Console
from rich.text import Text

from tuyentruyen.problems import Severity
from tuyentruyen.vn.text import printable

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold blue"}
_TOKEN = re.compile(r"[^\s:,\]\}]+")


def _marker(line: str, col: int, end_col: int | None = None) -> tuple[int, int]:
    """(start index, length) of what the caret marks on line: from col (1-based) to end_col (the
    column after the last character at fault) when it is known, else the token that starts at col."""
    start = max(0, min(col - 1, len(line)))
    if end_col is not None and end_col > col:
        return start, max(1, min(end_col - 1, len(line)) - start)
    m = _TOKEN.match(line, start)
    return start, (len(m.group(0)) if m else 1)


def _end_col(f, p) -> int | None:
    """Where the caret of p ends on its own line: its end_line/end_col, to the end of the line when
    the problem runs over several lines, or else the end of the YAML value written at p."""
    line = f.source.line(p.line)
    if p.end_line is not None and p.end_col is not None:
        if p.end_line == p.line:
            return p.end_col
        return len(line) + 1 if p.end_line > p.line else None
    return _value_end(line, p.col - 1)


def _value_end(line: str, start: int) -> int | None:
    """The column after the YAML scalar that starts at index start of line: a quoted one up to its
    closing quote; a plain one up to a comment, a ": ", or (inside [ ] { }) a "," "]" "}"."""
    if not 0 <= start < len(line) or line[start].isspace():
        return None
    quote = line[start]
    if quote in "\"'":
        i = start + 1
        while i < len(line):
            if line[i] == quote and not (quote == '"' and line[i - 1] == "\\"):
                if quote == "'" and line[i + 1:i + 2] == "'":
                    i += 2
                    continue
                return i + 2
            i += 1
        return len(line) + 1
    in_flow = line.count("[", 0, start) + line.count("{", 0, start) > line.count("]", 0, start) + line.count("}", 0, start)
    stops = [len(line)]
    for mark in (" #", ": ") + ((",", "]", "}") if in_flow else ()):
        at = line.find(mark, start)
        if at >= 0:
            stops.append(at)
    if line.endswith(":"):
        stops.append(len(line) - 1)
    end = min(stops)
    while end > start and line[end - 1] == " ":
        end -= 1
    return end + 1 if end > start else None


WINDOW = 120  # characters of a long source line shown around the marker


def _window(line: str, col: int) -> tuple[str, int]:
    """The part of a long line around col (1-based), and col's index in that part."""
    at = max(0, min(col - 1, len(line)))
    if len(line) <= WINDOW + 40:
        return line, at
    start = max(0, min(at - WINDOW // 3, len(line) - WINDOW))
    end = start + WINDOW
    shown = ("…" if start else "") + line[start:end] + ("…" if end < len(line) else "")
    return shown, at - start + (1 if start else 0)


def _source_lines(console: Console, f, p) -> None:
    if f.source is None or p.line < 1:
        return
    line = printable(f.source.line(p.line).replace("\t", " "), keep_width=True)
    if not line.strip():
        return
    gutter = len(str(p.line)) + 1
    shown, at = _window(line, p.col)
    console.print(Text(f"{p.line:>{gutter + 2}} | ", style="dim") + Text(shown))
    _, length = _marker(line, p.col, _end_col(f, p))
    at = min(at, max(0, len(shown) - 1))
    length = max(1, min(length, len(shown) - at))
    console.print(Text(" " * (gutter + 2) + " | ", style="dim")
                  + Text(" " * at + "^" + "~" * (length - 1), style=_STYLE[p.severity]))


def headline(p) -> str:
    """A problem on one line, as the report writes it: "file:line:col: lỗi CODE: message"."""
    return f"{p.file}:{p.line}:{p.col}: {p.severity.label} {p.code}: {p.message}"


def report(files, stream: TextIO) -> None:
    console = Console(file=stream, soft_wrap=True, highlight=False, emoji=False)
    total = {s: 0 for s in Severity}
    for f in files:
        for p in f.problems:
            total[p.severity] += 1
            head = Text(f"{p.file}:{p.line}:{p.col}: ", style="bold")
            head += Text(f"{p.severity.label} {p.code}", style=_STYLE[p.severity])
            head += Text(": " + p.message)
            console.print(head)
            _source_lines(console, f, p)
            if p.hint:
                pad = " " * (len(str(p.line)) + 3)
                console.print(Text(f"{pad} = ", style="dim") + Text("gợi ý: ", style="bold cyan") + Text(p.hint))
    console.print(summary(files, total))


def summary(files, total=None) -> Text:
    if total is None:
        total = {s: sum(1 for f in files for p in f.problems if p.severity is s) for s in Severity}
    bad = sum(1 for f in files if not f.ok)
    n = len(files)
    if not total[Severity.ERROR] and not total[Severity.WARNING] and not bad:
        return Text(f"✓ {n} tệp hợp lệ, không có lỗi.", style="bold green")
    parts = [f"{total[Severity.ERROR]} lỗi"]
    if total[Severity.WARNING]:
        parts.append(f"{total[Severity.WARNING]} cảnh báo")
    style = "bold red" if bad else "bold yellow"
    return Text(f"✗ {', '.join(parts)} trong {n} tệp đã kiểm tra ({bad} tệp không hợp lệ).", style=style)
