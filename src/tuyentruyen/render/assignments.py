"""The "Bảng phân công nhiệm vụ" (`tt tasks --docx`): one landscape sheet per unit, in the NĐ 30 layout.

Each unit's sheet (a section of its own, landscape, page numbers from 1) has the header
block of the plan's issuer (issuer | Quốc hiệu, Tiêu ngữ; no number: it is an extract, not a
signed document), the title, the line naming the plan it carries out, the unit, then the
table: STT, content, role (chủ trì / phối hợp / thực hiện), the time as the plan writes it,
the time as dates, and the other units. The header row repeats on each page; a unit with a
long list runs over more than one page.

It is built from the renderer's public pieces: the builder's header block and document
assembly (:class:`tuyentruyen.render.docx.DocxBuilder`), the figures of :mod:`layout`, the
XML of :mod:`ooxml`, and the wording of templates/report.j2 (:class:`Phrases`). The
:class:`Table` writer here is shared with the results report (:mod:`tuyentruyen.render.report`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tuyentruyen.render import metrics
from tuyentruyen.render import ooxml as X
from tuyentruyen.render import text as T
from tuyentruyen.render.docx import PT, DocxBuilder, SectionSpec, balance_lines
from tuyentruyen.render.layout import twips
from tuyentruyen.render.ooxml import Para
from tuyentruyen.render.wording import WordingError

TEMPLATE = "report.j2"


class Phrases:
    """The macros of templates/report.j2: the repository's file first, then tt's own."""

    def __init__(self, wording):
        self.w = wording
        self._modules = None

    def __call__(self, macro: str, *args) -> str:
        if self._modules is None:
            mods = (self.w.module(name, missing_ok=True) for name in (TEMPLATE, "tt/" + TEMPLATE))
            self._modules = [m for m in mods if m is not None]
        for module in self._modules:
            fn = getattr(module, macro, None)
            if fn is not None:
                return " ".join(self.w.guarded(TEMPLATE, lambda: str(fn(*args))).split())
        raise WordingError(f"mẫu {TEMPLATE} không có macro '{macro}'.",
                           "Thêm macro này vào templates/report.j2 của kho, hoặc xóa tệp để dùng mẫu có sẵn của tt.")


@dataclass(frozen=True)
class Col:
    title: str
    weight: float
    align: str = "left"


class Table:
    """A bordered table in the layout of the appendix: bold centred header row repeated on every
    page, group rows (I, II…) bold across the row, rows kept whole, widths by weight."""

    def __init__(self, builder: DocxBuilder, cols: list[Col], width_mm: float):
        self.b, self.cols, self.width_mm = builder, cols, width_mm
        L = builder.L
        self.size = L.table_size if len(cols) <= L.wide_table_columns else L.table_size_wide
        total = twips(width_mm)
        weights = sum(c.weight for c in cols)
        self.widths = [twips(width_mm * c.weight / weights) for c in cols]
        self.widths[-1] += total - sum(self.widths)
        self.rows: list[str] = []
        tight = round(2 * PT)
        self._ppr = {a: Para(jc=a, before=tight, after=tight, line=1.0).xml() for a in ("left", "center", "both")}
        self._keep = Para(jc="both", before=tight, after=tight, line=1.0, keep_next=True).xml()

    def _paras(self, paras: list[str], align: str, bold: bool = False) -> str:
        rpr = X.rpr(self.size, bold=bold)
        return "".join(X.paragraph(self._ppr[align], X.run(T.clean(p), rpr)) for p in paras if p)

    def group(self, number: str, title: str) -> None:
        rpr = X.rpr(self.size, bold=True)
        cells = (X.cell(self.widths[0], X.paragraph(self._ppr["center"], X.run(number, rpr)))
                 + X.cell(sum(self.widths[1:]), X.paragraph(self._keep, X.run(T.clean(title), rpr)),
                          span=len(self.cols) - 1))
        self.rows.append(X.row(cells))

    def row(self, cells: list[list[str]]) -> None:
        xml = "".join(X.cell(w, self._paras(paras, c.align)) for w, c, paras in zip(self.widths, self.cols, cells))
        self.rows.append(X.row(xml, cant_split=sum(len(" ".join(p)) for p in cells) < 1500))

    def xml(self) -> str:
        L = self.b.L
        head = "".join(X.cell(w, self._paras([c.title], "center", bold=True)) for w, c in zip(self.widths, self.cols))
        return (X.table_start(self.widths, L.table_border_eighths, twips(L.table_cell_margin_mm))
                + X.row(head, header=True) + "".join(self.rows) + X.TABLE_END)


class WorkDocBuilder(DocxBuilder):
    """A document of the plan at work, on the builder's blocks: header, title, body, signature."""

    def __init__(self, plan, config=None, wording=None, templates=()):
        super().__init__(plan, config, wording, templates)
        self.ph = Phrases(self.w)

    def centered_lines(self, text: str, width_mm: float, size: float, *, bold=False, italic=False,
                       upper=False) -> None:
        text = T.upper(T.clean(text)) if upper else T.clean(text)
        lines = balance_lines(text, width_mm, size, "bold" if bold else ("italic" if italic else "regular"))
        self._p(Para(jc="center", line=1.0, keep_next=True), self._text(T.LINE_SEP.join(lines), size, bold, italic))

    def short_rule(self, text: str, width_mm: float, size: float) -> None:
        widest = max(metrics.text_width(x, size, "bold") for x in balance_lines(text, width_mm, size, "bold"))
        self.parts.append(self._rule(widest * self.L.rule_ratio, width_mm, before_pt=4, after_pt=8))

    def body_xml(self) -> str:  # pragma: no cover - each document writes its own
        raise NotImplementedError


