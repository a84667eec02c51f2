"""The process that checks documents for `tt lsp` (tiến trình soát lỗi).

The rules must never hold up the editor: in a thread they would (the loader and pydantic run
long stretches of C code that keep Python's lock — a second at a time on a 10,000-task plan),
so :func:`tuyentruyen.lsp.analysis.check` runs in a process of its own, started once and warmed
up. A run that is no longer wanted (the clerk typed on) is abandoned by ending that process and
starting another; the next run waits for it to be ready.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from pathlib import Path


def _serve(conn) -> None:
    """The worker's loop: (text, path, version) in, a Checked (or the text of a failure) out."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in the editor's terminal is for the editor
    from tuyentruyen.lsp.analysis import check, warm_up

    warm_up()
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        text, path, version = request
        try:
            checked = check(text, Path(path), version)
            checked.text = ""  # the server has it: a 4 MB plan is not sent back
            conn.send(("ok", checked))
        except Exception as exc:  # noqa: BLE001 - the server reports it as tt's own failure (TT-E005)
            if os.environ.get("TT_DEBUG"):
                import traceback

                traceback.print_exc()
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))


class Abandoned(Exception):
    """The run was abandoned (a newer text came) or the worker stopped."""


class Worker:
    """One checking process; run() blocks (call it from a thread), abandon() ends a run."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ctx = multiprocessing.get_context("spawn")
        self._proc = None
        self._conn = None
        self._start()

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_serve, args=(child,), name="tt-lsp-worker", daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn, self._ready = proc, parent, False

    def run(self, text: str, path: Path, version: int | None):
        """The Checked of text; raises Abandoned when the run is abandoned, RuntimeError when tt failed."""
        with self._lock:
            conn = self._conn
            try:
                if not self._ready:
                    conn.recv()  # "ready": imports done
                    self._ready = True
                conn.send((text, str(path), version))
                status, value = conn.recv()
            except (EOFError, OSError, BrokenPipeError):
                raise Abandoned() from None
        if status == "failed":
            raise RuntimeError(value)
        value.text = text
        return value

    def abandon(self) -> None:
        """End the run under way (the process goes, a new one starts)."""
        proc, conn = self._proc, self._conn
        self._start()
        try:
            proc.terminate()
            conn.close()
        except (OSError, ValueError, AttributeError):
            pass

    def close(self) -> None:
        try:
            self._conn.send(None)
        except (OSError, ValueError, BrokenPipeError):
            pass
        self._proc.join(timeout=2)
        if self._proc.is_alive():
            self._proc.terminate()
