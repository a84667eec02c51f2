"""Is a .docx one Word opens as its own? The OOXML validator, and what a reviewer checks by hand.

The validator is openxml-audit (PyPI, MIT, pure Python): the ECMA-376 schemas of Office (the
Microsoft 365 profile: element order, values, relationships, content types) and its Microsoft
Word compatibility rules ("app-compat": a stylesWithEffects part that disagrees with
styles.xml, defaults Word rewrites…); its verdict must be "opens clean". Without the package
the check is skipped, with the reason.

Besides the validator, each file must have: no stylesWithEffects.xml, compatibility mode 15
(current Word), the named styles (Body Text, Căn cứ, heading 1–3 with outline levels, Chữ trong
bảng) when it is a rendered plan, a body that ends with a paragraph, and no `w:tblHeader w:val`.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

WORD = "http://schemas.microsoft.com/office/word"


def validator():
    """The validator (Microsoft 365 profile), or skip the test saying why."""
    try:
        from openxml_audit import FileFormat, OpenXmlValidator
    except ImportError:  # pragma: no cover - the test extra installs it
        pytest.skip("thiếu openxml-audit (pip install -e '.[test]'): không kiểm tra được lược đồ OOXML")
    return OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0)


def findings(path: Path) -> tuple[str, list[str]]:
    """(verdict, findings) of the validator for one file."""
    from openxml_audit import predict

    result = validator().validate(str(path))
    verdict = predict(result)
    return verdict.prediction.value, [str(e) for e in result.errors]


def assert_word_native(path: Path, *, styles: bool = False) -> None:
    verdict, errors = findings(path)
    assert verdict == "opens-clean" and not errors, f"{path.name}: {verdict}\n" + "\n".join(errors[:20])
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        assert "word/stylesWithEffects.xml" not in names
        settings = z.read("word/settings.xml").decode("utf-8")
        assert f'<w:compatSetting w:name="compatibilityMode" w:uri="{WORD}" w:val="15"/>' in settings
        document = z.read("word/document.xml").decode("utf-8")
        style_xml = z.read("word/styles.xml").decode("utf-8")
    assert "Calibri" not in style_xml
    assert re.search(r"<w:p>(?:(?!</w:p>).)*</w:p><w:sectPr>(?:(?!<w:sectPr>).)*</w:sectPr></w:body>", document), \
        "the body does not end with a paragraph"
    assert "<w:tblHeader w:val" not in document
    if styles:
        for sid, name in (("BodyText", "Body Text"), ("CanCu", "Căn cứ"), ("Heading1", "heading 1"),
                          ("Heading2", "heading 2"), ("Heading3", "heading 3"), ("TableText", "Chữ trong bảng")):
            assert f'w:styleId="{sid}"><w:name w:val="{name}"/>' in style_xml, sid
        for level in range(3):
            assert f'<w:outlineLvl w:val="{level}"/>' in style_xml
