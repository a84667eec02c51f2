"""The comparison table Vietnamese drafting uses (Bảng so sánh), as .docx (`tt diff --docx`).

One row a change: STT, nội dung cũ, nội dung mới, ghi chú — the old wording with removed
words struck through, the new wording with added words in bold, and a note that says what
kind of change it is ("Sửa thời gian: muộn hơn 1 quý", "Thêm mới", "Tách từ nhiệm vụ …").
A task is named by its number as its appendix prints it ("Nhiệm vụ II.3", rows 01, 02… when
the appendix is padded), never by its internal id. The subtitle names the two versions as the
clerk knows them: the revision and its date, or the file's path in the repository (never an
absolute path).

The document is written like `tt render`'s (:mod:`tuyentruyen.render.ooxml`,
:mod:`tuyentruyen.render.package`): A4 landscape with the margins of Nghị định 30/2020, Times New
Roman 13 in the table's named style, the header row repeated on every page, the area rows
(VĂN BẢN, PHỤ LỤC…) one cell across the four columns, page numbers centred in the top margin
from page 2. Written to a temporary file and moved into place only when complete.
"""

from __future__ import annotations

from pathlib import Path

from tuyentruyen.diff import messages as msg
from tuyentruyen.diff.compare import citation_text
from tuyentruyen.diff.model import Change, FieldChange, PlanDiff, SideInfo
from tuyentruyen.diff.report_text import AREAS, area_of

FONT = "Times New Roman"
SIZE = 13
NOTHING = "(không có)"
COLUMNS = ("STT", "Nội dung cũ", "Nội dung mới", "Ghi chú")


class _Cell:
    """The paragraphs of one cell, each a list of runs (text, bold, italic, strike)."""

    def __init__(self) -> None:
        self.paras: list[list[tuple[str, bool, bool, bool]]] = []

    def line(self, label: str | None = None) -> "_Cell":
        self.paras.append([])
        if label:
            self.run(label, italic=True)
        return self

    def run(self, text: str, bold: bool = False, italic: bool = False, strike: bool = False) -> "_Cell":
        if not self.paras:
            self.paras.append([])
        if text:
            self.paras[-1].append((text, bold, italic, strike))
        return self

    def xml(self, ppr: str) -> str:
        from tuyentruyen.render import ooxml as X
        from tuyentruyen.render.text import clean

        return "".join(X.paragraph(ppr, "".join(X.run(clean(t), X.rpr(None, b, i, s)) for t, b, i, s in para))
                       for para in self.paras)


def _value(ftype: str, value) -> str:
    return msg.value_text(ftype, value) if value not in (None, [], "") else NOTHING


def _words(old: _Cell, new: _Cell, words) -> None:
    for tag, text in words:
        if tag in ("=", "-"):
            old.run(text, strike=tag == "-")
        if tag in ("=", "+"):
            new.run(text, bold=tag == "+")


def _field_cells(fc: FieldChange, old: _Cell, new: _Cell) -> None:
    label = fc.name[:1].upper() + fc.name[1:] + ": "
    old.line(label)
    new.line(label)
    if "words" in fc.details:
        _words(old, new, fc.details["words"])
    elif fc.type == "paragraphs":
        for op in fc.details.get("paragraphs") or []:
            old.line()
            new.line()
            if op["op"] == "edit" and "words" in op:
                _words(old, new, op["words"])
            else:
                old.run(op.get("old") or NOTHING, strike="old" in op and op["op"] == "remove")
                new.run(op.get("new") or NOTHING, bold=op["op"] == "add")
    elif fc.type in ("units", "names") and isinstance(fc.old, list) and isinstance(fc.new, list) and fc.old and fc.new:
        info = fc.details.get("units") or fc.details.get("names") or {}
        removed, added = set(info.get("removed") or []), set(info.get("added") or [])
        for k, name in enumerate(fc.old):
            old.run("; " if k else "")
            old.run(name, strike=name in removed)
        for k, name in enumerate(fc.new):
            new.run("; " if k else "")
            new.run(name, bold=name in added)
    else:
        old.run(_value(fc.type, fc.old))
        new.run(_value(fc.type, fc.new), bold=not fc.cosmetic)


