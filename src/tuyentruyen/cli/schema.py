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

    from tuyentruyen.cli.base import fail_error
    from tuyentruyen.errors import TTError

    text = registry_schema_text() if units else plan_schema_text()
    if output is None:
        typer.echo(text, nl=False)
    else:
        if output.suffix.lower() in (".yaml", ".yml"):
            from tuyentruyen.cli.base import fail_usage

            raise fail_usage(f"-o {output}: lược đồ là tệp JSON; tt không ghi nó vào một tệp .yaml (có thể là kế hoạch).",
                             "Ghi ra tệp .json, ví dụ -o docs/schema/plan.schema.json.")
        try:
            atomic_write_text(output, text)
        except TTError as exc:
            raise fail_error(exc) from None
