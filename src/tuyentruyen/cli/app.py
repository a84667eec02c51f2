"""Entry point of `tt`: the commands, and the guarantee that no traceback reaches a user.

Adding a command is one line: write tuyentruyen/cli/<module>.py with
`@app.command("<name>")` (`app` from tuyentruyen.cli.base) and add `"<name>": "<module>",`
to COMMANDS below, in the order `tt --help` lists them. A module is imported only when its
command runs (`tt --help` and shell completion of command names import them all).
(An old-style `from tuyentruyen.cli import <module>` line here still works, but makes every
run, `tt --help` included, import typer and that module.)

Nothing here imports typer at module level: `tt --version` and `tt --help` are answered
without it when they can (`_fast`), and everything else — the Vietnamese layer included —
runs inside main()'s guard.
"""

from __future__ import annotations

import os
import sys

COMMANDS: dict[str, str] = {  # command name → module under tuyentruyen.cli
    "schema": "schema",
    "validate": "validate",
    "fmt": "fmt",
    "lint": "lint",
    "rule": "rule",
    "new": "new",
    "units": "units",
    "render": "render",
    "issue": "issue",
    "diff": "diff",
    "import": "import_",
    "tasks": "tasks",
    "calendar": "calendar",
    "status": "status",
    "lsp": "lsp",
    "init": "init",
}

EXIT_TERMINATED = 128 + 15  # SIGTERM, as a shell reports it


class Terminated(SystemExit):
    """SIGTERM: unwind like an exception (every `finally` runs: no temporary file is left)."""


def main() -> None:
    code = 2
    restore = None
    try:
        _streams()
        code = _fast(sys.argv[1:])
        if code is None:
            restore = _signals()
            code = _fast_check(sys.argv[1:])
        if code is None:
            from tuyentruyen.cli.base import run

            code = run(sys.argv[1:], COMMANDS)
            if code == 130:  # typer turns Ctrl+C during a command into exit code 130
                raise KeyboardInterrupt
    except Terminated:
        _say("tt: đã dừng vì nhận tín hiệu kết thúc (SIGTERM); không tệp nào bị ghi dở.")
        code = EXIT_TERMINATED
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except KeyboardInterrupt:
        _say("tt: đã dừng theo yêu cầu (Ctrl+C).")
        code = 130
    except BrokenPipeError:  # `tt … | head`: the reader has gone; nothing more to say
        code = _pipe_closed()
    except OSError as exc:  # tt's own files are written through project.files: this is stdout or stderr
        if os.environ.get("TT_DEBUG"):
            raise
        from tuyentruyen.project.files import os_reason

        _say(f"tt: lỗi TT-E003: không ghi được kết quả của lệnh ra đầu ra chuẩn: {os_reason(exc)}.")
        _say("  gợi ý: kiểm tra nơi nhận kết quả (tệp sau dấu >, ổ đĩa còn chỗ trống không), rồi chạy lại.")
        code = 2
    except Exception:  # noqa: BLE001 - the last line of defence: a message, never a traceback
        if os.environ.get("TT_DEBUG"):
            raise
        _say("tt: lỗi nội bộ TT-E005: tt gặp lỗi khi chạy lệnh này.")
        _say("  gợi ý: đây là lỗi của tt, không phải của kế hoạch; hãy báo lỗi kèm tệp và lệnh đã chạy "
             "(đặt TT_DEBUG=1 để xem chi tiết).")
        code = 2
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = _pipe_closed()
    except (OSError, ValueError):
        pass
    if restore is not None:  # main() run in-process (the tests): leave the caller's handler as it was
        restore()
    sys.exit(code)


def _say(text: str) -> None:
    try:
        sys.stderr.write(text + "\n")
    except (OSError, ValueError):
        pass


