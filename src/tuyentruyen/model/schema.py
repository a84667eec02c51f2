"""The JSON Schema (draft 2020-12) of the plan format and of the unit registry, made for editors.

pydantic's JSON Schema of the models is the starting point: the models' Field(title=…,
description=…) give every title and description. It is then shaped for the editors clerks
use (VS Code's YAML extension and any editor running yaml-language-server), whose behaviour
decides the shape:

- **tt's own messages.** The language server reports a failed keyword in English unless the
  schema carries ``errorMessage``, and one ``errorMessage`` covers every keyword of its
  schema. So every check is written as a *guard* — ``{"if": <the mistake>, "then": <fail
  with errorMessage>}`` — one per mistake, and the text of each is what ``tt validate``
  says of that mistake: it is produced by running tt's own validation on it (the model, then
  :func:`tuyentruyen.model.validation.problems_from_error`). What the schema cannot know
  (the value written, the index of a list item) reads "…" or names the list.
- **Unknown keys** are rejected by ``propertyNames`` guards (the keys clerks try, from
  data/key_hints.yaml, get tt's "did you mean"), **missing keys** by one ``required`` guard
  per key, wrong kinds of value (a list where text is expected) by kind guards.
- **Hover and completion.** A scalar field lists what it accepts in an ``anyOf`` of one
  *shape* (its type, its fixed values with their meanings) and a *rest* branch that accepts
  everything else — null included, so that an empty ``date:`` is fine, as for tt — and
  carries the field's own title and description: the language server then shows one title
  and one description (it joins the titles of the branches with " || " only when every
  branch matches the same way), completes the fixed values and offers no ``null``. No
  ``default`` (the server would insert ``${1:null}`` and list "Default value"), no
  ``examples`` (shown as "Example:" blocks on hover): examples, times and unit names are
  ``defaultSnippets``, which only completion uses.
- **Where a part is.** A part reached through different keys (a citation in ``bases`` or in
  ``implements``) says so in its messages, so each place gets its own ``$defs`` entry
  (identical ones are shared); every entry has a Vietnamese title (data/schema_extra.yaml).

Dates: the pattern accepts exactly the shapes :func:`tuyentruyen.vn.dates.parse_vn_date`
reads ("19/12/2022", "19-12-2022", "19.12.2022", "ngày 19 tháng 12 năm 2022", "2022-12-19",
any case, NFC or not); that 31/06 does not exist is for tt (and `tt lsp`) to say.

``registry``: with a unit registry, unit fields (lead, support, a duty's unit, an item's
unit) complete the registry's canonical names, each with its kind and validity, while any
text is still accepted. The committed copies in docs/schema/ are checked against this
output by the test suite.
"""

from __future__ import annotations

import functools
import json
import re
import typing
from dataclasses import dataclass
from typing import Any

DIALECT = "https://json-schema.org/draft/2020-12/schema"

KINDS = ("null", "boolean", "integer", "number", "string", "array", "object")

# The condition that selects each kind of YAML value ("number": not an integer).
_IS = {
    "null": {"type": "null"}, "boolean": {"type": "boolean"}, "integer": {"type": "integer"},
    "number": {"type": "number", "not": {"type": "integer"}}, "string": {"type": "string"},
    "array": {"type": "array"}, "object": {"type": "object"},
}
# The values tried on tt to learn what it says of each kind: the numbers are unlikely to occur
# in a message otherwise, and are shown as "…" (the schema does not know the value written).
_INT, _FLOAT, _ANY_TEXT = 987654321, 98765.4321, "…"
_SAMPLES = {"null": None, "integer": _INT, "number": _FLOAT, "string": _ANY_TEXT, "array": [_ANY_TEXT],
            "object": {}}


# ---------------------------------------------------------------- the public functions


def plan_schema(registry=None) -> dict:
    """The editor schema of a plan file; registry: a Registry model or a UnitIndex (or a list of
    them: a repository of several issuers) whose canonical names the unit fields complete."""
    from tuyentruyen.model import Plan

    registries = list(registry) if isinstance(registry, (list, tuple)) else [registry] if registry is not None else []
    return _Builder(Plan, units=_unit_choices(registries)).schema()


def registry_schema() -> dict:
    from tuyentruyen.model import Registry

    return _Builder(Registry).schema()


def progress_schema() -> dict:
    from tuyentruyen.model.progress import Progress

    # pydantic's own schema: the editor's builder does not yet walk a mapping of models (`tasks:`)
    return {"$schema": DIALECT, **Progress.model_json_schema(mode="validation")}


def progress_schema_text() -> str:
    return _text(progress_schema())


def _text(schema: dict) -> str:
    return _layout(schema, 0) + "\n"


