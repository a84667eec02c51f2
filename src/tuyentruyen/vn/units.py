"""Resolving unit names (tên đơn vị) against the unit registry (sổ đơn vị).

Clerks write one unit many ways: "Đài Phát thanh - Truyền hình tỉnh", "Đài PT-TH tỉnh",
"Đài phát thanh và Truyền hình tỉnh". A name resolves, in this order, as:

- ``name``  — the canonical name (tên chuẩn), NFC with spaces collapsed;
- ``short`` / ``alias`` — a short form or alias the registry lists;
- ``case`` — one of those in other upper/lower case ("Sở Thông tin và truyền thông");
- ``loose`` — equal to one of those once folded: case, punctuation, "và"/"&", the old and
  new placement of tone marks ("Uỷ"/"Ủy") and the usual abbreviations of
  data/unit_words.yaml ("UBND" = "Ủy ban nhân dân") are ignored;
- ``order`` — the same folded words in another order ("UBND huyện, thành phố, thị xã").

A folded key shared by two different units resolves to neither (never a guess).

Anything else is unknown; :meth:`UnitIndex.suggest` finds the nearest names without
diacritics ("Dai PT-TH tinh" → "Đài Phát thanh - Truyền hình tỉnh"). Recipients (nơi
nhận) and the executors of Điều 3 carry titles and several units a line: :meth:`parties`
strips the titles ("Giám đốc Sở Nội vụ"), the notes in brackets ("(báo cáo)"), expands
"Như Điều 3" to the executors and splits "Báo Hà Giang, Đài PT-TH tỉnh". Groups (nhóm,
kind ``nhom``: "Các sở, ban, ngành") stand for their members, transitively.

A registry that extends the national list (``extends: national``, ``province: …``) also knows
the administrative units of that province's family (:class:`NationalLayer`): "Ủy ban nhân dân
xã Bắc Mê" (short "UBND xã Bắc Mê"), "Ủy ban nhân dân tỉnh Tuyên Quang" ("UBND tỉnh"), the
old districts and communes with their end date and successor — a unit, or for a district
split between several communes the group of them. The registry's own units come first: a name
it lists means its own unit.

A plan is judged at its own date: :meth:`UnitIndex.for_plan` is the registry seen from a plan
(its date, or its whole year for a draft). Where two units share a name over time (the old
and the new "xã Minh Xuân") the one that exists then is meant, and "did you mean" proposes
only units that exist then. :meth:`UnitIndex.heirs` follows successors to the units that
exist then.

Nothing here names a unit: every name comes from the registry or the national data.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from tuyentruyen.model import Registry, Unit, UnitKind

_WORD = re.compile(r"\w+(?:&\w+)*")
_DROP = frozenset({"và", "&"})
_ARTICLE = re.compile(r"^\s*như\s+điều\s*(\d+)\b", re.IGNORECASE)
_BRACKETS = re.compile(r"\s*\([^()]*\)")


def clean(name: str) -> str:
    """NFC, single spaces, no surrounding spaces or list punctuation ("- …;")."""
    text = " ".join(unicodedata.normalize("NFC", name).split())
    return text.strip(" ;.").removeprefix("- ").strip()


@functools.cache
def _words() -> tuple[dict[tuple[str, ...], tuple[str, ...]], tuple[str, ...]]:
    import yaml
    from importlib.resources import files

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the pure-Python loader is ~20x slower
    raw = yaml.load(files("tuyentruyen.data").joinpath("unit_words.yaml").read_text("utf-8"), Loader=loader)
    abbr = {}
    for short, long in (raw.get("abbreviations") or {}).items():
        abbr[tuple(_plain_tokens(str(short)))] = tuple(_plain_tokens(str(long)))
    titles = tuple(unicodedata.normalize("NFC", t).casefold() for t in raw.get("titles") or ())
    return abbr, titles


def titles() -> tuple[str, ...]:
    """The titles written before a unit's name in recipients ("giám đốc ", "chủ tịch "…)."""
    return tuple(t + " " for t in _words()[1])


def _swap_tone(token: str) -> str:
    from tuyentruyen.vn.text import new_tone_placement

    return new_tone_placement(token)


def _plain_tokens(text: str) -> list[str]:
    return [_swap_tone(t) for t in _WORD.findall(unicodedata.normalize("NFC", text).casefold())]