def _pipe_closed() -> int:
    """stdout's reader has gone: send what is left to /dev/null (no 'Exception ignored…' at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return 1


# ----------------------------------------------------------------------------- the process

def _streams() -> None:
    """stdout and stderr that can write Vietnamese, whatever they were opened with.

    A stream whose encoding cannot hold "ệ" (PYTHONIOENCODING=ascii, the C locale without
    UTF-8 mode, a Windows redirect in cp1252) is switched to UTF-8 — as click already does
    for its own output — and text that still cannot be written (a file name whose bytes are
    not UTF-8) is written as \\x.. escapes rather than stopping tt.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = getattr(stream, "encoding", None)
        if reconfigure is None or not encoding:
            continue
        wanted = {}
        if (getattr(stream, "errors", None) or "strict") == "strict":
            wanted["errors"] = "backslashreplace"
        try:
            "ệ".encode(encoding)
        except (UnicodeError, LookupError):
            wanted["encoding"] = "utf-8"
        if not wanted:
            continue
        try:
            reconfigure(**wanted)
        except (ValueError, OSError, TypeError):
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError, TypeError):
                pass


def _signals():
    """SIGTERM (a CI job cancelled, `kill`, a service stopping) unwinds tt as an exception.

    Returns what puts the previous handler back (None when none could be set)."""
    import signal

    def terminated(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one must not cut the clean-up short
        raise Terminated(EXIT_TERMINATED)

    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM here
        return None
    return lambda: signal.signal(signal.SIGTERM, previous)


# ----------------------------------------------------------------------------- without typer

_FAST = {(): "alone", ("-h",): "help", ("--help",): "help", ("-V",): "version", ("--version",): "version"}


def _fast(args: list[str]) -> int | None:
    """`tt --version`, `tt --help`, `tt` alone: answered without importing typer (~45 ms).

    The help is the text typer wrote the last time for the same tt, typer, terminal width and
    command modules (kept in tt's cache folder); the first run writes it through typer."""
    mode = _FAST.get(tuple(args))
    if mode is None or os.environ.get("_TT_COMPLETE"):
        return None
    if mode == "version":
        from tuyentruyen.about import version_text

        sys.stdout.write(version_text())
        return 0
    text = _help()
    if mode == "help":
        sys.stdout.write(text + "\n")
        return 0
    sys.stderr.write(text + "\n")
    return 2


_FAST_FLAGS = frozenset({"--no-cache", "--schema-only"})  # the flags of validate read here


def _fast_check(args: list[str]) -> int | None:
    """`tt validate [--no-cache] [--schema-only] [PATH…]` (what pre-commit and a clerk type most):
    run without typer and its command tree (~45 ms of a 0.15 s run). Any other option, `--`, a
    flag given twice or a name starting with "-" goes through typer, which parses and explains it."""
    if not args or args[0] != "validate" or os.environ.get("_TT_COMPLETE"):
        return None
    flags = [a for a in args[1:] if a in _FAST_FLAGS]
    paths = [a for a in args[1:] if a not in _FAST_FLAGS]
    if len(set(flags)) != len(flags) or any(not p or p.startswith("-") for p in paths):
        return None
    from tuyentruyen.cli.errout import check_command

    return check_command(paths or None, "text", "--schema-only" in flags, cache="--no-cache" not in flags)


def _help() -> str:
    from tuyentruyen.project.cache import cached_json

    def compute() -> str:
        from tuyentruyen.cli.base import help_text

        return help_text(COMMANDS)

    restore = _signals()  # the help may be written down: never half-written on SIGTERM
    try:
        return cached_json("cli-help", "typer", compute, key=_help_key())
    finally:
        if restore is not None:
            restore()


def _help_key() -> str:
    """What `tt --help` depends on: tt, the terminal's width, the CLI's files (cli/*.py: the commands'
    help) and words (data/cli_vi.json); typer's version is added by cached_json."""
    from tuyentruyen import __version__

    here = os.path.dirname(os.path.abspath(__file__))
    files = [os.path.join(here, n) for n in sorted(os.listdir(here)) if n.endswith(".py")]
    files.append(os.path.join(os.path.dirname(here), "data", "cli_vi.json"))
    stamps = []
    for path in files:
        try:
            st = os.stat(path)
        except OSError:
            continue
        stamps.append(f"{os.path.basename(path)}:{st.st_mtime_ns:x}:{st.st_size:x}")
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
    except (AttributeError, ValueError, OSError):
        columns = None
    # shutil.get_terminal_size, which click asks, reads COLUMNS first, then the terminal
    width = f"{os.environ.get('COLUMNS')}/{os.environ.get('LINES')}/{columns}"
    shells = os.environ.get("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "")
    return "|".join([__version__, width, shells, here, *stamps])
