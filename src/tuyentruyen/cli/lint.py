"""`tt lint`: the lint rules on every plan, with safe fixes (--fix) or their diff (--diff)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from tuyentruyen.cli.base import ReportFormat, app, fail_usage
from tuyentruyen.cli.complete import plan_paths


@app.command("lint")
def lint(
    paths: list[str] = typer.Argument(
        None, help="Các tệp hoặc thư mục kế hoạch; bỏ trống: mọi kế hoạch trong plans/.", show_default=False,
        autocompletion=plan_paths),
    fmt: ReportFormat = typer.Option(
        "text", "--format", "-f",
        help="Dạng báo cáo: text (cho người đọc), json, github (chú thích trên GitHub Actions), sarif (GitHub "
             "code scanning)."),
    fix: bool = typer.Option(
        False, "--fix", help="Sửa tự động các lỗi sửa được an toàn (Unicode NFC, lỗi chính tả đã biết, khoảng "
                             "trắng, tên đơn vị → tên chuẩn), giữ nguyên mọi ghi chú; rồi báo các lỗi còn lại."),
    diff: bool = typer.Option(
        False, "--diff", help="Chỉ in những gì --fix sẽ sửa (dạng diff), không ghi tệp; mã thoát 1 nếu có chỗ sửa."),
    config: Path = typer.Option(
        None, "--config", help="Dùng tệp cấu hình này thay cho tt.toml tìm thấy từ thư mục kế hoạch trở lên.",
        show_default=False),
) -> None:
    """Soát lỗi nội dung các kế hoạch: thời hạn, trách nhiệm, viện dẫn, chữ viết (xem `tt rule`)."""
    from tuyentruyen import api
    from tuyentruyen.project.config import ConfigError, load_config
    from tuyentruyen.report import emit

    try:
        files = api.discover(paths)
    except api.UsageError as exc:
        raise fail_usage(exc.message, exc.hint) from None
    cfg = None
    if config is not None:
        try:
            cfg = load_config(config)
            from tuyentruyen.rules.engine import check_config

            check_config(cfg)
        except ConfigError as exc:
            raise fail_usage(f"{exc.path}:{exc.line}:{exc.col}: {exc.message}", exc.hint) from None
    if fix or diff:
        code = _fix(files, cfg, write=not diff)
        if diff:
            raise typer.Exit(code)
    report = api.check_files(files, config=cfg)
    emit(report.files, fmt.value, sys.stdout)
    raise typer.Exit(report.exit_code())


def _fix(files: list[Path], cfg, *, write: bool) -> int:
    from tuyentruyen import api
    from tuyentruyen.project.config import ConfigError
    from tuyentruyen.edit.fix import fix_file
    from tuyentruyen.project.files import atomic_write_bytes

    changed = fixes = 0
    for path in files:
        if api.is_registry_file(path):
            continue
        try:
            result = fix_file(path, cfg)
        except ConfigError as exc:
            raise fail_usage(f"{exc.path}:{exc.line}:{exc.col}: {exc.message}", exc.hint) from None
        if not result.changed:
            continue
        changed += 1
        fixes += result.applied
        if write:
            atomic_write_bytes(path, result.data())
        else:
            sys.stdout.write(result.diff())
    if write:
        if fixes:
            typer.echo(f"tt: đã sửa {fixes} chỗ trong {changed} tệp.", err=True)
        return 0
    typer.echo(f"tt: --fix sẽ sửa {fixes} chỗ trong {changed} tệp." if fixes else "tt: không có gì để sửa.",
               err=True)
    return 1 if changed else 0
