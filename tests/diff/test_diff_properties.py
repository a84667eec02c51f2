"""Property tests of the semantic diff on generated plans shaped like real ones.

For plans A and B = a random series of edits of A (fields edited, tasks moved across groups,
reordered, added, removed, groups renamed/added/removed, units written by an alias, ids
dropped, document and narrative edits):

- diff(A, A) is empty;
- applying diff(A, B) to A gives B exactly (the diff misses nothing and invents nothing);
- diff(B, A) is the inverse of diff(A, B), and applying that inverse to B gives A.
"""

from __future__ import annotations

import copy
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuyentruyen.diff import diff_data
from tuyentruyen.diff.apply import apply, invert
from tuyentruyen.model import Plan, Registry
from tests.diff.diffplans import REGISTRY

REG = Registry.model_validate(REGISTRY)
WORDS = ("tuyên truyền cải cách hành chính thủ tục dịch vụ công trực tuyến người dân doanh nghiệp cơ quan đơn vị "
         "hướng dẫn thực hiện kiểm soát phản ánh kiến nghị tập huấn cán bộ công chức viên chức hội nghị báo chí "
         "phát thanh truyền hình cổng thông tin điện tử một cửa liên thông địa bàn tỉnh huyện xã").split()
NAMES = [n for u in REGISTRY["units"] for n in (u["name"], *u.get("short", []), *u.get("aliases", []))]
ALIASES = {u["name"]: [*u.get("short", []), *u.get("aliases", [])] for u in REGISTRY["units"]}
TIMES = ["Thường xuyên", "Quý I/2024", "Quý II/2024", "Quý III/2024", "Quý IV/2024", "Quý II, III/2024",
         "6 tháng đầu năm 2024", "trước ngày 15/3/2024", "Năm 2024", "Theo kế hoạch kiểm tra", None]
SIGNERS = ["Đặng Văn Minh", "Trần Phước Hiền", "Nguyễn Văn Sơn"]

texts = st.lists(st.sampled_from(WORDS), min_size=6, max_size=14).map(lambda w: " ".join(w).capitalize() + ".")
units = st.lists(st.sampled_from(NAMES), max_size=3, unique=True)


class Ids:
    def __init__(self):
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return f"nv-{self.n}"


@st.composite
def tasks(draw, ids: Ids):
    return {"id": ids(), "content": draw(texts), "lead": draw(st.lists(st.sampled_from(NAMES), max_size=2,
                                                                          unique=True)),
            "support": draw(units), "due": draw(st.sampled_from(TIMES)),
            "quantity": draw(st.sampled_from([None, "4 bài", "01 lớp, 40 người"]))}


@st.composite
def citations(draw):
    if draw(st.booleans()):
        return {"text": f"Luật {draw(texts)}"}
    return {"type": draw(st.sampled_from(["Nghị định", "Quyết định", "Kế hoạch"])),
            "number": f"{draw(st.integers(1, 999))}/QĐ-UBND", "date": f"{draw(st.integers(1, 28))}/3/2023",
            "issuer": "UBND tỉnh"}


@st.composite
def sections(draw, depth: int = 0):
    s = {"heading": draw(texts)[:30], "marker": draw(st.sampled_from(["letter", "dash"])),
         "items": draw(st.lists(texts, max_size=3)), "text": draw(st.lists(texts, max_size=2))}
    if depth == 0:
        s["sections"] = draw(st.lists(sections(1), max_size=2))
        s["duties"] = [{"unit": draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=2, unique=True)),
                        "text": draw(st.lists(texts, min_size=1, max_size=2))} for _ in range(draw(st.integers(0, 2)))]
    return s


@st.composite
def plans(draw):
    ids = Ids()
    n_groups = draw(st.integers(0, 4))
    app = {"title": "Nội dung công việc truyền thông", "heading": "DANH MỤC"}
    if n_groups:
        app["groups"] = [{"title": draw(texts), "tasks": draw(st.lists(tasks(ids), min_size=1, max_size=4))}
                         for _ in range(n_groups)]
    else:
        app["tasks"] = draw(st.lists(tasks(ids), min_size=1, max_size=6))
    data = {
        "tt": 1,
        "document": {"type": "ke-hoach", "issuer": {"name": "Ủy ban nhân dân tỉnh Quảng Ngãi"},
                     "number": draw(st.integers(1, 300)), "symbol": "KH-UBND", "place": "Quảng Ngãi",
                     "date": "15/02/2024", "title": draw(texts), "signer": {"position": "CHỦ TỊCH",
                                                                           "name": draw(st.sampled_from(SIGNERS))},
                     "recipients": draw(units), "bases": draw(st.lists(citations(), max_size=3))},
        "plan": {"year": 2024, "sections": draw(st.lists(sections(), max_size=3))},
        "appendix": app,
    }
    return Plan.model_validate(data).model_dump(mode="json"), ids


def _containers(p: dict) -> list[list]:
    app = p["appendix"]
    return [g["tasks"] for g in app["groups"]] if app["groups"] is not None else [app["tasks"]]


def _all_tasks(p: dict) -> list[dict]:
    return [t for ts in _containers(p) for t in ts]


