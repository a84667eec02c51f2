"""`tt diff`: what a change does to a plan — tasks added, removed, moved, changed — not YAML lines."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from tuyentruyen.cli.base import app, fail_error
from tuyentruyen.cli.complete import plan_files_only


class DiffFormat(str, enum.Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command("diff")
def diff(
    paths: list[str] = typer.Argument(
        None, show_default=False, metavar="[CŨ MỚI | TỆP…]", autocompletion=plan_files_only,
        help="Hai tệp CŨ MỚI; hoặc (với --rev) các tệp/thư mục kế hoạch, bỏ trống: mọi kế hoạch đã đổi trong plans/."),
    rev: str = typer.Option(
        None, "--rev", "-r", show_default=False,
        help="Đọc bản cũ bằng git ở phiên bản này: REV (so với bản đang sửa), A..B, hoặc A...B "
             "(từ chỗ B tách khỏi A). Ví dụ: origin/main, HEAD~1, v2024..HEAD."),
    fmt: DiffFormat = typer.Option(
        "text", "--format", "-f",
        help="Dạng báo cáo: text (cho người đọc), markdown (bình luận pull request), json (cho máy)."),
    output: Path = typer.Option(
        None, "--output", "-o", show_default=False, help="Ghi báo cáo vào tệp này thay vì in ra màn hình."),
    docx: Path = typer.Option(
        None, "--docx", show_default=False,
        help="Ghi thêm Bảng so sánh (STT, nội dung cũ, nội dung mới, ghi chú) ra tệp .docx này."),
    no_cosmetic: bool = typer.Option(
        False, "--no-cosmetic",
        help="Không liệt kê các thay đổi chỉ về hình thức (cùng đơn vị viết cách khác, khoảng trắng…); vẫn được đếm."),
) -> None:
    """So sánh hai phiên bản kế hoạch theo nội dung: nhiệm vụ thêm, bỏ, chuyển nhóm, sửa (theo mã nhiệm vụ).

    Mã thoát: 0 giống nhau; 1 có khác biệt; 2 dùng sai lệnh, thiếu git hoặc một bản có lỗi định dạng.
    """
    import gc
    import io
    import sys

    from tuyentruyen.diff.sources import collect
    from tuyentruyen.errors import TTError

    inputs = tuple(Path(p) for p in paths or ())
    # the loader builds hundreds of thousands of small objects at once; the cyclic collector,
    # re-scanning them every few hundred allocations, would double the time of a large plan
    gc.disable()
    try:
        diffs = collect(list(paths or []), rev)
    except TTError as exc:
        raise fail_error(exc) from None
    finally:
        gc.enable()

    from tuyentruyen.diff.progress import REPORTERS, ProgressDiff, as_dict

    progress = [d for d in diffs if isinstance(d, ProgressDiff)]  # progress files: what moved
    codes = [d.exit_code for d in diffs]
    diffs = [d for d in diffs if not isinstance(d, ProgressDiff)]
    if progress and (not diffs or fmt is not DiffFormat.json):
        buf = io.StringIO()
        REPORTERS[fmt.value](progress, buf)
        if output is None:
            sys.stdout.write(buf.getvalue())
        if not diffs:
            if output is not None:
                from tuyentruyen.project.files import atomic_write_text

                try:
                    atomic_write_text(output, buf.getvalue(), protect=inputs)
                except TTError as exc:
                    raise fail_error(exc) from None
            raise typer.Exit(max(codes))
    if fmt is DiffFormat.text:
        from tuyentruyen.diff.report_text import report
    elif fmt is DiffFormat.markdown:
        from tuyentruyen.diff.report_markdown import report
    else:
        from tuyentruyen.diff.report_json import report as plan_report

        def report(found, stream, cosmetic=True):  # the plans' JSON, with the progress files' under "progress"
            if not progress:
                return plan_report(found, stream, cosmetic=cosmetic)
            import json

            from tuyentruyen.diff.report_json import as_dict as plans_dict

            data = plans_dict(found)
            data["progress"] = as_dict(progress)["files"]
            json.dump(data, stream, ensure_ascii=False, indent=2)
            stream.write("\n")

    if output is None:
        report(diffs, sys.stdout, cosmetic=not no_cosmetic)
    else:
        from tuyentruyen.project.files import atomic_write_text

        buf = io.StringIO()
        report(diffs, buf, cosmetic=not no_cosmetic)
        try:
            atomic_write_text(output, buf.getvalue(), protect=inputs)
        except TTError as exc:
            raise fail_error(exc) from None
    if docx is not None:
        from tuyentruyen.diff.docx import write_docx

        try:
            write_docx(diffs, docx, protect=inputs)
        except TTError as exc:
            raise fail_error(exc) from None
        typer.echo(f"Đã ghi Bảng so sánh vào {docx}.", err=True)
    raise typer.Exit(max(codes) if codes else 0)
