"""Vietnamese for the words typer prints itself, and the guard around typer's internals.

typer 0.29 reads part of its words through `gettext` (answered here from data/cli_vi.json)
and vendors click with English written in code: error messages are translated where they
leave typer (`describe`, by the patterns of data/cli_vi.json); the usage line and the help
table by tt's own help formatter (cli.helptypes); the rest needs a few of typer's private
names. Each use of a private name is a `Patch`: it looks its names up first (`need`), checks
their signatures, and only then changes anything. A patch whose names moved is skipped — tt
then shows typer's own (English) words there and still works — and is listed by `failed()`;
tests/cli/test_patches.py fails on it, naming the missing internals, so that the typer pin
(pyproject.toml: typer>=0.29,<0.30) is reviewed before it is moved.

Everything here runs inside the no-traceback guard of cli.app.main (`install`), never at import.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass

_table: dict[str, str] = {}
_raw_patterns: list[list[str]] = []
_help_patterns: list[tuple[re.Pattern, str]] = []
_patterns: list[tuple[re.Pattern, str, str | None]] = []  # compiled when a message is first translated


def _load() -> None:
    if _table:
        return
    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "cli_vi.json")
    try:  # the usual install: a plain file (importlib.resources costs ~10 ms more)
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        from importlib.resources import files

        text = files("tuyentruyen.data").joinpath("cli_vi.json").read_text("utf-8")
    data = json.loads(text)
    _table.update(data["words"])
    _raw_patterns.extend(data["patterns"])
    _help_patterns.extend((re.compile(p), r) for p, r in data.get("help_patterns", ()))


def word(text: str, default: str | None = None) -> str:
    """One of typer's English words in Vietnamese (an unknown one: default, else unchanged)."""
    _load()
    return _table.get(text, text if default is None else default)


def help_cell(text: str) -> str:
    """One help text of the --help table: typer's own words in it (a number's range "x>=0")."""
    _load()
    text = _table.get(text, text)
    if "x" in text:
        for pattern, replacement in _help_patterns:
            text = pattern.sub(replacement, text)
    return text


def translate(message: str, hints: list[str] | None = None) -> str:
    """An English click/typer/pydantic message in Vietnamese (what matches no pattern is kept).

    hints: where to add the Vietnamese hints of the patterns that matched."""
    _load()
    if message in _table:
        return _table[message]
    if not _patterns:
        # [pattern, replacement] or [pattern, replacement, hint]: the hint says how to fix it
        _patterns.extend((re.compile(p[0]), p[1], p[2] if len(p) > 2 else None) for p in _raw_patterns)
    for pattern, replacement, hint in _patterns:
        if hint is not None and hints is not None:
            found = pattern.search(message)
            if found:
                hints.append(found.expand(hint))
        message = pattern.sub(replacement, message)
    return message


# ----------------------------------------------------------------------------- the patches

class MissingInternal(Exception):
    """A private name of typer (or click) that is not where tt expects it."""


@dataclass
class Patch:
    name: str
    what: str  # what a user loses when it is skipped (Vietnamese words, or speed)
    apply: Callable[[], None]


PATCHES: list[Patch] = []
_failed: dict[str, str] = {}
_installed = False


def patch(name: str, what: str):
    """Register a function that applies one patch (it raises MissingInternal, or changes nothing)."""
    def register(apply: Callable[[], None]) -> Callable[[], None]:
        PATCHES.append(Patch(name, what, apply))
        return apply

    return register


