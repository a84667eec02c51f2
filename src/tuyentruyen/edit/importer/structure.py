"""Classifying blocks into the parts of a plan (phân loại các đoạn), and building its data.

The blocks of a document are read in order as the parts Nghị định 30/2020/NĐ-CP lays out:

1. the header (cơ quan ban hành, Quốc hiệu, Tiêu ngữ, "Số: …", "<địa danh>, ngày …"), from a
   borderless table or from paragraphs, read by what each line says, not by where it is;
2. the type and trích yếu ("QUYẾT ĐỊNH" / "KẾ HOẠCH" and the lines under it);
3. for a Quyết định: the authority line, căn cứ, "Theo đề nghị của …", "QUYẾT ĐỊNH:", Điều
   1–n, then Nơi nhận and the signer; then the Kế hoạch it issues, with its own header and
   "(Ban hành kèm theo …)" line;
4. the plan: "Thực hiện …" / căn cứ / the opening, sections I., II. (capitals), 1., 2. (a
   sub-section when it is a heading, an item when it is a sentence), items a), b)… or "-",
   bullets under them, closing paragraphs; the sub-sections of "Tổ chức thực hiện" that name
   units are the units' duties; the closing paragraph ("Trên đây là …/.");
5. Nơi nhận, Lưu, the signer (authority lines, position, name);
6. the appendix: "PHỤ LỤC"/"DANH MỤC", its title, "(Kèm theo …)", its table (:mod:`.tables`).

What is certain is built silently; every guess is a :class:`~.notes.Note`. Nothing of the
source is dropped: text without a field of its own is kept in the nearest text field or in
a note, which the writer turns into a comment.
"""

from __future__ import annotations

from tuyentruyen.edit.importer.blocks import Para, Table
from tuyentruyen.edit.importer.front import FrontReader
from tuyentruyen.edit.importer.shapes import REFERENCE, roman
from tuyentruyen.vn.text import fold, slug, squash


