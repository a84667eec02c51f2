"""Schema validation: pydantic's errors turned into located Vietnamese problems.

pydantic reports an error at a path of keys and indices (`loc`); the YAML node tree says
where that path was written. Messages name the field by its key and its Vietnamese title,
say what was expected and what was found, and suggest the nearest key for an unknown one.
Checks that span several fields (a decision without its `decision` part, two tasks with
one id) run after the model and are located the same way.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from tuyentruyen.loading.yamlpos import LoadedYaml
from tuyentruyen.problems import Problem, Severity

# codes of the schema stage
UNKNOWN_KEY = "TT-S001"
MISSING = "TT-S002"
WRONG_TYPE = "TT-S003"
BAD_VALUE = "TT-S004"
DUPLICATE_ID = "TT-S005"
INCONSISTENT = "TT-S006"
UNUSED = "TT-S007"  # a warning: kept as written but not the decree's form, or written but not printed

_TYPE_NAMES = {
    str: "văn bản", int: "số nguyên", float: "số thập phân", bool: "giá trị đúng/sai (true/false)",
    list: "danh sách", dict: "bảng (các cặp khóa: giá trị)", type(None): "giá trị trống",
}


def describe_value(value: Any) -> str:
    for typ, name in _TYPE_NAMES.items():
        if type(value) is typ:
            return name
    return type(value).__name__


@functools.cache
def _key_hints() -> dict[str, str]:
    import yaml
    from importlib.resources import files

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(files("tuyentruyen.data").joinpath("key_hints.yaml").read_text("utf-8"), Loader=loader)


def did_you_mean(word: str, choices: list[str]) -> str | None:
    """The key nearest to word, ignoring case and diacritics, knowing the keys clerks try
    (`chu_tri` → `lead`, `thoi_gian` → `due`: data/key_hints.yaml)."""
    from tuyentruyen.vn.text import did_you_mean as nearest

    return nearest(word, choices, _key_hints())


def too_deep(loaded: LoadedYaml) -> Problem:
    """The file nests lists and tables deeper than a plan can (the model cannot walk it)."""
    return Problem("TT-Y010", "Tệp lồng các mục (danh sách, bảng) sâu quá mức một kế hoạch có thể có.",
                   loaded.source.display, 1, 1, fatal=True,
                   hint="Kiểm tra thụt lề: một kế hoạch chỉ có vài cấp mục (I., 1., a), -).")


# ---------------------------------------------------------------- walking the models


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The model classes an annotation can hold (through Optional, list, Annotated…)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    if origin in (list, tuple, set, typing.Union, types.UnionType) or origin is not None:
        for arg in typing.get_args(annotation):
            found.extend(_models_in(arg))
    return found


def field_context(root: type[BaseModel], loc: tuple) -> tuple[type[BaseModel] | None, Any]:
    """(model class holding the last key of loc, that key's FieldInfo or None)."""
    model: type[BaseModel] | None = root
    info = None
    keyed = False  # the field before is a mapping (progress `tasks:`): this part is one of its keys
    for i, part in enumerate(loc):
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        if model is None or part not in model.model_fields:
            return (model, None) if i == len(loc) - 1 else (None, None)
        info = model.model_fields[part]
        if i == len(loc) - 1:
            return model, info
        inner = _models_in(info.annotation)
        model = inner[0] if inner else None
        keyed = typing.get_origin(info.annotation) is dict
    return model, info


def _label(loc: tuple, info: Any) -> str:
    key = next((p for p in reversed(loc) if isinstance(p, str)), None)
    if key is None:
        return "tệp"
    title = getattr(info, "title", None)
    return f"'{key}' ({title})" if title else f"'{key}'"


def where(root: type[BaseModel], path: tuple) -> str:
    """'trong phần 'signer' (Người ký)', 'trong mục thứ 3 của 'tasks'', 'ở cấp ngoài cùng của tệp'."""
    if not path:
        return "ở cấp ngoài cùng của tệp"
    if isinstance(path[-1], int):
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        return f"trong mục thứ {path[-1] + 1} của '{key}'"
    _, info = field_context(root, path)
    title = getattr(info, "title", None)
    return f"trong phần '{path[-1]}'" + (f" ({title})" if title else "")


# ---------------------------------------------------------------- errors → problems


def problems_from_error(error: ValidationError, loaded: LoadedYaml, root: type[BaseModel]) -> list[Problem]:
    problems = []
    for err in error.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        problems.append(_one(err, loc, loaded, root))
    return problems


def _one(err: dict, loc: tuple, loaded: LoadedYaml, root: type[BaseModel]) -> Problem:
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    model, info = field_context(root, loc)
    label = _label(loc, info)
    file = loaded.source.display
    hint = None
    key_pos = False

    if kind == "extra_forbidden":
        key = loc[-1]
        allowed = [n for n in model.model_fields] if model else []
        guess = did_you_mean(str(key), allowed)
        code = UNKNOWN_KEY
        message = f"Khóa '{key}' không có {where(root, loc[:-1])}."
        if guess:
            message += f" Có phải ý bạn là '{guess}'?"
            hint = f"Sửa '{key}' thành '{guess}'."
        else:
            hint = "Các khóa hợp lệ ở đây: " + ", ".join(allowed) + "." if allowed else None
        key_pos = True
    elif kind == "missing":
        code = MISSING
        message = f"Thiếu trường bắt buộc {label} {where(root, loc[:-1])}."
        desc = getattr(info, "description", None)
        hint = f"Thêm dòng `{loc[-1]}: …`" + (f" — {desc}" if desc else ".")
        pos = _parent_pos(loaded, loc)
        return Problem(code, message, file, pos.line, pos.col, hint=hint, path=loc)
    elif kind in ("string_type", "int_type", "int_parsing", "bool_type", "float_type", "list_type",
                  "model_type", "dict_type", "model_attributes_type", "date_type", "is_instance_of"):
        code = WRONG_TYPE
        expected = {
            "string_type": "văn bản", "int_type": "số nguyên", "int_parsing": "số nguyên",
            "bool_type": "true hoặc false", "float_type": "số", "list_type": "danh sách (các dòng '- …')",
            "model_type": "bảng (các dòng `khóa: giá trị`)", "dict_type": "bảng (các dòng `khóa: giá trị`)",
            "model_attributes_type": "bảng (các dòng `khóa: giá trị`)", "date_type": "ngày (dd/mm/yyyy)",
            "is_instance_of": "giá trị khác",
        }[kind]
        message = f"{label} phải là {expected}, nhưng đang là {describe_value(value)}."
        if kind == "string_type" and isinstance(value, (int, float, bool)):
            hint = f"Đặt giá trị trong ngoặc kép: \"{_yaml_text(value)}\"."
        elif kind == "string_type" and isinstance(value, list):
            hint = "Chỉ viết một nội dung ở đây, không dùng danh sách '- …'."
        elif kind in ("model_type", "dict_type", "model_attributes_type") and isinstance(value, list):
            hint = "Bỏ dấu '- ' ở đầu các dòng: ở đây cần các cặp `khóa: giá trị`, không phải danh sách."
        elif kind == "list_type" and isinstance(value, dict):
            hint = "Mỗi phần tử của danh sách bắt đầu bằng '- ' trên một dòng riêng."
        elif value is None:
            hint = "Điền giá trị sau dấu ':', hoặc xóa dòng này nếu trường không bắt buộc."
        else:
            hint = "Xem định dạng của trường này trong docs/plan-format.md."
    else:
        code = BAD_VALUE
        message, hint = _value_message(kind, err, ctx, value, label)
    pos = loaded.locate(loc, key=key_pos)
    return Problem(code, message, file, pos.line, pos.col, hint=hint, path=loc)


def _yaml_text(value: Any) -> str:
    return {True: "true", False: "false"}.get(value, str(value)) if isinstance(value, bool) else str(value)


def _parent_pos(loaded: LoadedYaml, loc: tuple):
    parent = loc[:-1]
    if not parent:
        return loaded.locate(())
    if isinstance(parent[-1], str):
        return loaded.locate(parent, key=True)
    return loaded.locate(parent)


def _value_message(kind: str, err: dict, ctx: dict, value: Any, label: str) -> tuple[str, str | None]:
    if kind in ("literal_error", "enum"):
        expected = ctx.get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",") if c.strip()]
        guess = did_you_mean(str(value), choices) if value is not None else None
        message = f"{label}: giá trị '{value}' không hợp lệ; chỉ được chọn một trong: {', '.join(choices)}."
        if guess:
            message += f" Có phải ý bạn là '{guess}'?"
        return message, f"Sửa thành {'`' + guess + '`' if guess else 'một giá trị trong danh sách trên'}."
    if kind == "string_too_short":
        return f"{label} không được để trống.", "Điền nội dung, hoặc xóa cả dòng nếu trường không bắt buộc."
    if kind == "too_short":
        return (f"{label} phải có ít nhất {ctx.get('min_length', 1)} mục.",
                "Thêm ít nhất một mục (dòng bắt đầu bằng '- '), hoặc xóa cả phần này.")
    if kind == "string_too_long":
        return f"{label} dài quá {ctx.get('max_length')} ký tự.", "Rút ngắn giá trị."
    if kind == "string_pattern_mismatch":
        return (f"{label}: '{value}' chỉ được gồm chữ cái không dấu, chữ số và các dấu '.', '-', '_' "
                "(bắt đầu bằng chữ hoặc số).", "Ví dụ: 'tap-huan-cchc', 'I.2', 'nv-03'.")
    if kind in ("greater_than_equal", "greater_than"):
        return f"{label} phải từ {ctx.get('ge', ctx.get('gt'))} trở lên (đang là {value}).", None
    if kind in ("less_than_equal", "less_than"):
        return f"{label} phải không quá {ctx.get('le', ctx.get('lt'))} (đang là {value}).", None
    if kind.startswith("tt_"):
        msg = err["msg"]
        return f"{label}: {msg}." if not kind.startswith(("tt_citation", "tt_appendix", "tt_signer", "tt_period")) else \
            f"{msg[0].upper()}{msg[1:]}.", _CUSTOM_HINTS.get(kind)
    return f"{label}: giá trị không hợp lệ ({err['msg']}).", "Xem định dạng của trường này trong docs/plan-format.md."


