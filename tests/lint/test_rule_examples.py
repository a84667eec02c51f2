"""Every rule's documented examples run: the wrong one raises exactly that rule, the right one is clean.

The examples live in the rule modules' docstrings (and so in docs/rules/<CODE>.md): this test
keeps the documentation true.
"""

from __future__ import annotations

import pytest

from tests.lint.helpers import lint_path, write_plan
from tuyentruyen.project.config import Config
from tuyentruyen.rules import all_rules
from tuyentruyen.rules.docs import RIGHT, WRONG, example_plan, examples

RULES = [r for r in all_rules() if r.subject == "plan"]  # progress rules: tests/work/test_progress_rules.py


def _config(rule) -> Config:
    # the default rules plus this one (an opt-in rule is tested too, without turning on the others)
    return Config(extend_select=(rule.code,))


def test_every_rule_has_examples_and_sections():
    for rule in RULES:
        ex = examples(rule)
        assert ex[WRONG] and ex[RIGHT], f"{rule.code}: thiếu ví dụ sai hoặc ví dụ đúng"
        for section in ("Quy tắc này làm gì", "Vì sao quan trọng"):
            assert f"## {section}" in rule.doc, f"{rule.code}: thiếu mục {section}"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_wrong_example_raises_exactly_its_rule(rule, tmp_path):
    for i, block in enumerate(examples(rule)[WRONG]):
        units = "" if rule.code == "TT-R011" else None
        path = write_plan(tmp_path / f"sai{i}", example_plan(block), units)
        schema, found = lint_path(path, _config(rule))
        assert not schema, [p.message for p in schema]
        assert found, f"{rule.code}: ví dụ sai không có lỗi nào"
        assert {p.code for p in found} == {rule.code}, [(p.code, p.line, p.message) for p in found]


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_right_example_is_clean(rule, tmp_path):
    for i, block in enumerate(examples(rule)[RIGHT]):
        path = write_plan(tmp_path / f"dung{i}", example_plan(block))
        schema, found = lint_path(path, _config(rule))
        assert not schema, [p.message for p in schema]
        assert not found, [(p.code, p.line, p.message) for p in found]


def test_base_plan_of_examples_is_clean(tmp_path):
    from tuyentruyen.rules.docs import base_texts

    path = write_plan(tmp_path, base_texts()[0])
    schema, found = lint_path(path, Config(select=("ALL",)))
    assert not schema and not found, [(p.code, p.message) for p in [*schema, *found]]