def _object_text(c: Change) -> list[tuple[str, str]]:
    """(label, text) lines describing a whole added or removed object."""
    v = c.value or {}
    if c.object == "task":
        out = [("Nội dung: ", v.get("content") or "")]
        for key, name in (("forms", "Hình thức"), ("lead", "Chủ trì"), ("support", "Phối hợp"), ("due", "Thời gian"),
                          ("quantity", "Số lượng"), ("budget", "Kinh phí")):
            if v.get(key):
                out.append((f"{name}: ", "; ".join(v[key]) if isinstance(v[key], list) else str(v[key])))
        return out
    if c.object == "citation":
        return [("", citation_text(v))]
    if c.object == "section":
        lines = [("", v.get("heading") or "")] + [("", t) for t in v.get("text") or []]
        return lines + [("- ", i["text"]) for i in v.get("items") or []]
    if c.object == "duty":
        lines = [("", v.get("heading") or "; ".join(v.get("unit") or []))] + [("", t) for t in v.get("text") or []]
        return lines + [("- ", i["text"]) for i in v.get("items") or []]
    if c.object == "item":
        return [("", v.get("text") or "")] + [("- ", b) for b in v.get("bullets") or []]
    if c.object == "group":
        return [("", v.get("title") or "")]
    if c.object == "appendix":
        return [("", v.get("title") or "")]
    return [("", c.title or "")]


def _note(c: Change) -> str:
    fields = ", ".join(f.name + (f" ({f.note})" if f.note else "") for f in msg.shown_fields(c))
    if c.category == "cosmetic":
        parts = [f"Chỉ đổi hình thức, cùng nội dung: {fields}"]
    elif c.kind == "changed":
        parts = [f"Sửa {fields}"]
    elif c.kind == "moved":
        parts = list(c.notes) + ([f"sửa {fields}"] if fields else [])
    else:
        parts = [{"added": "Thêm mới", "removed": "Bỏ", "reordered": "Đổi vị trí"}[c.kind]]
        if fields:
            parts.append(f"sửa {fields}")
    if c.kind != "moved":
        parts += msg.notes_of(c)
    if c.matched_by == "content" and c.object == "task":
        parts.append("khớp theo nội dung")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def _task_subject(c: Change, number: str | None) -> str:
    """"Nhiệm vụ II.3" as the appendix prints it ("Nhiệm vụ cũ …" for a removed one), the plan's
    appendix when it has several; the change's own label when the path is not a task's."""
    if number is None:
        return c.label
    at = c.label.find(" (Phụ lục")  # " (Phụ lục II)" when the plan has several appendices
    return ("Nhiệm vụ cũ " if c.kind == "removed" else "Nhiệm vụ ") + number + (c.label[at:] if at >= 0 else "")


def _subjects(c: Change, d: PlanDiff) -> tuple[str | None, str | None]:
    """What the old and the new column name the object by."""
    if c.object == "task":
        from tuyentruyen.diff.report_markdown import printed_number

        old = _task_subject(c, printed_number(c.path, d.old)) if c.kind != "added" else None
        new = _task_subject(c, printed_number(c.new_path, d.new)) if c.kind != "removed" else None
        return old, new
    subject = msg.subject(c)
    old = subject if c.kind != "added" else None
    new = subject if c.kind != "removed" else None
    if c.kind in ("moved", "reordered") and c.old_label:
        old = c.old_label
    return old, new


