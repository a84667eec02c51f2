"""`tt lint`: the lint rules on every plan, with safe fixes (--fix) or their diff (--diff)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from tuyentruyen.cli.base import ReportFormat, app, fail_error
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
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Không dùng (và không ghi) bộ nhớ đệm .tt_cache/ của kho: kiểm tra lại mọi tệp."),
    jobs: int = typer.Option(
        0, "--jobs", "-j", min=0, help="Số tiến trình kiểm tra song song; 0: một tiến trình cho mỗi lõi CPU."),
) -> None:
    """Soát lỗi nội dung các kế hoạch: thời hạn, trách nhiệm, viện dẫn, chữ viết (xem `tt rule`)."""
    from tuyentruyen.cli.validate import run_check
    from tuyentruyen.errors import TTError
    from tuyentruyen.project.config import load_config
    from tuyentruyen.project.discover import discover

    try:
        files = discover(paths)
        cfg = None
        if config is not None:
            from tuyentruyen.rules.engine import check_config

            cfg = load_config(config)
            check_config(cfg)
        fixed = 0
        if fix or diff:
            fixed = _fix(files, cfg, write=not diff)
            if diff:
                raise typer.Exit(fixed)
    except TTError as exc:
        raise fail_error(exc) from None
    raise typer.Exit(max(fixed, run_check([str(f) for f in files], fmt.value, False, cfg, cache=not no_cache,
                                          jobs=jobs)))


def _fix(files: list[Path], cfg, *, write: bool) -> int:
    """--fix (write) or --diff: every safe fix, through the shared rewrite path (tuyentruyen.edit)."""
    from tuyentruyen.edit.fix import fix_files

    outcome = fix_files(files, cfg, write=write)
    if outcome.unreadable:
        from tuyentruyen.report import emit

        emit(outcome.unreadable, "text", sys.stderr)
    if not write:
        for result in outcome.changed:
            sys.stdout.write(result.diff())
    typer.echo(outcome.summary(write), err=True)
    return outcome.exit_code(write)
