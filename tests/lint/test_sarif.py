"""`--format sarif`: valid SARIF 2.1.0 (the OASIS schema GitHub code scanning uses), relative
locations under SRCROOT, one descriptor per rule, fingerprints that survive unrelated edits."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import FIXTURES, run_tt
from tests.lint.helpers import write_plan

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
BAD = FIXTURES / "seeds" / "xuan-loc" / "2024.yaml"


def _validate(doc: dict) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def _sarif(*args: str, cwd=None, env=None) -> tuple[int, dict]:
    res = run_tt("lint", "--format", "sarif", *args, cwd=cwd, env=env)
    return res.code, json.loads(res.out)


@pytest.mark.skipif(not BAD.exists(), reason="chưa có bản gốc Xuân Lộc")
def test_sarif_of_a_plan_with_mistakes_is_valid(tmp_path):
    code, doc = _sarif(str(BAD), env={"GITHUB_WORKSPACE": str(FIXTURES.parent.parent)})
    assert code == 1
    _validate(doc)
    run = doc["runs"][0]
    assert run["tool"]["driver"]["name"] == "tt"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert {"TT-D001", "TT-T003", "TT-R006"} <= set(ids)
    for r in run["tool"]["driver"]["rules"]:
        if r["id"].startswith(("TT-D", "TT-R", "TT-C", "TT-T")):
            assert r["help"]["markdown"].startswith(f"# {r['id']}")
            assert r["properties"]["docs"] == f"docs/rules/{r['id']}.md"
    results = run["results"]
    assert results
    for res in results:
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": "tests/fixtures/seeds/xuan-loc/2024.yaml", "uriBaseId": "SRCROOT"}
        assert ids[res["ruleIndex"]] == res["ruleId"]
        assert res["partialFingerprints"]["primaryLocationLineHash"]
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"].startswith("file:///")
    d001 = next(r for r in results if r["ruleId"] == "TT-D001")
    assert d001["level"] == "error" and "29/02/2023" in d001["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]
    assert any("fixes" in r for r in results if r["ruleId"] == "TT-T003")


def test_sarif_of_a_clean_plan_and_of_a_broken_file_is_valid(tmp_path):
    from tuyentruyen.rules.docs import base_texts

    good = write_plan(tmp_path / "ok", base_texts()[0])
    code, doc = _sarif(str(good), cwd=tmp_path)
    assert code == 0 and doc["runs"][0]["results"] == []
    _validate(doc)
    broken = tmp_path / "broken.yaml"
    broken.write_text("tt: 1\ndocument: [\n", encoding="utf-8")
    code, doc = _sarif(str(broken), cwd=tmp_path)
    assert code == 2
    _validate(doc)
    assert doc["runs"][0]["results"][0]["ruleId"].startswith("TT-Y")


def test_help_uri_comes_from_the_docs_address(tmp_path):
    from tuyentruyen.rules.docs import base_texts

    good = write_plan(tmp_path, base_texts()[0])
    _, doc = _sarif(str(good), cwd=tmp_path, env={"TT_DOCS_URL": "https://example.org/tt/docs/rules/"})
    _validate(doc)
    rule = next(r for r in doc["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "TT-D001")
    assert rule["helpUri"] == "https://example.org/tt/docs/rules/TT-D001.md"


def test_fingerprints_survive_lines_added_above(tmp_path):
    from tuyentruyen.rules.docs import base_texts

    text = base_texts()[0].replace("due: Quý II/2024", "due: Quý II/2023")
    path = write_plan(tmp_path, text)
    _, first = _sarif(str(path), cwd=tmp_path)
    path.write_text("# một ghi chú mới ở đầu tệp\n" + text, encoding="utf-8")
    _, second = _sarif(str(path), cwd=tmp_path)
    fp = lambda d: sorted(r["partialFingerprints"]["primaryLocationLineHash"] for r in d["runs"][0]["results"])  # noqa: E731
    lines = lambda d: sorted(r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in d["runs"][0]["results"])  # noqa: E731
    assert fp(first) == fp(second) and fp(first)
    assert lines(second) == [n + 1 for n in lines(first)]
