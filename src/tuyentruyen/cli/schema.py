"""`tt schema`: the JSON Schema of the plan format (or of the unit registry)."""

from __future__ import annotations

from pathlib import Path

import typer

from tuyentruyen.cli.base import app


@app.command("schema")
def schema(
    units: bool = typer.Option(False, "--units", help="In lược đồ của sổ đơn vị thay vì của kế hoạch."),
    output: Path = typer.Option(None, "--output", "-o", help="Ghi vào tệp này thay vì in ra màn hình."),
) -> None:
    """In lược đồ JSON Schema (draft 2020-12) của định dạng kế hoạch, để trình soạn thảo gợi ý và kiểm tra."""
    from tuyentruyen.model.schema import registry_schema_text, plan_schema_text
    from tuyentruyen.project.files import atomic_write_text

    text = registry_schema_text() if units else plan_schema_text()
    if output is None:
        typer.echo(text, nl=False)
    else:
        atomic_write_text(output, text)
