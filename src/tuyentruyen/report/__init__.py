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


class ProblemsOf:
    """The problems of one file that could not be loaded as a plan (for emit_problems)."""

    def __init__(self, problems, source=None):
        from pathlib import Path

        self.problems, self.source = list(problems), source
        self.display = self.problems[0].file if self.problems else ""
        self.path = Path(self.display)

    @property
    def ok(self) -> bool:
        return not any(p.severity.value == "error" or p.fatal for p in self.problems)


def emit_problems(problems, stream: TextIO, fmt: str = "text") -> None:
    """Report problems that belong to no loaded file (grouped by their file)."""
    by_file: dict[str, list] = {}
    for p in problems:
        by_file.setdefault(p.file, []).append(p)
    emit([ProblemsOf(ps) for ps in by_file.values()], fmt, stream)
