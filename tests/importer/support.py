"""Helpers of the importer tests: render a plan, import the .docx back, compare the two plans.

`canonical(plan)` is the plan as its printed document carries it. The comparison of the
round-trip property is "same model, ids aside" up to what a printed .docx cannot tell apart
— each equivalence below is a fact of the renderer, listed in docs/import.md:

- not printed: task ids, `units`, `issuer.short`, `kind` of a section, the title of a Kế hoạch
  that stands alone (only its trích yếu is printed), `issued_by` when nothing prints a
  "của …" line, the `reference` lines (tt prints its own);
- printed by default: `issuer.header` (the header lines computed from the name), the authority
  line (the issuer's name in capitals), Điều 2's "kể từ ngày ký ban hành", Điều 3's "Các cơ
  quan, đơn vị có liên quan", `archive` VT;
- printed in capitals: the level-1 headings' case is compared as restored, the appendix title,
  the signer's lines, compared in capitals;
- punctuation tt reprints: the end of each entry of a list cell, of recipients, executors,
  proposal, citations' subjects; spaces are squashed;
- the signer's authority block is compared as its printed lines (v1 prefix/on_behalf or v1.1
  authority lines);
- a body whose paragraphs print alike: text and closing when there are no items (nor
  sub-sections), the marker of a body without items, items of marker `none` (plain paragraphs);
- an item's unit is printed "<unit>: <text>"; a due already said in the text is not printed
  again; a due that is printed ends the text with its own full stop;
- a duty's heading equal to its units as printed; the first letter of a unit name;
- a field few tasks fill (quantity, forms, budget, notes; Layout.optional_column_share) is
  printed in the content cell ("(02 lớp)", "Kinh phí: …."): compared as printed, and not at all
  when the content already says it (tt then does not print it).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from tuyentruyen import api
from tuyentruyen.render.text import clean
from tuyentruyen.vn.text import squash as _squash


def squash(text) -> str:
    """Spaces squashed, and what a .docx cannot hold removed (as the renderer removes it)."""
    return _squash(clean(text))

ROOT = Path(__file__).resolve().parents[2]


def strip_end(text: str) -> str:
    from tuyentruyen.render.text import strip_end as s

    return s(text)


def render(plan_path: Path) -> bytes:
    rendered = api.render_docx(plan_path)
    assert rendered.ok, [p.message for p in rendered.problems]
    return rendered.data


def index_of(registry_path: Path | None):
    if registry_path is None or not registry_path.exists():
        return None
    from tuyentruyen.vn.units import UnitIndex

    loaded = api.load_registry(registry_path)
    assert loaded.registry is not None
    return UnitIndex(loaded.registry)


def import_bytes(data: bytes, name: str, registry_path: Path | None = None):
    """(Imported, LoadedPlan) of a document: the YAML text really written, read back by tt."""
    from tuyentruyen.edit.importer import import_source, render_texts

    index = index_of(registry_path)
    result = import_source(data, name, index=index, registry_exists=index is not None)
    render_texts(result, display="imported.yaml")
    loaded = api.load_plan_bytes(result.plan_text.encode("utf-8"), "imported.yaml")
    return result, loaded


def _citation_text(c: dict) -> str:
    from tuyentruyen.model import Citation
    from tuyentruyen.render.wording import Wording

    return squash(strip_end(Wording(()).render("citation.j2", c=Citation.model_validate(c)).strip()))


def _citations(items: list) -> list:
    out = []
    for c in items or []:
        printed = _citation_text(c)
        out.append({"printed": printed, "structured": bool(c.get("type")),
                    "number": c.get("number"), "date": str(c.get("date")) if c.get("date") else None})
    return out


def _body(b: dict, *, section: bool) -> dict:
    out = {}
    texts = [squash(t) for t in b.get("text", [])]
    closing = [squash(t) for t in b.get("closing", [])]
    items = []
    marker = b.get("marker")
    marker = marker.value if hasattr(marker, "value") else marker
    written = list(texts) + list(closing)
    for item in b.get("items", []):
        text = squash(item["text"])
        if item.get("unit"):
            text = f"{squash(item['unit'])}: {text}"
        due = item.get("due")
        from tuyentruyen.render.text import mentions

        if due and not mentions(text, str(due)):
            text = strip_end(text)  # printed with ". Thời gian thực hiện: …" after it
        elif due:
            due = None
        items.append({"text": text, "bullets": [squash(x) for x in item.get("bullets", [])],
                      **({"due": squash(str(due))} if due else {})})
        written.append(text)
        written.extend(item.get("bullets", []))
    has_subs = bool(b.get("sections")) or bool(b.get("duties"))
    if marker == "none" and not any(i["bullets"] for i in items):
        # plain paragraphs: an item's due is printed at the end of its text
        from tuyentruyen.render.text import with_due

        texts = texts + [squash(with_due(i["text"], i.get("due"), f"Thời gian thực hiện: {i['due']}"))
                         if i.get("due") else i["text"] for i in items] + ([] if has_subs else closing)
        closing = closing if has_subs else []
        items = []
    if not items and not has_subs:
        texts, closing = texts + closing, []
    if not items and not (section and has_subs):
        pass
    out["text"] = texts
    out["items"] = items
    out["marker"] = marker if items else None
    out["closing"] = closing
    due = b.get("due")
    from tuyentruyen.render.text import mentions

    if due and any(mentions(x, str(due)) for x in written):
        due = None
    out["due"] = squash(str(due)) if due else None
    return out


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def _section(s: dict, level: int) -> dict:
    out = {"heading": squash(s["heading"]), **_body(s, section=True)}
    out["sections"] = [_section(x, level + 1) for x in s.get("sections", [])]
    duties = []
    for d in s.get("duties", []):
        units = [squash(u) for u in d["unit"]]
        printed = ("; " if any("," in u for u in units) else ", ").join(units)
        heading = squash(d["heading"]) if d.get("heading") else printed
        duties.append({"heading": heading, **_body(d, section=False)})
    out["duties"] = duties
    return out


def _list(values: list) -> list:
    values = [squash(v) for v in values]
    return [strip_end(v) for v in values] if len(values) > 1 else values


def canonical(plan) -> dict:
    """The plan as its printed .docx carries it (see the module docstring)."""
    d = plan.model_dump(mode="python")
    doc = d["document"]
    issuer = doc["issuer"]
    signer = plan.document.signer
    out: dict = {
        "type": doc["type"].value,
        "issuer": squash(issuer["name"]),
        "parent": squash(issuer["parent"]).upper() if issuer.get("parent") else None,
        "number": plan.document.number_text, "symbol": doc["symbol"], "place": squash(doc["place"]),
        "date": doc["date"], "title": squash(doc["title"]),
        "bases": _citations(doc.get("bases")),
        "proposal": None,
        "signer": [squash(x).upper() for x in signer.block], "signer_name": signer.name,
        "recipients": [squash(strip_end(r)) for r in doc.get("recipients", [])],
        "archive": [squash(strip_end(a)) for a in doc.get("archive", [])],
        "copies": doc.get("copies"),
    }
    proposal = doc.get("proposal") or ((d.get("decision") or {}).get("proposal"))
    if proposal:
        out["proposal"] = squash(strip_end(proposal))
    if plan.is_decision:
        dec = d.get("decision") or {}
        out["authority"] = squash(dec.get("authority") or issuer["name"]).upper()
        out["effective"] = squash(strip_end(dec.get("effective") or "kể từ ngày ký ban hành"))
        out["executors"] = [squash(strip_end(x)) for x in dec.get("executors") or []] or \
            ["Các cơ quan, đơn vị có liên quan"]
        out["articles"] = [squash(x) for x in dec.get("articles") or []]
        if out["articles"]:  # articles written by hand replace Điều 2 and 3 as tt writes them
            out.pop("effective")
            out.pop("executors")
        out["issued_by"] = squash(doc.get("issued_by") or issuer["name"])
    elif plan.all_appendices():
        out["issued_by"] = squash(doc.get("issued_by") or issuer["name"])
    body = d["plan"]
    out["plan"] = {
        "title": squash(plan.plan_title) if plan.is_decision else None,
        "year": body["year"],
        "implements": _citations(body.get("implements")),
        "intro": squash(body["intro"]) if body.get("intro") else None,
        "sections": [_section(s, 1) for s in body.get("sections", [])],
        "closing": squash(body["closing"]) if body.get("closing") else None,
    }
    out["plan"]["period"] = f"{body['period']['first']}-{body['period']['last']}" if body.get("period") else None
    layout = d["decision"]["layout"].value if d.get("decision") else "attached"
    if plan.is_decision:
        out["layout"] = layout
        if layout == "attached":
            out["plan"]["attached_line"] = body["attached_line"].value
    if body.get("implements"):
        out["plan"]["implements_layout"] = body["implements_layout"].value
    if layout == "article":  # only the sections are printed, inside Điều 1
        for key in ("implements", "intro", "closing", "implements_layout"):
            out["plan"].pop(key, None)
    depth = _depth(body.get("sections", []))
    if depth:
        from tuyentruyen.model.plan import DEFAULT_NUMBERING

        scheme = [x.value for x in (plan.plan.numbering or DEFAULT_NUMBERING)]
        out["plan"]["numbering"] = [scheme[min(k, len(scheme) - 1)] for k in range(depth)]
    appendices = []
    all_appendices = plan.all_appendices()
    for number, (_path, a) in enumerate(all_appendices, 1):
        groups = []
        all_tasks = [t for _gi, _ti, _g, t in a.iter_tasks()]
        folded = _folded(all_tasks)
        for g in a.all_groups():
            tasks = g.tasks if g is not None else (a.tasks or [])
            groups.append({"title": squash(g.title) if g is not None else None,
                           "tasks": [_task(t, folded) for t in tasks]})
        from tuyentruyen.vn.numerals import roman

        default = "PHỤ LỤC" if len(all_appendices) == 1 else f"Phụ lục {roman(number)}"
        appendices.append({"heading": squash(a.heading or default), "title": squash(a.title).upper(),
                           "padded": a.padded, "groups": groups})
    out["appendices"] = appendices
    return out


FOLDABLE = ("forms", "quantity", "budget", "notes")


def _folded(tasks) -> set[str]:
    """The optional fields printed in the content cell, not in a column of their own: those
    fewer than Layout.optional_column_share of the tasks fill (as the renderer decides)."""
    from tuyentruyen.render.layout import Layout

    share = Layout().optional_column_share
    out = set()
    for key in FOLDABLE:
        filled = sum(1 for t in tasks if getattr(t, key))
        if filled and filled < share * len(tasks):
            out.add(key)
    return out


def _task(t, folded: set[str]) -> dict:
    """A task as its row prints it. A folded quantity is printed in brackets after the content
    and a folded form, budget or note as a "<label>: …." line under it, unless the content
    already says it (then it is not printed at all). A quantity is compared as part of the
    content when the content says it (the importer reads one out of "(02 lớp)")."""
    from tuyentruyen.render.text import clean, mentions

    text = clean(t.content)
    values = {}
    for key in FOLDABLE:
        value = getattr(t, key)
        if not value:
            values[key] = None
            continue
        printed = "; ".join(strip_end(clean(x)) for x in value) if key == "forms" else clean(value)
        if key in folded and mentions(text, printed):
            values[key] = None  # not printed: the content says it
        elif key == "quantity" and key in folded:
            text = f"{strip_end(text)} ({printed})" + ("." if t.content.rstrip().endswith(".") else "")
            values[key] = None
        elif key in folded:
            values[key] = [squash(strip_end(printed))] if key == "forms" else squash(strip_end(printed))
        else:
            values[key] = _list(value) if key == "forms" else squash(value)
    content = squash(text)
    if values["quantity"] and mentions(content, values["quantity"]):
        values["quantity"] = None
    return {"content": content, "lead": [_lower_first(x) for x in _list(t.lead)],
            "support": [_lower_first(x) for x in _list(t.support)],
            "due": squash(t.due) if t.due else None, **values}


def _depth(sections: list) -> int:
    return max((1 + _depth(s.get("sections", [])) for s in sections), default=0)


def differences(a, b, path: str = "") -> list[str]:
    """Where two canonical forms differ, as 'path: left != right'."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b), key=str):
            out += differences(a.get(k), b.get(k), f"{path}.{k}" if path else str(k))
        return out
    if isinstance(a, list) and isinstance(b, list):
        out = []
        if len(a) != len(b):
            out.append(f"{path}: {len(a)} mục != {len(b)} mục")
        for k, (x, y) in enumerate(zip(a, b)):
            out += differences(x, y, f"{path}[{k}]")
        return out
    if isinstance(a, dt.date) or isinstance(b, dt.date):
        return [] if a == b else [f"{path}: {a!r} != {b!r}"]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def round_trip(plan_path: Path, registry_path: Path | None = None) -> list[str]:
    """The differences between a plan and the import of its rendered .docx (empty: a round trip)."""
    original = api.load_plan(plan_path)
    assert original.plan is not None, [p.message for p in original.problems]
    data = render(plan_path)
    _result, loaded = import_bytes(data, plan_path.with_suffix(".docx").name, registry_path)
    assert loaded.plan is not None, [f"{p.line}: {p.message}" for p in loaded.problems][:10]
    return compare(original.plan, loaded.plan)


def compare(original, imported) -> list[str]:
    """The differences of two plans' canonical forms. A citation written as free text may come
    back structured when it reads as one (the importer splits what parses): then only its
    printed sentence is compared."""
    a, b = canonical(original), canonical(imported)
    for key, holder_a, holder_b in (("bases", a, b), ("implements", a["plan"], b["plan"])):
        for ca, cb in zip(holder_a.get(key, []), holder_b.get(key, [])):
            if not ca["structured"] or (not cb["structured"] and ca["printed"] == cb["printed"]):
                ca.update(structured=False, number=None, date=None)
                cb.update(structured=False, number=None, date=None)
    for xa, xb in zip(a["appendices"], b["appendices"]):
        # a table without a quantity column prints none: the importer may read one out of the
        # content ("(01 lớp)"), which the printed content still says
        if not any(t["quantity"] for g in xa["groups"] for t in g["tasks"]):
            for g in xb["groups"]:
                for t in g["tasks"]:
                    t["quantity"] = None
    return differences(a, b)


_ = re
