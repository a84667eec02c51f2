"""Helpers of the render tests: the fixture plans, rendering through `tt render`."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import PLANS, run_tt

HERE = Path(__file__).resolve().parent
PLAN_DIR = HERE / "plans"
SAMPLES = {name: PLANS / f"{name.replace('-20', '/20')}.yaml"
           for name in ("ha-giang-2023", "quang-ngai-2023", "xuan-loc-2024")}

# The long cell of the hostile plan is made here, not stored: 1,200 sentences, ~45,000 characters.
LONG_CELL = " ".join(f"Nội dung rất dài & <lặp lại> số {i}." for i in range(1200))


def hostile_text() -> str:
    text = (PLAN_DIR / "hostile.yaml").read_text(encoding="utf-8")
    assert text.count("'RẤT_DÀI '") == 1, "hostile.yaml: the marker of the long cell is gone"
    return text.replace("'RẤT_DÀI '", f"'{LONG_CELL}'")


def render(plan: Path, out: Path, *extra: str) -> Path:
    result = run_tt("render", str(plan), "--docx", "-o", str(out), *extra)
    assert result.code == 0, result.text
    assert out.is_file()
    return out


def copy_plan(name: str, dest: Path, edit=None) -> Path:
    """A fixture plan copied into dest (optionally edited: edit(text) → text)."""
    dest.mkdir(parents=True, exist_ok=True)
    text = (PLAN_DIR / f"{name}.yaml").read_text(encoding="utf-8")
    if edit is not None:
        text = edit(text)
    target = dest / f"{name}.yaml"
    target.write_text(text, encoding="utf-8")
    return target
