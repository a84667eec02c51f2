"""Problems: what every stage of the pipeline reports (vấn đề — lỗi, cảnh báo).

A problem is located (file, line, column; 1-based, columns counted in characters),
carries a stable rule code, a Vietnamese message and, where one exists, a hint that
says how to fix it. Nothing here prints; reporters in `tuyentruyen.report` do.
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    """Mức độ: error fails the run, warning is shown, info is a note."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True)
class Fix:
    """A safe, mechanical replacement of the text between two offsets of the source."""

    start: int
    end: int
    replacement: str


@dataclass
class Problem:
    code: str
    message: str
    file: str
    line: int = 1
    col: int = 1
    severity: Severity = Severity.ERROR
    hint: str | None = None
    end_line: int | None = None
    end_col: int | None = None
    # the YAML path of the offending item, e.g. ("appendix", "tasks", 3, "due")
    path: tuple = field(default_factory=tuple)
    # an unreadable input (exit 2), as opposed to an invalid plan (exit 1)
    fatal: bool = False
    fix: Fix | None = None

    def __post_init__(self) -> None:
        from tuyentruyen.vn.text import printable

        # a message quotes the plan's text: never let it carry a terminal escape sequence
        self.message = printable(unicodedata.normalize("NFC", self.message))
        if self.hint is not None:
            self.hint = printable(unicodedata.normalize("NFC", self.hint))

    @property
    def sort_key(self) -> tuple:
        return (self.file, self.line, self.col, self.code)

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "end_line": self.end_line,
            "end_col": self.end_col,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "path": [p for p in self.path],
            "fatal": self.fatal,
        }


def exit_code(problems: list[Problem]) -> int:
    """0 clean, 1 problems found (any error), 2 an input could not be read."""
    if any(p.fatal for p in problems):
        return 2
    if any(p.severity is Severity.ERROR for p in problems):
        return 1
    return 0


def code_title(code: str) -> str:
    """The Vietnamese title of a code: a lint rule's (tt rule), or one of data/codes.yaml."""
    if code[3:4] in "DRCTP" and code[:3] == "TT-" and code != "TT-P000":
        from tuyentruyen.rules import get_rule

        rule = get_rule(code)
        if rule is not None:
            return rule.title
    return codes().get(code, "Vấn đề do tt báo")


def codes() -> dict[str, str]:
    """Every code that is not a lint rule, with its title (data/codes.yaml)."""
    global _CODES
    if _CODES is None:
        import yaml
        from importlib.resources import files

        text = files("tuyentruyen.data").joinpath("codes.yaml").read_text("utf-8")
        _CODES = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return _CODES


_CODES: dict[str, str] | None = None
