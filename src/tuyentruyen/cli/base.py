"""The typer application object, shared by the command modules (one module a command).

A command module does `from tuyentruyen.cli.base import app` and `@app.command("name")`;
cli/app.py lists the modules (COMMANDS). The click group built from `app` (`command`) holds
each command only once it is asked for: `tt validate` imports and builds `validate` alone;
`tt --help`, shell completion of command names and "did you mean" know every name without it.
"""

from __future__ import annotations

import enum
from collections.abc import MutableMapping

import typer
from typer.core import TyperCommand, TyperGroup

from tuyentruyen.cli import helptypes, i18n
from tuyentruyen.cli.errout import USAGE, print_error, usage_text  # noqa: F401 - USAGE, usage_text: one wording
from tuyentruyen.cli.i18n import need, patch
from tuyentruyen.report import FORMATS

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


class Context(typer.Context):
    """A click context whose help is written by tt's formatter (Vietnamese usage line)."""

    formatter_class = helptypes.formatter_class(typer.Context.formatter_class)


class ShowHelp(Exception):
    """`tt` alone: the help, on stderr, exit 2 (printed by run)."""

    def __init__(self, ctx) -> None:
        super().__init__("help")
        self.ctx = ctx


def usage_error(ctx, message: str, hint: str | None = None):
    """A click usage error (exit 2) with tt's own hint; raise it."""
    try:
        ctx.fail(message)
    except typer.TyperException as exc:
        exc.tt_hint = hint
        return exc
    raise AssertionError("ctx.fail did not raise")  # pragma: no cover


class Commands(MutableMapping):
    """name → click command, each built on first use from its module (cli.app.COMMANDS)."""

    def __init__(self, built) -> None:
        self._built: dict = {}
        for name, cmd in dict(built or {}).items():
            self[name] = cmd

    def _names(self) -> list[str]:
        names = list(_modules) if i18n.applied("lazy-commands") else []
        names += [n for n in self._built if n not in names]
        names += [n for n in (_name_of(c) for c in app.registered_commands) if n not in names]
        return names

    def __getitem__(self, name: str):
        if name in self._built:
            return self._built[name]
        if name not in self._names():
            raise KeyError(name)
        if name in _modules:
            import importlib

            importlib.import_module(f"tuyentruyen.cli.{_modules[name]}")
        info = next((c for c in app.registered_commands if _name_of(c) == name), None)
        if info is None:
            raise LookupError(f"tuyentruyen.cli.{_modules.get(name)} không khai báo lệnh '{name}' "
                              f"(@app.command(\"{name}\")) như cli/app.py ghi")
        if info.cls in (None, TyperCommand):  # typer's default: tt's, with the same behaviour
            info.cls = Command
        self[name] = _get_command_from_info(info, pretty_exceptions_short=app.pretty_exceptions_short,
                                            rich_markup_mode=app.rich_markup_mode)
        return self._built[name]

    def __setitem__(self, name: str, cmd) -> None:
        cmd.context_class = Context
        self._built[name] = cmd

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __contains__(self, name) -> bool:
        return name in self._names()

    def __iter__(self):
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


def _name_of(info) -> str:
    # as typer names a command that was not given a name
    return info.name or info.callback.__name__.lower().replace("_", "-")


def _located(parse_args):
    """click's parser raises some usage errors without their command: give it to them (the hint)."""
    def located(self, ctx, args):
        try:
            return parse_args(self, ctx, args)
        except typer.TyperException as exc:
            if getattr(exc, "ctx", False) is None:
                exc.ctx, exc.cmd = ctx, self
            raise

    return located


class Command(TyperCommand):
    """A tt command (its help through tt's formatter)."""

    context_class = Context
    parse_args = _located(TyperCommand.parse_args)


class Group(TyperGroup):
    """The group of tt's commands (see the module's docstring)."""

    context_class = Context

    def __init__(self, *, commands=None, **attrs) -> None:
        super().__init__(commands=Commands(commands), **attrs)

    def parse_args(self, ctx, args):
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            raise ShowHelp(ctx)
        return _located(TyperGroup.parse_args)(self, ctx, args)

    def resolve_command(self, ctx, args):
        name = args[0] if args else ""
        if name and not name.startswith("-") and not ctx.resilient_parsing and self.get_command(ctx, name) is None:
            normal = ctx.token_normalize_func(name) if ctx.token_normalize_func else name
            if self.get_command(ctx, normal) is None:
                from tuyentruyen.vn.text import did_you_mean

                guess = did_you_mean(name, list(self.commands.keys()))
                message = f"Không có lệnh '{name}'." + (f" Có phải ý bạn là '{guess}'?" if guess else "")
                if name.lower() in ("help", "h", "trogiup", "tro-giup"):
                    asked = args[1] if len(args) > 1 and args[1] in self.commands else None
                    hint = f"Chạy 'tt {asked} --help'." if asked else "Chạy 'tt --help' để xem các lệnh."
                else:
                    hint = "Chạy 'tt --help' để xem các lệnh."
                raise usage_error(ctx, message, hint)
        return super().resolve_command(ctx, args)


