"""`tt render` of a folder renders each plan as soon as it is checked and lets it go before the next is
read: a country's repository (3,355 plans, a positioned node tree each) is never all in memory."""

from __future__ import annotations

import gc
import weakref

from tests.conftest import ROOT, run_tt


def test_each_plan_is_let_go_before_the_next_is_rendered(tmp_path, monkeypatch):
    import tuyentruyen.loading.documents as documents
    import tuyentruyen.render.docx as docx

    alive: list[weakref.ref] = []
    seen: list[int] = []
    load, render = documents.load_plan, docx.render_docx

    def counting_load(path):
        loaded = load(path)
        alive.append(weakref.ref(loaded))
        return loaded

    def counting_render(plan, *args, **kwargs):
        gc.collect()
        seen.append(sum(r() is not None for r in alive))
        return render(plan, *args, **kwargs)

    monkeypatch.setattr(documents, "load_plan", counting_load)
    monkeypatch.setattr(docx, "render_docx", counting_render)
    res = run_tt("render", "plans", "-o", str(tmp_path), cwd=ROOT)
    assert res.code == 0, res.text
    assert len(seen) >= 5 and len(list(tmp_path.glob("*.docx"))) == len(seen)
    assert max(seen) == 1, seen  # only the plan being rendered is alive
