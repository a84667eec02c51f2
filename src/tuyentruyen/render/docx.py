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
wording comes from the templates (:mod:`wording`); the figures from :mod:`layout`. The
body is written as one XML string (:mod:`ooxml`) and parsed once, so the appendix is built
in linear time.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from tuyentruyen.render import metrics
from tuyentruyen.render import ooxml as X
from tuyentruyen.render import text as T
from tuyentruyen.project.config import DEFAULT as DEFAULT_CONFIG
from tuyentruyen.project.config import Config
from tuyentruyen.render.layout import Layout, twips
from tuyentruyen.render.ooxml import Para
from tuyentruyen.render.wording import Wording

PT = 20  # twips per point
RULE_GAP_PT = 4  # between a line of text and the short rule under it


@dataclass(frozen=True)
class _SectionSpec:
    landscape: bool
    restart: bool  # page numbers start again at 1


@dataclass(frozen=True)
class Column:
    """One column of the appendix table."""

    key: str  # stt, content, forms, units, lead, support, due, quantity, budget, notes
    title: str
    align: str  # w:jc of its cells
    weight: float = 1.0


# words a line break must not separate: a date, a number with its "số"
_GLUE = re.compile(r"ngày(?: \S+ |\x01)tháng(?: \S+ |\x01)năm \S+|(?<!\S)số \S+", re.IGNORECASE)
_GLUE_MARK = "\x00"
_BLANK_MARK = "\x01"


def _unmark(text: str) -> str:
    return text.replace(_GLUE_MARK, " ").replace(_BLANK_MARK, T.BLANK)


def balance_lines(text: str, max_mm: float, size: float, style: str) -> list[str]:
    """Break a centred title into the fewest lines that fit, all of about the same width,
    as a văn thư breaks "Về việc ban hành Kế hoạch … / trên địa bàn tỉnh …" by hand."""
    text = text.replace(T.BLANK, _BLANK_MARK)  # a draft's blanks ("số      /QĐ") keep their width
    glued = _GLUE.sub(lambda m: m.group(0).replace(" ", _GLUE_MARK), " ".join(text.split()))
    words = glued.split(" ")
    if not words or not glued:
        return [_unmark(text)]
    limit = max_mm * 0.96  # leave room for the difference between estimate and the real font
    if metrics.text_width(_unmark(text), size, style) <= limit:
        return [_unmark(" ".join(text.split()))]
    widths = [metrics.text_width(_unmark(w), size, style) for w in words]
    space = metrics.text_width(" ", size, style)

    def fill(width: float) -> list[list[str]]:
        lines: list[list[str]] = [[]]
        used = 0.0
        for word, w in zip(words, widths):
            if lines[-1] and used + space + w > width:
                lines.append([])
                used = 0.0
            used += (space if lines[-1] else 0) + w
            lines[-1].append(word)
        return lines

    count = len(fill(limit))
    lo, hi = max(widths), limit
    for _ in range(24):  # the narrowest width that still needs no more lines
        mid = (lo + hi) / 2
        if len(fill(mid)) <= count:
            hi = mid
        else:
            lo = mid
    return [_unmark(" ".join(line)) for line in fill(hi)]