def _layout(value: Any, indent: int, width: int = 120) -> str:
    """JSON with what fits on a line kept on one line (a guard, a shape), the rest indented:
    the file stays readable and its diffs line by line, at a third of json.dumps(indent=2)."""
    flat = json.dumps(value, ensure_ascii=False)
    if len(flat) + indent <= width or not isinstance(value, (dict, list)) or not value:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {_layout(v, indent + 2, width)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + _layout(v, indent + 2, width) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def plan_schema_text(registry=None) -> str:
    return _text(plan_schema(registry))


def registry_schema_text() -> str:
    return _text(registry_schema())


def editor_message(code: str, message: str, hint: str | None = None, *, with_code: bool = True) -> str:
    """A problem as an editor shows it: "TT-S001: <message>" and its hint on the next line.

    The schema's messages carry their code in the text (a schema cannot set a diagnostic's
    code); `tt lsp` sets the code apart and uses with_code=False."""
    text = f"{code}: {message}" if with_code else message
    return text + (f"\nGợi ý: {hint}" if hint else "")


# ---------------------------------------------------------------- data


@functools.cache
def extra() -> dict:
    """data/schema_extra.yaml: titles, enum meanings, snippets, unit and time fields, time forms."""
    import yaml
    from importlib.resources import files

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(files("tuyentruyen.data").joinpath("schema_extra.yaml").read_text("utf-8"), Loader=loader)


@functools.cache
def _key_hints() -> dict[str, str]:
    """data/key_hints.yaml: the keys clerks try (`chu_tri`) and the key they mean (`lead`)."""
    import yaml
    from importlib.resources import files

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(files("tuyentruyen.data").joinpath("key_hints.yaml").read_text("utf-8"), Loader=loader)


def time_forms(year: int | str | None = None) -> list[tuple[str, str]]:
    """(text, meaning) of the common forms of a time (data/schema_extra.yaml), for the plan's
    year; year None keeps the marker {year}."""
    return [(f["text"] if year is None else f["text"].replace("{year}", str(year)), f["more"])
            for f in extra()["time_forms"]]


def enum_meaning(enum_cls, value) -> tuple[str, str] | None:
    """(label, explanation) of an enum value, from data/schema_extra.yaml."""
    entry = (extra().get("enums") or {}).get(enum_cls.__name__, {}).get(getattr(value, "value", value))
    return (entry["label"], entry.get("more", "")) if entry else None


# ---------------------------------------------------------------- unit names


@dataclass(frozen=True)
class _UnitChoice:
    name: str
    doc: str


def _unit_choices(registries: list) -> tuple[_UnitChoice, ...]:
    out: list[_UnitChoice] = []
    seen: set[str] = set()
    for registry in registries:
        owner = getattr(getattr(registry, "registry", registry), "issuer", None)
        for u in getattr(registry, "units", None) or []:
            if u.name in seen:
                continue
            seen.add(u.name)
            doc = unit_summary(u, getattr(registry, "by_id", None))
            if len(registries) > 1 and owner:
                doc += f" · sổ đơn vị của {owner}"
            out.append(_UnitChoice(u.name, doc))
    return tuple(out)


def unit_summary(unit, by_id: dict | None = None) -> str:
    """One line about a unit: its kind, its validity, its successor, its id ("Sở · hiệu lực đến …")."""
    from tuyentruyen.model import UnitKind
    from tuyentruyen.vn.dates import fmt_date

    parts = []
    meaning = enum_meaning(UnitKind, unit.kind)
    parts.append(meaning[0] if meaning else unit.kind.value)
    if unit.valid_from and unit.valid_until:
        parts.append(f"hiệu lực từ {fmt_date(unit.valid_from)} đến {fmt_date(unit.valid_until)}")
    elif unit.valid_from:
        parts.append(f"hiệu lực từ {fmt_date(unit.valid_from)}")
    elif unit.valid_until:
        parts.append(f"hiệu lực đến {fmt_date(unit.valid_until)}")
    if unit.successor:
        after = by_id.get(unit.successor) if by_id else None
        parts.append(f"kế thừa: {after.name if after is not None else unit.successor}")
    parts.append(f"mã {unit.id}")
    return " · ".join(parts)


# ---------------------------------------------------------------- dates


def _whitespace() -> str:
    """A character class of exactly what str.split() treats as space (parse_vn_date squashes it)."""
    chars = [c for c in range(0x10000) if chr(c).isspace()]  # none lies beyond the BMP (a test checks)
    runs: list[list[int]] = []
    for c in chars:
        if runs and c == runs[-1][1] + 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "[" + "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in runs) + "]"


