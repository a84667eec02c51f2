"""The repository's render settings: the ``[render]`` table of ``tt.toml``.

::

    [render]
    templates = "mau"          # folder of .j2 files overriding the built-in wording
    units = "auto"             # the appendix's unit columns: auto | combined | separate

    [render.layout]            # any figure of layout.Layout, inside the decree's range
    margin_left_mm = 35

``units``: ``combined`` prints one column "Cơ quan, đơn vị thực hiện" holding
"- Chủ trì: …;" and "- Phối hợp: …" (the Hà Giang table); ``separate`` prints a
"Chủ trì" and a "Phối hợp" column (the Quảng Ngãi table); ``auto`` chooses combined
when the table has a "Hình thức" column (it is wide already), else separate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tuyentruyen.render.layout import DEFAULT, Layout, LayoutError, make_layout

CONFIG_NAME = "tt.toml"
UNIT_COLUMNS = ("auto", "combined", "separate")


class ConfigError(Exception):
    """A render setting that cannot be used (exit 2): Vietnamese message and hint."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class RenderConfig:
    layout: Layout = DEFAULT
    templates: tuple[Path, ...] = ()  # override folders, searched before the built-in wording
    units: str = "auto"
    root: Path | None = None  # the project folder (where build/ goes)
    extra: dict = field(default_factory=dict)


def load_config(root: Path | None) -> RenderConfig:
    """The settings of the project at ``root``: its tt.toml [render] and its templates/ folder."""
    if root is None:
        return RenderConfig()
    templates: list[Path] = []
    units = "auto"
    layout = DEFAULT
    path = root / CONFIG_NAME
    if path.is_file():
        import tomllib

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path.name}: không đọc được tệp cấu hình ({exc}).",
                              "Sửa cú pháp TOML của tệp, ví dụ `[render]` rồi `units = \"auto\"`.") from None
        section = data.get("render", {})
        if not isinstance(section, dict):
            raise ConfigError(f"{path.name}: 'render' phải là một bảng [render].")
        if "templates" in section:
            value = section["templates"]
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{path.name}: [render] templates phải là đường dẫn một thư mục.")
            folder = (root / value).resolve()
            if not folder.is_dir():
                raise ConfigError(f"{path.name}: thư mục mẫu '{value}' không tồn tại.",
                                  "Tạo thư mục đó (chép các tệp .j2 cần sửa vào), hoặc xóa dòng templates.")
            templates.append(folder)
        if "units" in section:
            units = section["units"]
            if units not in UNIT_COLUMNS:
                raise ConfigError(f"{path.name}: [render] units = {units!r} không hợp lệ.",
                                  "Dùng một trong: " + ", ".join(UNIT_COLUMNS) + ".")
        unknown = set(section) - {"templates", "units", "layout"}
        if unknown:
            raise ConfigError(f"{path.name}: [render] không có khóa {', '.join(sorted(map(repr, unknown)))}.",
                              "Các khóa dùng được: templates, units, layout.")
        layout_table = section.get("layout")
        if layout_table is not None and not isinstance(layout_table, dict):
            raise ConfigError(f"{path.name}: 'render.layout' phải là một bảng [render.layout].")
        try:
            layout = make_layout(layout_table, f"{path.name} [render.layout]")
        except LayoutError as exc:
            raise ConfigError(str(exc), "Sửa giá trị trong tt.toml theo khoảng cho phép.") from None
    default_folder = root / "templates"
    if default_folder.is_dir() and default_folder.resolve() not in templates:
        templates.append(default_folder.resolve())
    return RenderConfig(layout=layout, templates=tuple(templates), units=units, root=root)
