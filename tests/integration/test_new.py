"""`tt new`: next year's plan from last year's, or a plan from the template (issue 6, part 2)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import PLANS, ROOT, run_tt
from tuyentruyen import api
from tuyentruyen.edit.new import Shift, describe_issuer
from tuyentruyen.project.discover import is_progress_file

SAMPLES = sorted(p for p in PLANS.rglob("*.yaml") if not api.is_registry_file(p) and not is_progress_file(p))


@pytest.mark.parametrize("old,new,text,expected", [
    (2023, 2024, "Quý II/2023", "Quý II/2024"),
    (2023, 2024, "Quý I, Quý II/2023", "Quý I, Quý II/2024"),
    (2023, 2024, "Quý III- IV/2023", "Quý III- IV/2024"),
    (2025, 2026, "Quý I/25", "Quý I/26"),
    (2025, 2026, "trước ngày 15/3/2025", "trước ngày 15/3/2026"),
    (2025, 2026, "Tháng 01/2026", "Tháng 01/2027"),  # the report of the year, due in January
    (2023, 2024, "ngày 15 tháng 3 năm 2023", "ngày 15 tháng 3 năm 2024"),
    (2023, 2024, "Đánh giá kết quả năm 2022, triển khai năm 2023", "Đánh giá kết quả năm 2023, triển khai năm 2024"),
    (2024, 2025, "trước ngày 29/02/2024", "trước ngày 28/02/2025"),  # no 29/02 in 2025
    (2023, 2024, "trước ngày 29/02/2023", "trước ngày 29/02/2024"),  # an impossible date becomes a real one
    (2023, 2025, "Năm 2023", "Năm 2025"),
    # a working day that becomes a day off moves to the working day before it
    (2024, 2025, "trước ngày 15/3/2024", "trước ngày 14/3/2025"),  # Saturday in 2025
    (2025, 2026, "trước ngày 20/02/2025", "trước ngày 13/02/2026"),  # Tết 2026, then a weekend
    (2024, 2026, "trước ngày 29/02/2024", "trước ngày 27/02/2026"),  # no 29/02, and 28/02/2026 is a Saturday
    (2024, 2025, "ngày 15 tháng 3 năm 2024", "ngày 14 tháng 3 năm 2025"),
    (2025, 2026, "trước ngày 15/3/2025", "trước ngày 15/3/2026"),  # already a Saturday last year: kept
    # what cites other documents stays as written
    (2023, 2024, "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018", "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018"),
    (2023, 2024, "Quyết định số 124/QĐ-UBND ngày 30/01/2023 của Chủ tịch UBND tỉnh ban hành Kế hoạch năm 2023; "
                 "triển khai trong năm 2023",
     "Quyết định số 124/QĐ-UBND ngày 30/01/2023 của Chủ tịch UBND tỉnh ban hành Kế hoạch năm 2023; "
     "triển khai trong năm 2024"),
    (2023, 2024, "Nghị quyết số 14-NQ/TU ngày 24/8/2022 của Ban Thường vụ Tỉnh ủy",
     "Nghị quyết số 14-NQ/TU ngày 24/8/2022 của Ban Thường vụ Tỉnh ủy"),
    (2025, 2026, "giai đoạn 2021 - 2025", "giai đoạn 2021 - 2025"),
    (2025, 2026, "giai đoạn 2025-2030", "giai đoạn 2025-2030"),
    (2023, 2024, "Luật Tổ chức chính quyền địa phương năm 2015", "Luật Tổ chức chính quyền địa phương năm 2015"),
    (2023, 2024, "Thường xuyên", "Thường xuyên"),
    # issue 12: a citation is kept whole, whatever its symbol and however its date is written
    (2025, 2026, "Giám đốc Sở Nội vụ tại Công văn số 508/SNV-CCHC&PC ngày 19 tháng 12 năm 2025",
     "Giám đốc Sở Nội vụ tại Công văn số 508/SNV-CCHC&PC ngày 19 tháng 12 năm 2025"),
    (2023, 2024, "Xét Tờ trình số 118/TTr- STTTT ngày 20/12/2023 của Sở Thông tin và Truyền thông; báo cáo năm 2023",
     "Xét Tờ trình số 118/TTr- STTTT ngày 20/12/2023 của Sở Thông tin và Truyền thông; báo cáo năm 2024"),
    (2023, 2024, "Công văn số 5104/BTTTT-PTTH&TTĐT ngày 20/12/2023 của Bộ Thông tin và Truyền thông hướng dẫn "
                 "tuyên truyền năm 2024", "Công văn số 5104/BTTTT-PTTH&TTĐT ngày 20/12/2023 của Bộ Thông tin và "
                 "Truyền thông hướng dẫn tuyên truyền năm 2024"),
    (2024, 2025, "Luật Đất đai năm 2024; tuyên truyền trong năm 2024", "Luật Đất đai năm 2024; tuyên truyền trong năm 2025"),
    (2024, 2025, "hội nghị ngày 19 tháng 12 năm 2024", "hội nghị ngày 19 tháng 12 năm 2025"),  # the plan's own date moves
    (2023, 2024, "Tổng đài 1022, 50.000.000 đồng", "Tổng đài 1022, 50.000.000 đồng"),
])
def test_year_shift(old, new, text, expected):
    assert Shift(old, new).text(text) == expected


def test_moved_dates_are_noted_with_the_reason():
    shift = Shift(2024, 2025)
    shift.text("trước ngày 29/02/2024, báo cáo trước ngày 15/3/2024")
    assert shift.notes == ["'29/02/2024' → 28/02/2025: năm 2025 không có ngày 29/02",
                           "'15/3/2024' → 14/3/2025: 15/03/2025 là thứ Bảy, chuyển về ngày làm việc liền trước "
                           "(thứ Sáu 14/03/2025)"]


@pytest.mark.parametrize("name,place,symbol,short,header", [
    ("Ủy ban nhân dân huyện Xuân Lộc", "Xuân Lộc", "KH-UBND", "UBND huyện", ["ỦY BAN NHÂN DÂN", "HUYỆN XUÂN LỘC"]),
    ("Ủy ban nhân dân tỉnh Quảng Ngãi", "Quảng Ngãi", "KH-UBND", "UBND tỉnh", ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]),
    ("Sở Công Thương tỉnh Quảng Ngãi", "Quảng Ngãi", "KH-SCT", None, None),
])
def test_issuer_guesses(name, place, symbol, short, header):
    info = describe_issuer(name)
    assert (info["place"], info["symbol"], info["short"], info["header"]) == (place, symbol, short, header)


# ---------------------------------------------------------------- from last year's plan


def problems(path: Path, cwd: Path):
    res = run_tt("validate", "--format", "json", str(path.relative_to(cwd)), cwd=cwd)
    return res.code, json.loads(res.out)["problems"]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_new_from_each_sample_is_next_years_plan_and_lint_clean(sample, tmp_path):
    from tuyentruyen.vn.timeexpr import parse_time

    shutil.copytree(PLANS, tmp_path / "plans")
    shutil.copytree(ROOT / "docs" / "schema", tmp_path / "docs" / "schema")
    old_path = tmp_path / sample.relative_to(ROOT)
    old = api.load_plan(old_path).plan
    step = next_step(old)
    old_code, before = problems(old_path, tmp_path)
    res = run_tt("new", "--from", str(old_path.relative_to(tmp_path)), cwd=tmp_path)
    new_path = expected_path(old_path, old)
    assert res.code == old_code, res.text  # the new plan is checked at once: as clean as the old one
    assert f"Đã tạo {new_path.relative_to(tmp_path)}" in res.out

    loaded = api.load_plan(new_path)
    new = loaded.plan
    assert new is not None, loaded.problems
    assert new.plan.year == old.plan.year + step
    if old.plan.period is not None:  # a multi-year plan: the next period of the same length
        assert (new.plan.period.first, new.plan.period.last) == (old.plan.period.first + step,
                                                                   old.plan.period.last + step)
    assert new.document.number is None and new.document.date is None and new.document.signer.name is None
    assert [t.id for *_, t in new.iter_tasks()] == [t.id for *_, t in old.iter_tasks()]
    assert new.document.bases == old.document.bases and new.plan.implements == old.plan.implements
    assert str(old.plan.year + step) in new.document.title or str(old.plan.year) not in old.document.title
    for *_, task in new.iter_tasks():
        if task.due:
            when = parse_time(task.due, new.plan.year)
            assert when.kind != "invalid_date", task.due
            first, last = new.years
            for d in (getattr(when, "start", None), getattr(when, "end", None), getattr(when, "date", None)):
                assert d is None or first <= d.year <= last + 1, (task.due, d)

    # lint-clean: no problem that the source plan did not already have
    code, found = problems(new_path, tmp_path)
    key = lambda p: (p["code"], tuple(p["path"]))  # noqa: E731
    assert not Counter(map(key, found)) - Counter(map(key, before)), found
    assert code == old_code
    assert new_path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../docs/schema/")
    assert run_tt("fmt", "--check", str(new_path.relative_to(tmp_path)), cwd=tmp_path).code == 0


def test_29_february_2024_becomes_28_february_2025_with_a_comment(tmp_path):
    shutil.copytree(PLANS / "xuan-loc", tmp_path / "plans" / "xuan-loc")
    res = run_tt("new", "--from", "plans/xuan-loc/2024.yaml", cwd=tmp_path)
    assert res.code == 0, res.text
    assert "28/02/2025" in res.out
    text = (tmp_path / "plans" / "xuan-loc" / "2025.yaml").read_text(encoding="utf-8")
    due = next(line for line in text.splitlines() if "due: trước ngày 28/02/2025" in line)
    assert "# tt new:" in due and "29/02" in due
    assert "29/02/2025" not in text


def test_new_from_another_folder_keeps_the_registry_and_schema_paths(tmp_path):
    shutil.copytree(PLANS / "quang-ngai", tmp_path / "plans" / "quang-ngai")
    shutil.copytree(ROOT / "docs" / "schema", tmp_path / "docs" / "schema")
    res = run_tt("new", "--from", "plans/quang-ngai/2023.yaml", "-o", "plans/2024/quang-ngai.yaml", cwd=tmp_path)
    new = tmp_path / "plans" / "2024" / "quang-ngai.yaml"
    assert res.code == 0, res.text
    first = new.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../docs/schema/plan.schema.json"
    assert (new.parent / first.split("=", 1)[1]).resolve().is_file()
    plan = api.load_plan(new).plan
    assert plan.units == "../quang-ngai/units.yaml"
    assert api.find_registry(new, plan).resolve() == (tmp_path / "plans" / "quang-ngai" / "units.yaml").resolve()


def test_new_never_overwrites_without_force(tmp_path):
    shutil.copytree(PLANS / "xuan-loc", tmp_path / "plans" / "xuan-loc")
    assert run_tt("new", "--from", "plans/xuan-loc/2024.yaml", cwd=tmp_path).code == 0
    target = tmp_path / "plans" / "xuan-loc" / "2025.yaml"
    target.write_text("# bản nháp của tôi\n", encoding="utf-8")
    res = run_tt("new", "--from", "plans/xuan-loc/2024.yaml", cwd=tmp_path)
    assert res.code == 2 and "không ghi đè" in res.err
    assert target.read_text(encoding="utf-8") == "# bản nháp của tôi\n"
    assert run_tt("new", "--from", "plans/xuan-loc/2024.yaml", "--force", cwd=tmp_path).code == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_new_from_a_broken_plan_reports_it(tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "2025.yaml").write_text("tt: 1\nplan: [\n", encoding="utf-8")
    res = run_tt("new", "--from", "plans/2025.yaml", cwd=tmp_path)
    assert res.code == 2
    assert "TT-Y003" in res.err and "tt validate plans/2025.yaml" in res.err
    assert not (tmp_path / "plans" / "2026.yaml").exists()


@pytest.mark.parametrize("args,message", [
    ([], "Cần --from"),
    (["--year", "2026"], "Cần --from"),
    (["--from", "plans/x.yaml", "--issuer", "Sở Nội vụ"], "không dùng cùng nhau"),
    (["--year", "2026", "--issuer", "Ủy ban nhân dân huyện A", "--type", "cong-van"], "--type"),
    (["--year", "2026", "--issuer", "Sở Nội vụ"], "--place"),
])
def test_usage_errors(args, message, tmp_path):
    res = run_tt("new", *args, cwd=tmp_path)
    assert res.code == 2 and message in res.err


# ---------------------------------------------------------------- from the template


@pytest.mark.parametrize("doc_type", ["ke-hoach", "quyet-dinh"])
def test_new_from_template_in_an_empty_repository_is_valid_and_lint_clean(doc_type, tmp_path):
    res = run_tt("new", "--year", "2026", "--issuer", "Ủy ban nhân dân xã Tân Phú", "--type", doc_type, cwd=tmp_path)
    assert res.code == 0, res.text
    plan_path = tmp_path / "plans" / "2026.yaml"
    for made in ("plans/units.yaml", "docs/schema/plan.schema.json", "docs/schema/units.schema.json"):
        assert (tmp_path / made).is_file(), made
    text = plan_path.read_text(encoding="utf-8")
    schema_ref = text.splitlines()[0].split("$schema=", 1)[1]
    assert (plan_path.parent / schema_ref).resolve() == (tmp_path / "docs" / "schema" / "plan.schema.json").resolve()
    code, found = problems(plan_path, tmp_path)
    # only the template's blanks, which the clerk fills in (TT-T012: they would be printed as "…")
    assert code == 0 and found and {p["code"] for p in found} == {"TT-T012"}, found
    lines = text.splitlines()
    assert all("…" in lines[p["line"] - 1] for p in found)
    plan = api.load_plan(plan_path).plan
    assert plan.plan.year == 2026 and plan.document.place == "Tân Phú" and plan.document.type.value == doc_type
    assert run_tt("fmt", "--check", cwd=tmp_path).code == 0
    assert run_tt("validate", cwd=tmp_path).code == 0


def test_a_repository_template_overrides_the_builtin_one(tmp_path):
    from tuyentruyen.edit.new import template_text
    from tuyentruyen.project.config import DEFAULT

    builtin, _ = template_text(DEFAULT, None)
    (tmp_path / "templates").mkdir()
    (tmp_path / "plans").mkdir()
    (tmp_path / "templates" / "new-plan.yaml.j2").write_text(
        builtin.replace("Lồng ghép trong các hội nghị, cuộc họp.", "Phát trên loa truyền thanh xã."), encoding="utf-8")
    res = run_tt("new", "--year", "2027", "--issuer", "Ủy ban nhân dân xã Tân Phú", cwd=tmp_path)
    assert res.code == 0, res.text
    assert "Phát trên loa truyền thanh xã." in (tmp_path / "plans" / "2027.yaml").read_text(encoding="utf-8")


# ---------------------------------------------------------------- issue 12: citations are never changed

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.conftest import FIXTURES  # noqa: E402

# what `tt new` owns and clears: the document's own number, date and signer, its own "Kèm theo …" lines
_OWN = {("document", "number"), ("document", "date"), ("document", "signer", "name"), ("plan", "reference"),
        ("appendix", "reference")}
ALL_SAMPLES = SAMPLES + sorted(p for p in (FIXTURES / "seeds").glob("*/*.yaml") if p.stem.isdigit()) + \
    sorted(p for p in (FIXTURES / "real").glob("*/*.yaml") if p.stem.isdigit())


def citations(path: Path) -> Counter:
    """Every document cited in the plan's text values (found by vn.citations), each as written, with
    its subject; and the structured citations and the proposal, whole."""
    from tuyentruyen.vn.citations import find_citations

    data = api.load_plan(path).yaml.data
    found: Counter = Counter()

    def walk(node, where: tuple) -> None:
        if where in _OWN:
            return
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, where + (k,))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, where + (i,))
        elif isinstance(node, str):
            for c in find_citations(node):
                a, b = c.span
                found[node[a:b]] += 1

    walk(data, ())
    for key in (("document", "bases"), ("plan", "implements"), ("decision", "proposal")):
        value = data.get(key[0], {}).get(key[1]) if isinstance(data.get(key[0]), dict) else None
        found[json.dumps(value, ensure_ascii=False, sort_keys=True)] += 1
    return found


def new_from(source: Path, workdir: Path) -> tuple[Path, str]:
    """`tt new --from` on a copy of source (and its registry) in workdir; the new plan's path, the output."""
    shutil.copytree(source.parent, workdir / "plans" / source.parent.name)
    copy = workdir / "plans" / source.parent.name / source.name
    old = api.load_plan(copy).plan
    res = run_tt("new", "--from", str(copy.relative_to(workdir)), cwd=workdir)
    assert res.code in (0, 1), res.text
    return expected_path(copy, old), res.out


