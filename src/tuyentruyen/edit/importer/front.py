"""The document's own parts (phần đầu, Quyết định, chữ ký, dòng dẫn chiếu) as the importer reads them.

A reading step of :class:`~.structure.Builder` (see :mod:`.state`): the header (issuer, parent, "Số", place and date, read
by what each line says), the type line and trích yếu, the parts of a Quyết định (authority,
căn cứ, "Theo đề nghị của", Điều 1–n, a plan inside Điều 1), Nơi nhận / Lưu / the signer in
either order, the "(… kèm theo …)" lines (kept only when they disagree with the document), and
what a document that does not print its header still says about it (issuer, symbol, place).
"""

from __future__ import annotations

import datetime as dt
import re

from tuyentruyen.edit.importer.blocks import Para
from tuyentruyen.edit.importer.casing import is_upper
from tuyentruyen.edit.importer.names import clean_item
from tuyentruyen.edit.importer.sections import SectionsReader
from tuyentruyen.edit.importer.shapes import (
    ARCHIVE, ARTICLE, NUM_HEAD, NUMBER_LINE, PLACE_DATE, PREFIX, REFERENCE, ROMAN_HEAD, date_in, head_upper,
    is_motto, is_qh, proposal_of, signer_line, titles, type_line,
)
from tuyentruyen.vn.text import fold, squash


