"""The semantic comparison of two plans (so sánh ngữ nghĩa): what changed in the plan's terms.

Input is the data of each side's `Plan` model (`model_dump(mode="json")`); output is a
list of `Change` records (tuyentruyen.diff.model). Objects are matched, not lines:

- tasks by `id` across the whole appendix (a task in another group is *moved*); tasks
  without id by content; renumbering (STT) is no change;
- groups by title, else by the tasks they share, else by a similar title;
- sections by heading, duties by their units, items and citations by their text;
- within one list, only the objects that left the longest run kept in order are *reordered*.

Each changed field is compared by its type: a unit renamed to another name of the same unit
(registry) is cosmetic; a time gets its meaning from `tuyentruyen.vn.timeexpr` when present
("muộn hơn 1 quý"); long text gets a word-level diff.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tuyentruyen.diff import match as M
from tuyentruyen.diff import spec as S
from tuyentruyen.diff.model import Change, FieldChange, PlanDiff, SideInfo
from tuyentruyen.diff.text import fold, is_short, norm, paragraph_ops, word_diff
from tuyentruyen.diff.units import UnitNames, compare_units, pair

_TIME_KINDS = {"continuous", "window", "deadline", "date", "recurrence", "event"}


def time_parser():
    """The time parser, so that times compare by meaning ("muộn hơn 1 quý"), not only as text."""
    from tuyentruyen.vn import timeexpr

    return timeexpr


@dataclass
class Context:
    old_units: UnitNames = field(default_factory=UnitNames)
    new_units: UnitNames = field(default_factory=UnitNames)
    old_year: int | None = None
    new_year: int | None = None
    times: object | None = None  # the timeexpr module


# ---------------------------------------------------------------- fields


def compare_field(ftype: str, fieldname: str, name: str, old, new, ctx: Context) -> FieldChange | None:
    if old == new:
        return None
    fc = FieldChange(fieldname, name, ftype, old, new)
    both_text = isinstance(old, str) and isinstance(new, str)
    if fieldname == "id":
        fc.cosmetic = True
        fc.note = "mã nhiệm vụ không in ra văn bản"
    elif ftype in ("text", "line"):
        if both_text and norm(old) == norm(new):
            fc.cosmetic, fc.note = True, "chỉ khác khoảng trắng hoặc dạng Unicode"
        elif both_text and not is_short(old, new):
            fc.details["words"] = word_diff(old, new)
    elif ftype == "time":
        _time(fc, ctx)
    elif ftype == "units":
        u = compare_units(old or [], new or [], ctx.old_units, ctx.new_units)
        fc.details["units"] = u
        if u["same_units"]:
            fc.cosmetic = True
            fc.note = "cùng đơn vị, chỉ đổi cách viết" if u["renamed"] else "cùng đơn vị, chỉ đổi thứ tự"
    elif ftype == "unit":
        if both_text:
            u = compare_units([old], [new], ctx.old_units, ctx.new_units)
            if u["same_units"]:
                fc.cosmetic, fc.note = True, "cùng đơn vị, chỉ đổi cách viết"
    elif ftype == "paragraphs":
        ops = paragraph_ops(old or [], new or [])
        fc.details["paragraphs"] = ops
        if all(op["op"] == "edit" and op["cosmetic"] for op in ops):
            fc.cosmetic, fc.note = True, "chỉ khác khoảng trắng hoặc dạng Unicode"
    elif ftype == "lines":
        if [norm(x) for x in old or []] == [norm(x) for x in new or []]:
            fc.cosmetic, fc.note = True, "chỉ khác khoảng trắng hoặc dạng Unicode"
    elif ftype == "names":
        a, b = [fold(x) for x in old or []], [fold(x) for x in new or []]
        fc.details["names"] = {"added": [x for x, k in zip(new or [], b) if k not in a],
                               "removed": [x for x, k in zip(old or [], a) if k not in b]}
        if sorted(a) == sorted(b):
            fc.cosmetic = True
            fc.note = "chỉ đổi thứ tự" if a != b else "chỉ khác chữ hoa/thường hoặc khoảng trắng"
    return fc


def _time(fc: FieldChange, ctx: Context) -> None:
    old, new = fc.old, fc.new
    if not (isinstance(old, str) and isinstance(new, str)):
        return
    if norm(old) == norm(new):
        fc.cosmetic, fc.note = True, "chỉ khác khoảng trắng hoặc dạng Unicode"
        return
    te = ctx.times
    if te is None:
        return
    try:
        a, b = te.parse_time(old, ctx.old_year), te.parse_time(new, ctx.new_year)
        kinds = {str(getattr(getattr(x, "kind", ""), "value", getattr(x, "kind", ""))) for x in (a, b)}
        if not kinds <= _TIME_KINDS:
            return  # unreadable or impossible: the text says it all
        moved = te.compare_windows(a, b)
        describe = getattr(te, "describe", None)
        if callable(describe):
            fc.details["meaning"] = {"old": describe(a), "new": describe(b)}
    except Exception:  # noqa: BLE001 - the time parser is another module; text alone is still right
        return
    if moved is None:
        fc.cosmetic, fc.note = True, "cùng nghĩa, chỉ đổi cách viết"
    else:
        fc.note = moved


# ---------------------------------------------------------------- objects and lists


def compare_fields(old: dict, new: dict, spec: S.Spec, ctx: Context) -> list[FieldChange]:
    out = []
    for f, t in spec.fields.items():
        fc = compare_field(t, f, spec.names[f], old.get(f), new.get(f), ctx)
        if fc is not None:
            out.append(fc)
    for sub, sspec in spec.flatten.items():
        o, n = old.get(sub) or {}, new.get(sub) or {}
        for f, t in sspec.fields.items():
            fc = compare_field(t, f"{sub}.{f}", sspec.names[f], o.get(f), n.get(f), ctx)
            if fc is not None:
                out.append(fc)
    return out


def compare_children(old: dict, new: dict, spec: S.Spec, opath: tuple, npath: tuple, ctx: Context,
                     wo: dict, wn: dict) -> list[Change]:
    out: list[Change] = []
    for lf, lspec in spec.lists.items():
        out.extend(compare_list(old.get(lf) or [], new.get(lf) or [], opath + (lf,), npath + (lf,), lspec, ctx,
                                wo, wn, lf))
    return out


def citation_text(c: dict) -> str:
    if c.get("text"):
        return c["text"]
    parts = [c.get("type") or ""]
    if c.get("number"):
        parts.append(f"số {c['number']}")
    if c.get("name"):
        parts.append(c["name"])
    if c.get("date"):
        parts.append(f"ngày {show_date(c['date'])}")
    if c.get("issuer"):
        parts.append(f"của {c['issuer']}")
    if c.get("subject"):
        parts.append(c["subject"])
    return " ".join(p for p in parts if p)


def show_date(value) -> str:
    """ISO 2022-12-19 (as the model dumps it) → 19/12/2022."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return f"{value[8:]}/{value[5:7]}/{value[:4]}"
    return str(value)