_CUSTOM_HINTS = {
    "tt_date": "Viết ngày dạng dd/mm/yyyy, ví dụ 19/12/2022, và kiểm tra ngày có tồn tại.",
    "tt_citation": "Viết hoặc một chuỗi nguyên văn, hoặc các trường type, number, date, issuer, subject.",
    "tt_appendix": "Bảng có nhóm I, II…: dùng 'groups'; bảng liền một danh sách: dùng 'tasks'.",
    "tt_signer": "Ví dụ: prefix: KT.  on_behalf: CHỦ TỊCH  position: PHÓ CHỦ TỊCH; hoặc khối nhiều dòng: "
                 "authority: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]  position: PHÓ CHỦ TỊCH.",
    "tt_authority": "Mỗi mục của `authority` là một dòng: “TM. ỦY BAN NHÂN DÂN”, “KT. CHỦ TỊCH”, “TL. BỘ TRƯỞNG”.",
    "tt_period": "Ví dụ: period: {first: 2026, last: 2030}.",
    "tt_appendices": "Một phụ lục: `appendix:`; nhiều phụ lục: `appendices:` với mỗi phụ lục một mục '- title: …'.",
}


# ---------------------------------------------------------------- checks across fields


def plan_checks(plan, loaded: LoadedYaml) -> list[Problem]:
    """Consistency the schema alone cannot express: parts that must go together, keys that
    would not be printed (every accepted key either reaches the document or is reported),
    values kept as written that are not the decree's form (warnings, TT-S007)."""
    from tuyentruyen.model import DocumentType

    file = loaded.source.display
    out: list[Problem] = []

    def add(code: str, path: tuple, message: str, hint: str, key: bool = True, warning: bool = False) -> None:
        pos = loaded.locate(path, key=key)
        out.append(Problem(code, message, file, pos.line, pos.col, hint=hint, path=path,
                           severity=Severity.WARNING if warning else Severity.ERROR))

    written = loaded.exists
    decision = plan.decision
    if plan.document.type is DocumentType.DECISION:
        if decision is None:
            add(INCONSISTENT, ("document", "type"),
                "Văn bản là Quyết định ('quyet-dinh') nhưng thiếu phần 'decision'.",
                "Thêm phần `decision:` (thẩm quyền, theo đề nghị của, Điều 3), hoặc đổi loại thành 'ke-hoach'.",
                key=False)
        if plan.plan.title is None:
            add(INCONSISTENT, ("plan",),
                "Quyết định ban hành Kế hoạch phải ghi tên Kế hoạch ở 'plan.title'.",
                "Thêm `title: Tuyên truyền cải cách hành chính năm …` dưới `plan:`.")
    elif decision is not None:
        add(INCONSISTENT, ("decision",),
            "Văn bản là Kế hoạch ('ke-hoach') nhưng có phần 'decision' của Quyết định.",
            "Đổi 'document.type' thành 'quyet-dinh' nếu đây là Quyết định ban hành Kế hoạch, hoặc xóa phần 'decision'.")
    else:
        if written(("plan", "attached_line")):
            add(INCONSISTENT, ("plan", "attached_line"),
                "Kế hoạch đứng riêng không có dòng '(Ban hành kèm theo …)': 'attached_line' không được in ra.",
                "Xóa dòng `attached_line`; dòng này chỉ có khi Kế hoạch được ban hành kèm theo một Quyết định.")

    if decision is not None:
        _decision_checks(plan, loaded, add)
    _signer_checks(plan, add)
    _period_check(plan, add)
    _number_check(plan, add)
    _reference_checks(plan, add)
    if written(("plan", "implements_layout")) and not plan.plan.implements:
        add(UNUSED, ("plan", "implements_layout"),
            "'implements_layout' chọn cách in các văn bản được thực hiện, nhưng kế hoạch không có 'implements'.",
            "Xóa dòng `implements_layout`, hoặc ghi các văn bản được thực hiện ở `implements:`.", warning=True)

    seen: dict[str, tuple] = {}
    for path, task in plan.task_paths():
        path = path + ("id",)
        if task.id in seen:
            first = loaded.locate(seen[task.id], key=False)
            add(DUPLICATE_ID, path,
                f"Mã nhiệm vụ '{task.id}' bị trùng với nhiệm vụ ở dòng {first.line}; mỗi nhiệm vụ cần một mã riêng.",
                "Đặt một mã khác cho một trong hai nhiệm vụ (mã không đổi giữa các phiên bản).", key=False)
        else:
            seen[task.id] = path
    return out