class FrontReader(SectionsReader):
    """Reading the header, the decision, the signature and the references."""

    def read_header(self) -> dict:
        """Issuer, parent, number and place/date lines before the type line."""
        info: dict = {"issuer_lines": [], "parent_lines": [], "src": ""}
        lines: list[Para] = []
        while (p := self.para()) is not None:
            t = squash(p.shown)
            if type_line(t) or self._body_start(t):
                break
            if is_qh(t) or is_motto(t):
                info["qh"] = True
            elif (m := NUMBER_LINE.match(t)) and "/" in t:
                info["number"] = (m.group("rest"), p.src)
            elif (m := PLACE_DATE.match(t)):
                info["place_date"] = (m, t, p.src)
            elif is_upper(t) and len(t.split()) <= 12:
                lines.append(p)
            else:
                break
            self.i += 1
        if lines:
            info["src"] = lines[0].src
            bolds = [p.bold for p in lines]
            if any(p.formatted for p in lines) and any(bolds) and not all(bolds):
                parent = [squash(p.shown) for p in lines if not p.bold]
                issuer = [squash(p.shown) for p in lines if p.bold]
            else:
                texts = [squash(p.shown) for p in lines]
                heads = [k for k, t in enumerate(texts) if head_upper(t)]
                cut = heads[-1] if heads and heads[-1] > 0 and heads[0] < heads[-1] else 0
                parent, issuer = texts[:cut], texts[cut:]
            info["issuer_lines"], info["parent_lines"] = issuer, parent
        for key in ("number", "place_date"):
            if key in info and key not in self.header_seen:
                self.header_seen[key] = info[key]
        if info["issuer_lines"] and "issuer_lines" not in self.header_seen:
            self.header_seen["issuer_lines"] = info["issuer_lines"]
            self.header_seen["parent_lines"] = info["parent_lines"]
            self.header_seen["issuer_src"] = info["src"]
        return info

    def _body_start(self, t: str) -> bool:
        f = fold(t)
        return (f.startswith(("can cu ", "thuc hien ", "theo de nghi")) or bool(ROMAN_HEAD.match(t) and is_upper(t))
                or f.startswith("noi nhan"))

    def read_type(self) -> tuple[str | None, str, str]:
        p = self.para()
        if p is None:
            return None, "", ""
        got = type_line(squash(p.shown))
        if got is None:
            return None, "", p.src
        self.i += 1
        kind, rest = got
        if rest:
            rest = self.restore(rest, ("document", "title"), p.src, "Tên kế hoạch")
        return kind, rest, p.src

    def read_title(self, rest: str, path) -> str | None:
        parts = [rest] if rest else []
        self._last_title_bold = False
        src = ""
        while (p := self.para()) is not None:
            t = squash(p.shown)
            if not t or REFERENCE.match(t) or self._body_start(t) or type_line(t):
                break
            if fold(t) == "quyet dinh:" or ARTICLE.match(t) or ROMAN_HEAD.match(t) or NUM_HEAD.match(t):
                break
            if parts and p.formatted and not p.center:
                break  # a title is centred
            if is_upper(t) and (parts or self.doc.get("type") == "quyet-dinh" and parts):
                break
            if parts and (len(t.split()) > 40 or t.endswith((".", ";", ":"))):
                break
            if parts and p.formatted and not p.bold and self._last_title_bold:
                break  # the title is bold; the paragraph under it is not
            if is_upper(t) and not parts:
                t = self.restore(t, path, p.src, "Trích yếu")
            parts.append(t)
            self._last_title_bold = p.formatted and p.bold
            src = src or p.src
            self.i += 1
            if len(parts) >= 4:
                break
        return squash(" ".join(parts)) or None

    def read_decision(self) -> None:
        dec: dict = {}
        authority: list[str] = []
        bases: list = []
        articles: list[tuple[str, str]] = []
        while (p := self.para()) is not None:
            t = squash(p.shown)
            f = fold(t)
            if f.startswith("noi nhan") or signer_line(t) and articles:
                break
            if f.startswith("can cu "):
                bases.append((t, p.src))
            elif f.startswith(("theo de nghi cua ", "xet de nghi cua ")):
                self.doc["proposal"] = proposal_of(t)
            elif f in ("quyet dinh:", "quyet dinh"):
                pass  # "QUYẾT ĐỊNH:" before the articles: tt prints it itself
            elif (m := ARTICLE.match(t)):
                articles.append((m.group("t").strip(), p.src))
                if len(articles) == 1 and re.search(r"(?i:với|gồm) (?:các|những) nội dung (?:chủ yếu )?(?:như )?sau\s*:$",
                                                    m.group("t").strip()):
                    self.i += 1
                    self.article_plan()
                    continue
            elif articles and not ARTICLE.match(t):
                # a paragraph of the last article
                articles[-1] = (articles[-1][0] + " " + t, articles[-1][1])
                self.note(("decision",), "TT-I002", f"đoạn '{t[:40]}…' được nối vào Điều {len(articles)}", p.src)
            elif is_upper(t) and not bases:
                authority.append(t)
            else:
                self.note(("decision",), "TT-I013", f"đoạn không thuộc phần nào của Quyết định: '{t}'", p.src)
            self.i += 1
        if authority:
            dec["authority"] = " ".join(authority)
        self.doc["bases"] = [self.citation(t, ("document", "bases", k), src, "Căn cứ")
                             for k, (t, src) in enumerate(bases)]
        self._articles(dec, articles)
        self.decision = dec

    def article_plan(self) -> None:
        """The plan printed inside Điều 1 ("Ban hành Kế hoạch … với các nội dung sau:"), up to Điều 2."""
        self._layout_article = True
        body: list[Para] = []
        while (p := self.para()) is not None:
            m = ARTICLE.match(squash(p.shown))
            if m and m.group("n") != "1" or fold(squash(p.shown)).startswith("noi nhan"):
                break
            body.append(p)
            self.i += 1
        self.plan["sections"] = self.sections(body)

    def _articles(self, dec: dict, articles: list[tuple[str, str]]) -> None:
        if self._layout_article:
            dec["layout"] = "article"
            m1 = re.match(r"^(?:Ban hành|Phê duyệt) Kế hoạch (?P<t>.+?) (?i:với|gồm) (?:các|những) nội dung",
                          articles[0][0])
            if m1:
                title = m1.group("t")
                self.plan["title"] = title[:1].upper() + title[1:]
            rest = articles[1:]
            m2 = re.match(r"^Quyết định này có hiệu lực(?: thi hành)? (?P<e>.+?)\s*\.?$", rest[0][0]) if rest else None
            m3 = re.match(r"^(?P<w>.+?)\s+chịu trách nhiệm thi hành Quyết định này\s*\.?\s*/?\.?$", rest[1][0]) \
                if len(rest) > 1 else None
            if m3:
                dec["executors"] = [x.strip() for x in m3.group("w").split(";") if x.strip()]
            if m2 and m2.group("e") != "kể từ ngày ký ban hành":
                dec["effective"] = m2.group("e")
            if not (m1 and m2 and m3 and len(articles) == 3):
                self.note(("decision",), "TT-I012", "Điều 1 chứa Kế hoạch nhưng các Điều không theo mẫu tt in: kiểm tra "
                                                    "Điều 2, Điều 3", articles[0][1])
            return
        std = len(articles) == 3
        m1 = re.match(r"^Ban hành kèm theo Quyết định này (?P<t>.+?)\s*\.?$", articles[0][0]) if articles else None
        m2 = re.match(r"^Quyết định này có hiệu lực(?: thi hành)? (?P<e>.+?)\s*\.?$", articles[1][0]) \
            if len(articles) > 1 else None
        m3 = re.match(r"^(?P<w>.+?)\s+chịu trách nhiệm thi hành Quyết định này\s*\.?\s*/?\.?$", articles[2][0]) \
            if len(articles) > 2 else None
        if m3:
            dec["executors"] = [x.strip() for x in m3.group("w").split(";") if x.strip()]
        if std and m1 and m2 and m3:
            if m2.group("e") != "kể từ ngày ký ban hành":
                dec["effective"] = m2.group("e")
            self._article1 = (m1.group("t"), articles[0][1])
            return
        if articles:
            dec["articles"] = [a for a, _src in articles]
            self.note(("decision", "articles"), "TT-I012",
                      "các Điều không theo mẫu tt in (Điều 1 ban hành kế hoạch, Điều 2 hiệu lực, Điều 3 thi hành): "
                      "giữ nguyên văn ở 'articles'", articles[0][1])

    def read_reference(self, path, which: str) -> None:
        p = self.para()
        if p is None:
            return
        m = REFERENCE.match(squash(p.shown))
        if not m:
            return
        self.i += 1
        self._references.append((path, squash(p.shown), m.group("rest"), p.src, which))
        if which == "plan" and not fold(m.group("kind")).startswith("ban hanh"):
            self.plan["attached_line"] = "kem-theo"

    def read_signature(self) -> None:
        """Nơi nhận, Lưu and the signer, in either order (a table beside, or paragraphs)."""
        recipients: list[str] = []
        signer_lines: list[str] = []
        name = None
        in_recipients = False
        seen_any = False
        while (p := self.para()) is not None:
            t = squash(p.shown)
            f = fold(t)
            if f.startswith("noi nhan"):
                in_recipients = True
                seen_any = True
                rest = t.split(":", 1)[1].strip() if ":" in t else ""
                if rest:
                    recipients.append(clean_item(rest))
                self.i += 1
                continue
            if (m := ARCHIVE.match(t)) and (in_recipients or seen_any):
                self.archive(m.group("rest"), p.src)
                in_recipients = False
                self.i += 1
                continue
            if in_recipients and t.startswith(("-", "–", "+", "•")):
                recipients.append(clean_item(t))
                self.i += 1
                continue
            if name is None and signer_line(t):
                signer_lines.append(t)
                seen_any = True
                in_recipients = False
                self.i += 1
                continue
            if signer_lines and name is None and not is_upper(t) and len(t.split()) <= 7 and not type_line(t) \
                    and not self._appendix_heading(t):
                if re.fullmatch(r"\(.*\)", t):  # "(Đã ký)", "(Ký, đóng dấu)"
                    self.note(("document", "signer"), "TT-I013", f"dòng '{t}' ở chỗ chữ ký: không giữ trong kế hoạch",
                              p.src)
                    self.i += 1
                    continue
                name = t
                self.i += 1
                continue
            break
        if recipients:
            self.doc["recipients"] = recipients
        if signer_lines:
            self.signer(signer_lines, name)

    def archive(self, rest: str, src: str) -> None:
        t = squash(rest)
        extra = None
        m = re.match(r"^(?P<a>.*?[.)])\s+(?P<x>[^.]+)$", t)
        if m and not re.search(r"\(\d+\)", m.group("x")):
            t, extra = m.group("a"), m.group("x")
        copies = None
        cm = re.search(r"\.?\s*\((?P<c>\d+)\)\s*\.?\s*$", t)
        if cm:
            copies = int(cm.group("c"))
            t = t[:cm.start()]
        t = t.rstrip(" .;")
        self.doc["archive"] = t
        if copies:
            self.doc["copies"] = copies
        if extra:
            self.note(("document", "archive"), "TT-I013", f"chữ '{extra}' sau dòng 'Lưu' không thuộc trường nào "
                                                          "(có thể là chữ ký nháy hay ghi chú in nghiêng)", src)

    def signer(self, lines: list[str], name: str | None) -> None:
        """The signature block: authority lines (TM. …, KT. …), the position, the name."""
        signer: dict = {}
        authority = [squash(x) for x in lines if PREFIX.match(x)]
        plain = [squash(x) for x in lines if not PREFIX.match(x)]
        if plain:
            signer["position"] = plain[-1]
            if len(plain) > 1:
                self.note(("document", "signer", "position"), "TT-I013",
                          f"các dòng '{'; '.join(plain[:-1])}' ở chỗ chữ ký không có trường riêng", "")
        elif authority:
            signer["position"] = authority.pop()  # "KT. CHỦ TỊCH" alone: kept as written as the position
            self.note(("document", "signer", "position"), "TT-I005",
                      "khối chữ ký chỉ có dòng quyền hạn, không có dòng chức vụ: giữ cả dòng làm chức vụ", "")
        if authority:
            signer["authority"] = authority
        if name:
            signer["name"] = name
        self.doc["signer"] = {k: signer[k] for k in ("authority", "position", "name") if k in signer}

    def number(self, raw: str, src: str) -> None:
        from tuyentruyen.vn.citations import ParseError, parse_symbol

        raw = squash(raw)
        if re.match(r"^[\s…./]*/", raw) or raw.startswith("/"):
            sym = raw.split("/", 1)[1].strip()
            if sym:
                self.doc["symbol"] = sym
            return
        parsed = parse_symbol(raw)
        if isinstance(parsed, ParseError):
            self.note(("document", "symbol"), "TT-I008", f"không đọc được số, ký hiệu '{raw}': {parsed.reason}", src)
            m = re.match(r"^(\d+)\s*/\s*(.+)$", raw)
            if m:
                self.doc["number"] = int(m.group(1))
                self.doc["symbol"] = m.group(2).replace(" ", "")
            return
        from tuyentruyen.model.types import decree_number

        self.doc["number"] = parsed.number if parsed.number_text == decree_number(parsed.number) else parsed.number_text
        self.doc["symbol"] = parsed.normalized.split("/", 1)[1]
        if parsed.issues:
            self.note(("document", "number"), "TT-I008",
                      f"số, ký hiệu in là '{raw}' ({'; '.join(i.message for i in parsed.issues)}): định dạng chỉ giữ "
                      f"số {parsed.number} và ký hiệu {self.doc['symbol']}", src)

    def date_value(self, d: int, m: int, y: int, written: str, src: str) -> str:
        from tuyentruyen.vn.dates import DateError, make_date

        got = make_date(d, m, y)
        if isinstance(got, DateError):
            self.note(("document", "date"), "TT-I008", f"ngày ban hành không tồn tại ('{written}'): giữ như văn bản "
                                                       "để tt validate báo lỗi", src)
        return f"{d:02d}/{m:02d}/{y}"

    def apply_references(self, issuer: dict) -> None:
        """The '(Ban hành kèm theo …)' and '(Kèm theo …)' lines: kept only when they disagree."""
        from tuyentruyen.vn.citations import DocNumber, find_citations

        for path, line, rest, src, which in self._references:
            cits = find_citations(rest)
            c = cits[0] if cits else None
            if c is None or not isinstance(c.number, DocNumber):
                self._keep_reference(path, line, src, "không đọc được văn bản được dẫn")
                continue
            sym = c.number.normalized.split("/", 1)[1]
            if "number" not in self.doc and "symbol" not in self.doc:
                self.doc["number"], self.doc["symbol"] = c.number.number, sym
                self.note(("document", "number"), "TT-I005", f"số, ký hiệu lấy từ dòng '{line}'", src)
            if "date" not in self.doc and c.date is not None:
                self.doc["date"] = f"{c.date.day:02d}/{c.date.month:02d}/{c.date.year}"
                self.note(("document", "date"), "TT-I005", f"ngày ban hành lấy từ dòng '{line}'", src)
            if c.issuer and self._issued_by is None:  # the first line that says "của …"
                self._issued_by = (c.issuer, src)
            reasons = []
            if c.number.number != self.doc.get("number") or sym != self.doc.get("symbol"):
                reasons.append(f"số {c.number.normalized} khác số văn bản")
            if c.number.issues:
                reasons.append("; ".join(i.message for i in c.number.issues))
            if c.date is not None and self.doc.get("date") and date_in(self.doc["date"]) != c.date:
                reasons.append("ngày khác ngày văn bản")
            if c.date_error:
                reasons.append(c.date_error)
            want = "quyet dinh" if self.doc.get("type") == "quyet-dinh" else "ke hoach"
            if c.type_name and fold(c.type_name) != want:
                reasons.append(f"loại văn bản '{c.type_name}' khác văn bản này")
            if reasons:
                self._keep_reference(path, line, src, "; ".join(reasons))
        got = self._issued_by
        if got:
            by, src = got
            name = issuer.get("name")
            if name is None or fold(by) != fold(name):
                self.doc["issued_by"] = by

    def _keep_reference(self, path, line, src, why) -> None:
        target = self.plan if path[0] == "plan" else (self.appendices[path[1]] if path[0] == "appendices" else None)
        if target is None:
            return
        target["reference"] = line
        self.note(path, "TT-I007", f"dòng tham chiếu viết tay được giữ vì {why}: tt tự in dòng này từ số, ngày "
                                   "của văn bản và soát lỗi khi nó khác", src)

    def guess_issuer(self) -> str | None:
        """'Chủ tịch UBND tỉnh ban hành Kế hoạch …' + 'trên địa bàn tỉnh Quảng Ngãi' → 'Ủy ban nhân dân tỉnh
        Quảng Ngãi'; 'Sở Công Thương ban hành …' → 'Sở Công Thương'."""
        texts = [self.plan.get("intro") or "", self.doc.get("issued_by") or "",
                 " ".join(p.shown for p in self._loose_preamble)]
        texts += [squash(b.shown) for b in self.items[:8] if isinstance(b, Para)]
        who = None
        for t in texts:
            m = re.search(r"(?:^|[;.,]\s*)(?P<who>[^;.,]{3,80}?)\s+(?:đã\s+)?ban hành\s+(?i:kế hoạch)", t)
            if m:
                who = m.group("who").strip()
                break
            if t and t is self.doc.get("issued_by"):
                who = t
                break
        if not who:
            return None
        low = who.casefold()
        for title in titles():
            if low.startswith(title):
                who = who[len(title):].strip()
                break
        who = re.sub(r"^UBND\b", "Ủy ban nhân dân", who)
        level = re.fullmatch(r"Ủy ban nhân dân (tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)", who)
        if level:
            place = self._locality(level.group(1))
            if place:
                return f"{who} {place}"
            return None
        return who

    def _locality(self, level: str) -> str | None:
        texts = [self.doc.get("title") or "", self.plan.get("title") or "", self.plan.get("intro") or ""]
        for t in texts:
            m = re.search(rf"(?<!\w){level}\s+(?P<n>(?:[A-ZĐÀ-Ỹ][\w]*)(?:\s+[A-ZĐÀ-Ỹ][\w]*)*)", t)
            if m:
                return m.group("n")
        return None

    def common_place(self) -> str | None:
        """The province (or city) the document names most: where a department's plan is issued."""
        from collections import Counter

        counts: Counter = Counter()
        for b in self.items:
            if isinstance(b, Para):
                for m in re.finditer(r"(?<!\w)(?:tỉnh|thành phố)\s+(?P<n>[A-ZĐÀ-Ỹ]\w*(?:\s+[A-ZĐÀ-Ỹ]\w*)*)", b.shown):
                    counts[m.group("n")] += 1
        return counts.most_common(1)[0][0] if counts else None

    def fill_missing(self, issuer: dict) -> None:
        """Required header fields the document does not state: guessed, and said so."""
        from tuyentruyen.edit.new import describe_issuer

        name = issuer.get("name")
        info = describe_issuer(name) if name else {}
        short = info.get("short")
        if short and "short" not in issuer and short != name and any(
                re.search(rf"(?<!\w){re.escape(short)}(?!\w)", b.shown) for b in self.items if isinstance(b, Para)):
            issuer["short"] = short
            self.note(("document", "issuer", "short"), "TT-I005",
                      f"tên viết tắt '{short}' của cơ quan ban hành: văn bản dùng cách viết này", "")
        if "symbol" not in self.doc:
            sym = info.get("symbol") or "KH-UBND"
            if self.doc.get("type") == "quyet-dinh":
                sym = "QĐ-" + sym.split("-", 1)[1] if "-" in sym else "QĐ-UBND"
            self.doc["symbol"] = sym
            self.note(("document", "symbol"), "TT-I005", f"văn bản không in số, ký hiệu: ký hiệu '{sym}' là đoán theo "
                                                         "cơ quan ban hành — sửa theo số văn thư cấp", "")
        if "place" not in self.doc:
            place, how = info.get("place"), "từ tên cơ quan"
            if not place:
                place, how = self.common_place(), "là tỉnh (thành phố) văn bản nhắc tới nhiều nhất"
            if place:
                self.doc["place"] = place
                self.note(("document", "place"), "TT-I005", f"văn bản không in địa danh: '{place}' {how}", "")
        if "title" not in self.doc or not self.doc["title"]:
            title = self.plan.get("title")
            if title:
                self.doc["title"] = title
        if "signer" not in self.doc or not self.doc["signer"].get("position"):
            head = info.get("head") or "THỦ TRƯỞNG"
            self.doc.setdefault("signer", {})["position"] = head
            self.note(("document", "signer", "position"), "TT-I005",
                      f"văn bản không có phần chữ ký: chức vụ '{head}' là đoán theo cơ quan ban hành — sửa lại", "")

    def check_article1(self, plan: dict) -> None:
        got = self._article1
        if not got:
            return
        text, src = got
        title = plan.get("title") or self.doc.get("title") or ""
        printed = "Kế hoạch " + (title[:1].lower() + title[1:] if title[1:2].islower() or len(title) < 2 else title)
        if squash(text).rstrip(".").casefold() != squash(printed).rstrip(".").casefold():
            self.note(("decision",), "TT-I012", f"Điều 1 ghi 'Ban hành kèm theo Quyết định này {text}', tt in Điều 1 "
                                                "theo tên kế hoạch", src)

    def untyped(self) -> None:
        """A text that is not the document itself (a summary on a web page): the plan's number,
        date and title from where the text says it was issued ("… đã ban hành Kế hoạch số …")."""
        from tuyentruyen.vn.citations import DocNumber, find_citations

        paras = [p for p in self.items[:8] if isinstance(p, Para)]
        for p in paras:
            t = squash(p.shown)
            for c in find_citations(t):
                before = t[:c.start].rstrip().casefold()
                if not c.type_name or not before.endswith("ban hành") or not isinstance(c.number, DocNumber):
                    continue
                self.doc.setdefault("number", c.number.number)
                self.doc.setdefault("symbol", c.number.normalized.split("/", 1)[1])
                subject = re.split(r"(?<=[^.])\.\s", t[c.end:].strip(" ,"))[0].strip(" .")
                if subject and not self.doc.get("title"):
                    self.doc["title"] = subject[:1].upper() + subject[1:]
                    self.note(("document", "title"), "TT-I005", f"trích yếu lấy từ câu '{t[:80]}…'", p.src)
                self.note(("document", "number"), "TT-I005", f"số, ký hiệu lấy từ câu '{t[:80]}…'", p.src)
                m = re.match(r"^(?i:ngày)\s+(\d{1,2})/(\d{1,2})/(\d{4})", t)
                if m and "date" not in self.doc:
                    self.doc["date"] = f"{int(m.group(1)):02d}/{int(m.group(2)):02d}/{m.group(3)}"
                    self.note(("document", "date"), "TT-I005", f"ngày ban hành lấy từ câu '{t[:60]}…'", p.src)
                return
        if not self.doc.get("title") and paras:
            self.doc["title"] = squash(paras[0].shown)
            self.note(("document", "title"), "TT-I005", "trích yếu lấy từ đoạn đầu của văn bản", paras[0].src)
