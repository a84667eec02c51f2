"""The parameters of `tt` in Vietnamese: how --help shows them, and how a value is read.

Help: typer 0.29 prints a type beside every parameter (`<bool>` beside a flag, `<list[str]>`
beside a list of paths) and English placeholders in the usage line (`Usage:`, `[OPTIONS]`,
`COMMAND [ARGS]...`). Here: a flag shows no type; an option with a `metavar=` shows its
metavar; an argument shows only its name (and its values when they are a fixed choice).
Other types, argument names and the placeholders come from data/cli_vi.json ("<str>" →
"<chữ>", "[OPTIONS]" → "[TÙY CHỌN]", "arg:paths" → "TỆP"; an argument not listed there
is shown in capitals), so a command module need not know about any of this.

Values: typer builds a pydantic TypeAdapter for every parameter it reads (pydantic's import
is then paid by `tt rule` or a usage error too) and answers a bad value in pydantic's English
("Input should be a valid integer…"). The types tt's commands use — text, whole and decimal
numbers, a choice (Enum or Literal), a path, and lists of them — are read here instead, with
Vietnamese messages; any other type is left to typer.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path

from tuyentruyen.cli import i18n
from tuyentruyen.cli.i18n import need, patch


def formatter_class(base):
    """tt's help formatter: click's, with a Vietnamese usage line and help table words."""

    class HelpFormatter(base):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            for english in ("COMMAND [ARGS]...", "[OPTIONS]"):
                args = args.replace(english, i18n.word(english))
            super().write_usage(prog, args, i18n.word("Usage: ") if prefix is None else prefix)

        def write_heading(self, heading: str) -> None:
            super().write_heading(i18n.word(heading))

        def write_dl(self, rows, *args, **kwargs) -> None:
            # the help of the options typer and click add themselves (-h, completion)
            super().write_dl([(first, i18n.help_cell(second)) for first, second in rows], *args, **kwargs)

    return HelpFormatter


@patch("help-types", "kiểu giá trị và tên tham số tiếng Việt trong hướng dẫn (typer in <bool>, <list[str]>, paths)")
def _help_types() -> None:
    option_type = need("typer.core.TyperOption.display_type_rich", params=("self", "ctx"), owner=True)
    argument_type = need("typer.core._TyperParameter.display_type_rich", params=("self", "ctx"))
    name_raw = need("typer.core._TyperParameter.display_name_raw", owner=True)
    option_cls, argument_cls = need("typer.core.TyperOption"), need("typer.core.TyperArgument")
    if not isinstance(name_raw, property):
        raise i18n.MissingInternal("typer.core._TyperParameter.display_name_raw (không còn là property)")

    def vi_option_type(self, ctx):
        if getattr(self, "is_flag", False) or getattr(self, "count", False):
            return ""
        if getattr(self, "metavar", None) is not None:
            return self.metavar
        shown = option_type(self, ctx)
        return i18n.word(shown) if shown else shown

    def vi_argument_type(self, ctx):
        shown = argument_type(self, ctx)
        # an argument's name says what it is (TỆP); only a choice of values is worth showing
        return shown if shown and "|" in shown and getattr(self, "metavar", None) is None else ""

    def vi_name(self) -> str:
        name = name_raw.fget(self)
        if getattr(self, "metavar", None) is not None:
            return name
        return i18n.word(f"arg:{name}", name.upper())

    option_cls.display_type_rich = vi_option_type
    argument_cls.display_type_rich = vi_argument_type
    argument_cls.display_name_raw = property(vi_name)


# ----------------------------------------------------------------------------- reading values

@patch("values", "thông báo giá trị sai do tt viết (còn lại: chữ của pydantic dịch theo mẫu) và ~40 ms nạp pydantic")
def _values() -> None:
    get_runtime_param = need("typer.core._TyperParameter.get_runtime_param", params=("self",), owner=True)
    parameter = need("typer.core._TyperParameter")
    fields = need("typer._coercion.TypeDescriptor.__dataclass_fields__")
    for field in ("annotation", "parameter_info", "file_annotation"):
        if field not in fields:
            raise i18n.MissingInternal(f"typer._coercion.TypeDescriptor.{field}")
    if "_runtime_param" not in get_runtime_param.__code__.co_names:
        raise i18n.MissingInternal("typer.core._TyperParameter._runtime_param")

    def vi_get_runtime_param(self):
        if self._runtime_param is None:
            self._runtime_param = reader_for(self.type_descriptor)
        return self._runtime_param or get_runtime_param(self)

    parameter.get_runtime_param = vi_get_runtime_param


def reader_for(descriptor):
    """A Reader for a parameter's type, or None: typer reads that type itself."""
    info = descriptor.parameter_info
    if descriptor.file_annotation is not None or getattr(info, "parser", None) is not None:
        return None
    annotation = descriptor.annotation
    many = False
    import typing

    if typing.get_origin(annotation) is list:
        (annotation,) = typing.get_args(annotation)
        many = True
    if typing.get_origin(annotation) is typing.Literal:
        return Reader(info, many, "choice", tuple(typing.get_args(annotation)))
    if not isinstance(annotation, type):
        return None
    if issubclass(annotation, enum.Enum):
        return Reader(info, many, "choice", tuple(annotation))
    if annotation is str and not _path_checks(info):
        return Reader(info, many, "text")
    if annotation in (int, float, bool):
        return Reader(info, many, annotation.__name__)
    if issubclass(annotation, Path) and getattr(info, "path_type", None) is None:
        return Reader(info, many, "path", annotation)
    return None


