"""`tt render`: the official document of each plan, as .docx (and PDF through LibreOffice)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from tuyentruyen.cli.base import app, fail_usage
from tuyentruyen.cli.complete import plan_files_only

BUILD_DIR = "build"


def _output_name(plan_path: Path, root: Path | None) -> str:
    """plans/ha-giang/2023.yaml → "ha-giang-2023": the path under plans/, folders joined by "-"."""
    resolved = plan_path.resolve()
    for base in ([root / "plans", root] if root is not None else []):
        try:
            rel = resolved.relative_to(base.resolve())
        except ValueError:
            continue
        return "-".join((*rel.parts[:-1], rel.stem))
    return plan_path.stem


def _targets(files: list[Path], out: str | None, root: Path | None, formats: list[str]) -> dict[Path, dict[str, Path]]:
    """For each plan, the output path of each format."""
    base_dir = (root or Path.cwd()) / BUILD_DIR
    if out is not None:
        out_path = Path(out)
        if out.endswith(("/", "\\")) or out_path.is_dir():
            base_dir = out_path
        elif len(files) > 1:
            raise fail_usage(f"-o {out}: chỉ dùng một tệp đích khi xuất một kế hoạch (đang có {len(files)} kế hoạch).",
                             "Chỉ rõ một kế hoạch (`tt render plans/2024.yaml -o ke-hoach.docx`), "
                             "hoặc cho -o là một thư mục (`-o ban-in/`).")
        else:
            stem = out_path.with_suffix("") if out_path.suffix.lower() in (".docx", ".pdf") else out_path
            return {files[0]: {fmt: stem.with_name(stem.name + "." + fmt) for fmt in formats}}
    return {f: {fmt: base_dir / f"{_output_name(f, root)}.{fmt}" for fmt in formats} for f in files}


def _shown(path: Path) -> str:
    from tuyentruyen.api import relative

    rel = relative(path)
    return str(path.resolve()) if rel.startswith("..") else rel


def run_render(path: str | None, docx: bool, pdf: bool, out: str | None) -> int:
    from tuyentruyen import api
    from tuyentruyen.problems import Severity, exit_code
    from tuyentruyen.report import emit

    formats = (["docx"] if docx or not pdf else []) + (["pdf"] if pdf else [])
    try:
        files = api.discover([path] if path else None, include_registries=False)
    except api.UsageError as exc:
        raise fail_usage(exc.message, exc.hint) from None
    files = [f for f in files if not api.is_registry_file(f)]
    if not files:
        raise fail_usage(f"{path}: đây là sổ đơn vị, không phải kế hoạch.",
                         "Chỉ tệp kế hoạch (plans/<nơi>/<năm>.yaml) mới xuất được văn bản.")

    from tuyentruyen.render import ConfigError, load_config
    from tuyentruyen.render import pdf as pdfmod
    from tuyentruyen.render.docx import render_docx
    from tuyentruyen.render.wording import WordingError

    if pdf and pdfmod.find_soffice() is None:  # before any work: nothing half done
        raise fail_usage(pdfmod.PdfUnavailable.message, pdfmod.PdfUnavailable.hint)
    root = api.find_project_root() or api.find_project_root(files[0].resolve().parent)
    try:
        config = load_config(root)
    except ConfigError as exc:
        raise fail_usage(exc.message, exc.hint) from None
    targets = _targets(files, out, root, formats)

    invalid = []
    valid = []
    for plan_path in files:
        loaded = api.load_plan(plan_path)
        if loaded.plan is None or any(p.severity is Severity.ERROR or p.fatal for p in loaded.problems):
            invalid.append(loaded)
        else:
            valid.append(loaded)
    try:
        if "pdf" in formats:
            _render_with_pdf(valid, targets, config, render_docx, pdfmod)
        else:
            for loaded in valid:
                render_docx(loaded.plan, targets[loaded.path]["docx"], config)
    except WordingError as exc:
        raise fail_usage(exc.message, exc.hint) from None
    except pdfmod.PdfUnavailable as exc:
        raise fail_usage(exc.message, exc.hint) from None
    except pdfmod.PdfFailed as exc:
        raise fail_usage(exc.message, "Thử mở tệp .docx bằng LibreOffice để xem lỗi, hoặc chạy lại lệnh.") from None
    for loaded in valid:
        for fmt in formats:
            typer.echo(f"Đã xuất {_shown(targets[loaded.path][fmt])}  ({loaded.display})")
    if invalid:
        emit(invalid, "text", sys.stdout)
        typer.echo(f"tt: {len(invalid)} kế hoạch có lỗi nên chưa xuất văn bản; sửa lỗi rồi chạy lại `tt render`.",
                   err=True)
        return max(1, exit_code([p for f in invalid for p in f.problems]))
    return 0


def _render_with_pdf(valid, targets, config, render_docx, pdfmod) -> None:
    """Every .docx into a work folder, one LibreOffice run for all the PDFs, then each file
    (the .docx only if asked) moved into place only when complete."""
    import shutil
    import tempfile

    from tuyentruyen.project.files import atomic_path

    if not valid:
        return
    with tempfile.TemporaryDirectory(prefix="tt-render-") as tmp:
        work = []
        for i, loaded in enumerate(valid):
            path = Path(tmp) / f"{i:04d}-{targets[loaded.path]['pdf'].stem}.docx"
            render_docx(loaded.plan, path, config)
            work.append(path)
        made = pdfmod.convert(work, Path(tmp) / "pdf")
        for loaded, docx_file, pdf_file in zip(valid, work, made):
            want = targets[loaded.path]
            if "docx" in want:
                with atomic_path(want["docx"]) as target:
                    shutil.copyfile(docx_file, target)
            with atomic_path(want["pdf"]) as target:
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
) -> None:
    """Xuất văn bản chính thức (Quyết định, Kế hoạch, Phụ lục) theo thể thức Nghị định 30/2020/NĐ-CP."""
    raise typer.Exit(run_render(path, docx, pdf, out))
