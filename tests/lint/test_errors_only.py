"""`tt render` asks the rules only for errors (rules.lint_loaded(errors_only=True)): it runs only
the rules at level error for the plan's config, and must find exactly the errors of the whole run,
on every plan the project ships, with [lint.severity] raising or lowering a rule, and with the rule
that judges the others' results (TT-T005, unused ignores) raised to error."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tuyentruyen.loading.documents import load_plan
from tuyentruyen.problems import Severity
from tuyentruyen.project.config import config_for
from tuyentruyen.rules import lint_loaded

ROOT = Path(__file__).resolve().parents[2]
PLANS = [p for folder in ("plans", "tests/fixtures", "tests/render/plans", "tests/lint/data") for p in sorted((ROOT / folder).rglob("*.yaml"))
         if p.name not in ("units.yaml", "units.yml") and ".progress." not in p.name
         and not p.name.endswith(".errors.yaml")]
LEVELS = {
    "as-configured": (),
    "raised-and-lowered": (("TT-T010", "error"), ("TT-T004", "error"), ("TT-D005", "warning"), ("TT-R001", "info")),
    "unused-ignores-an-error": (("TT-T005", "error"),),
}


def _key(p):
    return (p.code, p.line, p.col, p.message, p.severity)


@pytest.mark.parametrize("levels", sorted(LEVELS))
def test_errors_only_finds_exactly_the_errors_of_the_whole_run(levels):
    linted = errors = 0
    for path in PLANS:
        loaded = load_plan(path)
        if loaded.plan is None:
            continue
        config = config_for(path)
        config = dataclasses.replace(config, severity=tuple(config.severity) + LEVELS[levels])
        whole = sorted(_key(p) for p in lint_loaded(loaded, config) if p.severity is Severity.ERROR)
        only = sorted(_key(p) for p in lint_loaded(loaded, config, errors_only=True))
        assert only == whole, path
        linted += 1
        errors += len(whole)
    assert linted >= 15 and errors >= 20, (linted, errors)  # the seeds and real fixtures do have errors


def test_render_reports_the_same_errors_as_lint(tmp_path):
    """Through the commands: the seed of Hà Giang (its real mistakes) as `tt render` and `tt lint` report them."""
    from tests.conftest import run_tt

    plan = "tests/fixtures/seeds/ha-giang/2023.yaml"
    lint = run_tt("lint", "--format", "json", plan, cwd=ROOT)
    import json

    codes = sorted({p["code"] for p in json.loads(lint.out)["problems"] if p["severity"] == "error"})
    render = run_tt("render", plan, "--docx", "-o", str(tmp_path / "x.docx"), cwd=ROOT)
    assert codes and render.code == 0
    shown = {c for c in codes if c in render.err}
    assert shown, render.err  # the first errors are named (the rest are counted)