@st.composite
def edited(draw, plan: dict, ids: Ids):
    """A series of the edits clerks make between two versions of a plan."""
    p = copy.deepcopy(plan)
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["field", "field", "move", "reorder", "add", "remove", "alias", "group",
                                   "document", "narrative", "layout"]))
        cs = _containers(p)
        grouped = p["appendix"]["groups"] is not None
        if op == "field":
            t = draw(st.sampled_from(_all_tasks(p)))
            f = draw(st.sampled_from(["content", "lead", "support", "due", "quantity"]))
            t[f] = draw({"content": texts, "lead": st.lists(st.sampled_from(NAMES), max_size=2, unique=True),
                         "support": units, "due": st.sampled_from(TIMES),
                         "quantity": st.sampled_from([None, "5 bài"])}[f])
        elif op == "move":
            src = draw(st.sampled_from(cs))
            if len(src) > 1 or not grouped:
                t = src.pop(draw(st.integers(0, len(src) - 1)))
                dst = draw(st.sampled_from(cs))
                dst.insert(draw(st.integers(0, len(dst))), t)
        elif op == "reorder":
            c = draw(st.sampled_from(cs))
            c[:] = draw(st.permutations(c))
        elif op == "add":
            c = draw(st.sampled_from(cs))
            c.insert(draw(st.integers(0, len(c))), draw(tasks(ids)))
        elif op == "remove":
            c = draw(st.sampled_from(cs))
            if len(c) > 1:
                c.pop(draw(st.integers(0, len(c) - 1)))
        elif op == "alias":
            t = draw(st.sampled_from(_all_tasks(p)))
            t["lead"] = [draw(st.sampled_from(ALIASES.get(n) or [n])) for n in t["lead"]]
        elif op == "group" and grouped:
            groups = p["appendix"]["groups"]
            what = draw(st.sampled_from(["rename", "add", "remove", "swap"]))
            if what == "rename":
                draw(st.sampled_from(groups))["title"] = draw(texts)
            elif what == "add":
                groups.insert(draw(st.integers(0, len(groups))), {"title": draw(texts), "tasks": [draw(tasks(ids))]})
            elif what == "remove" and len(groups) > 1:
                gone = groups.pop(draw(st.integers(0, len(groups) - 1)))
                if draw(st.booleans()):
                    groups[0]["tasks"].extend(gone["tasks"])
            elif what == "swap":
                groups[:] = draw(st.permutations(groups))
        elif op == "document":
            doc = p["document"]
            what = draw(st.sampled_from(["number", "signer", "recipients", "bases"]))
            if what == "number":
                doc["number"] = draw(st.integers(1, 300))
            elif what == "signer":
                doc["signer"]["name"] = draw(st.sampled_from(SIGNERS))
            elif what == "recipients":
                doc["recipients"] = draw(units)
            else:
                doc["bases"] = draw(st.lists(citations(), max_size=3))
        elif op == "narrative" and p["plan"]["sections"]:
            sec = draw(st.sampled_from(p["plan"]["sections"]))
            what = draw(st.sampled_from(["item", "heading", "text", "subsection", "duty", "drop"]))
            if what == "item":
                sec["items"].insert(draw(st.integers(0, len(sec["items"]))), {"text": draw(texts), "bullets": [],
                                                                              "unit": None, "due": None})
            elif what == "heading":
                sec["heading"] = draw(texts)[:30]
            elif what == "text":
                sec["text"] = draw(st.lists(texts, max_size=2))
            elif what == "subsection" and sec["sections"]:
                sec["sections"][0]["items"] = []
            elif what == "duty" and sec["duties"]:
                sec["duties"][-1]["text"] = draw(st.lists(texts, min_size=1, max_size=2))
            elif what == "drop":
                p["plan"]["sections"].remove(sec)
        elif op == "layout" and grouped and draw(st.booleans()):
            p["appendix"]["tasks"] = [t for ts in cs for t in ts]
            p["appendix"]["groups"] = None
    p = Plan.model_validate(p).model_dump(mode="json")
    if draw(st.integers(0, 9)) == 0:  # an older plan whose tasks had no ids
        for t in _all_tasks(p):
            t["id"] = None
    return p


@st.composite
def pairs(draw):
    a, ids = draw(plans())
    return a, draw(edited(a, ids))


def signature(changes) -> tuple[Counter, int]:
    """The changes as comparable facts; which of two swapped objects counts as 'reordered' is arbitrary."""
    out: Counter = Counter()
    reordered = 0
    for c in changes:
        kind = c.kind
        if kind == "reordered":
            reordered += 1
            kind = "changed" if c.fields else None
        if kind is None:
            continue
        fields = tuple((f.field, repr(f.old), repr(f.new), f.cosmetic) for f in c.fields)
        out[(kind, c.object, tuple(c.path or ()), tuple(c.new_path or ()), fields)] += 1
    return out, reordered


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(pairs())
def test_apply_diff_gives_the_new_plan(ab):
    a, b = ab
    changes = diff_data(a, b, REG, REG)
    assert apply(a, changes) == b


@SETTINGS
@given(pairs())
def test_diff_back_is_the_inverse(ab):
    a, b = ab
    forward = diff_data(a, b, REG, REG)
    back = diff_data(b, a, REG, REG)
    assert signature(back) == signature(invert(forward))
    assert apply(b, invert(forward)) == a
    assert apply(b, back) == a


@settings(max_examples=25, deadline=None)
@given(plans())
def test_diff_with_itself_is_empty(plan_ids):
    a, _ = plan_ids
    assert diff_data(a, a, REG, REG) == []
    assert diff_data(a, copy.deepcopy(a), None, None) == []
