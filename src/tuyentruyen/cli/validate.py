"""`tt validate`: the schema (and, unless --schema-only, the lint rules) of every plan."""

from __future__ import annotations

import sys

import typer

from tuyentruyen.cli.base import ReportFormat, app
from tuyentruyen.cli.complete import plan_paths


def run_check(paths: list[str] | None, fmt: str, schema_only: bool, config=None, *, cache: bool = True,
              jobs: int = 0) -> int:
    from tuyentruyen.cli.errout import check_command

    return check_command(paths, fmt, schema_only, config, cache=cache, jobs=jobs)


@app.command("validate")
def validate(
    paths: list[str] = typer.Argument(
        None, help="Các tệp hoặc thư mục kế hoạch; bỏ trống: mọi kế hoạch trong plans/.", show_default=False,
        autocompletion=plan_paths),
    fmt: ReportFormat = typer.Option(
        "text", "--format", "-f",
        help="Dạng báo cáo: text (cho người đọc), json, github (chú thích trên GitHub Actions)…"),
    schema_only: bool = typer.Option(
        False, "--schema-only", help="Chỉ kiểm tra định dạng (schema), không chạy các quy tắc soát lỗi."),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Không dùng (và không ghi) bộ nhớ đệm .tt_cache/ của kho: kiểm tra lại mọi tệp."),
    jobs: int = typer.Option(
        0, "--jobs", "-j", min=0, help="Số tiến trình kiểm tra song song; 0: một tiến trình cho mỗi lõi CPU."),
) -> None:
    """Kiểm tra định dạng các kế hoạch và báo mọi lỗi kèm tệp:dòng:cột."""
    raise typer.Exit(run_check(paths, fmt.value, schema_only, cache=not no_cache, jobs=jobs))