class DocxBuilder:
    """Builds the python-docx Document of one plan."""

    def __init__(self, plan, config: Config | None = None, wording: Wording | None = None,
                 templates: tuple[Path, ...] = ()):
        self.plan = plan
        self.config = config or DEFAULT_CONFIG
        self.L: Layout = self.config.layout
        self.w = wording or Wording(templates)
        self.parts: list[str] = []
        self.sections: list[_SectionSpec] = []
        L = self.L
        self.body_ppr = Para(jc="both", first_line=twips(L.first_line_indent_mm), after=round(L.paragraph_after_pt * PT),
                             line=L.line_spacing)
        self.heading_ppr = Para(jc="both", first_line=twips(L.first_line_indent_mm),
                                after=round(L.paragraph_after_pt * PT), line=L.line_spacing, keep_next=True)
        self.text_mm = L.text_width_mm
        self._phrase = functools.lru_cache(maxsize=None)(self.w.phrase)

    # ------------------------------------------------------------------ small writers

    def _p(self, ppr: Para, runs: str = "") -> None:
        self.parts.append(X.paragraph(ppr.xml(), runs))

    def _text(self, text: str, size: float | None = None, bold: bool = False, italic: bool = False) -> str:
        return X.run(T.clean(text), X.rpr(size, bold, italic))

    def _body(self, text: str, *, bold_prefix: str = "", italic: bool = False, bold: bool = False) -> None:
        """A justified body paragraph. A line break written in the plan becomes a space: in
        justified text a forced break stretches the line before it across the page."""
        text = " ".join(T.clean(text).replace(T.LINE_SEP, "\n").split("\n"))
        runs = ""
        if bold_prefix:
            runs += self._text(bold_prefix, None, True, italic)
        runs += self._text(text, None, bold, italic)
        self._p(self.body_ppr, runs)

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

    def _end_section(self, spec: _SectionSpec) -> None:
        """Close the current section with a tiny paragraph carrying its w:sectPr."""
        ppr = Para(line_exact_pt=1, mark_size=1)
        self.parts.append(X.paragraph(ppr.xml(self._sect_pr(spec))))
        self.sections.append(spec)

    def _sect_pr(self, spec: _SectionSpec) -> str:
        L = self.L
        w, h = twips(L.page_width_mm), twips(L.page_height_mm)
        if spec.landscape:
            w, h = h, w
        return X.sect_pr(width=w, height=h, landscape=spec.landscape, top=twips(L.margin_top_mm),
                         right=twips(L.margin_right_mm), bottom=twips(L.margin_bottom_mm),
                         left=twips(L.margin_left_mm), header=twips(L.header_distance_mm),
                         restart=spec.restart, title_page=True)

    # ------------------------------------------------------------------ shared blocks

    @property
    def doc(self):
        return self.plan.document

    def _number(self) -> str:
        return T.doc_number(self.doc.number_text, T.clean(self.doc.symbol))

    def _issued_by(self) -> str:
        return self.doc.issued_by or self.doc.issuer.name

    def _header_block(self, with_number: bool) -> None:
        """The two-column header: issuer | Quốc hiệu, Tiêu ngữ; then Số | địa danh, ngày."""
        L, doc = self.L, self.doc
        total = twips(self.text_mm)
        left_mm = self.text_mm * L.header_left_share
        left, right = twips(left_mm), total - twips(left_mm)
        right_mm = self.text_mm - left_mm
        single = Para(jc="center", line=1.0)

        issuer_lines = [T.upper(T.clean(x)) for x in doc.issuer.header] if doc.issuer.header else \
            balance_lines(T.upper(T.clean(doc.issuer.name)), left_mm, L.issuer_size, "bold")
        lp = []
        if doc.issuer.parent:
            for line in balance_lines(T.upper(T.clean(doc.issuer.parent)), left_mm, L.parent_size, "regular"):
                lp.append(X.paragraph(single.xml(), self._text(line, L.parent_size)))
        for line in issuer_lines:
            lp.append(X.paragraph(single.xml(), self._text(line, L.issuer_size, bold=True)))
        widest = max(metrics.text_width(x, L.issuer_size, "bold") for x in issuer_lines)
        lp.append(self._rule(widest * L.rule_ratio, left_mm, before_pt=RULE_GAP_PT))

        national = self._phrase("national_name")
        motto = self._phrase("motto")
        rp = [X.paragraph(single.xml(), self._text(national, L.national_size, bold=True)),
              X.paragraph(single.xml(), self._text(motto, L.motto_size, bold=True)),
              self._rule(metrics.text_width(motto, L.motto_size, "bold"), right_mm, before_pt=RULE_GAP_PT)]

        rows = [X.row(X.cell(left, "".join(lp), "top") + X.cell(right, "".join(rp), "top"), cant_split=True)]
        if with_number:
            spaced = Para(jc="center", before=6 * PT, line=1.0)
            date = T.vn_date(doc.date, "long", self.plan.plan.year)
            rows.append(X.row(
                X.cell(left, X.paragraph(spaced.xml(), self._text(self._phrase("number_line", self._number()),
                                                                  L.number_size)), "top")
                + X.cell(right, X.paragraph(spaced.xml(), self._text(
                    self._phrase("place_date", T.clean(doc.place), date), L.place_date_size, italic=True)), "top")))
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
        """Căn cứ (each its own italic paragraph, ";" but the last "."), then the proposal line
        "Theo đề nghị của …." / "Xét đề nghị của …." (italic): the last căn cứ then ends ";"."""
        for line in self.w.lines("bases.j2", bases=self._citations(self.doc.bases), proposal=self._proposal()):
            self._body(line, italic=True)

    def _signature(self) -> None:
        """Nơi nhận (left) beside the signer block (right), in a borderless table."""
        L, doc = self.L, self.doc
        total = twips(self.text_mm)
        left = twips(self.text_mm * L.recipients_share)
        right = total - left
        tight = Para(jc="left", line=1.0)
        lp = [X.paragraph(tight.xml(), self._text(self._phrase("recipients_label"), L.recipients_label_size,
                                                  bold=True, italic=True))]
        for line in self.w.lines("recipients.j2", recipients=doc.recipients, archive=doc.archive, copies=doc.copies):
            lp.append(X.paragraph(tight.xml(), self._text(line, L.recipients_size)))
        s = doc.signer
        center = Para(jc="center", line=1.0)
        right_mm = self.text_mm - self.text_mm * L.recipients_share
        rp = []
        # one paragraph per line of the block (TM. …, KT. …, the position): a line too long for the
        # column is broken where it balances, inside its paragraph, never into the next line's
        for line in self.w.lines("signer.j2", authority=s.lines, position=s.position,
                                 prefix=s.prefix.value if s.prefix else "", on_behalf=s.on_behalf or ""):
            parts = balance_lines(line, right_mm, L.signer_size, "bold")
            rp.append(X.paragraph(center.xml(), self._text(T.LINE_SEP.join(parts), L.signer_size, bold=True)))
        empty = Para(jc="center", line=1.0, mark_size=L.signer_size)
        rp += [X.paragraph(empty.xml()) for _ in range(L.signer_space_lines)]
        rp.append(X.paragraph(center.xml(), self._text(s.name or "", L.signer_size, bold=True)))
        # the signature never stands alone on a page: the last paragraph goes with it
        last = self.parts[-1] if self.parts else ""
        if last.startswith("<w:p><w:pPr>") and "<w:keepNext/>" not in last[:40]:
            self.parts[-1] = last.replace("<w:pPr>", "<w:pPr><w:keepNext/><w:keepLines/>", 1)
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
                                      number=self._number(), date=self.doc.date, year=body.year,
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
        """I. HEADING (uppercase, bold); 1. Heading (bold); 1.1. Heading (bold italic); the marks
        of each level as plan.numbering says (default I., 1., 1.1.)."""
        heading = T.clean(heading)
        mark, roman_level = self._heading_mark(numbers)
        text = f"{mark} {T.upper(heading) if roman_level else heading}"
        self._p(self.heading_ppr, self._text(text, None, True, len(numbers) > 2))

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

    def _appendix(self, appendix, number: int, count: int) -> None:
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
                                  number=self._number(), date=self.doc.date, year=self.plan.plan.year,
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
            current = _SectionSpec(landscape=False, restart=False)
            if not self.in_article:
                self._end_section(current)
                self._plan(attached=True)
                current = _SectionSpec(landscape=False, restart=True)
        else:
            self._plan(attached=False)
            current = _SectionSpec(landscape=False, restart=False)
        appendices = plan.all_appendices()
        for k, (_path, appendix) in enumerate(appendices, 1):  # each in a section numbered from 1
            self._end_section(current)
            self._appendix(appendix, k, len(appendices))
            current = _SectionSpec(landscape=self.L.appendix_landscape, restart=True)
        self.sections.append(current)
        return "".join(self.parts) + self._sect_pr(current)

    def build(self):
        """The python-docx Document."""
        import docx
        from docx.document import Document
        from docx.oxml.parser import element_class_lookup
        from lxml import etree

        template = docx.Document()  # python-docx's package: styles, settings, theme…
        _set_defaults(template, self.L)
        body_xml = self.body_xml()
        # One parse of the whole document.xml, with python-docx's element classes (its
        # sections API needs them) and without libxml2's size limits. Moving a large body
        # into the template's tree instead costs seconds (lxml reconciles every node).
        parser = etree.XMLParser(resolve_entities=False, huge_tree=True)
        parser.set_element_class_lookup(element_class_lookup)
        root = etree.fromstring(
            f'<w:document xmlns:w="{X.W_NS}" xmlns:r="{X.R_NS}"><w:body>{body_xml}</w:body></w:document>'
            .encode("utf-8"), parser)
        part = template.part
        part._element = root
        document = Document(root, part)
        _page_numbers(document, self.L)
        props = document.core_properties
        props.title = T.clean(self.plan.plan_title)[:250]
        props.subject = T.clean(self.doc.title)[:250]
        props.author = T.clean(self.doc.issuer.name)[:250]
        props.last_modified_by = "tt"
        props.language = "vi-VN"
        props.comments = "Xuất bằng tt (tuyentruyen) theo thể thức Nghị định 30/2020/NĐ-CP."
        return document


