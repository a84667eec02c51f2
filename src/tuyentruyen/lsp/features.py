"""Hover, completion and quick fixes (rê chuột, gợi ý, sửa nhanh) of `tt lsp`, from the library.

Hover and completion take what is known of the plan (a :class:`~tuyentruyen.lsp.analysis.Checked`
or an :class:`~tuyentruyen.lsp.analysis.Analysis`: its registry, year and date) and the text as
it is now (for where the cursor is: :mod:`tuyentruyen.lsp.where`); the fixes are worked out
with the checked version (:func:`fixes_of`, :func:`fix_all`) and offered from it. Words come from where tt keeps them: field titles and
descriptions from the models, meanings of fixed values and time forms from
data/schema_extra.yaml (:mod:`tuyentruyen.model.schema`), unit facts from the registry
(:mod:`tuyentruyen.vn.units`), times from :mod:`tuyentruyen.vn.timeexpr`, citations from
:mod:`tuyentruyen.vn.citations`. Results are plain LSP dicts.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing

from tuyentruyen.lsp.analysis import Analysis
from tuyentruyen.lsp.convert import Lines
from tuyentruyen.lsp.where import Spot, locate

# LSP CompletionItemKind
_PROPERTY, _VALUE, _ENUM_MEMBER, _SNIPPET, _CONSTANT = 10, 12, 20, 15, 21


# ---------------------------------------------------------------- the model at a path


def _root(analysis: Analysis | None):
    from tuyentruyen.model import Plan, Registry

    return Registry if analysis is not None and analysis.is_registry else Plan


def field_at(root, path: tuple):
    """(model holding the last key of path, its FieldInfo or None), through lists and parts."""
    from tuyentruyen.model.validation import field_context

    path = tuple(path)
    while path and isinstance(path[-1], int):  # an item of a list: the list's field
        path = path[:-1]
    try:
        return field_context(root, path)
    except Exception:  # noqa: BLE001 - a path no model has: nothing known there
        return None, None


def _is_field(model, key: str | None, names: list[str]) -> bool:
    if model is None or key is None:
        return False
    return any(f"{cls.__name__}.{key}" in names for cls in model.__mro__ if hasattr(cls, "model_fields"))


def _enum_of(info):
    for cls in _classes(info.annotation):
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            return cls
    return None


def _classes(annotation) -> list:
    if isinstance(annotation, type):
        return [annotation]
    out = []
    for arg in typing.get_args(annotation):
        out.extend(_classes(arg))
    return out


def _year_date(analysis) -> tuple[int | None, dt.date | None]:
    if analysis is None:
        return None, None
    return analysis.year, analysis.date


def _units(analysis: Analysis | None):
    """The plan's unit index seen from its date and year (or timeless), or None."""
    state = analysis.registry if analysis is not None else None
    index = getattr(state, "index", None)
    if index is None:
        return None
    year, day = _year_date(analysis)
    return index.for_plan(day, year) if year is not None else index


def _field_doc(info, key: str) -> str:
    from tuyentruyen.model.schema import markdown_text

    title = getattr(info, "title", None) or key
    desc = getattr(info, "description", None)
    return f"#### {title}" + (f"\n\n{markdown_text(desc)}" if desc else "")


# ---------------------------------------------------------------- hover


def hover(analysis: Analysis | None, lines: Lines, line: int, col: int) -> dict | None:
    """{"contents": markdown, "range": …} for the key or value at line:col of the text as it is now
    (lines), or None."""
    spot = locate(lines.lines, line, col)
    if spot.on == "blank":
        return None
    root = _root(analysis)
    model, info = field_at(root, spot.path)
    rng = {"start": lines.position(line, spot.start), "end": lines.position(line, spot.end)}
    if spot.on == "key":
        if info is None:
            return None
        return {"contents": {"kind": "markdown", "value": _field_doc(info, spot.key)}, "range": rng}
    value = spot.value or ""
    body = None
    from tuyentruyen.model.schema import extra

    data = extra()
    if _is_field(model, spot.key, data.get("unit_fields") or []):
        body = unit_hover(analysis, value)
    elif _is_field(model, spot.key, data.get("time_fields") or []):
        body = time_hover(analysis, value)
    if body is None:
        body = citation_hover(spot, value, col)
    if body is None and info is not None:
        body = _field_doc(info, spot.key or "")
        meaning = _value_meaning(info, value)
        if meaning:
            body += f"\n\n`{value}`: {meaning}"
    if body is None:
        return None
    return {"contents": {"kind": "markdown", "value": body}, "range": rng}


