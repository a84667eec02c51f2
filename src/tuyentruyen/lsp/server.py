"""The language server `tt lsp` (máy chủ ngôn ngữ), on pygls, over stdio.

    didOpen / didChange (incremental) / didSave
      → debounce (longer for a longer file) → check() in the worker process (tuyentruyen.lsp.worker),
        never on the event loop, never holding its lock
      → publishDiagnostics for that version, unless the document changed meanwhile

One run at a time: changes that arrive during a run are coalesced and the latest text runs next;
the result of a run that is no longer the document's text is dropped (the editor never sees
stale diagnostics), and a long run on a big file is abandoned at once. Hover, completion, quick
fixes and formatting answer from the text as it is and the last check (its registry, year,
fixes), so they stay instant on a 10,000-task plan while the rules run. A unit registry or
tt.toml saved in the editor reruns the open plans.
"""

from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from tuyentruyen import __version__
from tuyentruyen.lsp import features
from tuyentruyen.lsp.analysis import Checked
from tuyentruyen.lsp.convert import Lines, diagnostic

log = logging.getLogger("tuyentruyen.lsp")

# Quiet time after a keystroke before the rules run: next to nothing on a typical plan (tens of
# kB, checked in well under 0.1 s), longer on a huge one, where each run takes seconds and
# typing must not queue runs (a run under way is never interrupted: its result is dropped).
DEBOUNCE_MIN, DEBOUNCE_PER_MB, DEBOUNCE_MAX = 0.01, 0.25, 1.0
# A run on a text this long is abandoned when the clerk types on (a new worker takes ~1 s to
# start; a run on such a text takes longer than that).
ABANDON_SIZE = 500_000


def debounce(size: int) -> float:
    return min(DEBOUNCE_MAX, DEBOUNCE_MIN + DEBOUNCE_PER_MB * size / 1_000_000)


class _Text(TextDocument):
    """pygls's text document, with an incremental change applied in time proportional to the
    change: pygls rebuilds the whole text line by line (60 ms a keystroke on a 10,000-task
    plan, on the event loop); this splices it, keeping the offsets of the lines up to date."""

    _starts: list[int] | None = None

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            import itertools

            self._starts = [0, *itertools.accumulate(len(line) + 1 for line in self.source.split("\n")[:-1])]
        return self._starts

    def _offset(self, text: str, starts: list[int], position) -> tuple[int, int]:
        line = position.line
        if line >= len(starts):
            return len(text), len(starts) - 1
        begin = starts[line]
        end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
        units = Lines(text[begin:end], _encoding_of(self.position_codec))
        return begin + units.column(0, position.character), line

    def _apply_incremental_change(self, change) -> None:
        text = self.source
        starts = self._line_starts()
        a, first = self._offset(text, starts, change.range.start)
        b, last = self._offset(text, starts, change.range.end)
        if b < a:
            a, b, first, last = b, a, last, first
        new = change.text
        self._source = text[:a] + new + text[b:]
        delta = len(new) - (b - a)
        added = [a + i + 1 for i, ch in enumerate(new) if ch == "\n"]
        self._starts = starts[:first + 1] + added + [s + delta for s in starts[last + 1:]]

    def _apply_full_change(self, change) -> None:
        self._starts = None
        super()._apply_full_change(change)


def _encoding_of(codec) -> str:
    return {lsp.PositionEncodingKind.Utf8: "utf-8", lsp.PositionEncodingKind.Utf32: "utf-32"}.get(
        getattr(codec, "encoding", None), "utf-16")


class _Doc:
    """What the server keeps of an open document."""

    def __init__(self) -> None:
        self.timer: asyncio.Task | None = None
        self.running: asyncio.Future | None = None
        self.running_size = 0
        self.again = False
        self.last: Checked | None = None  # of the latest text checked (its diagnostics and fixes)
        self.good: Checked | None = None  # the latest whose plan validated (its registry, year, date)
        self.published: set[str] = set()  # the other files' URIs given diagnostics (tt.toml)


class TTServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("tt", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.docs: dict[str, _Doc] = {}
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tt-lsp")  # waits on the worker
        self.worker = None  # tuyentruyen.lsp.worker.Worker, started at initialize
        self.root: Path | None = None
        self.encoding = "utf-16"
        self._lines: dict[str, tuple[int | None, Lines]] = {}

    # -- documents

    def doc(self, uri: str) -> _Doc:
        return self.docs.setdefault(uri, _Doc())

    def schedule(self, uri: str, delay: float | None = None) -> None:
        state = self.doc(uri)
        if state.timer is not None:
            state.timer.cancel()
        if state.running is not None and state.running_size > ABANDON_SIZE and self.worker is not None:
            self.worker.abandon()  # its result would be dropped: do not wait seconds for it
        document = self.workspace.get_text_document(uri)
        wait = debounce(len(document.source)) if delay is None else delay
        state.timer = asyncio.get_running_loop().create_task(self._later(uri, wait))

    async def _later(self, uri: str, wait: float) -> None:
        try:
            await asyncio.sleep(wait)
        except asyncio.CancelledError:
            return
        await self.run(uri)

    async def run(self, uri: str) -> None:
        state = self.doc(uri)
        if state.running is not None:
            state.again = True  # the run under way ends, then the latest text runs
            return
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        path = Path(to_fs_path(uri) or document.path)
        loop = asyncio.get_running_loop()
        from tuyentruyen.lsp.worker import Abandoned

        if self.worker is None:
            self.start_worker()
        state.running = loop.run_in_executor(self.pool, self.worker.run, text, path, version)
        state.running_size = len(text)
        abandoned = False
        try:
            result: Checked | None = await state.running
        except Abandoned:  # a newer text came (of this document or another one the worker was on)
            result, abandoned = None, True
        except Exception as exc:  # noqa: BLE001 - tt failed on this text: said as tt validate says it
            result = _failed(text, path, version, exc)
        finally:
            state.running = None
        current = self.workspace.text_documents.get(uri)
        # the document may have been closed and opened again meanwhile, at the same version number
        fresh = current is not None and current.version == version and current.source == text
        if result is not None and result.valid:
            state.good = result
        if result is not None and fresh:
            state.last = result
            self.publish(uri, result)
        elif result is not None and state.last is None:
            state.last = result  # a first answer for hover and completion, even if already stale
        if state.again or abandoned or (current is not None and not fresh):
            state.again = False
            if current is not None:
                self.schedule(uri)

    def publish(self, uri: str, result: Checked) -> None:
        self._send(uri, result.version, self._units(result.diagnostics, result.text))
        state = self.doc(uri)
        others = set()
        for path, diagnostics in result.elsewhere.items():
            other = path.as_uri()
            others.add(other)
            text = path.read_text(encoding="utf-8", errors="replace") if self.encoding != "utf-16" else ""
            self._send(other, None, self._units(diagnostics, text))
        for gone in state.published - others:
            self._send(gone, None, [])
        state.published = others

    def _units(self, diagnostics: list[dict], text: str) -> list[dict]:
        """Diagnostics (worked out in UTF-16 positions) in the client's position units."""
        if self.encoding == "utf-16":
            return diagnostics
        return _reencode(diagnostics, Lines(text, "utf-16"), Lines(text, self.encoding))

    def start_worker(self) -> None:
        from tuyentruyen.lsp.worker import Worker

        self.worker = Worker()

    def _send(self, uri: str, version: int | None, diagnostics: list[dict]) -> None:
        params = self.protocol._converter.structure(
            {"uri": uri, "version": version, "diagnostics": diagnostics}, lsp.PublishDiagnosticsParams)
        self.text_document_publish_diagnostics(params)

    def lines(self, uri: str) -> Lines:
        """The lines of the document as it is now (kept per version: a 10,000-task plan is split
        once per change, not once per request)."""
        document = self.workspace.get_text_document(uri)
        kept = self._lines.get(uri)
        if kept is None or kept[0] != document.version:
            kept = (document.version, Lines(document.source, "utf-16"))
            self._lines[uri] = kept
        return kept[1]

    def context(self, uri: str) -> Checked | None:
        """What hover and completion know of the plan: its last valid analysis (registry, year)."""
        state = self.doc(uri)
        return state.good or state.last

    def rerun_plans(self) -> None:
        """A registry or tt.toml changed: every open plan is checked again."""
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)


