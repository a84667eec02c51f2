"""The .docx package tt writes (gói tệp Word): every part made for tt, none copied from a template.

A .docx is a zip of XML parts. python-docx's default template brings a stale
``stylesWithEffects.xml`` (Word 2010's copy of the styles, with other defaults: Calibri
11 pt, 1.15 lines), compatibility mode 14 (Word 2010), a thumbnail of an empty page, custom
XML and web settings: Word then treats the file as foreign, repairs or converts it. Here
each part is written for the document at hand:

- ``word/styles.xml``: the document defaults (Times New Roman, the body size, Vietnamese)
  and the named styles a clerk restyles the whole document with (:func:`styles_xml`);
- ``word/settings.xml``: compatibility mode 15 (current Word), Vietnamese decimal sign;
- ``word/fontTable.xml``: Times New Roman only; ``word/theme/theme1.xml``: a theme whose
  fonts are Times New Roman too (Word requires a theme; a theme font then cannot bring Calibri back);
- the page-number headers, the core and application properties, the relationships and
  content types.

Nothing here reads a template or the file system: :class:`Package` holds the parts and
writes them in one go (``save`` to a path or a stream), with fixed zip timestamps so that
the same plan always gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from tuyentruyen.render.ooxml import R_NS, W_NS, esc

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OD_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORD = "http://schemas.microsoft.com/office/word"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_TYPES = {
    "/word/document.xml": f"{_MAIN}.document.main+xml",
    "/word/styles.xml": f"{_MAIN}.styles+xml",
    "/word/settings.xml": f"{_MAIN}.settings+xml",
    "/word/fontTable.xml": f"{_MAIN}.fontTable+xml",
    "/word/theme/theme1.xml": "application/vnd.openxmlformats-officedocument.theme+xml",
    "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
}
HEADER_TYPE = f"{_MAIN}.header+xml"


@dataclass
class Styles:
    """The figures of the named styles (sizes in points, lengths in twips)."""

    font: str
    body_size: float
    first_line: int
    after: int  # space after a body paragraph
    line: float  # line spacing, a multiple of single
    table_size: float
    table_size_wide: float
    page_number_size: float
    table_space: int = 40  # before and after a paragraph in a table cell


# (style id, name shown in Word, based on, outline level or None, bold, italic)
HEADINGS = (("Heading1", "heading 1", 0, True, False), ("Heading2", "heading 2", 1, True, False),
            ("Heading3", "heading 3", 2, True, True))
BODY, BASIS, TABLE, TABLE_WIDE, TABLE_HEAD, HEADER = (
    "BodyText", "CanCu", "TableText", "TableTextWide", "TableHeading", "Header")


def _hp(pt: float) -> str:
    return str(round(pt * 2))


def _size(pt: float) -> str:
    return f'<w:sz w:val="{_hp(pt)}"/><w:szCs w:val="{_hp(pt)}"/>'


def styles_xml(s: Styles) -> str:
    """styles.xml: defaults and the named styles (Word's built-in names where Word has one, so
    its navigation pane, outline view and table of contents know the headings).

    - Normal: Times New Roman at the body size, single spacing, nothing after;
    - Body Text (BodyText): justified, first-line indent, the space after (every paragraph of
      the body: Điều, items a), b), paragraphs of the sections);
    - Căn cứ (CanCu): Body Text in italic (the bases and the proposal line);
    - heading 1–3 (Heading1–3): the I., 1., 1.1./a) headings, bold (the third bold italic),
      kept with the next paragraph, outline levels 1–3;
    - Chữ trong bảng (TableText, TableTextWide for wide tables), Tiêu đề bảng (TableHeading);
    - header: the page number."""
    font = esc(s.font)
    out = [XML_HEAD, f'<w:styles xmlns:w="{W_NS}">',
           "<w:docDefaults><w:rPrDefault><w:rPr>",
           f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>',
           _size(s.body_size), '<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>',
           "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>",
           '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
           "</w:pPr></w:pPrDefault></w:docDefaults>",
           '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
           f'<w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/></w:rPr>'
           "</w:style>",
           '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
           '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>'
           "</w:style>",
           '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
           '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
           '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
           '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
           '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
           '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>']
    body_ppr = (f'<w:spacing w:after="{s.after}" w:line="{round(s.line * 240)}" w:lineRule="auto"/>'
                f'<w:ind w:firstLine="{s.first_line}"/><w:jc w:val="both"/>')
    out.append(f'<w:style w:type="paragraph" w:styleId="{BODY}"><w:name w:val="Body Text"/>'
               f'<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{body_ppr}</w:pPr></w:style>')
    out.append(f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{BASIS}"><w:name w:val="Căn cứ"/>'
               f'<w:basedOn w:val="{BODY}"/><w:qFormat/><w:rPr><w:i/><w:iCs/></w:rPr></w:style>')
    for sid, name, level, bold, italic in HEADINGS:
        rpr = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
        out.append(f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>'
                   f'<w:basedOn w:val="{BODY}"/><w:next w:val="{BODY}"/><w:uiPriority w:val="9"/><w:qFormat/>'
                   f'<w:pPr><w:keepNext/><w:numPr><w:numId w:val="0"/></w:numPr>{body_ppr}'
                   f'<w:outlineLvl w:val="{level}"/></w:pPr><w:rPr>{rpr}</w:rPr></w:style>')
        # numId 0 (no list) and the body's figures written again: LibreOffice would otherwise put its
        # outline numbering's indents (none) on the headings
    table_ppr = f'<w:spacing w:before="{s.table_space}" w:after="{s.table_space}" w:line="240" w:lineRule="auto"/>'
    out.append(f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{TABLE}"><w:name w:val="Chữ trong bảng"/>'
               f'<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{table_ppr}</w:pPr><w:rPr>{_size(s.table_size)}'
               "</w:rPr></w:style>")
    out.append(f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{TABLE_WIDE}">'
               f'<w:name w:val="Chữ trong bảng rộng"/><w:basedOn w:val="{TABLE}"/><w:qFormat/>'
               f"<w:rPr>{_size(s.table_size_wide)}</w:rPr></w:style>")
    out.append(f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{TABLE_HEAD}">'
               f'<w:name w:val="Tiêu đề bảng"/><w:basedOn w:val="{TABLE}"/><w:qFormat/>'
               '<w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>')
    out.append(f'<w:style w:type="paragraph" w:styleId="{HEADER}"><w:name w:val="header"/>'
               '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
               f'<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr>{_size(s.page_number_size)}</w:rPr></w:style>')
    out.append("</w:styles>")
    return "".join(out)


def settings_xml() -> str:
    """settings.xml in the schema's order: compatibility mode 15 (Word 2013 and later)."""
    compat = "".join(f'<w:compatSetting w:name="{name}" w:uri="{WORD}" w:val="{val}"/>' for name, val in (
        ("compatibilityMode", "15"), ("overrideTableStyleFontSizeAndJustification", "1"),
        ("enableOpenTypeFeatures", "1"), ("doNotFlipMirrorIndents", "1"), ("differentiateMultirowTableHeaders", "1")))
    return (f'{XML_HEAD}<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
            '<w:characterSpacingControl w:val="doNotCompress"/>'
            f"<w:compat>{compat}</w:compat>"
            '<w:themeFontLang w:val="vi-VN"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
            "</w:settings>")


