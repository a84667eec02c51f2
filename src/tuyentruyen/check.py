"""The check of many files (kiểm tra): every file loaded, every valid plan linted, problems sorted.

What `tt validate` and `tt lint` run, and `api.check_files`. One file that tt itself fails on
(an internal error) is reported as such, located at that file, and never hides the report of
the others.

Many files (a country's repository: 34 provincial and 3,321 commune plans with their
registries) are checked on every core, in worker processes (the work is Python: threads would
share one core), in chunks, and the answers are put back in the order of the files: the report
is the serial run's, byte for byte. A content-addressed cache (like ruff's; stored by
`tuyentruyen.project.cache.CheckCache` under the repository's `.tt_cache/`) answers a file
whose answer cannot have changed; its key holds everything the answer depends on:

- the file's bytes, its name as shown and the folder tt runs in (messages name files);
- the tt that runs (version, and every file of the package: rules, data) and the libraries
  behind its answers, the stage run (schema only or lint) and the size limit;
- the tt.toml that applies and the files it names (typos, holidays);

and the entry records what the answer read besides: the unit registry a plan uses (and, for a
progress file, the plan it follows, its tt.toml and its registry), each found again and
compared by content before the entry is used. A file that cannot be read, a tt.toml that
cannot be used, or an answer with an internal error is never cached.

Measured (benchmarks/record.py, 2 cores, the 6,710 files of a generated country's repository):
39 s serially (`-j 1 --no-cache`; 53 s and 1.5 GB when every loaded file was kept), 17.5 s on
both cores with an empty cache, 0.57 s when every answer is in the cache, 0.86 s with one plan
changed (the check of that plan starts the models and the rules).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tuyentruyen.errors import TTError
from tuyentruyen.loading.source import FileResult, Source, display_name
from tuyentruyen.problems import Fix, Problem, Severity
from tuyentruyen.project.discover import is_progress_file, is_registry_file

INTERNAL = "TT-E005"
# below this many files to check, worker processes cost more than they save
PARALLEL_MIN_FILES = 16


def internal_problem(display: str, what: str = "kiểm tra") -> Problem:
    """tt failed on this file: not the plan's fault; the user is asked to report it."""
    return Problem(INTERNAL, f"tt gặp lỗi nội bộ khi {what} tệp này; các tệp khác vẫn được {what}.", display, 1, 1,
                   fatal=True, hint="Đây là lỗi của tt, không phải của kế hoạch: hãy báo lỗi kèm tệp này "
                                    "(đặt TT_DEBUG=1 để xem chi tiết).")


_LOADER = ("Loaded", "load_plan", "load_progress", "load_registry")


def __getattr__(name: str):
    """The loader's functions, imported on first use: it imports the models, which a run answered
    from the cache never needs."""
    if name in _LOADER:
        from tuyentruyen.loading import documents

        globals().update({n: getattr(documents, n) for n in _LOADER if n not in globals()})
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _loader(name: str):
    return globals()[name] if name in globals() else __getattr__(name)


def load_file(path: Path):
    """A plan, a registry or a progress file (by its name), never raising."""
    try:
        if is_progress_file(path):
            return _loader("load_progress")(path)
        return _loader("load_registry")(path) if is_registry_file(path) else _loader("load_plan")(path)
    except TTError:
        raise  # a setting of the whole run (TT_MAX_BYTES…): reported once, exit 2
    except Exception:  # noqa: BLE001 - isolate this file; the others are still checked
        if os.environ.get("TT_DEBUG"):
            raise
        shown = display_name(path)
        return _loader("Loaded")(path, shown, problems=[internal_problem(shown, "đọc")])


def check_files(paths: list[Path], *, schema_only: bool = False, config=None, cache: bool = False,
                jobs: int | None = 1, light: bool = False) -> list:
    """Validate every file and, unless schema_only, lint the plans (config: one Config for all,
    None: each plan's tt.toml).

    With the defaults the answers are the loaded files themselves (their models included, for
    the library). cache: answer from (and keep answers in) the repository's check cache; jobs:
    worker processes (None or 0: one per core); light: answers that hold no model (what the
    commands print), one file in memory at a time even serially (a country's 6,710 files: 1.5 GB
    and 53 s kept whole, measured). With any of these the answers are :class:`Checked` (what the
    reports read), in the same order and with the same problems as the serial run."""
    paths = [p if isinstance(p, Path) else Path(p) for p in paths]
    jobs = _cores() if not jobs else max(1, jobs)
    if not cache and jobs == 1 and not light:
        return _check(paths, schema_only, config)
    return _Run(paths, schema_only, config, cache, jobs).run()


