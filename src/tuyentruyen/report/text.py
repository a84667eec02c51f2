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

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold blue"}
_TOKEN = re.compile(r"[^\s:,\]\}]+")


def _marker(line: str, col: int) -> tuple[int, int]:
    """(start index, length) of the token that starts at col (1-based)."""
    start = max(0, min(col - 1, len(line)))
    m = _TOKEN.match(line, start)
    return start, (len(m.group(0)) if m else 1)


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
    line = f.source.line(p.line).replace("\t", " ")
    if not line.strip():
        return
    gutter = len(str(p.line)) + 1
    shown, at = _window(line, p.col)
    console.print(Text(f"{p.line:>{gutter + 2}} | ", style="dim") + Text(shown))
    _, length = _marker(line, p.col)
    at = min(at, max(0, len(shown) - 1))
    length = max(1, min(length, len(shown) - at))
    console.print(Text(" " * (gutter + 2) + " | ", style="dim")
                  + Text(" " * at + "^" + "~" * (length - 1), style=_STYLE[p.severity]))


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
