"""How tt says that a command cannot run, without typer: the usage line and a TTError.

One home for the wording (`tt: lỗi TT-E002: …` then `  gợi ý: …`); cli.base turns these into
typer's Exit for the commands, and cli.app's fast paths print them directly.
"""

from __future__ import annotations

import sys

USAGE = "TT-E002"  # the command line itself is wrong (tuyentruyen.errors.UsageError)


def usage_text(message: str, hint: str | None = None, code: str = USAGE) -> str:
    """How tt says a command line is wrong, everywhere: 'tt: lỗi TT-E002: …' then '  gợi ý: …'."""
    return f"tt: lỗi {code}: {message}\n" + (f"  gợi ý: {hint}\n" if hint else "")


def print_error(exc) -> int:
    """Print a tuyentruyen.errors.TTError (where, code, what, how to fix) to stderr; the exit code (2).

    Its located problems, if any, are printed first, as `tt validate` prints them."""
    if exc.problems:
        from tuyentruyen.report import emit_problems

        emit_problems(exc.problems, sys.stderr)
    if exc.file is not None:
        sys.stderr.write(f"{exc.where}lỗi {exc.code}: {exc.message}\n" + (f"  gợi ý: {exc.hint}\n" if exc.hint else ""))
    else:
        sys.stderr.write(usage_text(exc.message, exc.hint, exc.code))
    return 2


def check_command(paths: list[str] | None, fmt: str, schema_only: bool, config=None, *, cache: bool = True,
                  jobs: int = 0) -> int:
    """`tt validate` / `tt lint` without --fix: check the plans, print the report; the exit code."""
    from tuyentruyen.check import check_files
    from tuyentruyen.errors import TTError
    from tuyentruyen.problems import exit_code
    from tuyentruyen.project.discover import discover
    from tuyentruyen.report import emit

    try:
        files = check_files(discover(paths), schema_only=schema_only, config=config, cache=cache, jobs=jobs,
                            light=True)
    except TTError as exc:
        return print_error(exc)
    emit(files, fmt, sys.stdout)
    return exit_code([p for f in files for p in f.problems])