server = TTServer()


def _guarded(handler):
    """A request handler that answers nothing rather than fail: one line in the editor's log
    (the traceback only with TT_DEBUG=1), never a traceback in front of the clerk."""
    import functools

    @functools.wraps(handler)
    def run(ls, params):
        try:
            return handler(ls, params)
        except Exception as exc:  # noqa: BLE001 - the editor keeps working; the log says what failed
            if os.environ.get("TT_DEBUG"):
                log.exception("tt lsp: %s", handler.__name__)
            else:
                log.error("tt lsp: lỗi nội bộ khi trả lời %s (%s: %s); đặt TT_DEBUG=1 để xem chi tiết.",
                          handler.__name__.strip("_"), type(exc).__name__, exc)
            return None
    return run


# ---------------------------------------------------------------- lifecycle


@server.feature(lsp.INITIALIZED)
def _initialized(ls: TTServer, params: lsp.InitializedParams) -> None:
    workspace = ls.workspace

    def create(uri, source=None, version=None, language_id=None):
        return _Text(uri, source=source, version=version, language_id=language_id,
                     sync_kind=lsp.TextDocumentSyncKind.Incremental, position_codec=workspace.position_codec)

    workspace._create_text_document = create  # pygls has no hook for the document class
    enc = ls.server_capabilities.position_encoding
    ls.encoding = {lsp.PositionEncodingKind.Utf8: "utf-8", lsp.PositionEncodingKind.Utf32: "utf-32"}.get(
        enc, "utf-16")
    folders = ls.workspace.folders
    if folders:
        first = next(iter(folders.values()))
        ls.root = Path(to_fs_path(first.uri) or ".")
    ls.start_worker()  # it warms up (imports, rules) while the editor opens its first plan
    import threading

    from tuyentruyen.lsp.analysis import warm_up

    threading.Thread(target=warm_up, name="tt-lsp-warm-up", daemon=True).start()  # hover, completion


def _failed(text: str, path: Path, version, exc) -> Checked:
    """tt failed on this text (not the plan's fault): one TT-E005 at the top, as tt validate says it."""
    from tuyentruyen.check import internal_problem
    from tuyentruyen.lsp.analysis import display_of

    log.error("tt lsp: lỗi nội bộ khi soát %s (%s)", path, exc)
    problem = internal_problem(display_of(path), "soát lỗi")
    return Checked(path, version, text, diagnostics=[diagnostic(problem, Lines(text))], fixes=[[]])


@server.feature(lsp.SHUTDOWN)
def _shutdown(ls: TTServer, params) -> None:
    for state in ls.docs.values():
        if state.timer is not None:
            state.timer.cancel()
    if ls.worker is not None:
        ls.worker.close()
    ls.pool.shutdown(wait=False, cancel_futures=True)


