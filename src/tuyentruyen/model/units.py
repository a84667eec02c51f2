"""The unit registry (sổ đơn vị): every unit a plan may name, with its other names.

A plan names units as clerks write them; the registry says which unit each name means:
its canonical name (tên chuẩn), short forms (tên viết tắt), aliases (tên gọi khác), kind,
the groups it belongs to ("Các sở, ban, ngành" stands for its members) and, since units
are merged and abolished (1 July 2025), the dates it is valid. Provinces, levels and
units are never hard-coded: they come from this file.

A registry may build on the national list of administrative units shipped with tt
(``extends: national`` with ``province: Tuyên Quang``): the province's own administrative
units — the province, its communes, and before 01/07/2025 the provinces, districts and
communes it was made of — are then known too, with their validity and successors
(:mod:`tuyentruyen.vn.units` adds them; :mod:`tuyentruyen.vn.admin` holds them). The
registry's own units come first: a name it lists is its own unit.
"""

from __future__ import annotations

import enum
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from tuyentruyen.model.types import NonEmpty, Slug, StrictModel, StrList, VnDate


class UnitKind(str, enum.Enum):
    """Loại đơn vị."""

    PEOPLES_COMMITTEE = "ubnd"  # Ủy ban nhân dân các cấp
    DEPARTMENT = "so"  # Sở, ban, ngành cấp tỉnh
    OFFICE = "van-phong"  # Văn phòng UBND, Văn phòng HĐND và UBND
    DIVISION = "phong"  # Phòng chuyên môn cấp huyện; phòng thuộc Sở
    CENTRE = "trung-tam"  # Trung tâm, đơn vị sự nghiệp
    PRESS = "bao-dai"  # Báo, Đài phát thanh - truyền hình, cơ quan báo chí
    MASS_ORGANISATION = "doan-the"  # Mặt trận Tổ quốc, đoàn thể chính trị - xã hội
    PARTY = "dang"  # Cơ quan Đảng
    CENTRAL = "trung-uong"  # Bộ, ngành, cơ quan Trung ương (kể cả ngành dọc)
    COUNCIL = "hdnd"  # Hội đồng nhân dân
    TRAINING = "dao-tao"  # Cơ sở đào tạo, bồi dưỡng
    ENTERPRISE = "doanh-nghiep"  # Doanh nghiệp (bưu điện…)
    GROUP = "nhom"  # Một nhóm đơn vị: "Các sở, ban, ngành"
    OTHER = "khac"


class Unit(StrictModel):
    """Một đơn vị trong sổ đơn vị."""

    id: Slug = Field(..., title="Mã đơn vị", description="Mã cố định, không dấu: 'so-noi-vu'.")
    name: NonEmpty = Field(..., title="Tên chuẩn", description="Tên chính thức, dùng khi in văn bản: 'Sở Nội vụ'.")
    short: StrList = Field(default_factory=list, title="Tên viết tắt", description="'SNV', 'Đài PT-TH tỉnh'.")
    aliases: StrList = Field(
        default_factory=list, title="Tên gọi khác",
        description="Các cách viết khác vẫn chỉ đơn vị này: 'Đài Phát thanh và Truyền hình tỉnh'. tt nhận ra "
                    "đơn vị nhưng nhắc viết lại bằng tên chuẩn (TT-R006); tên viết tắt được chấp nhận thì ghi ở 'short'.")
    kind: UnitKind = Field(..., title="Loại đơn vị", description="ubnd, so, van-phong, phong, trung-tam, bao-dai, doan-the, dang, trung-uong, hdnd, dao-tao, doanh-nghiep, nhom (một nhóm đơn vị), khac.")
    groups: StrList = Field(
        default_factory=list, title="Thuộc nhóm",
        description="Mã các nhóm (loại 'nhom') mà đơn vị là thành viên: ['cac-so-ban-nganh'].")
    valid_from: VnDate | None = Field(None, title="Hiệu lực từ ngày", description="Ngày đơn vị được thành lập (nếu có).")
    valid_until: VnDate | None = Field(
        None, title="Hiệu lực đến ngày", description="Ngày cuối cùng đơn vị tồn tại (sáp nhập, giải thể), nếu có.")
    successor: Slug | None = Field(None, title="Đơn vị kế thừa", description="Mã đơn vị tiếp nhận khi sáp nhập.")
    notes: NonEmpty | None = Field(None, title="Ghi chú", description="Ghi chú tự do về đơn vị.")