@functools.lru_cache(maxsize=65536)
def loose_key(name: str) -> str:
    """The folded form two spellings of one unit share: see the module docstring."""
    tokens = _plain_tokens(name)
    abbr, _ = _words()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for size in (3, 2, 1):
            key = tuple(tokens[i:i + size])
            if len(key) == size and key in abbr:
                out.extend(abbr[key])
                i += size
                break
        else:
            out.extend(tokens[i].split("&") if "&" in tokens[i] else [tokens[i]])
            i += 1
    return " ".join(t for t in out if t not in _DROP)


def _order_key(key: str) -> str:
    return " ".join(sorted(key.split()))


def _add(table: dict[str, list[str]], key: str, uid: str) -> None:
    ids = table.setdefault(key, [])
    if uid not in ids:
        ids.append(uid)


def ascii_key(text: str) -> str:
    """Without diacritics (đ → d), lower case: how suggestions compare names."""
    from tuyentruyen.vn.text import fold

    return fold(text)


@dataclass(frozen=True)
class Resolved:
    """A name as written and the unit it means; ``how``: name, short, alias, case, loose or order."""

    unit: Unit
    how: str
    written: str

    @property
    def canonical(self) -> bool:
        return self.how == "name"


def plan_window(day: dt.date | None, year: int) -> tuple[dt.date, dt.date]:
    """The days a plan is judged on: its date, or for a draft (no date yet) its whole year."""
    return (day or dt.date(year, 1, 1), day or dt.date(year, 12, 31))


def exists_during(unit, first: dt.date, last: dt.date) -> bool:
    """Whether a unit (registry Unit or AdminUnit) exists on some day of first..last."""
    return (unit.valid_until is None or unit.valid_until >= first) and (
        unit.valid_from is None or unit.valid_from <= last)