def _decision_checks(plan, loaded: LoadedYaml, add) -> None:
    """The proposal written twice; hand-written articles beside the fields they replace; in the
    article layout, the parts of an attached plan that are not printed."""
    from tuyentruyen.model import DecisionLayout

    decision = plan.decision
    if decision.proposal is not None and plan.document.proposal is not None:
        add(INCONSISTENT, ("decision", "proposal"),
            "Dòng 'Theo đề nghị của …' được ghi hai lần: ở 'document.proposal' và ở 'decision.proposal'; "
            "văn bản chỉ in một dòng.",
            "Giữ một trong hai (nên dùng `document.proposal`) và xóa dòng còn lại.")
    if decision.articles is not None:
        for key, what in (("executors", "Điều 3"), ("effective", "Điều 2")):
            if loaded.exists(("decision", key)) and getattr(decision, key):
                add(INCONSISTENT, ("decision", key),
                    f"'decision.{key}' ({what}) không được in vì 'decision.articles' viết tay nội dung tất cả các "
                    "Điều.",
                    f"Viết {what} ngay trong `articles`, rồi xóa `{key}`; hoặc xóa `articles` để tt in các Điều "
                    "theo mẫu từ `effective` và `executors`.")
    if decision.layout is DecisionLayout.ARTICLE:
        for key, what in (("implements", "các văn bản được thực hiện"), ("intro", "đoạn mở đầu"),
                          ("closing", "đoạn kết"), ("attached_line", "dòng '(Ban hành kèm theo …)'"),
                          ("reference", "dòng '(Ban hành kèm theo …)'")):
            if loaded.exists(("plan", key)) and getattr(plan.plan, key):
                add(INCONSISTENT, ("plan", key),
                    f"Kế hoạch nằm trong Điều 1 ('decision.layout: article') nên không có {what}: "
                    f"'plan.{key}' không được in ra.",
                    "Xóa dòng này; căn cứ, dòng đề nghị ghi ở `document.bases`, `document.proposal`; hoặc đổi "
                    "`layout: attached` để in Kế hoạch riêng, kèm theo Quyết định.")