class AppendixTable:
    """The task table: header row repeated on each page, group rows I, II… across the row,
    one row per task that is never split across pages, widths fitted to the content."""

    def __init__(self, builder: DocxBuilder, appendix, width_mm: float):
        self.b = builder
        self.L = builder.L
        self.width_mm = width_mm
        self.appendix = appendix
        self.tasks = [t for _gi, _ti, _g, t in self.appendix.iter_tasks()]
        self.columns = self._columns()
        self.size = self.L.table_size if len(self.columns) <= self.L.wide_table_columns else self.L.table_size_wide
        w = builder.w
        self._list_cell = functools.lru_cache(maxsize=4096)(
            lambda items: w.lines("cell_list.j2", items=list(items)))
        self._units_cell = functools.lru_cache(maxsize=4096)(
            lambda lead, support: w.lines("task_units.j2", lead=list(lead), support=list(support)))

    def _columns(self) -> list[Column]:
        ph, tasks = self.b._phrase, self.tasks
        units = self.b.config.unit_columns
        has_forms = any(t.forms for t in tasks)
        if units == "auto":
            units = "combined" if has_forms else "separate"
        cols = [Column("stt", ph("column", "stt"), "center"),
                Column("content", ph("column", "content"), "left", self.L.content_weight)]
        if has_forms:
            cols.append(Column("forms", ph("column", "forms"), "left"))
        if units == "combined":
            cols.append(Column("units", ph("column", "units"), "left"))
        else:
            cols += [Column("lead", ph("column", "lead"), "left"), Column("support", ph("column", "support"), "left")]
        cols.append(Column("due", ph("column", "due"), "center"))
        for key, align in (("quantity", "center"), ("budget", "center"), ("notes", "left")):
            if any(getattr(t, key) for t in tasks):
                cols.append(Column(key, ph("column", key), align))
        return cols

    def _cells(self, task) -> list[list[str]]:
        """The paragraphs of each cell of a task row (the STT cell is filled in later)."""
        out: list[list[str]] = []
        clean = T.clean
        for col in self.columns:
            key = col.key
            if key == "stt":
                out.append([])
            elif key == "content":
                out.append([clean(task.content)])
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
        for r, cells in enumerate(rows):
            take = r % step == 0 and len(sample) < self.SAMPLE_ROWS
            widths_row: list[list[float]] = [[] for _ in range(n)]
            for i in range(1, n):
                widest = 0.0
                for line in cells[i]:
                    w = text_width(line, size) if len(line) <= 60 else estimate(len(line), size)
                    volume[i] += w
                    if w > widest:
                        widest = w
                    if take:
                        widths_row[i].append(w)
                    word = max(line.split(), key=len, default="")
                    if word:
                        ww = text_width(word, size)
                        if ww > lo[i]:
                            lo[i] = ww
                if widest:
                    natural[i].append(widest)
            if take:
                sample.append(widths_row)
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

    def write(self) -> None:
        b, L, size = self.b, self.L, self.size
        appendix = self.appendix
        ph = b._phrase
        rpr = X.rpr(size)
        rpr_bold = X.rpr(size, bold=True)
        tight = round(2 * PT)
        pprs = {a: Para(jc=a, before=tight, after=tight, line=1.0).xml() for a in ("left", "center", "both")}
        keep = {a: Para(jc=a, before=tight, after=tight, line=1.0, keep_next=True).xml() for a in ("center", "both")}
        head_ppr = pprs["center"]

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
        line_mm = size * metrics.MM_PER_PT * 1.2
        aligns = [c.align for c in self.columns]
        run = X.run
        mk_cell = X.cell

        out = [X.table_start(widths, L.table_border_eighths, margin)]
        header_cells = "".join(mk_cell(widths[i], X.paragraph(head_ppr, run(self.columns[i].title, rpr_bold)))
                               for i in range(ncols))
        out.append(X.row(header_cells, header=True))
        for entry in entries:
            if entry[0] == "group":
                _kind, roman, title = entry
                # a group row is kept with the first task under it
                cells = (mk_cell(widths[0], X.paragraph(keep["center"], run(roman, rpr_bold)))
                         + mk_cell(sum(widths[1:]), X.paragraph(keep["both"], run(title, rpr_bold)),
                                   span=ncols - 1))
                out.append(X.row(cells))
                continue
            _kind, number, cells_text = entry
            cells_text[0] = [number]
            xml_cells = []
            tallest = 0.0
            for i in range(ncols):
                paras = cells_text[i]
                ppr = pprs[aligns[i]]
                xml_cells.append(mk_cell(widths[i], "".join(X.paragraph(ppr, run(p, rpr)) for p in paras)))
                if paras:
                    col_mm = widths[i] / 56.7 - 2 * L.table_cell_margin_mm
                    lines = sum(1 + metrics.estimate_width(len(p), size) / max(col_mm, 5) for p in paras)
                    tallest = max(tallest, lines * line_mm)
            # a row taller than a page must be allowed to break, or it would be cut off
            out.append(X.row("".join(xml_cells), cant_split=tallest < 0.8 * page_mm))
        out.append(X.TABLE_END)
        b.parts.append("".join(out))