def _where(obj: str, elem: dict, index: int, parent: dict, listname: str) -> dict:
    """The label (new numbering of its side) and the children's context of one element."""
    if obj == "section":
        num = S.roman(index + 1) if not parent.get("num") else f"{parent['num']}.{index + 1}"
        label = f"Mục {num}"
        return {"num": num, "label": label, "title": elem.get("heading"), "marker": elem.get("marker"),
                "nsec": len(elem.get("sections") or [])}
    if obj == "duty":
        num = f"{parent['num']}.{parent.get('nsec', 0) + index + 1}"
        title = elem.get("heading") or ", ".join(elem.get("unit") or [])
        return {"num": num, "label": f"Mục {num}", "title": title, "marker": elem.get("marker"), "nsec": 0}
    if obj == "item":
        label = f"{parent['label']}, ý {S.item_mark(index, parent.get('marker') or 'dash')}"
        return {"num": None, "label": label, "title": elem.get("text")}
    if obj == "citation":
        what = "Căn cứ" if listname == "bases" else "Văn bản được thực hiện"
        return {"num": None, "label": f"{what} thứ {index + 1}", "title": citation_text(elem)}
    raise ValueError(obj)  # pragma: no cover


def _keys(obj: str, items: list[dict], units: UnitNames) -> tuple[list, list, list[str]]:
    """(first key, second key, text for similarity) of each element."""
    if obj == "section":
        return ([fold(s["heading"]) for s in items], [s.get("kind") for s in items],
                [s["heading"] + " " + " ".join((s.get("text") or [])[:1]) for s in items])
    if obj == "duty":
        unit_keys = [tuple(sorted(units.key(u) for u in d["unit"])) for d in items]
        return ([(k, fold(d.get("heading") or "")) for k, d in zip(unit_keys, items)], unit_keys,
                [" ".join(d["unit"]) + " " + (d.get("heading") or "") + " " + " ".join(d.get("text") or [])
                 for d in items])
    if obj == "item":
        return ([(fold(i["text"]), fold(i.get("unit") or "")) for i in items], [fold(i["text"]) for i in items],
                [i["text"] for i in items])
    if obj == "citation":
        texts = [citation_text(c) for c in items]
        first = [fold(c["text"]) if c.get("text") else (fold(c.get("type") or ""), fold(c.get("number") or ""),
                                                        fold(c.get("name") or ""), c.get("date")) for c in items]
        second = [fold(c["number"]) if c.get("number") else None for c in items]
        return first, second, texts
    raise ValueError(obj)  # pragma: no cover


