"""Every YAML file the project ships is in the layout `tt fmt` writes (issue 16, part 1).

A repository seeded from the samples passes the documented tt-fmt pre-commit hook on its first
commit, and CI fails as soon as someone adds a sample, a fixture or an example that is not in the
canonical layout. The list is found afresh on every run (new samples under plans/ are covered
the day they land); what it leaves out, it says why, and a test checks that every exception
still exists and still is what its reason says.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, run_tt

# shipped YAML that is deliberately not in the canonical layout, and why
EXCEPTIONS = {
    "tests/fixtures/broken/unknown-key.yaml":
        "its point is the misspelled key `plcae` where the clerk typed it; fmt would move it after the known keys",
}


def _pinned(path: Path) -> bool:
    """A fixture plan whose lines a *.errors.yaml beside it lists (the seeds' real mistakes, line by line)."""
    return path.name.endswith(".errors.yaml") or (
        any(path.parent.glob("*.errors.yaml")) and path.name not in ("units.yaml", "units.yml"))


def shipped() -> list[Path]:
    """The plans, registries (with the registry templates of `tt new`) and progress files the project ships, found now."""
    found: list[Path] = []
    for folder in ("plans", "tests/fixtures", "tests/render/plans", "tests/render/v1", "tests/work",
                   "src/tuyentruyen/rules/examples", "src/tuyentruyen/data/registries"):
        for path in sorted((ROOT / folder).rglob("*.y*ml")):
            rel = path.relative_to(ROOT).as_posix()
            if path.suffix not in (".yaml", ".yml") or rel in EXCEPTIONS or _pinned(path):
                continue
            found.append(path)
    return found


def test_every_shipped_yaml_file_passes_fmt_check():
    files = shipped()
    assert len(files) >= 20 and any(p.parts[-3] == "plans" or "plans" in p.parts for p in files)
    res = run_tt("fmt", "--check", *(str(p.relative_to(ROOT)) for p in files), cwd=ROOT)
    assert res.code == 0, res.text  # lists each file `tt fmt` would change: run `tt fmt` on it


def test_the_examples_of_the_plan_format_page_pass_fmt_check(tmp_path):
    """The annotated example, its registry and the whole plans of docs/plan-format.md (the blocks
    tests/validate/test_docs.py validates; the other blocks are fragments of a plan)."""
    from tests.validate.test_docs import kinds

    plan, registry, whole, _fragments = kinds()
    (tmp_path / "plans").mkdir()
    names = []
    for name, block in [("2023.yaml", plan), ("units.yaml", registry)] + [(f"{i}.yaml", w) for i, w in enumerate(whole)]:
        (tmp_path / "plans" / name).write_text(block, encoding="utf-8")
        names.append(f"plans/{name}")
    res = run_tt("fmt", "--check", *names, cwd=tmp_path)
    assert res.code == 0, res.text


@pytest.mark.parametrize("doc_type", ["ke-hoach", "quyet-dinh"])
def test_what_tt_new_writes_passes_fmt_check(tmp_path, doc_type):
    """The template of `tt new` (data/new-plan.yaml.j2) and the registry it starts."""
    res = run_tt("new", "--year", "2027", "--issuer", "Ủy ban nhân dân xã Tân Phú", "--type", doc_type, cwd=tmp_path)
    assert (tmp_path / "plans" / "2027.yaml").is_file(), res.text
    res = run_tt("fmt", "--check", "plans/2027.yaml", "plans/units.yaml", cwd=tmp_path)
    assert res.code == 0, res.text


def test_every_exception_is_still_there_and_still_needs_its_reason():
    for rel in EXCEPTIONS:
        path = ROOT / rel
        assert path.is_file(), f"{rel}: the exception names a file that is gone"
        # still not in the canonical layout: else it should be checked like the others
        assert run_tt("fmt", "--check", rel, cwd=ROOT).code == 1, rel
    pinned = [p for p in (ROOT / "tests" / "fixtures").rglob("*.yaml") if _pinned(p)]
    assert any(p.name.endswith(".errors.yaml") for p in pinned) and any(
        not p.name.endswith(".errors.yaml") for p in pinned)
