"""The body of a plan (nội dung Kế hoạch): its opening, sections, items, duties, closing.

A reading step of :class:`~.structure.Builder` (see :mod:`.state`). Sections are found level by level, each level's
numbering as the document has it (I., 1., 1.1., a): plan.numbering when it is not tt's
default); a numbered line is a sub-section when it is a heading (bold in a .docx; short and
not a sentence in a text) and an item when it is a sentence; in "Tổ chức thực hiện" a
sub-section that names units is their duty. Items (a), b)…, "-", 1., (1)), their bullets,
their own unit ("Trung tâm …: …") and deadline ("… trước ngày …"), and a section's
"Thời gian thực hiện: …" are read into their fields.
"""

from __future__ import annotations

import datetime as dt
import re

from tuyentruyen.edit.importer.blocks import Para, Table, words
from tuyentruyen.edit.importer.casing import is_upper
from tuyentruyen.edit.importer.citing import CitingReader
from tuyentruyen.edit.importer.names import starts_unit
from tuyentruyen.edit.importer.shapes import (
    DASH, DUE_LINE, DUE_SUFFIX, LETTER, NUM_HEAD, PAREN_NUM, PLUS, REFERENCE, ROMAN_HEAD, SUB_HEAD, YEAR,
    date_in, deadline_in, marker_kind, proposal_of, signer_line, titles,
)
from tuyentruyen.vn.numerals import LETTERS
from tuyentruyen.vn.text import fold, squash


