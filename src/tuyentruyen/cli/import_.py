"""`tt import`: a Word (.docx) or text plan into a plan file and its unit registry (tuyentruyen.edit.importer)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from tuyentruyen.cli.base import app, fail_error


@app.command("import")
def import_cmd(
    source: Path = typer.Argument(
        ..., metavar="TỆP", show_default=False,
        help="Văn bản cần nhập: tệp Word .docx (Kế hoạch, hoặc Quyết định kèm Kế hoạch và Phụ lục), "
             "hoặc tệp .txt chép từ PDF hay trang web."),
    output: Path = typer.Option(
        None, "--output", "-o", metavar="TỆP", show_default=False,
        help="Tệp kế hoạch (.yaml) sẽ ghi; mặc định plans/<tên văn bản>.yaml (hoặc cạnh văn bản)."),
    units: Path = typer.Option(
        None, "--units", metavar="TỆP", show_default=False,
        help="Sổ đơn vị: nếu tệp đã có thì dùng để nhận ra tên đơn vị (không sửa tệp); nếu chưa có thì ghi sổ "
             "mới gồm các đơn vị trong văn bản. Mặc định: sổ đơn vị của thư mục kế hoạch, hoặc units.yaml cạnh "
             "kế hoạch."),
    force: bool = typer.Option(False, "--force", help="Ghi đè nếu tệp kế hoạch đã có."),
) -> None:
    """Nhập một văn bản Word (.docx) hoặc văn bản thuần (.txt) thành tệp kế hoạch YAML và sổ đơn vị.

    Mỗi chỗ tt không chắc chắn (một đoạn không xếp được, một ô được tách, các cách viết một đơn vị được
    gộp…) có chú thích `# tt import:` ngay trên dòng đó và được liệt kê trong báo cáo. Kế hoạch mới được
    kiểm tra ngay (tt validate): lỗi thật của văn bản gốc hiện ra thành lỗi soát, không bị sửa âm thầm.
    """
    from tuyentruyen.edit.importer import write_import
    from tuyentruyen.errors import TTError

    try:
        written = write_import(source, output, units, force=force)
    except TTError as exc:
        raise fail_error(exc) from None
    raise typer.Exit(_report(source, written))


def _count_tasks(data: dict) -> int:
    """The tasks of every appendix (one `appendix`, or several `appendices`)."""
    appendices = [data["appendix"]] if data.get("appendix") else list(data.get("appendices") or [])
    return sum(sum(len(g["tasks"]) for g in a.get("groups") or []) + len(a.get("tasks") or []) for a in appendices)


def _report(source: Path, written) -> int:
    from tuyentruyen.check import check_files
    from tuyentruyen.loading.source import display_name
    from tuyentruyen.problems import exit_code
    from tuyentruyen.report import emit

    out = sys.stdout
    result = written.result
    plan_shown = display_name(written.plan)
    sections = len((result.data.get("plan") or {}).get("sections", []) or [])
    out.write(f"Đã nhập {display_name(source)} → {plan_shown} ({sections} mục, {_count_tasks(result.data)} nhiệm vụ)\n")
    if written.registry is not None:
        reg_shown = display_name(written.registry)
        if written.registry_written:
            count = len((result.registry or {}).get("units", []))
            out.write(f"  - sổ đơn vị mới {reg_shown}: {count} đơn vị\n")
        else:
            out.write(f"  - dùng sổ đơn vị có sẵn {reg_shown} (không sửa)\n")
    located = [(plan_shown, x) for x in result.located]
    if written.registry_written:
        located += [(display_name(written.registry), x) for x in result.registry_located]
    if located:
        out.write(f"Cần kiểm tra {len(located)} chỗ tt import không chắc chắn (mỗi chỗ có chú thích "
                  "`# tt import:` trên dòng đó):\n")
        for shown, x in located:
            where = f" [{x.note.src}]" if x.note.src else ""
            out.write(f"  {shown}:{x.line}: {x.note.code} {x.note.message}{where}\n")
    if result.unknown_units:
        out.write(f"Các đơn vị chưa có trong sổ đơn vị ({len(result.unknown_units)}): "
                  + "; ".join(result.unknown_units) + ". Thêm vào sổ đơn vị, hoặc sửa tên trong kế hoạch.\n")
    files = check_files([written.plan])
    problems = [p for f in files for p in f.problems]
    if problems:
        out.write("Kiểm tra kế hoạch vừa nhập (tt validate):\n")
        emit(files, "text", out)
    else:
        out.write(f"Kiểm tra kế hoạch vừa nhập: không có lỗi. Tiếp theo: đọc các chú thích rồi "
                  f"`tt render {plan_shown} --docx`.\n")
    return exit_code(problems)
