"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.

GitHub shows them as annotations on the changed lines of a pull request. Data and
property values are escaped as the runner expects (%, CR, LF; and : , in properties).
"""

from __future__ import annotations

from typing import TextIO

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def line_for(p) -> str:
    props = [f"file={_prop(p.file)}", f"line={p.line}", f"col={p.col}"]
    if p.end_line:
        props.append(f"endLine={p.end_line}")
    if p.end_col:
        props.append(f"endColumn={p.end_col}")
    props.append(f"title={_prop(p.code)}")
    message = p.message + (f"\nGợi ý: {p.hint}" if p.hint else "")
    return f"::{_LEVEL[p.severity.value]} {','.join(props)}::{_data(message)}"


def report(files, stream: TextIO) -> None:
    for f in files:
        for p in f.problems:
            stream.write(line_for(p) + "\n")
    bad = sum(1 for f in files if not f.ok)
    stream.write(f"tt: {len(files)} tệp, {bad} tệp có lỗi.\n")