app = typer.Typer(
    name="tt",
    help=HELP,
    cls=Group,
    no_args_is_help=True,
    add_completion=True,
    # plain help: typer's rich help imports rich.markdown and markdown-it (~60 ms of 0.25 s)
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120},
)


def _version(value: bool) -> None:
    if value:
        from tuyentruyen.about import version_text

        typer.echo(version_text(), nl=False)
        raise typer.Exit(0)


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", "-V", help="In phiên bản của tt và của dữ liệu (đơn vị hành chính, ngày nghỉ, định dạng kế hoạch) rồi thoát.", is_eager=True, callback=_version),
) -> None:
    """tt — kế hoạch tuyên truyền dưới dạng mã."""


# ----------------------------------------------------------------------------- the click command

_modules: dict[str, str] = {}  # command name → module under tuyentruyen.cli (cli.app.COMMANDS)
_get_command_from_info = None


@patch("lazy-commands", "tốc độ: mỗi lần chạy nạp mọi mô-đun lệnh (vẫn đúng, chậm hơn vài ms)")
def _lazy() -> None:
    global _get_command_from_info
    _get_command_from_info = need("typer.main.get_command_from_info",
                                  params=("command_info", "pretty_exceptions_short", "rich_markup_mode"))
    need("typer.models.CommandInfo")
    for attr in ("registered_commands", "pretty_exceptions_short", "rich_markup_mode"):
        if not hasattr(app, attr):
            raise i18n.MissingInternal(f"typer.Typer.{attr}")


def command(modules: dict[str, str]):
    """The click command of tt: the Vietnamese layer installed, commands loaded when asked for.

    Built afresh on every call, as typer does (what it holds depends on the environment)."""
    failed = i18n.install()
    if failed:
        import os
        import sys

        if os.environ.get("TT_DEBUG"):  # for whoever reviews the typer pin (pyproject.toml)
            for name, internal in failed.items():
                sys.stderr.write(f"tt: bỏ qua lớp tiếng Việt '{name}': typer không còn {internal}.\n")
    _modules.update(modules)
    if not i18n.applied("lazy-commands"):
        import importlib

        for module in modules.values():
            importlib.import_module(f"tuyentruyen.cli.{module}")
    return typer.main.get_command(app)


def run(args: list[str], modules: dict[str, str]) -> int:
    """tt ARGS…: the exit code; every click/typer error said in Vietnamese (stderr, exit 2)."""
    import sys

    cmd = command(modules)
    try:
        rv = cmd.main(args=args, prog_name="tt", standalone_mode=False)
    except ShowHelp as exc:
        sys.stderr.write(exc.ctx.get_help() + "\n")
        return 2
    except typer.Abort:
        sys.stderr.write("tt: đã hủy.\n")
        return 2
    except typer.TyperException as exc:
        message, hint = i18n.describe(exc)
        shown = i18n.usage(exc)
        if shown:
            sys.stderr.write(shown + "\n")
        sys.stderr.write(usage_text(message, hint))
        return 2
    return rv if isinstance(rv, int) else 0


def help_text(modules: dict[str, str]) -> str:
    """`tt --help`, as typer writes it (cli.app keeps it to answer later runs without typer)."""
    cmd = command(modules)
    with cmd.make_context("tt", [], resilient_parsing=True) as ctx:
        return ctx.get_help()


def fail_usage(message: str, hint: str | None = None) -> "typer.Exit":
    """Print a usage error (Vietnamese, with how to fix it) to stderr; return Exit(2) to raise."""
    import sys

    sys.stderr.write(usage_text(message, hint))
    return typer.Exit(2)


def fail_error(exc) -> "typer.Exit":
    """Print a tuyentruyen.errors.TTError (cli.errout.print_error); return Exit(2) to raise."""
    return typer.Exit(print_error(exc))
