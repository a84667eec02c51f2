"""The figures of Nghị định 30/2020/NĐ-CP, Phụ lục I (thể thức và kỹ thuật trình bày), as data.

Where the decree gives a range, :data:`RANGES` holds it and :class:`Layout` one value from
it; a repository may choose another value inside the range in ``tt.toml``::

    [render.layout]
    margin_left_mm = 35
    body_size = 13

Sizes are in points, lengths in millimetres (centimetres for the first-line indent, as
the decree writes it). The values not fixed by the decree (the header column shares,
the space left for the signature, the table column weights) follow common practice.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

TWIPS_PER_MM = 1440 / 25.4


def twips(mm: float) -> int:
    """Millimetres → twentieths of a point (the unit of page and table sizes in OOXML)."""
    return round(mm * TWIPS_PER_MM)


def half_points(pt: float) -> int:
    """Points → half-points (the unit of w:sz)."""
    return round(pt * 2)


@dataclass(frozen=True)
class Layout:
    # page (khổ giấy, lề)
    page_width_mm: float = 210
    page_height_mm: float = 297
    margin_top_mm: float = 20
    margin_bottom_mm: float = 20
    margin_left_mm: float = 30
    margin_right_mm: float = 15
    header_distance_mm: float = 10  # where the page number sits, inside the top margin
    font: str = "Times New Roman"

    # body text (nội dung)
    body_size: float = 14
    first_line_indent_cm: float = 1.27
    paragraph_after_pt: float = 6
    line_spacing: float = 1.0  # multiple of a single line: single, as the signed originals

    # the header block (phần đầu văn bản)
    parent_size: float = 13  # cơ quan chủ quản: upright, not bold
    issuer_size: float = 13  # tên cơ quan ban hành: bold
    national_size: float = 12  # Quốc hiệu: bold
    motto_size: float = 13  # Tiêu ngữ: bold
    number_size: float = 13  # "Số: …"
    place_date_size: float = 14  # địa danh, ngày tháng: italic
    header_left_share: float = 0.40  # the issuer column, of the text width
    rule_ratio: float = 0.40  # a short rule: this share of the line above it (1/3 to 1/2)
    rule_weight_eighths: int = 6  # rule thickness in eighths of a point (w:sz): 0.75 pt

    # title (tên loại, trích yếu)
    type_size: float = 14
    title_size: float = 14
    authority_size: float = 14  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" of a Quyết định

    # signature and recipients (chữ ký, nơi nhận)
    signer_size: float = 14
    signer_space_lines: int = 4  # empty lines left for the signature and the seal
    recipients_label_size: float = 12  # "Nơi nhận:": bold italic
    recipients_size: float = 11
    recipients_share: float = 0.45

    # page numbers (số trang)
    page_number_size: float = 14

    # appendix (phụ lục)
    appendix_landscape: bool = True
    appendix_heading_size: float = 14
    appendix_title_size: float = 14
    table_size: float = 13
    table_size_wide: float = 12  # tables of more than `wide_table_columns` columns
    wide_table_columns: int = 5
    table_cell_margin_mm: float = 1.5
    table_border_eighths: int = 4  # 0.5 pt
    content_weight: float = 2.0  # the "Nội dung" column takes this share against others
    row_split_share: float = 0.25  # a row taller than this share of the page may break across pages
    optional_column_share: float = 0.5  # quantity, budget, notes, forms get a column when this share of tasks fill them
    units_one_per_line: int = 3  # a list of more units than this: one unit a line

    # -- derived lengths

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def landscape_text_width_mm(self) -> float:
        return self.page_height_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def first_line_indent_mm(self) -> float:
        return self.first_line_indent_cm * 10


# The ranges of the decree (and of sound practice for the figures it leaves open).
RANGES: dict[str, tuple[float, float]] = {
    "margin_top_mm": (20, 25),
    "margin_bottom_mm": (20, 25),
    "margin_left_mm": (30, 35),
    "margin_right_mm": (15, 20),
    "header_distance_mm": (5, 15),
    "body_size": (13, 14),
    "first_line_indent_cm": (1.0, 1.27),
    "paragraph_after_pt": (6, 12),
    "line_spacing": (1.0, 1.5),
    "parent_size": (12, 13),
    "issuer_size": (12, 13),
    "national_size": (12, 13),
    "motto_size": (13, 14),
    "number_size": (13, 13),
    "place_date_size": (13, 14),
    "header_left_share": (0.35, 0.45),
    "rule_ratio": (1 / 3, 1 / 2),
    "rule_weight_eighths": (4, 12),
    "type_size": (13, 14),
    "title_size": (13, 14),
    "authority_size": (13, 14),
    "signer_size": (13, 14),
    "signer_space_lines": (3, 8),
    "recipients_label_size": (12, 12),
    "recipients_size": (11, 11),
    "recipients_share": (0.35, 0.5),
    "page_number_size": (13, 14),
    "appendix_heading_size": (14, 14),
    "appendix_title_size": (13, 14),
    "table_size": (12, 13),
    "table_size_wide": (11, 12),
    "wide_table_columns": (3, 9),
    "table_cell_margin_mm": (0.5, 3),
    "table_border_eighths": (2, 12),
    "content_weight": (1, 4),
    "row_split_share": (0.1, 1.0),
    "optional_column_share": (0.0, 1.0),
    "units_one_per_line": (1, 20),
}

DEFAULT = Layout()


class LayoutError(ValueError):
    """A layout value in the configuration that is unknown, not a number, or out of range."""

    def __init__(self, message: str, key: str):
        super().__init__(message)
        self.message, self.key = message, key


def make_layout(overrides: dict | None, where: str = "tt.toml [render.layout]") -> Layout:
    """The default layout with the repository's overrides, each checked against RANGES."""
    if not overrides:
        return DEFAULT
    known = {f.name: f for f in fields(Layout)}
    changes = {}
    for key, value in overrides.items():
        if key not in known:
            from tuyentruyen.vn.text import did_you_mean

            guess = did_you_mean(key, list(known))
            raise LayoutError(f"{where}: không có thông số '{key}'"
                              + (f"; có phải ý bạn là '{guess}'?" if guess else "."), key)
        default = getattr(DEFAULT, key)
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise LayoutError(f"{where}: '{key}' phải là true hoặc false.", key)
        elif isinstance(default, str):
            if not isinstance(value, str) or not value.strip():
                raise LayoutError(f"{where}: '{key}' phải là một chuỗi ký tự.", key)
        else:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise LayoutError(f"{where}: '{key}' phải là một số.", key)
            lo, hi = RANGES.get(key, (float("-inf"), float("inf")))
            if not lo - 1e-9 <= value <= hi + 1e-9:
                raise LayoutError(f"{where}: '{key}' = {value} nằm ngoài khoảng Nghị định 30/2020/NĐ-CP "
                                  f"cho phép ({_num(lo)} đến {_num(hi)}).", key)
            if isinstance(default, int):
                value = int(value)
        changes[key] = value
    return replace(DEFAULT, **changes)


def _num(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ",")
