"""The Hà Giang 2023 sample: Quyết định 233/QĐ-UBND issuing the Kế hoạch tuyên truyền CCHC
năm 2023, with its 15-row Phụ lục (seed 004).

Two transcriptions of one document: the corrected plan (plans/ha-giang/2023.yaml) and the
published original with its real mistakes (tests/fixtures/seeds/ha-giang/2023.yaml), whose
mistakes are listed, by line, in 2023.errors.yaml beside it. These tests check that both are
valid, complete and verbatim (against the seed text when shared/ is beside the repository),
that they differ only by the listed corrections, and that the errors file is exact.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, PLANS, ROOT, run_tt
from tuyentruyen.api import load_plan, load_registry

PLAN = PLANS / "ha-giang" / "2023.yaml"
REGISTRY = PLANS / "ha-giang" / "units.yaml"
ORIGINAL = FIXTURES / "seeds" / "ha-giang" / "2023.yaml"
ORIGINAL_REGISTRY = FIXTURES / "seeds" / "ha-giang" / "units.yaml"
ERRORS = FIXTURES / "seeds" / "ha-giang" / "2023.errors.yaml"
SEED = ROOT.parent / "shared" / "seeds" / "004_1f5d7e236c7063e7.txt"

# The typos of the published text and their corrections (seeds/README.md, the task brief).
TYPOS = {"CQHCCNN": "CQHCNN", "CQHCCN": "CQHCNN", "CBCCVN": "CBCCVC", "buru chính": "bưu chính", "băng zôn": "băng rôn",
         "PaPi, Par index, Sipas": "PAPI, PAR INDEX, SIPAS"}
# Names in the original's unit columns that no registry entry can hold, and what they mean.
BAD_NAMES = {"Chỉ trì: Sở Nội vụ": ["so-noi-vu"], "Báo nhân dân/Vietnamnet": ["bao-nhan-dan", "vietnamnet"]}
DUES = ["Thường xuyên", "Quý I/2023", "Thường xuyên", "Quý I, Quý II/2023", "Quý II, Quý III/2023", "Năm 2023",
        "Năm 2023", "Quý II, III, IV/2023", "Quý II, III, IV/2023", "Quý II, III/2023", "Quý III- IV/2023",
        "Định kỳ hằng quý", "Quý II, III, IV/2023", "Thường xuyên", "Năm 2023"]
KINDS = {"typo", "cross-reference", "malformed-symbol", "multiple-leads", "unit-variant", "unknown-unit"}


@pytest.fixture(scope="module")
def plan():
    loaded = load_plan(PLAN)
    assert loaded.plan is not None, [p.message for p in loaded.problems]
    return loaded


@pytest.fixture(scope="module")
def original():
    loaded = load_plan(ORIGINAL)
    assert loaded.plan is not None, [p.message for p in loaded.problems]
    return loaded


@pytest.fixture(scope="module")
def registry():
    loaded = load_registry(REGISTRY)
    assert loaded.registry is not None, [p.message for p in loaded.problems]
    return loaded.registry


@pytest.fixture(scope="module")
def names(registry):
    """Every name of the registry (canonical, short, alias) → its unit."""
    out = {}
    for unit in registry.units:
        for name in (unit.name, *unit.short, *unit.aliases):
            out[name] = unit
    return out


@pytest.fixture(scope="module")
def errors():
    return yaml.safe_load(ERRORS.read_text(encoding="utf-8"))


def strings(node, path=()):
    """(path, text) of every string in plain YAML data."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from strings(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from strings(v, path + (i,))
    elif isinstance(node, str):
        yield path, node


def unit_fields(p):
    """(where, name) of every unit reference of a plan model: task lead/support, duty and item units."""
    for _gi, ti, _g, task in p.iter_tasks():
        for name in task.lead:
            yield ("lead", ti), name
        for name in task.support:
            yield ("support", ti), name
    for section in p.plan.sections:
        for di, duty in enumerate(section.duties):
            for name in duty.unit:
                yield ("duty", di), name
            for ii, item in enumerate(duty.items):
                if item.unit:
                    yield ("item", di, ii), item.unit


