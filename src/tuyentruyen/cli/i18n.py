"""Vietnamese for the words typer prints itself (Usage:, Options, No such option…).

typer 0.29 reads part of its words through `gettext` (answered here from a data file,
before typer is imported) and vendors click with English words written in code: those
are translated where they leave typer — the usage prefix, the help option's and the
completion options' help, and error messages (by the patterns of data/cli_vi.json).
typer is pinned to 0.29.x in pyproject.toml; tests/test_cli.py fails if a word slips.
"""

from __future__ import annotations

import gettext
import json
import re
from importlib.resources import files

_installed = False
_table: dict[str, str] = {}
_patterns: list[tuple[re.Pattern, str]] = []


def _load() -> None:
    data = json.loads(files("tuyentruyen.data").joinpath("cli_vi.json").read_text("utf-8"))
    _table.update(data["words"])
    _patterns.extend((re.compile(p), r) for p, r in data["patterns"])


def translate(message: str) -> str:
    """An English click/typer message in Vietnamese (unknown ones are returned unchanged)."""
    if message in _table:
        return _table[message]
    for pattern, replacement in _patterns:
        message = pattern.sub(replacement, message)
    return message


def install() -> None:
    """Before typer is imported: answer gettext lookups in Vietnamese."""
    global _installed
    if _installed:
        return
    _load()
    dgettext, dngettext = gettext.dgettext, gettext.dngettext

    def vi_dgettext(domain: str, message: str) -> str:
        return _table.get(message) or dgettext(domain, message)

    def vi_dngettext(domain: str, singular: str, plural: str, n: int) -> str:
        chosen = singular if n == 1 else plural
        return _table.get(chosen) or _table.get(singular) or dngettext(domain, singular, plural, n)

    gettext.dgettext = vi_dgettext
    gettext.dngettext = vi_dngettext
    _installed = True


def patch_typer() -> None:
    """After typer is imported: its hard-coded English words."""
    import inspect

    from typer import completion
    from typer._click import core, exceptions, formatting

    write_usage = formatting.HelpFormatter.write_usage

    def vi_write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, _table["Usage: "] if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = vi_write_usage

    get_help_option = core.Command.get_help_option

    def vi_get_help_option(self, ctx):
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = _table["Show this message and exit."]
        return option

    core.Command.get_help_option = vi_get_help_option

    for func in (completion._install_completion_placeholder_function,
                 completion._install_completion_no_auto_placeholder_function):
        for param in inspect.signature(func).parameters.values():
            info = param.default
            if getattr(info, "help", None):
                info.help = _table.get(info.help, info.help)

    from typer import exceptions as typer_exceptions

    base = typer_exceptions.TyperException
    base.format_message = _translated(base.format_message)
    # the plain (non-rich) error display: same shape as tt's own usage errors (cli.base.fail_usage)
    exceptions.ClickException.show = _show_click_exception
    exceptions.UsageError.show = _show_usage_error
    for cls in vars(exceptions).values():
        if isinstance(cls, type) and issubclass(cls, exceptions.ClickException) and "format_message" in vars(cls):
            cls.format_message = _translated(cls.format_message)


def _show_click_exception(self, file=None) -> None:
    from typer._click.utils import echo

    echo(f"tt: lỗi: {self.format_message()}", file=file, err=file is None)


def _show_usage_error(self, file=None) -> None:
    from typer._click.utils import echo

    if self.ctx is not None:
        echo(self.ctx.get_usage(), file=file, err=file is None, color=self.ctx.color)
    echo(f"tt: lỗi: {self.format_message()}", file=file, err=file is None)
    if self.ctx is not None and self.ctx.command.get_help_option(self.ctx) is not None:
        echo(f"  gợi ý: chạy '{self.ctx.command_path} {self.ctx.help_option_names[0]}' để xem hướng dẫn.",
             file=file, err=file is None)


def _translated(format_message):
    def vi_format_message(self) -> str:
        return translate(format_message(self))

    return vi_format_message
