"""tt's problems as an editor's diagnostics (chẩn đoán): ranges, severity, code, link, text.

A problem says line:col (1-based, columns in characters) and, for most, where the offending
value ends; one that does not (a schema problem at a key) is spread over the key or value
written there, from the YAML the loader composed. LSP positions are 0-based and counted in the
client's units (UTF-16 by default): :class:`Lines` converts.
"""

from __future__ import annotations

import functools
from pathlib import Path

from tuyentruyen.problems import Problem, Severity

SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}  # LSP DiagnosticSeverity


class Lines:
    """The lines of one version of a text, and its offsets, for position conversions."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text = text
        self.lines = text.split("\n")
        self.encoding = encoding

    @functools.cached_property
    def starts(self) -> list[int]:
        """The offset in the text of the start of each line."""
        import itertools

        return [0, *itertools.accumulate(len(line) + 1 for line in self.lines[:-1])]

    def units(self, line: int, col: int) -> int:
        """The client's character count of the first col code points of line."""
        if self.encoding == "utf-32" or not 0 <= line < len(self.lines):
            return col
        head = self.lines[line][:col]
        if self.encoding == "utf-8":
            return len(head.encode("utf-8", "surrogatepass"))
        return len(head.encode("utf-16-le", "surrogatepass")) // 2

    def column(self, line: int, units: int) -> int:
        """The code point column of a position given in the client's units."""
        if self.encoding == "utf-32" or not 0 <= line < len(self.lines):
            return units
        text, n, i = self.lines[line], 0, 0
        while i < len(text) and n < units:
            ch = text[i]
            n += len(ch.encode("utf-8" if self.encoding == "utf-8" else "utf-16-le", "surrogatepass")) // (
                1 if self.encoding == "utf-8" else 2)
            i += 1
        return i

    def position(self, line: int, col: int) -> dict:
        line = max(0, min(line, len(self.lines) - 1))
        col = max(0, min(col, len(self.lines[line])))
        return {"line": line, "character": self.units(line, col)}

    def at_offset(self, offset: int) -> dict:
        import bisect

        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return self.position(line, offset - self.starts[line])

    def offset(self, position: dict) -> int:
        line = max(0, min(position["line"], len(self.lines) - 1))
        return self.starts[line] + min(self.column(line, position["character"]), len(self.lines[line]))


def problem_range(p: Problem, lines: Lines, yaml=None) -> dict:
    """The range of a problem: its own end, else the key or value written where it points."""
    line, col = p.line - 1, p.col - 1
    end = None
    if p.end_line and p.end_col:
        end = (p.end_line - 1, p.end_col - 1)
    elif yaml is not None:
        end = _written_end(yaml, p.path, line, col)
    if end is None or end <= (line, col):
        end = _token_end(lines, line, col)
    return {"start": lines.position(line, col), "end": lines.position(*end)}


def _written_end(yaml, path: tuple, line: int, col: int) -> tuple[int, int] | None:
    """The end of the key or value node that starts at line:col along path (the loader's YAML)."""
    try:
        nodes = yaml.node_at(tuple(path))
    except Exception:  # noqa: BLE001 - a path the YAML does not hold: the token then
        return None
    for node in nodes[:2]:
        mark = getattr(node, "start_mark", None)
        if mark is not None and (mark.line, mark.column) == (line, col) and hasattr(node, "end_mark"):
            if getattr(node, "tag", "").endswith((":map", ":seq")):
                return mark.line, len(yaml.source.line(mark.line + 1))
            return node.end_mark.line, node.end_mark.column
    return None


def _token_end(lines: Lines, line: int, col: int) -> tuple[int, int]:
    """The end of the word at line:col (at least one character), as tt's text report marks it."""
    if not 0 <= line < len(lines.lines):
        return line, col + 1
    text = lines.lines[line].rstrip("\r")
    i = col
    while i < len(text) and not text[i].isspace() and text[i] not in ":,]}":
        i += 1
    return line, max(i, min(col + 1, len(text)) if col < len(text) else col)


def diagnostic(p: Problem, lines: Lines, yaml=None, docs: str | None = None, root: Path | None = None) -> dict:
    from tuyentruyen.model.schema import editor_message

    d = {
        "range": problem_range(p, lines, yaml),
        "severity": SEVERITY[p.severity],
        "code": p.code,
        "source": "tt",
        "message": editor_message(p.code, p.message, p.hint, with_code=False),
    }
    href = rule_page(p.code, docs, root)
    if href:
        d["codeDescription"] = {"href": href}
    return d


@functools.lru_cache(maxsize=256)
def rule_page(code: str, docs: str | None = None, root: Path | None = None) -> str | None:
    """The address of a rule's page: `docs-url` of tt.toml (or TT_DOCS_URL), else docs/rules/CODE.md
    of the plans repository (root) or of the tt checkout when there is one, else the page written
    from the rule's documentation into tt's cache folder (what `tt rule CODE` prints)."""
    import os

    base = docs or os.environ.get("TT_DOCS_URL")
    from tuyentruyen.rules import get_rule

    rule = get_rule(code)
    if base:
        return f"{base.rstrip('/')}/{code}.md" if rule is not None else None
    if rule is None:
        return None
    for folder in ((root,) if root else ()) + (Path(__file__).resolve().parents[3],):  # the repository, tt
        here = folder / "docs" / "rules" / f"{code}.md"
        if here.is_file():
            return here.as_uri()
    try:
        from tuyentruyen.project.cache import cache_dir
        from tuyentruyen.project.files import atomic_write_text
        from tuyentruyen.rules.docs import page

        target = cache_dir() / "rules" / f"{code}.md"
        text = page(rule)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(target, text)
        return target.as_uri()
    except Exception:  # noqa: BLE001 - no writable cache: no link, the message still says it all
        return None
