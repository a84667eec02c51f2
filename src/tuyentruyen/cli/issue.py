"""`tt issue`: write the number and date the e-office system gave into a plan (tuyentruyen.edit.issue)."""

from __future__ import annotations

import typer

from tuyentruyen.cli.base import app, fail_error
from tuyentruyen.cli.complete import plan_files_only


@app.command("issue")
def issue(
    path: str = typer.Argument(..., help="Tệp kế hoạch đã trình ký.", show_default=False,
                               autocompletion=plan_files_only),
    number: str = typer.Option(..., "--number", "-n", show_default=False,
                               help="Số văn bản hệ thống quản lý văn bản điện tử đã cấp: 233 (hoặc 233/QĐ-UBND)."),
    date: str = typer.Option(..., "--date", "-d", show_default=False,
                             help="Ngày ban hành hệ thống đã cấp: dd/mm/yyyy (19/12/2022) hoặc yyyy-mm-dd."),
    force: bool = typer.Option(False, "--force", help="Ghi đè số, ngày kế hoạch đã có (khi hệ thống cấp lại)."),
) -> None:
    """Ghi số và ngày ban hành do hệ thống quản lý văn bản cấp vào kế hoạch.

    Bản dự thảo (`tt render --draft`) để trống số, ngày (Nghị định 30/2020/NĐ-CP, Điều 15); khi văn
    bản đã được cấp số, lệnh này ghi số, ngày vào tệp YAML — giữ nguyên mọi chú thích, kiểm tra lại
    trước khi ghi — để lần `tt render` sau in ra đúng văn bản đã ký. Không ghi đè số đã có nếu không
    có --force; ngày phải có thật và không sớm hơn các văn bản được viện dẫn.
    """
    from tuyentruyen.edit.issue import issue_plan
    from tuyentruyen.errors import TTError

    try:
        done = issue_plan(path, number, date, force=force)
    except TTError as exc:
        raise fail_error(exc) from None
    typer.echo(f"Đã ghi vào {done.display}:")
    for line in done.summary():
        typer.echo(f"  {line}")
    typer.echo(f"Xuất lại văn bản đã ký: tt render {done.display}")
