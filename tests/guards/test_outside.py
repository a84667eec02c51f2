"""A plan cannot make tt read a file outside its repository (issue 14, security)."""

from __future__ import annotations

import json

from tests.conftest import run_tt
from tuyentruyen.rules.docs import base_texts

PLAN, UNITS = base_texts()


def _repo(tmp_path, toml: str = ""):
    repo = tmp_path / "kho"
    (repo / "plans").mkdir(parents=True)
    secret = tmp_path / "ngoai" / "units.yaml"
    secret.parent.mkdir()
    secret.write_text(UNITS.replace("Sở Nội vụ", "Sở Nội vụ BÍ MẬT"), encoding="utf-8")
    (repo / "tt.toml").write_text(toml, encoding="utf-8")
    (repo / "plans" / "2024.yaml").write_text(PLAN.replace("tt: 1\n", f"tt: 1\nunits: {secret}\n", 1),
                                              encoding="utf-8")
    return repo, secret


def test_a_plans_registry_outside_the_repository_is_not_read(tmp_path):
    repo, secret = _repo(tmp_path)
    res = run_tt("validate", "--format", "json", cwd=repo)
    problems = json.loads(res.out)["problems"]
    r011 = [p for p in problems if p["code"] == "TT-R011"]
    assert r011 and "ngoài kho kế hoạch" in r011[0]["message"], problems
    assert "BÍ MẬT" not in res.text
    units = run_tt("units", "plans/2024.yaml", cwd=repo)
    assert units.code == 2 and "ngoài kho kế hoạch" in units.err and "BÍ MẬT" not in units.text


def test_tt_toml_can_allow_a_shared_folder(tmp_path):
    repo, secret = _repo(tmp_path, f'allow-units-outside = ["{tmp_path / "ngoai"}"]\n')
    res = run_tt("validate", "--format", "json", cwd=repo)
    codes = {p["code"] for p in json.loads(res.out)["problems"]}
    assert "TT-R011" not in codes, res.out
    units = run_tt("units", "plans/2024.yaml", cwd=repo)
    assert units.code == 0 and "BÍ MẬT" in units.out