def _row_cells(n: int, c: Change, d: PlanDiff) -> list[_Cell]:
    stt, old, new, note = _Cell(), _Cell(), _Cell(), _Cell()
    stt.run(str(n))
    old_subject, new_subject = _subjects(c, d)
    if old_subject:
        old.line().run(old_subject, bold=True)
    if new_subject:
        new.line().run(new_subject, bold=True)
    if c.kind == "added":
        old.line().run(NOTHING, italic=True)
        for label, text in _object_text(c):
            new.line(label).run(text, bold=True)
    elif c.kind == "removed":
        for label, text in _object_text(c):
            old.line(label).run(text, strike=True)
        new.line().run("(bỏ)", italic=True)
    else:
        for fc in msg.shown_fields(c):
            _field_cells(fc, old, new)
    note.run(_note(c))
    return [stt, old, new, note]


def _repository(path: Path) -> Path | None:
    from tuyentruyen.project.discover import find_project_root

    try:
        return find_project_root(path.resolve().parent)
    except (OSError, ValueError):
        return None


def _rev_date(rev: str, near: Path | None) -> str | None:
    """The date of a git revision ("12/03/2024"), or None when git cannot say."""
    import subprocess

    from tuyentruyen.diff.git import repo_root

    try:
        root = repo_root(near or Path.cwd())
        out = subprocess.run(["git", "log", "-1", "--format=%cs", rev, "--"], cwd=root, capture_output=True,
                             text=True, timeout=10)
    except Exception:  # noqa: BLE001 - no git, not a repository: the revision alone names the version
        return None
    day = out.stdout.strip()
    if out.returncode != 0 or len(day) != 10:
        return None
    y, m, dd = day.split("-")
    return f"{dd}/{m}/{y}"


def _file_name(path: Path, parts: int = 1) -> str:
    """A file's path in its repository, else under the current folder, else its last parts."""
    resolved = path.resolve()
    for base in (_repository(path), Path.cwd()):
        if base is None:
            continue
        try:
            return resolved.relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return "/".join(resolved.parts[-parts:])


def side_name(side: SideInfo, parts: int = 1) -> str:
    """A version as the clerk knows it: "bản origin/main ngày 12/03/2024 của plans/2024.yaml", or the
    file's path in the repository ("plans/ha-giang/2023.yaml"), never an absolute path (outside any
    repository and the current folder: the file's name, with `parts` of its path)."""
    path = Path(side.path or side.display)
    shown = side.path or side.display
    if path.is_absolute() or shown.startswith(".."):
        shown = _file_name(path, parts)
    if side.rev:
        rev = side.rev[:9] if len(side.rev) == 40 and all(ch in "0123456789abcdef" for ch in side.rev) else side.rev
        day = _rev_date(side.rev, path.parent if path.is_absolute() else None)
        return f"bản {rev}" + (f" ngày {day}" if day else "") + f" của {shown}"
    return shown


def _table(d: PlanDiff, cosmetic: bool, widths: list[int], margin: int, styles) -> str:
    from tuyentruyen.render import ooxml as X
    from tuyentruyen.render import package as P
    from tuyentruyen.render.ooxml import Para

    head = Para(style=P.TABLE_HEAD).xml()
    left, center = Para(style=P.TABLE, jc="left").xml(), Para(style=P.TABLE, jc="center").xml()
    group = Para(style=P.TABLE, jc="left", keep_next=True).xml()
    rows = [X.row("".join(X.cell(w, X.paragraph(head, X.run(t))) for w, t in zip(widths, COLUMNS)), header=True)]
    changes = [c for c in d.changes if not msg.is_hidden(c) and (cosmetic or c.category != "cosmetic")]
    n = 0
    for area, name in AREAS:
        mine = [c for c in changes if area_of(c) == area]
        if not mine:
            continue
        rows.append(X.row(X.cell(sum(widths), X.paragraph(group, X.run(name.upper(), X.rpr(None, bold=True))),
                                 "center", span=len(widths))))
        for c in mine:
            n += 1
            cells = _row_cells(n, c, d)
            rows.append(X.row("".join(X.cell(w, cell.xml(center if k == 0 else left), "top")
                                      for k, (w, cell) in enumerate(zip(widths, cells))), cant_split=False))
    return X.table_start(widths, 4, margin) + "".join(rows) + X.TABLE_END