# ---------------------------------------------------------------- validity


def test_corrected_plan_and_its_registry_validate_clean():
    res = run_tt("validate", "--schema-only", str(PLAN), str(REGISTRY))
    assert res.code == 0, res.text
    assert "TT-" not in res.text, res.text


def test_original_is_schema_valid_its_mistakes_are_for_the_lint_rules():
    res = run_tt("validate", "--schema-only", str(ORIGINAL), str(ORIGINAL_REGISTRY))
    assert res.code == 0, res.text


def test_both_files_point_the_editor_at_the_schema():
    for path, schema in [(PLAN, "plan"), (REGISTRY, "units"), (ORIGINAL, "plan"), (ORIGINAL_REGISTRY, "units")]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert m, f"{path}: dòng đầu phải là modeline của yaml-language-server"
        target = (path.parent / m.group(1)).resolve()
        assert target == (ROOT / "docs" / "schema" / f"{schema}.schema.json").resolve() and target.is_file()


def test_the_original_uses_the_same_registry(registry):
    other = load_registry(ORIGINAL_REGISTRY).registry
    assert other == registry, "tests/fixtures/seeds/ha-giang/units.yaml phải trùng plans/ha-giang/units.yaml"


# ---------------------------------------------------------------- completeness (both files)


@pytest.mark.parametrize("which", ["plan", "original"])
def test_the_decision_is_complete(which, request):
    p = request.getfixturevalue(which).plan
    doc = p.document
    assert (doc.type.value, doc.number, doc.symbol, doc.place, str(doc.date)) == (
        "quyet-dinh", 233, "QĐ-UBND", "Hà Giang", "2022-12-19")
    assert doc.issuer.header == ["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG"]
    assert doc.title == ("Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2023 "
                         "trên địa bàn tỉnh Hà Giang")
    assert [(b.type, b.number, str(b.date)) for b in doc.bases] == [
        ("Luật", None, "2015-06-19"), ("Luật", None, "2019-11-22"), ("Nghị quyết", "76/NQ-CP", "2021-07-15"),
        ("Chỉ thị", "23/CT-TTg", "2021-09-02"), ("Quyết định", "2250/QĐ-UBND", "2022-12-09")]
    assert (doc.signer.prefix, doc.signer.position, doc.signer.name) == (None, "CHỦ TỊCH", "Nguyễn Văn Sơn")
    assert doc.recipients == [
        "Như Điều 3", "Bộ Nội vụ", "TTr Tỉnh ủy", "TTr HĐND tỉnh", "Chủ tịch, các PCT UBND tỉnh",
        "Ủy ban Mặt trận Tổ quốc tỉnh và các Đoàn thể Chính trị - Xã hội tỉnh", "Báo Hà Giang, Đài PT-TH tỉnh"]
    assert (doc.archive, doc.copies) == (["VT", "PVHCC", "ĐM"], 50)
    d = p.decision
    assert d.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG"
    assert d.proposal == "Giám đốc Sở Nội vụ tại Tờ trình số 551/TTr-SNV ngày 12 tháng 12 năm 2022"
    assert d.executors[0] == "Chánh Văn phòng Ủy ban nhân dân tỉnh" and len(d.executors) == 5
    assert d.executors[-1] == "Chủ tịch Ủy ban nhân dân các huyện, thành phố và cơ quan, đơn vị liên quan"


