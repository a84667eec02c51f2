"""`tt status`: progress of each plan as of a date — done, late, due soon — per unit and overall."""

from __future__ import annotations

import enum
import sys
from pathlib import Path

import typer

from tuyentruyen.cli.base import app, fail_error
from tuyentruyen.cli.complete import plan_paths


class StatusFormat(str, enum.Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command("status")
def status(
    paths: list[str] = typer.Argument(
        None, help="Các tệp kế hoạch hoặc tệp tiến độ (…progress.yaml); bỏ trống: mọi kế hoạch trong plans/.",
        show_default=False, autocompletion=plan_paths),
    as_of: str = typer.Option(
        None, "--as-of", show_default=False,
        help="Tính đến ngày này (dd/mm/yyyy); mặc định: ngày chốt số liệu (as_of) của tệp tiến độ, "
             "hoặc hôm nay khi kế hoạch chưa có tệp tiến độ."),
    soon: int = typer.Option(14, "--soon", help="“Sắp đến hạn”: hạn trong bấy nhiêu ngày tới (0 đến 366)."),
    fmt: StatusFormat = typer.Option(
        "text", "--format", "-f", help="text (màn hình), markdown (bình luận pull request, thư hằng tuần), json."),
    output: Path = typer.Option(
        None, "--output", "-o", show_default=False, help="Ghi báo cáo vào tệp này thay vì in ra màn hình."),
) -> None:
    """Tiến độ thực hiện kế hoạch: hoàn thành, quá hạn, sắp đến hạn, theo từng đơn vị và toàn kế hoạch.

    Số liệu lấy từ tệp tiến độ bên cạnh kế hoạch (2027.yaml → 2027.progress.yaml, xem docs/work.md).
    Mã thoát: 0 xong (kể cả khi có nhiệm vụ quá hạn); 1 có kế hoạch hoặc tệp tiến độ lỗi; 2 dùng sai lệnh.
    """
    from tuyentruyen.cli.tasks import as_of_date
    from tuyentruyen.errors import TTError

    on = as_of_date(as_of)
    if not 0 <= soon <= 366:
        from tuyentruyen.cli.base import fail_usage

        raise fail_usage(f"--soon {soon}: số ngày phải từ 0 đến 366.", "Ví dụ: --soon 7 (hạn trong 7 ngày tới).")
    try:
        code = run_status(list(paths or []) or None, on, soon, fmt.value, output)
    except TTError as exc:
        raise fail_error(exc) from None
    raise typer.Exit(code)


def run_status(paths, on, soon: int, fmt: str, output: Path | None) -> int:
    import datetime as dt

    from tuyentruyen.cli.tasks import report_unusable
    from tuyentruyen.report.tasks import StatusReport, render_status
    from tuyentruyen.work.load import open_inputs
    from tuyentruyen.work.status import plan_status

    works, broken = open_inputs(paths)
    broken += [w.progress for w in works if w.progress is not None and w.progress.progress is None]
    bad = report_unusable(broken)
    if not works:
        return bad or 2
    reports = []
    for work in works:
        model = getattr(work.progress, "progress", None)
        day = on or (model.as_of if model is not None else dt.date.today())
        reports.append(StatusReport(plan_status(work, day, soon), work.assigner.parties))
    text = render_status(reports, fmt)
    if output is None:
        from tuyentruyen.vn.text import printable

        sys.stdout.write(printable(text))  # never the plan's escape sequences on a terminal
    else:
        from tuyentruyen.project.files import atomic_write_text

        inputs = tuple(w.path for w in works) + tuple(w.progress.path for w in works if w.progress is not None)
        atomic_write_text(output, text, protect=inputs)
        typer.echo(f"Đã ghi báo cáo tiến độ vào {output}.", err=True)
    return bad


def run_report(path: str | None, docx: bool, pdf: bool, out: str | None) -> int:
    """`tt render --report`: the results report of each plan with a progress file (.docx, and PDF)."""
    from tuyentruyen.cli.base import fail_usage
    from tuyentruyen.cli.tasks import report_unusable
    from tuyentruyen.errors import TTError
    from tuyentruyen.loading.source import display_name
    from tuyentruyen.project.discover import find_project_root
    from tuyentruyen.render import pdf as pdfmod
    from tuyentruyen.render.report import render_reports
    from tuyentruyen.work.load import open_inputs

    formats = (["docx"] if docx or not pdf else []) + (["pdf"] if pdf else [])
    try:
        if pdf and pdfmod.find_soffice() is None:
            raise fail_usage(pdfmod.PdfUnavailable.message, pdfmod.PdfUnavailable.hint)
        works, broken = open_inputs([path] if path else None)
        broken += [w.progress for w in works if w.progress is not None and w.progress.progress is None]
        bad = report_unusable(broken)
        ready = [w for w in works if getattr(w.progress, "progress", None) is not None]
        if not ready:
            if works and not broken:
                raise fail_usage("Chưa có tệp tiến độ nào để lập báo cáo: "
                                 + ", ".join(w.display for w in works) + ".",
                                 "Tạo tệp tiến độ bên cạnh kế hoạch (2027.yaml → 2027.progress.yaml), xem docs/work.md.")
            return bad or 2
        root = find_project_root() or find_project_root(ready[0].path.resolve().parent)
        made = render_reports(ready, formats, out, root)
    except TTError as exc:
        raise fail_error(exc) from None
    for work, targets in made:
        for fmt in formats:
            typer.echo(f"Đã xuất {display_name(targets[fmt])}  (báo cáo của {work.display})")
    return bad
