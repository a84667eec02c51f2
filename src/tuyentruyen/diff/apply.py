"""Applying a change list to a plan's data (áp dụng thay đổi): the proof that a diff is complete.

`apply(old, diff(old, new).changes)` rebuilds `new` (as `Plan.model_dump(mode="json")`
data): the property tests run it on generated plans, so a change the diff failed to
report, or reported wrongly, shows up as a difference. `invert` turns the changes from A
to B into changes from B to A.

How a list is rebuilt: its elements without a record, and those only *changed*, keep their
relative order; removed ones are dropped; moved, reordered and added ones are inserted at
their new index, in increasing order — which lands each at exactly that index.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from tuyentruyen.diff import spec as S
from tuyentruyen.diff.model import Change

_ROOTS = ("file", "document", "decision", "plan", "appendix")
_GROUP = S.Spec("group", S.GROUP.fields, S.GROUP.names, lists={"tasks": S.TASK})
_APPENDIX = S.Spec("appendix", S.APPENDIX.fields, S.APPENDIX.names, lists={"groups": _GROUP, "tasks": S.TASK})
_ROOT_SPECS = {"document": S.DOCUMENT, "decision": S.DECISION, "plan": S.PLAN_BODY, "appendix": _APPENDIX}


class _Index:
    def __init__(self, changes: list[Change]):
        self.at_old: dict[tuple, Change] = {}
        self.inserts: dict[tuple, list[Change]] = {}
        self.roots: dict[str, Change] = {}
        for c in changes:
            if c.object in _ROOTS and (c.path or c.new_path or ()) in ((), (c.object,)):
                self.roots[c.object] = c
                continue
            if c.path is not None:
                self.at_old[tuple(c.path)] = c
            if c.new_path is not None and c.kind in ("added", "moved", "reordered"):
                self.inserts.setdefault(tuple(c.new_path[:-1]), []).append(c)


def _get(data, path: tuple):
    for key in path:
        data = data[key]
    return data


def _set_field(out: dict, dotted: str, value) -> None:
    *parents, last = dotted.split(".")
    node = out
    for p in parents:
        node[p] = dict(node.get(p) or {})
        node = node[p]
    node[last] = copy.deepcopy(value)


def apply(old: dict, changes: list[Change]) -> dict:
    """The new plan's data, from the old one's and the changes between them."""
    idx = _Index(changes)

    def build_obj(value: dict, opath: tuple | None, npath: tuple, spec: S.Spec, rec: Change | None = None) -> dict:
        out = dict(value)
        if rec is None and opath is not None:
            rec = idx.at_old.get(opath)
        layout = None
        if rec is not None:
            for fc in rec.fields:
                if fc.field == "layout":
                    layout = fc.new
                else:
                    _set_field(out, fc.field, fc.new)
        for lf, lspec in spec.lists.items():
            current = value.get(lf)
            built = build_list(current or [], opath + (lf,) if opath is not None else None, npath + (lf,), lspec)
            out[lf] = built if (current is not None or built) else current
        if layout == "groups":
            out["tasks"] = None
            out["groups"] = out.get("groups") or []
        elif layout == "tasks":
            out["groups"] = None
            out["tasks"] = out.get("tasks") or []
        return out

    def build_list(items: list, opath: tuple | None, npath: tuple, spec: S.Spec) -> list:
        slots: list[tuple[str, object]] = []
        for i in range(len(items)):
            rec = idx.at_old.get(opath + (i,)) if opath is not None else None
            if rec is None or rec.kind == "changed":
                slots.append(("old", i))
        for c in sorted(idx.inserts.get(npath, []), key=lambda c: c.new_path[-1]):
            slots.insert(c.new_path[-1], ("rec", c))
        out = []
        for pos, (what, x) in enumerate(slots):
            here = npath + (pos,)
            if what == "old":
                where = opath + (x,) if opath is not None else None
                out.append(build_obj(items[x], where, here, spec) if isinstance(items[x], dict) else items[x])
            elif x.kind == "added":
                out.append(build_obj(copy.deepcopy(x.value), None, here, spec))
            else:
                out.append(build_obj(_get(old, tuple(x.path)), tuple(x.path), here, spec, x))
        return out

    def build_tables(new_key: str) -> list:
        """Every appendix of the new plan (format 1.1: `appendices`, or one written as `appendix`):
        the old ones kept or changed, in order, and the added ones at their new index."""
        from tuyentruyen.diff.compare import tables

        slots: list[tuple] = []
        for path, app in tables(old):
            rec = idx.roots.get("appendix") if path == ("appendix",) else idx.at_old.get(path)
            if rec is None or rec.kind != "removed":
                slots.append((path, app, rec))
        for c in sorted(idx.inserts.get(("appendices",), []), key=lambda c: c.new_path[-1]):
            slots.insert(c.new_path[-1], (None, c.value, c))
        root = idx.roots.get("appendix")
        if root is not None and root.kind == "added":
            slots.append((None, root.value, root))
        built = []
        for pos, (path, app, _rec) in enumerate(slots):
            npath = ("appendices", pos) if new_key == "appendices" else ("appendix",)
            if path is None:
                built.append(build_obj(copy.deepcopy(app), None, npath, _APPENDIX))
            else:
                built.append(build_obj(app, path, npath, _APPENDIX, _rec))
        return built

    result = dict(old)
    file_rec = idx.roots.get("file")
    new_key = None
    if file_rec is not None:
        for fc in file_rec.fields:
            if fc.field == "appendix_key":
                new_key = fc.new
            else:
                _set_field(result, fc.field, fc.new)
    several = new_key is not None or old.get("appendices") is not None
    for key, spec in _ROOT_SPECS.items():
        if key == "appendix" and several:
            continue
        rec = idx.roots.get(key)
        if rec is not None and rec.kind == "added":
            result[key] = copy.deepcopy(rec.value)
        elif rec is not None and rec.kind == "removed":
            result[key] = None
        elif old.get(key) is not None:
            result[key] = build_obj(old[key], (key,), (key,), spec, rec)
    if several:
        new_key = new_key or "appendices"
        built = build_tables(new_key)
        result["appendices"] = built if new_key == "appendices" else None
        result["appendix"] = (built[0] if built else None) if new_key == "appendix" else None
    return result


def invert(changes: list[Change]) -> list[Change]:
    """The changes from the new plan back to the old one."""
    out = []
    for c in changes:
        kind = {"added": "removed", "removed": "added"}.get(c.kind, c.kind)
        out.append(replace(c, kind=kind, path=c.new_path, new_path=c.path, label=c.old_label or c.label,
                           old_label=c.label if c.old_label else None,
                           fields=[f.inverse() for f in c.fields], notes=[], relation=None))
    return out
