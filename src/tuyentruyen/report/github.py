"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.

GitHub shows them as annotations on the changed lines of a pull request. Each one is titled
as ruff titles its own — the tool, the code, and here the rule's Vietnamese title:
``tt (TT-D001): Ngày không có thật`` — and spans what is at fault: the problem's own end
(rules set it for the whole value, or the characters, they report), else the end of the
text on its line, so that every annotation marks its place. Data and property values are
escaped as the runner expects (%, CR, LF; and : , in properties).
"""

from __future__ import annotations

import functools
from typing import TextIO

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


@functools.cache
def code_title(code: str) -> str:
    """The Vietnamese title of a code tt reports (tuyentruyen.problems.code_title: a lint rule's
    title, or its entry in data/codes.yaml)."""
    from tuyentruyen.problems import code_title as title_of

    return title_of(code)


def title(code: str) -> str:
    """`tt (TT-D001): Ngày không có thật`."""
    return f"tt ({code}): {code_title(code)}"


def _end(p, line_text: str | None) -> tuple[int | None, int | None]:
    """Where the annotation ends: the problem's own end, else the end of the text on its line."""
    if p.end_line and p.end_col:
        return p.end_line, p.end_col
    if line_text is None:
        return None, None
    return p.line, max(p.col + 1, len(line_text.rstrip()) + 1)


def line_for(p, line_text: str | None = None) -> str:
    """One workflow command for a problem; line_text: the text of its line (for its end)."""
    props = [f"file={_prop(p.file)}", f"line={p.line}", f"col={p.col}"]
    end_line, end_col = _end(p, line_text)
    if end_line:
        props.append(f"endLine={end_line}")
    if end_col:
        props.append(f"endColumn={end_col}")
    props.append(f"title={_prop(title(p.code))}")
    message = p.message + (f"\nGợi ý: {p.hint}" if p.hint else "")
    return f"::{_LEVEL[p.severity.value]} {','.join(props)}::{_data(message)}"


def report(files, stream: TextIO) -> None:
    for f in files:
        source = getattr(f, "source", None)
        for p in f.problems:
            text = source.line(p.line) if source is not None and p.file == f.display else None
            stream.write(line_for(p, text) + "\n")
    bad = sum(1 for f in files if not f.ok)
    stream.write(f"tt: {len(files)} tệp, {bad} tệp có lỗi.\n")
