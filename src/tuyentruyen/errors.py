"""One exception base for everything tt tells a user (lỗi): a message, how to fix it, and where.

Every error a command can meet on the way — a tt.toml that cannot be used, a bad option, a
template that fails, a revision git does not know, a plan that cannot be made — is a
:class:`TTError` (or a subclass): a Vietnamese ``message``, a ``hint`` saying what to do,
and, when it concerns a file, its ``file``/``line``/``col``. The CLI prints any of them the
same way (exit 2); the library returns them as located :class:`~tuyentruyen.problems.Problem`\\ s.
Errors that come with several located problems (an unreadable plan) carry them in
``problems``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tuyentruyen.problems import Problem


class TTError(Exception):
    """An error reported to the user (exit 2): what is wrong, how to fix it, where."""

    code = "TT-E001"

    def __init__(self, message: str, hint: str | None = None, *, file: str | Path | None = None,
                 line: int = 1, col: int = 1, problems: list[Problem] | None = None,
                 code: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.file = file
        self.line = line
        self.col = col
        self.problems: list[Problem] = list(problems or [])
        if code is not None:
            self.code = code

    @property
    def path(self) -> Path | None:
        return Path(self.file) if self.file is not None else None

    @property
    def where(self) -> str:
        """'tt.toml:3:1: ' when the error concerns a file, else ''."""
        if self.file is None:
            return ""
        from tuyentruyen.loading.source import display_name

        return f"{display_name(Path(self.file))}:{self.line}:{self.col}: "

    def to_problem(self) -> Problem:
        """The error as one fatal problem (for the reports of commands over many files)."""
        from tuyentruyen.loading.source import display_name
        from tuyentruyen.problems import Problem

        shown = display_name(Path(self.file)) if self.file is not None else "tt"
        return Problem(self.code, self.message, shown, self.line, self.col, hint=self.hint, fatal=True)


class UsageError(TTError):
    """The command was used wrongly (a missing argument, options that do not go together)."""

    code = "TT-E002"
