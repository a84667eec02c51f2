"""The .docx builder: a plan → the signed document, laid out per Nghị định 30/2020/NĐ-CP.

A Quyết định issuing a Kế hoạch gives three sections:

1. the decision (portrait): header block, QUYẾT ĐỊNH + trích yếu, the authority line,
   căn cứ and the proposal line, "QUYẾT ĐỊNH:", Điều 1–3, Nơi nhận beside the signature block;
2. the plan (portrait, new page, numbered from 1): its own header block, KẾ HOẠCH + title,
   "(Ban hành kèm theo Quyết định số … ngày … của …)", the sections I., II.…;
3. each appendix (landscape, numbered from 1): PHỤ LỤC (or Phụ lục I, II…), its title,
   "(Kèm theo …)", the table.

A Quyết định that approves the plan in its articles (decision.layout "article") has no
section 2: the plan's sections are printed inside Điều 1. A Kế hoạch alone is sections 2
(with its own number, date, căn cứ, Nơi nhận and signature) and 3.
Every page but the first of a section carries its number, centred in the top margin.

Every number, date and cross-reference is computed from the plan's metadata; the fixed
wording comes from the templates (:mod:`wording`); the figures from :mod:`layout`. Titles,
issuer names and table headings break only between Vietnamese words, at phrase boundaries
(:mod:`tuyentruyen.vn.linebreak`); the fixed lines of the header and the signature (Quốc
hiệu, Tiêu ngữ, issuer, "Số:", place and date, signer) never wrap: each is measured with
Times New Roman's widths (:mod:`metrics`) and its size steps down inside the decree's range
until it fits — when even the smallest size does not, the builder records a
:class:`LayoutNote` that ``tt render`` prints as a located warning (TT-E011).

The body is written as one XML string (:mod:`ooxml`) with named styles (Body Text, Căn cứ,
heading 1–3, Chữ trong bảng: :mod:`package`), so the appendix is built in linear time and a
clerk restyles the whole document through its styles; the package is written by
:mod:`package`, every part made for tt. A draft (``draft=True``, ``tt render --draft``) leaves
the number, the date and the number in "(Kèm theo …)" blank for the e-office system to fill
(Nghị định 30, Điều 15.3).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from tuyentruyen.project.config import DEFAULT as DEFAULT_CONFIG
from tuyentruyen.project.config import Config
from tuyentruyen.render import metrics
from tuyentruyen.render import ooxml as X
from tuyentruyen.render import package as P
from tuyentruyen.render import text as T
from tuyentruyen.render.layout import RANGES, Layout, twips
from tuyentruyen.render.ooxml import Para
from tuyentruyen.render.wording import Wording

PT = 20  # twips per point
RULE_GAP_PT = 4  # between a line of text and the short rule under it
SIZE_STEP = 0.5  # a fixed line too wide steps down by this many points, inside the decree's range
FIT = 0.99  # a fixed line fits when it takes at most this share of its column (rounding of the real layout)
TITLE_FIT = 0.96  # a balanced title line: room for the difference between measure and the real font
LAYOUT_CODE = "TT-E011"
HEADER_PAGE, HEADER_FIRST = "rIdHeaderPage", "rIdHeaderFirst"


@dataclass(frozen=True)
class SectionSpec:
    landscape: bool
    restart: bool  # page numbers start again at 1


@dataclass(frozen=True)
class Column:
    """One column of the appendix table."""

    key: str  # stt, content, forms, units, lead, support, due, quantity, budget, notes
    title: str
    align: str  # w:jc of its cells
    weight: float = 1.0


@dataclass(frozen=True)
class LayoutNote:
    """A fixed line that does not fit its column even at the smallest size the decree allows.

    ``path`` is where the plan writes it (("document", "place")…); ``config_key`` names the
    tt.toml key when the figures of [render.layout] are the cause (margins, sizes)."""

    path: tuple
    message: str
    hint: str
    config_key: str | None = None


_BLANK_MARK = "\x01"


def _unmark(text: str) -> str:
    return text.replace(_BLANK_MARK, T.BLANK)


def balance_lines(text: str, max_mm: float, size: float, style: str) -> list[str]:
    """Break a centred title into the fewest lines that fit, between Vietnamese words, at the
    best phrase boundaries, of about the same width — as a văn thư breaks "Về việc ban hành Kế
    hoạch … năm 2023 / trên địa bàn tỉnh Hà Giang" by hand (:func:`tuyentruyen.vn.linebreak.break_lines`)."""
    from tuyentruyen.vn.linebreak import break_lines

    marked = text.replace(T.BLANK, _BLANK_MARK)  # a draft's blanks ("số      /QĐ") keep their width
    if not marked.split():
        return [_unmark(marked)]
    lines = break_lines(marked, lambda s: metrics.text_width(_unmark(s), size, style), max_mm * TITLE_FIT)
    return [_unmark(line) for line in lines]


