"""`tt validate`: the schema (and, unless --schema-only, the lint rules) of every plan."""

from __future__ import annotations

import sys

import typer

from tuyentruyen.cli.base import ReportFormat, app, fail_usage
from tuyentruyen.cli.complete import plan_paths


def run_check(paths: list[str] | None, fmt: str, schema_only: bool) -> int:
    from tuyentruyen import api
    from tuyentruyen.report import emit

    try:
        files = api.discover(paths)
    except api.UsageError as exc:
        raise fail_usage(exc.message, exc.hint) from None
    report = api.check_files(files, schema_only=schema_only)
    emit(report.files, fmt, sys.stdout)
    return report.exit_code()


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
) -> None:
    """Kiểm tra định dạng các kế hoạch và báo mọi lỗi kèm tệp:dòng:cột."""
    raise typer.Exit(run_check(paths, fmt.value, schema_only))
