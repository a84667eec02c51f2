"""`tt fmt`: rewrite plans in the canonical layout, keeping every comment (tuyentruyen.edit.fmt)."""

from __future__ import annotations

import sys

import typer

from tuyentruyen.cli.base import app, fail_usage
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

    Thứ tự khóa theo định dạng kế hoạch, chữ Unicode dựng sẵn (NFC), thụt lề và dấu ngoặc kép thống nhất, đoạn văn dài được ngắt dòng. Dữ liệu không đổi; tệp có lỗi cú pháp YAML được để nguyên (mã thoát 2).
    """
    from tuyentruyen import api

    if paths and "-" in paths:
        if len(paths) > 1:
            raise fail_usage("'-' (đầu vào chuẩn) không đi cùng tệp khác.", "Chạy `tt fmt -` riêng cho đầu vào chuẩn.")
        raise typer.Exit(_stdin(check, diff))
    try:
        files = api.discover(paths)
    except api.UsageError as exc:
        raise fail_usage(exc.message, exc.hint) from None
    raise typer.Exit(run(files, check=check, diff=diff))


def run(files, *, check: bool, diff: bool) -> int:
    from tuyentruyen.edit.fmt import format_file
    from tuyentruyen.project.files import atomic_write_text

    out, err = sys.stdout, sys.stderr
    changed, same, failed = [], [], []
    for path in files:
        result = format_file(path)
        if not result.ok:
            failed.append(result)
            continue
        if not result.changed:
            same.append(result)
            continue
        changed.append(result)
        if diff:
            out.write(_unified(result))
        elif check:
            out.write(f"cần định dạng lại: {result.display}\n")
        else:
            atomic_write_text(path, result.formatted)
            out.write(f"đã định dạng lại: {result.display}\n")
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
        typer.echo("tt: lỗi: đầu vào chuẩn không phải văn bản UTF-8.", err=True)
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
    from tuyentruyen.api import Loaded
    from tuyentruyen.loading import Source
    from tuyentruyen.report.text import report

    shown = []
    for r in failed:
        source = Source(r.path, r.display, r.original) if r.original else None
        shown.append(Loaded(r.path, r.display, source=source, problems=r.problems))
    report(shown, stream)


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