def _mm(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def _pt(x: float) -> str:
    return f"{x:g}".replace(".", ",")


class DocxBuilder:
    """Builds the .docx (:class:`tuyentruyen.render.package.Package`) of one plan."""

    def __init__(self, plan, config: Config | None = None, wording: Wording | None = None,
                 templates: tuple[Path, ...] = (), draft: bool = False):
        self.plan = plan
        self.config = config or DEFAULT_CONFIG
        self.L: Layout = self.config.layout
        self.w = wording or Wording(templates)
        self.draft = draft
        self.parts: list[str] = []
        self.sections: list[SectionSpec] = []
        self.notes: list[LayoutNote] = []
        self._headers_named = False
        self.body_ppr = Para(style=P.BODY)
        self.heading_ppr = self.heading_para(2)
        self.text_mm = self.L.text_width_mm
        self._phrase = functools.lru_cache(maxsize=None)(self.w.phrase)

    # ------------------------------------------------------------------ small writers

    @staticmethod
    def heading_para(level: int, keep_next: bool = False) -> Para:
        """The paragraph of a heading of level 1 (I.), 2 (1.) or 3 and deeper (1.1., a)): its named
        style carries the bold (bold italic from level 3), the outline level and keep-with-next."""
        return Para(style=P.HEADINGS[min(level, 3) - 1][0], keep_next=keep_next)

    def _p(self, ppr: Para, runs: str = "") -> None:
        self.parts.append(X.paragraph(ppr.xml(), runs))

    def _text(self, text: str, size: float | None = None, bold: bool = False, italic: bool = False) -> str:
        return X.run(T.clean(text), X.rpr(size, bold, italic))

    def _body(self, text: str, *, bold_prefix: str = "", italic: bool = False, bold: bool = False,
              style: str = P.BODY) -> None:
        """A justified body paragraph (style Body Text, or Căn cứ). A line break written in the plan
        becomes a space: in justified text a forced break stretches the line before it across the page."""
        text = " ".join(T.clean(text).replace(T.LINE_SEP, "\n").split("\n"))
        runs = ""
        if bold_prefix:
            runs += self._text(bold_prefix, None, True, italic)
        runs += self._text(text, None, bold, italic)
        self._p(Para(style=style) if style != P.BODY else self.body_ppr, runs)

    def _rule(self, length_mm: float, within_mm: float, before_pt: float = 0, after_pt: float = 0) -> str:
        """A short solid rule, centred: the top border of an empty paragraph whose indents
        set its length (how văn thư draw it; Word and LibreOffice render it alike)."""
        length_mm = min(length_mm, within_mm)
        side = twips(max(0.0, (within_mm - length_mm) / 2))
        ppr = Para(jc="center", left=side, right=side, before=round(before_pt * PT), after=round(after_pt * PT),
                   line_exact_pt=2, border_top_eighths=self.L.rule_weight_eighths, mark_size=1)
        return X.paragraph(ppr.xml())

    def _centered(self, text: str, size: float, *, bold=False, italic=False, before_pt=0.0, after_pt=0.0,
                  keep_next=False) -> str:
        ppr = Para(jc="center", before=round(before_pt * PT), after=round(after_pt * PT), line=1.0, keep_next=keep_next)
        return X.paragraph(ppr.xml(), self._text(text, size, bold, italic))

    def _end_section(self, spec: SectionSpec) -> None:
        """Close the current section with a tiny paragraph carrying its w:sectPr."""
        ppr = Para(line_exact_pt=1, mark_size=1)
        self.parts.append(X.paragraph(ppr.xml(self._sect_pr(spec))))
        self.sections.append(spec)

    def _sect_pr(self, spec: SectionSpec) -> str:
        """A section's properties; the first section names the page headers (page number; none on
        its first page), the later ones inherit them."""
        L = self.L
        w, h = twips(L.page_width_mm), twips(L.page_height_mm)
        if spec.landscape:
            w, h = h, w
        headers: tuple[tuple[str, str], ...] = ()
        if not self._headers_named:
            headers = (("default", HEADER_PAGE), ("first", HEADER_FIRST))
            self._headers_named = True
        return X.sect_pr(width=w, height=h, landscape=spec.landscape, top=twips(L.margin_top_mm),
                         right=twips(L.margin_right_mm), bottom=twips(L.margin_bottom_mm),
                         left=twips(L.margin_left_mm), header=twips(L.header_distance_mm),
                         restart=spec.restart, title_page=True, headers=headers)

    # ------------------------------------------------------------------ fixed lines

    def fit_size(self, lines: list[str], key: str, style: str, width_mm: float, path: tuple, what: str,
                 hint: str, config_key: str | None = None) -> tuple[float, bool]:
        """The size (from Layout.<key>, stepping down inside RANGES[key]) at which every line fits
        on one line of width_mm, and whether it does; when even the smallest size wraps, a
        LayoutNote says so (located at path, with the figures)."""
        size = getattr(self.L, key)
        lo = RANGES.get(key, (size, size))[0]
        limit = width_mm * FIT
        lines = [x for x in lines if x]
        if not lines:
            return size, True

        def widest(s: float) -> float:
            return max(metrics.text_width(x, s, style) for x in lines)

        while widest(size) > limit and size - SIZE_STEP >= lo - 1e-9:
            size = round(size - SIZE_STEP, 2)
        if widest(size) <= limit:
            return size, True
        line = max(lines, key=lambda x: metrics.text_width(x, size, style))
        self.notes.append(LayoutNote(
            path, f"{what} “{line}” rộng {_mm(metrics.text_width(line, size, style))} mm ở cỡ chữ {_pt(size)} "
                  f"(nhỏ nhất Nghị định 30/2020/NĐ-CP cho phép), không vừa một dòng của cột rộng {_mm(width_mm)} mm: "
                  "dòng này sẽ bị ngắt đôi.", hint, config_key))
        return size, False

    def _layout_key(self, *keys: str) -> str | None:
        """The [render.layout] key of tt.toml among keys that the repository set, if any."""
        written = dict(self.config.layout_overrides)
        return next((f"render.layout.{k}" for k in keys if k in written), "render.layout" if written else None)

    # ------------------------------------------------------------------ shared blocks

    @property
    def doc(self):
        return self.plan.document

    def _number(self) -> str:
        return T.doc_number(None if self.draft else self.doc.number_text, T.clean(self.doc.symbol))

    @property
    def date(self):
        """The date printed (None in a draft: blanks for the e-office system)."""
        return None if self.draft else self.doc.date

    def _issued_by(self) -> str:
        return self.doc.issued_by or self.doc.issuer.name

    def _header_share(self, with_number: bool) -> float:
        """The issuer column's share of the width: Layout.header_left_share, or less (down to the
        range's 0.35) when a line of the right column — Quốc hiệu, Tiêu ngữ, place and date — does
        not fit even at its smallest size, and the issuer's lines still fit in the narrower column."""
        L, doc = self.L, self.doc
        right = [(self._phrase("national_name"), "national_size", "bold"), (self._phrase("motto"), "motto_size", "bold")]
        if with_number:
            date = T.vn_date(self.date, "long", self.plan.plan.year)
            right.append((self._phrase("place_date", T.clean(doc.place), date), "place_date_size", "italic"))
        left = [T.upper(T.clean(x)) for x in doc.issuer.header] if doc.issuer.header else []

        def fits(lines, width: float) -> bool:
            return all(metrics.text_width(t, RANGES[k][0], s) <= width * FIT for t, k, s in lines)

        share = L.header_left_share
        lowest = RANGES["header_left_share"][0]
        while not fits(right, self.text_mm * (1 - share)) and share - 0.01 >= lowest - 1e-9:
            narrower = round(share - 0.01, 2)
            if not fits([(t, "issuer_size", "bold") for t in left], self.text_mm * narrower):
                break
            share = narrower
        return share if fits(right, self.text_mm * (1 - share)) else L.header_left_share

    def _header_block(self, with_number: bool) -> None:
        """The two-column header: issuer | Quốc hiệu, Tiêu ngữ; then Số | địa danh, ngày."""
        L, doc = self.L, self.doc
        total = twips(self.text_mm)
        left_mm = self.text_mm * self._header_share(with_number)
        left, right = twips(left_mm), total - twips(left_mm)
        right_mm = self.text_mm - left_mm
        single = Para(jc="center", line=1.0)
        margins = ("margin_left_mm", "margin_right_mm", "header_left_share")

        lp = []
        if doc.issuer.parent:
            parent_lines = balance_lines(T.upper(T.clean(doc.issuer.parent)), left_mm, L.parent_size, "regular")
            size, _ = self.fit_size(parent_lines, "parent_size", "regular", left_mm, ("document", "issuer", "parent"),
                                    "Tên cơ quan chủ quản", "Viết tên ngắn gọn hơn, hoặc giảm lề (tt.toml "
                                    "[render.layout] margin_left_mm, margin_right_mm).")
            for line in parent_lines:
                lp.append(X.paragraph(single.xml(), self._text(line, size)))
        if doc.issuer.header:
            issuer_lines, where = [T.upper(T.clean(x)) for x in doc.issuer.header], ("document", "issuer", "header")
        else:
            issuer_lines = balance_lines(T.upper(T.clean(doc.issuer.name)), left_mm, L.issuer_size, "bold")
            where = ("document", "issuer", "name")
        size, _ = self.fit_size(issuer_lines, "issuer_size", "bold", left_mm, where, "Tên cơ quan ban hành",
                                "Chia tên thành các dòng ngắn hơn bằng `issuer.header: [dòng 1, dòng 2]`, hoặc tăng "
                                "cột trái (tt.toml [render.layout] header_left_share, đến 0,45).")
        for line in issuer_lines:
            lp.append(X.paragraph(single.xml(), self._text(line, size, bold=True)))
        widest = max(metrics.text_width(x, size, "bold") for x in issuer_lines)
        lp.append(self._rule(widest * L.rule_ratio, left_mm, before_pt=RULE_GAP_PT))

        national = self._phrase("national_name")
        motto = self._phrase("motto")
        config_key = self._layout_key(*margins, "national_size", "motto_size")
        where = ("document",) if config_key is None else ()
        hint = ("Lề trái, lề phải và chia cột của tt.toml [render.layout] làm cột phải quá hẹp: giảm margin_left_mm "
                "(30–35), margin_right_mm (15–20) hoặc header_left_share (0,35–0,45).")
        n_size, _ = self.fit_size([national], "national_size", "bold", right_mm, where, "Quốc hiệu", hint, config_key)
        m_size, _ = self.fit_size([motto], "motto_size", "bold", right_mm, where, "Tiêu ngữ", hint, config_key)
        rp = [X.paragraph(single.xml(), self._text(national, n_size, bold=True)),
              X.paragraph(single.xml(), self._text(motto, m_size, bold=True)),
              self._rule(metrics.text_width(motto, m_size, "bold"), right_mm, before_pt=RULE_GAP_PT)]

        rows = [X.row(X.cell(left, "".join(lp), "top") + X.cell(right, "".join(rp), "top"), cant_split=True)]
        if with_number:
            spaced = Para(jc="center", before=6 * PT, line=1.0)
            number_line = self._phrase("number_line", self._number())
            num_size, _ = self.fit_size([number_line], "number_size", "regular", left_mm, ("document", "number"),
                                        "Dòng số, ký hiệu", "Rút gọn ký hiệu (symbol), hoặc tăng cột trái (tt.toml "
                                        "[render.layout] header_left_share).")
            date = T.vn_date(self.date, "long", self.plan.plan.year)
            place_date = self._phrase("place_date", T.clean(doc.place), date)
            pd_size, _ = self.fit_size([place_date], "place_date_size", "italic", right_mm, ("document", "place"),
                                       "Dòng địa danh, ngày tháng",
                                       "Địa danh là tên đơn vị hành chính cấp tỉnh hoặc xã nơi cơ quan đóng trụ sở; "
                                       "viết gọn hơn (ví dụ 'TP. Hồ Chí Minh'), hoặc giảm lề trong tt.toml "
                                       "[render.layout].")
            rows.append(X.row(
                X.cell(left, X.paragraph(spaced.xml(), self._text(number_line, num_size)), "top")
                + X.cell(right, X.paragraph(spaced.xml(), self._text(place_date, pd_size, italic=True)), "top")))
        self.parts.append(X.table_start([left, right], 0, 0) + "".join(rows) + X.TABLE_END)

    def _title_block(self, type_name: str, title: str, reference: str | None) -> None:
        """Tên loại, trích yếu (balanced lines), an optional italic reference line, the rule."""
        L = self.L
        self.parts.append(self._centered(type_name, L.type_size, bold=True, before_pt=18, keep_next=True))
        lines = balance_lines(T.clean(title), self.text_mm, L.title_size, "bold")
        ppr = Para(jc="center", line=1.0, keep_next=True)
        self._p(ppr, self._text(T.LINE_SEP.join(lines), L.title_size, bold=True))
        widest = max(metrics.text_width(x, L.title_size, "bold") for x in lines)
        if reference:
            ref_lines = balance_lines(reference, self.text_mm, L.title_size, "italic")
            self._p(ppr, self._text(T.LINE_SEP.join(ref_lines), L.title_size, italic=True))
        self.parts.append(self._rule(widest * L.rule_ratio, self.text_mm, before_pt=RULE_GAP_PT, after_pt=12))

    def _citations(self, citations) -> list[str]:
        out = []
        for c in citations:
            s = self.w.render("citation.j2", c=c).strip()
            if s.casefold().startswith("căn cứ "):  # a free-text basis written with its "Căn cứ"
                s = s[len("căn cứ "):]
            out.append(s)
        return out

    def _proposal(self) -> str | None:
        """The proposal line's text: document.proposal (v1.1, both types) or decision.proposal (v1)."""
        decision = self.plan.decision
        return self.doc.proposal or (decision.proposal if decision is not None else None)

    def _bases(self) -> None:
        """Căn cứ (each its own paragraph in the style Căn cứ, italic; ";" but the last "."), then the
        proposal line "Theo đề nghị của …." / "Xét đề nghị của …." (Căn cứ too): the last căn cứ then ends ";"."""
        for line in self.w.lines("bases.j2", bases=self._citations(self.doc.bases), proposal=self._proposal()):
            self._body(line, style=P.BASIS)

    def _signature(self) -> None:
        """Nơi nhận (left) beside the signer block (right), in a borderless table."""
        L, doc = self.L, self.doc
        total = twips(self.text_mm)
        left = twips(self.text_mm * L.recipients_share)
        right = total - left
        tight = Para(jc="left", line=1.0)
        lp = [X.paragraph(tight.xml(), self._text(self._phrase("recipients_label"), L.recipients_label_size,
                                                  bold=True, italic=True))]
        left_mm = self.text_mm * L.recipients_share
        for line in self.w.lines("recipients.j2", recipients=doc.recipients, archive=doc.archive, copies=doc.copies):
            # a recipient too long for the column wraps between words ("Tuyên Quang" stays whole)
            parts = balance_lines(line, left_mm, L.recipients_size, "regular")
            lp.append(X.paragraph(tight.xml(), self._text(T.LINE_SEP.join(parts), L.recipients_size)))
        s = doc.signer
        center = Para(jc="center", line=1.0)
        right_mm = self.text_mm - self.text_mm * L.recipients_share
        # one paragraph per line of the block (TM. …, KT. …, the position), each on one line: the
        # whole block steps down to the size at which its longest line fits; a line that does not fit
        # even then is broken between words inside its own paragraph, never into the next line's
        lines = self.w.lines("signer.j2", authority=s.lines, position=s.position,
                             prefix=s.prefix.value if s.prefix else "", on_behalf=s.on_behalf or "")
        where = ("document", "signer", "authority" if s.authority else "position")
        size, fits = self.fit_size(lines + ([s.name] if s.name else []), "signer_size", "bold", right_mm, where,
                                   "Dòng quyền hạn, chức vụ người ký",
                                   "Viết chức vụ ngắn gọn (tên cơ quan đã có ở phần đầu văn bản), hoặc tăng cột "
                                   "chữ ký (tt.toml [render.layout] recipients_share, đến 0,35).")
        rp = []
        for line in lines:
            parts = [line] if fits else balance_lines(line, right_mm, size, "bold")
            rp.append(X.paragraph(center.xml(), self._text(T.LINE_SEP.join(parts), size, bold=True)))
        empty = Para(jc="center", line=1.0, mark_size=size)
        rp += [X.paragraph(empty.xml()) for _ in range(L.signer_space_lines)]
        rp.append(X.paragraph(center.xml(), self._text(s.name or "", size, bold=True)))
        # the signature never stands alone on a page: the last paragraph goes with it
        if self.parts:
            self.parts[-1] = _keep_with_next(self.parts[-1])
        self.parts.append(self._centered("", L.body_size, after_pt=6, keep_next=True))
        self.parts.append(X.table_start([left, right], 0, 0)
                          + X.row(X.cell(left, "".join(lp), "top") + X.cell(right, "".join(rp), "top"))
                          + X.TABLE_END)

    # ------------------------------------------------------------------ the decision

    def _decision(self) -> None:
        L, plan = self.L, self.plan
        decision = plan.decision
        self._header_block(with_number=True)
        self._title_block(self._phrase("type_name", "quyet-dinh"), self.doc.title, None)
        authority = (decision.authority if decision and decision.authority else self.doc.issuer.name)
        for line in balance_lines(T.upper(T.clean(authority)), self.text_mm, L.authority_size, "bold"):
            self.parts.append(self._centered(line, L.authority_size, bold=True, after_pt=0, keep_next=True))
        self.parts.append(self._centered("", L.body_size, after_pt=0))
        self._bases()
        self.parts.append(self._centered(self._phrase("decides"), L.body_size, bold=True, before_pt=6,
                                         after_pt=6, keep_next=True))
        in_article = self.in_article
        lines = self.w.lines("articles.j2", plan_title=plan.plan_title,
                             effective=decision.effective if decision else None,
                             executors=decision.executors if decision else [],
                             articles=decision.articles if decision else None,
                             layout=decision.layout.value if decision else "attached",
                             title=T.clean(self.doc.title))
        head = re.compile(r"^(Điều\s+\d+\.)\s*")
        for k, line in enumerate(lines):
            m = head.match(line)
            if m:
                self._body(line[m.end():], bold_prefix=m.group(1) + " ")
            else:
                self._body(line)
            if in_article and k == 0:  # the plan approved in Điều 1: its sections follow Điều 1's sentence
                self._sections()
        self._signature()

    @property
    def in_article(self) -> bool:
        """A Quyết định whose Điều 1 holds the plan itself (no separate attached plan)."""
        from tuyentruyen.model import DecisionLayout

        decision = self.plan.decision
        return self.plan.is_decision and decision is not None and decision.layout is DecisionLayout.ARTICLE

    # ------------------------------------------------------------------ the plan

    def _plan(self, attached: bool) -> None:
        plan, body = self.plan, self.plan.plan
        self._header_block(with_number=not attached)
        if attached:
            reference = self.w.render("issued_with.j2", type_word=self._phrase("type_word", "quyet-dinh"),
                                      number=self._number(), date=self.date, year=body.year,
                                      issued_by=self._issued_by(), wording=body.attached_line.value).strip()
            self._title_block(self._phrase("type_name", "ke-hoach"), plan.plan_title, reference)
        else:
            self._title_block(self._phrase("type_name", "ke-hoach"), self.doc.title, None)
            self._bases()
        from tuyentruyen.model import ImplementsLayout

        for line in self.w.lines("plan_intro.j2", implements=self._citations(body.implements), intro=body.intro,
                                 each=body.implements_layout is ImplementsLayout.PARAGRAPHS):
            self._body(line)
        self._sections()
        if body.closing:
            self._body(body.closing)
        if not attached:
            self._signature()

    def _sections(self) -> None:
        for n, section in enumerate(self.plan.plan.sections, 1):
            self._section(section, [n])

    def _heading_mark(self, numbers: list[int]) -> tuple[str, bool]:
        """The number of a heading at depth len(numbers) by plan.numbering, and whether it is a
        Roman level (its heading then in UPPERCASE): "I.", "1.", "1.1.", "a)"."""
        from tuyentruyen.model import Numbering
        from tuyentruyen.model.plan import DEFAULT_NUMBERING

        scheme = self.plan.plan.numbering or DEFAULT_NUMBERING

        def kind(level: int) -> Numbering:
            return scheme[min(level, len(scheme) - 1)]

        level = len(numbers) - 1
        here = kind(level)
        n = numbers[-1]
        if here is Numbering.ROMAN:
            return self._phrase("section_number", n), True
        if here is Numbering.LETTER:
            return self._phrase("item_marker", "letter", n), False
        if here is Numbering.NUMBER:
            return self._phrase("subsection_number", (n,)), False
        chain = [n]  # nested: the numbers of the Arabic levels right above, then this one
        for up in range(level - 1, -1, -1):
            if kind(up) not in (Numbering.NUMBER, Numbering.NESTED):
                break
            chain.insert(0, numbers[up])
            if kind(up) is Numbering.NUMBER:
                break
        return self._phrase("subsection_number", tuple(chain)), False

    def _heading(self, numbers: list[int], heading: str) -> None:
        """I. HEADING (heading 1); 1. Heading (heading 2); 1.1. Heading, a) Heading (heading 3, bold
        italic): the marks of each level as plan.numbering says (default I., 1., 1.1.)."""
        heading = T.clean(heading)
        mark, roman_level = self._heading_mark(numbers)
        text = f"{mark} {T.upper(heading) if roman_level else heading}"
        self._p(self.heading_para(len(numbers)), self._text(text))

    def _section(self, section, numbers: list[int]) -> None:
        self._heading(numbers, section.heading)
        written = self._content(section, with_closing=False)
        for i, sub in enumerate(section.sections, 1):
            self._section(sub, numbers + [i])
        for j, duty in enumerate(section.duties, len(section.sections) + 1):
            self._duty(duty, numbers + [j])
        for line in section.closing:
            self._body(line)
            written.append(line)
        self._due(section.due, written)

    def _duty(self, duty, numbers: list[int]) -> None:
        units = [T.clean(u) for u in duty.unit]
        heading = duty.heading or ("; " if any("," in u for u in units) else ", ").join(units)
        self._heading(numbers, heading)
        written = self._content(duty, with_closing=True)
        self._due(duty.due, written + [heading])

    def _content(self, body, with_closing: bool) -> list[str]:
        """text paragraphs, items (a), b)… or -), and closing; returns what was written."""
        written: list[str] = []
        for line in body.text:
            self._body(line)
            written.append(line)
        marker = body.marker.value
        for k, item in enumerate(body.items, 1):
            text = f"{item.unit}: {item.text}" if item.unit else item.text
            if item.due:
                text = T.with_due(text, item.due, self._phrase("due", item.due))
            mark = self._phrase("item_marker", marker, k)
            self._body(f"{mark} {text}" if mark else text)
            written.append(text)
            bullet = self._phrase("bullet_marker", marker)
            for b in item.bullets:
                self._body(f"{bullet} {b}")
                written.append(b)
        if with_closing:
            for line in body.closing:
                self._body(line)
                written.append(line)
        return written

    def _due(self, due: str | None, written: list[str]) -> None:
        if due and not any(T.mentions(x, due) for x in written):
            self._body(T.strip_end(self._phrase("due", due)) + ".")

    # ------------------------------------------------------------------ the appendix

    def _appendix(self, appendix, number: int, count: int, path: tuple = ("appendix",)) -> None:
        """One appendix: its heading (PHỤ LỤC; Phụ lục I, II… when there are several), title,
        "(Kèm theo …)" line naming the signed document, and its table."""
        L = self.L
        width_mm = L.landscape_text_width_mm if L.appendix_landscape else self.text_mm
        heading = appendix.heading or self._phrase("appendix_heading", number, count)
        self.parts.append(self._centered(T.clean(heading), L.appendix_heading_size, bold=True,
                                         keep_next=True))
        title = T.upper(T.clean(appendix.title))
        lines = balance_lines(title, width_mm, L.appendix_title_size, "bold")
        ppr = Para(jc="center", line=1.0, keep_next=True)
        self._p(ppr, self._text(T.LINE_SEP.join(lines), L.appendix_title_size, bold=True))
        reference = self.w.render("attached_to.j2", type_word=self._phrase("type_word", self.doc.type.value),
                                  number=self._number(), date=self.date, year=self.plan.plan.year,
                                  issued_by=self._issued_by()).strip()
        ref_lines = balance_lines(reference, width_mm, L.appendix_title_size, "italic")
        self._p(ppr, self._text(T.LINE_SEP.join(ref_lines), L.appendix_title_size, italic=True))
        widest = max(metrics.text_width(x, L.appendix_title_size, "bold") for x in lines)
        self.parts.append(self._rule(widest * L.rule_ratio, width_mm, before_pt=RULE_GAP_PT, after_pt=12))
        AppendixTable(self, appendix, width_mm).write()

    # ------------------------------------------------------------------ the whole

    def body_xml(self) -> str:
        plan = self.plan
        if plan.is_decision:
            self._decision()
            current = SectionSpec(landscape=False, restart=False)
            if not self.in_article:
                self._end_section(current)
                self._plan(attached=True)
                current = SectionSpec(landscape=False, restart=True)
        else:
            self._plan(attached=False)
            current = SectionSpec(landscape=False, restart=False)
        appendices = plan.all_appendices()
        for k, (path, appendix) in enumerate(appendices, 1):  # each in a section numbered from 1
            self._end_section(current)
            self._appendix(appendix, k, len(appendices), path)
            current = SectionSpec(landscape=self.L.appendix_landscape, restart=True)
        self.sections.append(current)
        return "".join(self.parts) + self._sect_pr(current)

    def styles(self) -> P.Styles:
        L = self.L
        return P.Styles(font=L.font, body_size=L.body_size, first_line=twips(L.first_line_indent_mm),
                        after=round(L.paragraph_after_pt * PT), line=L.line_spacing, table_size=L.table_size,
                        table_size_wide=L.table_size_wide, page_number_size=L.page_number_size)

    def build(self) -> P.Package:
        """The .docx package (save it with ``.save(path_or_stream)``)."""
        body = _end_with_paragraph(self.body_xml())
        page = X.paragraph(Para(style=P.HEADER).xml(), X.page_field(""))
        first = X.paragraph(Para(style=P.HEADER).xml())
        core = {"title": T.clean(self.plan.plan_title)[:250], "subject": T.clean(self.doc.title)[:250],
                "creator": T.clean(self.doc.issuer.name)[:250], "last_modified_by": "tt", "language": "vi-VN",
                "description": "Xuất bằng tt (tuyentruyen) theo thể thức Nghị định 30/2020/NĐ-CP."}
        return P.Package(document=body, styles=P.styles_xml(self.styles()),
                         headers={HEADER_PAGE: P.header_xml(page), HEADER_FIRST: P.header_xml(first)},
                         core=core, font=self.L.font)


def _keep_with_next(paragraph: str) -> str:
    """The paragraph (XML) kept on the page of the next block: keepNext and keepLines after its
    w:pStyle (the schema's order); a table or a paragraph that already has them is returned as is."""
    if not paragraph.startswith("<w:p>") or "<w:keepNext/>" in paragraph[:120]:
        return paragraph
    if paragraph.startswith("<w:p><w:pPr><w:pStyle "):
        end = paragraph.index("/>", len("<w:p><w:pPr>")) + 2
        return paragraph[:end] + "<w:keepNext/><w:keepLines/>" + paragraph[end:]
    if paragraph.startswith("<w:p><w:pPr>"):
        return paragraph.replace("<w:pPr>", "<w:pPr><w:keepNext/><w:keepLines/>", 1)
    return paragraph.replace("<w:p>", "<w:p><w:pPr><w:keepNext/><w:keepLines/></w:pPr>", 1)


def _end_with_paragraph(body: str) -> str:
    """The body with an empty paragraph (1 pt high) before its final w:sectPr: a document that
    ends with a table is one Word repairs."""
    at = body.rfind("<w:sectPr>")
    tail = X.paragraph(Para(line_exact_pt=1, mark_size=1).xml())
    return body[:at] + tail + body[at:] if at >= 0 else body + tail


class AppendixTable:
    """The task table: header row(s) repeated on each page, group rows I, II… across the row and
    kept with their first task, widths fitted to the content; a row taller than
    Layout.row_split_share of the page may break across pages (the others never do). The
    columns quantity, budget, notes and forms are printed when at least
    Layout.optional_column_share of the tasks fill them; otherwise what a few tasks write there
    goes into their content cell ("(01 lớp, 40 người)", "Kinh phí: …")."""

    FOLDABLE = ("forms", "quantity", "budget", "notes")

    def __init__(self, builder: DocxBuilder, appendix, width_mm: float):
        self.b = builder
        self.L = builder.L
        self.width_mm = width_mm
        self.appendix = appendix
        self.tasks = [t for _gi, _ti, _g, t in self.appendix.iter_tasks()]
        self.folded = self._folded()
        self.columns = self._columns()
        wide = len(self.columns) > self.L.wide_table_columns
        self.size = self.L.table_size_wide if wide else self.L.table_size
        self.style = P.TABLE_WIDE if wide else P.TABLE
        w = builder.w
        per_line = self.L.units_one_per_line
        self._list_cell = functools.lru_cache(maxsize=4096)(
            lambda items: w.lines("cell_list.j2", items=list(items)))
        self._units_cell = functools.lru_cache(maxsize=4096)(
            lambda lead, support: w.lines("task_units.j2", lead=list(lead), support=list(support),
                                          one_per_line=per_line))
        self._fold = functools.lru_cache(maxsize=4096)(lambda key, value: builder._phrase("in_content", key, value))

    def _folded(self) -> set[str]:
        """The optional fields too few tasks fill to have a column of their own."""
        n = len(self.tasks)
        share = self.L.optional_column_share
        out = set()
        for key in self.FOLDABLE:
            filled = sum(1 for t in self.tasks if getattr(t, key))
            if filled and filled < share * n:
                out.add(key)
        return out

    def _has(self, key: str) -> bool:
        return key not in self.folded and any(getattr(t, key) for t in self.tasks)

    def _columns(self) -> list[Column]:
        ph = self.b._phrase
        units = self.b.config.unit_columns
        has_forms = self._has("forms")
        if units == "auto":
            units = "combined" if has_forms else "separate"
        cols = [Column("stt", ph("column", "stt"), "center"),
                Column("content", ph("column", "content"), "left", self.L.content_weight)]
        if has_forms:
            cols.append(Column("forms", ph("column", "forms"), "left"))
        if units == "combined":
            cols.append(Column("units", ph("column", "units"), "left"))
        elif units == "two-level":
            cols += [Column("lead", ph("column", "lead_short"), "left"),
                     Column("support", ph("column", "support_short"), "left")]
        else:
            cols += [Column("lead", ph("column", "lead"), "left"), Column("support", ph("column", "support"), "left")]
        cols.append(Column("due", ph("column", "due"), "center"))
        for key, align in (("quantity", "center"), ("budget", "center"), ("notes", "left")):
            if self._has(key):
                cols.append(Column(key, ph("column", key), align))
        return cols

    @property
    def two_level(self) -> bool:
        return self.b.config.unit_columns == "two-level"

    def _content(self, task) -> list[str]:
        """The content cell: the content, and what a task writes in a field without its own column."""
        clean = T.clean
        text = clean(task.content)
        extra: list[str] = []
        for key in self.FOLDABLE:
            if key not in self.folded:
                continue
            value = getattr(task, key)
            if not value:
                continue
            if key == "forms":
                value = "; ".join(T.strip_end(clean(x)) for x in value)
            else:
                value = clean(value)
            if key == "quantity":
                if not T.mentions(text, value):
                    text = f"{T.strip_end(text)} {self._fold(key, value)}"
                    if task.content.rstrip().endswith("."):
                        text += "."
            elif not T.mentions(text, value):
                extra.append(self._fold(key, T.strip_end(value)) + ".")
        return [text, *extra]

    def _cells(self, task) -> list[list[str]]:
        """The paragraphs of each cell of a task row (the STT cell is filled in later)."""
        out: list[list[str]] = []
        clean = T.clean
        for col in self.columns:
            key = col.key
            if key == "stt":
                out.append([])
            elif key == "content":
                out.append(self._content(task) if self.folded else [clean(task.content)])
            elif key == "forms":
                out.append(self._list_cell(tuple(clean(x) for x in task.forms)) if task.forms else [])
            elif key == "units":
                lead, support = tuple(clean(x) for x in task.lead), tuple(clean(x) for x in task.support)
                out.append(self._units_cell(lead, support) if (lead or support) else [])
            elif key in ("lead", "support"):
                items = getattr(task, key)
                out.append(self._list_cell(tuple(clean(x) for x in items)) if items else [])
            else:
                value = getattr(task, key)
                out.append([clean(value)] if value else [])
        return out

    SHORT = ("due", "quantity", "budget")  # columns of a few words: sized to their typical entry
    SAMPLE_ROWS = 80  # rows the width search looks at (evenly spread over the table)

    def _widths(self, rows: list[list[list[str]]], numbers: list[str]) -> list[int]:
        """Column widths that fit the content, the way a văn thư sizes them by eye.

        1. Every column is at least as wide as its longest word (and the STT column as its
           widest number).
        2. A short column (time, quantity, budget) starts as wide as its typical entry (the
           median: one long time wraps rather than widening the column for every row); the
           text columns share the rest in proportion to how much text they hold, the
           content column weighing most.
        3. Then width moves between columns, a few millimetres at a time, while that makes
           the table shorter (fewer lines in total, each row as tall as its tallest cell),
           judged on an even sample of rows: a long list of units gets the width it needs,
           a short one gives it up.

        Linear in the number of cells; the search itself looks at a bounded sample.
        """
        L, size = self.L, self.size
        pad = 2 * L.table_cell_margin_mm + 0.5
        n = len(self.columns)
        total = self.width_mm
        lo = [metrics.longest_word_width(col.title, size, "bold") for col in self.columns]
        natural: list[list[float]] = [[] for _ in range(n)]
        volume = [0.0] * n
        text_width, estimate = metrics.text_width, metrics.estimate_width
        step = max(1, len(rows) // self.SAMPLE_ROWS)
        sample: list[list[list[float]]] = []  # per sampled row, per column: its line widths
        # the longest words of each column by characters (measured once at the end: the widest of
        # them is the column's least width); exact widths on the sampled rows, estimates elsewhere
        longest: list[dict[str, None]] = [{} for _ in range(n)]
        longest_len = [0] * n
        for r, cells in enumerate(rows):
            take = r % step == 0 and len(sample) < self.SAMPLE_ROWS
            widths_row: list[list[float]] = [[] for _ in range(n)]
            for i in range(1, n):
                widest = 0.0
                for line in cells[i]:
                    if take:
                        w = text_width(line, size) if len(line) <= 60 else estimate(len(line), size)
                        widths_row[i].append(w)
                        if w > widest:
                            widest = w
                    else:
                        w = estimate(len(line), size)
                    volume[i] += w
                    word = max(line.split(), key=len, default="")
                    if len(word) >= longest_len[i] - 2 and word:
                        longest[i][word] = None
                        if len(word) > longest_len[i]:
                            longest_len[i] = len(word)
                if widest:
                    natural[i].append(widest)
            if take:
                sample.append(widths_row)
        for i in range(1, n):
            for word in longest[i]:
                if len(word) >= longest_len[i] - 2:
                    lo[i] = max(lo[i], text_width(word, size))
        lo[0] = max([text_width(x, size, "bold") for x in numbers] + [lo[0]])
        # a word longer than a fair share of the table (a web address) is broken, not obeyed
        cap = total / max(2, n - 1)
        lo = [min(x, cap) + pad for x in lo]
        floor = 0.08 * total  # no text column narrower than this, whatever the search finds
        for i, col in enumerate(self.columns):
            if col.key != "stt" and col.key not in self.SHORT:
                lo[i] = max(lo[i], min(floor, cap))
        if sum(lo) >= total:  # even the longest words do not fit: shrink in proportion
            widths = [x * total / sum(lo) for x in lo]
            return self._to_twips(widths, total)

        # 2. the starting point; a short column never gets narrower than its typical entry
        for i, col in enumerate(self.columns):
            if col.key in self.SHORT and natural[i]:
                values = sorted(natural[i])
                lo[i] = min(max(lo[i], values[len(values) // 2] + pad), max(lo[i], 0.2 * total))
        if sum(lo) >= total:
            widths = [x * total / sum(lo) for x in lo]
            return self._to_twips(widths, total)
        widths = list(lo)
        text_cols = [i for i, c in enumerate(self.columns) if c.key != "stt" and c.key not in self.SHORT]
        spare = total - sum(widths)
        shares = [self.columns[i].weight * max(volume[i], 1.0) for i in text_cols]
        for i, share in zip(text_cols, shares):
            widths[i] += spare * share / sum(shares)

        # 3. the search: move width where it makes the table shortest
        movable = [i for i in range(1, n)]
        cache: dict[tuple[int, float], list[int]] = {}

        def heights(i: int, w: float) -> list[int]:
            key = (i, round(w, 2))
            got = cache.get(key)
            if got is None:
                usable = max(w - pad, 1.0)
                got = [sum(max(1, -(-lw // usable)) for lw in row[i]) if row[i] else 0 for row in sample]
                cache[key] = got
            return got

        def table_height(ws: list[float]) -> float:
            # each row is as tall as its tallest cell; the lines of the other cells count a
            # little too, so no column is squeezed to a word a line when the row would not grow
            cols = [heights(i, ws[i]) for i in movable]
            if not cols or not sample:
                return 0.0
            return sum(max(hs) + 0.2 * sum(hs) for hs in zip(*cols))

        best = table_height(widths)
        for move in (12.0, 6.0, 3.0, 1.5):
            for _ in range(100):
                found = None
                for a in movable:
                    if widths[a] - move < lo[a]:
                        continue
                    for b in movable:
                        if a == b:
                            continue
                        trial = list(widths)
                        trial[a] -= move
                        trial[b] += move
                        h = table_height(trial)
                        if h < best - 1e-9 and (found is None or h < found[0]):
                            found = (h, trial)
                if found is None:
                    break
                best, widths = found
        return self._to_twips(widths, total)

    @staticmethod
    def _to_twips(widths: list[float], total: float) -> list[int]:
        tw = [twips(x) for x in widths]
        tw[-1] += twips(total) - sum(tw)
        return tw

    def _header_rows(self, widths: list[int], margin: float) -> str:
        """The header row (two rows with "Cơ quan thực hiện" over "Chủ trì | Phối hợp"), each title
        broken between words to fit its column, repeated on every page."""
        ph, cols = self.b._phrase, self.columns
        ppr = Para(style=P.TABLE_HEAD).xml()

        def title_cell(width: int, title: str, span: int = 1, vmerge: str | None = None) -> str:
            usable = width / 56.7 - 2 * margin  # twips → mm, inside the cell margins
            lines = balance_lines(title, max(usable, 5.0) / TITLE_FIT * 0.98, self.size, "bold")
            return X.cell(width, X.paragraph(ppr, X.run(T.LINE_SEP.join(lines))), "center", span, vmerge)

        if not self.two_level:
            return X.row("".join(title_cell(widths[i], c.title) for i, c in enumerate(cols)), header=True)
        top, bottom = [], []
        i = 0
        while i < len(cols):
            if cols[i].key == "lead" and i + 1 < len(cols) and cols[i + 1].key == "support":
                top.append(title_cell(widths[i] + widths[i + 1], ph("column", "units_group"), 2))
                bottom.append(title_cell(widths[i], cols[i].title) + title_cell(widths[i + 1], cols[i + 1].title))
                i += 2
                continue
            top.append(title_cell(widths[i], cols[i].title, vmerge="restart"))
            bottom.append(X.cell(widths[i], X.paragraph(ppr), "center", vmerge="continue"))
            i += 1
        return X.row("".join(top), header=True) + X.row("".join(bottom), header=True)

    def write(self) -> None:
        b, L, size = self.b, self.L, self.size
        appendix = self.appendix
        ph = b._phrase
        style = self.style
        pprs = {a: Para(style=style, jc=a).xml() for a in ("left", "center", "both")}
        keep = {a: Para(style=style, jc=a, keep_next=True).xml() for a in ("center", "both")}
        bold = X.rpr(None, bold=True)

        # every row as data first (to size the columns), then the XML in one pass
        entries: list[tuple] = []  # ("group", number, title) | ("task", number, cells)
        numbers: list[str] = []
        groups = appendix.groups if appendix.groups is not None else [None]
        for gi, group in enumerate(groups):
            if group is not None:
                roman = ph("group_number", gi + 1)
                numbers.append(roman)
                entries.append(("group", roman, T.clean(group.title)))
                tasks = group.tasks
            else:
                tasks = appendix.tasks or []
            for ti, task in enumerate(tasks, 1):
                number = ph("row_number", ti, bool(appendix.padded))
                numbers.append(number)
                entries.append(("task", number, self._cells(task)))
        widths = self._widths([e[2] for e in entries if e[0] == "task"], numbers)
        ncols = len(self.columns)
        margin = twips(L.table_cell_margin_mm)
        page_mm = (L.page_width_mm if L.appendix_landscape else L.page_height_mm) - L.margin_top_mm - L.margin_bottom_mm
        split_mm = L.row_split_share * page_mm
        line_mm = size * metrics.MM_PER_PT * 1.2
        pad_lines = 2 * 2 / (size * 1.2)  # the 2 pt before and after each paragraph, in lines
        aligns = [c.align for c in self.columns]
        col_mm = [max(w / 56.7 - 2 * L.table_cell_margin_mm, 5.0) for w in widths]
        run = X.run
        mk_cell = X.cell
        estimate = metrics.estimate_width

        out = [X.table_start(widths, L.table_border_eighths, margin), self._header_rows(widths, L.table_cell_margin_mm)]
        for entry in entries:
            if entry[0] == "group":
                _kind, roman, title = entry
                # a group row is kept with the first task under it
                cells = (mk_cell(widths[0], X.paragraph(keep["center"], run(roman, bold)))
                         + mk_cell(sum(widths[1:]), X.paragraph(keep["both"], run(title, bold)), span=ncols - 1))
                out.append(X.row(cells))
                continue
            _kind, number, cells_text = entry
            cells_text[0] = [number]
            xml_cells = []
            tallest = 0.0
            for i in range(ncols):
                paras = cells_text[i]
                ppr = pprs[aligns[i]]
                xml_cells.append(mk_cell(widths[i], "".join(X.paragraph(ppr, run(p)) for p in paras)))
                if paras:
                    lines = sum(pad_lines + max(1, -(-estimate(len(p), size) // col_mm[i])) for p in paras)
                    if lines > tallest:
                        tallest = lines
            # a tall row may break across pages: kept whole it would leave the rest of a page empty
            out.append(X.row("".join(xml_cells), cant_split=tallest * line_mm < split_mm))
        out.append(X.TABLE_END)
        b.parts.append("".join(out))


# ---------------------------------------------------------------------- the public functions


@functools.lru_cache(maxsize=8)
def _wording(templates: tuple[Path, ...]) -> Wording:
    """One template environment for every plan of a run (templates are compiled once)."""
    return Wording(templates)


def build_document(plan, config: Config | None = None, project_root: Path | None = None, *, draft: bool = False,
                   notes: list | None = None) -> P.Package:
    """The .docx package of a plan, with the repository's layout and templates. notes, when given,
    receives the LayoutNote of every fixed line that does not fit."""
    config = config or DEFAULT_CONFIG
    templates = config.template_folders(project_root)
    builder = DocxBuilder(plan, config, _wording(templates), templates, draft=draft)
    package = builder.build()
    if notes is not None:
        notes.extend(builder.notes)
    return package


def render_docx(plan, target: str | Path, config: Config | None = None, project_root: Path | None = None,
                protect: tuple[Path, ...] = (), *, draft: bool = False, notes: list | None = None) -> Path:
    """Write the .docx of a plan to target, atomically (a temporary file moved into place)."""
    from tuyentruyen.project.files import atomic_path

    document = build_document(plan, config, project_root, draft=draft, notes=notes)
    target = Path(target)
    with atomic_path(target, protect=protect) as tmp:
        document.save(str(tmp))
    return target


def render_bytes(plan, config: Config | None = None, project_root: Path | None = None, *,
                 draft: bool = False) -> bytes:
    """The .docx of a plan as bytes (for the library API: a web form, a bot)."""
    return build_document(plan, config, project_root, draft=draft).to_bytes()


def layout_problems(notes: list[LayoutNote], loaded, config: Config | None = None) -> list:
    """The notes as located warnings (TT-E011): at the plan's key, or at the tt.toml key whose
    figures make the line too wide."""
    from tuyentruyen.loading.source import display_name
    from tuyentruyen.problems import Problem, Severity

    out = []
    for note in notes:
        if note.config_key and config is not None and config.path is not None:
            key = note.config_key
            line = config.line_of(key) if key in dict(config.lines) else config.line_of(key.rsplit(".", 1)[0])
            where = (display_name(config.path), line, 1)
        elif loaded is not None and loaded.yaml is not None:
            pos = loaded.yaml.locate(note.path, key=True)
            where = (loaded.display, pos.line, pos.col)
        else:
            where = (getattr(loaded, "display", "tt"), 1, 1)
        out.append(Problem(LAYOUT_CODE, note.message, where[0], where[1], where[2], Severity.WARNING,
                           hint=note.hint, path=note.path))
    return out
