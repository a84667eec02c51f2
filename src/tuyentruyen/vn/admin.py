"""The national administrative units of Vietnam (đơn vị hành chính), before and after 1/7/2025.

Data: ``tuyentruyen/data/admin/units.json``, built by ``tools/admin_units.py`` from packages
whose licences allow shipping it (see ``data/admin/NOTICE.md``). It holds three layers:

- the 63 provinces, 696 districts and 10,035 communes as they stood on 30/06/2025 (no start
  date is known for them: ``valid_from`` is None);
- the 34 provinces and 3,321 communes (xã, phường, đặc khu) of 01/07/2025, with no district
  level, and for every unit that ended on 30/06/2025 the codes of the units that took it over;
- the later changes the national catalogue records (a tỉnh that became a thành phố trực
  thuộc trung ương, xã that became phường), each with the resolution behind it.

The one rule of identity: a record is one unit in one place of the hierarchy during one span
of time. A province that was not rearranged in 2025 (Hà Nội, Huế…) is one record with no end.
A commune always changed its place on 01/07/2025 (its district ended), so its old record ends
on 30/06/2025 and names its successor, even when the successor has the same code, name and
kind (a commune "không thực hiện sắp xếp"): ``predecessors_of`` / ``successors_of`` link them.
Codes (mã ĐVHC) are reused across layers ("08" is the old and the new Tuyên Quang; "15" was
Yên Bái and is now Lào Cai), so a code means a unit only together with a date, and names are
not unique either (many provinces have a xã Tân Phú; before 01/07/2025 one province could have
several "Phường 1", in different districts): look units up by (province, name), adding the
district before the merger, or by (code, date).

API (nothing is read until the first call; the data is then cached for the process)::

    from tuyentruyen.vn.admin import national
    nat = national()
    nat.provinces(on=date(2027, 1, 1))          # the 34 (or on=None: the current units)
    nat.communes("08", on=date(2024, 1, 1))     # communes of the old Tuyên Quang
    nat.districts("75", on=date(2024, 1, 1))    # districts of Đồng Nai before the merger
    nat.by_code("02")                           # Hà Giang (ended): the latest unit with the code
    nat.by_code("08", on=date(2024, 1, 1))      # the old Tuyên Quang
    nat.find("Xuân Lộc", province="Đồng Nai", on=date(2024, 1, 1), levels=DISTRICT_LEVELS)
    nat.find("tỉnh Hà Giang")                   # a tuple, current units first; prefixes, case,
                                                # tone placement, then diacritics
    nat.all_with_code("26425")                  # thị trấn Gia Ray, xã Xuân Lộc, phường Xuân Lộc
    nat.successors_of(unit, on=date(2027, 1, 1))  # transitive, to units valid on that date
    nat.predecessors_of(unit)                   # the units it took over
    nat.province_of(unit), nat.district_of(unit)
    nat.meta                                    # sources, licences, checksum, counts

``on=None`` everywhere means "the current units" (those with no end date in the data), never
the computer's clock. :class:`AdminUnit` is a frozen dataclass: ``code``, ``name``, ``level``
(a slug of :data:`LEVELS`), ``province_code``, ``district_code``, ``valid_from``,
``valid_until`` (inclusive), ``successors`` (codes, valid from the day after ``valid_until``;
the main successor first where the source marks one) and ``basis`` (the resolution that
created it, where known), with ``level_name``, ``full_name`` ("xã Minh Xuân"),
``full_name_capitalized`` ("Xã Minh Xuân"), ``valid_on(day)``, ``is_province``,
``is_district_level`` and ``is_commune``.

Standard library only; matching uses a private fold (:func:`_fold`) until ``vn/text.py``'s
is wired in.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

DATA_PACKAGE = "tuyentruyen.data"
DATA_PATH = ("admin", "units.json")

# slug → (level word as written inside a sentence, description, tier)
LEVELS: Mapping[str, tuple[str, str, str]] = MappingProxyType({
    "tinh": ("tỉnh", "tỉnh", "province"),
    "thanh-pho-tw": ("thành phố", "thành phố trực thuộc trung ương", "province"),
    "huyen": ("huyện", "huyện", "district"),
    "quan": ("quận", "quận", "district"),
    "thi-xa": ("thị xã", "thị xã", "district"),
    "thanh-pho": ("thành phố", "thành phố (cấp huyện)", "district"),
    "xa": ("xã", "xã", "commune"),
    "phuong": ("phường", "phường", "commune"),
    "thi-tran": ("thị trấn", "thị trấn", "commune"),
    "dac-khu": ("đặc khu", "đặc khu", "commune"),
})
PROVINCE_LEVELS = frozenset(k for k, v in LEVELS.items() if v[2] == "province")
DISTRICT_LEVELS = frozenset(k for k, v in LEVELS.items() if v[2] == "district")
COMMUNE_LEVELS = frozenset(k for k, v in LEVELS.items() if v[2] == "commune")

# Level words a clerk may put before a name ("Tỉnh Hà Giang", "TP. Hồ Chí Minh").
_PREFIXES: tuple[tuple[str, frozenset[str]], ...] = (
    ("thành phố", frozenset({"thanh-pho-tw", "thanh-pho"})),
    ("tp.", frozenset({"thanh-pho-tw", "thanh-pho"})),
    ("tp", frozenset({"thanh-pho-tw", "thanh-pho"})),
    ("thị trấn", frozenset({"thi-tran"})),
    ("thị xã", frozenset({"thi-xa"})),
    ("tx.", frozenset({"thi-xa"})),
    ("đặc khu", frozenset({"dac-khu"})),
    ("tỉnh", frozenset({"tinh"})),
    ("huyện", frozenset({"huyen"})),
    ("quận", frozenset({"quan"})),
    ("phường", frozenset({"phuong"})),
    ("xã", frozenset({"xa"})),
)


# ----------------------------------------------------------------------------- text keys

# apostrophes → "'", dashes → space (both are written every way in names: "M’gar", "A-Na")
_PUNCTUATION = str.maketrans({**dict.fromkeys("\u2019\u2018\u02bc\u0060\u00b4", "'"),
                              **dict.fromkeys("-\u2010\u2011\u2012\u2013\u2014\u2212", " ")})
_HAS_PUNCTUATION = re.compile("[" + "".join(re.escape(chr(c)) for c in _PUNCTUATION) + "]").search
_LEADING_ZEROS = re.compile(r"\b0+(\d)")
# Old-style tone placement on a final oa/oe/uy ("Hoà", "Thuỷ") → the style of the data ("Hòa").
_OLD_TONE = re.compile(r"(?<!q)(o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?!\w)")
_TONED_SECOND = frozenset("àáảãạèéẻẽẹỳýỷỹỵ")
_TONE_MOVE = {
    old: new
    for vowel, marked, firsts in (
        ("a", "àáảãạ", "òóỏõọ"),
        ("e", "èéẻẽẹ", "òóỏõọ"),
        ("y", "ỳýỷỹỵ", "ùúủũụ"),
    )
    for old, new in ((("o" if vowel != "y" else "u") + m, f + vowel) for m, f in zip(marked, firsts))
}


@functools.lru_cache(maxsize=32768)
def _match_key(text: str) -> str:
    """Case, spacing, apostrophes, dashes, leading zeros and tone placement made uniform:
    "Xã  Thuận Hoà" → "xã thuận hòa", "Cư M’gar" → "cư m'gar", "Phường 01" → "phường 1"."""
    s = unicodedata.normalize("NFC", text).casefold()
    if _HAS_PUNCTUATION(s):
        s = s.translate(_PUNCTUATION)
    s = " ".join(s.split())
    if "0" in s:
        s = _LEADING_ZEROS.sub(r"\1", s)
    if _TONED_SECOND.isdisjoint(s):
        return s
    return _OLD_TONE.sub(_move_tone, s)


def _move_tone(match: re.Match) -> str:
    return _TONE_MOVE[match.group(0)]


@functools.lru_cache(maxsize=32768)
def _fold(text: str) -> str:
    """:func:`_match_key` without diacritics, "đ" → "d": "Xã Thuận Hoà" → "xa thuan hoa"."""
    return _strip_marks(_match_key(text))


def _strip_marks(key: str) -> str:
    s = key.translate(_fold_table())
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


@functools.cache
def _fold_table() -> dict[int, str]:
    """Each precomposed Latin letter → its letter without marks (one str.translate per fold)."""
    table = {ord("đ"): "d", ord("Đ"): "d"}
    for point in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        base = "".join(c for c in unicodedata.normalize("NFD", chr(point)) if not unicodedata.combining(c))
        if base != chr(point) and base.isascii():
            table[point] = base
    return table


# ----------------------------------------------------------------------------- records

@dataclass(frozen=True, slots=True)
class Basis:
    """The resolution (nghị quyết) that created a unit."""

    number: str  # "1662/NQ-UBTVQH15"
    date: date

    def __str__(self) -> str:
        return f"Nghị quyết số {self.number} ngày {self.date:%d/%m/%Y}"


@dataclass(frozen=True, slots=True)
class AdminUnit:
    """One administrative unit in one place of the hierarchy for one span of time."""

    code: str                       # mã ĐVHC: "08" (tỉnh), "244" (huyện), "02269" (xã)
    name: str                       # "Tuyên Quang", "Minh Xuân", "1" (phường 1)
    level: str                      # a slug of LEVELS
    province_code: str | None = None  # None for a province
    district_code: str | None = None  # the district of a commune before 01/07/2025
    valid_from: date | None = None    # None: before the data begins
    valid_until: date | None = None   # inclusive; None: still in force
    successors: tuple[str, ...] = ()  # codes of the units valid from valid_until + 1 day
    basis: Basis | None = None

    @property
    def level_name(self) -> str:
        return LEVELS[self.level][0]

    @property
    def level_description(self) -> str:
        return LEVELS[self.level][1]

    @property
    def tier(self) -> str:
        """"province", "district" or "commune"."""
        return LEVELS[self.level][2]

    @property
    def is_province(self) -> bool:
        return self.level in PROVINCE_LEVELS

    @property
    def is_district_level(self) -> bool:
        return self.level in DISTRICT_LEVELS

    @property
    def is_commune(self) -> bool:
        return self.level in COMMUNE_LEVELS

    @property
    def full_name(self) -> str:
        """As written inside a sentence: "tỉnh Tuyên Quang", "xã Minh Xuân"."""
        return f"{self.level_name} {self.name}"

    @property
    def full_name_capitalized(self) -> str:
        """As written at the start of a line: "Tỉnh Tuyên Quang", "Xã Minh Xuân"."""
        full = self.full_name
        return full[:1].upper() + full[1:]

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until)

    def __str__(self) -> str:
        return self.full_name


def _in_force(unit: AdminUnit, on: date | None) -> bool:
    return unit.valid_until is None if on is None else unit.valid_on(on)


def _order(unit: AdminUnit) -> tuple:
    """Current units first, then the most recently ended; then by code."""
    return (unit.valid_until is not None, -(unit.valid_until or date.max).toordinal(), unit.code)


class NationalUnits:
    """The national list, with lookups by code, by province and by name (see the module doc)."""

    def __init__(self, units: Iterable[AdminUnit], meta: Mapping | None = None):
        self.units: tuple[AdminUnit, ...] = tuple(units)
        self.meta: Mapping = MappingProxyType(dict(meta or {}))
        by_code: dict[str, list[AdminUnit]] = {}
        for unit in self.units:
            same = by_code.get(unit.code)
            if same is None:
                by_code[unit.code] = [unit]
            else:
                same.append(unit)
        self._by_code = by_code

    def __len__(self) -> int:
        return len(self.units)

    # ------------------------------------------------------------------ by code
    def all_with_code(self, code: str) -> tuple[AdminUnit, ...]:
        """Every record with that code, oldest first (a code is reused across layers)."""
        return tuple(sorted(self._by_code.get(str(code), ()), key=lambda u: u.valid_from or date.min))

    def by_code(self, code: str, on: date | None = None) -> AdminUnit | None:
        """The unit with that code valid on `on`; with on=None the current one or, when the
        code is no longer in use, the one that ended last."""
        units = self._by_code.get(str(code), ())
        if on is not None:
            return next((u for u in units if u.valid_on(on)), None)
        return min(units, key=_order) if units else None

    # ------------------------------------------------------------------ lists
    def _province_codes(self, province: str | AdminUnit | None, on: date | None) -> set[str] | None:
        if province is None:
            return None
        if isinstance(province, AdminUnit):
            return {province.code}
        text = str(province).strip()
        if text.isdigit():
            return {text}
        return {u.code for u in self.find(text, on=on, levels=PROVINCE_LEVELS)}

    def provinces(self, on: date | None = None) -> tuple[AdminUnit, ...]:
        """The provinces (tỉnh, thành phố trực thuộc trung ương) in force on `on`, by code."""
        return tuple(u for u in self._by_tier["province"] if _in_force(u, on))

    def districts(self, province: str | AdminUnit | None = None, on: date | None = None
                  ) -> tuple[AdminUnit, ...]:
        """The districts in force on `on` (none after 30/06/2025), of one province or all."""
        return self._members("district", province, on)

    def communes(self, province: str | AdminUnit | None = None, on: date | None = None
                 ) -> tuple[AdminUnit, ...]:
        """The communes (xã, phường, thị trấn, đặc khu) in force on `on`, of one province or all.

        province: a code ("08"), a name ("Tuyên Quang") or a unit; a code means the province
        with that code on `on` (the old Tuyên Quang on 01/01/2024, the new one on 01/01/2027).
        """
        return self._members("commune", province, on)

    def _members(self, tier: str, province, on: date | None) -> tuple[AdminUnit, ...]:
        codes = self._province_codes(province, on)
        return tuple(u for u in self._by_tier[tier]
                     if _in_force(u, on) and (codes is None or u.province_code in codes))

    @functools.cached_property
    def _by_tier(self) -> dict[str, tuple[AdminUnit, ...]]:
        tiers: dict[str, list[AdminUnit]] = {"province": [], "district": [], "commune": []}
        for unit in self.units:
            tiers[LEVELS[unit.level][2]].append(unit)
        return {k: tuple(sorted(v, key=lambda u: (u.code, u.valid_from or date.min)))
                for k, v in tiers.items()}

    # ------------------------------------------------------------------ by name
    @functools.cached_property
    def _by_name(self) -> dict[str, list[AdminUnit]]:
        index: dict[str, list[AdminUnit]] = {}
        for unit in self.units:
            same = index.get(unit.name)
            if same is None:
                index[unit.name] = [unit]
            else:
                same.append(unit)
        return index

    @functools.cached_property
    def _exact(self) -> dict[str, list[AdminUnit]]:
        index: dict[str, list[AdminUnit]] = {}
        for name, units in self._by_name.items():
            index.setdefault(_match_key(name), []).extend(units)
        return index

    @functools.cached_property
    def _folded(self) -> dict[str, list[AdminUnit]]:
        index: dict[str, list[AdminUnit]] = {}
        for key, units in self._exact.items():
            index.setdefault(_strip_marks(key), []).extend(units)
        return index

    def find(self, name: str, province: str | AdminUnit | None = None, on: date | None = None,
             levels: Iterable[str] | None = None) -> tuple[AdminUnit, ...]:
        """Units called `name`, current ones first.

        name may carry its level word ("Tỉnh Hà Giang", "xã Minh Xuân", "TP. Hồ Chí Minh"),
        which then restricts the levels. Case, spacing, apostrophes and old/new tone placement
        ("Hoà"/"Hòa") never matter; diacritics are ignored only when nothing matches with them.
        province: a code, a name or a unit, for districts and communes (names repeat across
        provinces); on: only units in force that day (None: any time); levels: slugs of LEVELS.
        """
        wanted = frozenset(levels) if levels is not None else None
        codes = self._province_codes(province, on)
        if codes is not None and not codes:
            return ()
        for key_of, index_name in ((_match_key, "_exact"), (_fold, "_folded")):
            index = getattr(self, index_name)  # the folded index is built only when needed
            key = key_of(name)
            variants: list[tuple[str, frozenset[str] | None]] = [(key, None)]
            for word, word_levels in _PREFIXES:
                word_key = key_of(word)
                if key.startswith(word_key) and len(key) > len(word_key):
                    rest = key[len(word_key):].lstrip()
                    if rest and (word_key.endswith(".") or key[len(word_key)] == " "):
                        variants.append((rest, word_levels))
            found: dict[int, AdminUnit] = {}
            for variant, word_levels in variants:
                for unit in index.get(variant, ()):
                    if word_levels is not None and unit.level not in word_levels:
                        continue
                    if wanted is not None and unit.level not in wanted:
                        continue
                    if on is not None and not unit.valid_on(on):
                        continue
                    if codes is not None and not unit.is_province and unit.province_code not in codes:
                        continue
                    found[id(unit)] = unit
            if found:
                return tuple(sorted(found.values(), key=_order))
        return ()

    # ------------------------------------------------------------------ history
    def successors_of(self, unit: AdminUnit, on: date | None = None) -> tuple[AdminUnit, ...]:
        """The units that carry `unit` on at `on` (None: the current units), following
        successors transitively: Hà Giang → (tỉnh Tuyên Quang,). A unit in force on `on` is
        its own answer; () when `on` is before the unit began or nothing is known."""
        if _in_force(unit, on):
            return (unit,)
        if on is not None and unit.valid_from is not None and on < unit.valid_from:
            return ()
        out: dict[tuple, AdminUnit] = {}
        seen: set[tuple] = set()
        queue = [unit]
        while queue:
            current = queue.pop(0)
            if current.valid_until is None:
                continue
            day = current.valid_until + timedelta(days=1)
            for code in current.successors:
                nxt = self.by_code(code, on=day)
                if nxt is None:
                    continue
                ident = (nxt.code, nxt.valid_from)
                if ident in seen:
                    continue
                seen.add(ident)
                if _in_force(nxt, on):
                    out[ident] = nxt
                else:
                    queue.append(nxt)
        return tuple(out.values())

    @functools.cached_property
    def _predecessors(self) -> dict[tuple, list[AdminUnit]]:
        index: dict[tuple, list[AdminUnit]] = {}
        for unit in self.units:
            if unit.valid_until is None:
                continue
            day = unit.valid_until + timedelta(days=1)
            for code in unit.successors:
                index.setdefault((code, day), []).append(unit)
        return index

    def predecessors_of(self, unit: AdminUnit) -> tuple[AdminUnit, ...]:
        """The units that ended the day before `unit` began and named it as a successor: the
        old communes a new commune took over, the old provinces of a new one. Units of the same
        tier only, unless there are none (đặc khu Côn Đảo took over huyện Côn Đảo, which had no
        communes); the districts of the old communes are their ``district_code``."""
        if unit.valid_from is None:
            return ()
        found = self._predecessors.get((unit.code, unit.valid_from), ())
        tier = unit.tier
        same = tuple(u for u in found if u.tier == tier)
        return same or tuple(found)

    def province_of(self, unit: AdminUnit, on: date | None = None) -> AdminUnit | None:
        """The province of a district or commune, on `on` or else at the unit's last day."""
        if unit.province_code is None:
            return None
        return self.by_code(unit.province_code, on=on or unit.valid_until)

    def district_of(self, unit: AdminUnit) -> AdminUnit | None:
        """The district a commune belonged to before 01/07/2025 (None after)."""
        if unit.district_code is None:
            return None
        return self.by_code(unit.district_code, on=unit.valid_until or unit.valid_from)


