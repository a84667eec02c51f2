"""What `tt validate` says of an editor's buffer (phân tích một tệp đang soạn).

The same pipeline as :func:`tuyentruyen.check.check_files`, on text instead of a file: the
loader (:func:`tuyentruyen.loading.documents.load_plan_text`, or the registry twin for a
units.yaml), then every lint rule with the plan's own registry and tt.toml
(:func:`tuyentruyen.rules.lint_files`), one failure of tt isolated as TT-E005. :func:`check`
adds what the editor will ask of that version (diagnostics, fixes) in a small picklable
:class:`Checked`. Pure: no editor, no pygls; the server runs it in its worker process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from tuyentruyen.problems import Problem


@dataclass
class Analysis:
    """One version of one document, checked."""

    path: Path
    display: str
    text: str
    version: int | None = None
    loaded: object | None = None  # LoadedPlan | LoadedRegistry
    problems: list[Problem] = field(default_factory=list)  # this file's, sorted as tt validate sorts them
    elsewhere: dict[Path, list[Problem]] = field(default_factory=dict)  # tt.toml's, by file
    config: object | None = None
    registry: object | None = None  # RegistryState of the plan
    _lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines

    @property
    def plan(self):
        return getattr(self.loaded, "plan", None)

    @property
    def is_registry(self) -> bool:
        return hasattr(self.loaded, "registry") and not hasattr(self.loaded, "plan")

    @property
    def year(self) -> int | None:
        return self.plan.plan.year if self.plan is not None else None

    @property
    def date(self):
        return self.plan.document.date if self.plan is not None else None


@dataclass
class Checked:
    """What the server keeps of one version of a document once checked — small and picklable,
    so that the check can run in another process: the diagnostics (UTF-16 positions), the fixes
    of each, the one-pass fix of the whole file, the diagnostics of other files (tt.toml), and
    what hover and completion need of the plan (its year, date, registry)."""

    path: Path
    version: int | None
    text: str
    diagnostics: list[dict] = field(default_factory=list)
    fixes: list[list[tuple[str, int, int, str]]] = field(default_factory=list)  # (title, start, end, new)
    fix_all: tuple[int, int, str, int] | None = None  # (start, end, new text, fixes applied)
    elsewhere: dict[Path, list[dict]] = field(default_factory=dict)
    is_registry: bool = False
    valid: bool = False  # the plan (or registry) validated
    year: int | None = None
    date: object | None = None
    registry_path: Path | None = None

    @property
    def registry(self):
        """The plan's unit registry (tuyentruyen.project.registry: read once per file version)."""
        if self.registry_path is None:
            return None
        from tuyentruyen.project.registry import read_registry

        return read_registry(self.registry_path)


def check(text: str, path: Path, version: int | None = None) -> Checked:
    """analyse(), then everything the editor will ask of that version, worked out here."""
    from tuyentruyen.lsp import features
    from tuyentruyen.lsp.convert import Lines, diagnostic

    a = analyse(text, path, version)
    lines = Lines(text)
    yaml = getattr(a.loaded, "yaml", None)
    docs = getattr(a.config, "docs_url", None)
    root = getattr(a.config, "root", None)
    out = Checked(path, version, text, is_registry=a.is_registry, year=a.year, date=a.date,
                  valid=a.plan is not None or getattr(a.loaded, "registry", None) is not None,
                  registry_path=getattr(a.registry, "path", None) if getattr(a.registry, "index", None) else None)
    for p in a.problems:
        out.diagnostics.append(diagnostic(p, lines, yaml, docs, root))
        out.fixes.append([(title, *edit) for title, edit in features.fixes_of(a, p)])
    out.fix_all = features.fix_all(a)
    for other, problems in a.elsewhere.items():
        try:
            shown = other.read_text(encoding="utf-8", errors="replace")
        except OSError:
            shown = ""
        olines = Lines(shown)
        out.elsewhere[other] = [diagnostic(p, olines, None, docs, root) for p in problems]
    return out


def display_of(path: Path) -> str:
    """The name tt validate shows for path (relative to the current folder when below it)."""
    from tuyentruyen.loading.source import display_name

    return display_name(path)


def analyse(text: str, path: Path, version: int | None = None) -> Analysis:
    """Load, validate and lint text as the file at path (it need not be saved)."""
    from tuyentruyen.check import internal_problem
    from tuyentruyen.loading.documents import load_plan_text, load_registry_bytes
    from tuyentruyen.project.discover import is_registry_file

    display = display_of(path)
    result = Analysis(path, display, text, version)
    try:
        if is_registry_file(path):
            loaded = load_registry_bytes(text.encode("utf-8", "surrogatepass"), display, path)
        else:
            loaded = load_plan_text(text, display, path)
    except Exception:  # noqa: BLE001 - as tt validate: this file reported, the editor still served
        if os.environ.get("TT_DEBUG"):
            raise
        result.problems = [internal_problem(display, "đọc")]
        return result
    result.loaded = loaded
    entries = [loaded]
    if getattr(loaded, "plan", None) is not None:
        from tuyentruyen.rules import lint_files

        entries += lint_files([loaded])
    if not is_registry_file(path):
        result.config, result.registry = _context(loaded)
    for entry in entries:
        entry.problems.sort(key=lambda p: p.sort_key)
    result.problems = [p for p in loaded.problems if p.file == display]
    for entry in entries:
        for p in entry.problems:
            if entry is loaded and p.file == display:
                continue
            result.elsewhere.setdefault(_file_path(p.file), []).append(p)
    return result


def _context(loaded):
    """The plan's tt.toml and unit registry (as the rules saw them), or (None, None)."""
    from tuyentruyen.errors import TTError
    from tuyentruyen.project.config import config_for
    from tuyentruyen.project.registry import registry_for

    try:
        config = config_for(loaded.path)
        return config, registry_for(loaded.path, getattr(loaded, "plan", None), config)
    except TTError:
        return None, None


def _file_path(shown: str) -> Path:
    p = Path(shown)
    return p if p.is_absolute() else (Path.cwd() / p).resolve()


def warm_up() -> None:
    """Import and build what the first check (in the worker) or the first hover and completion (in
    the server, on a thread of its own: an import on the event loop would hold it up) need."""
    try:
        import tuyentruyen.edit.fmt  # noqa: F401
        import tuyentruyen.model.validation  # noqa: F401
        import tuyentruyen.vn.citations  # noqa: F401
        import tuyentruyen.vn.timeexpr  # noqa: F401
        import tuyentruyen.vn.units  # noqa: F401
        from tuyentruyen.model.schema import extra
        from tuyentruyen.rules import all_rules

        extra()
        all_rules()
    except Exception:  # noqa: BLE001 - only a head start; the first check reports what fails
        pass
