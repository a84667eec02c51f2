"""The state of one import (trạng thái đọc một văn bản) and the helpers every reading step uses.

The blocks being read and where the reading is (:meth:`State.peek`), the plan data built so
far, the notes of what was guessed, and the document's own spelling of its words (to give
capitals back their case). The reading steps build on it in one line:
:class:`~.citing.CitingReader` (căn cứ) → :class:`~.sections.SectionsReader` (the body) →
:class:`~.front.FrontReader` (header, decision, signature) → :class:`~.structure.Builder`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tuyentruyen.edit.importer.blocks import Block, Para
from tuyentruyen.edit.importer.casing import Vocabulary
from tuyentruyen.edit.importer.notes import Notes
from tuyentruyen.edit.importer.prepare import flatten, join_broken
from tuyentruyen.vn.text import squash

if TYPE_CHECKING:
    from tuyentruyen.edit.importer.tables import TableRead
    from tuyentruyen.vn.units import UnitIndex


class State:
    """Where the reading is and what it has built."""


    def __init__(self, blocks: list[Block], index: UnitIndex | None = None, hints: Sequence[str] = ()):
        self.notes = Notes()
        self.index = index
        flat = flatten(blocks)
        self.items = join_broken(flat)
        self._remarked = {id(b): b for b in self.items if isinstance(b, Para) and b.remarks}
        self._hints = list(hints)
        self._vocab: Vocabulary | None = None
        self.i = 0
        self.doc: dict = {}
        self.decision: dict | None = None
        self.plan: dict = {}
        self.appendix: dict | None = None
        self.tables_read: list[TableRead] = []
        self.header_seen: dict = {}
        self._references: list[tuple] = []  # the "(… kèm theo …)" lines, checked at the end
        self._layout_article = False  # the plan is printed inside Điều 1
        self._issued_by: tuple[str, str] | None = None  # the "của …" of a reference line
        self._article1: tuple[str, str] | None = None  # Điều 1's wording, checked against the title
        self._loose_preamble: list[Para] = []
        self.appendices: list[dict] = []
        self.used_ids: dict[str, int] = {}
        self.scheme: dict[int, str] = {}  # how each level of sections is numbered, as found
        self._last_title_bold = False  # the trích yếu's last line was bold (a bold heading may follow)

    def peek(self, k: int = 0) -> Block | None:
        j = self.i + k
        return self.items[j] if j < len(self.items) else None

    def para(self) -> Para | None:
        b = self.peek()
        return b if isinstance(b, Para) else None

    def note(self, path, code: str, message: str, src: str = "") -> None:
        self.notes.add(path, code, message, src)

    def attach(self, p: Para, path) -> None:
        """The remarks a paragraph carries (a join), noted where it ended up."""
        if self._remarked.pop(id(p), None) is not None:
            for code, message in p.remarks:
                self.note(path, code, message, p.src)

    @property
    def vocab(self) -> Vocabulary:
        """How the document writes its words (built when first needed: only capitals need it)."""
        if self._vocab is None:
            texts: list[str] = []
            cells = 0
            for b in self.items:
                if isinstance(b, Para):
                    texts.append(b.shown)
                else:  # a long table adds no new words after its first rows
                    for r in b.rows:
                        if cells >= 400:
                            break
                        for c in r.cells:
                            texts.extend(p.shown for p in c.paras)
                            cells += 1
            self._vocab = Vocabulary(texts, self._hints)
        return self._vocab

    def restore(self, text: str, path, src: str, what: str) -> str:
        out, unknown = self.vocab.restore(squash(text))
        if unknown:
            self.note(path, "TT-I006", f"{what} in hoa trong văn bản; đã viết lại chữ thường cho "
                                       f"{', '.join(repr(w) for w in unknown[:4])}: kiểm tra chữ hoa", src)
        return out