# ---------------------------------------------------------------------- document-wide settings


def _set_defaults(document, L: Layout) -> None:
    """Times New Roman, the body size and Vietnamese as the document defaults, and a Normal
    style without spacing: every element then states only what differs."""
    from docx.oxml.ns import qn
    from lxml import etree

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr):
        rpr.remove(child)
    hp = str(round(L.body_size * 2))
    font = L.font
    etree.SubElement(rpr, qn("w:rFonts"), {qn("w:ascii"): font, qn("w:hAnsi"): font, qn("w:cs"): font,
                                           qn("w:eastAsia"): font})
    etree.SubElement(rpr, qn("w:sz"), {qn("w:val"): hp})
    etree.SubElement(rpr, qn("w:szCs"), {qn("w:val"): hp})
    etree.SubElement(rpr, qn("w:lang"), {qn("w:val"): "vi-VN", qn("w:eastAsia"): "vi-VN", qn("w:bidi"): "ar-SA"})
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(ppr):
        ppr.remove(child)
    etree.SubElement(ppr, qn("w:spacing"), {qn("w:after"): "0", qn("w:line"): "240", qn("w:lineRule"): "auto"})
    normal = document.styles["Normal"]
    normal.font.name = font
    normal.font.size = None
    rfonts = normal.element.rPr.find(qn("w:rFonts"))
    rfonts.set(qn("w:eastAsia"), font)
    rfonts.set(qn("w:cs"), font)


