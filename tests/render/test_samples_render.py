"""The three sample plans of plans/ rendered to .docx and read back: structure, the
appendix rows equal to the plan's tasks, and cross-references computed independently
from the plan's metadata (so the document can never disagree with itself)."""

from __future__ import annotations

import pytest

from tests.render.docx_reader import Doc, norm, row_cells
from tests.render.support import SAMPLES
from tuyentruyen import api

NAMES = list(SAMPLES)
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def load(name: str):
    path = SAMPLES[name]
    if not path.is_file():
        pytest.skip(f"kế hoạch mẫu {path.name} chưa có")
    loaded = api.load_plan(path)
    assert loaded.plan is not None, loaded.problems
    return loaded.plan


def long_date(d) -> str:
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def doc_number(plan) -> str:
    return f"{plan.document.number:02d}/{plan.document.symbol}"


@pytest.mark.parametrize("name", NAMES)
def test_sections_and_orientation(sample_doc, name):
    plan = load(name)
    doc: Doc = sample_doc(name)
    expected = (["portrait"] if plan.is_decision else []) + ["portrait"] + (["landscape"] if plan.appendix else [])
    assert [("landscape" if s.page_width > s.page_height else "portrait") for s in doc.d.sections] == expected


@pytest.mark.parametrize("name", NAMES)
def test_header_number_and_date_from_the_metadata(sample_doc, name):
    plan = load(name)
    doc: Doc = sample_doc(name)
    d = plan.document
    assert doc.find(r"^Số: ").text == f"Số: {doc_number(plan)}"
    assert doc.find(rf"^{d.place}, ngày").text == f"{d.place}, {long_date(d.date)}"


@pytest.mark.parametrize("name", NAMES)
def test_cross_references_agree_with_the_document(sample_doc, name):
    plan = load(name)
    doc: Doc = sample_doc(name)
    d = plan.document
    kind = "Quyết định" if plan.is_decision else "Kế hoạch"
    of = d.issued_by or d.issuer.name
    if plan.is_decision:
        ref = doc.find(r"^\(Ban hành kèm theo")
        assert norm(ref.text) == f"(Ban hành kèm theo {kind} số {doc_number(plan)} {long_date(d.date)} của {of})"
    else:
        assert not doc.find_all(r"Ban hành kèm theo Quyết định")
    if plan.appendix is not None:
        ref = doc.find(r"^\(Kèm theo")
        assert norm(ref.text) == f"(Kèm theo {kind} số {doc_number(plan)} {long_date(d.date)} của {of})"


def test_known_numbers_of_the_samples(sample_doc):
    """Anchors: the real documents' numbers (the Hà Giang original wrongly said 2338/QĐ-UBND)."""
    hg = sample_doc("ha-giang-2023")
    assert norm(hg.find(r"^\(Kèm theo").text).startswith("(Kèm theo Quyết định số 233/QĐ-UBND ngày 19 tháng 12 năm 2022")
    assert sample_doc("quang-ngai-2023").find(r"^Số: ").text == "Số: 25/KH-UBND"
    assert sample_doc("xuan-loc-2024").find(r"^Xuân Lộc, ngày").text == "Xuân Lộc, ngày 22 tháng 02 năm 2024"


@pytest.mark.parametrize("name", NAMES)
def test_appendix_rows_equal_the_tasks(sample_doc, name):
    plan = load(name)
    doc: Doc = sample_doc(name)
    if plan.appendix is None:  # no table but the header and the signature
        assert len(doc.tables()) == 2 and not doc.find_all(r"^\(Kèm theo")
        return
    table = doc.tables()[-1]
    _header, *rows = table.rows
    expected = []
    groups = plan.appendix.groups if plan.appendix.groups is not None else [None]
    for gi, group in enumerate(groups):
        if group is not None:
            expected.append((ROMAN[gi], group.title))
        tasks = group.tasks if group is not None else plan.appendix.tasks
        for ti, task in enumerate(tasks, 1):
            expected.append((f"{ti:02d}" if plan.appendix.padded else str(ti), task.content))
    assert [(row_cells(r)[0].text, norm(row_cells(r)[1].text)) for r in rows] == [
        (n, norm(t)) for n, t in expected]


@pytest.mark.parametrize("name", NAMES)
def test_every_section_and_duty_heading_is_printed(sample_doc, name):
    plan = load(name)
    doc: Doc = sample_doc(name)
    texts = {norm(p.text) for p in doc.all_paragraphs()}
    for n, section in enumerate(plan.plan.sections, 1):
        assert f"{ROMAN[n - 1]}. {norm(section.heading).upper()}" in texts
        for j, sub in enumerate(section.sections, 1):
            assert f"{j}. {norm(sub.heading)}" in texts
        for j, duty in enumerate(section.duties, len(section.sections) + 1):
            heading = duty.heading or ("; " if any("," in u for u in duty.unit) else ", ").join(duty.unit)
            assert f"{j}. {norm(heading)}" in texts


@pytest.mark.parametrize("name", NAMES)
def test_recipients_and_signer(sample_doc, name):
    plan = load(name)
    doc: Doc = sample_doc(name)
    sig = doc.tables()[1]
    left, right = row_cells(sig.rows[0])
    # a recipient too long for its column wraps between words, inside its own line
    lines = [norm(p.text) for p in left.paragraphs if p.text]
    assert lines[0] == "Nơi nhận:"
    assert lines[1:-1] == [f"- {r.rstrip(';.')};" for r in plan.document.recipients]
    assert lines[-1].startswith("- Lưu: " + ", ".join(plan.document.archive))
    assert [p.text for p in right.paragraphs if p.text][-1] == plan.document.signer.name