# ----------------------------------------------------------------------------- loading

def _read_text() -> str:
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent.joinpath("data", *DATA_PATH)
    if path.is_file():  # the usual install: a plain file (importlib.resources costs ~5 ms more)
        return path.read_text("utf-8")
    from importlib.resources import files

    resource = files(DATA_PACKAGE)
    for part in DATA_PATH:
        resource = resource.joinpath(part)
    return resource.read_text("utf-8")


def parse(text: str) -> NationalUnits:
    """The national list from the text of units.json (the file's format 1)."""
    import json

    doc = json.loads(text)
    payload = doc["payload"]
    dates = _Dates()
    bases = [Basis(number, dates[when]) for number, when in payload["bases"]]
    bases.append(None)  # index -1: no basis
    empty: tuple[str, ...] = ()
    unit = AdminUnit
    units = [
        unit(code, name, level, province, district, dates[start], dates[end],
             tuple(successors) if successors else empty, bases[-1 if basis is None else basis])
        for code, name, level, province, district, start, end, successors, basis in payload["units"]
    ]
    return NationalUnits(units, doc["meta"])


class _Dates(dict):
    """ISO date text → date, each parsed once (a few dozen distinct dates)."""

    def __missing__(self, key: str | None) -> date | None:
        value = None if key is None else date.fromisoformat(key)
        self[key] = value
        return value


@functools.lru_cache(maxsize=1)
def _load() -> NationalUnits:
    import gc

    text = _read_text()
    # ~14,000 records and their lists: the cyclic collector would walk them again and again
    # while they are built, and none of them can form a cycle.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return parse(text)
    finally:
        if enabled:
            gc.enable()


def national() -> NationalUnits:
    """The national list shipped with tt (read on first use, then cached)."""
    return _load()


def payload_sha256(text: str) -> str:
    """The checksum recorded in meta.payload_sha256: sha256 of the payload in canonical JSON."""
    import hashlib
    import json

    payload = json.loads(text)["payload"]
    canonical = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
