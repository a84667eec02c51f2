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
    original_file: object | None = field(default=None, repr=False)  # edit.write.Original

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


def fix_file(path: Path, config=None) -> FixResult:
    """The file with every safe fix applied (not written). Problems: why it could not be read,
    or the TT-F002 refusal when a fix would change more than text (then nothing is fixed)."""
    from tuyentruyen.edit.write import RewriteRefused, read_original, revalidate
    from tuyentruyen.loading.documents import load_plan_text
    from tuyentruyen.loading.source import LoadError, display_name
    from tuyentruyen.rules import lint_loaded

    path = Path(path)
    try:
        original = read_original(path)
    except LoadError as exc:
        return FixResult(path, display_name(path), "", "", problems=exc.problems)
    first = load_plan_text(original.text, original.display, path)
    if first.plan is None:
        bad = [p for p in first.problems if p.severity.value == "error" or p.fatal]
        for p in bad:
            p.fatal = True  # --fix cannot work on a plan that does not validate: an input error
        return FixResult(path, original.display, original.text, original.text, bom=original.bom, problems=bad,
                         original_file=original)
    text, loaded, total = original.text, first, 0
    for _ in range(MAX_PASSES):
        fixable = [p for p in lint_loaded(loaded, config) if p.fix is not None]
        if not fixable:
            break
        fixes = {p.fix for p in fixable}
        candidate, applied = apply_fixes(text, list(fixes))
        if candidate == text:
            break
        try:  # never write what would not load the same way: only text values may change
            again = revalidate(original, candidate, shape_of=loaded.yaml.data)
        except RewriteRefused as exc:
            return FixResult(path, original.display, original.text, original.text, bom=original.bom,
                             problems=[exc.problem], original_file=original)
        text, loaded, total = candidate, again, total + applied
        if applied == len(fixes) and not any(p.code == "TT-T001" for p in fixable):
            break  # nothing was held back, and only an NFC fix can reveal more to fix
    return FixResult(path, original.display, original.text, text, total, original.bom, original_file=original)


@dataclass
class FixOutcome:
    """What `tt lint --fix` / `--diff` did over many files."""

    changed: list[FixResult] = field(default_factory=list)
    unreadable: list = field(default_factory=list)  # report.ProblemsOf entries
    fixes: int = 0

    def summary(self, write: bool) -> str:
        files = len(self.changed)
        if self.fixes:
            text = (f"tt: đã sửa {self.fixes} chỗ trong {files} tệp." if write
                    else f"tt: --fix sẽ sửa {self.fixes} chỗ trong {files} tệp.")
        else:
            text = "tt: không có gì để sửa." if not self.unreadable else "tt: không sửa tệp nào."
        if self.unreadable:
            text += f" {len(self.unreadable)} tệp không sửa được (xem thông báo ở trên), tệp được để nguyên."
        return text

    def exit_code(self, write: bool) -> int:
        if self.unreadable:
            return 2
        return 1 if (not write and self.changed) else 0


def fix_files(files: list[Path], config=None, *, write: bool) -> FixOutcome:
    """Fix (write=True: through the shared rewrite path) or only compute the fixes of many files.

    A file that cannot be read, does not validate, or whose fix is refused is reported and left
    as it is; the other files are still fixed. Registries are not fixed."""
    from tuyentruyen.edit.write import write_back
    from tuyentruyen.project.discover import is_registry_file
    from tuyentruyen.project.files import WriteError
    from tuyentruyen.report import ProblemsOf

    outcome = FixOutcome()
    for path in files:
        if is_registry_file(path):
            continue
        result = fix_file(path, config)
        if result.problems:
            outcome.unreadable.append(ProblemsOf(result.problems))
            continue
        if not result.changed:
            continue
        if write:
            try:
                write_back(result.original_file, result.fixed, keep_bom=result.bom)
            except WriteError as exc:
                outcome.unreadable.append(ProblemsOf([exc.to_problem()]))
                continue
        outcome.changed.append(result)
        outcome.fixes += result.applied
    return outcome