def next_step(old) -> int:
    """How far `tt new --from` moves a plan: one year, or a whole period (2026–2030 → 2031–2035)."""
    period = old.plan.period
    return 1 if period is None else period.last - period.first + 1


def expected_path(old_path: Path, old) -> Path:
    step, period = next_step(old), old.plan.period
    if period is not None:
        written = f"{period.first}-{period.last}"
        return old_path.with_name(old_path.name.replace(written, f"{period.first + step}-{period.last + step}"))
    return old_path.with_name(old_path.name.replace(str(old.plan.year), str(old.plan.year + 1), 1))


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_new_keeps_every_citation_of_every_sample_byte_for_byte(sample, tmp_path):
    new_path, _ = new_from(sample, tmp_path)
    before, after = citations(sample), citations(new_path)
    assert sum(before.values()) > 3
    assert after == before, (before - after, after - before)


def test_new_keeps_the_proposal_with_an_ampersand_and_a_date_in_words(tmp_path):
    sample = FIXTURES / "real" / "quyet-dinh-2026" / "2026.yaml"
    new_path, out = new_from(sample, tmp_path)
    new = api.load_plan(new_path).plan
    assert new.decision.proposal == "Giám đốc Sở Nội vụ tại Công văn số 508/SNV-CCHC&PC ngày 19 tháng 12 năm 2025"
    assert "decision.proposal" in out and "năm 2027" in out  # the clerk is told to write this year's
    assert new.plan.year == 2027 and new.plan.title == "Tuyên truyền cải cách hành chính năm 2027"