def need(dotted: str, *, params: tuple[str, ...] | None = None, owner: bool = False):
    """The object at `dotted` ("typer.core.TyperOption.display_type_rich"), or MissingInternal.

    params: the names its signature must start with. owner: the name must be defined on that
    very class (not inherited), so that replacing it there changes what typer calls.
    """
    import importlib

    parts = dotted.split(".")
    obj = None
    for i in range(len(parts), 0, -1):  # the longest importable module prefix
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        rest = parts[i:]
        break
    else:
        raise MissingInternal(f"{dotted} (không có module {parts[0]})")
    for attr in rest:
        holder = obj
        try:
            obj = vars(holder)[attr] if owner and isinstance(holder, type) else getattr(holder, attr)
        except (KeyError, AttributeError):
            raise MissingInternal(dotted) from None
    if params is not None:
        import inspect

        target = obj.fget if isinstance(obj, property) else obj
        try:
            found = tuple(inspect.signature(target).parameters)
        except (TypeError, ValueError):
            raise MissingInternal(f"{dotted} (không đọc được chữ ký hàm)") from None
        if found[:len(params)] != params:
            raise MissingInternal(f"{dotted}({', '.join(found)}), tt cần ({', '.join(params)})")
    return obj


def install() -> dict[str, str]:
    """Apply every patch once (inside cli.app.main's guard); return those that failed."""
    global _installed
    if _installed:
        return dict(_failed)
    _installed = True
    _load()
    from tuyentruyen.cli import complete, helptypes  # noqa: F401  (they register their patches)

    for p in PATCHES:
        try:
            p.apply()
        except MissingInternal as exc:
            _failed[p.name] = str(exc)
        except Exception as exc:  # noqa: BLE001 - a patch never stops tt: typer's own words instead
            _failed[p.name] = f"{type(exc).__name__}: {exc}"
    return dict(_failed)


def failed() -> dict[str, str]:
    """The patches that could not be applied: name → the internal of typer that moved."""
    return dict(_failed)


def applied(name: str) -> bool:
    return _installed and name not in _failed and any(p.name == name for p in PATCHES)


@patch("gettext", "các chữ typer đọc qua gettext: [default: …], [required], (dynamic)… (tiêu đề mục vẫn dịch)")
def _gettext() -> None:
    import gettext

    dgettext = need("gettext.dgettext", params=("domain", "message"))
    dngettext = need("gettext.dngettext", params=("domain", "msgid1", "msgid2", "n"))
    if getattr(dgettext, "_tt", False):
        return

    def vi_dgettext(domain: str, message: str) -> str:
        return _table.get(message) or dgettext(domain, message)

    def vi_dngettext(domain: str, singular: str, plural: str, n: int) -> str:
        chosen = singular if n == 1 else plural
        return _table.get(chosen) or _table.get(singular) or dngettext(domain, singular, plural, n)

    vi_dgettext._tt = vi_dngettext._tt = True
    gettext.dgettext, gettext.dngettext = vi_dgettext, vi_dngettext
    if gettext.gettext("Options") != _table["Options"]:  # gettext.gettext no longer calls dgettext
        gettext.dgettext, gettext.dngettext = dgettext, dngettext
        raise MissingInternal("gettext.gettext → gettext.dgettext")


# ----------------------------------------------------------------------------- usage errors

def describe(exc) -> tuple[str, str]:
    """(message, hint) of a click/typer error (typer.TyperException), in Vietnamese."""
    try:
        message = exc.format_message()
    except Exception:  # noqa: BLE001 - an exception that cannot describe itself
        message = str(exc)
    hints: list[str] = []
    message = translate(message, hints).strip()
    if message and message[-1] not in ".?!:":
        message += "."
    hint = getattr(exc, "tt_hint", None) or (hints[0] if hints else None)
    ctx = getattr(exc, "ctx", None)
    see = None
    if ctx is not None:
        try:
            names = ctx.help_option_names
            if names and ctx.command.get_help_option(ctx) is not None:
                see = f"chạy '{ctx.command_path} {names[0]}' để xem hướng dẫn."
        except Exception:  # noqa: BLE001
            see = None
    if hint and see and not any(h in hint for h in ("-h", "--help")):
        hint = f"{hint} Xem thêm: {see}"
    hint = hint or see or "chạy 'tt --help' để xem các lệnh và tùy chọn."
    return message, hint[0].upper() + hint[1:]


def usage(exc) -> str | None:
    """The usage line of the command an error is about (None when unknown)."""
    ctx = getattr(exc, "ctx", None)
    if ctx is None:
        return None
    try:
        return ctx.get_usage()
    except Exception:  # noqa: BLE001
        return None
