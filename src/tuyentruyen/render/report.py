"""The "Báo cáo kết quả thực hiện Kế hoạch" (`tt render --report`): the year's report, from the progress file.

Two sections, in the layout of Nghị định 30/2020/NĐ-CP:

1. the report (portrait): the header block of the issuer with the report's own number and
   date (``report:`` of the progress file; the issuer, place and signer default to the
   plan's), BÁO CÁO + trích yếu "Kết quả thực hiện Kế hoạch số … ngày … của … về …", the
   opening "Thực hiện Kế hoạch số …, <issuer> báo cáo kết quả thực hiện như sau:", then
   I. Kết quả thực hiện (1. the direction paragraphs written in ``report.results``; 2. the
   count of tasks by status), II. Hạn chế, nguyên nhân (the late and failed tasks, listed by
   tt, then ``limits`` and ``causes``), III. Đề xuất, kiến nghị, the closing, Nơi nhận and
   the signature;
2. the appendix (landscape, numbered from 1): PHỤ LỤC, its title, "(Kèm theo Báo cáo số …
   ngày … của …)", and the results table — per task: content, lead, time, result (with its
   figures against the task's quantity and its evidence), status — grouped as the plan's
   appendix is, the duties of "Tổ chức thực hiện" in a group of their own.

Every cross-reference (number, date, issuer of the plan; number and date of the report) is
generated from the two files; the fixed wording is in templates/report.j2. The document
is made of the renderer's blocks (:class:`tuyentruyen.render.assignments.WorkDocBuilder`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tuyentruyen.errors import TTError
from tuyentruyen.render import text as T
from tuyentruyen.render.assignments import Col, Table, WorkDocBuilder
from tuyentruyen.render.docx import SectionSpec
from tuyentruyen.work.status import State


class ReportError(TTError):
    """A report that cannot be made: no progress file, or one with errors."""

    code = "TT-E021"


@dataclass(frozen=True)
class PlanRef:
    """What the report says of the plan it reports on (the template's ``p``)."""

    number: str
    date: dt.date | None
    year: int
    issued_by: str
    title: str
    decision: str | None  # the number of the Quyết định issuing the plan, if it is one


def plan_ref(plan) -> PlanRef:
    doc = plan.document
    number = T.doc_number(getattr(doc, "number_text", doc.number), T.clean(doc.symbol))
    title = plan.plan_title
    return PlanRef(number, doc.date, plan.plan.year, doc.issued_by or doc.issuer.name, title,
                   number if plan.is_decision else None)


def _default_symbol(symbol: str) -> str:
    """KH-UBND → BC-UBND, QĐ-UBND → BC-UBND: the issuer's part of the plan's symbol."""
    _, sep, rest = symbol.partition("-")
    return f"BC-{rest}" if sep and rest else "BC"


def report_plan(work, progress):
    """The report as a plan model (its document: the report's number, date, title, signer) so the
    builder's header, title and signature blocks print it."""
    from tuyentruyen.model import Plan

    plan, rep = work.plan, progress.report
    doc = plan.document
    p = plan_ref(plan)
    ph = _phrases_for(work)
    signer = (rep.signer if rep is not None and rep.signer is not None else doc.signer)
    data = {
        "tt": 1,
        "document": {
            "type": "ke-hoach",
            "issuer": doc.issuer.model_dump(exclude_none=True, exclude_defaults=True),
            "number": rep.number if rep is not None else None,
            "symbol": (rep.symbol if rep is not None and rep.symbol else _default_symbol(doc.symbol)),
            "place": (rep.place if rep is not None and rep.place else doc.place),
            "date": rep.date if rep is not None else None,
            "title": (rep.title if rep is not None and rep.title else ph("title", p)),
            "signer": signer.model_dump(exclude_none=True, exclude_defaults=True),
            "recipients": list(rep.recipients) if rep is not None else [],
            "archive": list(rep.archive) if rep is not None else ["VT"],
            "copies": rep.copies if rep is not None else None,
        },
        "plan": {"year": plan.plan.year, "title": plan.plan_title},
    }
    data["document"] = {k: v for k, v in data["document"].items() if v is not None}
    return Plan.model_validate(data)


def _phrases_for(work):
    from tuyentruyen.render.assignments import Phrases
    from tuyentruyen.render.wording import Wording

    return Phrases(Wording(work.config.template_folders(_root(work))))


def _root(work):
    from tuyentruyen.project.discover import find_project_root

    return find_project_root(work.path.resolve().parent)


class ReportBuilder(WorkDocBuilder):
    def __init__(self, work, progress, statuses, config, wording, templates):
        super().__init__(report_plan(work, progress), config, wording, templates)
        self.work, self.progress, self.statuses = work, progress, statuses
        self.rep = progress.report
        self.p = plan_ref(work.plan)

    def heading(self, level: int, number: str, text: str) -> None:
        text = T.clean(text)
        self._p(self.heading_para(level), self._text(f"{number}. {T.upper(text) if level == 1 else text}"))

    def paragraphs(self, lines) -> None:
        for line in lines:
            self._body(line)

    def body_xml(self) -> str:
        from tuyentruyen.vn.numerals import roman

        L, ph, rep = self.L, self.ph, self.rep
        reporter = self.work.plan.document.issuer.name
        self._header_block(with_number=True)
        self._title_block(ph("type_name"), self.doc.title, None)
        self._body(rep.intro if rep is not None and rep.intro else ph("intro", self.p, reporter))

        counts = [(s.label, n) for s in (State.DONE, State.IN_PROGRESS, State.NOT_STARTED, State.LATE, State.FAILED)
                  if (n := sum(1 for x in self.statuses if x.state is s))]
        self.heading(1, roman(1), ph("results_heading"))
        n = 1
        if rep is not None and rep.results:
            self.heading(2, str(n), ph("direction_heading"))
            self.paragraphs(rep.results)
            n += 1
        self.heading(2, str(n), ph("tasks_heading"))
        self._body(ph("summary", self.progress.as_of, len(self.statuses), counts))

        self.heading(1, roman(2), ph("limits_heading"))
        self.heading(2, "1", ph("limits_sub"))
        late = [x for x in self.statuses if x.state is State.LATE]
        failed = [x for x in self.statuses if x.state is State.FAILED]
        for x in late:
            due = T.vn_date(x.due, "nd30") if x.due else ""
            reason = x.entry.reason if x.entry is not None else None
            self._body("- " + ph("late_line", x.item.label, _cut(x.item.content), due, reason or ""))
        for x in failed:
            self._body("- " + ph("failed_line", x.item.label, _cut(x.item.content), x.entry.reason))
        if not late and not failed:
            self._body(ph("nothing_late"))
        self.paragraphs(rep.limits if rep is not None else [])
        if rep is not None and rep.causes:
            self.heading(2, "2", ph("causes_sub"))
            self.paragraphs(rep.causes)
        if rep is not None and rep.proposals:
            self.heading(1, roman(3), ph("proposals_heading"))
            self.paragraphs(rep.proposals)
        self._body(rep.closing if rep is not None and rep.closing else ph("closing", self.p, reporter))
        self._signature()

        self._end_section(SectionSpec(landscape=False, restart=False))
        self._results_appendix()
        last = SectionSpec(landscape=L.appendix_landscape, restart=True)
        self.sections.append(last)
        return "".join(self.parts) + self._sect_pr(last)

    def _results_appendix(self) -> None:
        L, ph = self.L, self.ph
        width = L.landscape_text_width_mm if L.appendix_landscape else self.text_mm
        self.parts.append(self._centered(ph("appendix_heading"), L.appendix_heading_size,
                                         bold=True, keep_next=True))
        title = ph("results_table_title", self.work.plan.plan.year)
        self.centered_lines(title, width, L.appendix_title_size, bold=True, upper=True)
        self.centered_lines(ph("attached_to", self._number(), self.doc.date, self.plan.plan.year,
                               self._issued_by()), width, L.appendix_title_size, italic=True)
        self.short_rule(title, width, L.appendix_title_size)
        cols = [Col(ph("column", "stt"), 0.6, "center"), Col(ph("column", "content"), 3.4, "both"),
                Col(ph("column", "lead"), 1.6), Col(ph("column", "time"), 1.3, "center"),
                Col(ph("column", "result"), 3.6, "left"), Col(ph("column", "status"), 1.2, "center")]
        table = Table(self, cols, width)
        groups: list[tuple[str | None, list]] = []
        for st in self.statuses:
            name = st.item.group if st.item.kind == "task" else ph("duties_group")
            kind = st.item.kind
            if not groups or groups[-1][0] != (kind, name):
                groups.append(((kind, name), []))
            groups[-1][1].append(st)
        grouped = len(groups) > 1 or any(g[0][1] for g in groups)
        from tuyentruyen.vn.numerals import roman

        for gi, ((_kind, name), items) in enumerate(groups, 1):
            if grouped:
                table.group(roman(gi), name or "")
            for k, st in enumerate(items, 1):
                table.row([[str(k)], [st.item.content], self._leads(st), [st.item.due or st.item.when.shown],
                           self._result(st), [st.state.label]])
        self.parts.append(table.xml())

    def _leads(self, st) -> list[str]:
        return [p.name for p in self.work.assigner.parties[st.item.key] if p.role in ("lead", "duty")]

    def _result(self, st) -> list[str]:
        from tuyentruyen.vn.quantity import match_figures, parse_quantity

        ph, e = self.ph, st.entry
        if e is None:
            return [ph("no_report")]
        out = [e.result] if e.result else []
        if e.figures:
            targets = parse_quantity(st.item.quantity) if st.item.quantity else []
            figures = [parse_quantity(f)[0] for f in e.figures]
            pairs = match_figures(targets, figures)
            done = ", ".join(e.figures[i] for i, _f, _t in pairs)
            target = ", ".join(t.text for _i, _f, t in pairs if t is not None) or (st.item.quantity or "")
            out.append(ph("figures", done, target))
        if e.reason and st.state is not State.DONE:
            out.append(f"Lý do: {T.strip_end(e.reason)}.")
        if e.evidence:
            out.append(ph("evidence", list(e.evidence)))
        return out or [e.status.label]


def _cut(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip(" ,;.") + "…"


def build_report(work, on: dt.date | None = None):
    """The python-docx Document of the report of a PlanAtWork that has a valid progress file."""
    from tuyentruyen.render.wording import Wording
    from tuyentruyen.work.status import item_status

    progress = getattr(work.progress, "progress", None)
    if progress is None:
        raise ReportError(f"Kế hoạch {work.display} chưa có tệp tiến độ hợp lệ để lập báo cáo.",
                          "Tạo tệp tiến độ bên cạnh kế hoạch (ví dụ 2027.progress.yaml, xem docs/work.md), "
                          "hoặc sửa các lỗi của nó (`tt validate`).", file=work.path)
    day = on or progress.as_of
    entries = progress.tasks
    statuses = [item_status(i, entries.get(i.key), day) for i in work.items]
    order = {"task": 0, "duty": 1}
    statuses.sort(key=lambda s: order[s.item.kind])  # the appendix's tasks, then the duties, each in plan order
    templates = work.config.template_folders(_root(work))
    builder = ReportBuilder(work, progress, statuses, work.config, Wording(templates), templates)
    return builder.build()


def render_report(work, target: Path, protect: tuple[Path, ...] = ()) -> Path:
    from tuyentruyen.project.files import atomic_path

    document = build_report(work)
    with atomic_path(Path(target), protect=protect) as tmp:
        document.save(str(tmp))
    return Path(target)


def render_reports(works: list, formats: list[str], out: str | None, root: Path | None) -> list[tuple[object, dict]]:
    """Each report to its targets (build/<plan>-bao-cao.docx, or -o), the PDFs in one LibreOffice run;
    every file moved into place only when complete."""
    import shutil
    import tempfile

    from tuyentruyen.project.files import atomic_path
    from tuyentruyen.render import pdf as pdfmod
    from tuyentruyen.render.targets import targets as output_targets

    targets = output_targets([w.path for w in works], out, root, formats, suffix="-bao-cao")
    inputs = tuple(w.path for w in works) + tuple(w.progress.path for w in works)
    made = []
    with tempfile.TemporaryDirectory(prefix="tt-report-") as tmp:
        work_files = []
        for i, w in enumerate(works):
            path = Path(tmp) / f"{i:04d}-{targets[w.path][formats[0]].stem}.docx"
            build_report(w).save(str(path))
            work_files.append(path)
        pdfs = pdfmod.convert(work_files, Path(tmp) / "pdf") if "pdf" in formats else [None] * len(works)
        for w, docx_file, pdf_file in zip(works, work_files, pdfs):
            want = targets[w.path]
            for fmt, src in (("docx", docx_file), ("pdf", pdf_file)):
                if fmt in want:
                    with atomic_path(want[fmt], protect=inputs) as target:
                        shutil.copyfile(src, target)
            made.append((w, want))
    return made