def _word(word: str) -> str:
    """A word matched as re.IGNORECASE after NFC matches it: each letter in either case, each
    accented letter also as its base letter followed by the combining marks (NFD)."""
    import unicodedata

    out = []
    for ch in word:
        forms = {ch, ch.upper()}
        alts = set()
        for f in forms:
            alts.add(f)
            nfd = unicodedata.normalize("NFD", f)
            if nfd != f:
                alts.add(nfd)
        singles = sorted(a for a in alts if len(a) == 1)
        multi = sorted(a for a in alts if len(a) > 1)
        parts = (["[" + "".join(singles) + "]"] if singles else []) + [
            "".join(c if unicodedata.combining(c) == 0 else f"\\u{ord(c):04x}" for c in m) for m in multi]
        out.append(parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")")
    return "".join(out)


@functools.cache
def date_pattern() -> str:
    """The shapes parse_vn_date reads, as an ECMAScript (and Python) regular expression."""
    w = _whitespace()
    d, y = "[0-9]{1,2}", "[0-9]{4}"
    day = f"(?:{_word('ngày')}{w}+)?"
    seps = "|".join(f"{d}{w}*{s}{w}*{d}{w}*{s}" for s in ("/", r"\.", "-"))
    numeric = f"{day}(?:{seps}){w}*{y}"
    words = f"{day}{d}{w}+{_word('tháng')}{w}+{d}{w}*,?{w}+{_word('năm')}{w}+{y}"
    iso = f"{y}-{d}-{d}"
    return f"^{w}*(?:{iso}|{numeric}|{words}){w}*$"


# ---------------------------------------------------------------- the builder


@dataclass(frozen=True)
class _Spot:
    """Where a model sits in the file: its YAML keys from the root (no list indices), the
    field that holds it, and whether it is an item of that field's list."""

    model: type
    path: tuple
    via: tuple | None  # (parent model, field name)
    item: bool
    accepted: frozenset = frozenset({"object"})  # the kinds of value the holding field takes


def _pattern_of(*texts: str) -> str:
    return "^(?:" + "|".join(_js_escape(t) for t in texts) + ")$"


def _js_escape(text: str) -> str:
    """Escape for an ECMAScript `u` regular expression (only its syntax characters may be escaped)."""
    return re.sub(r"([\\^$.*+?()\[\]{}|/])", r"\\\1", text)


def markdown_text(text: str) -> str:
    """A description as Markdown: 'quoted' values as code, Markdown's own characters escaped."""
    parts = re.split(r"(`[^`]+`|'[^'\n]+')", text)
    out = []
    for part in parts:
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(part)
        elif part.startswith("'") and part.endswith("'") and len(part) > 1:
            out.append("`" + part[1:-1].replace("`", "'") + "`")
        else:
            out.append(re.sub(r"([\\*_\[\]#<>|])", r"\\\1", part))
    return "".join(out)


def _first_paragraph(doc: str | None) -> str | None:
    if not doc:
        return None
    return " ".join(doc.strip().split("\n\n")[0].split())


class _Errors:
    """What problems_from_error reads of a pydantic ValidationError: its error dicts."""

    def __init__(self, errors: list[dict]):
        self._errors = errors

    def errors(self, include_url: bool = False) -> list[dict]:
        return self._errors