def _signer_checks(plan, add) -> None:
    """The authority block: one line each, TM. first, no prefix twice; no line break inside a line."""
    signer = plan.document.signer
    base = ("document", "signer")
    for key in ("on_behalf", "position", "name"):
        value = getattr(signer, key)
        if value is not None and "\n" in value.strip():
            lines = [x.strip() for x in value.strip().split("\n") if x.strip()]
            if key == "on_behalf" and signer.prefix is not None:
                block = [f"{signer.prefix.value} {lines[0]}", *lines[1:]]
                fix = "Viết mỗi dòng quyền hạn một mục: `authority: [" + ", ".join(block) + "]` (bỏ `prefix`, " \
                      "`on_behalf`), rồi `position` là dòng chức vụ."
            else:
                fix = "Viết trên một dòng; khối quyền hạn nhiều dòng (TM., KT.…) ghi ở `authority`, mỗi dòng một mục."
            add(BAD_VALUE, base + (key,),
                f"'{key}' của người ký có xuống dòng (“{' / '.join(lines)}”): văn bản in mỗi trường thành một "
                "dòng, chỗ xuống dòng sẽ thành dấu cách.", fix, key=False)
    seen: dict[str, int] = {}
    for i, line in enumerate(signer.authority):
        path = base + ("authority", i)
        prefix = line.prefix.value
        if "\n" in line.on_behalf.strip():
            add(BAD_VALUE, path, f"Dòng quyền hạn “{' '.join(line.text.split())}” có xuống dòng.",
                "Tách thành các mục riêng của `authority`, mỗi mục một dòng (“TM. ỦY BAN NHÂN DÂN”, “KT. CHỦ TỊCH”).",
                key=False)
        if prefix == "Q.":
            add(BAD_VALUE, path, "“Q.” (quyền) đứng trước chức vụ của chính người ký, không phải một dòng quyền hạn.",
                f"Xóa dòng này và viết `position: {line.text}`.", key=False)
        elif prefix == "TM." and i > 0:
            add(BAD_VALUE, path, "“TM.” (thay mặt tập thể) phải là dòng đầu tiên của khối quyền hạn.",
                "Đưa dòng “TM. …” lên đầu `authority`.", key=False)
        if prefix in seen:
            add(BAD_VALUE, path, f"Quyền hạn “{prefix}” ghi hai lần trong khối chữ ký (dòng {seen[prefix] + 1} và "
                f"{i + 1}).", "Mỗi quyền hạn một lần: ví dụ “TM. ỦY BAN NHÂN DÂN”, “KT. CHỦ TỊCH”.", key=False)
        seen.setdefault(prefix, i)