@pytest.mark.parametrize("which", ["plan", "original"])
def test_the_plan_is_complete(which, request):
    p = request.getfixturevalue(which).plan
    assert (p.plan.title, p.plan.year) == ("Tuyên truyền cải cách hành chính năm 2023 trên địa bàn tỉnh Hà Giang", 2023)
    secs = p.plan.sections
    assert [s.heading for s in secs] == [
        "Mục đích, yêu cầu", "Đối tượng, nội dung, hình thức tuyên truyền", "Giải pháp", "Kinh phí bảo đảm",
        "Tổ chức thực hiện"]
    assert [(s.heading, s.kind.value, len(s.items)) for s in secs[0].sections + secs[1].sections] == [
        ("Mục đích", "purpose", 4), ("Yêu cầu", "requirements", 2), ("Đối tượng", "audience", 0),
        ("Nội dung tuyên truyền", "content", 6), ("Hình thức tuyên truyền", "forms", 10)]
    content = secs[1].sections[1]
    assert len(content.items[3].bullets) == 8 and content.items[3].text.endswith("những nội dung cơ bản sau đây:")
    assert content.closing == ["(Có Phụ lục một số nhiệm vụ trọng tâm năm 2023 đính kèm)"]
    assert [(s.kind.value, s.marker.value, len(s.items)) for s in secs[2:4]] == [
        ("solutions", "number", 6), ("budget", "number", 3)]

    duties = secs[4].duties
    assert secs[4].kind.value == "organization" and len(duties) == 9
    assert [len(d.items) for d in duties] == [6, 3, 4, 0, 6, 2, 7, 0, 0]
    assert duties[0].text == ["Chủ trì, phối hợp với các sở, ngành, cơ quan, đơn vị liên quan thực hiện những nội dung sau:"]
    assert [i.unit is not None for i in duties[1].items] == [True, False, True]
    assert duties[0].items[5].text.startswith("Chủ trì, triển khai việc khen thưởng chuyên đề")
    assert duties[4].unit == ["Đài Phát thanh - Truyền hình tỉnh", "Báo Hà Giang"]
    assert duties[6].heading == ("Các sở, ban, ngành; các cơ quan Trung ương được tổ chức theo ngành dọc tại tỉnh; "
                                 "UBND cấp huyện, UBND cấp xã")
    assert duties[8].heading.startswith("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Giang")
    assert p.plan.closing.endswith("(qua Sở Nội vụ tổng hợp) xem xét, giải quyết./.")


@pytest.mark.parametrize("which", ["plan", "original"])
def test_the_appendix_is_complete(which, request):
    p = request.getfixturevalue(which).plan
    tasks = [t for *_, t in p.iter_tasks()]
    assert p.appendix.title == "CÁC NHIỆM VỤ TRỌNG TÂM TUYÊN TRUYỀN CCHC NĂM 2023 TRÊN ĐỊA BÀN TỈNH HÀ GIANG"
    assert len(tasks) == 15 and len({t.id for t in tasks}) == 15
    assert [t.due for t in tasks] == DUES  # times stay as written: they are valid forms
    assert tasks[1].forms == [] and [len(t.forms) for t in (tasks[0], tasks[13])] == [2, 2]
    # rows 4 and 11 run over a page break in the published table: joined
    assert "các kiến thức về việc cải thiện" in tasks[3].content and tasks[3].quantity == "01 lớp, 40 người"
    assert "chỉ số hài lòng của người dân, tổ chức" in tasks[10].content
    assert [t.quantity for t in tasks if t.quantity] == [
        "01 lớp, 40 người", "khoảng 1000 lượt cán bộ, công chức", "4 bài", "4 chuyên mục", "12 bài/1 năm",
        "12 chuyên mục/năm"]


def test_every_time_is_readable_and_inside_2023(plan):
    from tuyentruyen.vn.timeexpr import Kind, parse_time

    for *_, task in plan.plan.iter_tasks():
        expr = parse_time(task.due, 2023)
        assert expr.kind in (Kind.CONTINUOUS, Kind.WINDOW, Kind.RECURRENCE), (task.id, task.due, expr)
        if expr.kind is Kind.WINDOW:
            assert expr.start.year == expr.end.year == 2023, (task.id, task.due)


# ---------------------------------------------------------------- what differs