class _Builder:
    def __init__(self, root, units: tuple[_UnitChoice, ...] = ()):
        from tuyentruyen.loading.source import Source
        from tuyentruyen.loading.yamlpos import parse_yaml
        from pathlib import Path

        self.root = root
        self.units = units
        self.base = root.model_json_schema(mode="validation")
        self.pdefs = self.base.get("$defs", {})
        self.extra = extra()
        self.defs: dict[str, dict] = {}
        self.names: dict[tuple, str] = {}
        self._empty = parse_yaml(Source(Path("plan.yaml"), "plan.yaml", "{}\n"))

    # -- the whole schema

    def schema(self) -> dict:
        root = self.root
        body = self._model_body(_Spot(root, (), None, False))
        out = {"$schema": DIALECT, "title": self.base.get("title"),
               "description": _first_paragraph(root.__doc__) or self.base.get("description")}
        out["markdownDescription"] = markdown_text(out["description"]) if out["description"] else None
        out.update((k, v) for k, v in body.items() if k not in ("title", "description", "markdownDescription"))
        out["allOf"] = self._root_guards() + out.get("allOf", [])
        self._dedupe(out)
        out["$defs"] = {name: self.defs[name] for name in sorted(self.defs)}
        return {k: v for k, v in out.items() if v is not None}

    def _dedupe(self, root: dict) -> None:
        """Share identical $defs entries (a task of a group and a task of an ungrouped table)."""
        while True:
            seen: dict[str, str] = {}
            alias: dict[str, str] = {}
            for name in sorted(self.defs):
                key = json.dumps(self.defs[name], sort_keys=True, ensure_ascii=False)
                if key in seen:
                    alias[name] = seen[key]
                else:
                    seen[key] = name
            if not alias:
                return
            for name in alias:
                del self.defs[name]
            for body in [root, *self.defs.values()]:
                _rewrite_refs(body, alias)

    # -- messages: what tt says of a mistake

    def _problem(self, err: dict, loc: tuple):
        from tuyentruyen.model.validation import problems_from_error

        return problems_from_error(_Errors([dict(err, loc=loc)]), self._empty, self.root)[0]

    def _fail(self, problem, placeholder: Any = None, kind: str | None = None, in_hint: bool = True) -> dict:
        message, hint = problem.message, problem.hint
        if placeholder is not None:
            token = re.compile(rf"(?<![\d.,]){re.escape(str(placeholder))}(?![\d])")
            message = token.sub("…", message)
            hint = token.sub("…", hint) if hint and in_hint else hint
        # a kind the value cannot have: the guard's condition has selected another kind
        other = "string" if kind == "null" else "null"
        return {"type": [other], "errorMessage": editor_message(problem.code, message, hint)}

    def _errors(self, model, field: str, value: Any, item: bool = False) -> list[dict]:
        from pydantic import ValidationError

        try:
            model.model_validate({field: value})
        except ValidationError as exc:
            want = (field, 0) if item else (field,)
            out = []
            for err in exc.errors(include_url=False):
                loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
                if loc == want:
                    out.append(err)
            return out
        except Exception:  # noqa: BLE001 - a model validator that cannot take a partial value: nothing learnt
            return []
        return []

    def _guard(self, spot_model, field: str, path: tuple, condition: dict, value: Any, *, item: bool = False,
               placeholder: Any = None, kind: str | None = None) -> dict | None:
        """{"if": condition, "then": fail with what tt says of `value` in this field}, or None
        when tt accepts value."""
        sample = [value] if item else value
        errors = self._errors(spot_model, field, sample, item=item)
        if not errors:
            return None
        problem = self._problem(errors[0], path)
        return {"if": condition, "then": self._fail(problem, placeholder, kind)}

    # -- the shape of a field, read from pydantic's JSON Schema

    def _resolve(self, ps: dict) -> dict:
        ref = ps.get("$ref")
        if ref:
            name = ref.rsplit("/", 1)[-1]
            target = self.pdefs.get(name, {})
            merged = {**target, **{k: v for k, v in ps.items() if k != "$ref"}}
            merged["__def__"] = name
            return merged
        return ps

    def _branches(self, ps: dict) -> list[dict]:
        """The alternatives a field's JSON Schema accepts, each resolved ($ref followed)."""
        ps = self._resolve(ps)
        alts = ps.get("anyOf") or ps.get("oneOf")
        if alts:
            out: list[dict] = []
            for a in alts:
                out.extend(self._branches(a))
            return out
        return [ps]

    @staticmethod
    def _kinds_of(branch: dict) -> set[str]:
        if "__def__" in branch and branch.get("type") == "object":
            return {"object"}
        t = branch.get("type")
        if isinstance(t, list):
            kinds = set(t)
        elif isinstance(t, str):
            kinds = {t}
        elif "const" in branch:
            v = branch["const"]
            kinds = {"null" if v is None else "boolean" if isinstance(v, bool) else "integer" if isinstance(v, int)
                     else "number" if isinstance(v, float) else "string"}
        elif "enum" in branch:
            kinds = {"string"}
        else:
            kinds = set(KINDS)
        if "integer" in kinds and "number" not in kinds:
            return kinds
        return kinds

    def _model_class(self, def_name: str, owner, field: str):
        """The model (or enum) class of a $defs name, among the classes the field's annotation names."""
        for cls in _classes_in(owner.model_fields[field].annotation):
            if cls.__name__ == def_name:
                return cls
        return None

    # -- models

    def _def_ref(self, spot: _Spot) -> str:
        key = (spot.model, spot.via, spot.item, spot.accepted)
        name = self.names.get(key)
        if name is None:
            name = spot.model.__name__
            if name in self.defs or name in self.names.values():
                name = f"{spot.model.__name__}.{spot.via[1]}" if spot.via else name
                n = 2
                while name in self.defs or name in self.names.values():
                    name = f"{spot.model.__name__}.{spot.via[1]}.{n}"
                    n += 1
            self.names[key] = name
            self.defs[name] = {}  # reserved: a model may contain itself (sections of sections)
            self.defs[name] = self._model_body(spot)
        return f"#/$defs/{name}"

    def _title_of(self, model) -> str:
        titles = self.extra.get("titles") or {}
        if model.__name__ in titles:
            return titles[model.__name__]
        return model.model_config.get("title") or _first_paragraph(model.__doc__) or model.__name__

    def _model_body(self, spot: _Spot) -> dict:
        model, path = spot.model, spot.path
        pdef = self.base if spot.via is None else self.pdefs.get(model.__name__, {})
        body: dict = {"title": self._title_of(model)}
        doc = _first_paragraph(model.__doc__)
        if doc and spot.via is not None:
            body["description"] = doc
            body["markdownDescription"] = markdown_text(doc)
        props: dict = {}
        for field, info in model.model_fields.items():
            ps = (pdef.get("properties") or {}).get(field, {})
            props[field] = self._property(spot, field, info, ps)
        body["properties"] = props
        body["propertyNames"] = {"allOf": self._key_guards(spot)}
        guards = []
        for field in pdef.get("required", []):
            err = {"type": "missing", "loc": (), "msg": "Field required", "input": {}}
            p = self._problem(err, path + (field,))
            guards.append({"required": [field], "errorMessage": editor_message(p.code, p.message, p.hint)})
        guards.extend(self._check_guards(spot))
        if spot.via is not None:
            guards.extend(self._kind_guards_of_model(spot))
        if guards:
            body["allOf"] = guards
        snippets = self._snippets(model)
        if snippets:
            body["defaultSnippets"] = snippets
        return body

    def _check_guards(self, spot: _Spot) -> list[dict]:
        """Checks across fields (data/schema_extra.yaml `checks`), each with what tt says of it."""
        out = []
        for check in (self.extra.get("checks") or {}).get(spot.model.__name__, []):
            at = check.get("at")
            err = next(iter(check_errors(spot.model, check)), None)
            if err is None:
                continue  # tt no longer reports it: neither does the editor
            problem = self._problem(err, spot.path + ((at,) if at else ()))
            out.append({"if": check_condition(check),
                        "then": self._fail(problem, check.get("placeholder"), kind="object", in_hint=False)})
        return out

    def _kind_guards_of_model(self, spot: _Spot) -> list[dict]:
        """What tt says when the field holding this part has a value of another kind (a text
        where a table of keys is expected)."""
        owner, field = spot.via
        owner_path = spot.path
        out = []
        for kind in KINDS:
            if kind in spot.accepted and kind not in ("null", "boolean"):
                continue  # taken as a shorthand (a citation written as one line of text)
            out.extend(self._kind_guard(owner, field, owner_path, kind, item=spot.item))
        return out

    def _kind_guard(self, owner, field: str, path: tuple, kind: str, *, item: bool = False) -> list[dict]:
        if kind == "boolean":
            out = []
            for value in (True, False):
                g = self._guard(owner, field, path, {"const": value}, value, item=item, kind=kind)
                if g:
                    out.append(g)
            return out
        placeholder = _SAMPLES[kind] if kind in ("integer", "number") else None
        g = self._guard(owner, field, path, _IS[kind], _SAMPLES[kind], item=item, placeholder=placeholder, kind=kind)
        return [g] if g else []

    def _key_guards(self, spot: _Spot) -> list[dict]:
        """Unknown keys: tt's "did you mean" for the keys clerks try, then any other key."""
        from tuyentruyen.model.validation import did_you_mean

        model, path = spot.model, spot.path
        allowed = list(model.model_fields)
        tried: list[str] = []
        hints = _key_hints()
        words = [w for w, target in hints.items() if target in allowed]
        for word in words:
            if word not in allowed and word not in tried and did_you_mean(word, allowed):
                tried.append(word)
        guards = []
        for word in tried:
            err = {"type": "extra_forbidden", "loc": (), "msg": "Extra inputs are not permitted", "input": None}
            p = self._problem(err, path + (word,))
            guards.append({"if": {"pattern": _pattern_of(word)}, "then": self._fail(p, kind="string")})
        err = {"type": "extra_forbidden", "loc": (), "msg": "Extra inputs are not permitted", "input": None}
        p = self._problem(err, path + (_ANY_TEXT,))
        guards.append({"if": {"not": {"pattern": _pattern_of(*allowed, *tried)}}, "then": self._fail(p, kind="string")})
        return guards

    def _root_guards(self) -> list[dict]:
        """What tt says of a file that is not a table of keys (a list, a single value)."""
        from tuyentruyen.loading.documents import load_plan_text, load_registry_bytes
        from tuyentruyen.model import Plan

        def load(text: str):
            if self.root is Plan:
                return load_plan_text(text, "plan.yaml")
            return load_registry_bytes(text.encode("utf-8"), "units.yaml")

        out = []
        for kind, text in (("array", "- …\n"), ("string", "…\n"), ("integer", f"{_INT}\n"),
                           ("number", f"{_FLOAT}\n"), ("boolean", "true\n")):
            problems = load(text).problems
            if problems:
                p = problems[0]
                cond = {"type": "boolean"} if kind == "boolean" else _IS[kind]
                out.append({"if": cond, "then": self._fail(p, kind=kind)})
        return out

    # -- fields

    def _property(self, spot: _Spot, field: str, info, ps: dict) -> dict:
        model, path = spot.model, spot.path + (field,)
        title = info.title or ps.get("title") or field
        desc = info.description or ps.get("description")
        prop: dict = {"title": title}
        if desc:
            prop["description"] = desc
            prop["markdownDescription"] = markdown_text(desc)
        branches = self._branches(ps)
        defs = [b for b in branches if "__def__" in b and b.get("type") == "object"]
        arrays = [b for b in branches if b.get("type") == "array"]
        if defs and not arrays:  # a part of the file (issuer, signer, decision…)
            cls = self._model_class(defs[0]["__def__"], model, field)
            if cls is not None:
                kinds = frozenset().union(*(self._kinds_of(b) for b in branches))
                prop["$ref"] = self._def_ref(_Spot(cls, path, (model, field), False, kinds))
                return prop
        accepted = set().union(*(self._kinds_of(b) for b in branches)) if branches else set(KINDS)
        guards = []
        for kind in KINDS:
            # null and true/false are single values: tt is asked even when pydantic's schema allows them
            if kind in accepted and kind not in ("null", "boolean"):
                continue
            guards.extend(self._kind_guard(model, field, path, kind))
        snippets = self._value_snippets(model, field, branches)
        if arrays:
            array = arrays[0]
            guards.extend(self._array_guards(model, field, path, array))
            prop["items"] = self._items(spot, field, path, array)
            if snippets:
                prop["defaultSnippets"] = snippets
        else:
            shape, rest = self._shape(model, field, branches, accepted)
            rest.update({k: prop[k] for k in ("title", "description", "markdownDescription") if k in prop})
            prop["anyOf"] = [shape, rest]
            guards.extend(self._scalar_guards(model, field, path, branches))
            if snippets:
                prop["defaultSnippets"] = snippets
        if guards:
            prop["allOf"] = guards
        return prop

    def _shape(self, model, field: str, branches: list[dict], accepted: set[str]) -> tuple[dict, dict]:
        """(what the field takes, for completion and hover; the rest, which the guards judge)."""
        kinds = [k for k in KINDS if k in accepted and k != "null"]
        shape: dict = {}
        if kinds and len(kinds) < len(KINDS) - 1:
            shape["type"] = kinds[0] if len(kinds) == 1 else kinds
        values, meanings = self._choices(model, field, branches)
        if values:
            shape["enum"] = values
            shape["enumDescriptions"] = [f"{label} — {more}" if more else label for label, more in meanings]
            shape["markdownEnumDescriptions"] = [
                f"**{markdown_text(label)}** — {markdown_text(more)}" if more else f"**{markdown_text(label)}**"
                for label, more in meanings]
        rest_of = {k: shape[k] for k in ("type", "enum") if k in shape}
        rest = {"not": rest_of} if rest_of else {"not": {}}
        return shape, rest

    def _choices(self, model, field: str, branches: list[dict]) -> tuple[list, list[tuple[str, str]]]:
        """The fixed values of a field (an enum, a Literal) and their meanings."""
        values: list = []
        meanings: list[tuple[str, str]] = []
        literal = (self.extra.get("literals") or {}).get(f"{model.__name__}.{field}", {})
        for b in branches:
            if "enum" in b and "__def__" in b:
                cls = self._model_class(b["__def__"], model, field)
                for v in b["enum"]:
                    values.append(v)
                    m = enum_meaning(cls, v) if cls is not None else None
                    meanings.append(m or (str(v), ""))
            elif "enum" in b:
                for v in b["enum"]:
                    values.append(v)
                    entry = literal.get(v)
                    meanings.append((entry["label"], entry.get("more", "")) if entry else (str(v), ""))
            elif "const" in b and b["const"] is not None:
                v = b["const"]
                values.append(v)
                entry = literal.get(v)
                meanings.append((entry["label"], entry.get("more", "")) if entry else (str(v), ""))
        return values, meanings

    def _scalar_guards(self, model, field: str, path: tuple, branches: list[dict], *, item: bool = False) -> list[dict]:
        """Checks of a text or a number: empty, too long, pattern, fixed values, date, range."""
        out: list[dict] = []
        values, meanings = self._choices(model, field, branches)
        strings = [b for b in branches if "string" in self._kinds_of(b)]
        is_date = self._is_date(model, field, item=item)
        if values and any(isinstance(v, str) for v in values):
            texts = [v for v in values if isinstance(v, str)]
            variants = self._variants(texts, meanings)
            for variant in variants:
                g = self._guard(model, field, path, {"type": "string", "pattern": _pattern_of(variant)}, variant,
                                item=item, kind="string")
                if g:
                    out.append(g)
            g = self._guard(model, field, path, {"type": "string", "not": {"pattern": _pattern_of(*texts, *variants)}},
                            _ANY_TEXT, item=item, kind="string")
            if g:
                out.append(g)
        elif is_date:
            g = self._guard(model, field, path, {"type": "string", "not": {"pattern": date_pattern()}}, _ANY_TEXT,
                            item=item, kind="string")
            if g:
                out.append(g)
        else:
            for b in strings:
                if b.get("minLength"):
                    n = b["minLength"]
                    g = self._guard(model, field, path, {"type": "string", "maxLength": n - 1}, "a" * (n - 1),
                                    item=item, kind="string")
                    if g:
                        out.append(g)
                if b.get("maxLength"):
                    n = b["maxLength"]
                    g = self._guard(model, field, path, {"type": "string", "minLength": n + 1}, "a" * (n + 1),
                                    item=item, kind="string")
                    if g:
                        out.append(g)
                if b.get("pattern") and not re.search(b["pattern"], _ANY_TEXT):
                    g = self._guard(model, field, path, {"type": "string", "not": {"pattern": b["pattern"]}},
                                    _ANY_TEXT, item=item, kind="string")
                    if g:
                        out.append(g)
                break
        for b in branches:
            kinds = self._kinds_of(b)
            if "integer" not in kinds:
                continue
            if "minimum" in b:
                n = b["minimum"]
                g = self._guard(model, field, path, {"type": "integer", "exclusiveMaximum": n}, n - 1, item=item,
                                placeholder=n - 1, kind="integer")
                if g:
                    out.append(g)
            if "maximum" in b:
                n = b["maximum"]
                g = self._guard(model, field, path, {"type": "integer", "exclusiveMinimum": n}, n + 1, item=item,
                                placeholder=n + 1, kind="integer")
                if g:
                    out.append(g)
            ints = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
            if ints:
                g = self._guard(model, field, path, {"type": "integer", "not": {"enum": ints}}, _INT, item=item,
                                placeholder=_INT, kind="integer")
                if g:
                    out.append(g)
        return out

    def _is_date(self, model, field: str, *, item: bool = False) -> bool:
        """Does the field read "19/12/2022" as a date (tt's date type)?"""
        import datetime as dt
        from typing import Annotated

        from pydantic import TypeAdapter

        info = model.model_fields[field]
        try:
            adapter = TypeAdapter(Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation)
            got = adapter.validate_python(["19/12/2022"] if item else "19/12/2022")
        except Exception:  # noqa: BLE001 - not a date field (or not one that takes a text)
            return False
        if isinstance(got, list):
            got = got[0] if got else None
        return isinstance(got, dt.date)

    @staticmethod
    def _variants(values: list[str], meanings: list[tuple[str, str]]) -> list[str]:
        """Ways clerks write a fixed value wrongly, for which tt suggests the right one."""
        from tuyentruyen.vn.text import did_you_mean

        out: list[str] = []
        for v, (label, _more) in zip(values, meanings):
            for w in (v.replace("-", " "), v.replace("-", "_"), v.rstrip("."), label, label.lower()):
                if w and w not in values and w not in out and did_you_mean(w, values) == v:
                    out.append(w)
        return out

    def _array_guards(self, model, field: str, path: tuple, array: dict) -> list[dict]:
        out = []
        if array.get("minItems"):
            g = self._guard(model, field, path, {"type": "array", "maxItems": array["minItems"] - 1}, [], kind="array")
            if g:
                out.append(g)
            if array["minItems"] == 1:  # an empty value is an empty list, for tt
                g = self._guard(model, field, path, {"type": "null"}, None, kind="null")
                if g and all(x.get("if") != {"type": "null"} for x in out):
                    out.append(g)
        if array.get("maxItems"):
            item = self._neutral_item(array.get("items") or {})
            g = self._guard(model, field, path, {"type": "array", "minItems": array["maxItems"] + 1},
                            [item] * (array["maxItems"] + 1), kind="array")
            if g:
                out.append(g)
        return out

    def _neutral_item(self, items: dict) -> Any:
        for b in self._branches(items):
            if "enum" in b:
                return b["enum"][0]
            if "string" in self._kinds_of(b):
                return "x"
        return "x"

    def _items(self, spot: _Spot, field: str, path: tuple, array: dict) -> dict:
        model = spot.model
        items = array.get("items") or {}
        branches = self._branches(items)
        defs = [b for b in branches if "__def__" in b and b.get("type") == "object"]
        if defs:  # a list of parts (tasks, sections, citations…): the part's entry says the rest
            cls = self._model_class(defs[0]["__def__"], model, field)
            if cls is not None:
                kinds = frozenset().union(*(self._kinds_of(b) for b in branches))
                return {"$ref": self._def_ref(_Spot(cls, path, (model, field), True, kinds))}
        accepted = set().union(*(self._kinds_of(b) for b in branches)) if branches else set(KINDS)
        guards = []
        for kind in KINDS:
            if kind in accepted and kind not in ("null", "boolean"):
                continue
            guards.extend(self._kind_guard(model, field, path, kind, item=True))
        guards.extend(self._scalar_guards(model, field, path, branches, item=True))
        out: dict = {}
        values, _ = self._choices(model, field, branches)
        if values:
            shape, rest = self._shape(model, field, branches, accepted)
            out["anyOf"] = [shape, rest]
        if guards:
            out["allOf"] = guards
        if self.units and self._is_field(model, field, self.extra.get("unit_fields") or []):
            out["$ref"] = "#/$defs/" + self._unit_names()  # one list of names for every item of every unit field
        else:
            snippets = self._value_snippets(model, field, branches)
            if snippets:
                out["defaultSnippets"] = snippets
        return out

    def _unit_names(self) -> str:
        name = "unit-names"
        if name not in self.defs:
            self.defs[name] = {
                "$comment": "Tên chuẩn của các đơn vị trong sổ đơn vị, để gợi ý khi gõ một mục của chủ trì, phối hợp, "
                            "đơn vị (không tiêu đề: khi rê chuột, trình soạn thảo hiện tên của khóa).",
                "defaultSnippets": self._value_snippets_of_units()}
        return name

    def _value_snippets_of_units(self) -> list[dict]:
        return [{"label": u.name, "description": u.doc, "body": u.name} for u in self.units]

    # -- snippets

    def _snippets(self, model) -> list[dict]:
        out = []
        for s in (self.extra.get("snippets") or {}).get(model.__name__, []):
            entry = {"label": s["label"], "body": s["body"]}
            if s.get("more"):
                entry["description"] = s["more"]
                entry["markdownDescription"] = markdown_text(s["more"])
            out.append(entry)
        return out

    def _is_field(self, model, field: str, names: list[str]) -> bool:
        return any(f"{cls.__name__}.{field}" in names for cls in model.__mro__ if hasattr(cls, "model_fields"))

    def _value_snippets(self, model, field: str, branches: list[dict]) -> list[dict]:
        """What completion offers for a value: unit names, time forms, the model's examples."""
        if self._is_field(model, field, self.extra.get("unit_fields") or []):
            return self._value_snippets_of_units()
        if self._is_field(model, field, self.extra.get("time_fields") or []):
            return [{"label": text.replace("{year}", "…"), "description": more, "markdownDescription": markdown_text(more),
                     "body": text.replace("{year}", "${1:năm}")} for text, more in time_forms()]
        examples = (model.model_fields[field].examples or []) if field in model.model_fields else []
        return [{"label": str(e) if not isinstance(e, list) else ", ".join(map(str, e)), "body": e}
                for e in examples if isinstance(e, (str, int)) and not isinstance(e, bool)]