def _value_meaning(info, value: str) -> str | None:
    from tuyentruyen.model.schema import markdown_text, enum_meaning

    cls = _enum_of(info)
    if cls is None:
        return None
    meaning = enum_meaning(cls, value)
    return f"**{markdown_text(meaning[0])}** — {markdown_text(meaning[1])}" if meaning else None


def unit_hover(analysis: Analysis | None, written: str) -> str | None:
    """The unit a name means: canonical name, kind, validity (on the plan's date), successor."""
    from tuyentruyen.model.schema import markdown_text, unit_summary

    index = _units(analysis)
    if index is None or not written.strip():
        return None
    found = index.resolve(written)
    if found is None:
        return None  # the diagnostic (TT-R005) says it, with its "did you mean"
    unit = found.unit
    how = {"name": "tên chuẩn", "short": "tên viết tắt", "alias": "tên gọi khác", "case": "viết khác hoa thường",
           "loose": "viết khác", "order": "viết khác thứ tự"}.get(found.how, found.how)
    out = [f"**{markdown_text(unit.name)}**" + ("" if found.canonical else f" — “{markdown_text(written)}” là {how} của đơn vị này")]
    out.append(markdown_text(unit_summary(unit, index.by_id)))
    year, day = _year_date(analysis)
    if year is not None and not index.exists(unit):
        when = f"ngày {day:%d/%m/%Y}" if day else f"năm {year}"
        heirs = index.heirs(unit)
        out.append(f"Không còn (hoặc chưa) tồn tại vào thời gian của kế hoạch ({when})"
                   + (": nay là " + ", ".join(f"**{markdown_text(h.name)}**" for h in heirs) if heirs else "") + ".")
    elif year is not None:
        out.append("Có hiệu lực vào thời gian của kế hoạch.")
    return "\n\n".join(out)


def time_hover(analysis: Analysis | None, written: str) -> str | None:
    """"Quý II/2027 → từ 01/04/2027 đến 30/06/2027": the time as tt reads it (in the plan's year)."""
    from tuyentruyen.model.schema import markdown_text
    from tuyentruyen.vn.timeexpr import describe, parse_time

    if not written.strip():
        return None
    year, _ = _year_date(analysis)
    return f"**{markdown_text(written)}** → {markdown_text(describe(parse_time(written, year)))}"


def citation_hover(spot: Spot, value: str, col: int) -> str | None:
    """A cited document: its number and symbol read (type, issuer), its date; in running text,
    the citation under the cursor."""
    from tuyentruyen.model.schema import markdown_text
    from tuyentruyen.vn.citations import find_citations, issuer_name, parse_symbol, type_of_symbol

    if spot.key == "number" and any(p in ("bases", "implements") for p in spot.path if isinstance(p, str)):
        number = parse_symbol(value)
        return _symbol_text(number, issuer_name, type_of_symbol, markdown_text)
    offset = col - spot.start
    for c in find_citations(value):
        a, b = c.span
        if a <= offset <= b:
            parts = [f"**{markdown_text(value[a:b])}**"]
            if c.number is not None:
                parts.append(_symbol_text(c.number, issuer_name, type_of_symbol, markdown_text))
            if c.date is not None:
                parts.append(f"Ngày ban hành: {c.date:%d/%m/%Y}")
            elif c.date_error:
                parts.append(markdown_text(c.date_error))
            if c.issuer:
                parts.append(f"Cơ quan ban hành: {markdown_text(c.issuer)}")
            return "\n\n".join(p for p in parts if p)
    return None


