"""docs/diff.md stays true: its text report and its JSON example are what tt diff prints."""

from __future__ import annotations

import json
import re

from tests.conftest import ROOT, run_tt
from tests.diff.diffplans import base, write_plan

DOC = (ROOT / "docs" / "diff.md").read_text("utf-8")


def example_pair(tmp_path):
    new = base()
    new["document"]["number"] = 31
    new["document"]["signer"]["name"] = "Trần Phước Hiền"
    new["document"]["bases"].append({"type": "Nghị định", "number": "61/2018/NĐ-CP", "date": "23/4/2018",
                                     "issuer": "Chính phủ"})
    new["plan"]["sections"][0]["items"][1] = ("Phát huy dân chủ, quyền giám sát của Nhân dân đối với hoạt động cải "
                                              "cách thủ tục hành chính.")
    groups = new["appendix"]["groups"]
    groups[1]["tasks"][0]["lead"] = ["Đài PT-TH tỉnh"]
    groups[1]["tasks"][1].update(due="Quý III/2024", lead=["Văn phòng UBND tỉnh"])
    groups[2]["tasks"].append(groups[1]["tasks"].pop(2))
    groups[1]["tasks"].append({"id": "hoi-nghi", "content": "Hội nghị đối thoại với doanh nghiệp.",
                               "lead": "Sở Nội vụ", "due": "Quý I/2024"})
    old = base()
    old["appendix"]["groups"][1]["tasks"][0]["lead"] = ["Đài PT-TH tỉnh"]
    new["appendix"]["groups"][1]["tasks"][0]["lead"] = ["Đài Phát thanh - Truyền hình tỉnh"]
    return write_plan(tmp_path / "old", old), write_plan(tmp_path / "new", new)


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", DOC, re.S)


def test_text_example_is_real(tmp_path):
    a, b = example_pair(tmp_path)
    out = run_tt("diff", str(a), str(b)).out
    shown = next(x for x in blocks("text") if x.startswith("So sánh"))
    # the example names the files as --rev shows them; the rest is the report, line for line
    assert out.split("\n", 1)[1] == shown.split("\n", 1)[1]


def keys(obj) -> set:
    return set(obj) if isinstance(obj, dict) else set()


def test_json_example_has_the_real_keys(tmp_path):
    a, b = example_pair(tmp_path)
    real = json.loads(run_tt("diff", str(a), str(b), "-f", "json").out)
    doc = json.loads(blocks("json")[0])
    assert keys(doc) == keys(real)
    assert keys(doc["files"][0]) == keys(real["files"][0])
    assert keys(doc["files"][0]["old"]) == keys(real["files"][0]["old"])
    assert keys(doc["files"][0]["summary"]) == keys(real["files"][0]["summary"])
    assert doc["files"][0]["summary"]["tasks"].keys() == real["files"][0]["summary"]["tasks"].keys()
    real_change = next(c for c in real["files"][0]["changes"] if c["id"] == "tap-huan-cchc")
    doc_change = doc["files"][0]["changes"][0]
    assert keys(doc_change) == keys(real_change)
    assert keys(doc_change["fields"][0]) == keys(real_change["fields"][0])
    due = next(f for f in real_change["fields"] if f["field"] == "due")
    assert due == doc_change["fields"][0]
    # every key of the JSON is explained in the table
    for key in keys(doc_change) | keys(doc["files"][0]):
        assert any(f"`{form}`" in DOC for form in (key, f"{key}[]", f"changes[].{key}", f"files[].{key}")), key
