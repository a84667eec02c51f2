"""`tt schema`: the JSON Schema of the plan format (or of the unit registry), for editors."""

from __future__ import annotations

from pathlib import Path

import typer

from tuyentruyen.cli.base import app


@app.command("schema")
def schema(
    units: bool = typer.Option(False, "--units", help="In lược đồ của sổ đơn vị thay vì của kế hoạch."),
    progress: bool = typer.Option(
        False, "--progress", help="In lược đồ của tệp tiến độ (…progress.yaml, docs/work.md) thay vì của kế hoạch."),
    registry: list[Path] = typer.Option(
        None, "--registry", "-r", metavar="SỔ_ĐƠN_VỊ", show_default=False,
        help="Sổ đơn vị (units.yaml) mà lược đồ gợi ý tên chuẩn khi gõ chủ trì, phối hợp, đơn vị "
             "(vẫn nhận mọi tên khác; tt validate mới kiểm tra tên). Kho có nhiều cơ quan: ghi nhiều lần."),
    output: Path = typer.Option(None, "--output", "-o", help="Ghi vào tệp này thay vì in ra màn hình."),
) -> None:
    """In lược đồ JSON Schema (draft 2020-12) của định dạng kế hoạch, để trình soạn thảo gợi ý và kiểm tra.

    Lược đồ có tên và giải thích tiếng Việt cho mọi khóa, nghĩa của mọi giá trị cố định, các mẫu
    (nhiệm vụ, nhóm, mục, viện dẫn, người ký) và báo lỗi bằng đúng lời của tt validate.
    """
    from tuyentruyen.cli.base import fail_error, fail_usage
    from tuyentruyen.errors import TTError
    from tuyentruyen.project.files import atomic_write_text

    if units and registry:
        raise fail_usage("--registry dùng cho lược đồ kế hoạch, không dùng cùng --units.",
                         "Bỏ --units để in lược đồ kế hoạch gợi ý tên đơn vị của sổ đơn vị này.")
    if output is not None and output.suffix.lower() in (".yaml", ".yml"):
        raise fail_usage(f"-o {output}: lược đồ là tệp JSON; tt không ghi nó vào một tệp .yaml (có thể là kế hoạch).",
                         "Ghi ra tệp .json, ví dụ -o docs/schema/plan.schema.json.")
    from tuyentruyen.model.schema import plan_schema_text, registry_schema_text

    if progress:
        from tuyentruyen.model.schema import progress_schema_text

        text = progress_schema_text()
    elif units:
        text = registry_schema_text()
    else:
        text = plan_schema_text([_registry(p) for p in registry] if registry else None)
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        atomic_write_text(output, text)
    except TTError as exc:
        raise fail_error(exc) from None


def _registry(path: Path):
    """The unit registry at path, indexed (with the national units it extends), or exit 2 with its problems."""
    from tuyentruyen.cli.base import fail_error
    from tuyentruyen.errors import TTError
    from tuyentruyen.loading.documents import load_registry
    from tuyentruyen.project.registry import index_registry

    loaded = load_registry(path)
    if loaded.registry is None:
        bad = [p for p in loaded.problems if p.severity.value == "error" or p.fatal]
        raise fail_error(TTError(f"Không dùng được sổ đơn vị '{loaded.display}' cho --registry (lỗi ở trên).",
                                 "Sửa lỗi của sổ đơn vị (kiểm tra bằng `tt validate` tệp đó), hoặc chỉ ra đúng tệp "
                                 "units.yaml, rồi chạy lại.", problems=bad))
    return index_registry(loaded.registry)
