"""The fixed wording of the documents (câu chữ cố định), from Jinja2 templates.

The templates in ``templates/`` (shipped in the package as ``tuyentruyen/templates``) hold
every phrase a văn thư types the same way each time: the Điều of a Quyết định, "Căn cứ …",
"Theo đề nghị của …", "QUYẾT ĐỊNH:", "(Ban hành kèm theo …)", "(Kèm theo …)", "Nơi nhận:",
"Lưu: …", the column headings and the numbering of sections. A repository overrides any
of them by putting a file of the same name in its own ``templates/`` folder (or the folder
named in ``tt.toml``); an override can still reach the built-in file as ``tt/<name>``, and
a repository's ``phrases.j2`` need only hold the macros it changes.

Safety: templates run in Jinja2's immutable sandbox, so a repository's template cannot
reach Python internals. Plan text only ever enters as *values*: it is never parsed as a
template, and a line break inside a value comes out as a space, so a value can never
start a paragraph, an article or a heading of its own. The output is plain text; the .docx builder escapes it and applies the formatting
of each element, so no value can inject document markup either.

Output convention: each non-empty line a template prints is one paragraph.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from tuyentruyen.errors import TTError
from tuyentruyen.render import text as T


class WordingError(TTError):
    """A template that cannot be loaded or rendered (exit 2), with where and why in Vietnamese."""

    code = "TT-E009"


def builtin_templates() -> Path:
    """The built-in templates: inside the installed package, or templates/ of the source tree."""
    here = Path(__file__).resolve()
    packaged = here.parent.parent / "templates"
    if packaged.is_dir():
        return packaged
    return here.parents[3] / "templates"


def _finalize(value: object) -> str:
    if value is None:
        return ""
    return " ".join(T.clean(value).split("\n"))


def _vn_date(value, style: str = "long", year: int | None = None) -> str:
    return T.vn_date(value, style, year)


def make_environment(overrides: tuple[Path, ...] = ()) -> ImmutableSandboxedEnvironment:
    builtin = builtin_templates()
    folders = [str(p) for p in overrides if p.resolve() != builtin.resolve()]
    loader = ChoiceLoader([
        *(FileSystemLoader(f, encoding="utf-8") for f in folders),
        FileSystemLoader(str(builtin), encoding="utf-8"),
        PrefixLoader({"tt": FileSystemLoader(str(builtin), encoding="utf-8")}),
    ])
    env = ImmutableSandboxedEnvironment(
        loader=loader, autoescape=False, undefined=StrictUndefined, finalize=_finalize,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
    )
    env.filters.update(
        vn_date=_vn_date,
        doc_number=T.doc_number,
        roman=T.roman,
        vn_letter=T.vn_letter,
        lower_first=T.lower_first,
        upper=T.upper,
        strip_end=T.strip_end,
        clean=T.clean,
    )
    return env


class Wording:
    """Renders the templates by name; every call returns plain text (or its paragraphs)."""

    def __init__(self, overrides: tuple[Path, ...] = ()):
        self.env = make_environment(overrides)
        self._modules: dict[str, object] = {}

    def _fail(self, name: str, exc: Exception) -> WordingError:
        from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError

        where = getattr(exc, "filename", None) or name
        line = getattr(exc, "lineno", None)
        loc = f"{where}:{line}" if line else str(where)
        if isinstance(exc, SecurityError):
            what = "dùng thao tác không được phép trong môi trường an toàn"
        elif isinstance(exc, TemplateSyntaxError):
            what = "sai cú pháp Jinja2"
        elif isinstance(exc, UndefinedError):
            what = "dùng một biến không có"
        else:
            what = "không dùng được"
        return WordingError(f"mẫu câu chữ {loc} {what} ({exc}).",
                            "Sửa tệp mẫu (.j2) của kho, hoặc xóa nó để dùng mẫu có sẵn của tt.")

    def render(self, name: str, **context) -> str:
        try:
            return self.env.get_template(name).render(**context)
        except TemplateError as exc:
            raise self._fail(name, exc) from None

    def lines(self, name: str, **context) -> list[str]:
        """The paragraphs a template prints: its non-empty lines, stripped."""
        return [line.strip() for line in self.render(name, **context).split("\n") if line.strip()]

    def phrase(self, macro: str, *args) -> str:
        """One short phrase: a macro of phrases.j2 ("Nơi nhận:", a column heading…). A
        repository's phrases.j2 needs only the macros it changes: the others come from tt's."""
        try:
            modules = self._modules.get("phrases.j2")
            if modules is None:
                modules = self._modules["phrases.j2"] = [
                    self.env.get_template("phrases.j2").module, self.env.get_template("tt/phrases.j2").module]
            for module in modules:
                fn = getattr(module, macro, None)
                if fn is not None:
                    return str(fn(*args)).strip().replace("\n", " ")
            raise WordingError(f"mẫu phrases.j2 không có macro '{macro}'.", None)  # pragma: no cover
        except TemplateError as exc:
            raise self._fail("phrases.j2", exc) from None