def _path_checks(info) -> bool:
    return bool(getattr(info, "allow_dash", False) or getattr(info, "path_type", None)
                or getattr(info, "resolve_path", False))


class Reader:
    """Reads one parameter's value from the command line (typer's RuntimeParam contract)."""

    def __init__(self, info, many: bool, kind: str, extra=None) -> None:
        self.info, self.many, self.kind, self.extra = info, many, kind, extra

    def coerce(self, value, param, ctx):
        multi = param.multiple or param.nargs == -1
        if value is None:
            return () if multi else None
        if multi:
            items = [value] if isinstance(value, str) else list(value)
            return [self._one(v, param, ctx) for v in items]
        return self._one(value, param, ctx)

    def _one(self, value, param, ctx):
        if self.kind == "text":
            return value if isinstance(value, str) else str(value)
        if self.kind in ("int", "float"):
            return self._number(value, param, ctx)
        if self.kind == "bool":
            return self._bool(value, param, ctx)
        if self.kind == "choice":
            return self._choice(value, param, ctx)
        return self._path(value, param, ctx)

    def _fail(self, message: str, param, ctx, hint: str | None = None):
        import typer

        exc = typer.BadParameter(message, ctx=ctx, param=param)
        exc.tt_hint = hint
        raise exc

    def _number(self, value, param, ctx):
        number_type = int if self.kind == "int" else float
        if isinstance(value, number_type) and not isinstance(value, bool):
            number = value
        else:
            try:
                number = number_type(str(value).strip())
            except ValueError:
                if self.kind == "int":
                    self._fail(f"'{value}' không phải một số nguyên", param, ctx,
                               f"Ghi một số nguyên, chỉ gồm chữ số, sau {_name(param)}.")
                self._fail(f"'{value}' không phải một số", param, ctx,
                           f"Ghi một số sau {_name(param)}, dùng dấu chấm cho phần thập phân (ví dụ 1.5).")
        low, high = getattr(self.info, "min", None), getattr(self.info, "max", None)
        if getattr(self.info, "clamp", False):
            if low is not None and number < low:
                number = number_type(low)
            if high is not None and number > high:
                number = number_type(high)
            return number
        if (low is not None and number < low) or (high is not None and number > high):
            shown = (f"từ {low} đến {high}" if low is not None and high is not None
                     else f"từ {low} trở lên" if low is not None else f"không quá {high}")
            self._fail(f"{value} nằm ngoài khoảng cho phép ({shown})", param, ctx,
                       f"Ghi một số {shown} sau {_name(param)}.")
        return number

    TRUE = ("1", "true", "t", "yes", "y", "on", "có", "co", "đúng", "dung")
    FALSE = ("0", "false", "f", "no", "n", "off", "không", "khong", "sai", "")

    def _bool(self, value, param, ctx):
        if isinstance(value, bool):
            return value
        text = str(value).strip().casefold()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        self._fail(f"'{value}' không phải đúng hay sai", param, ctx,
                   f"Dùng một trong: {', '.join(self.TRUE[:6])} (đúng) hoặc {', '.join(self.FALSE[:6])} (sai).")

    def _choice(self, value, param, ctx):
        choices = self.extra
        if any(value is c for c in choices):
            return value
        sensitive = getattr(self.info, "case_sensitive", True)

        def norm(v) -> str:
            text = str(v.value) if isinstance(v, enum.Enum) else str(v)
            if ctx is not None and ctx.token_normalize_func is not None:
                text = ctx.token_normalize_func(text)
            return text if sensitive else text.casefold()

        wanted = norm(value)
        for c in choices:
            if norm(c) == wanted:
                return c
        from tuyentruyen.vn.text import did_you_mean

        shown = [norm(c) for c in choices]
        listed = ", ".join(f"'{s}'" for s in shown)
        guess = did_you_mean(str(value), shown)
        self._fail(f"'{value}' không thuộc các giá trị {listed}." + (f" Có phải ý bạn là '{guess}'?" if guess else ""),
                   param, ctx, f"Dùng {_name(param)} {guess or shown[0]}.")

    def _path(self, value, param, ctx):
        import stat

        path = value if isinstance(value, self.extra) else self.extra(os.fspath(value))
        info = self.info
        shown = os.fspath(value)
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            if getattr(info, "exists", False):
                self._fail(f"'{shown}' không tồn tại", param, ctx, "Kiểm tra lại đường dẫn (chữ hoa, chữ thường, dấu).")
            return path
        if not getattr(info, "file_okay", True) and stat.S_ISREG(st.st_mode):
            self._fail(f"'{shown}' là một tệp, ở đây cần một thư mục", param, ctx, "Chỉ ra một thư mục.")
        if not getattr(info, "dir_okay", True) and stat.S_ISDIR(st.st_mode):
            self._fail(f"'{shown}' là một thư mục, ở đây cần một tệp", param, ctx, "Chỉ ra một tệp trong thư mục đó.")
        if getattr(info, "readable", True) and not os.access(path, os.R_OK):
            self._fail(f"không có quyền đọc '{shown}'", param, ctx, "Kiểm tra quyền truy cập của tệp.")
        if getattr(info, "writable", False) and not os.access(path, os.W_OK):
            self._fail(f"không có quyền ghi vào '{shown}'", param, ctx, "Kiểm tra quyền truy cập của tệp.")
        return path


def _name(param) -> str:
    opts = getattr(param, "opts", None)
    if getattr(param, "param_type_name", "") == "option" and opts:
        return max(opts, key=len)
    return str(getattr(param, "display_name_raw", None) or param.name)