def _symbol_text(number, issuer_name, type_of_symbol, md) -> str:
    if not getattr(number, "ok", False):
        return md(str(number))
    out = [f"Số và ký hiệu: `{number.normalized}`"]
    kind = type_of_symbol(number)
    if kind is not None:
        out.append(f"loại {md(kind.name)}" + (f" ({kind.symbol_abbr})" if kind.symbol_abbr else ""))
    issuers = [issuer_name(code) or code for code in number.issuer]
    if issuers:
        out.append("cơ quan " + md(", ".join(issuers)))
    if number.year:
        out.append(f"năm {number.year}")
    return " · ".join(out)


# ---------------------------------------------------------------- completion


def completion(analysis: Analysis | None, lines: Lines, line: int, col: int) -> list[dict]:
    """The completion items at line:col of the text as it is now (lines)."""
    spot = locate(lines.lines, line, col)
    root = _root(analysis)
    if spot.on in ("blank", "key"):
        return _key_items(root, spot, lines, line, col)
    model, info = field_at(root, spot.path)
    rng = {"start": lines.position(line, spot.start), "end": lines.position(line, max(spot.end, col))}
    from tuyentruyen.model.schema import extra

    data = extra()
    if _is_field(model, spot.key, data.get("unit_fields") or []):
        return _unit_items(analysis, rng)
    if _is_field(model, spot.key, data.get("time_fields") or []):
        return _time_items(analysis, rng)
    if info is not None:
        return _value_items(info, rng)
    return []


def _key_items(root, spot: Spot, lines: Lines, line: int, col: int) -> list[dict]:
    from tuyentruyen.model.schema import markdown_text

    parent = spot.path[:-1] if spot.on == "key" else spot.path
    model, _ = field_at(root, parent + ("\0",))
    if model is None:
        return []
    written = _siblings(lines.lines, line, spot.indent)
    start = spot.start if spot.on == "key" else col
    rng = {"start": lines.position(line, start), "end": lines.position(line, spot.end if spot.on == "key" else col)}
    items = []
    for i, (key, info) in enumerate(model.model_fields.items()):
        if key in written:
            continue
        doc = markdown_text(info.description) if info.description else ""
        items.append({"label": key, "kind": _PROPERTY, "detail": info.title or key, "sortText": f"{i:03d}",
                      "documentation": {"kind": "markdown", "value": doc},
                      "textEdit": {"range": rng, "newText": f"{key}: "}, "filterText": key})
    return items


def _siblings(lines: list[str], line: int, indent: int) -> set[str]:
    """The keys already written in the table whose keys start at column indent, around line."""
    from tuyentruyen.lsp.where import parse_line

    keys: set[str] = set()
    for step in (-1, 1):
        n = line + step
        while 0 <= n < len(lines):
            raw = lines[n].rstrip("\r")
            if not raw.strip() or raw.lstrip().startswith("#"):
                n += step
                continue
            dashes, entry, rest = parse_line(raw)
            lead = dashes[-1] if dashes else len(raw) - len(raw.lstrip(" "))
            if entry is not None and entry[0] == indent:
                keys.add(entry[1])
            if lead < indent or (dashes and entry is not None and entry[0] == indent and step == -1):
                break  # the table started here (a key further out, or the dash of its list item)
            if dashes and entry is not None and entry[0] == indent and step == 1:
                break  # the next item of the list
            n += step
    return keys