def test_the_original_keeps_its_mistakes(original):
    p = original.plan
    assert p.plan.reference == ("(Ban hành kèm theo Quyết định số 233/QĐ - UBND ngày 19/12/2022 "
                                "của Ủy ban nhân dân tỉnh Hà Giang)")
    assert p.appendix.reference == ("(Kèm theo Quyết định số 2338/QĐ-UBND ngày 19 tháng 12 năm 2022 "
                                    "của UBND tỉnh Hà Giang)")
    tasks = [t for *_, t in p.iter_tasks()]
    assert tasks[12].lead == ["Sở Văn hóa Thể thao và Du lịch", "Sở Kế hoạch và Đầu tư"]
    assert [t.lead for t in tasks[3:7]] == [["Chỉ trì: Sở Nội vụ"]] * 4
    text = "\n".join(s for _, s in strings(original.yaml.data))
    for typo in TYPOS:
        assert typo in text


def test_the_corrected_plan_has_none_of_them(plan):
    p = plan.plan
    assert p.plan.reference is None and p.appendix.reference is None  # tt generates both lines
    assert all(len(t.lead) == 1 for *_, t in p.iter_tasks())
    t13 = [t for *_, t in p.iter_tasks()][12]
    assert t13.lead == ["Sở Văn hóa, Thể thao và Du lịch"] and t13.support[0] == "Sở Kế hoạch và Đầu tư"
    for path, s in strings(plan.yaml.data):
        for typo in (*TYPOS, "Chỉ trì"):
            assert typo not in s, f"{path}: còn '{typo}'"


def test_units_resolve_and_specific_units_use_their_canonical_name(plan, original, names):
    for where, name in unit_fields(plan.plan):
        assert name in names, f"{where}: '{name}' không có trong sổ đơn vị"
        unit = names[name]
        if unit.kind.value != "nhom":  # group phrases stay as printed ("Các sở, ngành")
            assert name == unit.name, f"{where}: '{name}' nên viết bằng tên chuẩn '{unit.name}'"
    unknown = {name for _, name in unit_fields(original.plan) if name not in names}
    assert unknown == set(BAD_NAMES)


def test_the_two_differ_only_by_the_corrections(plan, original, names):
    def ids(name):
        return BAD_NAMES.get(name) or [names[name].id]

    fixed = original.plan.plan.model_dump(exclude={"reference"})
    corrected = plan.plan.plan.model_dump(exclude={"reference"})

    def mend(node):
        if isinstance(node, dict):
            return {k: (mend(v) if k != "unit" else v) for k, v in node.items()}
        if isinstance(node, list):
            return [mend(v) for v in node]
        if isinstance(node, str):
            for bad, good in TYPOS.items():
                node = node.replace(bad, good)
        return node

    def units_as_ids(node):
        if isinstance(node, dict):
            out = {k: units_as_ids(v) for k, v in node.items() if k != "unit"}
            if node.get("unit") is not None:
                out["unit"] = [i for n in ([node["unit"]] if isinstance(node["unit"], str) else node["unit"])
                               for i in ids(n)]
            return out
        if isinstance(node, list):
            return [units_as_ids(v) for v in node]
        return node

    assert units_as_ids(mend(fixed)) == units_as_ids(corrected)

    before = [t for *_, t in original.plan.iter_tasks()]
    after = [t for *_, t in plan.plan.iter_tasks()]
    for old, new in zip(before, after, strict=True):
        same = ("id", "content", "forms", "due", "quantity", "budget", "notes")
        assert mend(old.model_dump(include=set(same))) == new.model_dump(include=set(same)), old.id
        old_lead = [i for n in old.lead for i in ids(n)]
        old_all = old_lead + [i for n in old.support for i in ids(n)]
        new_all = [i for n in new.lead + new.support for i in ids(n)]
        assert sorted(old_all) == sorted(new_all), old.id
        assert [i for n in new.lead for i in ids(n)] == old_lead[:1], old.id
    assert original.plan.document == plan.plan.document
    assert original.plan.decision == plan.plan.decision


# ---------------------------------------------------------------- the errors file