# ---------------------------------------------------------------- documents


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def _opened(ls: TTServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def _changed(ls: TTServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def _saved(ls: TTServer, params: lsp.DidSaveTextDocumentParams) -> None:
    from tuyentruyen.project.config import CONFIG_NAME
    from tuyentruyen.project.discover import is_registry_file

    path = Path(to_fs_path(params.text_document.uri) or "")
    if is_registry_file(path) or path.name == CONFIG_NAME:
        ls.rerun_plans()


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def _closed(ls: TTServer, params: lsp.DidCloseTextDocumentParams) -> None:
    state = ls.docs.pop(params.text_document.uri, None)
    if state is not None and state.timer is not None:
        state.timer.cancel()
    ls._send(params.text_document.uri, None, [])


# ---------------------------------------------------------------- features


def _position(ls: TTServer, uri: str, position: lsp.Position) -> tuple[Lines, int, int]:
    lines = ls.lines(uri)
    return lines, position.line, lines.column(position.line, position.character)


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
@_guarded
def _hover(ls: TTServer, params: lsp.HoverParams):
    uri = params.text_document.uri
    lines, line, col = _position(ls, uri, params.position)
    found = features.hover(ls.context(uri), lines, line, col)
    return _convert(found, lsp.Hover, ls, lines)


@server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=[":", " ", "-"]))
@_guarded
def _complete(ls: TTServer, params: lsp.CompletionParams):
    uri = params.text_document.uri
    lines, line, col = _position(ls, uri, params.position)
    items = features.completion(ls.context(uri), lines, line, col)
    return lsp.CompletionList(is_incomplete=False, items=[_convert(i, lsp.CompletionItem, ls, lines) for i in items])


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
    code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.SourceFixAll]))
@_guarded
def _actions(ls: TTServer, params: lsp.CodeActionParams):
    uri = params.text_document.uri
    state = ls.doc(uri)
    document = ls.workspace.get_text_document(uri)
    last = state.last
    if last is None or last.version != document.version or last.text != document.source:
        return []  # fixes are offsets into one version of the text: wait for its diagnostics
    lines = Lines(last.text, ls.encoding)
    start = lines.offset({"line": params.range.start.line, "character": params.range.start.character})
    end = lines.offset({"line": params.range.end.line, "character": params.range.end.character})
    only = [getattr(k, "value", k) for k in params.context.only or []]
    if only and all(k.startswith("source") for k in only):
        return [_convert(features.fix_all_action(last, uri), lsp.CodeAction, ls, last.text)] if last.fix_all else []
    return [_convert(a, lsp.CodeAction, ls, last.text) for a in features.code_actions(last, start, end, uri)]


@server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
@_guarded
def _format(ls: TTServer, params: lsp.DocumentFormattingParams):
    uri = params.text_document.uri
    document = ls.workspace.get_text_document(uri)
    text = document.source
    new, problems = features.formatting(text, document.filename or "<tệp>")
    if problems:
        from tuyentruyen.model.schema import editor_message

        p = problems[0]
        ls.window_show_message(lsp.ShowMessageParams(
            type=lsp.MessageType.Warning,
            message=f"tt fmt: dòng {p.line}: " + editor_message(p.code, p.message, p.hint)))
        return None
    if new is None:
        return []
    lines = Lines(text, ls.encoding)
    end = lines.position(len(lines.lines) - 1, len(lines.lines[-1]))
    return [lsp.TextEdit(range=lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(end["line"], end["character"])),
                         new_text=new)]


def _convert(value, cls, ls: TTServer, lines: Lines | str):
    """A plain LSP dict (positions in UTF-16) as the lsprotocol type, in the client's units."""
    if value is None:
        return None
    if ls.encoding != "utf-16":
        text = lines.text if isinstance(lines, Lines) else lines
        value = _reencode(value, Lines(text, "utf-16"), Lines(text, ls.encoding))
    return ls.protocol._converter.structure(value, cls)


def _reencode(value, src: Lines, dst: Lines):
    if isinstance(value, dict):
        if set(value) == {"line", "character"}:
            return {"line": value["line"], "character": dst.units(value["line"], src.column(value["line"],
                                                                                      value["character"]))}
        return {k: _reencode(v, src, dst) for k, v in value.items()}
    if isinstance(value, list):
        return [_reencode(v, src, dst) for v in value]
    return value


def serve() -> None:
    """Run over stdin/stdout until the editor says exit."""
    logging.basicConfig(level=logging.WARNING if not os.environ.get("TT_DEBUG") else logging.DEBUG)
    server.start_io()