def _check(paths: list[Path], schema_only: bool, config) -> list:
    """The serial check: load every file, lint the valid plans, then the progress files."""
    results = [load_file(p) for p in paths]
    if not schema_only:
        from tuyentruyen.rules import lint_files

        results.extend(lint_files(results, config))
        from tuyentruyen.work.check import lint_progress_files

        lint_progress_files(results, config)
    for r in results:
        r.problems.sort(key=lambda p: p.sort_key)
    return results


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass
class Checked(FileResult):
    """One file's answer as the reports read it (loading.source.FileResult): made by a worker
    process or read from the cache, holding no model."""


# ---------------------------------------------------------------- one run over many files


@dataclass
class _Outcome:
    """What a worker sends back for one file (picklable), with what its answer read."""

    path: Path
    display: str
    text: str | None
    problems: list[Problem]
    lookups: list | None  # None: not cacheable; else [(kind, args…, found path)], found again on a hit
    extra: bool = False  # a tt.toml that cannot be used (lint_files' extra entries)


class _Run:
    def __init__(self, paths: list[Path], schema_only: bool, config, cache: bool, jobs: int):
        self.paths = paths
        self.schema_only = schema_only
        self.config = config
        self.jobs = jobs
        store = None
        if cache:
            from tuyentruyen.project.cache import CheckCache
            from tuyentruyen.project.discover import find_project_root

            store = CheckCache.of_repository(find_project_root() or (find_project_root(paths[0]) if paths else None))
        # a bad TT_MAX_BYTES stops the run here (TTError), as it would serially
        self.files = _Files(schema_only, config, store)

    def run(self) -> list:
        answers: list[Checked | None] = [None] * len(self.paths)
        todo: list[tuple[int, str | None]] = []
        files = self.files
        for i, path in enumerate(self.paths):
            key = files.key(path) if files.store is not None else None
            if key is not None:
                answers[i] = files.hit(key, path)
            if answers[i] is None:
                todo.append((i, key))
        extras: list[Checked] = []
        seen_extra: set[str] = set()
        items = [(self.paths[i], key) for i, key in todo]
        for (i, _), outcomes in zip(todo, self._work(items)):
            main, *more = outcomes
            answers[i] = _answer(main)
            for o in more:  # the entry of a tt.toml that cannot be used, once, in the serial order
                if o.display not in seen_extra:
                    seen_extra.add(o.display)
                    extras.append(_answer(o))
        return [*answers, *extras]

    def _work(self, items: list[tuple[Path, str | None]]) -> list[list[_Outcome]]:
        """Check the files (and keep their answers), in worker processes when there are enough
        of them; one list of outcomes per file."""
        folder = self.files.store.folder if self.files.store is not None else None
        if self.jobs == 1 or len(items) < PARALLEL_MIN_FILES:
            out = _check_chunk(items, self.schema_only, self.config, folder, self.files)
        else:
            out = self._in_workers(items, folder)
        for outcomes in out:  # a setting of the whole run failed (in a worker): reported once, exit 2
            if isinstance(outcomes, _RunError):
                raise outcomes.error
        return out

    def _in_workers(self, items: list, folder) -> list:
        import concurrent.futures
        import multiprocessing

        _warm_up(self.schema_only)  # imported once here, shared by the forked workers
        size = max(1, -(-len(items) // (self.jobs * 8)))  # chunks small enough to share the work evenly
        chunks = [items[i:i + size] for i in range(0, len(items), size)]
        try:
            context: multiprocessing.context.BaseContext = multiprocessing.get_context("fork")
        except ValueError:  # pragma: no cover - no fork (Windows): the workers import tt themselves
            context = multiprocessing.get_context()
        out: list = []
        n = len(chunks)
        with concurrent.futures.ProcessPoolExecutor(self.jobs, mp_context=context) as pool:
            for part in pool.map(_check_chunk, chunks, [self.schema_only] * n, [self.config] * n, [folder] * n):
                out.extend(part)
        return out


class _Files:
    """What a run knows of the files around the ones it checks, each found or read once: their
    bytes, the tt.toml of each folder, the registry (or plan) each answer read; and the cache
    keys and entries made from them."""

    def __init__(self, schema_only: bool, config, store):
        from tuyentruyen.loading.source import max_bytes_limit

        self.schema_only = schema_only
        self.config = config
        self.store = store
        self.limit = max_bytes_limit()
        from tuyentruyen.project.cache import Lookups

        self.lookups = Lookups()
        self._bytes: dict[str, bytes | None] = {}
        self._config_parts: dict[int, tuple] = {}
        self.cwd = os.getcwd()
        self._lookups: dict[tuple, tuple[str | None, str | None]] = {}

    def read(self, path) -> bytes | None:
        """The bytes of a file (None: it cannot be read)."""
        key = os.path.abspath(path)
        if key not in self._bytes:
            from tuyentruyen.project.files import read_bytes_bounded

            try:
                self._bytes[key] = read_bytes_bounded(path, self.limit)
            except (OSError, TTError):
                self._bytes[key] = None
        return self._bytes[key]

    def config_of(self, path):
        """The Config that applies to a file (the run's, or its tt.toml's), None when it cannot be used."""
        return self.config if self.config is not None else self.lookups.config(path)

    def _config_part(self, config) -> str | None:
        """The tt.toml's bytes and the files it names, as one digest (None: one cannot be read)."""
        known = self._config_parts.get(id(config))
        if known is not None and known[0] is config:
            return known[1]
        from tuyentruyen.project.cache import digest

        parts: list = [repr(config)]
        readable = True
        for p in (config.path, *config.typos, *config.holidays):
            if p is None:
                continue
            data = self.read(p)
            if data is None:
                readable = False
                break
            parts += [str(p), data]
        part = digest(*parts) if readable else None
        self._config_parts[id(config)] = (config, part)
        return part

    def key(self, path: Path) -> str | None:
        """The cache key of a file, or None when it is not cacheable (it cannot be read, or its
        tt.toml cannot be used)."""
        from tuyentruyen.project.cache import digest, tt_stamp

        data = self.read(path)
        if data is None:
            return None
        config = self.config_of(path)
        config_part = self._config_part(config) if config is not None else None
        if config_part is None:
            return None
        # the name shown (display_name) follows from the path as given and the folder tt runs in
        return digest("check", tt_stamp(), "schema" if self.schema_only else "lint", str(self.limit),
                      self.cwd, str(path), config_part, data)

    def hit(self, key: str, path: Path) -> Checked | None:
        """The answer kept under key for path, when everything it read is still the same; else None."""
        entry = self.store.get(key)
        if entry is None:
            return None
        try:
            if not all(self.found(kind, args) == (found, content) for kind, args, found, content in entry["lookups"]):
                return None
            display, text = entry["display"], entry["text"]  # the key holds the path as given
            problems = [_problem(p) for p in entry["problems"]]
        except (KeyError, TypeError, ValueError):
            return None
        return Checked(path, display, Source(path, display, text) if text is not None else None, problems)

    def found(self, kind: str, args: list) -> tuple[str | None, str | None]:
        """(the path a lookup finds now, the digest of its bytes)."""
        from tuyentruyen.project.cache import digest

        memo = (kind, *map(str, args))
        if memo not in self._lookups:
            where: str | Path | None = self._registry_beside(args) if kind == "registry" else None
            if where is None:
                where = _find(kind, args, self.config, self.config_of)
            data = self.read(where) if where is not None else None
            self._lookups[memo] = (str(where) if where is not None else None,
                                   digest(data) if data is not None else None)
        return self._lookups[memo]

    def _registry_beside(self, args: list) -> str | None:
        """The registry of a plan when it lies beside it (asked without find_registry), or None."""
        if len(args) > 2:
            return None
        config = self.config_of(args[0])
        return self.lookups.registry_beside(args[0], args[1], config) if config is not None else None

    def keep(self, key: str, outcome: _Outcome) -> None:
        lookups = [[kind, args, *self.found(kind, args)] for kind, args in outcome.lookups or ()]
        self.store.put(key, {"path": str(outcome.path), "display": outcome.display, "text": outcome.text,
                             "problems": [_problem_dict(p) for p in outcome.problems], "lookups": lookups})


def _answer(o: _Outcome) -> Checked:
    return Checked(o.path, o.display, Source(o.path, o.display, o.text) if o.text is not None else None, o.problems)


@dataclass
class _RunError:
    error: TTError


def _warm_up(schema_only: bool) -> None:
    """Import what every file needs before the workers are forked (each would import it again)."""
    import tuyentruyen.loading.documents  # noqa: F401

    if not schema_only:
        from tuyentruyen.rules.engine import all_rules

        all_rules()
        import tuyentruyen.work.check  # noqa: F401


def _check_chunk(items: list[tuple[Path, str | None]], schema_only: bool, config, folder=None,
                 files: _Files | None = None) -> list:
    """Check some files (in a worker process, or in this one) and keep each answer that can be
    cached under its key (folder: the cache's, None: no cache). One list of outcomes per file:
    the file's, then the entries of tt.toml files that cannot be used, each once.

    One file at a time, its loaded models dropped as soon as its answer is made: a worker holds
    one plan, not thousands (the garbage collector's passes over them cost more than the check)."""
    out = []
    broken: set[str] = set()
    in_process = files is not None  # the workers are given no _Files: they make their own
    try:
        if files is None and folder is not None:
            from tuyentruyen.project.cache import CheckCache

            files = _Files(schema_only, config, CheckCache(folder))
        for path, key in items:
            results = _check([path], schema_only, config)
            main = _outcome(results[0], schema_only, config)
            if key is not None and main.lookups is not None and files is not None and files.store is not None:
                files.keep(key, main)
            here = [main]
            for extra in results[1:]:  # a tt.toml that cannot be used: reported with the first plan under it
                if str(extra.path) not in broken:
                    broken.add(str(extra.path))
                    entry = _outcome(extra, schema_only, config)
                    entry.extra, entry.lookups = True, None
                    here.append(entry)
            out.append(here)
    except TTError as exc:
        if in_process:
            return [_RunError(exc)]
        # from a worker, as a TTError with the same words: the subclasses' own arguments do not pickle
        return [_RunError(TTError(exc.message, exc.hint, file=exc.file, line=exc.line, col=exc.col,
                                  problems=exc.problems, code=exc.code))]
    return out


def _outcome(result, schema_only: bool, config) -> _Outcome:
    """A loaded file's answer, and (when it can be cached) the lookups of what it read."""
    source = result.source
    text = source.text if source is not None and result.problems else None
    lookups = None
    if result.source is not None and not any(p.code in (INTERNAL, "TT-E004") for p in result.problems):
        lookups = [] if schema_only else _lookups(result, config)
    return _Outcome(result.path, result.display, text, list(result.problems), lookups)


def _lookups(result, config) -> list:
    """What linting this file read besides itself and its tt.toml: a plan's registry; for a
    progress file, its plan, the plan's tt.toml and the plan's registry."""
    plan = getattr(result, "plan", None)
    if plan is not None:
        return [("registry", [str(result.path), plan.units])]
    progress = getattr(result, "progress", None)
    if progress is None:
        return []
    from tuyentruyen.project.discover import plan_path_for

    plan_path = plan_path_for(result.path, progress.plan)
    return [("plan", [str(result.path), progress.plan]), ("config", [str(plan_path)]),
            ("registry", [str(plan_path), _units_key(plan_path), "found"])]


def _units_key(plan_path: Path) -> str | None:
    """The `units:` key of the plan a progress file follows (None: no key, or no plan)."""
    plan = _loader("load_plan")(plan_path).plan
    return plan.units if plan is not None else None


def _find(kind: str, args: list, config, config_of) -> Path | None:
    """Find again what an answer read, with the lookups the check made (config_of: a file's Config)."""
    if kind == "registry":
        from tuyentruyen.project.discover import find_registry

        plan_path, units = Path(args[0]), args[1]
        cfg = config
        if cfg is None or (len(args) > 2 and args[2] == "found"):
            cfg = config_of(plan_path) if config is None else _config_found(plan_path)
            if cfg is None:
                return None
        return find_registry(plan_path, units, cfg)[0]
    if kind == "plan":
        from tuyentruyen.project.discover import plan_path_for

        return plan_path_for(Path(args[0]), args[1])
    if kind == "config":
        from tuyentruyen.project.config import find_config

        return find_config(Path(args[0]))
    raise ValueError(kind)


def _config_found(path: Path):
    from tuyentruyen.project.config import ConfigError, config_for

    try:
        return config_for(path)
    except ConfigError:
        return None


def _problem_dict(p: Problem) -> dict:
    d = {"code": p.code, "message": p.message, "file": p.file, "line": p.line, "col": p.col,
         "severity": p.severity.value, "hint": p.hint, "end_line": p.end_line, "end_col": p.end_col,
         "path": list(p.path), "fatal": p.fatal}
    if p.fix is not None:
        d["fix"] = [p.fix.start, p.fix.end, p.fix.replacement]
    return d


def _problem(d: dict) -> Problem:
    fix = d.get("fix")
    return Problem(d["code"], d["message"], d["file"], d["line"], d["col"], severity=Severity(d["severity"]),
                   hint=d["hint"], end_line=d["end_line"], end_col=d["end_col"], path=tuple(d["path"]),
                   fatal=d["fatal"], fix=Fix(*fix) if fix is not None else None)
