"""A small Language Server Protocol client over a subprocess's stdin/stdout, as an editor is one.

It frames JSON-RPC messages (Content-Length headers), answers the requests a server sends to
its client (workspace/configuration, client/registerCapability, window/workDoneProgress/create)
and keeps every notification, so that a test can wait for the next publishDiagnostics of a
document. Used by the editor tests (`tt lsp`, yaml-language-server) and benchmarks/bench_lsp.py.
"""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


class LspError(Exception):
    """The server answered a request with an error, or did not answer in time."""


class LspClient:
    def __init__(self, cmd: list[str], *, cwd: str | Path | None = None, env: dict | None = None,
                 settings: dict | None = None):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     cwd=cwd, env=env)
        self.settings = settings or {}
        self._ids = itertools.count(1)
        self._pending: dict[int, queue.Queue] = {}
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self.notifications: list[dict] = []
        self._cond = threading.Condition()
        self.stderr_lines: list[str] = []
        self.server_requests: list[dict] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # -- wire

    def _send(self, message: dict) -> None:
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        with self._write_lock:
            assert self.proc.stdin is not None
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self._closed()
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                continue
            message = json.loads(out.read(length).decode("utf-8"))
            self._dispatch(message)

    def _closed(self) -> None:
        with self._lock:
            for q in self._pending.values():
                q.put({"error": {"code": -32099, "message": "server closed the connection"}})
        with self._cond:
            self._cond.notify_all()

    def _drain_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr_lines.append(line.decode("utf-8", "replace"))

    def _dispatch(self, message: dict) -> None:
        if "method" in message and "id" in message:  # a request from the server
            self.server_requests.append(message)
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": self._answer(message)})
        elif "method" in message:
            with self._cond:
                self.notifications.append(message)
                self._cond.notify_all()
        else:
            with self._lock:
                q = self._pending.pop(message.get("id"), None)
            if q is not None:
                q.put(message)

    def _answer(self, request: dict) -> Any:
        if request["method"] == "workspace/configuration":
            return [self._section(item.get("section")) for item in request["params"]["items"]]
        return None

    def _section(self, section: str | None) -> Any:
        if not section:
            return self.settings
        value: Any = self.settings
        for part in section.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value

    # -- API

    def request(self, method: str, params: Any = None, timeout: float = 30) -> Any:
        rid = next(self._ids)
        q: queue.Queue = queue.Queue()
        with self._lock:
            self._pending[rid] = q
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        try:
            answer = q.get(timeout=timeout)
        except queue.Empty:
            raise LspError(f"{method}: no answer in {timeout} s; stderr: {''.join(self.stderr_lines)[-2000:]}") from None
        if "error" in answer:
            raise LspError(f"{method}: {answer['error']}")
        return answer.get("result")

    def notify(self, method: str, params: Any = None) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, predicate: Callable[[dict], bool], timeout: float = 30, after: int = 0) -> dict:
        """The first notification (from index `after`) that satisfies predicate."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for message in self.notifications[after:]:
                    if predicate(message):
                        return message
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    raise LspError(f"no matching notification in {timeout} s; stderr: "
                                   f"{''.join(self.stderr_lines)[-2000:]}")
                self._cond.wait(left)

    def diagnostics(self, uri: str, timeout: float = 30, after: int = 0, version: int | None = None) -> list[dict]:
        """The diagnostics of the next publishDiagnostics for uri (of that version, when given)."""
        def match(m: dict) -> bool:
            if m["method"] != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri:
                return False
            return version is None or m["params"].get("version") in (version, None)
        return self.wait_for(match, timeout, after)["params"]["diagnostics"]

    def mark(self) -> int:
        """The index after the notifications received so far (for wait_for(after=…))."""
        with self._cond:
            return len(self.notifications)

    # -- conveniences

    def initialize(self, root: Path, init_options: dict | None = None, capabilities: dict | None = None) -> dict:
        caps = capabilities or {
            "textDocument": {
                "synchronization": {"didSave": True},
                "publishDiagnostics": {"relatedInformation": True, "codeDescriptionSupport": True},
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "completion": {"completionItem": {"snippetSupport": True, "documentationFormat": ["markdown"]}},
                "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}},
            },
            "workspace": {"configuration": True, "workspaceFolders": True},
        }
        result = self.request("initialize", {
            "processId": None, "rootUri": root.as_uri(), "capabilities": caps,
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "initializationOptions": init_options or {},
        })
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str | None = None, language: str = "yaml", version: int = 1) -> str:
        uri = path.resolve().as_uri()
        if text is None:
            text = path.read_text(encoding="utf-8")
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language,
                                                                "version": version, "text": text}})
        return uri

    def change(self, uri: str, version: int, changes: list[dict]) -> None:
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                "contentChanges": changes})

    def hover(self, uri: str, line: int, character: int) -> dict | None:
        return self.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                   "position": {"line": line, "character": character}})

    def completion(self, uri: str, line: int, character: int) -> list[dict]:
        result = self.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                          "position": {"line": line, "character": character}})
        if result is None:
            return []
        return result["items"] if isinstance(result, dict) else result

    def close(self) -> int | None:
        """shutdown, exit, and the server's exit code."""
        try:
            if self.proc.poll() is None:
                self.request("shutdown", None, timeout=10)
                self.notify("exit")
                return self.proc.wait(timeout=10)
        except (LspError, OSError, subprocess.TimeoutExpired):
            pass
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        return self.proc.returncode


def position_of(text: str, needle: str, occurrence: int = 0, offset: int = 0) -> tuple[int, int]:
    """(line, character) — 0-based, in UTF-16 code units — of needle in text, plus offset characters."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    index += offset
    line = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    return line, utf16_len(text[start:index])


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2