class UnitIndex:
    """The registry, indexed for resolving names; every lookup is cached by the text.

    An index seen from a plan (:meth:`for_plan`, :meth:`on`) shares the tables and prefers,
    among units that share a name, the one that exists in the plan's time.
    """

    def __init__(self, registry: Registry):
        self.registry = registry
        own = list(registry.units)
        self.national: NationalLayer | None = None
        if registry.extends == "national" and registry.province:
            self.national = national_layer(registry.province)
        extra = self.national.units if self.national is not None else []
        self.units = own + extra
        self.by_id = {u.id: u for u in own}
        for u in extra:
            self.by_id.setdefault(u.id, u)
        self._own = frozenset(u.id for u in own)
        self._exact: dict[str, list[tuple[Unit, str]]] = {}
        self._casefold: dict[str, list[str]] = {}
        self._loose: dict[str, list[str]] = {}
        named = own + (self.national.named if self.national is not None else [])
        for u in named:
            for how, names in (("name", [u.name]), ("short", u.short), ("alias", u.aliases)):
                for n in names:
                    c = clean(n)
                    self._exact.setdefault(c, []).append((u, how))
                    _add(self._casefold, c.casefold(), u.id)
                    _add(self._loose, loose_key(n), u.id)
        # the loosest level: the same words in another order ("UBND huyện, thành phố, thị xã")
        self._order: dict[str, list[str]] = {}
        for k, ids in self._loose.items():
            for i in ids:
                _add(self._order, _order_key(k), i)
        self._named = named
        self._window: tuple[dt.date, dt.date] | None = None
        self._views: dict[tuple[dt.date, dt.date], UnitIndex] = {}
        self._cache: dict[str, Resolved | None] = {}
        self._party_cache: dict[tuple[str, tuple[str, ...]], tuple[Resolved, ...]] = {}
        self._groups: dict[str, frozenset[str]] = {}
        self._members: dict[str, frozenset[str]] | None = None

    # -- the plan's time

    def for_plan(self, day: dt.date | None, year: int) -> UnitIndex:
        """The registry seen from a plan of that date (None: a draft) and year."""
        return self.on(*plan_window(day, year))

    def on(self, first: dt.date, last: dt.date) -> UnitIndex:
        """The registry seen from the days first..last (cached: one view per window)."""
        key = (first, last)
        view = self._views.get(key)
        if view is None:
            view = copy.copy(self)
            view._window = key
            view._cache, view._party_cache = {}, {}
            view.__dict__.pop("_suggest_keys", None)
            self._views[key] = view
        return view

    @property
    def window(self) -> tuple[dt.date, dt.date] | None:
        """The days this index is seen from (None: timeless)."""
        return self._window

    def exists(self, unit: Unit) -> bool:
        """Whether the unit exists in this index's time (always, for a timeless index)."""
        return self._window is None or exists_during(unit, *self._window)

    def is_national(self, unit: Unit) -> bool:
        """Whether the unit comes from the national list rather than the registry file."""
        return unit.id not in self._own and unit.id in self.by_id

    def names_gone_unit(self, unit: Unit) -> bool:
        """Whether the unit's own name names an administrative unit that does not exist in this
        index's time ("UBND huyện Yên Minh" in 2027), whatever the registry says of its validity."""
        if self._window is None or self.is_national(unit):
            return False
        from tuyentruyen.vn import admin

        first, last = self._window
        if not admin.ceased_levels(first):
            return False  # nothing had ended by then: the national list is not read
        within = self.national.all_admin if self.national is not None else None
        return any(admin.gone(m, first, last, within=within) is not None for m in admin.mentions(unit.name))

    def admin_unit(self, unit: Unit):
        """The national administrative unit (tuyentruyen.vn.admin.AdminUnit) behind a unit, if any."""
        return self.national.admin.get(unit.id) if self.national is not None else None

    def heirs(self, unit: Unit) -> list[Unit]:
        """The units that carry `unit` on in this index's time, following successors (a group of
        heirs stands for its members): Sở TT&TT → [Sở Khoa học và Công nghệ]; UBND huyện Bắc
        Mê → the seven UBND xã. Empty when the registry names no successor."""
        out: list[Unit] = []
        seen: set[str] = set()
        todo = [unit.successor] if unit.successor else []
        while todo:
            uid = todo.pop(0)
            if uid in seen or uid not in self.by_id:
                continue
            seen.add(uid)
            heir = self.by_id[uid]
            if self.national is not None and uid in self.national.heir_groups:
                todo.extend(sorted(self.members(uid), key=self.national.order.get))
            elif self.exists(heir) or not heir.successor:
                out.append(heir)
            else:
                todo.append(heir.successor)
        return out

    # -- one name

    def resolve(self, name: str) -> Resolved | None:
        """The unit a name (lead, support, duty) means, or None when it is not in the registry."""
        if name in self._cache:
            return self._cache[name]
        text = clean(name)
        found: Resolved | None = None
        # the first letter's case follows the sentence ("… và các Đoàn thể huyện"): not a variant
        exact = self._exact.get(text) or self._exact.get(text[:1].swapcase() + text[1:])
        if exact:
            unit, how = self._pick(exact)
            found = Resolved(unit, how, name)
        elif (unit := self._unique(self._casefold.get(text.casefold()))) is not None:
            found = Resolved(unit, "case", name)
        else:
            k = loose_key(text)
            if k and (unit := self._unique(self._loose.get(k))) is not None:
                found = Resolved(unit, "loose", name)
            elif k and (unit := self._unique(self._order.get(_order_key(k)))) is not None:
                found = Resolved(unit, "order", name)
        self._cache[name] = found
        return found

    def _pick(self, candidates: list[tuple[Unit, str]]) -> tuple[Unit, str]:
        """Of the units an exact name names: the registry's own first, then the one that exists in
        this index's time, else the one nearest to it."""
        own = [c for c in candidates if c[0].id in self._own]
        candidates = own or candidates
        if self._window is None or len(candidates) == 1:
            return candidates[0]
        living = [c for c in candidates if self.exists(c[0])]
        if living:
            return living[0]
        first = self._window[0]
        return min(candidates, key=lambda c: abs(((c[0].valid_until or c[0].valid_from or first) - first).days))

    def _unique(self, ids: list[str] | None) -> Unit | None:
        """The one unit a folded key means (the registry's own first, then those that exist in this
        index's time), or None when it means none or several: never a guess."""
        if not ids:
            return None
        own = [i for i in ids if i in self._own]
        ids = own or ids
        if self._window is not None and len(ids) > 1:
            living = [i for i in ids if self.exists(self.by_id[i])]
            ids = living or ids
        return self.by_id[ids[0]] if len(ids) == 1 else None

    def suggest(self, name: str, n: int = 1) -> list[str]:
        """The canonical names nearest to name, ignoring diacritics, case and abbreviations; only
        units that exist in this index's time."""
        table = self._suggest_keys
        target = ascii_key(loose_key(name))
        if not target:
            return []
        close = difflib.get_close_matches(target, list(table), n=n * 3, cutoff=0.72)
        out: list[str] = []
        for key in close:
            if table[key] not in out:
                out.append(table[key])
        return out[:n]

    @functools.cached_property
    def _suggest_keys(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for u in self._named:
            if not self.exists(u) or self.names_gone_unit(u):
                continue
            for n in (u.name, *u.short, *u.aliases):
                table.setdefault(ascii_key(loose_key(n)), u.name)
        return table

    def split(self, name: str) -> list[Resolved]:
        """Several units written in one entry ("Sở Nội vụ, Sở Tài chính"): each part that resolves."""
        return self._split(name, titled=False)

    # -- recipients and executors

    def parties(self, text: str, executors: tuple[str, ...] = ()) -> tuple[Resolved, ...]:
        """The units a recipient or executor line names (titles stripped, "Như Điều 3" expanded)."""
        key = (text, executors)
        if key in self._party_cache:
            return self._party_cache[key]
        line = clean(text)
        found: list[Resolved] = []
        if _ARTICLE.match(line):
            for e in executors:
                found.extend(self.parties(e))
        else:
            line = _BRACKETS.sub("", line).strip()
            whole = self._titled(line)
            if whole is not None:
                found.append(whole)
            else:
                for part in re.split(r";", line):
                    found.extend(self._split(part, titled=True))
        result = tuple(found)
        self._party_cache[key] = result
        return result

    def _titled(self, text: str) -> Resolved | None:
        text = clean(text)
        if not text:
            return None
        r = self.resolve(text)
        if r is not None:
            return r
        low = text.casefold()
        _, titles = _words()
        for title in titles:
            if low.startswith(title + " "):
                rest = text[len(title) + 1:]
                r = self.resolve(rest)
                if r is None and " thuộc " in rest:
                    r = self.resolve(rest.split(" thuộc ", 1)[0])
                if r is not None:
                    return r
        if " thuộc " in text:
            return self.resolve(text.split(" thuộc ", 1)[0])
        return None

    def _split(self, text: str, *, titled: bool) -> list[Resolved]:
        pieces = re.split(r"(,|\s+và\s+|\s+-\s+)", text)
        segs, delims = pieces[0::2], pieces[1::2]
        look = self._titled if titled else (lambda t: self.resolve(t) if clean(t) else None)
        out: list[Resolved] = []
        i = 0
        while i < len(segs):
            for j in range(len(segs), i, -1):
                candidate = "".join(segs[k] + (delims[k] if k < j - 1 else "") for k in range(i, j))
                r = look(candidate)
                if r is not None:
                    out.append(r)
                    i = j
                    break
            else:
                i += 1
        return out

    # -- groups

    def is_group(self, unit: Unit) -> bool:
        return unit.kind is UnitKind.GROUP

    def groups_of(self, unit_id: str) -> frozenset[str]:
        """The groups a unit belongs to, directly or through a group of groups."""
        if unit_id in self._groups:
            return self._groups[unit_id]
        seen: set[str] = set()
        todo = list(self.by_id[unit_id].groups) if unit_id in self.by_id else []
        while todo:
            g = todo.pop()
            if g in seen:
                continue
            seen.add(g)
            if g in self.by_id:
                todo.extend(self.by_id[g].groups)
        result = frozenset(seen)
        self._groups[unit_id] = result
        return result

    def members(self, group_id: str) -> frozenset[str]:
        """Every unit in a group, through nested groups."""
        if self._members is None:
            table: dict[str, set[str]] = {}
            for u in self.units:
                for g in self.groups_of(u.id):
                    table.setdefault(g, set()).add(u.id)
            self._members = {g: frozenset(ids) for g, ids in table.items()}
        return self._members.get(group_id, frozenset())


# ---------------------------------------------------------------- the national list in a registry


@dataclass
class NationalLayer:
    """The administrative units a registry gets from ``extends: national``: for each unit of
    the province's family (tuyentruyen.vn.admin.NationalUnits.family and .within) its people's
    committee as a registry unit, with the validity and successors of the national data."""

    province: object  # tuyentruyen.vn.admin.AdminUnit: the province the registry names
    family: tuple = ()  # its province records across the changes
    units: list[Unit] = field(default_factory=list)  # every unit, heir groups included
    named: list[Unit] = field(default_factory=list)  # the units found by name (no heir group)
    admin: dict[str, object] = field(default_factory=dict)  # unit id → AdminUnit
    heir_groups: frozenset[str] = frozenset()  # ids of the groups of several successors
    order: dict[str, int] = field(default_factory=dict)  # unit id → position in the data

    @functools.cached_property
    def all_admin(self) -> frozenset:
        """The administrative units of the family (where a name is looked for first)."""
        return frozenset(self.admin.values())


def admin_unit_id(unit) -> str:
    """The registry id of an administrative unit: "dvhc-<code>" for a unit in force,
    "dvhc-<code>-<last day>" for one that ended (codes are reused: "08" is the old and the new
    Tuyên Quang)."""
    return f"dvhc-{unit.code}" if unit.valid_until is None else f"dvhc-{unit.code}-{unit.valid_until:%Y%m%d}"


def committee_name(unit) -> str:
    """The people's committee of an administrative unit: "Ủy ban nhân dân xã Bắc Mê"."""
    return f"Ủy ban nhân dân {unit.full_name}"


@functools.lru_cache(maxsize=8)
def national_layer(province: str) -> NationalLayer:
    """The national layer of a registry with ``province: <province>`` (read once per process)."""
    from tuyentruyen.vn.admin import national, sort_key

    nat = national()
    named_province = nat.province_named(province)
    if named_province is None:  # the registry model reports it; a model built by hand gets none
        return NationalLayer(None)
    family = nat.family(named_province)
    same_name = {u.name for u in family if u.name == named_province.name}
    admin_units = sorted((*family, *nat.within(family)), key=sort_key)
    ids = {(u.code, u.valid_from, u.valid_until): admin_unit_id(u) for u in admin_units}
    layer = NationalLayer(named_province, family)
    heir_groups: dict[str, Unit] = {}
    members_of: dict[str, list[str]] = {}
    for position, a in enumerate(admin_units):
        uid = ids[(a.code, a.valid_from, a.valid_until)]
        layer.order[uid] = position
        layer.admin[uid] = a
        nexts = [h for h in nat.direct_successors(a) if (h.code, h.valid_from, h.valid_until) in ids]
        heirs = [ids[(h.code, h.valid_from, h.valid_until)] for h in nexts]
        successor = None
        if len(heirs) == 1:
            successor = heirs[0]
        elif heirs:  # a district split between several communes: the group of them succeeds it
            successor = f"{uid}-ke-thua"
            day = a.valid_until + dt.timedelta(days=1)
            heir_groups[successor] = Unit.model_construct(
                id=successor, kind=UnitKind.GROUP, short=[], aliases=[], groups=[],
                name="Ủy ban nhân dân " + ", ".join(h.full_name for h in nexts),
                valid_from=day, valid_until=None, successor=None,
                notes=f"Các đơn vị kế thừa {a.full_name} từ ngày {day:%d/%m/%Y}.")
            for h in heirs:
                members_of.setdefault(h, []).append(successor)
        short = [f"UBND {a.full_name}"]
        if a.is_province and a.name in same_name:
            short.append(f"UBND {a.level_name}")  # "UBND tỉnh": the registry's own province
        where = [a.full_name + f" (mã {a.code})"]
        district = nat.district_of(a) if a.district_code else None
        if district is not None:
            where.append(district.full_name)
        if not a.is_province:
            prov = nat.province_of(a)
            if prov is not None:
                where.append(prov.full_name)
        notes = "Đơn vị hành chính " + ", ".join(where) + (f"; thành lập theo {a.basis}" if a.basis else "") + "."
        layer.named.append(Unit.model_construct(
            id=uid, name=committee_name(a), short=short, aliases=[], kind=UnitKind.PEOPLES_COMMITTEE, groups=[],
            valid_from=a.valid_from, valid_until=a.valid_until, successor=successor, notes=notes))
    for i, u in enumerate(layer.named):
        if u.id in members_of:
            layer.named[i] = u.model_copy(update={"groups": members_of[u.id]})
    layer.units = layer.named + list(heir_groups.values())
    layer.heir_groups = frozenset(heir_groups)
    return layer