def _short(text: str | None, width: int = 70) -> str | None:
    if text is None:
        return None
    text = norm(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def compare_list(old: list[dict], new: list[dict], opath: tuple, npath: tuple, spec: S.Spec, ctx: Context,
                 wo: dict, wn: dict, listname: str) -> list[Change]:
    if not old and not new:
        return []
    k1o, k2o, to = _keys(spec.object, old, ctx.old_units)
    k1n, k2n, tn = _keys(spec.object, new, ctx.new_units)
    of, nf = set(range(len(old))), set(range(len(new)))
    pairs = M.by_key(k1o, k1n, of, nf)
    pairs += M.by_key(k2o, k2n, of, nf)
    pairs += M.by_similarity(to, tn, of, nf)
    by_new = {j: (i, how) for i, j, how in pairs}
    order = sorted(by_new)
    kept = {order[p] for p in M.lis([by_new[j][0] for j in order])}
    matched_old = {i for i, _, _ in pairs}
    removed = [i for i in range(len(old)) if i not in matched_old]
    out: list[Change] = []

    def emit_removed(upto: int) -> None:
        while removed and removed[0] < upto:
            i = removed.pop(0)
            w = _where(spec.object, old[i], i, wo, listname)
            out.append(Change("removed", spec.object, opath + (i,), None, w["label"], title=_short(w["title"]),
                              value=old[i]))

    for j in range(len(new)):
        wj = _where(spec.object, new[j], j, wn, listname)
        if j not in by_new:
            out.append(Change("added", spec.object, None, npath + (j,), wj["label"], title=_short(wj["title"]),
                              value=new[j]))
            continue
        i, how = by_new[j]
        emit_removed(i)
        wi = _where(spec.object, old[i], i, wo, listname)
        if old[i] == new[j]:
            fields, children = [], []
        else:
            fields = compare_fields(old[i], new[j], spec, ctx)
            children = compare_children(old[i], new[j], spec, opath + (i,), npath + (j,), ctx, wi, wj)
        kind = "reordered" if j not in kept else ("changed" if fields else None)
        if kind is not None:
            out.append(Change(kind, spec.object, opath + (i,), npath + (j,), wj["label"],
                              old_label=wi["label"] if wi["label"] != wj["label"] else None,
                              title=_short(wj["title"]), fields=fields, matched_by=how))
        out.extend(children)
    emit_removed(len(old) + 1)
    return out


# ---------------------------------------------------------------- the appendix


def _containers(app: dict, base: tuple = ("appendix",)) -> list[tuple[tuple, str | None, list[dict]]]:
    """(path of the container, group title, tasks) — one container when the table has no groups."""
    if app.get("groups") is not None:
        return [(base + ("groups", gi), g["title"], g["tasks"]) for gi, g in enumerate(app["groups"])]
    return [(base, None, app.get("tasks") or [])]


def appendix_key(data: dict) -> str:
    """How a plan's data holds its appendices: "appendices" (format 1.1, several) or "appendix"."""
    return "appendices" if data.get("appendices") is not None else "appendix"


def tables(data: dict) -> list[tuple[tuple, dict]]:
    """(path, appendix) of every appendix of a plan's data: ("appendix",) or ("appendices", k)."""
    if data.get("appendices") is not None:
        return [(("appendices", k), a) for k, a in enumerate(data["appendices"])]
    return [(("appendix",), data["appendix"])] if data.get("appendix") is not None else []


def task_number(ci: int, ti: int, grouped: bool) -> str:
    from tuyentruyen.vn.numerals import task_number as number

    return number(ci if grouped else None, ti)


@dataclass
class _Box:
    """A container of tasks: a group of appendix k, or appendix k's table without groups."""

    table: int
    path: tuple
    title: str | None
    tasks: list[dict]
    grouped: bool
    local: int  # the group's index inside its appendix


def _boxes(tabs: list[tuple[tuple, dict]]) -> list[_Box]:
    out = []
    for k, (base, app) in enumerate(tabs):
        grouped = app.get("groups") is not None
        for local, (path, title, tasks) in enumerate(_containers(app, base)):
            out.append(_Box(k, path, title, tasks, grouped, local))
    return out


def _layout(app: dict) -> str:
    return "groups" if app.get("groups") is not None else "tasks"


def compare_appendix(old_app: dict, new_app: dict, ctx: Context) -> tuple[list[Change], list[str]]:
    """One appendix against one appendix (format 1)."""
    return compare_tables([(("appendix",), old_app)], [(("appendix",), new_app)], ctx)


def compare_tables(old_tabs: list[tuple[tuple, dict]], new_tabs: list[tuple[tuple, dict]], ctx: Context,
                   several: bool = False) -> tuple[list[Change], list[str]]:
    """The appendices of two plans: appendix k against appendix k (Phụ lục I with Phụ lục I), their
    groups by title, then shared tasks, then a similar title; tasks by id across every appendix (a task
    now in another group or another appendix is *moved*). several: label them Phụ lục I, II…"""
    out: list[Change] = []
    notes: list[str] = []

    def app_label(k: int) -> str:
        return f"Phụ lục {S.roman(k + 1)}" if several else "Phụ lục"

    def where(k: int) -> str:
        return f" ({app_label(k)})" if several else ""

    both = min(len(old_tabs), len(new_tabs))
    for k in range(max(len(old_tabs), len(new_tabs))):
        if k < both:
            (opath, oa), (npath, na) = old_tabs[k], new_tabs[k]
            fields = compare_fields({**oa, "layout": _layout(oa)}, {**na, "layout": _layout(na)}, S.APPENDIX, ctx)
            if fields:
                out.append(Change("changed", "appendix", opath, npath, app_label(k), fields=fields))
        elif k < len(new_tabs):  # a new appendix: its groups and tasks are reported one by one
            npath, na = new_tabs[k]
            grouped = na.get("groups") is not None
            shell = {**na, "groups": [] if grouped else None, "tasks": None if grouped else []}
            count = sum(len(b.tasks) for b in _boxes([new_tabs[k]]))
            out.append(Change("added", "appendix", None, npath, app_label(k), title=_short(na.get("title")),
                              value=shell, notes=[f"{count} nhiệm vụ"]))
        else:
            opath, oa = old_tabs[k]
            count = sum(len(b.tasks) for b in _boxes([old_tabs[k]]))
            out.append(Change("removed", "appendix", opath, None, app_label(k), title=_short(oa.get("title")),
                              value=oa, notes=[f"{count} nhiệm vụ"]))

    oc, nc = _boxes(old_tabs), _boxes(new_tabs)
    otasks = [(ci, ti, t) for ci, b in enumerate(oc) for ti, t in enumerate(b.tasks)]
    ntasks = [(cj, tj, t) for cj, b in enumerate(nc) for tj, t in enumerate(b.tasks)]
    pairs = M.match_tasks([t for _, _, t in otasks], [t for _, _, t in ntasks])

    # containers, within each pair of appendices: groups by title, then by shared tasks, then by a
    # similar title; two tables without groups are one container each
    cpairs: dict[int, int] = {}
    how_g: dict[int, str] = {}
    shared: dict[tuple[int, int], int] = {}
    for a, b, _ in pairs:
        key = (otasks[a][0], ntasks[b][0])
        shared[key] = shared.get(key, 0) + 1
    for k in range(both):
        o_ids = [ci for ci, b in enumerate(oc) if b.table == k]
        n_ids = [cj for cj, b in enumerate(nc) if b.table == k]
        og, ng = oc[o_ids[0]].grouped, nc[n_ids[0]].grouped
        if og and ng:
            of, nf = set(o_ids), set(n_ids)
            keys_o = {ci: fold(oc[ci].title) for ci in o_ids}
            keys_n = {cj: fold(nc[cj].title) for cj in n_ids}
            gp = M.by_key([keys_o.get(i) for i in range(len(oc))], [keys_n.get(j) for j in range(len(nc))], of, nf,
                          how="title")
            scored = [(n / max(len(oc[ci].tasks), len(nc[cj].tasks)), ci, cj) for (ci, cj), n in shared.items()
                      if ci in of and cj in nf]
            gp += M.greedy(scored, 0.5, "tasks", of, nf)
            gp += M.by_similarity([oc[i].title or "" for i in range(len(oc))],
                                  [nc[j].title or "" for j in range(len(nc))], of, nf, 0.6, "similar")
            cpairs.update({i: j for i, j, _ in gp})
            how_g.update({i: h for i, _, h in gp})
        elif not og and not ng:
            cpairs[o_ids[0]] = n_ids[0]
    inv = {j: i for i, j in cpairs.items()}

    def group_label(box: _Box) -> str:
        return f"Nhóm {S.roman(box.local + 1)}{where(box.table)}"

    # group records (a table that gains or loses its groups adds or removes them all); the groups of a
    # removed appendix go with it
    order = sorted(inv)
    kept_g = {order[p] for p in M.lis([inv[j] for j in order])}
    for cj, box in enumerate(nc):
        if not box.grouped:
            continue
        label = group_label(box)
        if cj not in inv:
            out.append(Change("added", "group", None, box.path, label, title=_short(box.title),
                              value={"title": box.title, "tasks": []}))
            continue
        ci = inv[cj]
        gfields = compare_fields({"title": oc[ci].title}, {"title": box.title}, S.GROUP, ctx)
        kind = "reordered" if cj not in kept_g else ("changed" if gfields else None)
        if kind:
            old_label = group_label(oc[ci])
            out.append(Change(kind, "group", oc[ci].path, box.path, label,
                              old_label=old_label if old_label != label else None, title=_short(box.title),
                              fields=gfields, matched_by=how_g[ci]))
    for ci, box in enumerate(oc):
        if box.grouped and ci not in cpairs and box.table < len(new_tabs):
            out.append(Change("removed", "group", box.path, None, group_label(box), title=_short(box.title),
                              value={"title": box.title, "tasks": []}))

    def number(boxes: list[_Box], ci: int, ti: int) -> str:
        box = boxes[ci]
        return task_number(box.local, ti, box.grouped) + where(box.table)

    # tasks: kept in place, reordered within their group, moved to another group, added, removed
    by_new = {b: (a, how) for a, b, how in pairs}
    same: dict[int, list[int]] = {}  # new container → new task positions (flat) whose old task is in its pair
    for b, (a, _) in by_new.items():
        if cpairs.get(otasks[a][0]) == ntasks[b][0]:
            same.setdefault(ntasks[b][0], []).append(b)
    kept: set[int] = set()
    for bs in same.values():
        bs.sort()
        kept |= {bs[p] for p in M.lis([otasks[by_new[b][0]][1] for b in bs])}
    matched_old = {a for a, _, _ in pairs}
    content_matched = 0

    def new_group(cj: int) -> dict | None:
        box = nc[cj]
        return {"label": group_label(box), "title": box.title, "side": "new"} if box.grouped else None

    def old_group(ci: int) -> dict | None:
        if ci in cpairs:
            return new_group(cpairs[ci])
        box = oc[ci]
        return {"label": group_label(box), "title": box.title, "side": "old"} if box.grouped else None

    for b, (cj, tj, task) in enumerate(ntasks):
        num = number(nc, cj, tj)
        if b not in by_new:
            out.append(Change("added", "task", None, nc[cj].path + ("tasks", tj), f"Nhiệm vụ {num}", id=task["id"],
                              title=_short(task["content"]), value=task, group=new_group(cj)))
            continue
        a, how = by_new[b]
        ci, ti, otask = otasks[a]
        content_matched += how == "content" and task["id"] is not None and otask["id"] is not None
        old_num = number(oc, ci, ti)
        tfields = compare_fields(otask, task, S.TASK, ctx) if otask != task else []
        if cpairs.get(ci) != cj:
            kind = "moved"
        elif b not in kept:
            kind = "reordered"
        else:
            kind = "changed" if tfields else None
        if kind is None:
            continue
        ch = Change(kind, "task", oc[ci].path + ("tasks", ti), nc[cj].path + ("tasks", tj), f"Nhiệm vụ {num}",
                    old_label=f"Nhiệm vụ {old_num}" if old_num != num else None, id=task["id"] or otask["id"],
                    title=_short(task["content"]), fields=tfields, matched_by=how, group=new_group(cj))
        if kind == "moved":
            src = (f"nhóm {S.roman(oc[ci].local + 1)}" if oc[ci].grouped else "bảng không chia nhóm") \
                + where(oc[ci].table)
            ch.notes.append(f"chuyển từ {src} (trước là {old_num})")
        out.append(ch)
    for a, (ci, ti, otask) in enumerate(otasks):
        if a not in matched_old and oc[ci].table < len(new_tabs):  # a removed appendix takes its tasks with it
            out.append(Change("removed", "task", oc[ci].path + ("tasks", ti), None,
                              f"Nhiệm vụ {number(oc, ci, ti)}", id=otask["id"], title=_short(otask["content"]),
                              value=otask, group=old_group(ci)))
    if content_matched:
        notes.append(f"{content_matched} nhiệm vụ đổi mã (id) nhưng giữ nguyên nội dung: được khớp theo nội dung.")
    _relations(out, otasks, ntasks, pairs)
    return out, notes


def _num(change: Change | str) -> str:
    """'III.2' from 'Nhiệm vụ III.2' (a label, or a change's label)."""
    label = change if isinstance(change, str) else change.label
    return label.removeprefix("Nhiệm vụ ")


def _relations(changes: list[Change], otasks, ntasks, pairs) -> None:
    """Mark tasks split in two (tách) or merged (gộp): an added task whose words are mostly those
    of a removed or shortened one, and the reverse."""
    removed = {c.path: c for c in changes if c.object == "task" and c.kind == "removed"}
    added = {c.new_path: c for c in changes if c.object == "task" and c.kind == "added"}
    if not added and not removed:
        return
    changed_content = {c.path: c for c in changes if c.object == "task" and c.kind != "added" and c.kind != "removed"
                       and any(f.field == "content" and not f.cosmetic for f in c.fields)}
    # split: new tasks whose words come from one old task (removed, or kept with less content)
    sources = {**{p: c.value["content"] for p, c in removed.items()},
               **{p: next(f.old for f in c.fields if f.field == "content") for p, c in changed_content.items()}}
    paths = list(sources)
    if added and sources:
        found = M.related({k: sources[p] for k, p in enumerate(paths)},
                          {k: c.value["content"] for k, c in enumerate(added.values())})
        by_source: dict[tuple, list[Change]] = {}
        new_list = list(added.values())
        for t, cands in found.items():
            by_source.setdefault(paths[cands[0][0]], []).append(new_list[t])
        for src_path, parts in by_source.items():
            src = removed.get(src_path) or changed_content[src_path]
            if src.kind == "removed" and len(parts) < 2:
                parts[0].notes.append(f"nội dung gần giống nhiệm vụ cũ {_num(src)} đã bỏ"
                                      + (f" ({src.id})" if src.id else ""))
                continue
            names = [_num(p) + (f" ({p.id})" if p.id else "") for p in parts]
            src.relation = {"type": "split", "ids": [p.id for p in parts], "labels": [p.label for p in parts]}
            src.notes.append("tách thành " + (" và ".join(names) if src.kind == "removed" else
                                              "nhiệm vụ này và " + " và ".join(names)))
            for p in parts:
                p.relation = {"type": "split", "ids": [src.id], "labels": [src.label]}
                p.notes.append(f"tách từ nhiệm vụ cũ {_num(src.old_label or src.label)}"
                               + (f" ({src.id})" if src.id else ""))
    # merge: removed tasks whose words are now inside another new task (added or with more content)
    if removed:
        targets = {c.new_path: c for c in changes if c.object == "task" and c.kind != "removed"
                   and (c.kind == "added" or any(f.field == "content" and not f.cosmetic for f in c.fields))}
        tpaths = list(targets)
        if tpaths:
            tgt_text = {k: (targets[p].value["content"] if targets[p].kind == "added" else
                            next(f.new for f in targets[p].fields if f.field == "content"))
                        for k, p in enumerate(tpaths)}
            rlist = [c for c in removed.values() if c.relation is None]
            found = M.related(tgt_text, {k: c.value["content"] for k, c in enumerate(rlist)})
            for r, cands in sorted(found.items()):
                tgt = targets[tpaths[cands[0][0]]]
                if tgt.relation is not None and tgt.relation["type"] != "merge":
                    continue
                gone = rlist[r]
                gone.relation = {"type": "merge", "ids": [tgt.id], "labels": [tgt.label]}
                gone.notes.append(f"gộp vào nhiệm vụ {_num(tgt)}" + (f" ({tgt.id})" if tgt.id else ""))
                if tgt.relation is None:
                    tgt.relation = {"type": "merge", "ids": [], "labels": []}
                tgt.relation["ids"].append(gone.id)
                tgt.relation["labels"].append(gone.label)
            for tgt in targets.values():
                if tgt.relation is not None and tgt.relation["type"] == "merge":
                    tgt.notes.append("gộp từ nhiệm vụ cũ " + ", ".join(
                        _num(label) + (f" ({i})" if i else "") for i, label in zip(tgt.relation["ids"],
                                                                                  tgt.relation["labels"])))


# ---------------------------------------------------------------- the whole plan


def compare_data(old: dict, new: dict, ctx: Context) -> tuple[list[Change], list[str]]:
    """Every change from the old plan's data to the new one's."""
    out: list[Change] = []
    notes: list[str] = []
    fields = compare_fields(old, new, S.FILE, ctx)
    several = old.get("appendices") is not None or new.get("appendices") is not None
    okey, nkey = appendix_key(old), appendix_key(new)
    if okey != nkey:  # one appendix written as `appendix`, the other side's as `appendices`
        fields.append(FieldChange("appendix_key", "cách ghi phụ lục", "enum", okey, nkey, cosmetic=True,
                                  note="cách ghi trong tệp; các phụ lục được so sánh bên dưới"))
    if fields:
        out.append(Change("changed", "file", (), (), "Tệp kế hoạch", fields=fields))
    root = {"num": "", "label": ""}
    for key, spec, label in (("document", S.DOCUMENT, "Văn bản"), ("decision", S.DECISION, "Quyết định"),
                             ("plan", S.PLAN_BODY, "Kế hoạch")):
        o, n = old.get(key), new.get(key)
        if o is None and n is None:
            continue
        if o is None or n is None:
            kind = "added" if o is None else "removed"
            out.append(Change(kind, key, None if o is None else (key,), None if n is None else (key,), label,
                              value=n if o is None else o))
            continue
        fields = compare_fields(o, n, spec, ctx)
        if fields:
            out.append(Change("changed", key, (key,), (key,), label, fields=fields))
        wo = {**root, "nsec": len(o.get("sections") or [])}
        wn = {**root, "nsec": len(n.get("sections") or [])}
        out.extend(compare_children(o, n, spec, (key,), (key,), ctx, wo, wn))
    _as_printed(out, old, new)
    o, n = old.get("appendix"), new.get("appendix")
    if several:
        changes, notes = compare_tables(tables(old), tables(new), ctx, several=True)
        out.extend(changes)
    elif o is not None and n is not None:
        changes, notes = compare_appendix(o, n, ctx)
        out.extend(changes)
    elif o is not None or n is not None:
        kind = "added" if o is None else "removed"
        app = n if o is None else o
        count = sum(len(ts) for _, _, ts in _containers(app))
        out.append(Change(kind, "appendix", None if o is None else ("appendix",), None if n is None else ("appendix",),
                          "Phụ lục", title=_short(app.get("title")), value=app, notes=[f"{count} nhiệm vụ"]))
    return out, notes


def _printed_signer(data: dict) -> list[str]:
    """The signer's block as printed (upper case): authority lines, then the position."""
    s = (data.get("document") or {}).get("signer") or {}
    lines = list(s.get("authority") or [])
    if not lines and s.get("prefix") and s.get("on_behalf"):
        lines = [f"{s['prefix']} {s['on_behalf']}"]
    return [norm(x).upper() for x in [*lines, s.get("position") or ""]]


def _printed_proposal(data: dict) -> str | None:
    """The proposal line as printed: document.proposal (format 1.1) or decision.proposal (format 1)."""
    text = (data.get("document") or {}).get("proposal") or (data.get("decision") or {}).get("proposal")
    if not text:
        return None
    full = text if text.split()[0].casefold() in ("theo", "xét") else "Theo đề nghị của " + text
    return norm(full).rstrip(" .;")


def _as_printed(changes: list[Change], old: dict, new: dict) -> None:
    """Field changes that do not change the printed document, marked cosmetic: the authority block
    written another way (prefix/on_behalf ↔ authority), the proposal moved between decision and
    document, Điều 2–3 fields that hand-written articles replace on both sides."""
    signer_fields = {"signer.prefix", "signer.on_behalf", "signer.authority"}
    same_block = _printed_signer(old) == _printed_signer(new)
    same_proposal = _printed_proposal(old) == _printed_proposal(new)
    articles = bool((old.get("decision") or {}).get("articles")) and bool((new.get("decision") or {}).get("articles"))
    for c in changes:
        if c.kind != "changed" or c.object not in ("document", "decision"):
            continue
        for fc in c.fields:
            if fc.cosmetic:
                continue
            if c.object == "document" and fc.field in signer_fields and same_block:
                fc.cosmetic, fc.note = True, "khối chữ ký in ra không đổi"
            elif fc.field == "proposal" and same_proposal:
                fc.cosmetic, fc.note = True, "dòng “Theo đề nghị của …” in ra không đổi"
            elif c.object == "decision" and fc.field in ("executors", "effective") and articles:
                fc.cosmetic, fc.note = True, "không in ra: các Điều viết tay ở 'articles' thay cho trường này"


def side_info(side) -> SideInfo:
    data = side.data or {}
    title = None
    if data:
        title = data["plan"].get("title") or data["document"].get("title")
    groups = [g["title"] for _, app in tables(data) for g in app.get("groups") or []] if data else []
    tasks = sum(len(b.tasks) for b in _boxes(tables(data))) if data else 0
    shown = side.display.split(":", 1)[1] if side.rev and ":" in side.display else side.display
    padded = tuple(bool(app.get("padded")) for _, app in tables(data)) if data else ()
    return SideInfo(side.display, shown, side.rev, title, tasks, side.missing_ids, side.registry_display, groups,
                    padded)


def compare_sides(old, new) -> PlanDiff:
    """Two loaded sides (tuyentruyen.diff.load.Side) → their PlanDiff."""
    result = PlanDiff(side_info(old), side_info(new))
    bad = [s for s in (old, new) if not s.ok]
    if bad:
        result.status = "error"
        result.error_files = [s.loaded for s in bad if s.loaded is not None]
        result.problems = [p for s in bad for p in s.problems]
        return result
    old_units, new_units = pair(old.units, new.units)
    ctx = Context(old_units, new_units, old.year, new.year, time_parser())
    result.changes, result.notes = compare_data(old.data, new.data, ctx)
    for s, which in ((old, "cũ"), (new, "mới")):
        if s.missing_ids:
            result.notes.insert(0, f"Bản {which} có {s.missing_ids} nhiệm vụ không có mã (id): "
                                   "các nhiệm vụ này được khớp theo nội dung.")
    return result
