"""`tt rule`: the page of a lint rule in the terminal, the list of rules, the docs/rules/ pages."""

from __future__ import annotations

from pathlib import Path

import typer

from tuyentruyen.cli.base import app, fail_usage


@app.command("rule")
def rule(
    code: str = typer.Argument(None, help="Mã quy tắc, ví dụ TT-D001 (hoặc D001); bỏ trống: liệt kê mọi quy tắc.",
                               show_default=False),
    write_docs: Path = typer.Option(
        None, "--write-docs", help="Ghi trang của mọi quy tắc (Markdown) vào thư mục này, ví dụ docs/rules.",
        show_default=False),
) -> None:
    """Giải thích một quy tắc soát lỗi: làm gì, vì sao, ví dụ sai, nên viết, căn cứ."""
    import sys

    from tuyentruyen.rules import all_rules, get_rule
    from tuyentruyen.rules.docs import page

    if write_docs is not None:
        from tuyentruyen.cli.base import fail_error
        from tuyentruyen.errors import TTError
        from tuyentruyen.rules.docs import write_docs as write

        try:
            written = write(write_docs)
        except TTError as exc:
            raise fail_error(exc) from None
        typer.echo(f"tt: đã ghi {len(written)} trang vào {write_docs}." if written
                   else f"tt: các trang trong {write_docs} đã cập nhật.", err=True)
        raise typer.Exit(0)
    if code is None:
        _list(all_rules())
        raise typer.Exit(0)
    found = get_rule(code)
    if found is None:
        from tuyentruyen.vn.text import did_you_mean

        guess = did_you_mean(code.upper(), [r.code for r in all_rules()])
        raise fail_usage(f"Không có quy tắc mã '{code}'." + (f" Có phải ý bạn là {guess}?" if guess else ""),
                         "Chạy `tt rule` để xem danh sách các quy tắc.")
    text = page(found)
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        typer.echo(text, nl=False)


def _list(rules) -> None:
    from tuyentruyen.rules.engine import FAMILIES

    level = {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú"}
    for letter, (_, family) in FAMILIES.items():
        typer.echo(f"{family} (TT-{letter}…)")
        for r in rules:
            if r.code[3] != letter:
                continue
            flags = ("" if r.default else " [tắt mặc định]") + (" [tự sửa]" if r.fixable else "")
            typer.echo(f"  {r.code}  {level[r.severity.value]:<9} {r.title}{flags}")
        typer.echo("")
    typer.echo("Xem một quy tắc: tt rule MÃ (ví dụ tt rule TT-D001).")
