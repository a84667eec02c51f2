"""Safe fixes (sửa tự động) for `tt lint --fix` and `tt lint --diff`.

Why span replacement and not a round-trip dump: the lint rules already know, for each fixable
problem, the exact characters of the file that hold the wrong text (`tuyentruyen.rules.spans`
maps a YAML value back to its source characters and refuses when the value is folded, escaped
or would need new quoting). Replacing those characters — and nothing else — keeps every comment,
`# tt: ignore[…]` marker, blank line, quoting style, key order and line ending byte for byte,
which a ruamel.yaml round-trip dump does not promise (it reflows long lines, re-indents
sequences, changes quotes). Each pass re-reads the result with the normal loader and keeps it
only if the file still validates and its structure (keys, list lengths, numbers, dates) is
unchanged: a fix can only change text values. Passes repeat (an NFC fix can reveal a known
typo) until nothing is left to fix.

Only rules that declare FIXABLE offer fixes: Unicode NFC (TT-T001), known typos (TT-T003),
spaces (TT-T004), a unit name to its canonical registry name (TT-R006, TT-R012).
"""

from __future__ import annotations

import codecs
import difflib
from dataclasses import dataclass, field
from pathlib import Path

from tuyentruyen.problems import Fix, Problem

MAX_PASSES = 6


@dataclass
class FixResult:
    path: Path
    display: str
    original: str
    fixed: str
    applied: int = 0
    bom: bool = False
    problems: list[Problem] = field(default_factory=list)  # what could not be loaded, if anything

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        """A unified diff of what --fix writes (empty when nothing changes)."""
        if not self.changed:
            return ""
        a, b = self.original.splitlines(keepends=True), self.fixed.splitlines(keepends=True)
        if len(a) != len(b):
            return "".join(difflib.unified_diff(a, b, fromfile=f"a/{self.display}", tofile=f"b/{self.display}"))
        return _same_length_diff(a, b, f"a/{self.display}", f"b/{self.display}")

    def data(self) -> bytes:
        return (codecs.BOM_UTF8 if self.bom else b"") + self.fixed.encode("utf-8")


def _same_length_diff(a: list[str], b: list[str], fromfile: str, tofile: str, context: int = 3) -> str:
    """A unified diff of two texts with the same lines, some changed in place.

    Fixes never add or remove lines, so line i is compared with line i — linear, where difflib's
    matcher takes tens of seconds on a 60,000-line plan. Same output format as difflib.
    """
    changed = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    out = [f"--- {fromfile}\n", f"+++ {tofile}\n"]
    k = 0
    while k < len(changed):
        first = changed[k]
        last = first
        while k + 1 < len(changed) and changed[k + 1] - last <= 2 * context:
            k += 1
            last = changed[k]
        k += 1
        lo, hi = max(0, first - context), min(len(a), last + context + 1)
        out.append(f"@@ -{lo + 1},{hi - lo} +{lo + 1},{hi - lo} @@\n")
        i = lo
        while i < hi:
            if a[i] == b[i]:
                out.append(" " + _eol(a[i]))
                i += 1
                continue
            j = i
            while j < hi and a[j] != b[j]:
                j += 1
            out.extend("-" + _eol(x) for x in a[i:j])
            out.extend("+" + _eol(y) for y in b[i:j])
            i = j
    return "".join(out)


def _eol(line: str) -> str:
    return line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, int]:
    """Apply non-overlapping fixes (the first of two overlapping ones wins)."""
    out: list[str] = []
    last, applied = 0, 0
    for f in sorted(set(fixes), key=lambda f: (f.start, f.end)):
        if f.start < last or f.end > len(text):
            continue
        out.append(text[last:f.start])
        out.append(f.replacement)
        last = f.end
        applied += 1
    out.append(text[last:])
    return "".join(out), applied


def load_plan_text(path: Path, text: str):
    """A LoadedPlan read from text (as `api.load_plan` reads a file)."""
    from pydantic import ValidationError

    from tuyentruyen import model
    from tuyentruyen.api import LoadedPlan
    from tuyentruyen.loading import LoadError, parse_yaml
    from tuyentruyen.loading.source import decode_source, display_name

    result = LoadedPlan(path, display_name(path))
    try:
        source = decode_source(text.encode("utf-8"), path, result.display)
        loaded = parse_yaml(source)
    except LoadError as exc:
        result.problems.extend(exc.problems)
        return result
    result.source, result.yaml = source, loaded
    if isinstance(loaded.data, dict):
        try:
            result.plan = model.Plan.model_validate(loaded.data)
        except ValidationError:
            pass
    return result


def _same_shape(a, b) -> bool:
    """Equal but for the text values: same keys, list lengths, numbers, flags, dates."""
    if isinstance(a, dict):
        return isinstance(b, dict) and list(a) == list(b) and all(_same_shape(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(_same_shape(x, y) for x, y in zip(a, b))
    if isinstance(a, str):
        return isinstance(b, str)
    return type(a) is type(b) and a == b


def fix_file(path: Path, config=None) -> FixResult:
    """The file with every safe fix applied (not written)."""
    from tuyentruyen.api import load_plan
    from tuyentruyen.rules import lint_loaded

    path = Path(path)
    first = load_plan(path)
    raw = path.read_bytes() if path.is_file() else b""
    bom = raw.startswith(codecs.BOM_UTF8)
    if first.source is None or first.plan is None:
        text = first.source.text if first.source is not None else ""
        return FixResult(path, first.display, text, text, bom=bom, problems=first.problems)
    original = first.source.text
    text, loaded, total = original, first, 0
    for _ in range(MAX_PASSES):
        fixable = [p for p in lint_loaded(loaded, config) if p.fix is not None]
        if not fixable:
            break
        fixes = {p.fix for p in fixable}
        candidate, applied = apply_fixes(text, list(fixes))
        if candidate == text:
            break
        again = load_plan_text(path, candidate)
        if again.plan is None or again.yaml is None or not _same_shape(loaded.yaml.data, again.yaml.data):
            break  # never write what would not load the same way
        text, loaded, total = candidate, again, total + applied
        if applied == len(fixes) and not any(p.code == "TT-T001" for p in fixable):
            break  # nothing was held back, and only an NFC fix can reveal more to fix
    return FixResult(path, first.display, original, text, total, bom)
