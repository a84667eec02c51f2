"""Reading a .docx into blocks (đọc tệp Word): paragraphs and tables in document order.

python-docx opens the package; the body is then walked as XML (lxml), which is both what
python-docx does underneath and what keeps a 1,000-row table fast. What is read:

- the text of each paragraph as Word shows it: runs, tabs, line breaks, hyperlinks, fields'
  results, tracked insertions (deletions and text boxes are left out), with the label of
  its automatic numbering ("a)", "1.", "-") put back in front, since a clerk's "a)" is often
  Word's numbering and not typed text;
- bold, italic, capitals (w:caps) and centring, resolved through the paragraph's and the
  run's styles, since a heading is often bold by its style;
- tables with their horizontal spans (w:gridSpan) and vertical merges (w:vMerge), nested
  tables flattened into their cell, and whether the table has borders.

Headers, footers and comments are not read: a plan's content is in the body.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from typing import Any

from tuyentruyen.edit.importer.blocks import Block, Cell, Para, Row, Table

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


_P, _TBL, _TR, _TC, _R, _T = q("p"), q("tbl"), q("tr"), q("tc"), q("r"), q("t")
_SDT, _SDT_CONTENT = q("sdt"), q("sdtContent")
# subtrees whose text is not the paragraph's own: deleted text, text boxes, properties,
# and the fallback copy of alternate content
_SKIP = {q("del"), q("moveFrom"), q("txbxContent"), q("pPr"), q("rPr"), f"{{{MC}}}Fallback",
         q("instrText"), q("delText")}
_VAL = q("val")
_TRUE = {None, "1", "true", "on"}

# the uncompressed size a .docx may unpack to: a plan is a few megabytes of XML
MAX_UNPACKED = 512 * 1024 * 1024


class DocxError(Exception):
    """The bytes are not a .docx that can be read; ``why`` says it in Vietnamese."""

    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


def read_docx(data: bytes, meta: dict | None = None) -> list[Block]:
    """The blocks of a .docx given as bytes; raises DocxError when it cannot be read.

    meta, when given, receives the package's title, subject and author (core properties):
    words the document writes in ordinary case that its header prints in capitals."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "word/document.xml" not in names:
                raise DocxError("tệp không có phần nội dung word/document.xml: không phải văn bản Word (.docx)")
            if sum(i.file_size for i in z.infolist()) > MAX_UNPACKED:
                raise DocxError("tệp giải nén ra quá lớn (hơn 512 MB): không phải một văn bản bình thường")
    except zipfile.BadZipFile:
        raise DocxError("tệp không phải định dạng .docx (không mở được như một gói ZIP của Word)") from None
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile):
        raise DocxError("gói .docx thiếu phần bắt buộc hoặc có phần không đọc được") from None
    except Exception:  # noqa: BLE001 - a broken package: lxml and python-docx raise many kinds
        raise DocxError("nội dung XML của tệp .docx bị hỏng") from None
    if meta is not None:
        try:
            props = document.core_properties
            meta.update({k: getattr(props, k) or "" for k in ("title", "subject", "author")})
        except Exception:  # noqa: BLE001 - broken core properties are only a lost hint
            pass
    return _Reader(document).blocks()


class _Styles:
    """Bold, italic, caps, centring and numbering inherited from styles (basedOn chains)."""

    def __init__(self, document):
        self.by_id: dict[str, Any] = {}
        self.default_para: str | None = None
        self.defaults: dict[str, bool] = {}
        try:
            root = document.styles.element
        except Exception:  # noqa: BLE001 - a package without styles.xml
            return
        for st in root.iter(q("style")):
            sid = st.get(q("styleId"))
            if sid:
                self.by_id[sid] = st
            if st.get(q("type")) == "paragraph" and st.get(q("default")) in ("1", "true"):
                self.default_para = sid
        rpr = root.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}")
        if rpr is not None:
            for key in ("b", "i", "caps"):
                v = _flag(rpr, key)
                if v is not None:
                    self.defaults[key] = v
        self._cache: dict[tuple, object] = {}

    def _chain(self, sid: str | None):
        seen = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            st = self.by_id[sid]
            yield st
            based = st.find(q("basedOn"))
            sid = based.get(_VAL) if based is not None else None

    def run_flag(self, key: str, pstyle: str | None, rstyle: str | None) -> bool:
        ck = ("r", key, pstyle, rstyle)
        if ck in self._cache:
            return self._cache[ck]  # type: ignore[return-value]
        value = None
        for sid in (rstyle, pstyle or self.default_para):
            for st in self._chain(sid):
                rpr = st.find(q("rPr"))
                if rpr is not None and (v := _flag(rpr, key)) is not None:
                    value = v
                    break
            if value is not None:
                break
        if value is None:
            value = self.defaults.get(key, False)
        self._cache[ck] = value
        return value

    def para_prop(self, pstyle: str | None, tag: str):
        ck = ("p", tag, pstyle)
        if ck in self._cache:
            return self._cache[ck]
        found = None
        for st in self._chain(pstyle or self.default_para):
            ppr = st.find(q("pPr"))
            if ppr is not None and (el := ppr.find(q(tag))) is not None:
                found = el
                break
        self._cache[ck] = found
        return found


