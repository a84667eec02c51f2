"""The repository configuration (cấu hình kho kế hoạch): `tt.toml`, found upward from a plan.

One TOML file at the root of a plans repository, read here and nowhere else (the standard
library's tomllib). Every key is optional; docs/config.md documents each one:

    units = "plans/units.yaml"        # the unit registry, when a plan does not name one
    templates = "templates"           # a folder whose templates override tt's (render, new)
    docs-url = "https://…/docs/rules" # where `tt lint --format sarif` links each rule

    [lint]
    select = ["ALL"]                  # codes or prefixes ("TT-D", "TT-R001"); default: the default rules
    extend-select = ["TT-D006"]       # add to the selection (rules that are off by default)
    ignore = ["TT-D008"]              # never report these
    typos = ["data/typos.yaml"]       # the repository's own known typos (same format as tt's)
    holidays = ["data/ngay-nghi.yaml"]# extra days off (and make-up working days)

    [lint.severity]                   # change a rule's level: error, warning, info
    TT-R002 = "error"

    [lint.per-file-ignores]           # glob (relative to tt.toml) → codes
    "plans/2022/*.yaml" = ["TT-R005"]

    [render]
    templates = "mau"                 # the same as the top-level `templates` (one of the two)
    units = "auto"                    # the appendix's unit columns: auto | combined | separate | two-level

    [render.layout]                   # any figure of render.layout.Layout, inside the decree's range
    margin_left_mm = 35

Paths are relative to the folder of tt.toml. Every mistake is a :class:`ConfigError`
(TT-K001, exit 2) located at its line in tt.toml. Nothing here knows the rule catalogue:
codes are checked against it by the rule engine, which reports an unknown code.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tuyentruyen.errors import TTError

CONFIG_NAME = "tt.toml"
SEVERITIES = ("error", "warning", "info")
UNIT_COLUMNS = ("auto", "combined", "separate", "two-level")

_TOP_KEYS = ("units", "templates", "docs-url", "allow-units-outside", "lint", "render")
_LINT_KEYS = ("select", "extend-select", "ignore", "typos", "holidays", "severity", "per-file-ignores")
_RENDER_KEYS = ("templates", "units", "layout")


class ConfigError(TTError):
    """tt.toml cannot be used: the Vietnamese message says where and why (TT-K001, exit 2)."""

    code = "TT-K001"

    def __init__(self, path: Path | str, message: str, hint: str | None = None, line: int = 1, col: int = 1):
        super().__init__(message, hint, file=Path(path), line=line, col=col)

    @property
    def path(self) -> Path:  # type: ignore[override]
        return Path(self.file)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Config:
    """The settings that apply to one plan; `Config()` is tt's defaults (no tt.toml)."""

    path: Path | None = None  # the tt.toml read, None for defaults
    units: Path | None = None
    units_outside: tuple[Path, ...] = ()  # folders outside the repository a registry may be read from
    templates: Path | None = None
    docs_url: str | None = None
    select: tuple[str, ...] | None = None  # None: the rules enabled by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    typos: tuple[Path, ...] = ()
    holidays: tuple[Path, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    unit_columns: str = "auto"  # [render] units
    layout_overrides: tuple[tuple[str, Any], ...] = ()  # [render.layout], already checked
    # the content of the files `lint.typos` and `lint.holidays` name, read and checked with tt.toml
    typo_entries: tuple = field(default=(), compare=False)  # vn.textcheck.TypoEntry
    holiday_days: tuple = field(default=(), compare=False)  # per file: (days off, workdays, not days off)
    # where each key was written, for messages about it: key → line
    lines: tuple[tuple[str, int], ...] = field(default=(), compare=False)

    @property
    def root(self) -> Path | None:
        return self.path.parent if self.path is not None else None

    @property
    def severities(self) -> dict[str, str]:
        return dict(self.severity)

    @functools.cached_property
    def layout(self):
        """The render figures (tuyentruyen.render.layout.Layout) with [render.layout] applied."""
        from tuyentruyen.render.layout import make_layout

        return make_layout(dict(self.layout_overrides))

    def line_of(self, key: str) -> int:
        return dict(self.lines).get(key, 1)

    def template_folders(self, project_root: Path | None = None) -> tuple[Path, ...]:
        """The folders whose templates override tt's, searched in order: the configured one,
        then templates/ of the repository."""
        folders: list[Path] = []
        if self.templates is not None:
            folders.append(self.templates)
        root = self.root or project_root
        if root is not None and (root / "templates").is_dir():
            default = (root / "templates").resolve()
            if default not in folders:
                folders.append(default)
        return tuple(folders)

    def ignored_for(self, plan_path: Path) -> tuple[str, ...]:
        """The codes per-file-ignores silences for this plan."""
        if not self.per_file_ignores or self.root is None:
            return ()
        import fnmatch

        try:
            rel = plan_path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return ()
        found: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern.rstrip("/") + "/*"):
                found.extend(codes)
        return tuple(found)