class Registry(StrictModel):
    """Sổ đơn vị của một cơ quan."""

    model_config = StrictModel.model_config | {
        "title": "Sổ đơn vị (tt, định dạng 1)",
    }

    tt: Literal[1] = Field(1, title="Phiên bản định dạng", description="Phiên bản định dạng tệp; hiện là 1.")
    issuer: NonEmpty | None = Field(None, title="Cơ quan", description="Cơ quan sở hữu sổ đơn vị này.")
    extends: Literal["national"] | None = Field(
        None, title="Dựa trên danh sách quốc gia",
        description="`national`: sổ gồm thêm các đơn vị hành chính của tỉnh ghi ở `province`, lấy từ danh sách "
                    "đơn vị hành chính quốc gia có sẵn trong tt (UBND tỉnh, UBND các xã, phường, đặc khu; trước "
                    "01/7/2025 cả các tỉnh, huyện, xã, thị trấn cũ), kèm ngày hiệu lực và đơn vị kế thừa. "
                    "Xem danh sách: `tt units --province \"Tuyên Quang\"`.")
    province: NonEmpty | None = Field(
        None, title="Tỉnh, thành phố",
        description="Tỉnh, thành phố trực thuộc trung ương (tên hoặc mã) mà `extends: national` lấy đơn vị: "
                    "'Tuyên Quang'. Tỉnh đã hợp nhất (Hà Giang) cũng dùng được: sổ gồm cả tỉnh mới.")
    units: list[Unit] = Field(..., title="Các đơn vị", min_length=1, description="Mỗi đơn vị một mục: mã, tên chuẩn, tên viết tắt, tên gọi khác, loại, nhóm.")

    @model_validator(mode="before")
    @classmethod
    def _extends_with_province(cls, data: Any) -> Any:
        # `extends` and `province` go together: the one written alone is marked, so that its own
        # validator reports it at its line
        if isinstance(data, dict) and (data.get("extends") is None) != (data.get("province") is None):
            data = dict(data)
            key = "extends" if data.get("extends") is not None else "province"
            data[key] = _Alone(data[key])
        return data

    @field_validator("extends", mode="before")
    @classmethod
    def _extends_needs_a_province(cls, value: Any) -> Any:
        if isinstance(value, _Alone):
            raise PydanticCustomError(
                "tt_province", "`extends: national` cần biết tỉnh nào: thêm dòng `province: <tên tỉnh>` ngay dưới "
                "(ví dụ `province: Tuyên Quang`)")
        return value

    @field_validator("province", mode="before")
    @classmethod
    def _province_of_the_national_list(cls, value: Any) -> Any:
        if isinstance(value, _Alone):
            raise PydanticCustomError(
                "tt_province", "`province` chỉ dùng cùng `extends: national`: thêm dòng `extends: national` "
                "để sổ có các đơn vị hành chính của tỉnh, hoặc xóa dòng `province`")
        if not isinstance(value, str) or not value.strip():
            return value  # the type error is reported as such
        from tuyentruyen.vn.admin import national

        nat = national()
        if nat.province_named(value) is None:
            guess = nat.province_like(value)
            raise PydanticCustomError(
                "tt_province", "không có tỉnh, thành phố nào tên “{value}” trong danh sách đơn vị hành chính của tt."
                "{guess} Xem tên các tỉnh, thành phố bằng `tt units --national --kind \"cấp tỉnh\"`",
                {"value": value, "guess": f" Có phải ý bạn là “{guess}”?" if guess else ""})
        return value


class _Alone:
    """`extends` written without `province`, or the reverse (see Registry._extends_with_province)."""

    def __init__(self, value: Any):
        self.value = value
