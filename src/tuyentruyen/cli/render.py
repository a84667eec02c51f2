"""`tt render`: the official document of each plan, as .docx (and PDF through LibreOffice)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from tuyentruyen.cli.base import app, fail_error, fail_usage
from tuyentruyen.cli.complete import plan_files_only

def _shown(path: Path) -> str:
    from tuyentruyen.loading.source import display_name

    return display_name(path)


SHOWN_LINT_ERRORS = 5  # the first few lint errors of a plan that `tt render` prints


def _lint_errors(loaded, config) -> list:
    """The lint errors of a plan about to be rendered (warnings are for `tt lint`)."""
    from tuyentruyen.problems import Severity
    from tuyentruyen.rules import lint_loaded

    return sorted((p for p in lint_loaded(loaded, config, errors_only=True) if p.severity is Severity.ERROR),
                  key=lambda p: p.sort_key)


def _say_lint_errors(loaded, errors: list, strict: bool) -> None:
    from tuyentruyen.report.text import headline

    typer.echo(f"tt: {loaded.display} còn {len(errors)} lỗi soát lỗi (tt lint):", err=True)
    for p in errors[:SHOWN_LINT_ERRORS]:
        typer.echo(f"  {headline(p)}", err=True)
    if len(errors) > SHOWN_LINT_ERRORS:
        typer.echo(f"  … và {len(errors) - SHOWN_LINT_ERRORS} lỗi khác: xem đủ bằng `tt lint {loaded.display}`.",
                   err=True)
    if strict:
        typer.echo(f"tt: chưa xuất văn bản của {loaded.display} (--strict): sửa các lỗi rồi chạy lại `tt render`.",
                   err=True)
    else:
        typer.echo("tt: văn bản vẫn được xuất; sửa các lỗi trước khi trình ký (thêm --strict để không xuất khi "
                   "còn lỗi).", err=True)


def _say_layout(loaded, config, notes) -> None:
    """The fixed lines that do not fit even at the smallest size (TT-E011), located."""
    from tuyentruyen.render.docx import layout_problems
    from tuyentruyen.report.text import headline

    for p in layout_problems(notes, loaded, config):
        typer.echo(f"tt: {headline(p)}", err=True)
        if p.hint:
            typer.echo(f"  gợi ý: {p.hint}", err=True)


def run_render(path: str | None, docx: bool, pdf: bool, out: str | None, strict: bool = False,
               draft: bool = False) -> int:
    from tuyentruyen.errors import TTError
    from tuyentruyen.loading.documents import load_plan
    from tuyentruyen.problems import Severity, exit_code
    from tuyentruyen.project.config import config_for
    from tuyentruyen.project.discover import discover, find_project_root, is_registry_file
    from tuyentruyen.render import pdf as pdfmod
    from tuyentruyen.render.docx import render_docx
    from tuyentruyen.render.targets import targets as output_targets
    from tuyentruyen.report import emit

    import functools

    render_docx = functools.partial(render_docx, draft=draft)
    formats = (["docx"] if docx or not pdf else []) + (["pdf"] if pdf else [])
    try:
        from tuyentruyen.project.discover import is_progress_file

        if path and is_progress_file(path):
            raise fail_usage(f"{path}: đây là tệp tiến độ, không phải kế hoạch.",
                             f"Xuất Báo cáo kết quả từ tệp tiến độ bằng `tt render --report {path}`.")
        files = [f for f in discover([path] if path else None, include_registries=False)
                 if not is_registry_file(f) and not is_progress_file(f)]
        if not files:
            raise fail_usage(f"{path}: đây là sổ đơn vị, không phải kế hoạch.",
                             "Chỉ tệp kế hoạch (plans/<nơi>/<năm>.yaml) mới xuất được văn bản.")
        if pdf and pdfmod.find_soffice() is None:  # before any work: nothing half done
            raise fail_usage(pdfmod.PdfUnavailable.message, pdfmod.PdfUnavailable.hint)
        root = find_project_root() or find_project_root(files[0].resolve().parent)
        targets = output_targets(files, out, root, formats)
        invalid, valid, refused = [], [], 0
        for plan_path in files:
            loaded = load_plan(plan_path)
            if loaded.plan is None or any(p.severity is Severity.ERROR or p.fatal for p in loaded.problems):
                invalid.append(loaded)
                continue
            config = config_for(plan_path)
            errors = _lint_errors(loaded, config)
            if errors:
                _say_lint_errors(loaded, errors, strict)
            if errors and strict:
                refused += 1
            else:
                valid.append((loaded, config))
        inputs = tuple(files)
        if "pdf" in formats:
            _render_with_pdf(valid, targets, root, inputs, render_docx, pdfmod)
        else:
            for loaded, config in valid:
                notes: list = []
                render_docx(loaded.plan, targets[loaded.path]["docx"], config, root, protect=inputs, notes=notes)
                _say_layout(loaded, config, notes)
    except TTError as exc:
        raise fail_error(exc) from None
    for loaded, _ in valid:
        for fmt in formats:
            typer.echo(f"Đã xuất {_shown(targets[loaded.path][fmt])}  ({loaded.display})")
    if invalid:
        emit(invalid, "text", sys.stdout)
        typer.echo(f"tt: {len(invalid)} kế hoạch có lỗi nên chưa xuất văn bản; sửa lỗi rồi chạy lại `tt render`.",
                   err=True)
        return max(1, exit_code([p for f in invalid for p in f.problems]))
    return 1 if refused else 0


def _render_with_pdf(valid, targets, root, inputs, render_docx, pdfmod) -> None:
    """Every .docx into a work folder, one LibreOffice run for all the PDFs, then each file
    (the .docx only if asked) moved into place only when complete."""
    import shutil
    import tempfile

    from tuyentruyen.project.files import atomic_path

    if not valid:
        return
    with tempfile.TemporaryDirectory(prefix="tt-render-") as tmp:
        work = []
        for i, (loaded, config) in enumerate(valid):
            path = Path(tmp) / f"{i:04d}-{targets[loaded.path]['pdf'].stem}.docx"
            notes: list = []
            render_docx(loaded.plan, path, config, root, notes=notes)
            _say_layout(loaded, config, notes)
            work.append(path)
        made = pdfmod.convert(work, Path(tmp) / "pdf")
        for (loaded, _), docx_file, pdf_file in zip(valid, work, made):
            want = targets[loaded.path]
            if "docx" in want:
                with atomic_path(want["docx"], protect=inputs) as target:
                    shutil.copyfile(docx_file, target)
            with atomic_path(want["pdf"], protect=inputs) as target:
                shutil.copyfile(pdf_file, target)


@app.command("render")
def render(
    path: str = typer.Argument(
        None, help="Tệp kế hoạch (hoặc thư mục); bỏ trống: mọi kế hoạch trong plans/.", show_default=False,
        autocompletion=plan_files_only),
    docx: bool = typer.Option(False, "--docx", help="Xuất văn bản Word (.docx); mặc định khi không chọn gì."),
    pdf: bool = typer.Option(False, "--pdf", help="Xuất thêm bản PDF (cần LibreOffice)."),
    out: str = typer.Option(
        None, "--output", "-o",
        help="Tệp đích (một kế hoạch) hoặc thư mục đích; mặc định build/<thư-mục>-<tên>.docx.",
        show_default=False),
    strict: bool = typer.Option(
        False, "--strict", help="Không xuất văn bản của kế hoạch còn lỗi soát lỗi (tt lint); mã thoát 1."),
    report: bool = typer.Option(
        False, "--report", help="Xuất Báo cáo kết quả thực hiện Kế hoạch từ tệp tiến độ bên cạnh kế hoạch "
                                "(…progress.yaml, xem docs/work.md) thay cho văn bản kế hoạch."),
    draft: bool = typer.Option(
        False, "--draft", help="Bản dự thảo để trình ký trên hệ thống quản lý văn bản điện tử: để trống số, ngày "
                               "và số văn bản trong dòng \"(Kèm theo …)\" (Nghị định 30/2020/NĐ-CP, Điều 15); "
                               "ghi số, ngày được cấp vào kế hoạch bằng `tt issue`."),
) -> None:
    """Xuất văn bản chính thức (Quyết định, Kế hoạch, Phụ lục) theo thể thức Nghị định 30/2020/NĐ-CP.

    Các lỗi soát lỗi (tt lint) của kế hoạch được báo (số lỗi và vài lỗi đầu); văn bản vẫn được
    xuất, trừ khi có --strict.
    """
    if report:
        from tuyentruyen.cli.status import run_report

        raise typer.Exit(run_report(path, docx, pdf, out))
    raise typer.Exit(run_render(path, docx, pdf, out, strict, draft))
