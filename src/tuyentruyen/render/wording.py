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

Limits: a repository's template cannot hang or flood a run. Each rendering has a time budget
(:data:`TIME_LIMIT_S`, checked at every call, attribute and item access the sandbox sees) and
an output budget (:data:`OUTPUT_LIMIT`, checked as the output is generated and before a string or
list is multiplied); ``range()`` is bounded by the sandbox.

Errors: every failure of a template — a syntax error, an undefined name, ``{{ 1 // 0 }}``, a
file that is not UTF-8, a template that runs too long or prints too much, a recursion without
end — is a :class:`WordingError` (TT-E009, exit 2) naming the template file and line, worded
in Vietnamese (never Jinja2's English).

Output convention: each non-empty line a template prints is one paragraph.
"""

from __future__ import annotations

import re
import time
import traceback
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from tuyentruyen.errors import TTError
from tuyentruyen.render import text as T

TIME_LIMIT_S = 5.0  # one rendering of one template
OUTPUT_LIMIT = 2_000_000  # characters one rendering may print (a template prints a few lines)


class WordingError(TTError):
    """A template that cannot be loaded or rendered (exit 2), with where and why in Vietnamese."""

    code = "TT-E009"


class _Budget(Exception):
    """A template went over its time or output budget (raised inside the sandbox)."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


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


class _Environment(ImmutableSandboxedEnvironment):
    """The immutable sandbox with a deadline and an output budget."""

    intercepted_binops = frozenset(["*", "**"])
    deadline = float("inf")

    def _check(self) -> None:
        if time.monotonic() > self.deadline:
            raise _Budget(f"chạy quá {TIME_LIMIT_S:g} giây (một vòng lặp không dừng?)")

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja2's own signature
        __self._check()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj, attribute):
        self._check()
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        self._check()
        return super().getitem(obj, argument)

    def call_binop(self, context, operator, left, right):
        self._check()
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > OUTPUT_LIMIT:
                    raise _Budget(f"tạo ra một chuỗi quá {OUTPUT_LIMIT:,} ký tự".replace(",", "."))
        if operator == "**" and isinstance(right, int) and right > 1000:
            raise _Budget("tính một lũy thừa quá lớn")
        return super().call_binop(context, operator, left, right)


def make_environment(overrides: tuple[Path, ...] = ()) -> ImmutableSandboxedEnvironment:
    builtin = builtin_templates()
    folders = [str(p) for p in overrides if p.resolve() != builtin.resolve()]
    loader = ChoiceLoader([
        *(FileSystemLoader(f, encoding="utf-8") for f in folders),
        FileSystemLoader(str(builtin), encoding="utf-8"),
        PrefixLoader({"tt": FileSystemLoader(str(builtin), encoding="utf-8")}),
    ])
    env = _Environment(
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
    env.tt_folders = [*folders, str(builtin)]  # where a template name is looked for, in order
    return env


# Jinja2's syntax messages, said in Vietnamese (anything else: the generic wording)
_SYNTAX = [
    (re.compile(r"unexpected end of template"), "mẫu kết thúc khi một khối còn mở ({% for %}, {% if %}, {% macro %} "
                                                "cần {% endfor %}, {% endif %}, {% endmacro %})"),
    (re.compile(r"Encountered unknown tag '([^']+)'"), "thẻ lạ '{0}' (hoặc thẻ đóng không khớp thẻ mở)"),
    (re.compile(r"unexpected '([^']+)'"), "có ký tự '{0}' không đúng chỗ"),
    (re.compile(r"expected token '([^']+)', got '([^']+)'"), "thiếu '{0}' (gặp '{1}')"),
    (re.compile(r"unexpected char '(.)'"), "có ký tự lạ '{0}'"),
    (re.compile(r"no filter named '([^']+)'"), "không có bộ lọc (filter) tên '{0}'"),
    (re.compile(r"no test named '([^']+)'"), "không có phép thử (test) tên '{0}'"),
    (re.compile(r"expected an expression"), "thiếu một biểu thức"),
    (re.compile(r"tag name expected"), "thiếu tên thẻ sau '{%'"),
]


def _syntax_words(message: str) -> str:
    for rx, words in _SYNTAX:
        m = re.search(rx.pattern, message, re.IGNORECASE)
        if m:
            for k, group in enumerate(m.groups()):
                words = words.replace("{%d}" % k, group)
            return words
    return "câu lệnh không đúng cú pháp"


def _quoted(message: str) -> str | None:
    m = re.search(r"'([^']+)'", message)
    return m.group(1) if m else None


class Wording:
    """Renders the templates by name; every call returns plain text (or its paragraphs)."""

    def __init__(self, overrides: tuple[Path, ...] = ()):
        self.env = make_environment(overrides)
        self._modules: dict[str, object] = {}

    # -- errors

    def _file_of(self, name: str) -> Path | None:
        """The file a template name resolves to (the repository's first, then tt's)."""
        if name.startswith("tt/"):
            candidate = Path(self.env.tt_folders[-1]) / name[3:]
            return candidate if candidate.is_file() else None
        for folder in self.env.tt_folders:
            candidate = Path(folder) / name
            if candidate.is_file():
                return candidate
        return None

    def error(self, name: str, exc: BaseException) -> WordingError:
        """A located Vietnamese WordingError for any failure of template `name`."""
        from jinja2.exceptions import SecurityError, TemplateNotFound, TemplateSyntaxError, UndefinedError

        where: str | None = getattr(exc, "filename", None)
        line: int | None = getattr(exc, "lineno", None) if isinstance(exc, TemplateSyntaxError) else None
        if line is None:  # a runtime error: the deepest frame that is a template's own line
            for frame in reversed(traceback.extract_tb(exc.__traceback__)):
                if frame.filename and frame.filename.endswith(".j2"):
                    where, line = frame.filename, frame.lineno
                    break
        if isinstance(exc, UnicodeDecodeError):
            path = self._file_of(name)
            where = str(path) if path else name
            if path is not None:
                line = path.read_bytes()[: exc.start].count(b"\n") + 1 if hasattr(exc, "start") else None
            what = "không được lưu ở mã UTF-8"
            hint = "Mở tệp mẫu trong VS Code, chọn 'Save with Encoding' → 'UTF-8', rồi chạy lại."
        elif isinstance(exc, TemplateNotFound):
            what = f"cần mẫu '{exc.name}' nhưng không tìm thấy tệp đó"
            hint = "Kiểm tra tên tệp trong {% import %}/{% include %}/{% extends %}; mẫu có sẵn của tt gọi bằng 'tt/<tên>'."
        elif isinstance(exc, TemplateSyntaxError):
            what = f"sai cú pháp Jinja2: {_syntax_words(str(exc.message or ''))}"
            hint = "Sửa dòng đó của tệp mẫu (.j2), hoặc xóa tệp để dùng mẫu có sẵn của tt."
        elif isinstance(exc, UndefinedError):
            name_used = _quoted(str(exc))
            what = f"dùng '{name_used}' nhưng mẫu không có biến hay thuộc tính đó" if name_used else \
                "dùng một biến không có"
            hint = "Các biến của từng mẫu được ghi ở đầu tệp mẫu có sẵn của tt (templates/); sửa tên cho đúng."
        elif isinstance(exc, SecurityError):
            attr = _quoted(str(exc))
            what = ("truy cập " + (f"'{attr}' " if attr else "") + "— thao tác không được phép trong môi trường an toàn "
                    "của mẫu")
            hint = "Mẫu chỉ được dùng các biến, bộ lọc và macro của tt; bỏ thao tác đó khỏi tệp mẫu."
        elif isinstance(exc, _Budget):
            what = exc.what
            hint = "Mẫu câu chữ chỉ in vài dòng: bỏ vòng lặp hay phép nhân chuỗi làm mẫu chạy mãi hoặc in quá nhiều."
        elif isinstance(exc, ZeroDivisionError):
            what = "chia cho 0"
            hint = "Sửa phép tính ở dòng đó của tệp mẫu."
        elif isinstance(exc, RecursionError):
            what = "gọi lồng nhau không dừng (một macro tự gọi lại chính nó?)"
            hint = "Sửa macro để nó dừng, hoặc xóa tệp để dùng mẫu có sẵn của tt."
        elif isinstance(exc, MemoryError):
            what = "dùng quá nhiều bộ nhớ"
            hint = "Mẫu câu chữ chỉ in vài dòng: bỏ phép tính làm mẫu phình ra."
        elif isinstance(exc, (TypeError, ValueError, OverflowError, ArithmeticError, KeyError, IndexError,
                              AttributeError, LookupError)):
            what = "có một phép tính hay phép lấy giá trị không làm được với dữ liệu này"
            hint = "Kiểm tra dòng đó của tệp mẫu (kiểu dữ liệu, khóa, chỉ số), hoặc xóa tệp để dùng mẫu có sẵn."
        else:
            what = "không dùng được"
            hint = "Sửa tệp mẫu (.j2) của kho, hoặc xóa nó để dùng mẫu có sẵn của tt."
        if where is None or not Path(where).is_file():
            found = self._file_of(name)
            where = str(found) if found is not None else where
        path = Path(where) if where else None
        located = path is not None and path.is_file()
        # the file and line go in front ("templates/signer.j2:3:1: lỗi TT-E009: …"); the message names the template
        return WordingError(f"mẫu câu chữ {path.name if located else name} {what}.", hint,
                            file=path if located else None, line=line or 1)

    # -- rendering

    def guarded(self, name: str, produce):
        """produce() under the time budget; any failure becomes a located WordingError."""
        env = self.env
        outer = env.deadline
        env.deadline = min(outer, time.monotonic() + TIME_LIMIT_S)
        try:
            return produce()
        except WordingError:
            raise
        except Exception as exc:  # noqa: BLE001 - every failure of a template (RecursionError too) is the template's
            raise self.error(name, exc) from None
        finally:
            env.deadline = outer

    def render(self, name: str, **context) -> str:
        def produce() -> str:
            out: list[str] = []
            size = 0
            for chunk in self.env.get_template(name).generate(**context):
                size += len(chunk)
                if size > OUTPUT_LIMIT:
                    raise _Budget(f"in ra quá {OUTPUT_LIMIT:,} ký tự".replace(",", "."))
                self.env._check()
                out.append(chunk)
            return "".join(out)

        return self.guarded(name, produce)

    def lines(self, name: str, **context) -> list[str]:
        """The paragraphs a template prints: its non-empty lines, stripped."""
        return [line.strip() for line in self.render(name, **context).split("\n") if line.strip()]

    def module(self, name: str, missing_ok: bool = False):
        """A template's macros (its module), loaded under the same limits; None when missing_ok and
        there is no template of that name."""
        from jinja2 import TemplateNotFound

        def load():
            try:
                return self.env.get_template(name).module
            except TemplateNotFound as exc:
                if missing_ok and exc.name == name:
                    return None
                raise

        return self.guarded(name, load)

    def phrase(self, macro: str, *args) -> str:
        """One short phrase: a macro of phrases.j2 ("Nơi nhận:", a column heading…). A
        repository's phrases.j2 needs only the macros it changes: the others come from tt's."""
        modules = self._modules.get("phrases.j2")
        if modules is None:
            modules = self._modules["phrases.j2"] = [self.module("phrases.j2"), self.module("tt/phrases.j2")]
        for module in modules:
            fn = getattr(module, macro, None)
            if fn is not None:
                text = self.guarded("phrases.j2", lambda: str(fn(*args)))
                if len(text) > OUTPUT_LIMIT:
                    raise self.error("phrases.j2", _Budget(f"in ra quá {OUTPUT_LIMIT:,} ký tự".replace(",", ".")))
                return text.strip().replace("\n", " ")
        raise WordingError(f"mẫu phrases.j2 không có macro '{macro}'.",  # pragma: no cover
                           "Thêm macro này vào templates/phrases.j2 của kho, hoặc xóa tệp để dùng mẫu có sẵn của tt.")
