"""docs/rules/ is generated from the rule modules: a stale page fails here; `tt rule` prints them."""

from __future__ import annotations

from tests.conftest import ROOT
from tuyentruyen.rules import all_rules
from tuyentruyen.rules.docs import expected_files, parse_doc

DOCS = ROOT / "docs" / "rules"


def test_rule_pages_are_up_to_date():
    expected = expected_files()
    stale = [name for name, text in expected.items()
             if not (DOCS / name).exists() or (DOCS / name).read_text("utf-8") != text]
    extra = sorted(p.name for p in DOCS.glob("*.md") if p.name not in expected)
    assert not stale and not extra, (f"trang cũ: {stale}, trang thừa: {extra} — chạy `tt rule --write-docs docs/rules`")


def test_codes_are_unique_stable_and_well_formed():
    codes = [r.code for r in all_rules()]
    assert len(codes) == len(set(codes))
    for r in all_rules():
        assert r.title and r.title == r.title.strip()
        summary, sections = parse_doc(r.doc)
        assert summary, r.code
        assert {"Quy tắc này làm gì", "Vì sao quan trọng", "Ví dụ sai", "Nên viết"} <= set(sections), r.code


def test_rules_enforcing_decree_30_cite_it():
    for code in ("TT-C001", "TT-C002", "TT-C006", "TT-T001", "TT-T002", "TT-T006", "TT-R008"):
        rule = next(r for r in all_rules() if r.code == code)
        basis = parse_doc(rule.doc)[1].get("Căn cứ", "")
        assert "30/2020/NĐ-CP" in basis and ("Điều" in basis or "Phụ lục" in basis), code


def test_tt_rule_prints_the_page(tt):
    res = tt("rule", "TT-D001")
    assert res.code == 0
    assert res.out.startswith("# TT-D001 — Ngày không có thật")
    assert "## Ví dụ sai" in res.out and "## Nên viết" in res.out
    assert tt("rule", "d001").out == res.out


def test_tt_rule_lists_every_rule(tt):
    res = tt("rule")
    assert res.code == 0
    for r in all_rules():
        assert r.code in res.out
    assert "[tắt mặc định]" in res.out


def test_tt_rule_unknown_code(tt):
    res = tt("rule", "TT-D0001")
    assert res.code == 2
    assert "Không có quy tắc mã" in res.err and "TT-D001" in res.err


def test_write_docs_writes_into_a_folder(tmp_path, tt):
    res = tt("rule", "--write-docs", str(tmp_path / "rules"))
    assert res.code == 0
    assert (tmp_path / "rules" / "README.md").exists()
    assert len(list((tmp_path / "rules").glob("TT-*.md"))) == len(all_rules())
