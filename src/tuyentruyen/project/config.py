"""The repository configuration (cấu hình kho kế hoạch): `tt.toml`, found upward from a plan.

One TOML file at the root of a plans repository (read with the standard library's
tomllib). Every key is optional; docs/config.md documents each one:

    units = "plans/units.yaml"        # the unit registry, when a plan does not name one
    templates = "templates"           # a folder whose templates override tt's (render)
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

Paths are relative to the folder of tt.toml. Nothing here knows the rule catalogue:
codes are checked against it by the rule engine, which reports an unknown code.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

CONFIG_NAME = "tt.toml"
SEVERITIES = ("error", "warning", "info")

_TOP_KEYS = ("units", "templates", "docs-url", "lint")
_LINT_KEYS = ("select", "extend-select", "ignore", "typos", "holidays", "severity", "per-file-ignores")


class ConfigError(Exception):
    """tt.toml cannot be used: the Vietnamese message says where and why."""

    def __init__(self, path: Path, message: str, hint: str | None = None, line: int = 1, col: int = 1):
        super().__init__(message)
        self.path, self.message, self.hint, self.line, self.col = path, message, hint, line, col


@dataclass(frozen=True)
class Config:
    """The settings that apply to one plan; `Config()` is tt's defaults (no tt.toml)."""

    path: Path | None = None  # the tt.toml read, None for defaults
    units: Path | None = None
    templates: Path | None = None
    docs_url: str | None = None
    select: tuple[str, ...] | None = None  # None: the rules enabled by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    typos: tuple[Path, ...] = ()
    holidays: tuple[Path, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # where each key was written, for messages about it: key → line
    lines: tuple[tuple[str, int], ...] = field(default=(), compare=False)

    @property
    def root(self) -> Path | None:
        return self.path.parent if self.path is not None else None

    @property
    def severities(self) -> dict[str, str]:
        return dict(self.severity)

    def line_of(self, key: str) -> int:
        return dict(self.lines).get(key, 1)

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
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for d in (here, *here.parents):
        candidate = d / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


@functools.lru_cache(maxsize=64)
def _load_cached(path: Path, mtime_ns: int, size: int) -> Config:
    return _parse(path)


def load_config(path: Path) -> Config:
    """Read and check tt.toml; raises ConfigError."""
    path = Path(path).resolve()
    try:
        st = path.stat()
    except OSError as exc:
        raise ConfigError(path, f"Không đọc được tệp cấu hình {path.name}: {exc.strerror or exc}.",
                          "Kiểm tra lại đường dẫn và quyền đọc tệp.") from None
    return _load_cached(path, st.st_mtime_ns, st.st_size)


def config_for(plan_path: Path) -> Config:
    """The configuration of the repository holding plan_path (defaults when there is no tt.toml)."""
    found = find_config(Path(plan_path))
    return load_config(found) if found is not None else DEFAULT


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
    return 1


def _parse(path: Path) -> Config:
    import tomllib

    from tuyentruyen.model.validation import did_you_mean

    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(path, f"{path.name} phải được lưu ở mã UTF-8.",
                          "Mở tệp trong VS Code, chọn 'Save with Encoding' → 'UTF-8'.") from None
    except OSError as exc:
        raise ConfigError(path, f"Không đọc được tệp cấu hình {path.name}: {exc.strerror or exc}.",
                          "Kiểm tra lại đường dẫn và quyền đọc tệp.") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(path, f"{path.name} không đúng cú pháp TOML (bộ phân tích báo: {detail}).",
                          "Mỗi dòng có dạng `khóa = giá trị`; chuỗi đặt trong ngoặc kép, danh sách trong [ ]; "
                          "mã quy tắc có dấu '-' vẫn viết trần được: TT-R002 = \"error\".", line, col) from None

    def fail(message: str, hint: str | None, key: str, table: str | None = None) -> ConfigError:
        return ConfigError(path, message, hint, _line_of_key(text, key, table), 1)

    for key in data:
        if key not in _TOP_KEYS:
            guess = did_you_mean(key, list(_TOP_KEYS))
            raise fail(f"Khóa '{key}' không có trong {path.name}." + (f" Có phải ý bạn là '{guess}'?" if guess else ""),
                       "Các khóa hợp lệ: " + ", ".join(_TOP_KEYS) + " (xem docs/config.md).", key)
    base = path.parent

    def a_path(value, key: str, table: str | None = None) -> Path:
        if not isinstance(value, str) or not value.strip():
            raise fail(f"'{key}' phải là một đường dẫn (chuỗi trong ngoặc kép).",
                       f"Ví dụ: {key} = \"plans/units.yaml\".", key, table)
        return (base / value).resolve()

    def paths(value, key: str) -> tuple[Path, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise fail(f"'lint.{key}' phải là một danh sách đường dẫn.", f"Ví dụ: {key} = [\"data/{key}.yaml\"].",
                       key, "lint")
        out = tuple(a_path(v, key, "lint") for v in value)
        for p in out:
            if not p.is_file():
                raise fail(f"Không tìm thấy tệp '{p}' khai báo ở 'lint.{key}'.",
                           "Đường dẫn tính từ thư mục chứa tt.toml.", key, "lint")
        return out

    def codes(value, key: str, table: str = "lint") -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"'{key}' phải là một danh sách mã quy tắc.", f"Ví dụ: {key} = [\"TT-D008\", \"TT-R\"].",
                       key, table)
        return tuple(_norm_code(v) for v in value)

    units = a_path(data["units"], "units") if "units" in data else None
    templates = a_path(data["templates"], "templates") if "templates" in data else None
    docs_url = data.get("docs-url")
    if docs_url is not None and (not isinstance(docs_url, str) or not re.match(r"^https?://", docs_url)):
        raise fail("'docs-url' phải là một địa chỉ web bắt đầu bằng http:// hoặc https://.",
                   "Ví dụ: docs-url = \"https://example.org/tt/docs/rules\".", "docs-url")
    lint = data.get("lint", {})
    if not isinstance(lint, dict):
        raise fail("'lint' phải là một bảng [lint].", "Viết `[lint]` trên một dòng riêng rồi các khóa bên dưới.",
                   "lint")
    for key in lint:
        if key not in _LINT_KEYS:
            guess = did_you_mean(key, list(_LINT_KEYS))
            raise fail(f"Khóa '{key}' không có trong bảng [lint]." + (f" Có phải ý bạn là '{guess}'?" if guess else ""),
                       "Các khóa hợp lệ: " + ", ".join(_LINT_KEYS) + " (xem docs/config.md).", key, "lint")
    severity: list[tuple[str, str]] = []
    sev = lint.get("severity", {})
    if not isinstance(sev, dict):
        raise fail("'lint.severity' phải là một bảng [lint.severity] các cặp MÃ = \"mức\".",
                   "Ví dụ:\n[lint.severity]\nTT-R002 = \"error\"", "severity", "lint")
    for code, level in sev.items():
        if level not in SEVERITIES:
            raise fail(f"Mức độ '{level}' của {code} không hợp lệ; chỉ được: error (lỗi), warning (cảnh báo), "
                       "info (ghi chú).", "Muốn tắt hẳn một quy tắc, thêm mã vào `ignore`.", code, "lint.severity")
        severity.append((_norm_code(code), level))
    pfi: list[tuple[str, tuple[str, ...]]] = []
    per_file = lint.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise fail("'lint.per-file-ignores' phải là một bảng: \"mẫu tệp\" = [\"MÃ\", …].",
                   "Ví dụ:\n[lint.per-file-ignores]\n\"plans/2022/*.yaml\" = [\"TT-R005\"]", "per-file-ignores", "lint")
    for pattern, value in per_file.items():
        pfi.append((pattern, codes(value, pattern, "lint.per-file-ignores")))
    lines = [(k, _line_of_key(text, k)) for k in data if k != "lint"]
    lines += [(f"lint.{k}", _line_of_key(text, k, "lint")) for k in lint]
    return Config(
        path=path, units=units, templates=templates, docs_url=docs_url.rstrip("/") if docs_url else None,
        select=codes(lint["select"], "select") if "select" in lint else None,
        extend_select=codes(lint.get("extend-select", []), "extend-select"),
        ignore=codes(lint.get("ignore", []), "ignore"),
        severity=tuple(severity),
        typos=paths(lint.get("typos", []), "typos"),
        holidays=paths(lint.get("holidays", []), "holidays"),
        per_file_ignores=tuple(pfi),
        lines=tuple(lines),
    )


def _norm_code(code: str) -> str:
    """'tt-r002', 'R002', ' TT-R002 ' → 'TT-R002'; 'ALL' stays."""
    c = code.strip().upper()
    if c == "ALL":
        return c
    if not c.startswith("TT-") and re.match(r"^[A-Z]\d*$", c):
        c = "TT-" + c
    return c
