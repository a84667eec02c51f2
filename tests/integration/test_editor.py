"""Editor support: the $schema line of every plan, the VS Code settings and tasks (issue 6, part 3)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import PLANS, ROOT, run_tt

SCHEMA_LINE = "# yaml-language-server: $schema="
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
YAML_FILES = [p for p in sorted(PLANS.rglob("*.yaml")) + sorted(SEEDS.rglob("*.yaml"))
              if not p.name.endswith(".errors.yaml")]


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_plan_and_registry_starts_with_a_schema_line_that_resolves(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(SCHEMA_LINE)
    target = (path.parent / first[len(SCHEMA_LINE):]).resolve()
    expected = "units.schema.json" if path.name == "units.yaml" else \
        "progress.schema.json" if path.name.endswith(".progress.yaml") else "plan.schema.json"
    assert target == (ROOT / "docs" / "schema" / expected).resolve()


@pytest.mark.parametrize("settings", [ROOT / ".vscode" / "settings.json", ROOT / "docs" / "vscode" / "settings.json"],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_vscode_settings_map_the_schemas_to_the_plans(settings):
    data = json.loads(settings.read_text(encoding="utf-8"))
    schemas = data["yaml.schemas"]
    plan_globs = schemas["./docs/schema/plan.schema.json"]
    units_globs = schemas["./docs/schema/units.schema.json"]
    for ref in schemas:
        assert (ROOT / ref).is_file(), ref
    plans = {p for g in plan_globs if not g.startswith("!") for p in ROOT.glob(g)}
    registries = {p for g in units_globs for p in ROOT.glob(g) if "/.venv/" not in str(p)}
    assert {p for p in PLANS.rglob("20*.yaml")} <= plans
    assert {p for p in PLANS.rglob("units.yaml")} <= registries
    assert any(g.startswith("!") and "units.yaml" in g for g in plan_globs)  # a registry is not a plan
    assert data["yaml.format.enable"] is False  # tt fmt lays the files out


def test_vscode_tasks_problem_matchers_read_tt_validate_output():
    tasks = json.loads((ROOT / "docs" / "vscode" / "tasks.json").read_text(encoding="utf-8"))["tasks"]
    check = next(t for t in tasks if t["args"][0] == "validate")
    matchers = {m["severity"]: re.compile(m["pattern"]["regexp"]) for m in check["problemMatcher"]}
    out = run_tt("validate", "tests/fixtures/seeds/quang-ngai/2023.yaml", cwd=ROOT, env={"COLUMNS": "200"}).out
    heads = [line for line in out.splitlines() if re.match(r"^\S+:\d+:\d+: ", line)]
    assert heads
    for line in heads:
        hits = [sev for sev, rx in matchers.items() if rx.match(line)]
        assert len(hits) == 1, line
        m = matchers[hits[0]].match(line)
        assert Path(ROOT / m.group(1)).is_file() and m.group(4).startswith("TT-")
        label = {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú"}[hits[0]]
        assert f" {label} {m.group(4)}: " in line


def test_the_repository_tasks_match_the_documented_ones():
    ours = json.loads((ROOT / ".vscode" / "tasks.json").read_text(encoding="utf-8"))["tasks"]
    documented = json.loads((ROOT / "docs" / "vscode" / "tasks.json").read_text(encoding="utf-8"))["tasks"]
    assert [t["label"] for t in ours] == [t["label"] for t in documented]
    assert [t["problemMatcher"] for t in ours] == [t["problemMatcher"] for t in documented]


def test_the_docs_name_files_that_exist():
    for doc in ("docs/ci.md", "docs/editor.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        for link in re.findall(r"\]\(([^)#:]+)\)", text):
            assert (ROOT / doc).parent.joinpath(link).resolve().exists(), f"{doc}: {link}"
    ci = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = (ROOT / "ci" / "github-workflow.yml").read_text(encoding="utf-8")
    body = workflow.split("name: tt", 1)[1]
    assert "\n".join(line[3:] for line in ci.split("```yaml\n   name: tt", 1)[1].split("   ```")[0].splitlines()) \
        .strip() == body.strip()  # the workflow shown is the file to copy
