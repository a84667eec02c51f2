"""The progress file (tệp tiến độ), version 1: what each unit has done of a plan, through the year.

A plan is signed once and carried out all year. Beside it (``plans/ha-giang/2023.yaml`` →
``plans/ha-giang/2023.progress.yaml``) a progress file records, per task, what the units
reported: its status (tình trạng), the result (kết quả), figures against the task's quantity
(số liệu so với chỉ tiêu), the evidence (minh chứng: document numbers, links), who reported
it and when. Its ``report`` part holds what the year's "Báo cáo kết quả thực hiện Kế hoạch"
needs beyond the table: the report's number, date and signer, and its narrative sections.

Tasks are named by their key: the ``id`` of a task of the appendix ("tap-huan-cchc"), or,
for the duties of "Tổ chức thực hiện" (which have no id), their place in the plan as printed:
"IV.2" for the 2nd duty of section IV, "IV.2.3" for its 3rd item (``tt tasks`` shows every
key). The keys are checked against the plan by the lint rules (TT-P002).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from tuyentruyen.model.plan import Signer
from tuyentruyen.model.types import CommaList, Int, LooseText, NonEmpty, Slug, StrictModel, StrList, VnDate

FORMAT_VERSION = 1


class Status(str, enum.Enum):
    """Tình trạng thực hiện một nhiệm vụ."""

    NOT_STARTED = "chua-thuc-hien"
    IN_PROGRESS = "dang-thuc-hien"
    DONE = "hoan-thanh"
    FAILED = "khong-thuc-hien-duoc"

    @property
    def label(self) -> str:
        """The words a report prints: "hoàn thành"."""
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.NOT_STARTED: "chưa thực hiện",
    Status.IN_PROGRESS: "đang thực hiện",
    Status.DONE: "hoàn thành",
    Status.FAILED: "không thực hiện được",
}


def _status(value: Any) -> Any:
    """The status as written: the key ("hoan-thanh") or the words ("Hoàn thành"), any case."""
    if isinstance(value, str):
        from tuyentruyen.vn.text import fold

        key = "-".join(fold(value).replace("-", " ").split())
        if key in {s.value for s in Status}:
            return key
    return value


_STATUS_INPUT = Literal[
    "chua-thuc-hien", "dang-thuc-hien", "hoan-thanh", "khong-thuc-hien-duoc",
    "chưa thực hiện", "đang thực hiện", "hoàn thành", "không thực hiện được"]

StatusField = Annotated[Status, BeforeValidator(_status, json_schema_input_type=_STATUS_INPUT)]


def _figures(value: Any) -> Any:
    if value is None:
        return []
    items = [value] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value
    if isinstance(items, list):
        from tuyentruyen.vn.quantity import parse_quantity

        out = []
        for item in items:
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if isinstance(item, str) and not parse_quantity(item):
                raise PydanticCustomError(
                    "tt_figure", "số liệu “{text}” không có con số nào (viết như cột Số lượng: '45 người', '4 bài')",
                    {"text": item})
            out.append(item)
        return out
    return value


FigureList = Annotated[list[str], BeforeValidator(_figures, json_schema_input_type=str | int | list[str | int] | None)]


class Entry(StrictModel):
    """Tiến độ của một nhiệm vụ: tình trạng, kết quả, số liệu, minh chứng, ai báo cáo, ngày nào."""

    status: StatusField = Field(
        ..., title="Tình trạng",
        description="chua-thuc-hien (chưa thực hiện), dang-thuc-hien (đang thực hiện), hoan-thanh (hoàn thành), "
                    "khong-thuc-hien-duoc (không thực hiện được: ghi lý do ở 'reason'). Viết bằng chữ có dấu cũng được.")
    done_on: VnDate | None = Field(
        None, title="Ngày hoàn thành", description="Ngày nhiệm vụ hoàn thành (chỉ ghi khi 'hoan-thanh'), dd/mm/yyyy.")
    result: LooseText | None = Field(
        None, title="Kết quả", description="Kết quả đã đạt, viết như sẽ in trong báo cáo: 'Tổ chức 01 lớp tập huấn …'.")
    figures: FigureList = Field(
        default_factory=list, title="Số liệu đạt được",
        description="Các con số so với cột Số lượng của nhiệm vụ, mỗi số một mục kèm đơn vị: '45 người', '1 lớp'.")
    evidence: StrList = Field(
        default_factory=list, title="Minh chứng",
        description="Văn bản, đường dẫn chứng minh kết quả: 'Báo cáo số 45/BC-SNV ngày 15/5/2024', 'https://…'.")
    reason: NonEmpty | None = Field(
        None, title="Lý do", description="Vì sao chưa thực hiện hoặc không thực hiện được (bắt buộc khi 'khong-thuc-hien-duoc').")
    reported_by: NonEmpty | None = Field(
        None, title="Đơn vị báo cáo", description="Đơn vị gửi số liệu, theo sổ đơn vị: 'Sở Nội vụ'.")
    reported_on: VnDate | None = Field(None, title="Ngày báo cáo", description="Ngày đơn vị báo cáo, dd/mm/yyyy.")
    notes: NonEmpty | None = Field(None, title="Ghi chú", description="Ghi chú thêm (không in trong bảng kết quả).")

    @model_validator(mode="after")
    def _consistent(self) -> "Entry":
        if self.status is Status.FAILED and self.reason is None:
            raise PydanticCustomError(
                "tt_progress", "nhiệm vụ 'khong-thuc-hien-duoc' (không thực hiện được) phải ghi lý do ở 'reason'")
        if self.done_on is not None and self.status is not Status.DONE:
            raise PydanticCustomError(
                "tt_progress", "'done_on' (ngày hoàn thành) chỉ ghi khi tình trạng là 'hoan-thanh', đang là '{status}'",
                {"status": self.status.value})
        return self


class Report(StrictModel):
    """Báo cáo kết quả thực hiện Kế hoạch (`tt render --report`): số, ngày, người ký, các phần lời văn.

    Cơ quan ban hành, địa danh và người ký mặc định lấy từ kế hoạch; dòng trích yếu và câu dẫn
    "Thực hiện Kế hoạch số … ngày … của …" do tt sinh từ số, ngày, cơ quan ban hành của kế hoạch."""

    number: Annotated[Int, Field(ge=1, le=99999)] | None = Field(
        None, title="Số báo cáo", description="Số của Báo cáo; bỏ trống khi chưa cấp số.")
    symbol: NonEmpty | None = Field(
        None, title="Ký hiệu", description="Ký hiệu sau dấu '/': 'BC-UBND'; mặc định 'BC-' và phần sau 'KH-'/'QĐ-' của kế hoạch.")
    place: NonEmpty | None = Field(None, title="Địa danh", description="Mặc định là địa danh của kế hoạch.")
    date: VnDate | None = Field(None, title="Ngày báo cáo", description="Ngày ký báo cáo; bỏ trống khi chưa ký.")
    title: NonEmpty | None = Field(
        None, title="Trích yếu",
        description="Chỉ khi muốn viết khác dòng tt tự sinh ('Kết quả thực hiện Kế hoạch số … ngày … của …').")
    signer: Signer | None = Field(None, title="Người ký", description="Mặc định là người ký kế hoạch.")
    recipients: StrList = Field(default_factory=list, title="Nơi nhận", description="Mỗi nơi nhận một mục.")
    archive: CommaList = Field(default_factory=lambda: ["VT"], title="Lưu", description="'VT, SNV'.")
    copies: Annotated[Int, Field(ge=1)] | None = Field(None, title="Số lượng bản", description="In ở cuối dòng Lưu.")
    intro: NonEmpty | None = Field(
        None, title="Đoạn mở đầu", description="Thay câu 'Thực hiện Kế hoạch số …, <cơ quan> báo cáo kết quả như sau:'.")
    results: StrList = Field(
        default_factory=list, title="Kết quả đạt được",
        description="Các đoạn nhận xét chung về kết quả (mục I); tt thêm câu tổng hợp số nhiệm vụ và bảng kết quả.")
    limits: StrList = Field(default_factory=list, title="Hạn chế", description="Các hạn chế, tồn tại (mục II).")
    causes: StrList = Field(default_factory=list, title="Nguyên nhân", description="Nguyên nhân của hạn chế (mục II).")
    proposals: StrList = Field(default_factory=list, title="Đề xuất, kiến nghị", description="Các đề xuất, kiến nghị (mục III).")
    closing: NonEmpty | None = Field(None, title="Đoạn kết", description="'Trên đây là báo cáo …'; mặc định tt tự viết.")


class Progress(StrictModel):
    """Một tệp tiến độ thực hiện kế hoạch."""

    model_config = StrictModel.model_config | {"title": "Tiến độ thực hiện kế hoạch (tt, định dạng 1)"}

    tt: Literal[1] = Field(1, title="Phiên bản định dạng", description="Phiên bản định dạng tệp tiến độ; hiện là 1.")
    plan: NonEmpty | None = Field(
        None, title="Kế hoạch",
        description="Tệp kế hoạch được theo dõi, tương đối so với tệp này; mặc định cùng tên bỏ '.progress' "
                    "(2024.progress.yaml → 2024.yaml).")
    as_of: VnDate = Field(
        ..., title="Số liệu tính đến ngày",
        description="Ngày chốt số liệu của tệp, dd/mm/yyyy; các quy tắc tiến độ xét quá hạn tính đến ngày này.")
    tasks: dict[Slug, Entry] = Field(
        default_factory=dict, title="Tiến độ từng nhiệm vụ",
        description="Mỗi nhiệm vụ một khóa: mã nhiệm vụ ở phụ lục ('tap-huan-cchc') hoặc số mục trong Tổ chức thực "
                    "hiện ('IV.2', 'IV.2.3'); xem `tt tasks`.")
    report: Report | None = Field(None, title="Báo cáo kết quả", description="Dùng cho `tt render --report`.")


def progress_checks(progress: Progress, loaded) -> list:
    """Dates that cannot be right for a file counted up to ``as_of``."""
    from tuyentruyen.problems import Problem
    from tuyentruyen.vn.dates import fmt_date

    out = []
    for key, entry in progress.tasks.items():
        for field, what in (("done_on", "ngày hoàn thành"), ("reported_on", "ngày báo cáo")):
            when: dt.date | None = getattr(entry, field)
            if when is not None and when > progress.as_of:
                pos = loaded.locate(("tasks", key, field))
                out.append(Problem(
                    "TT-S006", f"Nhiệm vụ '{key}': {what} {fmt_date(when)} sau ngày chốt số liệu {fmt_date(progress.as_of)} "
                    "('as_of') của tệp.", loaded.source.display, pos.line, pos.col,
                    hint="Sửa lại ngày, hoặc dời 'as_of' tới ngày chốt số liệu mới.", path=("tasks", key, field)))
    return out