def _flag(rpr, key: str) -> bool | None:
    el = rpr.find(q(key))
    if el is None:
        return None
    return el.get(_VAL) in _TRUE


class _Numbering:
    """Labels of automatic numbering (numbering.xml), counted as Word counts them."""

    FORMATS = {"decimal", "decimalZero", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "bullet", "none"}

    def __init__(self, document):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no numbering part
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.iter(q("abstractNum")):
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in an.iter(q("lvl")):
                ilvl = int(lvl.get(q("ilvl"), "0"))
                fmt = lvl.find(q("numFmt"))
                text = lvl.find(q("lvlText"))
                start = lvl.find(q("start"))
                lv[ilvl] = (fmt.get(_VAL) if fmt is not None else "decimal",
                            text.get(_VAL) if text is not None else "",
                            int(start.get(_VAL, "1")) if start is not None else 1)
            abstract[an.get(q("abstractNumId"))] = lv
        for num in root.iter(q("num")):
            nid = num.get(q("numId"))
            ref = num.find(q("abstractNumId"))
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(_VAL), {}).items():
                self.levels[(nid, ilvl)] = spec
            for ov in num.iter(q("lvlOverride")):
                so = ov.find(q("startOverride"))
                if so is not None:
                    ilvl = int(ov.get(q("ilvl"), "0"))
                    if (nid, ilvl) in self.levels:
                        f, t, _s = self.levels[(nid, ilvl)]
                        self.levels[(nid, ilvl)] = (f, t, int(so.get(_VAL, "1")))

    def label(self, num_id: str, ilvl: int) -> str:
        if num_id in (None, "0") or (num_id, ilvl) not in self.levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 10)
        ilvl = min(max(ilvl, 0), 9)
        fmt, text, start = self.levels[(num_id, ilvl)]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = 0
        if fmt == "bullet":
            return "+" if text.strip() == "+" else "-"
        if fmt == "none":
            return text.strip() if "%" not in text else ""
        out = text
        for lvl in range(ilvl, -1, -1):
            f = self.levels.get((num_id, lvl), ("decimal", "", 1))[0]
            value = counters[lvl] or self.levels.get((num_id, lvl), ("decimal", "", 1))[2]
            out = out.replace(f"%{lvl + 1}", _format(value, f))
        return out.strip()


