"""How each part of a plan is compared: field types, Vietnamese names, numbering.

Field types: text, line, date, number, enum, bool, units, unit, time, paragraphs, names; and
lines (a list whose order matters and that is printed as it is: the authority block of the
signer, the numbering of the levels).

The plan is compared as the data its model dumps (`Plan.model_dump(mode="json")`): every
object is a dict with all its fields. A spec lists, for one kind of object, its plain
fields (with a type that decides how a change is shown and when it is cosmetic), its
small sub-objects reported as dotted fields (issuer, signer), and its lists of objects
that get their own change records (sections, duties, items, citations).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tuyentruyen.vn.numerals import item_mark, roman  # noqa: F401 - the names compare.py uses


@dataclass
class Spec:
    object: str
    fields: dict[str, str]  # field → type
    names: dict[str, str]  # field → Vietnamese name
    flatten: dict[str, "Spec"] = field(default_factory=dict)
    lists: dict[str, "Spec"] = field(default_factory=dict)


CITATION = Spec("citation", {
    "text": "text", "type": "line", "number": "line", "name": "line", "date": "date", "issuer": "line",
    "subject": "text",
}, {"text": "nguyên văn", "type": "loại văn bản", "number": "số, ký hiệu", "name": "tên văn bản",
    "date": "ngày ban hành", "issuer": "cơ quan ban hành", "subject": "trích yếu"})

ITEM = Spec("item", {"text": "text", "bullets": "paragraphs", "unit": "unit", "due": "time"},
            {"text": "nội dung", "bullets": "các gạch đầu dòng", "unit": "đơn vị", "due": "thời gian"})

_BODY_FIELDS = {"text": "paragraphs", "marker": "enum", "closing": "paragraphs", "due": "time"}
_BODY_NAMES = {"text": "đoạn mở đầu", "marker": "cách đánh dấu ý", "closing": "đoạn kết", "due": "thời gian"}

DUTY = Spec("duty", {"unit": "units", "heading": "line", **_BODY_FIELDS},
            {"unit": "đơn vị", "heading": "tiêu đề", **_BODY_NAMES}, lists={"items": ITEM})

SECTION = Spec("section", {"heading": "line", "kind": "enum", **_BODY_FIELDS},
               {"heading": "tiêu đề", "kind": "loại mục", **_BODY_NAMES},
               lists={"items": ITEM, "duties": DUTY})
SECTION.lists["sections"] = SECTION  # recursive: subsections

ISSUER = Spec("issuer", {"name": "line", "header": "names", "parent": "line", "short": "line"},
              {"name": "cơ quan ban hành", "header": "dòng tên cơ quan", "parent": "cơ quan chủ quản",
               "short": "tên viết tắt của cơ quan"})
SIGNER = Spec("signer", {"prefix": "enum", "on_behalf": "line", "authority": "lines", "position": "line",
                         "name": "line"},
              {"prefix": "quyền hạn ký", "on_behalf": "ký thay cho", "authority": "khối quyền hạn ký",
               "position": "chức vụ người ký", "name": "người ký"})

DOCUMENT = Spec("document", {
    "type": "enum", "number": "number", "symbol": "line", "place": "line", "date": "date", "title": "text",
    "issued_by": "line", "proposal": "text", "recipients": "units", "archive": "names", "copies": "number",
}, {"type": "loại văn bản", "number": "số", "symbol": "ký hiệu", "place": "địa danh", "date": "ngày ban hành",
    "title": "trích yếu", "issued_by": "người ban hành", "proposal": "theo đề nghị của", "recipients": "nơi nhận",
    "archive": "lưu", "copies": "số bản"},
    flatten={"issuer": ISSUER, "signer": SIGNER}, lists={"bases": CITATION})

DECISION = Spec("decision", {"authority": "line", "proposal": "text", "layout": "enum", "effective": "line",
                             "executors": "units", "articles": "paragraphs"},
                {"authority": "thẩm quyền ban hành", "proposal": "theo đề nghị của", "layout": "bố cục",
                 "effective": "hiệu lực", "executors": "chịu trách nhiệm thi hành", "articles": "các điều"})

PLAN_BODY = Spec("plan", {"title": "text", "year": "number", "period": "line", "attached_line": "enum",
                          "implements_layout": "enum", "intro": "text", "numbering": "lines", "closing": "text",
                          "reference": "text"},
                 {"title": "tên kế hoạch", "year": "năm kế hoạch", "period": "giai đoạn",
                  "attached_line": "dòng dưới tên kế hoạch", "implements_layout": "cách in các văn bản được thực hiện",
                  "intro": "đoạn mở đầu", "numbering": "cách đánh số các cấp mục", "closing": "đoạn kết",
                  "reference": "dòng 'ban hành kèm theo' viết tay"},
                 lists={"implements": CITATION, "sections": SECTION})

APPENDIX = Spec("appendix", {"heading": "line", "title": "text", "padded": "bool", "reference": "text",
                             "layout": "enum"},
                {"heading": "tên phụ lục", "title": "tiêu đề phụ lục", "padded": "đánh số 01, 02…",
                 "reference": "dòng 'kèm theo' viết tay", "layout": "cách chia bảng"})

GROUP = Spec("group", {"title": "text"}, {"title": "tên nhóm"})

TASK = Spec("task", {"id": "line", "content": "text", "forms": "names", "lead": "units", "support": "units",
                     "due": "time", "quantity": "line", "budget": "line", "notes": "text"},
            {"id": "mã", "content": "nội dung", "forms": "hình thức", "lead": "chủ trì", "support": "phối hợp",
             "due": "thời gian", "quantity": "số lượng", "budget": "kinh phí", "notes": "ghi chú"})

FILE = Spec("file", {"tt": "number", "units": "line"}, {"tt": "phiên bản định dạng", "units": "sổ đơn vị"})

OBJECT_NAMES = {"file": "Tệp kế hoạch", "document": "Văn bản", "decision": "Quyết định", "plan": "Kế hoạch",
                "appendix": "Phụ lục", "section": "Mục", "duty": "Nhiệm vụ của đơn vị", "item": "Ý",
                "citation": "Căn cứ", "group": "Nhóm", "task": "Nhiệm vụ"}

ENUM_NAMES = {
    "ke-hoach": "Kế hoạch", "quyet-dinh": "Quyết định", "letter": "a), b), c)", "dash": "gạch đầu dòng",
    "number": "1., 2., 3.", "none": "đoạn văn thường", "groups": "chia nhóm", "tasks": "không chia nhóm",
    "purpose": "mục đích", "requirements": "yêu cầu", "audience": "đối tượng", "content": "nội dung",
    "forms": "hình thức", "time": "thời gian", "solutions": "giải pháp", "budget": "kinh phí",
    "organization": "tổ chức thực hiện", "other": "khác",
    "attached": "Kế hoạch kèm theo Quyết định", "article": "Kế hoạch trong Điều 1",
    "ban-hanh-kem-theo": "(Ban hành kèm theo …)", "kem-theo": "(Kèm theo …)",
    "joined": "một đoạn", "paragraphs": "mỗi văn bản một đoạn", "roman": "I., II.", "nested": "1.1., 1.2.",
    "appendix": "một phụ lục (appendix)", "appendices": "nhiều phụ lục (appendices)",
}
