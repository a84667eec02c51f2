"""`tt --help` without English placeholders: types, argument names and the usage line.

typer 0.29 prints a type beside every parameter (`<bool>` beside a flag, `<list[str]>`
beside a list of paths) and English placeholders in the usage line (`[OPTIONS]`,
`COMMAND [ARGS]...`). Here: a flag shows no type; an option with a `metavar=` shows its
metavar; an argument shows only its name (and its values when they are a fixed choice).
Other types, argument names and the placeholders come from data/cli_vi.json ("<str>" →
"<chữ>", "[OPTIONS]" → "[TÙY CHỌN]", "arg:paths" → "TỆP"; an argument not listed there
is shown in capitals), so a command module need not know about any of this.
"""

from __future__ import annotations

_done = False


def patch() -> None:
    """After typer is imported (called once by tuyentruyen.cli.base)."""
    global _done
    if _done:
        return
    from typer import core
    from typer._click import formatting

    from tuyentruyen.cli import i18n

    def word(text: str) -> str:
        return i18n._table.get(text, text)

    option_type = core.TyperOption.display_type_rich

    def vi_option_type(self, ctx):
        if self.is_flag or self.count:
            return ""
        if self.metavar is not None:
            return self.metavar
        shown = option_type(self, ctx)
        return word(shown) if shown else shown

    argument_type = core.TyperArgument.display_type_rich

    def vi_argument_type(self, ctx):
        shown = argument_type(self, ctx)
        # an argument's name says what it is (TỆP); only a choice of values is worth showing
        return shown if shown and "|" in shown and self.metavar is None else ""

    name_raw = core.TyperArgument.display_name_raw

    def vi_name(self) -> str:
        name = name_raw.fget(self)
        return i18n._table.get(f"arg:{name}", name.upper()) if self.metavar is None else name

    core.TyperOption.display_type_rich = vi_option_type
    core.TyperArgument.display_type_rich = vi_argument_type
    core.TyperArgument.display_name_raw = property(vi_name)

    write_usage = formatting.HelpFormatter.write_usage

    def vi_write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english in ("COMMAND [ARGS]...", "[OPTIONS]"):
            args = args.replace(english, word(english))
        write_usage(self, prog, args, prefix)

    formatting.HelpFormatter.write_usage = vi_write_usage
    _done = True