def _format(n: int, fmt: str) -> str:
    from tuyentruyen.vn.numerals import roman

    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        s = letters[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    return str(n)


class _Reader:
    def __init__(self, document):
        self.document = document
        self.styles = _Styles(document)
        self.numbering = _Numbering(document)
        self.n_para = 0
        self.n_table = 0

    def blocks(self) -> list[Block]:
        body = self.document.element.body
        out: list[Block] = []
        for el in _children(body):
            if el.tag == _P:
                self.n_para += 1
                out.append(self.para(el, f"đoạn {self.n_para}"))
            elif el.tag == _TBL:
                self.n_table += 1
                out.append(self.table(el, f"bảng {self.n_table}"))
        return out

    # -- paragraphs

    def para(self, p, src: str) -> Para:
        ppr = p.find(q("pPr"))
        pstyle = None
        if ppr is not None and (ps := ppr.find(q("pStyle"))) is not None:
            pstyle = ps.get(_VAL)
        parts: list[str] = []
        flags: dict[str, list[bool]] = {"b": [], "i": [], "caps": []}
        for r in _runs(p):
            text = _run_text(r)
            if not text:
                continue
            parts.append(text)
            if text.strip():
                rpr = r.find(q("rPr"))
                rstyle = None
                if rpr is not None and (rs := rpr.find(q("rStyle"))) is not None:
                    rstyle = rs.get(_VAL)
                for key in flags:
                    v = _flag(rpr, key) if rpr is not None else None
                    flags[key].append(v if v is not None else self.styles.run_flag(key, pstyle, rstyle))
        text = unicodedata.normalize("NFC", "".join(parts))
        jc = ppr.find(q("jc")) if ppr is not None else None
        if jc is None:
            jc = self.styles.para_prop(pstyle, "jc")
        label = self._label(ppr, pstyle)
        if label:
            text = f"{label} {text.lstrip()}"
        return Para(
            text=text, src=src,
            bold=bool(flags["b"]) and all(flags["b"]),
            italic=bool(flags["i"]) and all(flags["i"]),
            caps=bool(flags["caps"]) and all(flags["caps"]),
            center=jc is not None and jc.get(_VAL) == "center",
            formatted=True,
        )

    def _label(self, ppr, pstyle) -> str:
        num = ppr.find(q("numPr")) if ppr is not None else None
        if num is None:
            num = self.styles.para_prop(pstyle, "numPr")
        if num is None:
            return ""
        nid = num.find(q("numId"))
        ilvl = num.find(q("ilvl"))
        if nid is None:
            return ""
        return self.numbering.label(nid.get(_VAL), int(ilvl.get(_VAL, "0")) if ilvl is not None else 0)

    # -- tables

    def table(self, tbl, src: str) -> Table:
        rows: list[Row] = []
        for r_i, tr in enumerate(_children(tbl, _TR), 1):
            cells: list[Cell] = []
            trpr = tr.find(q("trPr"))
            header = trpr is not None and trpr.find(q("tblHeader")) is not None
            for c_i, tc in enumerate(_children(tr, _TC), 1):
                tcpr = tc.find(q("tcPr"))
                span, merge = 1, None
                if tcpr is not None:
                    gs = tcpr.find(q("gridSpan"))
                    if gs is not None:
                        try:
                            span = max(1, int(gs.get(_VAL, "1")))
                        except ValueError:
                            span = 1
                    vm = tcpr.find(q("vMerge"))
                    if vm is not None:
                        merge = "restart" if vm.get(_VAL) == "restart" else "continue"
                paras: list[Para] = []
                for k, el in enumerate(_cell_paragraphs(tc), 1):
                    paras.append(self.para(el, f"{src}, dòng {r_i}, ô {c_i}"))
                cells.append(Cell(paras, span, merge))
            rows.append(Row(cells, f"{src}, dòng {r_i}", header))
        return Table(rows, src, borders=_has_borders(tbl))


def _children(el, tag=None):
    """Direct children, looking through content controls (w:sdt) and alternate content."""
    for child in el:
        t = child.tag
        if t == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif t == f"{{{MC}}}AlternateContent":
            choice = child.find(f"{{{MC}}}Choice")
            if choice is not None:
                yield from _children(choice, tag)
        elif tag is None or t == tag:
            yield child


def _cell_paragraphs(tc):
    """Paragraphs of a cell, nested tables' paragraphs included (in order)."""
    for el in _children(tc):
        if el.tag == _P:
            yield el
        elif el.tag == _TBL:
            for tr in _children(el, _TR):
                for inner in _children(tr, _TC):
                    yield from _cell_paragraphs(inner)


def _runs(p):
    """The runs of a paragraph in order, without those of skipped subtrees."""
    stack = list(reversed(list(p)))
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _R:
            yield el
            continue
        if tag == _P or tag == _TBL:  # a paragraph never holds another, except in a text box
            continue
        stack.extend(reversed(list(el)))


_BR, _TAB, _CR, _NBH = q("br"), q("tab"), q("cr"), q("noBreakHyphen")


def _run_text(r) -> str:
    out = []
    for el in r:
        tag = el.tag
        if tag == _T:
            out.append(el.text or "")
        elif tag == _TAB:
            out.append("\t")
        elif tag in (_BR, _CR):
            out.append("\n")
        elif tag == _NBH:
            out.append("-")
    return "".join(out)


def _has_borders(tbl) -> bool:
    tblpr = tbl.find(q("tblPr"))
    if tblpr is None:
        return False
    borders = tblpr.find(q("tblBorders"))
    if borders is not None:
        vals = [b.get(_VAL) for b in borders]
        return any(v not in (None, "nil", "none") for v in vals)
    style = tblpr.find(q("tblStyle"))
    return style is not None and "grid" in (style.get(_VAL) or "").lower()
