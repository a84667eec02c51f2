"""The share of fields right (độ chính xác) of an imported plan against a hand-made transcription.

Both plans are flattened into their fields — every value at the end of a path
(`plan.sections[3].duties[0].items[0].text`, `appendix.groups[1].tasks[2].lead[0]`) — and each
field of the transcription counts as right when the import has the same value at the same path.
Task and unit ids are left out (the importer makes its own); `tt` and `units` too.

What counts as the same value (the differences tt itself does not print, or the transcriber's
conventions that the format makes equivalent):

- text: Unicode NFC, spaces squashed;
- an entry of a list tt prints with its own punctuation (forms, lead, support, recipients,
  bullets, executors, archive): without its final ";", "," or "."; a unit name (lead, support,
  unit) without the case of its first letter ("các cơ quan" / "Các cơ quan");
- a date: the same day, however written; a number: the same number;
- one value or a list of one; an item written as text or as {text: …}; a citation written
  as text or as {text: …};
- v1 and v1.1 spellings of one thing: `decision.proposal` / `document.proposal`; a signer's
  `prefix` + `on_behalf` / its `authority` lines;
- a value tt prints when none is written, written or not: Điều 2's "kể từ ngày ký ban hành",
  the heading "PHỤ LỤC" of a single appendix.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

LIST_FIELDS = {"forms", "lead", "support", "recipients", "unit", "text", "closing", "bullets", "executors",
               "header", "archive", "articles", "authority"}
PUNCT_FIELDS = {"forms", "lead", "support", "recipients", "bullets", "executors", "archive"}
UNIT_FIELDS = {"lead", "support", "unit"}
SKIP = {"id", "tt", "units"}


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _date(value):
    from tuyentruyen.vn.dates import parse_vn_date

    if isinstance(value, dt.date):
        return value.isoformat()
    got = parse_vn_date(re.sub(r"^(?i:ngày)\s+", "", str(value)))
    return got.isoformat() if isinstance(got, dt.date) else _squash(str(value))


def _normal(data):
    """v1 / v1.1 spellings made one, items and citations made dicts, lists made lists."""
    if isinstance(data, dict):
        out = {}
        for k, v in data.items():
            if k in SKIP:
                continue
            if k in LIST_FIELDS and not isinstance(v, list):
                v = [x.strip() for x in v.split(",")] if k == "archive" and isinstance(v, str) else [v]
            if k in ("items",) and isinstance(v, list):
                v = [{"text": x} if isinstance(x, str) else x for x in v]
            if k in ("bases", "implements") and isinstance(v, list):
                v = [{"text": x} if isinstance(x, str) else x for x in v]
            out[k] = _normal(v)
        doc = out.get("document")
        dec = out.get("decision")
        if isinstance(dec, dict) and "proposal" in dec and isinstance(doc, dict):
            doc.setdefault("proposal", dec.pop("proposal"))
        if isinstance(dec, dict) and dec.get("effective") == "kể từ ngày ký ban hành":
            dec.pop("effective")  # what tt prints when none is written
        appendix = out.get("appendix")
        if isinstance(appendix, dict) and appendix.get("heading") == "PHỤ LỤC":
            appendix.pop("heading")
        signer = doc.get("signer") if isinstance(doc, dict) else None
        if isinstance(signer, dict) and signer.get("prefix"):
            signer["authority"] = [f"{signer.pop('prefix')} {signer.pop('on_behalf', '')}".strip()]
        return out
    if isinstance(data, list):
        return [_normal(x) for x in data]
    return data


def fields(data, path: tuple = ()) -> dict[tuple, object]:
    """path → comparable value, for every leaf of the plan."""
    out: dict[tuple, object] = {}
    if isinstance(data, dict):
        for k, v in data.items():
            out.update(fields(v, path + (k,)))
    elif isinstance(data, list):
        for k, v in enumerate(data):
            out.update(fields(v, path + (k,)))
    else:
        out[path] = _value(path, data)
    return out


def _value(path: tuple, value):
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    if value is None:
        return None
    if name == "date":
        return _date(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    text = _squash(str(value))
    if name in PUNCT_FIELDS:
        text = text.rstrip(" ;,")
        if text.endswith(".") and not text.endswith(".."):
            text = text[:-1].rstrip()
    if name in UNIT_FIELDS:
        text = text[:1].lower() + text[1:]
    return text


def score(expected: dict, imported: dict) -> tuple[int, int, list[str]]:
    """(right, total, the wrong ones as 'path: expected != imported') of the transcription's fields."""
    want = fields(_normal(expected))
    got = fields(_normal(imported))
    wrong = []
    right = 0
    for path, value in want.items():
        if got.get(path) == value:
            right += 1
        else:
            wrong.append(f"{_shown(path)}: {value!r} != {got.get(path)!r}")
    return right, len(want), wrong


def _shown(path: tuple) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (("." if out else "") + p)
    return out