def _period_check(plan, add) -> None:
    period = plan.plan.period
    if period is not None and not period.first <= plan.plan.year <= period.last:
        add(INCONSISTENT, ("plan", "year"),
            f"Năm kế hoạch {plan.plan.year} nằm ngoài giai đoạn {period.first}–{period.last} ('plan.period').",
            f"Ghi `year: {period.first}` (năm đầu giai đoạn), hoặc sửa `period`.", key=False)


def _number_check(plan, add) -> None:
    doc = plan.document
    if doc.number_as_written is not None:
        from tuyentruyen.model.types import decree_number

        form = decree_number(doc.number)
        add(UNUSED, ("document", "number"),
            f"Số văn bản “{doc.number_as_written}” được in đúng như viết, nhưng Nghị định 30/2020/NĐ-CP ghi số "
            f"bằng chữ số Ả Rập, chỉ thêm số 0 khi dưới 10: “{form}”.",
            f"Nếu văn bản đã ký in “{doc.number_as_written}” thì giữ nguyên; nếu không, viết `number: {doc.number}` "
            f"(in thành “{form}”).", key=False, warning=True)


def _reference_checks(plan, add) -> None:
    """A `reference` line (the "(Kèm theo …)" line as an old document wrote it) is not printed: tt
    prints the line from the document. Its number, date and type are compared by TT-C006; here, the
    wording the plan file can choose: the verb (plan.attached_line) and the issuer (document.issued_by)."""
    from tuyentruyen.model import AttachedLine

    doc = plan.document
    issuer = doc.issued_by or doc.issuer.name
    lines = []
    if plan.plan.reference and plan.is_decision:
        verb = "Kèm theo" if plan.plan.attached_line is AttachedLine.WITH else "Ban hành kèm theo"
        lines.append((("plan", "reference"), plan.plan.reference, verb, "`plan.attached_line: "
                      + ("kem-theo" if verb == "Ban hành kèm theo" else "ban-hanh-kem-theo") + "`"))
    for base, appendix in plan.all_appendices():
        if appendix.reference:
            lines.append((base + ("reference",), appendix.reference, "Kèm theo", None))
    for path, text, verb, choose in lines:
        line = " ".join(text.split())
        opened = line.lstrip("(").casefold()
        written_verb = "Ban hành kèm theo" if opened.startswith("ban hành kèm theo") else (
            "Kèm theo" if opened.startswith("kèm theo") else None)
        if written_verb is not None and written_verb != verb:
            add(UNUSED, path,
                f"Dòng viết tay mở đầu “({written_verb} …” nhưng văn bản in “({verb} …”: 'reference' chỉ để đối "
                "chiếu, không được in ra.",
                f"Muốn in “({written_verb} …”: ghi {choose}." if choose else
                "Dòng dưới tên phụ lục luôn là “(Kèm theo …)” (Nghị định 30/2020/NĐ-CP, Phụ lục I).",
                key=False, warning=True)
        m = _OF.search(line)
        if m and _issuer_key(m[1]) != _issuer_key(issuer):
            add(UNUSED, path,
                f"Dòng viết tay ghi “của {m[1]}” nhưng văn bản in “của {issuer}”: 'reference' chỉ để đối chiếu, "
                "không được in ra.",
                f"Muốn in “của {m[1]}”: ghi `document.issued_by: {m[1]}`.", key=False, warning=True)