DEFAULT = Config()


def find_config(start: Path) -> Path | None:
    """The nearest tt.toml in start's folder (start itself when it is a folder) or a parent."""
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for d in (here, *here.parents):
        candidate = d / CONFIG_NAME
        if candidate.exists():  # a folder or a FIFO named tt.toml is reported, never skipped or read
            return candidate
    return None


@functools.lru_cache(maxsize=64)
def _load_cached(path: Path, mtime_ns: int, size: int) -> Config:
    return _parse(path)


def load_config(path: Path | str) -> Config:
    """Read and check tt.toml; raises ConfigError."""
    path = Path(path).resolve()
    try:
        st = path.stat()
    except OSError as exc:
        raise ConfigError(path, f"Không đọc được tệp cấu hình {path.name}: {_os_reason(exc)}.",
                          "Kiểm tra lại đường dẫn và quyền đọc tệp.") from None
    if not path.is_file():
        from tuyentruyen.project.files import kind_of

        raise ConfigError(path, f"'{path.name}' là {kind_of(st.st_mode)}, không phải một tệp cấu hình.",
                          "Đổi tên hoặc xóa nó, rồi viết tt.toml là một tệp văn bản (xem docs/config.md).")
    return _load_cached(path, st.st_mtime_ns, st.st_size)


def config_for(plan_path: Path | str) -> Config:
    """The configuration of the repository holding plan_path (defaults when there is no tt.toml)."""
    found = find_config(Path(plan_path))
    return load_config(found) if found is not None else DEFAULT


def norm_code(code: str) -> str:
    """'tt-r002', 'R002', ' TT-R002 ' → 'TT-R002'; 'ALL' stays."""
    c = code.strip().upper()
    if c == "ALL":
        return c
    if not c.startswith("TT-") and re.match(r"^[A-Z]\d*$", c):
        c = "TT-" + c
    return c


def _os_reason(exc: OSError) -> str:
    from tuyentruyen.project.files import os_reason

    return os_reason(exc)


# ---------------------------------------------------------------- parsing


def _line_of_key(text: str, key: str, table: str | None = None) -> int:
    """The line where key is written (inside [table] when given), for located messages."""
    lines = text.splitlines()
    start = 0
    if table is not None:
        for i, ln in enumerate(lines):
            if re.match(rf"^\s*\[\s*{re.escape(table)}\s*\]\s*(#.*)?$", ln):
                start = i + 1
                break
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for i in range(start, len(lines)):
        if table is not None and i > start and re.match(r"^\s*\[", lines[i]):
            break
        if pattern.match(lines[i]):
            return i + 1
    if table is not None:  # a sub-table written [table.key]
        for i, ln in enumerate(lines):
            if re.match(rf"^\s*\[\s*{re.escape(table)}\.{re.escape(key)}\s*\]", ln):
                return i + 1
    return 1


def _read_text(path: Path) -> str:
    from tuyentruyen.project.files import read_text_bounded

    try:
        return read_text_bounded(path, limit=1024 * 1024)
    except UnicodeDecodeError:
        raise ConfigError(path, f"{path.name} phải được lưu ở mã UTF-8.",
                          "Mở tệp trong VS Code, chọn 'Save with Encoding' → 'UTF-8'.") from None
    except OSError as exc:
        raise ConfigError(path, f"Không đọc được tệp cấu hình {path.name}: {_os_reason(exc)}.",
                          "Kiểm tra lại đường dẫn và quyền đọc tệp.") from None


