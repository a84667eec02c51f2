"""Reporters: problems → text for people, JSON and CI annotations for machines.

Each reporter is a function `(files, stream) -> None` registered in FORMATS; nothing
else in tt prints problems.
"""

from __future__ import annotations

from typing import Callable, TextIO


def _text(files, stream: TextIO) -> None:
    from tuyentruyen.report.text import report

    report(files, stream)


def _json(files, stream: TextIO) -> None:
    from tuyentruyen.report.json import report

    report(files, stream)


def _github(files, stream: TextIO) -> None:
    from tuyentruyen.report.github import report

    report(files, stream)


def _gitlab(files, stream: TextIO) -> None:
    from tuyentruyen.report.gitlab import report

    report(files, stream)


FORMATS: dict[str, Callable] = {"text": _text, "json": _json, "github": _github}
FORMATS["gitlab"] = _gitlab


def _sarif(files, stream: TextIO) -> None:
    from tuyentruyen.report.sarif import report

    report(files, stream)


FORMATS["sarif"] = _sarif


def emit(files, fmt: str, stream: TextIO) -> None:
    FORMATS[fmt](files, stream)
