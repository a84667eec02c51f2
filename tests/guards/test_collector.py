"""The loader moves what it built to the collector's oldest generation (large plans only), and then
runs a full collection itself after enough of it: garbage moved so is still freed, and a process that
reads plans again and again (`tt lsp`, a worker of `tt validate -j`) keeps its memory bounded."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from tuyentruyen.loading import yamlpos
from tuyentruyen.loading.source import Source

ROOT = Path(__file__).resolve().parents[2]
PLAN = (ROOT / "plans" / "ha-giang" / "2023.yaml").read_text("utf-8")


class _Cycle:
    pass


def _garbage_then_parse() -> weakref.ref:
    """A cycle that only the collector can free, made just before a parse (it is young when the parse ends)."""
    c = _Cycle()
    c.me = c
    ref = weakref.ref(c)
    del c
    yamlpos.parse_yaml(Source(Path("x.yaml"), "x.yaml", PLAN))
    return ref


def test_garbage_moved_to_the_oldest_generation_is_still_collected(monkeypatch):
    monkeypatch.setattr(yamlpos, "_MOVE_AT_LEAST", 0)  # as if every plan were large
    monkeypatch.setattr(yamlpos, "_FULL_AFTER", 20_000)
    monkeypatch.setattr(yamlpos, "_moved", 0)
    assert gc.isenabled()
    refs = [_garbage_then_parse() for _ in range(40)]
    assert any(r() is None for r in refs[:20]), "no full collection ran: the moved garbage is kept"
    assert gc.isenabled()


def test_small_plans_are_left_to_the_collector(monkeypatch):
    monkeypatch.setattr(yamlpos, "_moved", 0)
    for _ in range(5):
        _garbage_then_parse()
    assert yamlpos._moved == 0  # nothing moved for a 40 KB plan
