"""The typer application object, shared by the command modules (one module a command)."""

from __future__ import annotations

from tuyentruyen.cli import i18n

i18n.install()  # before typer reads its words

import typer  # noqa: E402

i18n.patch_typer()

from tuyentruyen.cli import helptypes  # noqa: E402

helptypes.patch()  # no <bool>/<list[str]>/[OPTIONS] in the help

import enum  # noqa: E402

from tuyentruyen import __version__  # noqa: E402
from tuyentruyen.report import FORMATS  # noqa: E402

# the report formats a command accepts: every reporter registered in tuyentruyen.report
ReportFormat = enum.Enum("ReportFormat", {name: name for name in FORMATS}, type=str)

HELP = (
    "tt — kế hoạch tuyên truyền dưới dạng mã.\n\n"
    "Kiểm tra, soát lỗi, so sánh và xuất văn bản (.docx) các kế hoạch tuyên truyền viết bằng YAML, "
    "theo thể thức Nghị định 30/2020/NĐ-CP. Không chỉ tệp nào thì làm việc với mọi kế hoạch trong "
    "thư mục plans/.\n\n"
    "Mã thoát: 0 không có lỗi; 1 có lỗi trong kế hoạch (hoặc có khác biệt, với diff); "
    "2 dùng sai lệnh hoặc không đọc được tệp."
)

app = typer.Typer(
    name="tt",
    help=HELP,
    no_args_is_help=True,
    add_completion=True,
    # plain help: typer's rich help imports rich.markdown and markdown-it (~60 ms of 0.25 s)
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tt (tuyentruyen) {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", "-V", help="In phiên bản của tt rồi thoát.", is_eager=True, callback=_version),
) -> None:
    """tt — kế hoạch tuyên truyền dưới dạng mã."""


def fail_usage(message: str, hint: str | None = None) -> "typer.Exit":
    """Print a usage error (Vietnamese, with how to fix it) to stderr; return Exit(2) to raise."""
    typer.echo(f"tt: lỗi: {message}", err=True)
    if hint:
        typer.echo(f"  gợi ý: {hint}", err=True)
    return typer.Exit(2)


def fail_error(exc) -> "typer.Exit":
    """Print a tuyentruyen.errors.TTError (where, code, what, how to fix); return Exit(2) to raise.

    Its located problems, if any, are printed first, as `tt validate` prints them."""
    import sys

    if exc.problems:
        from tuyentruyen.report import emit_problems

        emit_problems(exc.problems, sys.stderr)
    code = f" {exc.code}" if exc.file is not None else ""
    typer.echo(f"{exc.where}lỗi{code}: {exc.message}" if exc.file is not None else f"tt: lỗi: {exc.message}",
               err=True)
    if exc.hint:
        typer.echo(f"  gợi ý: {exc.hint}", err=True)
    return typer.Exit(2)
