"""Every .docx tt writes is one Word opens as its own (issue 13): valid against the OOXML schema and
Word's compatibility rules (openxml-audit, tests/render/ooxml_check.py), with a styles part made
for tt, and styles a clerk restyles the whole document with.

Files checked: the sample plans of plans/, the render fixtures, the stress plans (long issuer,
three-line trích yếu, 300 rows, 15 supporting units), a draft, the two-level header, the results
report (`tt render --report`), the assignment sheets (`tt tasks --docx`) and the Bảng so sánh
(`tt diff --docx`, tests/diff/test_diff_docx.py).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from tests.conftest import PLANS, run_tt
from tests.render import stress
from tests.render.docx_reader import Doc, alignment, outline_level
from tests.render.ooxml_check import assert_word_native
from tests.render.support import PLAN_DIR

SAMPLES = sorted(p for p in PLANS.glob("*/*.yaml") if p.name != "units.yaml" and ".progress." not in p.name)
FIXTURES = sorted(p for p in PLAN_DIR.glob("*.yaml") if p.name != "hostile.yaml")


def render(plan: Path, out: Path, *extra: str) -> Path:
    r = run_tt("render", str(plan), "--docx", "-o", str(out), *extra)
    assert r.code == 0, r.text
    return out


@pytest.mark.parametrize("plan", SAMPLES + FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_sample_and_fixture_is_word_native(tmp_path, plan):
    assert_word_native(render(plan, tmp_path / "out.docx"), styles=True)


@pytest.mark.parametrize("name", list(stress.STRESS))
def test_stress_plans_are_word_native(tmp_path, name):
    plan = stress.write(stress.STRESS[name](), tmp_path / "plans", f"{name}.yaml")
    assert_word_native(render(plan, tmp_path / "out.docx"), styles=True)


def test_a_draft_and_the_two_level_header_are_word_native(tmp_path):
    assert_word_native(render(PLAN_DIR / "qd-ha-giang.yaml", tmp_path / "draft.docx", "--draft"), styles=True)
    (tmp_path / "plans").mkdir()
    plan = tmp_path / "plans" / "kh.yaml"
    plan.write_text((PLAN_DIR / "kh-quang-ngai.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "tt.toml").write_text('[render]\nunits = "two-level"\n', encoding="utf-8")
    assert_word_native(render(plan, tmp_path / "two.docx"), styles=True)


def test_the_report_and_the_assignment_sheets_are_word_native(tmp_path):
    plan = PLANS / "ha-giang" / "2023.yaml"
    r = run_tt("render", "--report", str(plan), "-o", str(tmp_path / "bao-cao.docx"))
    assert r.code == 0, r.text
    assert_word_native(tmp_path / "bao-cao.docx")
    r = run_tt("tasks", str(plan), "--docx", str(tmp_path / "phan-cong.docx"))
    assert r.code in (0, 1), r.text
    assert_word_native(tmp_path / "phan-cong.docx")


def test_the_validator_catches_what_word_would_repair(tmp_path):
    """The check is not a formality: a stale stylesWithEffects part, a wrong element order and a
    w:tblHeader w:val="true" are each reported."""
    from tests.render.ooxml_check import findings

    good = render(PLAN_DIR / "qd-ha-giang.yaml", tmp_path / "good.docx")
    with zipfile.ZipFile(good) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    document = parts["word/document.xml"].decode("utf-8")
    broken = document.replace("<w:tblHeader/>", '<w:tblHeader w:val="true"/>', 1)
    broken = re.sub(r'(<w:spacing [^>]*/>)(<w:jc w:val="center"/>)', r"\2\1", broken, count=1)
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(bad, "w") as z:
        for name, data in parts.items():
            z.writestr(name, broken.encode("utf-8") if name == "word/document.xml" else data)
    verdict, errors = findings(bad)
    assert verdict != "opens-clean"
    assert any("spacing" in e for e in errors) and any("tblHeader" in e or "'true'" in e for e in errors)


@pytest.fixture(scope="module")
def hg(tmp_path_factory) -> Doc:
    out = tmp_path_factory.mktemp("hg") / "hg.docx"
    return Doc(render(PLANS / "ha-giang" / "2023.yaml", out))


def test_body_headings_bases_and_tables_are_named_styles(hg):
    """One style change restyles the document: body paragraphs take justification, indent and
    spacing from Body Text (none of their own), headings their bold and outline level from
    heading 1–3, the bases their italic from Căn cứ, table cells their size from Chữ trong bảng."""
    styles = {}
    for p in hg.all_paragraphs():
        styles.setdefault(p.style.name, []).append(p)
    assert {"Body Text", "Căn cứ", "Heading 1", "Heading 2", "Chữ trong bảng", "Tiêu đề bảng"} <= set(styles)
    for p in styles["Body Text"] + styles["Căn cứ"]:
        ppr = p._p.pPr
        assert ppr.find(qn("w:ind")) is None and ppr.find(qn("w:jc")) is None
        assert ppr.find(qn("w:spacing")) is None
        assert all(r.font.size is None for r in p.runs)
    assert all(not r.italic for p in styles["Căn cứ"] for r in p.runs)  # italic by the style, not the run
    assert all(hg.fmt(p).italic for p in styles["Căn cứ"])
    assert [p.text.split(" ", 1)[0] for p in styles["Heading 1"]] == ["I.", "II.", "III.", "IV.", "V."]
    assert all(outline_level(p) == 0 for p in styles["Heading 1"])
    assert all(outline_level(p) == 1 for p in styles["Heading 2"])
    assert all(hg.fmt(p).bold and not any(r.bold for r in p.runs) for p in styles["Heading 1"])
    assert all(r.font.size is None for p in styles["Chữ trong bảng"] for r in p.runs)
    assert outline_level(hg.find(r"^Điều 1\.")) is None  # articles are body text, not headings
    body = hg.d.styles["Body Text"]
    assert body.font.size is None and body.paragraph_format.first_line_indent is not None
    assert alignment(hg.find(r"^Điều 1\.")) == 3  # justified (WD_ALIGN_PARAGRAPH.JUSTIFY)


def test_one_change_of_body_text_restyles_every_body_paragraph(tmp_path, hg):
    """Change the size of Body Text in styles.xml (what a clerk does in Word): every body paragraph
    follows, the header and the table do not."""
    with zipfile.ZipFile(hg.path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    styles = parts["word/styles.xml"].decode("utf-8")
    at = styles.index('w:styleId="BodyText"')
    end = styles.index("</w:style>", at)
    styles = styles[:end] + '<w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>' + styles[end:]
    changed = tmp_path / "changed.docx"
    with zipfile.ZipFile(changed, "w") as z:
        for name, data in parts.items():
            z.writestr(name, styles.encode("utf-8") if name == "word/styles.xml" else data)
    doc = Doc(changed)
    body = [p for p in doc.all_paragraphs() if p.style.name in ("Body Text", "Căn cứ", "Heading 1", "Heading 2")
            and p.text.strip()]
    assert len(body) > 60
    assert {doc.runs(p)[0].size for p in body} == {12}
    assert doc.runs(doc.find(r"^CỘNG HÒA XÃ HỘI"))[0].size in (12, 12.5, 13)
