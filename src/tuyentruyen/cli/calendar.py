"""`tt calendar`: a unit's deadlines as an iCalendar file (.ics) for Google Calendar, Outlook, phones."""

from __future__ import annotations

from pathlib import Path

import typer

from tuyentruyen.cli.base import app, fail_error, fail_usage
from tuyentruyen.cli.complete import plan_paths


@app.command("calendar")
def calendar(
    paths: list[str] = typer.Argument(
        None, help="Các tệp kế hoạch (hoặc thư mục); bỏ trống: mọi kế hoạch trong plans/.", show_default=False,
        autocompletion=plan_paths),
    output: Path = typer.Option(
        ..., "--output", "-o", show_default=False, help="Tệp lịch cần ghi (.ics), ví dụ lich-so-noi-vu.ics."),
    unit: str = typer.Option(
        None, "--unit", "-u", show_default=False,
        help="Chỉ các nhiệm vụ của đơn vị này (kể cả nhiệm vụ giao cho nhóm mà đơn vị là thành viên); "
             "bỏ trống: mọi nhiệm vụ của kế hoạch."),
    remind: int = typer.Option(
        3, "--remind", help="Nhắc việc lúc 9 giờ sáng, trước hạn bao nhiêu ngày (0 đến 60; 0: không nhắc)."),
    no_continuous: bool = typer.Option(
        False, "--no-continuous",
        help="Bỏ ghi chú đầu năm liệt kê các nhiệm vụ thường xuyên và nhiệm vụ không có ngày cố định."),
) -> None:
    """Xuất lịch công việc (.ics, chuẩn iCalendar RFC 5545): hạn chót, khoảng thời gian, nhiệm vụ định kỳ.

    Hạn rơi vào ngày nghỉ được chuyển về ngày làm việc liền trước (sự kiện ghi rõ). Mỗi sự kiện có mã (UID) cố định
    theo kế hoạch và mã nhiệm vụ, nên nhập lại tệp mới thì lịch cập nhật chứ không nhân đôi.
    Mã thoát: 0 xong; 1 có kế hoạch lỗi; 2 dùng sai lệnh, không đọc được tệp hoặc đơn vị lạ.
    """
    from tuyentruyen.errors import TTError

    if not 0 <= remind <= 60:
        raise fail_usage(f"--remind {remind}: số ngày phải từ 0 đến 60.", "Ví dụ: --remind 7 (nhắc trước 7 ngày).")
    if output.suffix.lower() in (".yaml", ".yml"):
        raise fail_usage(f"-o {output}: tệp lịch là tệp .ics; tt không ghi nó vào một tệp .yaml (có thể là kế hoạch).",
                         "Ghi ra tệp .ics, ví dụ -o lich.ics.")
    try:
        code = run_calendar(list(paths or []) or None, output, unit, remind or None, not no_continuous)
    except TTError as exc:
        raise fail_error(exc) from None
    raise typer.Exit(code)


def _stamp():
    """When the file is made (UTC); SOURCE_DATE_EPOCH pins it, for reproducible files."""
    import datetime as dt
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc)


def run_calendar(paths, output: Path, unit: str | None, remind: int | None, continuous: bool) -> int:
    from tuyentruyen.cli.tasks import report_unusable
    from tuyentruyen.project.calendar import calendar_for
    from tuyentruyen.project.discover import find_project_root
    from tuyentruyen.project.files import atomic_write_bytes
    from tuyentruyen.render.targets import output_name
    from tuyentruyen.work.events import events, to_ics
    from tuyentruyen.work.load import open_inputs
    from tuyentruyen.work.select import unit_lists

    works, broken = open_inputs(paths, with_progress=False)
    bad = report_unusable(broken)
    if not works:
        return bad or 2
    chosen, notes = unit_lists(works, unit)
    all_events = []
    names = []
    for work, lists in chosen:
        root = find_project_root(work.path.resolve().parent)
        uid_base = output_name(work.path, root)
        days = calendar_for(work.plan.years, work.config)
        if unit is None:
            all_events += events(work, None, days, remind=remind, continuous=continuous, uid_base=uid_base)
        else:
            ul = lists[0]
            names.append(ul.name)
            all_events += events(work, (ul.unit_id, ul.name), days, remind=remind, continuous=continuous,
                                 uid_base=uid_base)
    for note in notes:
        typer.echo(f"tt: lưu ý: {note}", err=True)
    title = works[0].plan.plan_title if len(works) == 1 else "các kế hoạch"
    name = f"{names[0]} — {title}" if names else f"Nhiệm vụ — {title}"
    protect = tuple(w.path for w in works)
    atomic_write_bytes(output, to_ics(all_events, name, _stamp()), protect=protect)
    typer.echo(f"Đã ghi {len(all_events)} sự kiện vào {output}.", err=True)
    return bad
