"""The plan format, version 1.1 (định dạng kế hoạch).

One YAML file holds one signed document: either a Kế hoạch alone, or a Quyết định that
issues a Kế hoạch (document.type). The file has four parts:

- `document` — the document that is signed: header, number, date, title (trích yếu),
  legal bases (căn cứ) and the proposal line after them, signer (with an authority block
  of any depth: TM. / KT. / TL. / TUQ.), recipients (nơi nhận);
- `decision` — only for a Quyết định: its authority line, Điều 2–3, and its layout (the
  plan attached after the decision, or approved inside Điều 1);
- `plan` — the Kế hoạch itself: year (or period of years), documents implemented, the
  numbering of its levels, narrative sections with the duties of each unit under tổ chức
  thực hiện;
- `appendix` — the task table (phụ lục): groups numbered I, II… of tasks with a stable id;
  or `appendices`, several of them (Phụ lục I, II…).

Version 1.1 only adds keys: every version-1 file is valid and renders as before (the file
still says `tt: 1`). Where a value is kept as written (a number "049", a date in words), the
model remembers the writing and dumps it as written, so that `tt diff` sees what is printed.

Units (lead — chủ trì, support — phối hợp) are written as names, short forms or aliases
of entries in the unit registry (`tuyentruyen.model.units`); the lint rules resolve them.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator, Field, PrivateAttr, ValidationInfo, field_serializer, field_validator, model_serializer,
    model_validator,
)
from pydantic_core import PydanticCustomError

from tuyentruyen.model.types import (
    Bool, CommaList, Int, LooseText, NonEmpty, Slug, StrictModel, StrList, VnDate, date_in_words, decree_number,
)

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


class Numbering(str, enum.Enum):
    """Cách đánh số tiêu đề ở một cấp mục (I., 1., 1.1., a))."""

    ROMAN = "roman"  # I., II., III. (tiêu đề in hoa)
    NUMBER = "number"  # 1., 2., 3.
    NESTED = "nested"  # 1.1., 1.2. (số của cấp trên, dấu chấm, số của cấp này)
    LETTER = "letter"  # a), b), c), d), đ)…


# v1: I. at the first level, 1. at the second, 1.1., 1.1.1. below (the last entry repeats)
DEFAULT_NUMBERING = (Numbering.ROMAN, Numbering.NUMBER, Numbering.NESTED)


class DecisionLayout(str, enum.Enum):
    """Bố cục của Quyết định: Kế hoạch kèm theo, hay Kế hoạch nằm trong Điều 1."""

    ATTACHED = "attached"  # "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …" + the plan after it
    ARTICLE = "article"  # "Điều 1. Ban hành Kế hoạch … với các nội dung sau:" + the plan inside Điều 1


class AttachedLine(str, enum.Enum):
    """Cách viết dòng dưới tên Kế hoạch ban hành kèm theo Quyết định."""

    ISSUED_WITH = "ban-hanh-kem-theo"  # (Ban hành kèm theo Quyết định số …)
    WITH = "kem-theo"  # (Kèm theo Quyết định số …)


class ImplementsLayout(str, enum.Enum):
    """Cách in các văn bản được thực hiện ("Thực hiện …")."""

    JOINED = "joined"  # one paragraph: "Thực hiện A; B; <intro>"
    PARAGRAPHS = "paragraphs"  # one paragraph each: "Thực hiện A;", "Thực hiện B;", then the intro


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

    # the date as written when it is written in words ("21 tháng 02 năm 2025"): printed so
    _date_words: str | None = PrivateAttr(None)

    @model_validator(mode="before")
    @classmethod
    def _free_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="wrap")
    @classmethod
    def _keep_date_words(cls, value: Any, handler) -> "Citation":
        obj = handler(value)
        if isinstance(value, dict) and isinstance(value.get("date"), str):
            obj._date_words = date_in_words(value["date"])
        return obj

    @property
    def date_words(self) -> str | None:
        """The date as written in words ("21 tháng 02 năm 2025", without "ngày"), or None."""
        return self._date_words

    @field_serializer("date", when_used="json")
    def _dump_date(self, value: dt.date | None):
        return ("ngày " + self._date_words) if self._date_words else (value.isoformat() if value else None)

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


_AUTHORITY_LINE = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*(\S.*)$", re.IGNORECASE)


class AuthorityLine(StrictModel):
    """Một dòng quyền hạn ký: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. BỘ TRƯỞNG"."""

    prefix: AuthorityPrefix = Field(
        ..., title="Quyền hạn ký", description="TM. (thay mặt tập thể), KT. (ký thay), TL. (thừa lệnh), "
                                               "TUQ. (thừa ủy quyền).")
    on_behalf: NonEmpty = Field(
        ..., title="Tập thể / chức vụ",
        description="Tập thể hoặc chức vụ đứng sau quyền hạn: 'ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'BỘ TRƯỞNG'.")

    @model_validator(mode="before")
    @classmethod
    def _written(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        m = _AUTHORITY_LINE.match(" ".join(value.split()))
        if m is None:
            raise PydanticCustomError(
                "tt_authority", "dòng quyền hạn “{line}” phải mở đầu bằng TM., KT., TL. hoặc TUQ. "
                "(ví dụ “TM. ỦY BAN NHÂN DÂN”, “KT. CHỦ TỊCH”)", {"line": value})
        return {"prefix": m[1].upper() + ".", "on_behalf": m[2]}

    @property
    def text(self) -> str:
        return f"{self.prefix.value} {self.on_behalf}"

    @model_serializer(mode="wrap", when_used="json")
    def _dump_line(self, handler):
        return self.text  # as written, and read back the same: "KT. CHỦ TỊCH"


AuthorityLines = Annotated[
    list[AuthorityLine], BeforeValidator(lambda v: [] if v is None else ([v] if isinstance(v, str) else v),
                                         json_schema_input_type=str | list[str | AuthorityLine])]


class Signer(StrictModel):
    """Người ký: quyền hạn, chức vụ và họ tên (Nghị định 30/2020, Phụ lục I, mục 7).

    The authority block is written either as one line (v1: `prefix` + `on_behalf`, "KT. CHỦ
    TỊCH") or as lines of any depth (`authority`: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"); the
    position (chức vụ) follows it. :attr:`block` is what is printed above the signature.
    """

    prefix: AuthorityPrefix | None = Field(
        None, title="Quyền hạn ký",
        description="KT. (ký thay), TM. (thay mặt tập thể), Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền); "
                    "bỏ trống khi người đứng đầu ký trực tiếp. Khối nhiều dòng (TM. + KT.): dùng 'authority'.")
    on_behalf: NonEmpty | None = Field(
        None, title="Thay mặt / ký thay cho",
        description="Chức vụ hoặc tập thể đứng sau quyền hạn: 'CHỦ TỊCH' trong 'KT. CHỦ TỊCH', "
                    "'ỦY BAN NHÂN DÂN' trong 'TM. ỦY BAN NHÂN DÂN'. Một dòng; nhiều dòng thì dùng 'authority'.")
    authority: AuthorityLines = Field(
        default_factory=list, title="Các dòng quyền hạn ký",
        description="Khối quyền hạn nhiều dòng, từ trên xuống, mỗi dòng một quyền hạn: "
                    "['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'] rồi 'position: PHÓ CHỦ TỊCH'. "
                    "Thay cho 'prefix' + 'on_behalf'.",
        examples=[["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"]])
    position: NonEmpty = Field(
        ..., title="Chức vụ người ký",
        description="'CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'GIÁM ĐỐC'; người được giao quyền cấp trưởng: 'Q. GIÁM ĐỐC'.")
    name: NonEmpty | None = Field(
        None, title="Họ và tên người ký",
        description="Họ tên, không kèm học hàm, học vị; bỏ trống khi chưa xác định người ký.")

    @model_validator(mode="after")
    def _prefix_needs_behalf(self) -> "Signer":
        if self.prefix is not None and self.on_behalf is None:
            raise PydanticCustomError(
                "tt_signer", "có quyền hạn '{prefix}' thì phải có 'on_behalf' (ví dụ 'CHỦ TỊCH' cho 'KT. CHỦ TỊCH')",
                {"prefix": self.prefix.value})
        if self.on_behalf is not None and self.prefix is None:
            raise PydanticCustomError(
                "tt_signer", "có 'on_behalf' thì phải có quyền hạn 'prefix' (KT., TM., Q., TL., TUQ.): "
                "'on_behalf' một mình không được in ra")
        if self.authority and self.prefix is not None:
            raise PydanticCustomError(
                "tt_signer", "khối quyền hạn viết một cách thôi: hoặc 'authority' (các dòng), hoặc 'prefix' + "
                "'on_behalf' (một dòng), không cả hai")
        return self

    @property
    def lines(self) -> list[str]:
        """The authority lines as written, top to bottom ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")."""
        if self.authority:
            return [line.text for line in self.authority]
        if self.prefix is not None and self.on_behalf is not None:
            return [f"{self.prefix.value} {self.on_behalf}"]
        return []

    @property
    def block(self) -> list[str]:
        """What is printed above the signature: the authority lines, then the position."""
        return [*self.lines, self.position]


_DigitText = Annotated[str, Field(pattern=r"^\s*[0-9]{1,5}\s*$")]  # "049", "05": a number kept as written


def _digits(value: Any) -> Any:
    """A number written as text ("049", "05") is read as the number it is; the writing is kept."""
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{1,5}\s*", value):
        return int(value)
    return value


class Document(StrictModel):
    """Văn bản được ký ban hành: Kế hoạch, hoặc Quyết định ban hành Kế hoạch."""

    type: DocumentType = Field(
        ..., title="Loại văn bản",
        description="'ke-hoach': Kế hoạch đứng riêng; 'quyet-dinh': Quyết định ban hành kèm theo Kế hoạch.")
    issuer: Issuer = Field(..., title="Cơ quan ban hành", description="Tên cơ quan ban hành và cơ quan chủ quản (nếu có).")
    number: Annotated[Int, Field(ge=1, le=99999), BeforeValidator(_digits, json_schema_input_type=int | _DigitText)] | None \
        = Field(
        None, title="Số văn bản",
        description="Số thứ tự của văn bản (chữ số Ả Rập); bỏ trống khi chưa cấp số. Số dưới 10 được in thêm số 0. "
                    "Số đặt trong ngoặc kép (\"049\") được in đúng như viết.",
        examples=[233, "05"])
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
    proposal: NonEmpty | None = Field(
        None, title="Theo đề nghị của",
        description="Dòng đề nghị in nghiêng ngay sau các căn cứ (Quyết định và Kế hoạch): viết phần sau "
                    "'Theo đề nghị của' ('Giám đốc Sở Nội vụ tại Tờ trình số …'), hoặc cả dòng khi mở đầu bằng "
                    "'Theo' hay 'Xét' ('Xét đề nghị của Giám đốc Sở Nội vụ …').")
    signer: Signer = Field(..., title="Người ký", description="Quyền hạn, chức vụ và họ tên người ký.")
    recipients: StrList = Field(
        default_factory=list, title="Nơi nhận",
        description="Mỗi nơi nhận một mục, không kèm dấu '-' hay ';': 'Bộ Nội vụ', 'Như Điều 3'.")
    archive: CommaList = Field(
        default_factory=lambda: ["VT"], title="Lưu",
        description="Các nơi lưu sau 'Lưu:': văn thư (VT) và đơn vị soạn thảo: 'VT, PVHCC, ĐM'.")
    copies: Annotated[Int, Field(ge=1)] | None = Field(
        None, title="Số lượng bản", description="Số bản phát hành, in ở cuối dòng Lưu: '(50)'.")

    # the number as written when that is not how tt would print it ("049"; "5" for 05)
    _number_text: str | None = PrivateAttr(None)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_number_text(cls, value: Any, handler) -> "Document":
        obj = handler(value)
        written = value.get("number") if isinstance(value, dict) else None
        if isinstance(written, str) and obj.number is not None and written.strip() != decree_number(obj.number):
            obj._number_text = written.strip()
        return obj

    @property
    def number_text(self) -> str | None:
        """The number as printed: as written when written so ("049"), else the decree's form ("05", "233")."""
        if self.number is None:
            return None
        return self._number_text or decree_number(self.number)

    @property
    def number_as_written(self) -> str | None:
        """The writing of a number that is not the decree's form ("049"), or None."""
        return self._number_text

    @field_serializer("number", when_used="json")
    def _dump_number(self, value: int | None):
        return self._number_text or value


class Decision(StrictModel):
    """Phần riêng của Quyết định ban hành kế hoạch."""

    authority: NonEmpty | None = Field(
        None, title="Thẩm quyền ban hành",
        description="Dòng thẩm quyền in hoa trên phần căn cứ: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG'.")
    proposal: NonEmpty | None = Field(
        None, title="Theo đề nghị của",
        description="Phần sau 'Theo đề nghị của': 'Giám đốc Sở Nội vụ tại Tờ trình số 551/TTr-SNV ngày 12 tháng 12 năm 2022' "
                    "(định dạng 1; từ định dạng 1.1 viết ở 'document.proposal', dùng được cho cả Kế hoạch).")
    layout: DecisionLayout = Field(
        DecisionLayout.ATTACHED, title="Bố cục",
        description="attached: Kế hoạch ban hành kèm theo, in sau Quyết định; article: Kế hoạch nằm ngay trong "
                    "Điều 1 ('Điều 1. Ban hành Kế hoạch … với các nội dung sau:'), không có phần Kế hoạch riêng.")
    effective: NonEmpty | None = Field(
        None, title="Hiệu lực",
        description="Thời điểm có hiệu lực ở Điều 2; mặc định 'kể từ ngày ký ban hành'.")
    executors: StrList = Field(
        default_factory=list, title="Chịu trách nhiệm thi hành (Điều 3)",
        description="Các chức danh, cơ quan chịu trách nhiệm thi hành Quyết định, theo thứ tự.")
    articles: StrList | None = Field(
        None, title="Các điều (viết tay)",
        description="Nội dung các Điều nếu không dùng mẫu chuẩn; mỗi điều một mục, không kèm 'Điều n.'.")


class Period(StrictModel):
    """Giai đoạn của kế hoạch nhiều năm ("giai đoạn 2026-2030")."""

    first: Annotated[Int, Field(ge=1945, le=2200)] = Field(..., title="Năm đầu", description="Năm đầu giai đoạn: 2026.")
    last: Annotated[Int, Field(ge=1945, le=2200)] = Field(..., title="Năm cuối", description="Năm cuối giai đoạn: 2030.")

    @model_validator(mode="before")
    @classmethod
    def _written(cls, value: Any) -> Any:
        if isinstance(value, str):  # "2026-2030", "2026 – 2030"
            m = re.fullmatch(r"\s*([0-9]{4})\s*[-–—]\s*([0-9]{4})\s*", value)
            if m is None:
                raise PydanticCustomError("tt_period", "giai đoạn “{value}” phải viết dạng 2026-2030, hoặc "
                                          "{{first: 2026, last: 2030}}", {"value": value})
            return {"first": int(m[1]), "last": int(m[2])}
        return value

    @model_serializer(mode="wrap", when_used="json")
    def _dump_period(self, handler):
        return f"{self.first}-{self.last}"

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.last < self.first:
            raise PydanticCustomError("tt_period", "năm cuối {last} sớm hơn năm đầu {first} của giai đoạn",
                                      {"first": self.first, "last": self.last})
        return self


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
    year: Annotated[Int, Field(ge=1945, le=2200)] = Field(
        ..., title="Năm kế hoạch",
        description="Năm mà kế hoạch thực hiện: 2023. Kế hoạch nhiều năm: năm đầu của 'period'; thời gian viết "
                    "không kèm năm ('Quý II') được hiểu là của năm này.")
    period: Annotated[Period, BeforeValidator(lambda v: v, json_schema_input_type=str | Period)] | None = Field(
        None, title="Giai đoạn",
        description="Kế hoạch nhiều năm ('giai đoạn 2026-2030'): năm đầu và năm cuối; các thời hạn phải nằm trong "
                    "giai đoạn này thay vì trong 'year'. Viết {first: 2026, last: 2030} hoặc 2026-2030.",
        examples=[{"first": 2026, "last": 2030}, "2026-2030"])
    attached_line: AttachedLine = Field(
        AttachedLine.ISSUED_WITH, title="Dòng dưới tên Kế hoạch",
        description="Kế hoạch ban hành kèm theo Quyết định: 'ban-hanh-kem-theo' in '(Ban hành kèm theo Quyết định "
                    "số …)', 'kem-theo' in '(Kèm theo Quyết định số …)'.")
    implements: CitationList = Field(
        default_factory=list, title="Thực hiện văn bản",
        description="Các văn bản mà kế hoạch này thực hiện, in sau 'Thực hiện …' ở đoạn mở đầu.")
    implements_layout: ImplementsLayout = Field(
        ImplementsLayout.JOINED, title="Cách in các văn bản được thực hiện",
        description="joined: một đoạn 'Thực hiện A; B; …'; paragraphs: mỗi văn bản một đoạn 'Thực hiện …;'.")
    intro: NonEmpty | None = Field(
        None, title="Phần cuối đoạn mở đầu",
        description="'Chủ tịch UBND tỉnh ban hành Kế hoạch … như sau:' (in sau các văn bản được thực hiện).")
    numbering: Annotated[list[Numbering], Field(min_length=1, max_length=6)] | None = Field(
        None, title="Cách đánh số các cấp mục",
        description="Từ cấp ngoài cùng vào trong; cấp cuối dùng tiếp cho các cấp sâu hơn. Mặc định "
                    "[roman, number, nested]: I., 1., 1.1. Ví dụ [roman, number, letter]: I., 1., a).",
        examples=[["roman", "number", "letter"], ["number", "letter"]])
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

    heading: NonEmpty | None = Field(
        None, title="Tên phụ lục",
        description="'PHỤ LỤC' hoặc 'DANH MỤC'; mặc định 'PHỤ LỤC' khi có một phụ lục, 'Phụ lục I', 'Phụ lục II'… "
                    "khi có nhiều phụ lục ('appendices').")
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
        "title": "Kế hoạch tuyên truyền (tt, định dạng 1.1)",
    }

    tt: Literal[1] = Field(1, title="Phiên bản định dạng", description="Phiên bản định dạng tệp; hiện là 1.")
    units: NonEmpty | None = Field(
        None, title="Sổ đơn vị",
        description="Đường dẫn (tương đối so với tệp này) tới sổ đơn vị; mặc định tìm units.yaml ở thư mục này hoặc các thư mục cha.")
    document: Document = Field(..., title="Văn bản", description="Văn bản được ký: phần đầu, số, ngày, trích yếu, căn cứ, người ký, nơi nhận.")
    decision: Decision | None = Field(None, title="Quyết định", description="Chỉ có khi văn bản là Quyết định.")
    plan: PlanBody = Field(..., title="Kế hoạch", description="Nội dung Kế hoạch: năm, văn bản thực hiện, các mục.")
    appendix: Appendix | None = Field(None, title="Phụ lục", description="Bảng nhiệm vụ kèm theo (nếu có).")
    appendices: Annotated[list[Appendix], Field(min_length=1)] | None = Field(
        None, title="Các phụ lục",
        description="Nhiều phụ lục (Phụ lục I, II…), mỗi phụ lục một bảng với dòng '(Kèm theo …)' và số trang "
                    "riêng; dùng thay cho 'appendix'.")

    @field_validator("appendices")
    @classmethod
    def _one_appendix_key(cls, value, info: ValidationInfo):
        if value is not None and info.data.get("appendix") is not None:
            raise PydanticCustomError(
                "tt_appendices", "chỉ dùng một trong hai: 'appendix' (một phụ lục) hoặc 'appendices' (nhiều phụ lục)")
        return value

    # -- conveniences shared by lint, render and diff

    @property
    def plan_title(self) -> str:
        return self.plan.title or self.document.title

    @property
    def is_decision(self) -> bool:
        return self.document.type is DocumentType.DECISION

    def all_appendices(self) -> list[tuple[tuple, Appendix]]:
        """(path, appendix) of every appendix: ("appendix",) or ("appendices", k)."""
        if self.appendices is not None:
            return [(("appendices", k), a) for k, a in enumerate(self.appendices)]
        return [(("appendix",), self.appendix)] if self.appendix is not None else []

    def iter_tasks(self):
        """(group index or None, task index, group, task) of every task, appendix after appendix."""
        for _path, appendix in self.all_appendices():
            yield from appendix.iter_tasks()

    def task_paths(self):
        """(path, task) of every task of every appendix, in table order."""
        for base, appendix in self.all_appendices():
            for gi, ti, _group, task in appendix.iter_tasks():
                yield base + appendix.task_path(gi, ti)[1:], task

    @property
    def years(self) -> tuple[int, int]:
        """(first, last) year the plan covers: its period, or its one year."""
        p = self.plan.period
        return (p.first, p.last) if p is not None else (self.plan.year, self.plan.year)

    @property
    def date(self) -> dt.date | None:
        return self.document.date