class SectionsReader(CitingReader):
    """Reading the plan's opening, sections, items and duties."""

    def read_plan_body(self, kind: str) -> None:
        pre: list[Para] = []
        body: list[Para] = []
        while (b := self.peek()) is not None:
            if isinstance(b, Table):
                break
            t = squash(b.shown)
            if self._body_end(t):
                break
            if (rh := ROMAN_HEAD.match(t)) and (is_upper(rh.group("t")) or b.bold):
                body.append(b)
            elif body:
                body.append(b)
            else:
                pre.append(b)
            self.i += 1
        if not body:
            # no section I.: a plan numbered 1., 2. at its first level starts at its "1."; a text
            # without any numbering keeps its citing opening and is one section
            first = None
            for k, p in enumerate(pre):
                m = NUM_HEAD.match(squash(p.shown))
                if m and m.group("n") == "1" and self._heading_like(p, m.group("t")):
                    first = k
                    break
            if first is not None:
                pre, body = pre[:first], pre[first:]
            else:
                keep = [p for p in pre if fold(squash(p.shown)).startswith(("thuc hien ", "can cu "))
                        and self._citing(squash(p.shown))]
                body = [p for p in pre if p not in keep]
                pre = keep
        # the closing paragraph of the plan
        closing = None
        for k in range(len(body) - 1, -1, -1):
            t = squash(body[k].shown)
            f = fold(t)
            if NUM_HEAD.match(t) or LETTER.match(t) or marker_kind(t):
                break
            if t.endswith("/.") or f.startswith(tuple(words()["closing_starts"])):
                closing = k
                if f.startswith(tuple(words()["closing_starts"])):
                    break
        if closing is not None:
            texts = [squash(x.shown) for x in body[closing:]]
            self.plan["closing"] = " ".join(texts)
            if len(texts) > 1:
                self.note(("plan", "closing"), "TT-I002", "đoạn kết gồm nhiều đoạn: đã nối thành một", body[closing].src)
            body = body[:closing]
        self.read_preamble(pre, kind)
        self.plan["sections"] = self.sections(body)

    @staticmethod
    def _citing(t: str) -> bool:
        """'Căn cứ Luật …', 'Thực hiện Kế hoạch số …': a citation right after the first words."""
        from tuyentruyen.vn.citations import find_citations

        rest = re.sub(r"^\S+\s+\S+\s+", "", t, count=1)
        cits = find_citations(rest)
        return bool(cits) and cits[0].start == 0

    def _body_end(self, t: str) -> bool:
        f = fold(t)
        if f.startswith("noi nhan"):
            return True
        if self._appendix_heading(t):
            return True
        return signer_line(t) and not ROMAN_HEAD.match(t)

    def _appendix_heading(self, t: str) -> bool:
        f = fold(t).rstrip(" .:")
        heads = words()["appendix_headings"]
        return f in heads or bool(re.match(r"^(phu luc|danh muc|bieu)\s+(so\s+)?[ivxlc\d]+$", f))

    def read_preamble(self, pre: list[Para], kind: str) -> None:
        bases = []
        intro_parts: list[tuple[str, str]] = []
        loose: list[Para] = []
        separate = False
        for p in pre:
            t = squash(p.shown)
            f = fold(t)
            if f.startswith("can cu "):
                bases.append((t, p.src))
            elif f.startswith("thuc hien ") and self._citing(t) and (not self.plan.get("implements") or separate):
                impl, intro = self.implements(t, p.src, start=len(self.plan.get("implements", [])))
                if impl:
                    if self.plan.get("implements"):
                        self.plan["implements_layout"] = "paragraphs"
                    self.plan.setdefault("implements", []).extend(impl)
                    separate = intro is None and t.rstrip().endswith(";")
                    if intro:
                        intro_parts.append((intro, p.src))
                else:
                    intro_parts.append((t, p.src))
            elif f.startswith(("theo de nghi cua ", "xet de nghi cua ")) and not self.doc.get("proposal"):
                self.doc["proposal"] = proposal_of(t)
            elif (ref := REFERENCE.match(t)):
                self._references.append((("plan", "reference"), t, ref.group("rest"), p.src, "plan"))
            else:
                loose.append(p)
        if bases:
            if kind == "quyet-dinh":
                self.note(("plan",), "TT-I013", "kế hoạch kèm theo Quyết định có căn cứ riêng: "
                                                "đã ghép vào căn cứ của Quyết định", bases[0][1])
            start = len(self.doc.get("bases", []))
            self.doc.setdefault("bases", []).extend(
                self.citation(t, ("document", "bases", start + k), src, "Căn cứ") for k, (t, src) in enumerate(bases))
        self._loose_preamble = loose
        for p in loose:
            intro_parts.append((squash(p.shown), p.src))
        if intro_parts:
            self.plan["intro"] = " ".join(t for t, _s in intro_parts)
            if len(intro_parts) > 1:
                self.note(("plan", "intro"), "TT-I001", f"{len(intro_parts)} đoạn trước mục I được nối thành "
                                                        "đoạn mở đầu ('intro'): kiểm tra lại", intro_parts[0][1])

    def sections(self, paras: list[Para]) -> list[dict]:
        """Sections I., II.… of the body (with their sub-sections, items, duties). A plan whose
        first level is numbered 1., 2. (plan.numbering [number, …]) is read so too."""
        from tuyentruyen.vn.numerals import from_roman

        out: list[dict] = []
        starts: list[tuple[int, str]] = []
        expected = 1
        for k, p in enumerate(paras):
            m = ROMAN_HEAD.match(squash(p.shown))
            if m and from_roman(m.group("n")) == expected and (is_upper(m.group("t")) or p.bold):
                starts.append((k, m.group("t")))
                expected += 1
        if starts:
            self.scheme[0] = "roman"
        else:
            heads = self._heads(paras, "number")
            if len(heads) >= 2 and all(self._heading_like(paras[k], t) for k, t in heads):
                starts = heads
                self.scheme[0] = "number"
        if not starts:
            if paras:
                heading = "Nội dung"
                self.note(("plan", "sections", 0, "heading"), "TT-I001",
                          "văn bản không chia mục I, II…: mọi đoạn được đặt vào một mục, tiêu đề 'Nội dung' do "
                          "tt import đặt: sửa lại", paras[0].src)
                sec = {"heading": heading}
                sec.update(self.body(paras, ("plan", "sections", 0), duties=False, numbered=True))
                return [sec]
            return []
        if starts[0][0] > 0:
            lost = paras[:starts[0][0]]
            self.note(("plan", "sections", 0), "TT-I001", "đoạn trước mục I không xếp được: "
                      + " | ".join(squash(p.shown)[:60] for p in lost), lost[0].src)
        for n, (k, title) in enumerate(starts):
            end = starts[n + 1][0] if n + 1 < len(starts) else len(paras)
            path = ("plan", "sections", n)
            head = paras[k]
            heading = self.restore(title, path + ("heading",), head.src, "Tiêu đề mục") \
                if is_upper(title) else squash(title)
            out.append(self.section(heading, paras[k + 1:end], path, depth=0))
        return out

    def _heads(self, paras: list[Para], kind: str) -> list[tuple[int, str]]:
        """Lines that number the sub-sections of one level: "1.", "1.1." or "a)", consecutive; in a
        .docx only the bold ones (a numbered item is not bold)."""
        heads: list[tuple[int, str]] = []
        expected = 1
        want_parts = None
        want_italic = None
        for k, p in enumerate(paras):
            t = squash(p.shown)
            if p.formatted and not p.bold:
                continue
            if kind == "number":
                if SUB_HEAD.match(t):
                    continue
                m = NUM_HEAD.match(t)
                n = int(m.group("n")) if m else None
            elif kind == "nested":
                m = SUB_HEAD.match(t)
                n = int(m.group("b")) if m else None
                if m:  # "1.2." and "1.2.3." are two levels: the first heading found sets how deep
                    parts = len(re.findall(r"\d+", t[:m.start("t")]))
                    if want_parts is None and n == expected:
                        want_parts = parts
                    if parts != want_parts:
                        continue
            else:
                m = LETTER.match(t) if p.formatted else None
                n = (LETTERS.index(m.group("l")) + 1) if m and m.group("l") in LETTERS else None
            if m and n == expected:
                if p.formatted:  # one level's headings look alike: a deeper level is also italic
                    if want_italic is None:
                        want_italic = p.italic
                    elif p.italic != want_italic:
                        continue
                heads.append((k, m.group("t")))
                expected += 1
        return heads

    def section(self, heading: str, paras: list[Para], path, depth: int) -> dict:
        heading = heading.rstrip(" :")
        sec: dict = {"heading": heading}
        organization = self.kind_of(heading) == "organization"
        child = depth + 1
        known = self.scheme.get(child)
        tries = [known] if known else (["number"] if self.scheme.get(depth) == "roman" else ["nested", "letter", "number"])
        heads: list[tuple[int, str]] = []
        used = None
        for kind in tries:
            heads = self._heads(paras, kind)
            if heads:
                used = kind
                break
        as_headings = bool(heads) and all(self._heading_like(paras[k], t) for k, t in heads)
        if not as_headings:
            # no sub-section here: a "1." line is an item
            sec.update(self.body(paras, path, duties=False, numbered=True))
            if (section_kind := self.kind_of(heading)) is not None:
                sec["kind"] = section_kind
            return sec
        if used is not None:
            self.scheme.setdefault(child, used)
        pre = paras[:heads[0][0]]
        if pre:
            sec.update(self.body(pre, path, duties=False, numbered=used != "number"))
        subs: list[dict] = []
        duties: list[dict] = []
        for n, (k, title) in enumerate(heads):
            end = heads[n + 1][0] if n + 1 < len(heads) else len(paras)
            src = paras[k].src
            content = paras[k + 1:end]
            title = squash(title).rstrip(" :")
            if organization and self._names_units(title):
                dpath = path + ("duties", len(duties))
                duties.append(self.duty(title, content, dpath, src))
            else:
                if duties:
                    self.note(path + ("sections", len(subs)), "TT-I001",
                              f"tiểu mục '{title}' đứng sau nhiệm vụ các đơn vị: tt in các tiểu mục trước, "
                              "nhiệm vụ đơn vị sau", src)
                subs.append(self.section(title, content, path + ("sections", len(subs)), depth + 1))
        if subs:
            sec["sections"] = subs
        if duties:
            sec["duties"] = duties
        section_kind = self.kind_of(heading)
        if section_kind and (not subs or section_kind == "organization"):
            sec["kind"] = section_kind
        return sec

    def _heading_like(self, p: Para, title: str) -> bool:
        """A numbered line that is a heading (bold, or short and not a sentence)."""
        t = squash(title)
        if p.formatted:
            return p.bold
        if t.endswith(":"):
            return len(t.split()) <= 12
        return not t.endswith((".", ";")) and len(t.split()) <= 30

    def kind_of(self, heading: str) -> str | None:
        f = fold(heading)
        best = None
        for kind, keys in words()["section_kinds"].items():
            for k in keys:
                m = re.search(rf"(?<![a-z]){re.escape(k)}(?![a-z])", f)
                if m and (best is None or m.start() < best[0]):
                    best = (m.start(), kind)
        return best[1] if best else None

    def _names_units(self, title: str) -> bool:
        rest = self._strip_duty_prefix(title)[0]
        if self.index is not None and self.index.resolve(rest) is not None:
            return True
        return starts_unit(rest) or starts_unit(rest[:1].upper() + rest[1:])

    def _strip_duty_prefix(self, title: str) -> tuple[str, bool]:
        t = squash(title)
        low = t.casefold()
        for prefix in list(words()["duty_prefixes"]) + [x.strip() for x in titles()]:
            if low.startswith(prefix + " "):
                return t[len(prefix) + 1:].strip(), True
        return t, False

    def duty(self, title: str, paras: list[Para], path, src: str) -> dict:
        rest, stripped = self._strip_duty_prefix(title)
        from tuyentruyen.edit.importer.names import split_units_how

        units, guessed = split_units_how(rest, self.index)
        if stripped and units:
            units[0] = units[0][:1].upper() + units[0][1:]
        duty: dict = {"unit": units if len(units) > 1 else (units[0] if units else rest)}
        printed = ("; " if any("," in u for u in units) else ", ").join(units)  # as render prints a duty
        if printed != title:
            duty["heading"] = title
        if guessed:
            self.note(path + ("unit",), "TT-I003", f"tiêu đề '{title[:60]}' được hiểu là {len(units)} đơn vị", src)
        duty.update(self.body(paras, path, duties=True))
        return duty

    def body(self, paras: list[Para], path, *, duties: bool, numbered: bool = False) -> dict:
        out: dict = {}
        text: list[str] = []
        items: list[dict] = []
        closing: list[str] = []
        marker = None
        for p in paras:
            t = squash(p.shown)
            if not t:
                continue
            kind = None
            m = None
            if numbered and (m := NUM_HEAD.match(t)):
                kind = "number"
            elif (m := PAREN_NUM.match(t)) and marker in (None, "number"):
                kind = "number"  # "(1) …", "(2) …": numbered items (tt prints them "1.", "2.")
            elif (m := LETTER.match(t)):
                kind = "letter"
            elif (m := DASH.match(t)):
                kind = "dash"
            elif (m := PLUS.match(t)):
                kind = "plus"
            if marker is None and kind in ("number", "letter", "dash"):
                marker = kind
            if m is not None and kind is not None and kind == marker and not closing:
                items.append({"text": m.group("t").strip(), "src": p.src})
                self.attach(p, path + ("items", len(items) - 1))
                continue
            if m is not None and kind is not None and items and not closing and (
                    (marker in ("letter", "number") and kind in ("dash", "plus")) or (marker == "dash" and kind == "plus")):
                items[-1].setdefault("bullets", []).append(m.group("t").strip())
                self.attach(p, path + ("items", len(items) - 1, "bullets", len(items[-1]["bullets"]) - 1))
                continue
            if m is not None and kind is not None and kind == marker and closing:
                # an item after a closing paragraph: the paragraph belonged to the item before
                items[-1].setdefault("bullets", []).extend(closing)
                self.note(path + ("items", len(items) - 1), "TT-I001",
                          f"đoạn '{closing[0][:40]}…' nằm giữa các ý: ghi thành gạch đầu dòng của ý trước", p.src)
                closing = []
                items.append({"text": m.group("t").strip(), "src": p.src})
                continue
            if kind is not None:
                t_keep = t  # a list mark of another kind: kept with its mark
            else:
                t_keep = t
            if items:
                closing.append(t_keep)
                self.attach(p, path + ("closing", len(closing) - 1))
            else:
                text.append(t_keep)
                self.attach(p, path + ("text", len(text) - 1))
        if closing and (m := DUE_LINE.match(closing[-1])):
            out["due"] = m.group("due")
            closing.pop()
        elif not items and text and (m := DUE_LINE.match(text[-1])):
            out["due"] = m.group("due")
            text.pop()
        if text:
            out["text"] = text
        if items:
            out["marker"] = marker
            built = []
            for k, item in enumerate(items):
                built.append(self.item(item, path + ("items", k), duties))
            out["items"] = built
        if closing:
            out["closing"] = closing
        return out

    def item(self, item: dict, path, duties: bool):
        text = item["text"]
        out: dict = {}
        m = DUE_SUFFIX.match(text)
        if m:
            text = m.group("body") + (m.group("end") or ".")
            out["due"] = m.group("due").strip()
        if duties:
            um = re.match(r"^(?P<u>[^:]{3,90}?)\s*:\s+(?P<t>\S.*)$", text, re.DOTALL)
            if um and len(um.group("u").split()) <= 12 and (
                    (self.index is not None and self.index.resolve(um.group("u")) is not None)
                    or (starts_unit(um.group("u")) and not um.group("u").startswith(("các", "Các")))):
                out["unit"] = um.group("u").strip()
                text = um.group("t")
                self.note(path + ("unit",), "TT-I003", f"'{out['unit']}:' ở đầu ý được hiểu là đơn vị thực hiện ý này",
                          item["src"])
        if "due" not in out:
            due = deadline_in(text)
            if due:
                out["due"] = due
                self.note(path + ("due",), "TT-I011", f"thời hạn lấy từ lời văn của ý: '{due}'", item["src"])
        out["text"] = text
        if item.get("bullets"):
            out["bullets"] = item["bullets"]
        if set(out) == {"text"}:
            return text
        return out

    def numbering(self) -> list[str] | None:
        """plan.numbering when the levels found are not tt's default (I., 1., 1.1.)."""
        from tuyentruyen.model.plan import DEFAULT_NUMBERING

        default = [x.value for x in DEFAULT_NUMBERING]
        found = [self.scheme[d] for d in sorted(self.scheme) if self.scheme[d]]
        if not found:
            return None
        wanted = [found[d] if d < len(found) else default[min(d, len(default) - 1)] for d in range(len(found))]
        filled = [wanted[d] if d < len(wanted) else default[d] for d in range(max(len(wanted), 1))]
        same = all(filled[d] == default[min(d, len(default) - 1)] for d in range(len(filled)))
        return None if same else filled

    def plan_year(self) -> tuple[int, str | None]:
        """The plan's year ("… năm 2023") or period ("… giai đoạn 2026 - 2030": its first year)."""
        title = self.plan.get("title") or self.doc.get("title") or ""
        years = [int(y) for y in re.findall(r"năm\s+(\d{4})", title)]
        if years:
            return years[-1], None
        m = re.search(r"giai đoạn\s+(\d{4})\s*[-–—]\s*(\d{4})", title)
        if m and int(m.group(1)) < int(m.group(2)):
            return int(m.group(1)), f"{m.group(1)}-{m.group(2)}"
        counts: dict[int, int] = {}
        for a in self.appendices:
            for g in a.get("groups", []) or [{"tasks": a.get("tasks", [])}]:
                for t in g["tasks"]:
                    for y in YEAR.findall(str(t.get("due", ""))):
                        counts[int(y)] = counts.get(int(y), 0) + 1
        if counts:
            year = max(counts, key=lambda y: (counts[y], y))
            how = "từ thời gian các nhiệm vụ"
        elif (d := date_in(self.doc.get("date", ""))) is not None:
            year = d.year
            how = "từ ngày ban hành"
        else:
            found = [int(y) for y in YEAR.findall(title)]
            year = found[-1] if found else dt.date.today().year
            how = "từ trích yếu" if found else "là năm hiện tại"
        self.note(("plan", "year"), "TT-I005", f"tên kế hoạch không ghi 'năm …': năm kế hoạch {year} lấy {how}", "")
        return year, None