# generated plans: citations of every shape real plans write, in every place a plan cites
_TYPES = ["Công văn", "Tờ trình", "Quyết định", "Kế hoạch", "Nghị quyết", "Chỉ thị"]
_SYMBOLS = ["508/SNV-CCHC&PC", "118/TTr- STTTT", "2231/SNV-CCHC&PC", "5104/BTTTT-PTTH&TTĐT", "2250/QĐ-UBND",
            "76/NQ-CP", "14-NQ/TU", "61/KH-UBND", "23/CT-TTg", "180/KH - UBND"]
_ISSUERS = ["", " của UBND tỉnh", " của Sở Nội vụ", " của Bộ Thông tin và Truyền thông", " của Ủy ban nhân dân tỉnh"]
_SUBJECTS = ["", " về cải cách hành chính năm {y}", " ban hành Kế hoạch tuyên truyền năm {y}",
             " về chuyển đổi số giai đoạn {y} - 2030", " hướng dẫn thực hiện trong quý IV/{y}"]


@st.composite
def cited_text(draw) -> str:
    year = draw(st.sampled_from([2023, 2024, 2025]))
    day, month = draw(st.integers(1, 28)), draw(st.integers(1, 12))
    date = draw(st.sampled_from([f"{day:02d}/{month:02d}/{year}", f"{day}/{month}/{year}",
                                 f"{day} tháng {month} năm {year}", f"{day:02d} tháng {month:02d} năm {year}"]))
    subject = draw(st.sampled_from(_SUBJECTS)).format(y=draw(st.sampled_from([2023, 2024, 2025])))
    return (f"{draw(st.sampled_from(_TYPES))} số {draw(st.sampled_from(_SYMBOLS))} ngày {date}"
            f"{draw(st.sampled_from(_ISSUERS))}{subject}")


