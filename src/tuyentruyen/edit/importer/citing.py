"""Căn cứ and documents implemented, split into structured citations where they read as one.

A reading step of :class:`~.structure.Builder` (see :mod:`.state`), on top of :func:`tuyentruyen.vn.citations.find_citations`:
a basis becomes {type, name, number, date, issuer, subject} only when those fields print back
exactly what was written (else it stays as its text, noted); "Thực hiện A, B; C; <phần còn lại>"
becomes the documents implemented and the intro.
"""

from __future__ import annotations

import re

from tuyentruyen.edit.importer.blocks import words
from tuyentruyen.edit.importer.names import starts_unit
from tuyentruyen.edit.importer.shapes import titles
from tuyentruyen.edit.importer.state import State
from tuyentruyen.vn.text import squash


class CitingReader(State):
    """Reading căn cứ and the documents a plan implements."""

    def citation(self, text: str, path, src: str, prefix: str):
        """A basis or a document implemented, structured when it reads as one citation."""
        from tuyentruyen.vn.citations import find_citations

        t = squash(text)
        t = re.sub(rf"^(?i:{prefix})\s+", "", t).rstrip(" ;.")
        cits = find_citations(t)
        if cits and cits[0].start == 0:
            c = cits[0]
            if c.date_error:
                self.note(path, "TT-I008", f"ngày trong viện dẫn không tồn tại ({c.date_text}): giữ nguyên văn để "
                                           "soát lỗi", src)
                return t
            if c.number is not None and not c.number.ok:
                return t
            out: dict = {"type": c.type_name[:1].upper() + c.type_name[1:] if c.type_name else None}
            if out["type"] is None:
                return t
            if c.title:
                out["name"] = c.title
            if c.symbol:
                out["number"] = squash(c.symbol)
            if c.date is not None:
                written = squash(c.date_text or "")
                out["date"] = f"ngày {written}" if " tháng " in written else written.replace(" ", "")
            end = c.end
            if c.issuer:
                out["issuer"] = c.issuer
                more = _issuer_after_comma(t[end:])
                if more:  # "của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn …"
                    out["issuer"] = f"{c.issuer}, {more}"
                    end = t.index(more, end) + len(more)
            subject = t[end:].strip(" ,;")
            if subject:
                out["subject"] = subject
            out = {k: v for k, v in out.items() if v}
            if not _same_print(reprint(out, c.date_text), t):
                # the fields would not print the same words (an issuer read too far): keep the text
                self.note(path, "TT-I013", f"{prefix.lower()} giữ nguyên văn: tách thành loại, số, ngày, cơ quan "
                                           "thì không in lại đúng như văn bản", src)
                return t
            return out
        self.note(path, "TT-I013", f"{prefix.lower()} không đọc được thành loại, số, ngày: giữ nguyên văn", src)
        return t

    def implements(self, text: str, src: str, start: int = 0) -> tuple[list, str | None]:
        """'Thực hiện A, B; C; <intro>' → the documents implemented and the rest of the sentence."""
        from tuyentruyen.vn.citations import find_citations

        t = re.sub(r"^(?i:thực hiện)\s+", "", squash(text))
        cits = find_citations(t)
        tops = [c for c in cits if c.type_name and (c.start == 0 or t[:c.start].rstrip()[-1:] in ";,")]
        if not tops or tops[0].start != 0:
            return [], None
        intro = None
        end_all = len(t)
        last = tops[-1]
        for m in re.finditer(r";\s*", t[last.end:]):
            after = t[last.end + m.end():]
            if not any(c.start == last.end + m.end() for c in cits):
                end_all = last.end + m.start()
                intro = after.strip() or None
                break
        pieces = []
        for k, c in enumerate(tops):
            stop = tops[k + 1].start if k + 1 < len(tops) else end_all
            pieces.append(t[c.start:stop].rstrip(" ,;"))
        out = [self.citation(p, ("plan", "implements", start + k), src, "Thực hiện") for k, p in enumerate(pieces)]
        return out, intro


def _issuer_after_comma(rest: str) -> str | None:
    """The rest of an issuer cut at a comma: ", Chủ nhiệm Văn phòng Chính phủ hướng dẫn …" →
    "Chủ nhiệm Văn phòng Chính phủ" (read the way the citation reader reads an issuer)."""
    from tuyentruyen.vn.citations import find_citations

    if not rest.startswith(", ") or not rest[2:3].isupper():
        return None
    probe = "Văn bản số 1/VB-X của "
    found = find_citations(probe + rest[2:])
    issuer = found[0].issuer if found and found[0].start == 0 else None
    if not issuer:
        return None
    low = issuer.casefold()
    titled = any(low.startswith(t) for t in titles())  # "Chủ nhiệm …", "Bộ trưởng …"
    return issuer if titled or starts_unit(issuer) else None


def reprint(c: dict, date_written: str | None) -> str:
    """The words a structured citation prints (as templates/citation.j2 orders them)."""
    parts = [c.get("type", "")]
    for key, word in (("name", ""), ("number", "số"), ("date", "ngày"), ("issuer", "của"), ("subject", "")):
        if c.get(key):
            value = date_written if key == "date" and date_written else c[key]
            parts.append(f"{word} {value}".strip())
    return " ".join(parts)


def _same_print(printed: str, written: str) -> bool:
    """Whether the fields print back what was written (tt adds a "số" the writer may have left out)."""
    a, b = squash(printed), squash(written)
    return a == b or a.replace(" số ", " ", 1) == b
