"""Fixtures of the render tests: each plan is rendered once (through `tt render`) per session."""

from __future__ import annotations

import pytest

from tests.render.docx_reader import Doc
from tests.render.support import PLAN_DIR, PLANS, SAMPLES, hostile_text, render


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """name → Doc of our own fixture plans (and the hostile plan with its long cell)."""
    out = tmp_path_factory.mktemp("render")
    cache: dict[str, Doc] = {}

    def get(name: str) -> Doc:
        if name not in cache:
            if name == "hostile":
                src = out / "hostile.yaml"
                src.write_text(hostile_text(), encoding="utf-8")
            else:
                src = PLAN_DIR / f"{name}.yaml"
            cache[name] = Doc(render(src, out / f"{name}.docx"))
        return cache[name]

    return get


@pytest.fixture(scope="session")
def sample_doc(tmp_path_factory):
    """name → Doc of a sample plan of plans/ (skipped while it is not there yet)."""
    out = tmp_path_factory.mktemp("samples")
    cache: dict[str, Doc] = {}

    def get(name: str) -> Doc:
        path = SAMPLES[name]
        if not path.is_file():
            pytest.skip(f"kế hoạch mẫu {path.relative_to(PLANS.parent)} chưa có")
        if name not in cache:
            cache[name] = Doc(render(path, out / f"{name}.docx"))
        return cache[name]

    return get

