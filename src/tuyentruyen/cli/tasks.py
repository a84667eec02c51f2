"""`tt tasks`: each unit's own list of tasks and duties, sorted by when each is due."""

from __future__ import annotations

import enum
import sys
from pathlib import Path

import typer

from tuyentruyen.cli.base import app, fail_error, fail_usage
from tuyentruyen.cli.complete import plan_paths


class TasksFormat(str, enum.Enum):
    text = "text"
    csv = "csv"
    json = "json"
    markdown = "markdown"


def as_of_date(value: str | None, option: str = "--as-of"):
    """The date of an --as-of option (dd/mm/yyyy or yyyy-mm-dd), or a usage error (exit 2)."""
    if value is None:
        return None
    from tuyentruyen.vn.dates import DateError, parse_vn_date

    got = parse_vn_date(value)
    if isinstance(got, DateError):
        raise fail_usage(f"{option} {value}: {got.reason}.", "Viết ngày dạng dd/mm/yyyy, ví dụ --as-of 30/06/2027.")
    return got


def report_unusable(broken) -> int:
    """Print the problems of the files that could not be used; their exit code (1 or 2)."""
    from tuyentruyen.problems import exit_code
    from tuyentruyen.report import emit

    if not broken:
        return 0
    emit(broken, "text", sys.stderr)
    return max(1, exit_code([p for f in broken for p in f.problems]))


@app.command("tasks")
def tasks(
    paths: list[str] = typer.Argument(
        None, help="Các tệp kế hoạch (hoặc tệp tiến độ, thư mục); bỏ trống: mọi kế hoạch trong plans/.",
        show_default=False, autocompletion=plan_paths),
    unit: str = typer.Option(
        None, "--unit", "-u", show_default=False,
        help="Chỉ danh sách của đơn vị này (tên chuẩn, tên viết tắt hoặc tên gọi khác trong sổ đơn vị; "
             "nhiệm vụ giao cho một nhóm như “Các sở, ban, ngành” có trong danh sách của từng thành viên)."),
    as_of: str = typer.Option(
        None, "--as-of", show_default=False,
        help="Kèm tình trạng tính đến ngày này (dd/mm/yyyy) theo tệp tiến độ: quá hạn, sắp đến hạn, hoàn thành…"),
    fmt: TasksFormat = typer.Option(
        "text", "--format", "-f", help="text (đọc trên màn hình), csv (mở bằng Excel), json, markdown."),
    output: Path = typer.Option(
        None, "--output", "-o", show_default=False, help="Ghi danh sách vào tệp này thay vì in ra màn hình."),
    docx: Path = typer.Option(
        None, "--docx", show_default=False,
        help="Ghi thêm “Bảng phân công nhiệm vụ” (.docx, mỗi đơn vị một trang ngang) ra tệp này."),
) -> None:
    """Danh sách nhiệm vụ của từng đơn vị (chủ trì, phối hợp, thực hiện), xếp theo thời hạn.

    Mỗi nhiệm vụ kèm thời gian quy ra ngày (“Quý II/2027” → 01/04–30/06/2027) và mã dùng trong tệp tiến độ.
    Mã thoát: 0 xong; 1 có kế hoạch lỗi nên chưa lập danh sách; 2 dùng sai lệnh, không đọc được tệp hoặc đơn vị lạ.
    """
    from tuyentruyen.errors import TTError

    on = as_of_date(as_of)
    if output is not None and docx is not None and output.resolve() == docx.resolve():
        raise fail_usage("--output và --docx không được là cùng một tệp.", "Chọn hai tên tệp khác nhau.")
    try:
        code = run_tasks(list(paths or []) or None, unit, on, fmt.value, output, docx)
    except TTError as exc:
        raise fail_error(exc) from None
    raise typer.Exit(code)


def run_tasks(paths, unit, on, fmt: str, output: Path | None, docx: Path | None) -> int:
    from tuyentruyen.report.tasks import TaskReport, render_tasks
    from tuyentruyen.work.events import plan_reference
    from tuyentruyen.work.load import open_inputs
    from tuyentruyen.work.select import unit_lists
    from tuyentruyen.work.status import item_status

    works, broken = open_inputs(paths, with_progress=on is not None)
    broken += [w.progress for w in works if w.progress is not None and w.progress.progress is None]
    bad = report_unusable(broken)
    if not works:
        return bad or 2
    chosen, notes = unit_lists(works, unit, on)
    reports = []
    for work, lists in chosen:
        states = None
        if on is not None:
            entries = work.entries
            states = {i.key: item_status(i, entries.get(i.key), on) for i in work.items}
        reports.append(TaskReport(work.display, plan_reference(work.plan), lists, work.assigner.parties, on, states))
    for note in notes:
        typer.echo(f"tt: lưu ý: {note}", err=True)
    inputs = tuple(w.path for w in works) + tuple(w.progress.path for w in works if w.progress is not None)
    text = render_tasks(reports, fmt)
    if output is None:
        from tuyentruyen.vn.text import printable

        sys.stdout.write(printable(text))  # never the plan's escape sequences on a terminal
    else:
        from tuyentruyen.project.files import atomic_write_text

        atomic_write_text(output, ("\ufeff" if fmt == "csv" else "") + text, protect=inputs)
        typer.echo(f"Đã ghi danh sách vào {output}.", err=True)
    if docx is not None:
        from tuyentruyen.render.assignments import write_assignments

        pages = write_assignments(chosen, docx, protect=inputs)
        typer.echo(f"Đã ghi Bảng phân công nhiệm vụ ({pages} trang) vào {docx}.", err=True)
    return bad
