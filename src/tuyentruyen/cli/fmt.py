"""`tt fmt`: rewrite plans in the canonical layout, keeping every comment (tuyentruyen.edit.fmt)."""

from __future__ import annotations

import sys

import typer

from tuyentruyen.cli.base import app, fail_error, fail_usage
from tuyentruyen.cli.complete import plan_paths


@app.command("fmt")
def fmt(
    paths: list[str] = typer.Argument(
        None, autocompletion=plan_paths, show_default=False,
        help="Các tệp hoặc thư mục kế hoạch (và sổ đơn vị); bỏ trống: mọi tệp trong plans/; "
             "'-': đọc từ đầu vào chuẩn, in kết quả ra màn hình."),
    check: bool = typer.Option(
        False, "--check",
        help="Không ghi gì: liệt kê các tệp chưa đúng định dạng và thoát với mã 1 nếu có (dùng trong CI)."),
    diff: bool = typer.Option(
        False, "--diff",
        help="Không ghi gì: in phần thay đổi (dạng diff) mà tt fmt sẽ làm; mã thoát 1 nếu có thay đổi."),
) -> None:
    """Định dạng lại kế hoạch theo một bố cục chuẩn, giữ nguyên mọi chú thích (#).

    Thứ tự khóa theo định dạng kế hoạch, chữ Unicode dựng sẵn (NFC), thụt lề và dấu ngoặc kép thống nhất; mỗi đoạn văn giữ trên một dòng, không bị ngắt lại (sửa một chữ chỉ đổi một dòng khi xem thay đổi). Dữ liệu không đổi; tệp có lỗi cú pháp YAML được để nguyên (mã thoát 2).
    """
    from tuyentruyen.errors import TTError
    from tuyentruyen.project.discover import discover

    if paths and "-" in paths:
        if len(paths) > 1:
            raise fail_usage("'-' (đầu vào chuẩn) không đi cùng tệp khác.", "Chạy `tt fmt -` riêng cho đầu vào chuẩn.")
        raise typer.Exit(_stdin(check, diff))
    try:
        files = discover(paths)
    except TTError as exc:
        raise fail_error(exc) from None
    raise typer.Exit(run(files, check=check, diff=diff))


def run(files, *, check: bool, diff: bool) -> int:
    import os

    from tuyentruyen.edit.fmt import format_file, write_formatted
    from tuyentruyen.project.files import WriteError

    out, err = sys.stdout, sys.stderr
    changed, same, failed = [], [], []
    for path in files:
        try:
            result = format_file(path)
        except Exception:  # noqa: BLE001 - isolate this file: the others are still formatted
            if os.environ.get("TT_DEBUG"):
                raise
            from tuyentruyen.check import internal_problem
            from tuyentruyen.edit.fmt import Formatted
            from tuyentruyen.loading.source import display_name

            shown = display_name(path)
            failed.append(Formatted(path, shown, problems=[internal_problem(shown, "định dạng")]))
            continue
        if not result.ok:
            failed.append(result)
            continue
        if not result.changed:
            same.append(result)
            continue
        if diff:
            out.write(_unified(result))
        elif check:
            out.write(f"cần định dạng lại: {result.display}\n")
        else:
            try:
                write_formatted(result)
            except WriteError as exc:
                result.problems = [exc.to_problem()]
                failed.append(result)
                continue
            out.write(f"đã định dạng lại: {result.display}\n")
        changed.append(result)
    if failed:
        _report_failures(failed, err)
    summary = _summary(len(changed), len(same), len(failed), dry=check or diff)
    (err if diff else out).write(summary + "\n")
    if failed:
        return 2
    return 1 if (check or diff) and changed else 0


def _stdin(check: bool, diff: bool) -> int:
    from tuyentruyen.edit.fmt import FormatError, Formatted, format_text

    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        typer.echo("tt: lỗi TT-Y002: đầu vào chuẩn không phải văn bản UTF-8.\n  gợi ý: Lưu nội dung ở mã UTF-8 rồi chạy lại.", err=True)
        return 2
    result = Formatted(None, "<stdin>", original=text)
    try:
        result.formatted = format_text(text)
    except FormatError as exc:
        result.problems = exc.problems
        _report_failures([result], sys.stderr)
        return 2
    if diff:
        sys.stdout.write(_unified(result))
    elif not check:
        sys.stdout.write(result.formatted)
    return 1 if (check or diff) and result.changed else 0


def _unified(result) -> str:
    import difflib

    lines = difflib.unified_diff(
        result.original.splitlines(keepends=True), result.formatted.splitlines(keepends=True),
        fromfile=f"a/{result.display}", tofile=f"b/{result.display}")
    text = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
    return text


def _report_failures(failed, stream) -> None:
    from tuyentruyen.loading import Source
    from tuyentruyen.report import ProblemsOf
    from tuyentruyen.report.text import report

    report([ProblemsOf(r.problems, Source(r.path, r.display, r.original) if r.original else None) for r in failed],
           stream)


def _summary(changed: int, same: int, failed: int, *, dry: bool) -> str:
    parts = []
    if changed:
        parts.append(f"{changed} tệp cần định dạng lại" if dry else f"{changed} tệp đã được định dạng lại")
    if same:
        parts.append(f"{same} tệp đã đúng định dạng")
    if failed:
        parts.append(f"{failed} tệp không định dạng được (để nguyên)")
    text = "tt fmt: " + ", ".join(parts or ["không có tệp nào"]) + "."
    if dry and changed:
        text += " Chạy `tt fmt` để định dạng lại."
    return text