def test_every_listed_mistake_is_on_its_line(errors, original):
    assert errors and all(set(e) == {"line", "kind", "text", "note"} for e in errors)
    for e in errors:
        assert e["kind"] in KINDS, e
        assert e["text"] in original.source.line(e["line"]), f"dòng {e['line']} không chứa '{e['text']}'"


def test_every_kept_mistake_is_listed(errors, original):
    """Each line of the original that holds a known mistake is in the errors file."""
    listed = {(e["line"], e["text"]) for e in errors}
    lines = original.source.lines
    for n, line in enumerate(lines, 1):
        if line.lstrip().startswith("#"):
            continue
        for typo in (*TYPOS, "Chỉ trì"):
            # "CQHCCN" is also inside "CQHCCNN": each is looked for on its own
            if typo in line.replace("CQHCCNN", "") or (typo == "CQHCCNN" and typo in line):
                assert (n, typo) in listed, f"dòng {n}: '{typo}' chưa có trong 2023.errors.yaml"
    kinds = {e["kind"] for e in errors}
    assert {"cross-reference", "malformed-symbol", "multiple-leads", "typo", "unit-variant"} <= kinds


def test_every_listed_name_is_gone_from_the_corrected_plan(errors, plan):
    used = {name for _, name in unit_fields(plan.plan)}
    for e in errors:
        if e["kind"] in ("unit-variant", "unknown-unit"):
            assert e["text"] not in used, e


# ---------------------------------------------------------------- verbatim, against the seed


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("*", " ").split()).casefold()


@pytest.fixture(scope="module")
def seed_cells():
    """The seed's paragraphs and table cells (rows broken over a page joined), normalized."""
    if not SEED.is_file():
        pytest.skip("shared/seeds/ không có bên cạnh kho mã")
    text = SEED.read_text(encoding="utf-8")
    body, table = text.split("TT\tNội dung\tHình thức tuyên truyền\tCơ quan, đơn vị thực hiện\tThời gian\n")
    rows: list[list[str]] = []
    for line in filter(str.strip, table.split("\n")):
        cells = line.split("\t")
        if cells[0].strip():
            rows.append(cells)
        else:  # the rest of the row above, after a page break
            rows[-1] = [a + " " + b if b.strip() else a for a, b in zip(rows[-1], cells + [""] * 5)]
    return [_fold(p) for p in body.split("\n\n") if p.strip()], [_fold(c) for r in rows for c in r]


def test_the_original_is_verbatim(original, seed_cells):
    paragraphs, cells = seed_cells
    whole = " ".join(paragraphs) + "\n" + "\n".join(cells)  # " ": paragraphs broken by a page run on
    skip = {("tt",), ("document", "type")}
    for path, s in strings(original.yaml.data):
        if path in skip or path[-1] in ("id", "kind", "marker"):
            continue
        assert _fold(s) in whole, f"{'.'.join(map(str, path))}: '{s[:80]}' không có trong văn bản gốc"


def test_every_paragraph_of_the_plan_is_transcribed(original, seed_cells):
    paragraphs, _ = seed_cells
    have = {_fold(s) for _, s in strings(original.yaml.data)}
    p = original.plan
    for section in p.plan.sections:
        for duty in section.duties:
            have.add(_fold(", ".join(duty.unit)))
            have.update(_fold(f"{i.unit}: {i.text}") for i in duty.items if i.unit)
    start = next(i for i, q in enumerate(paragraphs) if q.startswith("i. mục đích"))
    end = paragraphs.index("phụ lục")
    marker = re.compile(r"^(?:[a-zđ]\) |- |\d+\. |[ivx]+\. )")
    pieces: list[str] = []
    for para in paragraphs[start:end]:  # "I. MỤC ĐÍCH, YÊU CẦU**1. Mục đích**" holds two headings
        pieces += re.split(r" (?=\d\. )", para) if re.match(r"[ivx]+\. ", para) else [para]
    for piece in pieces:
        piece = marker.sub("", piece)
        assert any(piece in h for h in have), f"chưa chép: '{piece[:80]}'"
