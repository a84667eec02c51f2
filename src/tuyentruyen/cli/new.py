"""`tt new`: start a plan for a year, from last year's plan or from the template (tuyentruyen.edit.new)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from tuyentruyen.cli.base import app, fail_error, fail_usage
from tuyentruyen.cli.complete import plans_only


@app.command("new")
def new(
    source: Path = typer.Option(
        None, "--from", metavar="TỆP", autocompletion=plans_only, show_default=False,
        help="Lập kế hoạch năm mới từ kế hoạch năm trước: chuyển năm, quý, thời hạn sang năm mới; "
             "xóa số, ngày và người ký; giữ mã nhiệm vụ."),
    year: int = typer.Option(
        None, "--year", metavar="NĂM", show_default=False,
        help="Năm của kế hoạch mới (với --from: mặc định là năm sau của kế hoạch cũ)."),
    issuer: str = typer.Option(
        None, "--issuer", metavar="CƠ_QUAN", show_default=False,
        help="Tên đầy đủ cơ quan ban hành khi lập từ mẫu: \"Ủy ban nhân dân huyện Xuân Lộc\"."),
    doc_type: str = typer.Option(
        "ke-hoach", "--type", metavar="ke-hoach|quyet-dinh",
        help="Khi lập từ mẫu: Kế hoạch đứng riêng, hoặc Quyết định ban hành Kế hoạch."),
    place: str = typer.Option(
        None, "--place", metavar="ĐỊA_DANH", show_default=False,
        help="Địa danh ở phần đầu văn bản; mặc định lấy từ tên cơ quan (\"Xuân Lộc\")."),
    symbol: str = typer.Option(
        None, "--symbol", metavar="KÝ_HIỆU", show_default=False,
        help="Ký hiệu văn bản; mặc định KH-UBND cho UBND, KH-<chữ đầu> cho cơ quan khác."),
    parent: str = typer.Option(
        None, "--parent", metavar="CƠ_QUAN", show_default=False,
        help="Cơ quan chủ quản in phía trên tên cơ quan (nếu có): \"UBND TỈNH QUẢNG NGÃI\"."),
    province: str = typer.Option(
        None, "--province", metavar="TỈNH", show_default=False,
        help="Khi lập từ mẫu: tỉnh, thành phố của cơ quan, khi tên xã, phường có ở nhiều tỉnh; sổ đơn vị mới "
             "dùng danh sách đơn vị hành chính của tỉnh này."),
    output: Path = typer.Option(
        None, "--output", "-o", metavar="TỆP", show_default=False,
        help="Tệp kế hoạch mới; mặc định plans/<năm>.yaml (hoặc cạnh kế hoạch cũ, với --from)."),
    force: bool = typer.Option(False, "--force", help="Ghi đè nếu tệp kế hoạch mới đã có."),
) -> None:
    """Lập một kế hoạch mới: từ kế hoạch năm trước (--from) hoặc từ mẫu (--year, --issuer).

    Kế hoạch mới có sẵn dòng $schema để VS Code gợi ý các khóa, được định dạng bằng tt fmt và được kiểm tra ngay (tt validate) sau khi tạo.
    """
    from tuyentruyen.edit import new as newplan
    from tuyentruyen.errors import TTError

    if source is None and (year is None or issuer is None):
        raise fail_usage("Cần --from <kế hoạch năm trước>, hoặc cả --year và --issuer để lập từ mẫu.",
                         "Ví dụ: `tt new --from plans/2025.yaml` hoặc "
                         "`tt new --year 2026 --issuer \"Ủy ban nhân dân huyện Xuân Lộc\"`.")
    if source is not None and issuer is not None:
        raise fail_usage("--from và --issuer không dùng cùng nhau: kế hoạch năm trước đã có cơ quan ban hành.",
                         "Bỏ --issuer, hoặc bỏ --from để lập từ mẫu.")
    if doc_type not in ("ke-hoach", "quyet-dinh"):
        raise fail_usage(f"--type '{doc_type}' không hợp lệ.", "Dùng --type ke-hoach hoặc --type quyet-dinh.")
    try:
        if source is not None:
            plan = newplan.from_previous(source, output, year)
        else:
            plan = newplan.from_template(year, issuer, output, doc_type=doc_type, place=place, symbol=symbol,
                                         parent=parent, province=province)
        written = newplan.write(plan, force=force, protect=(source,) if source is not None else ())
    except TTError as exc:
        raise fail_error(exc) from None
    raise typer.Exit(_report(plan, written))


def _report(plan, written: list[Path]) -> int:
    from tuyentruyen.check import check_files
    from tuyentruyen.loading.source import display_name
    from tuyentruyen.problems import exit_code
    from tuyentruyen.report import emit

    out = sys.stdout
    out.write(f"Đã tạo {display_name(plan.path)}\n")
    for note in plan.notes:
        out.write(f"  - {note}\n")
    for path in written[1:]:
        out.write(f"  - đã tạo {display_name(path)}\n")
    files = check_files([plan.path])
    problems = [p for f in files for p in f.problems]
    if problems:
        out.write("Kiểm tra kế hoạch mới (tt validate):\n")
        emit(files, "text", out)
    else:
        out.write("Kiểm tra kế hoạch mới: không có lỗi. "
                  f"Tiếp theo: sửa nội dung rồi chạy `tt validate {display_name(plan.path)}`.\n")
    return exit_code(problems)