def font_table_xml(font: str) -> str:
    f = esc(font)
    return (f'{XML_HEAD}<w:fonts xmlns:w="{W_NS}"><w:font w:name="{f}"><w:panose1 w:val="02020603050405020304"/>'
            '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>')


def theme_xml(font: str) -> str:
    """A minimal complete DrawingML theme (colours, fonts, formats) with the document's font."""
    f = esc(font)
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    colours = "".join(f"<a:{name}><a:srgbClr val=\"{rgb}\"/></a:{name}>" for name, rgb in (
        ("accent1", "4472C4"), ("accent2", "ED7D31"), ("accent3", "A5A5A5"), ("accent4", "FFC000"),
        ("accent5", "5B9BD5"), ("accent6", "70AD47"), ("hlink", "0563C1"), ("folHlink", "954F72")))
    solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="6350" cap="flat" cmpd="sng" algn="ctr">{solid}<a:prstDash val="solid"/></a:ln>'
    fonts = f'<a:latin typeface="{f}"/><a:ea typeface=""/><a:cs typeface=""/>'
    return (f'{XML_HEAD}<a:theme xmlns:a="{a}" name="tt"><a:themeElements><a:clrScheme name="tt">'
            '<a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>'
            '<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>'
            f'{colours}</a:clrScheme><a:fontScheme name="tt"><a:majorFont>{fonts}</a:majorFont>'
            f'<a:minorFont>{fonts}</a:minorFont></a:fontScheme><a:fmtScheme name="tt">'
            f"<a:fillStyleLst>{solid * 3}</a:fillStyleLst><a:lnStyleLst>{line * 3}</a:lnStyleLst>"
            "<a:effectStyleLst>" + "<a:effectStyle><a:effectLst/></a:effectStyle>" * 3 + "</a:effectStyleLst>"
            f"<a:bgFillStyleLst>{solid * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements>"
            "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>")