class Builder(FrontReader):
    """The whole document into plan data: the front parts, the body and the appendices, in order."""

    def build(self) -> dict:
        header = self.read_header()
        kind, title_rest, type_src = self.read_type()
        typed = kind is not None
        if kind is None:
            kind = "ke-hoach"
            self.note(("document", "type"), "TT-I005",
                      "văn bản không có dòng 'KẾ HOẠCH' hay 'QUYẾT ĐỊNH': coi là một Kế hoạch; kiểm tra phần đầu", type_src)
        self.doc["type"] = kind
        if kind == "quyet-dinh":
            self.doc["title"] = self.read_title(title_rest, ("document", "title"))
            self.read_decision()
            self.read_signature()
            if self._layout_article:
                self.read_appendices()
                self.leftovers()
                data = self.assemble(header)
                for p in list(self._remarked.values()):
                    self.attach(p, ())
                return data
            plan_header = self.read_header()
            k2, rest2, src2 = self.read_type()
            if k2 != "ke-hoach":
                self.note(("plan",), "TT-I005", "không thấy dòng 'KẾ HOẠCH' của kế hoạch ban hành kèm theo "
                                                "Quyết định: phần sau Quyết định được coi là kế hoạch", src2)
            self.plan["title"] = self.read_title(rest2, ("plan", "title"))
            self.read_reference(("plan", "reference"), "plan")
            for key in ("issuer_lines", "parent_lines"):
                if plan_header.get(key) and header.get(key) and \
                        [fold(x) for x in plan_header[key]] != [fold(x) for x in header[key]]:
                    self.note(("plan",), "TT-I013", f"phần đầu của Kế hoạch ghi cơ quan "
                                                    f"'{' '.join(plan_header[key])}', khác Quyết định", "")
        elif typed:
            self.doc["title"] = self.read_title(title_rest, ("document", "title"))
        self.read_plan_body(kind)
        if kind != "quyet-dinh":
            self.read_signature()
        self.read_appendices()
        self.leftovers()
        if not typed:
            self.untyped()
        data = self.assemble(header)
        for p in list(self._remarked.values()):
            self.attach(p, ())
        return data

    def read_appendices(self) -> None:
        self.appendices: list[dict] = []
        while (b := self.peek()) is not None:
            if isinstance(b, Para) and self._appendix_heading(squash(b.shown)):
                self.i += 1
                heading = squash(b.shown)
                title_parts = []
                while (p := self.para()) is not None:
                    t = squash(p.shown)
                    if REFERENCE.match(t) or self._appendix_heading(t):
                        break
                    title_parts.append(t)
                    self.i += 1
                    if len(title_parts) >= 3:
                        break
                self.appendix = {"heading": heading, "title": " ".join(title_parts) or heading}
                k = len(self.appendices)
                self.appendices.append(self.appendix)
                self.read_reference(("appendices", k, "reference"), "appendix")
                while (p := self.para()) is not None and not self._appendix_heading(squash(p.shown)):
                    self.note(("appendices", k), "TT-I001", f"đoạn '{squash(p.shown)[:80]}' giữa tiêu đề và bảng phụ "
                                                           "lục không có trường riêng", p.src)
                    self.i += 1
                table = self.peek()
                if isinstance(table, Table):
                    self.i += 1
                    self.task_table(table, k)
                continue
            if isinstance(b, Table):
                from tuyentruyen.edit.importer.tables import is_task_table

                if is_task_table(b):
                    k = len(self.appendices)
                    self.appendix = {"title": "PHỤ LỤC"}
                    self.appendices.append(self.appendix)
                    self.note(("appendices", k, "title"), "TT-I005", "bảng nhiệm vụ không có tiêu đề phụ lục: "
                                                                     "tiêu đề 'PHỤ LỤC' do tt import đặt", b.src)
                    self.i += 1
                    self.task_table(b, k)
                    continue
            return

    def task_table(self, table: Table, k: int) -> None:
        from tuyentruyen.edit.importer.tables import read_table, task_values

        read = read_table(table)
        self.tables_read.append(read)
        appendix = self.appendix if self.appendix is not None else {}
        self.appendix = appendix
        groups: list[dict] = []
        used_ids = self.used_ids
        grouped = any(g.title for g in read.groups)
        paths: dict[int, tuple] = {}
        base = ("appendices", k)
        for gi, g in enumerate(read.groups):
            tasks = []
            for ti, draft in enumerate(g.tasks):
                values = task_values(draft, self.index, read.roles)
                tpath = base + (("groups", gi, "tasks", ti) if grouped else ("tasks", ti))
                paths[id(draft)] = tpath
                task: dict = {"id": _task_id(values.content or f"nhiem vu {ti + 1}", used_ids), "content": values.content}
                if values.forms:
                    task["forms"] = values.forms
                if values.lead:
                    task["lead"] = values.lead if len(values.lead) > 1 else values.lead[0]
                if values.support:
                    task["support"] = values.support if len(values.support) > 1 else values.support[0]
                for key in ("due", "quantity", "budget", "notes"):
                    if getattr(values, key):
                        task[key] = getattr(values, key)
                if not values.content:
                    self.note(tpath + ("content",), "TT-I009", "dòng bảng không có nội dung", draft.src)
                for field_name, code, message in values.remarks:
                    where = tpath + ((field_name,) if field_name in task else ())
                    self.note(where, code, message, draft.src)
                tasks.append(task)
            groups.append({"title": g.title or "Nhiệm vụ", "tasks": tasks})
            if not g.title and grouped:
                self.note(base + ("groups", gi, "title"), "TT-I009",
                          "các dòng trước nhóm I không thuộc nhóm nào: tên nhóm 'Nhiệm vụ' do tt import đặt", g.src)
        seen_rows = set()
        for row_of, code, message, src in read.notes:
            if (src, code) in seen_rows:
                continue
            seen_rows.add((src, code))
            self.note(paths.get(id(row_of), base), code, message, src)
        if grouped:
            appendix["groups"] = [group for group in groups if group["tasks"]]
            for group in groups:
                if not group["tasks"]:
                    self.note(base + ("groups",), "TT-I013", f"nhóm '{group['title']}' không có nhiệm vụ nào: "
                                                            "định dạng không giữ nhóm trống", "")
        else:
            appendix["tasks"] = [t for group in groups for t in group["tasks"]]
        if read.padded:
            appendix["padded"] = True

    def leftovers(self) -> None:
        while (b := self.peek()) is not None:
            if isinstance(b, Para):
                self.note(("plan",), "TT-I001", f"đoạn ở cuối văn bản không xếp được: '{squash(b.shown)[:120]}'", b.src)
            else:
                self.note(("plan",), "TT-I001", "bảng ở cuối văn bản không xếp được (không phải bảng nhiệm vụ)", b.src)
            self.i += 1

    def assemble(self, header: dict) -> dict:
        doc = self.doc
        seen = self.header_seen
        issuer: dict = {}
        if seen.get("issuer_lines"):
            lines = seen["issuer_lines"]
            name = self.restore(" ".join(lines), ("document", "issuer", "name"), seen.get("issuer_src", ""),
                                "Tên cơ quan")
            issuer["name"] = name
            issuer["header"] = lines
            if seen.get("parent_lines"):
                issuer["parent"] = " ".join(seen["parent_lines"])
        if "number" in seen:
            raw, src = seen["number"]
            self.number(raw, src)
        if "place_date" in seen:
            m, t, src = seen["place_date"]
            doc["place"] = squash(m.group("place"))
            d, mo, y = (m.group(k).strip(" .…") for k in ("d", "m", "y"))
            if d and mo:
                doc["date"] = self.date_value(int(d), int(mo), int(y), t, src)
        self.apply_references(issuer)
        if "name" not in issuer:
            guessed = self.guess_issuer()
            if guessed:
                issuer["name"] = guessed
                self.note(("document", "issuer", "name"), "TT-I005",
                          f"văn bản không in tên cơ quan ở phần đầu: đoán là '{guessed}' từ lời văn", "")
        if issuer:
            doc["issuer"] = issuer
        self.fill_missing(issuer)
        year, period = self.plan_year()
        numbering = self.numbering()
        if numbering:
            self.plan["numbering"] = numbering
        plan: dict = {}
        for key in ("title", "year", "period", "attached_line", "implements", "implements_layout", "intro",
                    "numbering", "sections", "closing", "reference"):
            if key == "year":
                plan["year"] = year
            elif key == "period":
                if period:
                    plan["period"] = period
            elif self.plan.get(key):
                plan[key] = self.plan[key]
        if doc.get("type") == "quyet-dinh":
            self.check_article1(plan)
        data: dict = {"tt": 1, "document": self.document_dict()}
        if self.decision is not None:
            data["decision"] = {k: v for k, v in self.decision.items() if v}
        data["plan"] = plan
        filled = [a for a in self.appendices if a.get("groups") or a.get("tasks")]
        for a in self.appendices:
            if a not in filled:
                self.note(("plan",), "TT-I013", f"phụ lục '{a.get('title')}' không có bảng nhiệm vụ", "")
        for k, a in enumerate(filled):
            default = "PHỤ LỤC" if len(filled) == 1 else f"Phụ lục {roman(k + 1)}"
            if a.get("heading") and fold(a["heading"]) == fold(default):
                a.pop("heading")  # tt prints this heading itself
        if len(filled) == 1:
            data["appendix"] = filled[0]
            old = self.appendices.index(filled[0])
            self._move_notes(("appendices", old), ("appendix",))
        elif filled:
            data["appendices"] = filled
            for k, a in enumerate(filled):
                self._move_notes(("appendices", self.appendices.index(a)), ("appendices", k))
        return data

    def _move_notes(self, old: tuple, new: tuple) -> None:
        from tuyentruyen.edit.importer.notes import Note

        items = self.notes.items
        for j, n in enumerate(items):
            if n.path[:len(old)] == old and old != new:
                items[j] = Note(new + n.path[len(old):], n.code, n.message, n.src, n.registry)

    def document_dict(self) -> dict:
        order = ("type", "issuer", "number", "symbol", "place", "date", "title", "issued_by", "bases", "proposal",
                 "signer", "recipients", "archive", "copies")
        return {k: self.doc[k] for k in order if self.doc.get(k) not in (None, [], {}, "")}


def _task_id(content: str, used: dict[str, int]) -> str:
    """A stable id from the content: its first words, made unique in order of appearance."""
    words_ = slug(content, "nhiem-vu").split("-")
    base = "-".join(words_[:6])[:48].strip("-") or "nhiem-vu"
    candidate = base
    if candidate in used:
        longer = "-".join(words_)[:72].strip("-")
        candidate = longer if longer not in used else base
    if candidate in used:
        n = used[candidate] + 1
        while f"{candidate}-{n}" in used:
            n += 1
        used[candidate] = n
        candidate = f"{candidate}-{n}"
    used[candidate] = 1
    return candidate