_OF = re.compile(r"\bcủa\s+(.+?)\s*\)?\s*$")


def _issuer_key(name: str) -> str:
    from tuyentruyen.vn.units import clean, loose_key

    return loose_key(clean(name))


def registry_checks(registry, loaded: LoadedYaml) -> list[Problem]:
    from tuyentruyen.model import UnitKind

    file = loaded.source.display
    out: list[Problem] = []
    ids: dict[str, int] = {}
    names: dict[str, int] = {}
    groups = {u.id for u in registry.units if u.kind is UnitKind.GROUP}

    @functools.cache
    def index():  # the registry's UnitIndex, made only when a flow list of names needs it
        from tuyentruyen.vn.units import UnitIndex

        return UnitIndex(registry)
    for i, unit in enumerate(registry.units):
        if unit.id in ids:
            pos = loaded.locate(("units", i, "id"))
            out.append(Problem(DUPLICATE_ID, f"Mã đơn vị '{unit.id}' bị trùng với đơn vị thứ {ids[unit.id] + 1}.",
                               file, pos.line, pos.col, hint="Đặt mã khác cho một trong hai đơn vị.",
                               path=("units", i, "id")))
        ids.setdefault(unit.id, i)
        for field in ("name", "short", "aliases"):
            values = [unit.name] if field == "name" else getattr(unit, field)
            for j, name in enumerate(values):
                key = _name_key(name)
                if key in names and names[key] != i:
                    path = ("units", i, field) if field == "name" else ("units", i, field, j)
                    pos = loaded.locate(path)
                    other = registry.units[names[key]]
                    out.append(Problem(
                        INCONSISTENT, f"Tên '{name}' đã dùng cho đơn vị '{other.id}'; một tên chỉ được chỉ một đơn vị.",
                        file, pos.line, pos.col, hint="Xóa tên trùng ở một trong hai đơn vị.", path=path))
                names.setdefault(key, i)
        for j, g in enumerate(unit.groups):
            if g not in groups:
                path = ("units", i, "groups", j)
                pos = loaded.locate(path)
                guess = did_you_mean(g, sorted(groups))
                out.append(Problem(
                    INCONSISTENT, f"Nhóm '{g}' không phải mã của đơn vị loại 'nhom' nào trong sổ."
                    + (f" Có phải ý bạn là '{guess}'?" if guess else ""),
                    file, pos.line, pos.col, hint="Khai báo nhóm là một đơn vị với `kind: nhom`, rồi dùng mã của nó.",
                    path=path))
        out.extend(_split_names(index, unit, i, loaded))
        if unit.valid_from and unit.valid_until and unit.valid_until < unit.valid_from:
            pos = loaded.locate(("units", i, "valid_until"))
            out.append(Problem(BAD_VALUE, "Ngày hết hiệu lực sớm hơn ngày bắt đầu hiệu lực.", file, pos.line, pos.col,
                               hint="Kiểm tra lại 'valid_from' và 'valid_until'.", path=("units", i, "valid_until")))
    out.extend(_cycles(registry, loaded))
    return out