def header_xml(paragraph: str) -> str:
    return f'{XML_HEAD}<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{paragraph}</w:hdr>'


def _core_xml(props: dict[str, str]) -> str:
    dc = {"title": "dc:title", "subject": "dc:subject", "creator": "dc:creator", "description": "dc:description",
          "language": "dc:language", "last_modified_by": "cp:lastModifiedBy"}
    inner = "".join(f"<{dc[k]}>{esc(v)}</{dc[k]}>" for k, v in props.items() if v and k in dc)
    return (f'{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{inner}</cp:coreProperties>')


def _app_xml() -> str:
    return (f'{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Application>tt (tuyentruyen)</Application><DocSecurity>0</DocSecurity></Properties>")


@dataclass
class Package:
    """The parts of one .docx; :meth:`save` writes them as a zip.

    ``document`` is the body's XML (everything inside w:body); ``headers`` the page headers by
    relationship id (the sections' w:headerReference elements name them)."""

    document: str
    styles: str
    headers: dict[str, str] = field(default_factory=dict)
    core: dict[str, str] = field(default_factory=dict)
    font: str = "Times New Roman"

    def parts(self) -> dict[str, bytes]:
        rels = [("rIdStyles", "styles", "styles.xml"), ("rIdSettings", "settings", "settings.xml"),
                ("rIdFonts", "fontTable", "fontTable.xml"), ("rIdTheme", "theme", "theme/theme1.xml")]
        parts: dict[str, str] = {
            "word/document.xml": (f'{XML_HEAD}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
                                  f"{self.document}</w:body></w:document>"),
            "word/styles.xml": self.styles,
            "word/settings.xml": settings_xml(),
            "word/fontTable.xml": font_table_xml(self.font),
            "word/theme/theme1.xml": theme_xml(self.font),
            "docProps/core.xml": _core_xml(self.core),
            "docProps/app.xml": _app_xml(),
        }
        types = dict(_TYPES)
        for k, (rid, xml) in enumerate(self.headers.items(), 1):
            name = f"header{k}.xml"
            parts[f"word/{name}"] = xml
            rels.append((rid, "header", name))
            types[f"/word/{name}"] = HEADER_TYPE
        parts["word/_rels/document.xml.rels"] = (
            f'{XML_HEAD}<Relationships xmlns="{REL_NS}">'
            + "".join(f'<Relationship Id="{rid}" Type="{OD_REL}/{kind}" Target="{target}"/>' for rid, kind, target in rels)
            + "</Relationships>")
        parts["_rels/.rels"] = (
            f'{XML_HEAD}<Relationships xmlns="{REL_NS}">'
            f'<Relationship Id="rId1" Type="{OD_REL}/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{OD_REL}/extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>")
        parts["[Content_Types].xml"] = (
            f'{XML_HEAD}<Types xmlns="{CT_NS}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(f'<Override PartName="{name}" ContentType="{ct}"/>' for name, ct in types.items())
            + "</Types>")
        order = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels"]
        order += sorted(n for n in parts if n not in order)
        return {name: parts[name].encode("utf-8") for name in order}

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        self.save(buf)
        return buf.getvalue()

    def save(self, target) -> None:
        """Write the package to a path (str or Path) or a binary stream."""
        stream = open(target, "wb") if isinstance(target, (str, Path)) else target  # noqa: SIM115
        try:
            with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
                for name, data in self.parts().items():
                    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    z.writestr(info, data)
        finally:
            if stream is not target:
                stream.close()