def _unit_items(analysis: Analysis | None, rng: dict) -> list[dict]:
    from tuyentruyen.model.schema import unit_summary

    index = _units(analysis)
    if index is None:
        return []
    year, day = _year_date(analysis)
    items, seen = [], set()
    for unit in index.units:
        if unit.name in seen:
            continue
        seen.add(unit.name)
        alive = index.exists(unit)
        doc = unit_summary(unit, index.by_id)
        if year is not None and not alive:
            doc += " · không tồn tại vào thời gian của kế hoạch"
        item = {"label": unit.name, "kind": _VALUE, "detail": doc.split(" · ")[0],
                "documentation": doc, "sortText": ("0" if alive else "1") + unit.name,
                "textEdit": {"range": rng, "newText": unit.name}}
        if not alive:
            item["tags"] = [1]  # deprecated: shown struck through
        items.append(item)
    return items


def _time_items(analysis: Analysis | None, rng: dict) -> list[dict]:
    from tuyentruyen.model.schema import time_forms
    from tuyentruyen.vn.timeexpr import describe, parse_time

    year, _ = _year_date(analysis)
    shown = year if year is not None else dt.date.today().year
    items = []
    for i, (text, more) in enumerate(time_forms(shown)):
        items.append({"label": text, "kind": _VALUE, "detail": describe(parse_time(text, shown)), "documentation": more,
                      "sortText": f"{i:03d}", "textEdit": {"range": rng, "newText": text}})
    return items


def _value_items(info, rng: dict) -> list[dict]:
    from tuyentruyen.model.schema import enum_meaning

    cls = _enum_of(info)
    if cls is not None:
        out = []
        for i, member in enumerate(cls):
            meaning = enum_meaning(cls, member.value)
            out.append({"label": member.value, "kind": _ENUM_MEMBER, "sortText": f"{i:03d}",
                        "detail": meaning[0] if meaning else None,
                        "documentation": meaning[1] if meaning else None,
                        "textEdit": {"range": rng, "newText": member.value}})
        return out
    if info.annotation is bool:
        return [{"label": v, "kind": _CONSTANT, "textEdit": {"range": rng, "newText": v}} for v in ("true", "false")]
    return []


# ---------------------------------------------------------------- quick fixes


def code_actions(checked, start: int, end: int, uri: str) -> list[dict]:
    """Quick fixes for the diagnostics between offsets start..end of the checked text: every safe
    fix of `tt lint --fix`, the "did you mean" of unknown keys, values and unit names, and the fix
    of the whole file."""
    lines = Lines(checked.text)
    out = []
    for d, fixes in zip(checked.diagnostics, checked.fixes):
        a, b = lines.offset(d["range"]["start"]), lines.offset(d["range"]["end"])
        if b < start or a > end:
            continue
        for title, first, last, new in fixes:
            out.append({"title": title, "kind": "quickfix", "diagnostics": [d], "isPreferred": True,
                        "edit": {"changes": {uri: [_text_edit(lines, first, last, new)]}}})
    if checked.fix_all is not None and checked.fix_all[3] > 1:
        out.append(fix_all_action(checked, uri))
    return out


def fix_all(analysis: Analysis) -> tuple[int, int, str, int] | None:
    """One pass of `tt lint --fix` (edit.fix.apply_fixes: the first of two overlapping fixes wins)
    as one replacement of the span from the first fix to the last: (start, end, new text, fixes)."""
    from tuyentruyen.edit.fix import apply_fixes

    text = analysis.text
    fixes = [p.fix for p in analysis.problems if p.fix is not None]
    if not fixes:
        return None
    fixed, applied = apply_fixes(text, fixes)
    first, last = min(f.start for f in fixes), max(f.end for f in fixes)
    return first, last, fixed[first:len(fixed) - (len(text) - last)], applied


def fix_all_action(checked, uri: str) -> dict:
    """The fix of the whole file; the editor asks again after the change, as --fix makes passes."""
    first, last, new, applied = checked.fix_all
    edit = _text_edit(Lines(checked.text), first, last, new)
    return {"title": f"Sửa {applied} chỗ sửa được an toàn trong tệp (như tt lint --fix)",
            "kind": "source.fixAll.tt", "edit": {"changes": {uri: [edit]}}}