def build(diffs: list[PlanDiff], cosmetic: bool = True):
    """The .docx package of the comparison tables (tuyentruyen.render.package.Package)."""
    from tuyentruyen.diff.report_text import summary_text
    from tuyentruyen.render import ooxml as X
    from tuyentruyen.render import package as P
    from tuyentruyen.render.layout import DEFAULT as L  # the margins of Nghị định 30/2020, as in tt render
    from tuyentruyen.render.layout import twips
    from tuyentruyen.render.ooxml import Para

    width_mm = L.landscape_text_width_mm
    stt, note = 14, 55
    side = (width_mm - stt - note) / 2
    widths = [twips(stt), twips(side), twips(side), twips(note)]
    widths[-1] += twips(width_mm) - sum(widths)
    margin = twips(1.5)
    center = Para(jc="center", line=1.0)
    parts: list[str] = []
    for k, d in enumerate(diffs):
        first = Para(jc="center", line=1.0, page_break=bool(k))
        parts.append(X.paragraph(first.xml(), X.run("BẢNG SO SÁNH", X.rpr(14, bold=True))))
        plan_title = d.new.title or d.old.title
        if plan_title:
            parts.append(X.paragraph(center.xml(), X.run(plan_title, X.rpr(None, bold=True))))
        old_name, new_name, depth = side_name(d.old), side_name(d.new), 1
        while old_name == new_name and d.old.rev == d.new.rev and depth < 4:  # two files of the same name
            depth += 1
            old_name, new_name = side_name(d.old, depth), side_name(d.new, depth)
        versions = f"(Bản cũ: {old_name}; bản mới: {new_name})"
        parts.append(X.paragraph(Para(jc="center", line=1.0, after=120).xml(), X.run(versions, X.rpr(None, italic=True))))
        if d.status != "modified" or d.equal:
            parts.append(X.paragraph(center.xml(), X.run(summary_text(d))))
            continue
        for line in d.notes:
            parts.append(X.paragraph(Para(jc="left", line=1.0).xml(), X.run(line, X.rpr(None, italic=True))))
        parts.append(_table(d, cosmetic, widths, margin, P))
    sect = X.sect_pr(width=twips(L.page_height_mm), height=twips(L.page_width_mm), landscape=True,
                     top=twips(L.margin_top_mm), right=twips(L.margin_right_mm), bottom=twips(L.margin_bottom_mm),
                     left=twips(L.margin_left_mm), header=twips(L.header_distance_mm), restart=False,
                     title_page=True, headers=(("default", "rIdHeaderPage"), ("first", "rIdHeaderFirst")))
    body = "".join(parts) + X.paragraph(Para(line_exact_pt=1, mark_size=1).xml()) + sect
    styles = P.Styles(font=FONT, body_size=SIZE, first_line=0, after=0, line=1.0, table_size=SIZE,
                      table_size_wide=SIZE, page_number_size=SIZE)
    page = X.paragraph(Para(style=P.HEADER).xml(), X.page_field(""))
    return P.Package(document=body, styles=P.styles_xml(styles),
                     headers={"rIdHeaderPage": P.header_xml(page),
                              "rIdHeaderFirst": P.header_xml(X.paragraph(Para(style=P.HEADER).xml()))},
                     core={"title": "Bảng so sánh", "last_modified_by": "tt", "language": "vi-VN",
                           "description": "Bảng so sánh hai phiên bản kế hoạch, xuất bằng tt diff --docx."})


def write_docx(diffs: list[PlanDiff], target: str | Path, cosmetic: bool = True, protect=()) -> Path:
    from tuyentruyen.project.files import atomic_path

    document = build(diffs, cosmetic)
    target = Path(target)
    with atomic_path(target, protect=protect) as tmp:
        document.save(str(tmp))
    return target