def _cycles(registry, loaded: LoadedYaml) -> list[Problem]:
    """A group that contains itself (through other groups), or units that succeed each other in a
    circle: each is reported once, at the first unit of the circle, naming the whole circle."""
    file = loaded.source.display
    position = {u.id: i for i, u in enumerate(registry.units)}
    out: list[Problem] = []
    edges = {
        "groups": ({u.id: [g for g in u.groups if g in position] for u in registry.units},
                   "Nhóm đơn vị chứa chính nó qua các nhóm khác: {}.",
                   "Bỏ một mã trong `groups` để các nhóm không lồng vòng vào nhau."),
        "successor": ({u.id: ([u.successor] if u.successor in position else []) for u in registry.units},
                      "Các đơn vị kế thừa nhau thành một vòng: {}.",
                      "Một đơn vị không thể (qua các đơn vị khác) là đơn vị kế thừa của chính nó: sửa `successor`."),
    }
    for field, (graph, message, hint) in edges.items():
        reported: set[frozenset[str]] = set()
        state: dict[str, int] = {}  # 1: on the current path, 2: done
        stack: list[str] = []

        def visit(node: str) -> None:
            state[node] = 1
            stack.append(node)
            for nxt in graph[node]:
                if state.get(nxt) == 1:  # a way back to a unit on the path: a circle
                    circle = stack[stack.index(nxt):]
                    key = frozenset(circle)
                    if key not in reported:
                        reported.add(key)
                        first = min(circle, key=lambda x: position[x])
                        k = circle.index(first)
                        shown = [*circle[k:], *circle[:k], first]
                        where = ("units", position[first], field)
                        pos = loaded.locate(where)
                        out.append(Problem(INCONSISTENT, message.format(" → ".join(shown)), file,
                                           pos.line, pos.col, hint=hint, path=where))
                elif nxt not in state:
                    visit(nxt)
            stack.pop()
            state[node] = 2

        for start in graph:
            if start not in state:
                visit(start)
    return out


def _split_names(index, unit, i: int, loaded: LoadedYaml) -> list[Problem]:
    """Names of a unit written in a flow list and cut at their commas (`aliases: [Các sở, ban, ngành
    thành phố]` registers "ban"): the check of lint rule TT-R013, on the registry itself."""
    from tuyentruyen.rules import responsibilities_flow_commas as R

    out: list[Problem] = []
    for field in ("short", "aliases"):
        got = R.flow_items(loaded.node_at(("units", i, field))[1])
        if got is None or len(got[0]) < 2:
            continue
        items, plain = got
        own = {_name_key(n) for n in (unit.name, *unit.short, *unit.aliases)}

        def known(name: str) -> bool:
            return _name_key(name) in own or index().resolve(name) is not None

        for split in R.find_splits(items, known, plain=plain):
            path = ("units", i, field, split.first_fragment)
            pos = loaded.locate(path)
            what = "tên viết tắt" if field == "short" else "tên gọi khác"
            out.append(Problem(
                R.CODE, R.message(split, items, None, what) + " tt đang nhận "
                + ", ".join(f"“{x}”" for x in items[split.first_fragment:split.end])
                + f" là {what} của đơn vị '{unit.id}'.",
                loaded.source.display, pos.line, pos.col, severity=Severity.WARNING, hint=R.hint(split), path=path))
    return out




def _name_key(name: str) -> str:
    from tuyentruyen.vn.text import fold

    return " ".join(fold(name).split())