def check_condition(check: dict) -> dict:
    """The JSON Schema condition of a check across fields: a table whose keys `all` are written
    (not empty), `none` are not, and one of `any` is."""
    def given(key: str) -> dict:
        return {"required": [key], "properties": {key: {"not": {"type": "null"}}}}

    parts = [given(k) for k in check.get("all", [])]
    parts += [{"not": given(k)} for k in check.get("none", [])]
    if check.get("any"):
        parts.append({"anyOf": [given(k) for k in check["any"]]})
    return {"type": "object", "allOf": parts}


def check_errors(model, check: dict) -> list[dict]:
    """What tt reports for a check's probe, at the check's place (the part, or its key `at`)."""
    from pydantic import ValidationError

    want = (check["at"],) if check.get("at") else ()
    try:
        model.model_validate(check["probe"])
    except ValidationError as exc:
        out = []
        for err in exc.errors(include_url=False):
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            if loc == want and err["type"] != "missing":
                out.append(err)
        return out
    return []


def _rewrite_refs(node: Any, alias: dict[str, str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and ref[8:] in alias:
            node["$ref"] = "#/$defs/" + alias[ref[8:]]
        for v in node.values():
            _rewrite_refs(v, alias)
    elif isinstance(node, list):
        for v in node:
            _rewrite_refs(v, alias)


def _classes_in(annotation: Any) -> list[type]:
    """The classes an annotation names, through Optional, list, Annotated, Literal…"""
    out: list[type] = []
    if isinstance(annotation, type):
        return [annotation]
    for arg in typing.get_args(annotation):
        out.extend(_classes_in(arg))
    return out