def _text_edit(lines: Lines, start: int, end: int, text: str) -> dict:
    return {"range": {"start": lines.at_offset(start), "end": lines.at_offset(end)}, "newText": text}


def fixes_of(analysis: Analysis, p) -> list[tuple[str, tuple[int, int, str]]]:
    """(title, (start, end, replacement)) of the fixes of one problem."""
    if p.fix is not None:
        old = analysis.text[p.fix.start:p.fix.end]
        return [(f"Sửa “{_short(old)}” thành “{_short(p.fix.replacement)}” ({p.code})",
                 (p.fix.start, p.fix.end, p.fix.replacement))]
    guess = did_you_mean(analysis, p)
    return [guess] if guess else []


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def did_you_mean(analysis: Analysis, p) -> tuple[str, tuple[int, int, str]] | None:
    """The replacement tt suggests for an unknown key (TT-S001), a fixed value (TT-S004) or a unit
    name not in the registry (TT-R005) — found again with the functions that made the suggestion."""
    yaml = getattr(analysis.loaded, "yaml", None)
    if yaml is None or not p.path:
        return None
    from tuyentruyen.model.validation import did_you_mean as nearest

    root = _root(analysis)
    key_node, node, depth = yaml.node_at(tuple(p.path))
    if p.code == "TT-S001" and depth == len(p.path) and key_node is not None:
        model, _ = field_at(root, tuple(p.path))
        guess = nearest(str(p.path[-1]), list(model.model_fields)) if model is not None else None
        if guess:
            return (f"Sửa khóa “{p.path[-1]}” thành “{guess}” ({p.code})",
                    (key_node.start_mark.index, key_node.end_mark.index, guess))
        return None
    target = _scalar_at(yaml, tuple(p.path))
    if target is None or not isinstance(target.value, str):
        return None
    guess = None
    if p.code == "TT-S004":
        _, info = field_at(root, tuple(p.path))
        cls = _enum_of(info) if info is not None else None
        if cls is not None:
            guess = nearest(target.value, [m.value for m in cls])
    elif p.code == "TT-R005":
        index = _units(analysis)
        found = index.suggest(target.value) if index is not None else []
        guess = found[0] if found else None
    if not guess or guess == target.value:
        return None
    return _replace_value(analysis, yaml, tuple(p.path), target, guess, p.code)


def _scalar_at(yaml, path: tuple):
    import yaml as pyyaml

    key_node, node, depth = yaml.node_at(path)
    if depth == len(path) and isinstance(node, pyyaml.ScalarNode):
        return node
    # `lead: Sở Nội vụ` answers for item 0 of the list (as the rules read it)
    if depth == len(path) - 1 and path and path[-1] == 0 and isinstance(node, pyyaml.ScalarNode):
        return node
    return None


def _replace_value(analysis: Analysis, yaml, path: tuple, node, guess: str, code: str):
    from tuyentruyen.rules.spans import safe_replacement, source_span, value_offsets

    offs = value_offsets(node, analysis.text)
    span = source_span(node, analysis.text, offs, 0, len(node.value)) if node.value else None
    if span is None:
        return None
    _, holder, _ = yaml.node_at(path[:-1])
    in_flow = bool(getattr(holder, "flow_style", False))
    rep = safe_replacement(node, analysis.text, span, guess, in_flow=in_flow)
    if rep is None:
        return None
    return (f"Sửa “{_short(node.value)}” thành “{_short(guess)}” ({code})", rep)


# ---------------------------------------------------------------- formatting


def formatting(text: str, display: str) -> tuple[str | None, list]:
    """(the text laid out by tt fmt, or None when nothing changes; the problems that stop fmt)."""
    from tuyentruyen.edit.fmt import FormatError, format_text

    try:
        out = format_text(text, display=display)
    except FormatError as exc:
        return None, exc.problems
    return (out if out != text else None), []

