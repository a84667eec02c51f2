"""A registry whose groups contain themselves, or whose units succeed each other in a circle, is
reported at its line (issue 14): the resolver and tt new would otherwise loop or give nonsense."""

from __future__ import annotations

import json

from tests.conftest import run_tt

REGISTRY = """\
tt: 1
units:
  - id: cac-so
    name: Các sở, ban, ngành
    kind: nhom
    groups: [tat-ca]
  - id: tat-ca
    name: Tất cả các cơ quan
    kind: nhom
    groups: [khoi-tinh]
  - id: khoi-tinh
    name: Khối cơ quan tỉnh
    kind: nhom
    groups: [cac-so]
  - id: so-a
    name: Sở Thông tin và Truyền thông
    kind: so
    successor: so-b
  - id: so-b
    name: Sở Khoa học và Công nghệ
    kind: so
    successor: so-a
  - id: so-c
    name: Sở Nội vụ
    kind: so
    groups: [cac-so]
"""


def test_group_and_successor_cycles_are_located(tmp_path):
    path = tmp_path / "units.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    res = run_tt("validate", "--format", "json", str(path))
    problems = [p for p in json.loads(res.out)["problems"] if p["code"] == "TT-S006"]
    assert res.code == 1
    messages = {p["line"]: p["message"] for p in problems}
    assert messages[6] == "Nhóm đơn vị chứa chính nó qua các nhóm khác: cac-so → tat-ca → khoi-tinh → cac-so."
    assert messages[18] == "Các đơn vị kế thừa nhau thành một vòng: so-a → so-b → so-a."
    assert len(problems) == 2  # one report per circle, not one per member


def test_a_registry_without_cycles_is_clean(tmp_path):
    path = tmp_path / "units.yaml"
    path.write_text(REGISTRY.replace("    groups: [cac-so]\n  - id: so-a", "  - id: so-a")
                    .replace("    successor: so-a\n", ""), encoding="utf-8")
    res = run_tt("validate", str(path))
    assert res.code == 0, res.text
