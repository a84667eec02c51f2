"""`tt issue`: record the number and date the e-office system gave (ghi số, ngày ban hành).

Nghị định 30/2020/NĐ-CP, Điều 15.3: an electronic document gets its number and date from the
e-office system when it is issued, so the draft (`tt render --draft`) leaves them blank. Once
the system has numbered it, ``tt issue PLAN --number 233 --date 19/12/2022`` writes them into
the plan, and the next `tt render` prints the signed document — the number in "Số: …", the date
under the Tiêu ngữ, both in "(Ban hành kèm theo …)" and "(Kèm theo …)".

The plan is rewritten through the one rewrite path (:mod:`tuyentruyen.edit.write`): read once,
only the characters of the two values changed (the value's span in the file, like
`tt lint --fix`; a missing key is inserted as one line beside its neighbours), re-validated,
written atomically and only if nobody saved the file meanwhile. Every comment, blank line,
quoting and key order stays as it was.

Refused (TT-E012, located): a plan that already has a number (or a date) unless ``force``; a
number that is not 1–99999 (or whose symbol differs from the plan's); a date that does not exist
(29/02/2023) or is earlier than a document the plan cites (căn cứ, "Thực hiện …").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from tuyentruyen.errors import TTError

_NUMBER = re.compile(r"^\s*0*(?P<n>[1-9]\d{0,4})\s*(?:/\s*(?P<symbol>\S+)\s*)?$")


class IssueError(TTError):
    """`tt issue` cannot record the number and date (exit 2), located in the plan."""

    code = "TT-E012"


@dataclass
class Change:
    key: str  # "number" | "date"
    old: str | None  # as the plan wrote it, None when it had none
    new: str


@dataclass
class Issued:
    """What `tt issue` did to one plan."""

    path: Path
    display: str
    changes: list[Change] = field(default_factory=list)
    text: str = ""

    def summary(self) -> list[str]:
        names = {"number": "số", "date": "ngày ban hành"}
        return [f"{names[c.key]}: {c.old.strip(chr(34) + chr(39)) if c.old is not None else '(chưa có)'} → {c.new}"
                for c in self.changes]


def parse_number(text: str, symbol: str) -> int | str:
    """The number the system gave: "233" or "233/QĐ-UBND" (its symbol must be the plan's); an int,
    or the error message."""
    m = _NUMBER.match(text or "")
    if m is None:
        return (f"số văn bản “{text}” không hợp lệ: ghi số thứ tự (1 đến 99999) mà hệ thống quản lý văn bản "
                "đã cấp, ví dụ 233 (hoặc 233/" + symbol + ")")
    if m["symbol"] is not None and m["symbol"].replace(" ", "") != symbol.replace(" ", ""):
        return (f"ký hiệu “{m['symbol']}” trong số “{text}” khác ký hiệu của kế hoạch “{symbol}”: kiểm tra lại số "
                "được cấp, hoặc sửa document.symbol trước")
    return int(m["n"])


def _written_date(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _scalar_text(loaded, path) -> tuple[object | None, object | None]:
    """(key node, value node) of path when the key is written, else (None, None)."""
    key, value, depth = loaded.yaml.node_at(path)
    return (key, value) if depth == len(path) else (None, None)


def _set_value(text: str, loaded, path: tuple, new: str, before: tuple[str, ...] = (),
               after: tuple[str, ...] = ()) -> tuple[str, str | None]:
    """text with the scalar at path set to new (its value's characters replaced), or a new line
    "key: new" inserted into its mapping: before the first existing key of before, else after the
    first of after, else first; and the old text (None when there was none)."""
    import yaml

    from tuyentruyen.loading.source import line_starts

    key_node, value = _scalar_text(loaded, path)
    starts = line_starts(text)
    if key_node is not None:
        if not isinstance(value, yaml.ScalarNode):
            raise IssueError(f"document.{path[-1]} phải là một giá trị đơn để tt issue ghi được.",
                             f"Viết `{path[-1]}: {new}` trên một dòng.", file=loaded.path,
                             line=key_node.start_mark.line + 1, col=key_node.start_mark.column + 1)
        nullish = value.tag.endswith(":null") or value.value in ("", "~", "null", "Null", "NULL")
        if not nullish:
            a, b = value.start_mark.index, value.end_mark.index
            return text[:a] + new + text[b:], text[a:b]
        # `number:` or `number: ~`: the value goes right after the key's colon
        line = key_node.start_mark.line
        end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
        colon = text.index(":", key_node.end_mark.index, end + 1)
        rest = text[colon + 1:end]
        tail = ""
        if "#" in rest:  # the comment stays where it was, with the spaces before it
            gap = rest[:rest.index("#")]
            tail = (gap if gap.strip() == "" and len(gap) >= 2 else " ") + rest[rest.index("#"):]
        newline = text[end:end + 1] if end < len(text) else ""
        return text[:colon + 1] + " " + new + tail + newline + text[end + 1:], None
    mapping_key, mapping, _ = loaded.yaml.node_at(path[:-1])
    if not isinstance(mapping, yaml.MappingNode) or mapping.flow_style:
        raise IssueError("document phải viết ở dạng khối (mỗi khóa một dòng) để tt issue thêm được "
                         f"`{path[-1]}`.", f"Thêm dòng `{path[-1]}: {new}` vào phần document.", file=loaded.path)
    keys = {k.value: (k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode)}
    ahead = next((keys[name] for name in before if name in keys), None)
    anchor = None if ahead is not None else next((keys[name] for name in after if name in keys), None)
    k, v = ahead or anchor or mapping.value[0]
    indent = " " * k.start_mark.column
    if anchor is not None:  # after the anchor's value (which may run over several lines)
        last = v.end_mark.line if v.end_mark.column > 0 or v.end_mark.line == v.start_mark.line else v.end_mark.line - 1
        at = starts[last + 1] if last + 1 < len(starts) else len(text)
        if at == len(text) and not text.endswith("\n"):
            return text + "\n" + f"{indent}{path[-1]}: {new}\n", None
    else:
        at = starts[k.start_mark.line]
    return text[:at] + f"{indent}{path[-1]}: {new}\n" + text[at:], None


def issue_plan(path: str | Path, number: str, date: str, *, force: bool = False) -> Issued:
    """Write number and date into the plan at path (see the module docstring); raises IssueError,
    or tuyentruyen.project.files.WriteError when the file cannot be written."""
    from tuyentruyen.edit.write import RewriteRefused, read_original, revalidate, write_back
    from tuyentruyen.loading.documents import load_plan_text
    from tuyentruyen.loading.source import LoadError
    from tuyentruyen.vn.dates import DateError, fmt_date, parse_vn_date

    path = Path(path)
    try:
        original = read_original(path)
    except LoadError as exc:
        raise IssueError(f"Không đọc được kế hoạch {path}.", "Sửa các lỗi trên rồi chạy lại `tt issue`.",
                         problems=exc.problems) from None
    loaded = load_plan_text(original.text, original.display, path)
    if loaded.plan is None:
        raise IssueError(f"Kế hoạch {original.display} còn lỗi định dạng nên chưa ghi số, ngày được.",
                         "Sửa các lỗi trên (`tt validate`) rồi chạy lại `tt issue`.",
                         problems=[p for p in loaded.problems if p.severity.value == "error" or p.fatal])
    doc = loaded.plan.document

    def at(p: tuple, message: str, hint: str) -> IssueError:
        pos = loaded.yaml.locate(p, key=True)
        return IssueError(message, hint, file=path, line=pos.line, col=pos.col)

    n = parse_number(number, doc.symbol)
    if isinstance(n, str):
        raise at(("document", "symbol"), n[:1].upper() + n[1:] + ".", "Ví dụ: `tt issue " + original.display +
                 " --number 233 --date 19/12/2022`.")
    d = parse_vn_date(date)
    if isinstance(d, DateError):
        raise IssueError(f"Ngày ban hành: {d.reason}.", "Ghi ngày mà hệ thống quản lý văn bản đã cấp, dạng "
                         "dd/mm/yyyy (19/12/2022) hoặc yyyy-mm-dd.")
    if not force:
        for key, value in (("number", doc.number), ("date", doc.date)):
            if value is not None:
                shown = doc.number_text if key == "number" else fmt_date(doc.date)
                raise at(("document", key), f"Kế hoạch đã có {'số' if key == 'number' else 'ngày ban hành'} "
                         f"{shown}: tt issue không ghi đè.",
                         "Nếu hệ thống đã cấp lại số, ngày khác, chạy lại với --force.")
    for base, citations in ((("document", "bases"), doc.bases), (("plan", "implements"), loaded.plan.plan.implements)):
        for i, c in enumerate(citations):
            if c.date is not None and d < c.date:
                what = " ".join(x for x in (c.type, c.number and f"số {c.number}") if x) or "văn bản được viện dẫn"
                raise at(base + (i, "date"), f"Ngày ban hành {fmt_date(d)} sớm hơn ngày của {what} "
                         f"({fmt_date(c.date)}) mà kế hoạch viện dẫn.",
                         "Kiểm tra lại ngày hệ thống đã cấp (một văn bản không thể ban hành trước văn bản nó căn cứ).")

    text = original.text
    changes: list[Change] = []
    text, old = _set_value(text, loaded, ("document", "number"), str(n), before=("symbol", "place"))
    if old is None and doc.number is not None:
        old = doc.number_text
    changes.append(Change("number", old, str(n)))
    # the key positions moved: read the new text again before the second edit
    again = load_plan_text(text, original.display, path)
    if again.yaml is None:  # pragma: no cover - the span edit of one scalar keeps the YAML readable
        raise IssueError("tt không ghi được số vào kế hoạch này.", "Ghi `number:` bằng tay rồi chạy lại.")
    written = _written_date(d)
    text, old_date = _set_value(text, again, ("document", "date"), written, before=("title",),
                                after=("place", "symbol", "number"))
    changes.append(Change("date", old_date if old_date is not None else (fmt_date(doc.date) if doc.date else None),
                          written))
    try:
        result = revalidate(original, text)
    except RewriteRefused as exc:
        raise IssueError(exc.problem.message, exc.problem.hint) from None
    got = result.plan.document
    if got.number != n or got.date != d:  # pragma: no cover - guarded: the rewrite said something else
        raise IssueError("tt không ghi được số, ngày đúng như yêu cầu; tệp được để nguyên.",
                         "Đây là lỗi của tt: hãy báo lỗi kèm tệp kế hoạch.")
    write_back(original, text, keep_bom=original.bom)
    return Issued(path, original.display, changes, text)