# ---------------------------------------------------------------------- the assignment sheets


class AssignmentsBuilder(WorkDocBuilder):
    """One landscape sheet per (plan, unit list)."""

    def __init__(self, sheets, config=None, wording=None, templates=()):
        super().__init__(sheets[0][0].plan, config, wording, templates)
        self.sheets = sheets  # [(PlanAtWork, UnitList)]
        self.text_mm = self.L.landscape_text_width_mm  # the header block spans the landscape page

    def body_xml(self) -> str:
        from tuyentruyen.work.events import plan_reference

        L, ph = self.L, self.ph
        spec = SectionSpec(landscape=True, restart=True)
        for n, (work, ul) in enumerate(self.sheets):
            if n:
                self._end_section(spec)
            self.plan = work.plan  # the header block of that plan's issuer
            self._header_block(with_number=False)
            self.parts.append(self._centered(ph("assignments_title"), L.title_size, bold=True, before_pt=12,
                                             keep_next=True))
            self.centered_lines(ph("assignments_reference", plan_reference(work.plan)), self.text_mm,
                                L.title_size, italic=True)
            unit_line = ph("assignments_unit", ul.name, len(ul.assignments))
            self.centered_lines(unit_line, self.text_mm, L.title_size, bold=True)
            self.short_rule(unit_line, self.text_mm, L.title_size)
            if not ul.assignments:
                self._body(ph("assignments_none"))
                continue
            cols = [Col(ph("column", "stt"), 0.7, "center"), Col(ph("column", "content"), 4.4, "both"),
                    Col(ph("column", "role"), 1.3, "center"), Col(ph("column", "time"), 1.4, "center"),
                    Col(ph("column", "dates"), 1.5, "center"), Col(ph("column", "others"), 2.2)]
            table = Table(self, cols, self.text_mm)
            for k, a in enumerate(ul.assignments, 1):
                parties = [p for p in work.assigner.parties[a.item.key]
                           if p.name != ul.name and (p.unit_id is None or p.unit_id != ul.unit_id)]
                others = [f"{ph('role_word', role)}: {'; '.join(p.name for p in parties if p.role == role)}"
                          for role in ("lead", "duty", "support") if any(p.role == role for p in parties)]
                table.row([[str(k)], [a.item.content, f"({a.item.label}; mã {a.item.key})"],
                           [a.role_label], [a.item.due or ""], [a.item.when.shown], others])
            self.parts.append(table.xml())
        self.sections.append(spec)
        return "".join(self.parts) + self._sect_pr(spec)


def assignments_document(chosen, config=None, project_root: Path | None = None):
    """The python-docx Document of the sheets of chosen ([(PlanAtWork, [UnitList])])."""
    from tuyentruyen.render.wording import Wording

    sheets = [(work, ul) for work, lists in chosen for ul in lists]
    config = config or sheets[0][0].config
    templates = config.template_folders(project_root)
    return AssignmentsBuilder(sheets, config, Wording(templates), templates).build()


def write_assignments(chosen, target: Path, protect: tuple[Path, ...] = ()) -> int:
    """Write the sheets to target atomically; the number of sheets."""
    from tuyentruyen.project.discover import find_project_root
    from tuyentruyen.project.files import atomic_path

    sheets = sum(len(lists) for _, lists in chosen)
    if not sheets:
        from tuyentruyen.errors import UsageError

        raise UsageError("Không có đơn vị nào để lập Bảng phân công nhiệm vụ.", "Chọn kế hoạch có nhiệm vụ.")
    first = chosen[0][0]
    document = assignments_document(chosen, first.config, find_project_root(first.path.resolve().parent))
    with atomic_path(Path(target), protect=protect) as tmp:
        document.save(str(tmp))
    return sheets