def _parse(path: Path) -> Config:
    import tomllib

    from tuyentruyen.vn.text import did_you_mean

    text = _read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        raise ConfigError(path, f"{path.name} không đúng cú pháp TOML ở dòng {line}, cột {col}.",
                          "Mỗi dòng có dạng `khóa = giá trị`; chuỗi đặt trong ngoặc kép, danh sách trong [ ], "
                          "bảng mở đầu bằng [tên]; mã quy tắc có dấu '-' vẫn viết trần được: TT-R002 = \"error\".",
                          line, col) from None

    def fail(message: str, hint: str | None, key: str, table: str | None = None) -> ConfigError:
        return ConfigError(path, message, hint, _line_of_key(text, key, table), 1)

    def unknown_keys(table: dict, allowed: tuple[str, ...], where: str, name: str | None) -> None:
        for key in table:
            if key not in allowed:
                guess = did_you_mean(key, allowed)
                raise fail(f"Khóa '{key}' không có trong {where}." + (f" Có phải ý bạn là '{guess}'?" if guess else ""),
                           "Các khóa hợp lệ: " + ", ".join(allowed) + " (xem docs/config.md).", key, name)

    unknown_keys(data, _TOP_KEYS, path.name, None)
    base = path.parent

    def a_path(value, key: str, table: str | None = None, *, folder: bool = False) -> Path:
        shown = f"{table}.{key}" if table else key
        if not isinstance(value, str) or not value.strip():
            example = "templates" if folder else "plans/units.yaml"
            raise fail(f"'{shown}' phải là một đường dẫn (chuỗi trong ngoặc kép).",
                       f"Ví dụ: {key} = \"{example}\".", key, table)
        found = (base / value).resolve()
        if folder and not found.is_dir():
            raise fail(f"Không có thư mục '{value}' khai báo ở '{shown}'.",
                       "Tạo thư mục đó (chép vào các tệp mẫu .j2 cần sửa), hoặc xóa dòng này. "
                       "Đường dẫn tính từ thư mục chứa tt.toml.", key, table)
        return found

    def paths(value, key: str) -> tuple[Path, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise fail(f"'lint.{key}' phải là một danh sách đường dẫn.", f"Ví dụ: {key} = [\"data/{key}.yaml\"].",
                       key, "lint")
        out = tuple(a_path(v, key, "lint") for v in value)
        for p, v in zip(out, value):
            if not p.is_file():
                raise fail(f"Không tìm thấy tệp '{v}' khai báo ở 'lint.{key}'.",
                           "Đường dẫn tính từ thư mục chứa tt.toml.", key, "lint")
        return out

    def codes(value, key: str, table: str = "lint") -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"'{key}' phải là một danh sách mã quy tắc.", f"Ví dụ: {key} = [\"TT-D008\", \"TT-R\"].",
                       key, table)
        return tuple(norm_code(v) for v in value)

    def table(name: str, parent: dict, table_name: str, example: str) -> dict:
        value = parent.get(name, {})
        if not isinstance(value, dict):
            raise fail(f"'{table_name}' phải là một bảng [{table_name}].", example, name,
                       table_name.rsplit(".", 1)[0] if "." in table_name else None)
        return value

    units = a_path(data["units"], "units") if "units" in data else None
    outside = data.get("allow-units-outside", [])
    if isinstance(outside, str):
        outside = [outside]
    if not isinstance(outside, list):
        raise fail("'allow-units-outside' phải là một danh sách thư mục.",
                   "Ví dụ: allow-units-outside = [\"../don-vi-chung\"].", "allow-units-outside")
    units_outside = tuple(a_path(v, "allow-units-outside", folder=True) for v in outside)
    docs_url = data.get("docs-url")
    if docs_url is not None and (not isinstance(docs_url, str) or not re.match(r"^https?://", docs_url)):
        raise fail("'docs-url' phải là một địa chỉ web bắt đầu bằng http:// hoặc https://.",
                   "Ví dụ: docs-url = \"https://example.org/tt/docs/rules\".", "docs-url")

    lint = table("lint", data, "lint", "Viết `[lint]` trên một dòng riêng rồi các khóa bên dưới.")
    unknown_keys(lint, _LINT_KEYS, "bảng [lint]", "lint")
    severity: list[tuple[str, str]] = []
    sev = table("severity", lint, "lint.severity", "Ví dụ:\n[lint.severity]\nTT-R002 = \"error\"")
    for code, level in sev.items():
        if level not in SEVERITIES:
            raise fail(f"Mức độ '{level}' của {code} không hợp lệ; chỉ được: error (lỗi), warning (cảnh báo), "
                       "info (ghi chú).", "Muốn tắt hẳn một quy tắc, thêm mã vào `ignore`.", code, "lint.severity")
        severity.append((norm_code(code), level))
    pfi: list[tuple[str, tuple[str, ...]]] = []
    per_file = table("per-file-ignores", lint, "lint.per-file-ignores",
                     "Ví dụ:\n[lint.per-file-ignores]\n\"plans/2022/*.yaml\" = [\"TT-R005\"]")
    for pattern, value in per_file.items():
        pfi.append((pattern, codes(value, pattern, "lint.per-file-ignores")))

    render = table("render", data, "render", "Viết `[render]` trên một dòng riêng rồi các khóa bên dưới.")
    unknown_keys(render, _RENDER_KEYS, "bảng [render]", "render")
    templates = a_path(data["templates"], "templates", folder=True) if "templates" in data else None
    if "templates" in render:
        in_render = a_path(render["templates"], "templates", "render", folder=True)
        if templates is not None and in_render != templates:
            raise fail("Thư mục mẫu được khai báo hai lần, khác nhau: 'templates' và '[render] templates'.",
                       "Giữ một trong hai dòng.", "templates", "render")
        templates = in_render
    unit_columns = render.get("units", "auto")
    if unit_columns not in UNIT_COLUMNS:
        raise fail(f"[render] units = {unit_columns!r} không hợp lệ.",
                   "Dùng một trong: auto (tự chọn), combined (một cột 'Cơ quan, đơn vị thực hiện'), "
                   "separate (hai cột 'Chủ trì', 'Phối hợp'), two-level (tiêu đề hai tầng 'Cơ quan thực hiện' "
                   "trên 'Chủ trì | Phối hợp').", "units", "render")
    layout_table = table("layout", render, "render.layout", "Viết `[render.layout]` rồi các thông số bên dưới.")
    if layout_table:
        from tuyentruyen.render.layout import LayoutError, make_layout

        try:
            make_layout(layout_table, f"{path.name} [render.layout]")
        except LayoutError as exc:
            raise fail(exc.message, "Sửa giá trị trong tt.toml theo khoảng Nghị định 30/2020/NĐ-CP cho phép "
                       "(xem docs/config.md).", exc.key, "render.layout") from None

    typo_paths = paths(lint.get("typos", []), "typos")
    holiday_paths = paths(lint.get("holidays", []), "holidays")
    typo_entries = tuple(e for p in typo_paths for e in _typo_file(p, fail("", None, "typos", "lint").line))
    holiday_days = tuple(_holiday_file(p) for p in holiday_paths)

    lines = [(k, _line_of_key(text, k)) for k in data if k not in ("lint", "render")]
    lines += [(f"lint.{k}", _line_of_key(text, k, "lint")) for k in lint]
    lines += [(f"render.{k}", _line_of_key(text, k, "render")) for k in render]
    return Config(
        path=path, units=units, units_outside=units_outside, templates=templates, docs_url=docs_url.rstrip("/") if docs_url else None,
        select=codes(lint["select"], "select") if "select" in lint else None,
        extend_select=codes(lint.get("extend-select", []), "extend-select"),
        ignore=codes(lint.get("ignore", []), "ignore"),
        severity=tuple(severity),
        typos=typo_paths,
        holidays=holiday_paths,
        typo_entries=typo_entries,
        holiday_days=holiday_days,
        per_file_ignores=tuple(pfi),
        unit_columns=unit_columns,
        layout_overrides=tuple(layout_table.items()),
        lines=tuple(lines),
    )


