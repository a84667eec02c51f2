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
        invalid, done, refused = [], [], 0
        with _Outputs(formats, targets, tuple(files), pdfmod) as outputs:
            # one plan at a time: loaded, linted, rendered, then let go (a country's 3,355 plans
            # are never all in memory); the PDFs are made in one LibreOffice run at the end
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
                    continue
                notes: list = []
                # the templates of the plan's own repository (as `tt render --report` and lint take its
                # tt.toml), not of the folder tt runs in; the outputs go under the folder tt runs in
                home = find_project_root(plan_path.resolve().parent)
                render_docx(loaded.plan, outputs.docx_path(loaded.path), config, home, protect=outputs.inputs,
                            notes=notes)
                _say_layout(loaded, config, notes)
                done.append((loaded.path, loaded.display))
                del loaded
    except TTError as exc:
        raise fail_error(exc) from None
    for plan_path, display in done:
        for fmt in formats:
            typer.echo(f"Đã xuất {_shown(targets[plan_path][fmt])}  ({display})")
    if invalid:
        emit(invalid, "text", sys.stdout)
        typer.echo(f"tt: {len(invalid)} kế hoạch có lỗi nên chưa xuất văn bản; sửa lỗi rồi chạy lại `tt render`.",
                   err=True)
        return max(1, exit_code([p for f in invalid for p in f.problems]))
    return 1 if refused else 0


class _Outputs:
    """Where each .docx is written: in place (through project.files' atomic write), or, when PDFs
    are asked for, into a work folder; on a clean exit the PDFs are made in one LibreOffice run and
    each file (the .docx only if asked) is moved into place only when complete."""

    def __init__(self, formats, targets, inputs, pdfmod):
        self.formats, self.targets, self.inputs, self.pdfmod = formats, targets, inputs, pdfmod
        self.work: list[tuple[Path, Path]] = []  # (plan, its .docx in the work folder)
        self._tmp = None

    def __enter__(self):
        if "pdf" in self.formats:
            import tempfile

            self._tmp = tempfile.TemporaryDirectory(prefix="tt-render-")
        return self

    def docx_path(self, plan_path: Path) -> Path:
        if self._tmp is None:
            return self.targets[plan_path]["docx"]
        path = Path(self._tmp.name) / f"{len(self.work):04d}-{self.targets[plan_path]['pdf'].stem}.docx"
        self.work.append((plan_path, path))
        return path

    def __exit__(self, kind, exc, tb):
        if self._tmp is None:
            return False
        try:
            if kind is None and self.work:
                self._place()
        finally:
            self._tmp.cleanup()
        return False

    def _place(self) -> None:
        import shutil

        from tuyentruyen.project.files import atomic_path

        made = self.pdfmod.convert([docx for _, docx in self.work], Path(self._tmp.name) / "pdf")
        for (plan_path, docx_file), pdf_file in zip(self.work, made):
            want = self.targets[plan_path]
            if "docx" in want:
                with atomic_path(want["docx"], protect=self.inputs) as target:
                    shutil.copyfile(docx_file, target)
            with atomic_path(want["pdf"], protect=self.inputs) as target:
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