def _page_numbers(document, L: Layout) -> None:
    """A centred PAGE field in the top margin; none on the first page of each section
    (w:titlePg with an empty first-page header). Sections after the first link to these."""
    from lxml import etree

    first = document.sections[0]
    header = first.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]._p
    for child in list(p):
        p.remove(child)
    rpr = X.rpr(L.page_number_size)
    fragment = etree.fromstring(
        f'<w:p xmlns:w="{X.W_NS}"><w:pPr><w:jc w:val="center"/></w:pPr>{X.page_field(rpr)}</w:p>'.encode())
    for child in list(fragment):
        p.append(child)
    first.first_page_header.is_linked_to_previous = False


@functools.lru_cache(maxsize=8)
def _wording(templates: tuple[Path, ...]) -> Wording:
    """One template environment for every plan of a run (templates are compiled once)."""
    return Wording(templates)


def build_document(plan, config: Config | None = None, project_root: Path | None = None):
    """The python-docx Document of a plan, with the repository's layout and templates."""
    config = config or DEFAULT_CONFIG
    templates = config.template_folders(project_root)
    return DocxBuilder(plan, config, _wording(templates), templates).build()


def render_docx(plan, target: str | Path, config: Config | None = None, project_root: Path | None = None,
                protect: tuple[Path, ...] = ()) -> Path:
    """Write the .docx of a plan to target, atomically (a temporary file moved into place)."""
    from tuyentruyen.project.files import atomic_path

    document = build_document(plan, config, project_root)
    target = Path(target)
    with atomic_path(target, protect=protect) as tmp:
        document.save(str(tmp))
    return target


def render_bytes(plan, config: Config | None = None, project_root: Path | None = None) -> bytes:
    """The .docx of a plan as bytes (for the library API: a web form, a bot)."""
    import io

    buf = io.BytesIO()
    build_document(plan, config, project_root).save(buf)
    return buf.getvalue()
