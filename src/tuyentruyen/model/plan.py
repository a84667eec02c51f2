"""The plan format, version 1 (định dạng kế hoạch).

One YAML file holds one signed document: either a Kế hoạch alone, or a Quyết định that
issues a Kế hoạch (document.type). The file has four parts:

- `document` — the document that is signed: header, number, date, title (trích yếu),
  legal bases (căn cứ), signer, recipients (nơi nhận);
- `decision` — only for a Quyết định: its authority line, proposal and Điều 3 executors;
- `plan` — the Kế hoạch itself: year, documents implemented, narrative sections with the
  duties of each unit under tổ chức thực hiện;
- `appendix` — the task table (phụ lục): groups numbered I, II… of tasks with a stable id.

Units (lead — chủ trì, support — phối hợp) are written as names, short forms or aliases
of entries in the unit registry (`tuyentruyen.model.units`); the lint rules resolve them.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from tuyentruyen.model.types import Bool, CommaList, Int, LooseText, NonEmpty, Slug, StrictModel, StrList, VnDate

FORMAT_VERSION = 1


class DocumentType(str, enum.Enum):
    """Loại văn bản được ký."""

    PLAN = "ke-hoach"
    DECISION = "quyet-dinh"


class AuthorityPrefix(str, enum.Enum):
    """Quyền hạn ký (Nghị định 30/2020, Phụ lục I, mục 7)."""

    KT = "KT."
    TM = "TM."
    Q = "Q."
    TL = "TL."
    TUQ = "TUQ."


class Marker(str, enum.Enum):
    """Cách đánh dấu các ý trong một mục."""

    LETTER = "letter"  # a), b), c), d), đ), e)…
    DASH = "dash"  # - …
    NUMBER = "number"  # 1., 2., 3.
    NONE = "none"  # đoạn văn thường


class SectionKind(str, enum.Enum):
    """Loại mục nội dung, để các quy tắc và lệnh so sánh hiểu được mục."""

    PURPOSE = "purpose"
    REQUIREMENTS = "requirements"
    AUDIENCE = "audience"
    CONTENT = "content"
    FORMS = "forms"
    TIME = "time"
    SOLUTIONS = "solutions"
    BUDGET = "budget"
    ORGANIZATION = "organization"
    OTHER = "other"


# ---------------------------------------------------------------- citations


class Citation(StrictModel):
    """Một văn bản được viện dẫn: có cấu trúc (loại, số, ngày, cơ quan, trích yếu) hoặc nguyên văn."""

    text: NonEmpty | None = Field(
        None, title="Nguyên văn",
        description="Viện dẫn viết nguyên văn, khi không tách được thành các trường "
                    "(ví dụ: 'Luật Tổ chức chính quyền địa phương ngày 19/6/2015').")
    type: NonEmpty | None = Field(
        None, title="Loại văn bản",
        description="Tên loại văn bản: Luật, Nghị định, Nghị quyết, Quyết định, Chỉ thị, Thông tư, Kế hoạch, Tờ trình…",
        examples=["Nghị quyết", "Quyết định", "Kế hoạch"])
    number: NonEmpty | None = Field(
        None, title="Số và ký hiệu", description="Số và ký hiệu của văn bản, ví dụ '76/NQ-CP', '30/2020/NĐ-CP'.",
        examples=["76/NQ-CP", "2250/QĐ-UBND"])
    name: NonEmpty | None = Field(
        None, title="Tên văn bản",
        description="Tên của văn bản không có số (thường là Luật): 'Tổ chức chính quyền địa phương'.")
    date: VnDate | None = Field(None, title="Ngày ban hành", description="Ngày ký ban hành, dd/mm/yyyy.")
    issuer: NonEmpty | None = Field(
        None, title="Cơ quan ban hành", description="Cơ quan hoặc người ban hành: 'Chính phủ', 'UBND tỉnh'.")
    subject: NonEmpty | None = Field(
        None, title="Trích yếu", description="Trích yếu nội dung, viết như sau 'của <cơ quan>'.")

    @model_validator(mode="before")
    @classmethod
    def _free_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _text_or_fields(self) -> "Citation":
        if self.text is None and self.type is None:
            raise PydanticCustomError(
                "tt_citation", "viện dẫn phải có 'type' (loại văn bản) hoặc viết nguyên văn bằng 'text'")
        if self.text is not None and any(
                v is not None for v in (self.type, self.number, self.name, self.date, self.issuer, self.subject)):
            raise PydanticCustomError(
                "tt_citation", "viện dẫn viết nguyên văn ('text') thì không kèm các trường có cấu trúc")
        return self


CitationList = Annotated[
    list[Citation], BeforeValidator(lambda v: [] if v is None else v, json_schema_input_type=list[str | Citation])]


# ---------------------------------------------------------------- header parts


class Issuer(StrictModel):
    """Cơ quan ban hành và cơ quan chủ quản (ô bên trái của phần đầu văn bản)."""

    name: NonEmpty = Field(
        ..., title="Tên cơ quan ban hành",
        description="Tên đầy đủ, viết hoa chữ cái đầu: 'Ủy ban nhân dân tỉnh Hà Giang'. "
                    "Dùng trong các câu 'của …' và trong phần đầu văn bản (in hoa).")
    header: StrList | None = Field(
        None, title="Các dòng tên cơ quan ở phần đầu",
        description="Cách ngắt dòng tên cơ quan ở phần đầu, nếu khác mặc định: ['ỦY BAN NHÂN DÂN', 'TỈNH HÀ GIANG'].")
    parent: NonEmpty | None = Field(
        None, title="Cơ quan chủ quản", description="Tên cơ quan, tổ chức chủ quản trực tiếp (nếu có): 'UBND TỈNH QUẢNG NGÃI'.")
    short: NonEmpty | None = Field(
        None, title="Tên viết tắt", description="Tên ngắn dùng trong văn bản: 'UBND tỉnh'.")


class Signer(StrictModel):
    """Người ký: quyền hạn, chức vụ và họ tên (Nghị định 30/2020, Phụ lục I)."""

    prefix: AuthorityPrefix | None = Field(
        None, title="Quyền hạn ký",
        description="KT. (ký thay), TM. (thay mặt tập thể), Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền); "
                    "bỏ trống khi người đứng đầu ký trực tiếp.")
    on_behalf: NonEmpty | None = Field(
        None, title="Thay mặt / ký thay cho",
        description="Chức vụ hoặc tập thể đứng sau quyền hạn: 'CHỦ TỊCH' trong 'KT. CHỦ TỊCH', "
                    "'ỦY BAN NHÂN DÂN' trong 'TM. ỦY BAN NHÂN DÂN'.")
    position: NonEmpty = Field(..., title="Chức vụ người ký", description="'CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'GIÁM ĐỐC'.")
    name: NonEmpty | None = Field(
        None, title="Họ và tên người ký",
        description="Họ tên, không kèm học hàm, học vị; bỏ trống khi chưa xác định người ký.")

    @model_validator(mode="after")
    def _prefix_needs_behalf(self) -> "Signer":
        if self.prefix is not None and self.on_behalf is None:
            raise PydanticCustomError(
                "tt_signer", "có quyền hạn '{prefix}' thì phải có 'on_behalf' (ví dụ 'CHỦ TỊCH' cho 'KT. CHỦ TỊCH')",
                {"prefix": self.prefix.value})
        return self


class Document(StrictModel):
    """Văn bản được ký ban hành: Kế hoạch, hoặc Quyết định ban hành Kế hoạch."""

    type: DocumentType = Field(
        ..., title="Loại văn bản",
        description="'ke-hoach': Kế hoạch đứng riêng; 'quyet-dinh': Quyết định ban hành kèm theo Kế hoạch.")
    issuer: Issuer = Field(..., title="Cơ quan ban hành", description="Tên cơ quan ban hành và cơ quan chủ quản (nếu có).")
    number: Annotated[Int, Field(ge=1, le=99999)] | None = Field(
        None, title="Số văn bản",
        description="Số thứ tự của văn bản (chữ số Ả Rập); bỏ trống khi chưa cấp số. Số dưới 10 được in thêm số 0.")
    symbol: NonEmpty = Field(
        ..., title="Ký hiệu", description="Ký hiệu sau dấu '/', in hoa: 'QĐ-UBND', 'KH-UBND', 'KH-SNV'.",
        examples=["QĐ-UBND", "KH-UBND"])
    place: NonEmpty = Field(..., title="Địa danh", description="Địa danh nơi cơ quan đóng trụ sở: 'Hà Giang'.")
    date: VnDate | None = Field(None, title="Ngày ban hành", description="Ngày ký, dd/mm/yyyy; bỏ trống khi chưa ký.")
    title: NonEmpty = Field(
        ..., title="Trích yếu",
        description="Trích yếu nội dung. Quyết định: 'Về việc ban hành Kế hoạch …'; Kế hoạch: nội dung sau chữ KẾ HOẠCH.")
    issued_by: NonEmpty | None = Field(
        None, title="Người/cơ quan ban hành trong câu dẫn chiếu",
        description="Dùng trong 'Kèm theo … của <…>' khi khác tên cơ quan: 'Chủ tịch UBND tỉnh'.")
    bases: CitationList = Field(
        default_factory=list, title="Căn cứ ban hành",
        description="Mỗi căn cứ một mục, theo thứ tự; in nghiêng, mở đầu bằng 'Căn cứ'.")
    signer: Signer = Field(..., title="Người ký", description="Quyền hạn, chức vụ và họ tên người ký.")
    recipients: StrList = Field(
        default_factory=list, title="Nơi nhận",
        description="Mỗi nơi nhận một mục, không kèm dấu '-' hay ';': 'Bộ Nội vụ', 'Như Điều 3'.")
    archive: CommaList = Field(
        default_factory=lambda: ["VT"], title="Lưu",
        description="Các nơi lưu sau 'Lưu:': văn thư (VT) và đơn vị soạn thảo: 'VT, PVHCC, ĐM'.")
    copies: Annotated[Int, Field(ge=1)] | None = Field(
        None, title="Số lượng bản", description="Số bản phát hành, in ở cuối dòng Lưu: '(50)'.")


class Decision(StrictModel):
    """Phần riêng của Quyết định ban hành kế hoạch."""

    authority: NonEmpty | None = Field(
        None, title="Thẩm quyền ban hành",
        description="Dòng thẩm quyền in hoa trên phần căn cứ: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG'.")
    proposal: NonEmpty | None = Field(
        None, title="Theo đề nghị của",
        description="Phần sau 'Theo đề nghị của': 'Giám đốc Sở Nội vụ tại Tờ trình số 551/TTr-SNV ngày 12 tháng 12 năm 2022'.")
    effective: NonEmpty | None = Field(
        None, title="Hiệu lực",
        description="Thời điểm có hiệu lực ở Điều 2; mặc định 'kể từ ngày ký ban hành'.")
    executors: StrList = Field(
        default_factory=list, title="Chịu trách nhiệm thi hành (Điều 3)",
        description="Các chức danh, cơ quan chịu trách nhiệm thi hành Quyết định, theo thứ tự.")
    articles: StrList | None = Field(
        None, title="Các điều (viết tay)",
        description="Nội dung các Điều nếu không dùng mẫu chuẩn; mỗi điều một mục, không kèm 'Điều n.'.")


# ---------------------------------------------------------------- narrative


class Item(StrictModel):
    """Một ý trong một mục: a), b)… hoặc một gạch đầu dòng."""

    text: NonEmpty = Field(..., title="Nội dung", description="Nội dung của ý, viết nguyên văn.")
    bullets: StrList = Field(default_factory=list, title="Các gạch đầu dòng bên trong", description="Các gạch đầu dòng '-' nằm dưới ý này.")
    unit: NonEmpty | None = Field(
        None, title="Đơn vị thực hiện ý này",
        description="Khi ý giao riêng cho một đơn vị, in thành '<đơn vị>: <nội dung>'.")
    due: LooseText | None = Field(
        None, title="Thời gian", description="Thời hạn của ý này nếu có, như cán bộ viết: 'trước ngày 15/3/2024'.")

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


ItemList = Annotated[
    list[Item], BeforeValidator(lambda v: [] if v is None else v, json_schema_input_type=list[str | Item])]


class Body(StrictModel):
    text: StrList = Field(default_factory=list, title="Các đoạn mở đầu", description="Đoạn văn trước các ý.")
    items: ItemList = Field(default_factory=list, title="Các ý", description="Các ý, đánh dấu theo 'marker'.")
    marker: Marker = Field(
        Marker.DASH, title="Cách đánh dấu ý",
        description="letter: a), b), c)…; dash: gạch đầu dòng; number: 1., 2.; none: đoạn văn thường.")
    closing: StrList = Field(default_factory=list, title="Các đoạn kết", description="Đoạn văn sau các ý.")
    due: LooseText | None = Field(None, title="Thời gian", description="Thời hạn chung của cả phần, nếu có.")


class Duty(Body):
    """Nhiệm vụ của một (hoặc vài) đơn vị trong phần Tổ chức thực hiện."""

    unit: StrList = Field(
        ..., title="Đơn vị", min_length=1,
        description="Tên đơn vị (hoặc danh sách đơn vị) được giao, theo sổ đơn vị: 'Sở Nội vụ'.")
    heading: NonEmpty | None = Field(
        None, title="Tiêu đề", description="Tiêu đề in ra nếu khác tên đơn vị: 'Đề nghị Ủy ban MTTQ Việt Nam tỉnh …'.")


class Section(Body):
    """Một mục của kế hoạch (I., II.…) hoặc một tiểu mục (1., 2.…)."""

    heading: NonEmpty = Field(..., title="Tiêu đề", description="'Mục đích, yêu cầu'; số La Mã/Ả Rập tự đánh.")
    kind: SectionKind | None = Field(
        None, title="Loại mục",
        description="purpose (mục đích), requirements (yêu cầu), audience (đối tượng), content (nội dung), "
                    "forms (hình thức), time (thời gian), solutions (giải pháp), budget (kinh phí), "
                    "organization (tổ chức thực hiện), other.")
    sections: list[Section] = Field(default_factory=list, title="Các tiểu mục", description="Đánh số 1., 2.…")
    duties: list[Duty] = Field(
        default_factory=list, title="Nhiệm vụ theo đơn vị",
        description="Trong mục Tổ chức thực hiện: mỗi đơn vị một tiểu mục, đánh số tiếp theo các tiểu mục.")


class PlanBody(StrictModel):
    """Nội dung Kế hoạch."""

    title: NonEmpty | None = Field(
        None, title="Tên kế hoạch",
        description="Trích yếu của Kế hoạch dưới chữ KẾ HOẠCH; bắt buộc khi văn bản là Quyết định, "
                    "mặc định là trích yếu của văn bản khi là Kế hoạch đứng riêng.")
    year: Annotated[Int, Field(ge=1945, le=2200)] = Field(..., title="Năm kế hoạch", description="Năm mà kế hoạch thực hiện: 2023.")
    implements: CitationList = Field(
        default_factory=list, title="Thực hiện văn bản",
        description="Các văn bản mà kế hoạch này thực hiện, in sau 'Thực hiện …' ở đoạn mở đầu.")
    intro: NonEmpty | None = Field(
        None, title="Phần cuối đoạn mở đầu",
        description="'Chủ tịch UBND tỉnh ban hành Kế hoạch … như sau:' (in sau các văn bản được thực hiện).")
    sections: list[Section] = Field(default_factory=list, title="Các mục", description="I., II.… của kế hoạch.")
    closing: NonEmpty | None = Field(None, title="Đoạn kết", description="'Trên đây là Kế hoạch …'.")
    reference: NonEmpty | None = Field(
        None, title="Dòng 'Ban hành kèm theo …' như đã viết",
        description="Chỉ để đối chiếu khi chép lại một văn bản cũ: tt tự sinh dòng này từ số, ngày của Quyết định "
                    "và báo lỗi nếu dòng viết tay không khớp. Thường để trống.")


# ---------------------------------------------------------------- appendix


class Task(StrictModel):
    """Một nhiệm vụ trong bảng phụ lục."""

    id: Slug = Field(
        ..., title="Mã nhiệm vụ",
        description="Mã cố định của nhiệm vụ, không đổi giữa các phiên bản (chữ, số, '.', '-', '_'): 'tap-huan-cchc'.")
    content: NonEmpty = Field(..., title="Nội dung", description="Nội dung nhiệm vụ, như in trong cột Nội dung.")
    forms: StrList = Field(default_factory=list, title="Hình thức", description="Các hình thức tuyên truyền.")
    lead: StrList = Field(
        default_factory=list, title="Chủ trì", description="Đơn vị chủ trì (một việc một chủ trì), theo sổ đơn vị.")
    support: StrList = Field(default_factory=list, title="Phối hợp", description="Các đơn vị phối hợp.")
    due: LooseText | None = Field(
        None, title="Thời gian thực hiện",
        description="Như cán bộ viết: 'Thường xuyên', 'Quý I/2023', 'Quý II, III/2023', 'trước ngày 15/3/2024'.")
    quantity: LooseText | None = Field(
        None, title="Số lượng / chỉ tiêu", description="'4 bài', '01 lớp, 40 người'.")
    budget: LooseText | None = Field(None, title="Kinh phí", description="'50.000.000 đồng' hoặc nguồn kinh phí.")
    notes: NonEmpty | None = Field(None, title="Ghi chú", description="Ghi chú in ở cột Ghi chú (nếu có).")


class Group(StrictModel):
    """Một nhóm nhiệm vụ (I, II…)."""

    title: NonEmpty = Field(..., title="Tên nhóm", description="Số La Mã tự đánh theo thứ tự.")
    tasks: list[Task] = Field(..., title="Các nhiệm vụ", min_length=1, description="Các nhiệm vụ của nhóm, theo thứ tự.")


class Appendix(StrictModel):
    """Phụ lục: bảng nhiệm vụ kèm theo văn bản."""

    heading: NonEmpty = Field("PHỤ LỤC", title="Tên phụ lục", description="'PHỤ LỤC' hoặc 'DANH MỤC'.")
    title: NonEmpty = Field(..., title="Tiêu đề phụ lục", description="In hoa, đậm, dưới tên phụ lục.")
    padded: Bool = Field(
        False, title="Đánh số 01, 02…", description="Số thứ tự có số 0 đứng trước (01, 02) thay vì 1, 2.")
    reference: NonEmpty | None = Field(
        None, title="Dòng 'Kèm theo …' như đã viết",
        description="Chỉ để đối chiếu khi chép lại một văn bản cũ: tt tự sinh dòng '(Kèm theo … số … ngày … của …)' "
                    "từ thông tin văn bản và báo lỗi nếu dòng viết tay không khớp. Thường để trống.")
    groups: list[Group] | None = Field(None, title="Các nhóm nhiệm vụ", description="Dùng khi bảng chia nhóm I, II…")
    tasks: list[Task] | None = Field(None, title="Các nhiệm vụ", description="Dùng khi bảng không chia nhóm.")

    @model_validator(mode="after")
    def _groups_or_tasks(self) -> "Appendix":
        if (self.groups is None) == (self.tasks is None):
            raise PydanticCustomError(
                "tt_appendix", "phụ lục phải có đúng một trong hai: 'groups' (bảng chia nhóm) hoặc 'tasks' (không chia nhóm)")
        return self

    def all_groups(self) -> list[Group | None]:
        return list(self.groups) if self.groups is not None else [None]

    def iter_tasks(self):
        """(group index or None, task index, group, task) for every task, in table order."""
        if self.groups is not None:
            for gi, group in enumerate(self.groups):
                for ti, task in enumerate(group.tasks):
                    yield gi, ti, group, task
        else:
            for ti, task in enumerate(self.tasks or []):
                yield None, ti, None, task

    @staticmethod
    def task_path(gi: int | None, ti: int) -> tuple:
        return ("appendix", "groups", gi, "tasks", ti) if gi is not None else ("appendix", "tasks", ti)


# ---------------------------------------------------------------- the file


class Plan(StrictModel):
    """Một tệp kế hoạch."""

    model_config = StrictModel.model_config | {
        "title": "Kế hoạch tuyên truyền (tt, định dạng 1)",
    }

    tt: Literal[1] = Field(1, title="Phiên bản định dạng", description="Phiên bản định dạng tệp; hiện là 1.")
    units: NonEmpty | None = Field(
        None, title="Sổ đơn vị",
        description="Đường dẫn (tương đối so với tệp này) tới sổ đơn vị; mặc định tìm units.yaml ở thư mục này hoặc các thư mục cha.")
    document: Document = Field(..., title="Văn bản", description="Văn bản được ký: phần đầu, số, ngày, trích yếu, căn cứ, người ký, nơi nhận.")
    decision: Decision | None = Field(None, title="Quyết định", description="Chỉ có khi văn bản là Quyết định.")
    plan: PlanBody = Field(..., title="Kế hoạch", description="Nội dung Kế hoạch: năm, văn bản thực hiện, các mục.")
    appendix: Appendix | None = Field(None, title="Phụ lục", description="Bảng nhiệm vụ kèm theo (nếu có).")

    # -- conveniences shared by lint, render and diff

    @property
    def plan_title(self) -> str:
        return self.plan.title or self.document.title

    @property
    def is_decision(self) -> bool:
        return self.document.type is DocumentType.DECISION

    def iter_tasks(self):
        if self.appendix is not None:
            yield from self.appendix.iter_tasks()

    @property
    def date(self) -> dt.date | None:
        return self.document.date