# ---------------------------------------------------------------- the data files tt.toml names


def _data_file(path: Path, what: str, named_at: str):
    """A YAML data file named in tt.toml, read (bounded) and parsed; ConfigError located in it."""
    import yaml

    from tuyentruyen.project.files import ReadError, os_reason, read_text_bounded

    hint = f"Kiểm tra tệp khai báo ở `{named_at}` của tt.toml (định dạng: docs/config.md)."
    try:
        text = read_text_bounded(path, 4 * 1024 * 1024)
    except ReadError as exc:
        raise ConfigError(path, exc.message, hint) from None
    except UnicodeDecodeError:
        raise ConfigError(path, f"Tệp {what} {path.name} phải được lưu ở mã UTF-8.",
                          "Mở tệp trong VS Code, chọn 'Save with Encoding' → 'UTF-8'.") from None
    except OSError as exc:
        raise ConfigError(path, f"Không đọc được tệp {what} {path.name}: {os_reason(exc)}.", hint) from None
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(path, f"Tệp {what} {path.name} không đúng cú pháp YAML.", hint,
                          mark.line + 1 if mark else 1, mark.column + 1 if mark else 1) from None


def _typo_file(path: Path, line: int) -> tuple:
    from tuyentruyen.vn.textcheck import TypoDataError, typos_from_data

    raw = _data_file(path, "lỗi chính tả", "lint.typos")
    try:
        return typos_from_data(raw, path.name)
    except TypoDataError as exc:
        raise ConfigError(path, f"Tệp lỗi chính tả không dùng được: {exc}",
                          "Mỗi mục có `wrong` (cách viết sai), `right` (cách viết đúng), tùy chọn `note` "
                          "(xem docs/config.md).") from None


def _holiday_file(path: Path) -> tuple:
    from tuyentruyen.vn.calendar import CalendarDataError, read_days

    raw = _data_file(path, "ngày nghỉ", "lint.holidays")
    try:
        days, work, not_off = read_days(raw, f"Tệp ngày nghỉ {path.name}")
    except CalendarDataError as exc:
        raise ConfigError(path, str(exc), "Tệp YAML có các khóa `days` (ngày nghỉ) và `workdays` (ngày làm bù), "
                                         "xem docs/config.md.") from None
    return tuple(sorted(days.items())), tuple(sorted(work)), tuple(sorted(not_off))