@st.composite
def plans_citing(draw) -> str:
    import yaml

    from tuyentruyen.rules.docs import base_texts

    plan = yaml.safe_load(base_texts()[0])
    plan["document"]["type"] = "quyet-dinh"
    plan["document"]["symbol"] = "QĐ-UBND"
    plan["document"]["title"] = "Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024"
    plan["document"]["bases"] = [f"Căn cứ {draw(cited_text())};" for _ in range(draw(st.integers(1, 3)))]
    plan["decision"] = {"authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG",
                        "proposal": f"Giám đốc Sở Nội vụ tại {draw(cited_text())}",
                        "executors": ["Giám đốc Sở Nội vụ"]}
    plan["plan"]["title"] = "Tuyên truyền cải cách hành chính năm 2024"
    plan["plan"]["implements"] = [f"Thực hiện {draw(cited_text())}."]
    items = [f"{draw(st.sampled_from(['Triển khai', 'Tuyên truyền', 'Quán triệt']))} {draw(cited_text())}"
             f"{draw(st.sampled_from(['', ';', ', trong năm 2024', '; báo cáo trước ngày 15/12/2024']))}"
             for _ in range(draw(st.integers(1, 4)))]
    plan["plan"]["sections"][0]["items"] = [*items, "Tổng kết kết quả năm 2024."]
    plan["appendix"]["tasks"][0]["content"] = f"Tập huấn theo {draw(cited_text())}"
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=200)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans_citing())
def test_new_keeps_every_citation_of_generated_plans(text):
    import tempfile

    from tuyentruyen.rules.docs import base_texts

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "src" / "tinh"
        folder.mkdir(parents=True)
        (folder / "2024.yaml").write_text(text, encoding="utf-8")
        (folder / "units.yaml").write_text(base_texts()[1], encoding="utf-8")
        assert api.load_plan(folder / "2024.yaml").plan is not None
        new_path, _ = new_from(folder / "2024.yaml", Path(tmp) / "work")
        assert citations(new_path) == citations(folder / "2024.yaml")
        new = api.load_plan(new_path).plan
        assert new.plan.year == 2025
        assert new.plan.sections[0].items[-1].text == "Tổng kết kết quả năm 2025."  # what the plan owns still moves


def test_a_departments_plan_names_its_lead_as_the_registry_does(tmp_path):
    """The issuer written in full ("Sở Nội vụ tỉnh Tuyên Quang") is an alias of the starter
    registry's "Sở Nội vụ": the plan uses the canonical name, so it starts without TT-R006."""
    (tmp_path / "plans").mkdir()
    res = run_tt("new", "--year", "2027", "--issuer", "Sở Nội vụ tỉnh Tuyên Quang", cwd=tmp_path)
    assert "TT-R006" not in res.text, res.text
    text = (tmp_path / "plans" / "2027.yaml").read_text("utf-8")
    assert "lead: Sở Nội vụ\n" in text
