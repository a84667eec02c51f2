"""The documents a plan cites (văn bản được viện dẫn), gathered once for the TT-C rules.

Structured citations (`document.bases`, `plan.implements` with type/number/date) and every
citation written in running text (căn cứ written verbatim, the narrative, task contents…)
become one list of :class:`Cited`, each knowing where it is written. The `reference` lines
("Kèm theo Quyết định số …"), which name the plan's own document, are kept apart.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# keys whose values are names, codes or fields read elsewhere, never running text
_NOT_TEXT = frozenset({
    "number", "symbol", "date", "type", "issuer", "name", "id", "due", "lead", "support", "unit", "recipients",
    "archive", "place", "position", "prefix", "on_behalf", "header", "units", "kind", "marker", "tt", "copies",
    "year", "padded", "quantity", "budget", "short", "reference", "executors", "authority", "heading", "forms",
})
_MAYBE = re.compile(r"\d\s*[/\-–]|[Ll]uật")


@dataclass(frozen=True)
class Cited:
    path: tuple  # the text value, or the structured citation
    structured: bool
    type_name: str | None
    number: object | None  # DocNumber | ParseError | None
    symbol_text: str | None
    date: dt.date | None
    issuer: str | None
    subject: str | None = None
    symbol_span: tuple[int, int] | None = None  # in the text value (free text only)
    date_span: tuple[int, int] | None = None
    date_text: str | None = None
    date_error: str | None = None
    type_mismatch: str | None = None
    text: str | None = None  # the citation as written (free text)
    issuer_span: tuple[int, int] | None = None  # in the text value (free text only)
    subject_span: tuple[int, int] | None = None

    @property
    def in_bases(self) -> bool:
        """Written among the căn cứ or the documents implemented (not in the running text)."""
        return self.path[:2] in (("document", "bases"), ("plan", "implements"))

    @property
    def symbol_key(self) -> str | None:
        if self.number is not None and getattr(self.number, "ok", False):
            return self.number.normalized
        if self.symbol_text:
            return re.sub(r"\s+", "", self.symbol_text).upper()
        return None

    def symbol_at(self) -> dict:
        """ctx.report keyword arguments pointing at the symbol."""
        if self.structured:
            return {}
        return {"start": self.symbol_span[0], "end": self.symbol_span[1]} if self.symbol_span else {}

    def symbol_path(self) -> tuple:
        return self.path + ("number",) if self.structured else self.path

    def issuer_at(self) -> tuple[tuple, dict]:
        """(path, ctx.report keyword arguments) pointing at the issuer."""
        if self.structured:
            return self.path + ("issuer",), {}
        return self.path, ({"start": self.issuer_span[0], "end": self.issuer_span[1]} if self.issuer_span else {})

    def subject_at(self) -> tuple[tuple, dict]:
        if self.structured:
            return self.path + ("subject",), {}
        return self.path, ({"start": self.subject_span[0], "end": self.subject_span[1]} if self.subject_span else {})

    def date_at(self) -> tuple[tuple, dict]:
        if self.structured:
            return self.path + ("date",), {}
        return self.path, ({"start": self.date_span[0], "end": self.date_span[1]} if self.date_span else {})


def text_values(ctx, *, references: bool = False):
    """(path, text) of every running-text value that may cite a document."""
    def build():
        out = []
        for path, node in ctx.scalars():
            key = next((p for p in reversed(path) if isinstance(p, str)), None)
            if key in _NOT_TEXT or not node.value or not _MAYBE.search(node.value):
                continue
            out.append((path, node.value))
        return out
    found = ctx.cached("citation_texts", build)
    if references:
        found = found + reference_values(ctx)
    return found


def reference_values(ctx):
    """(path, text) of the written "Kèm theo …" lines."""
    out = []
    if ctx.plan.plan.reference:
        out.append((("plan", "reference"), ctx.plan.plan.reference))
    for base, appendix in ctx.plan.all_appendices():  # `appendix`, or each of `appendices`
        if appendix.reference:
            out.append((base + ("reference",), appendix.reference))
    return out


def citations_in(ctx, text: str) -> list:
    """find_citations(text), once per text of the plan (several rules read the same values)."""
    from tuyentruyen.vn.citations import find_citations

    cache = ctx.cached("citations_by_text", dict)
    found = cache.get(text)
    if found is None:
        found = cache[text] = find_citations(text)
    return found


def _from_text(ctx, path: tuple, text: str) -> list[Cited]:
    out = []
    for c in citations_in(ctx, text):
        if c.symbol is None and c.date is None and c.date_error is None:
            continue
        out.append(Cited(path, False, c.type_name, c.number, c.symbol, c.date, c.issuer, c.subject or c.title,
                         c.symbol_span, c.date_span, c.date_text, c.date_error, c.type_mismatch, c.text,
                         c.issuer_span, c.subject_span if c.subject else None))
    return out


def cited(ctx) -> list[Cited]:
    """Every citation outside the reference lines, in file order."""
    def build():
        from tuyentruyen.vn.citations import check_type_matches, parse_symbol

        out: list[Cited] = []
        for key, items in ((("document", "bases"), ctx.plan.document.bases),
                           (("plan", "implements"), ctx.plan.plan.implements)):
            for i, c in enumerate(items):
                if c.text is not None:
                    continue  # free text: found with the other texts
                number = parse_symbol(c.number) if c.number else None
                mismatch = check_type_matches(c.type, number) if number is not None and number.ok and c.type else None
                out.append(Cited(key + (i,), True, c.type, number, c.number, c.date, c.issuer, c.subject,
                                 type_mismatch=mismatch))
        for path, text in text_values(ctx):
            out.extend(_from_text(ctx, path, text))
        lines = {}

        def order(c: Cited):
            if c.path not in lines:
                pos = ctx.locate(c.path)
                lines[c.path] = (pos.line, pos.col)
            return lines[c.path], (c.symbol_span or (0, 0))[0]
        out.sort(key=order)
        return out
    return ctx.cached("cited", build)


def references(ctx) -> list[Cited]:
    return ctx.cached("references", lambda: [c for path, text in reference_values(ctx)
                                             for c in _from_text(ctx, path, text)])
