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
    nat.province_named("tuyen quang")           # a province as clerks name it (current first)
    nat.family(province), nat.within(family)    # its records across the changes; their districts, communes
    nat.select(province, on, levels, search)    # `tt units --province … --on … --kind … --search …`

    meta(), level_spans(), ceased_levels(day)   # from the file's meta alone: no payload read
    mentions("UBND các xã, thị trấn")           # the administrative units a text names (bare or named)
    gone(mention, first, last, within=…)        # why a mention names nothing that exists then, successors

``on=None`` everywhere means "the current units" (those with no end date in the data), never
the computer's clock. :class:`AdminUnit` is a frozen dataclass: ``code``, ``name``, ``level``
(a slug of :data:`LEVELS`), ``province_code``, ``district_code``, ``valid_from``,
``valid_until`` (inclusive), ``successors`` (codes, valid from the day after ``valid_until``;
the main successor first where the source marks one) and ``basis`` (the resolution that
created it, where known), with ``level_name``, ``full_name`` ("xã Minh Xuân"),
``full_name_capitalized`` ("Xã Minh Xuân"), ``valid_on(day)``, ``is_province``,
``is_district_level`` and ``is_commune``.

Without the payload, :func:`meta` reads only the file's meta (sources, counts, and the span of
each level: :func:`level_spans`, :func:`ceased_levels`), so that a plan dated before any change
costs nothing. A repository registry that extends the national list for one province
(``extends: national``) takes the units of :meth:`NationalUnits.family`: the province, the
provinces it came from or went into, and their districts and communes.

Matching folds diacritics with the one fold of tt (:func:`tuyentruyen.vn.text.fold`) over
:func:`_match_key`.
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
    from tuyentruyen.vn.text import new_tone_placement

    return new_tone_placement(s)


@functools.lru_cache(maxsize=32768)
def _fold(text: str) -> str:
    """:func:`_match_key` without diacritics, "đ" → "d": "Xã Thuận Hoà" → "xa thuan hoa"."""
    from tuyentruyen.vn.text import fold

    return fold(_match_key(text))


def levels_named(text: str) -> frozenset[str] | None:
    """The levels a clerk means by a word ("xa", "xã", "phường", "thi-tran", "thành phố"; case and
    diacritics ignored), by a tier ("cấp tỉnh", "cấp xã": the levels of the tier whose first level
    has that word), or by several of them separated by commas; None when a word names none."""
    tier_word: dict[str, str] = {}
    for word, _, tier in LEVELS.values():
        tier_word.setdefault(tier, _fold(word))
    found: set[str] = set()
    for part in str(text).split(","):
        key = _fold(part).replace("-", " ")
        levels = {slug for slug, (word, description, tier) in LEVELS.items()
                  if key in (slug.replace("-", " "), _fold(word), _fold(description), "cap " + tier_word[tier])}
        if not levels:
            return None
        found |= levels
    return frozenset(found) or None


# ----------------------------------------------------------------------------- names in text

@dataclass(frozen=True, slots=True)
class Mention:
    """An administrative unit named in a text: its level word and, unless bare, its proper name.

    "UBND huyện Bắc Mê" → Mention("huyện", "Bắc Mê"); "Phòng Nội vụ huyện", "UBND cấp huyện",
    "UBND các xã, thị trấn" → bare mentions (name None) of huyện, xã, thị trấn."""

    start: int
    end: int
    word: str                 # as written: "huyện", "TỈNH", "TP."
    levels: frozenset[str]    # what the word can mean (slugs of LEVELS)
    name: str | None = None   # "Bắc Mê", "HÀ GIANG", "1"; None for a bare level word

    @property
    def text(self) -> str:
        return self.word if self.name is None else f"{self.word} {self.name}"

    def spelled_like(self, unit: AdminUnit) -> str:
        """unit's full name in this mention's case: "TỈNH TUYÊN QUANG", "Xã Bắc Mê", "xã Bắc Mê"."""
        if self.text.isupper():
            return unit.full_name.upper()
        return unit.full_name_capitalized if self.word[:1].isupper() else unit.full_name


_MENTION_WORD = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(w) for w, _ in sorted(_PREFIXES, key=lambda p: -len(p[0])))
    + r")(?=\s|$|[,;:()])", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"(\s+-\s+|-|\s+)([^\s,;:()\[\]]+)")
# words that end a proper name even in upper case ("… HUYỆN XUÂN LỘC VÀ CÁC XÃ")
_NAME_STOP = frozenset({"và", "các", "của", "thuộc", "trên", "tại", "cùng", "với", "về", "theo"})


def mentions(text: str) -> list[Mention]:
    """The administrative units a text names, in order (see :class:`Mention`)."""
    text = unicodedata.normalize("NFC", text)
    out: list[Mention] = []
    for m in _MENTION_WORD.finditer(text):
        if out and m.start() < out[-1].end:
            continue  # inside the name of the previous mention
        word = m.group(1)
        levels = next(lv for w, lv in _PREFIXES if w == word.casefold())
        pos, tokens = m.end(), []
        while True:
            t = _NAME_TOKEN.match(text, pos)
            if t is None:
                break
            token = t.group(2).rstrip(".")
            if not token or not (token[0].isupper() or token[0].isdigit()) or token.casefold() in _NAME_STOP \
                    or (not tokens and "-" in t.group(1)):
                break
            tokens.append((t.start(2), t.start(2) + len(token)))
            pos = t.start(2) + len(token)
        if tokens:
            out.append(Mention(m.start(), tokens[-1][1], word, levels, text[tokens[0][0]:tokens[-1][1]]))
        else:
            out.append(Mention(m.start(), m.end(), word, levels))
    return out


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


def sort_key(unit: AdminUnit) -> tuple:
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
        return min(units, key=sort_key) if units else None

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
        from tuyentruyen.vn.text import fold

        index: dict[str, list[AdminUnit]] = {}
        for key, units in self._exact.items():
            index.setdefault(fold(key), []).extend(units)
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
                return tuple(sorted(found.values(), key=sort_key))
        return ()

    def province_named(self, text: str) -> AdminUnit | None:
        """The province a clerk names ("Tuyên Quang", "tỉnh Hà Giang", "tuyen quang", "08"): the
        current one when the name is in force, else the one that ended last."""
        text = str(text).strip()
        if text.isdigit():
            return self.by_code(text)
        # among the ~100 province records only: the name index of all 14,000 units is not built
        for key_of in (_match_key, _fold):
            key = key_of(text)
            names = [key] + [key[len(key_of(w)):].lstrip() for w, lv in _PREFIXES
                             if lv & PROVINCE_LEVELS and key.startswith(key_of(w) + " ")]
            found = [u for u in self._provinces if key_of(u.name) in names or key_of(u.full_name) == key]
            if found:
                return min(found, key=sort_key)
        return None

    def province_like(self, text: str) -> str | None:
        """The name of the province nearest to text, ignoring case and diacritics (did you mean)."""
        from tuyentruyen.vn.text import did_you_mean

        key = _match_key(text)
        for word, _ in _PREFIXES:  # "tỉnh Tuyen Quag" → "Tuyen Quag"
            if key.startswith(word + " "):
                text = text.strip()[len(word) + 1:]
                break
        return did_you_mean(text, sorted({u.name for u in self._by_tier["province"]}), cutoff=0.7)

    def select(self, province: AdminUnit | None = None, on: date | None = None,
               levels: Iterable[str] | None = None, search: str | None = None) -> tuple[AdminUnit, ...]:
        """The units in force on `on` (None: the current ones) of a province (itself first, then its
        districts and communes by code) or of the whole country, of some levels, whose name holds
        `search` ignoring case and diacritics (`tt units --province … --kind … --search …`)."""
        from tuyentruyen.vn.text import fold

        wanted = frozenset(levels) if levels is not None else None
        if province is not None:
            pool: Iterable[AdminUnit] = (*((province,) if _in_force(province, on) else ()),
                                         *self.districts(province, on), *self.communes(province, on))
        else:
            pool = (*self.provinces(on), *self.districts(on=on), *self.communes(on=on))
        needle = fold(_match_key(search)) if search else None
        return tuple(u for u in pool if (wanted is None or u.level in wanted) and (
            needle is None or needle in _fold(u.full_name)))

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

    def direct_successors(self, unit: AdminUnit) -> tuple[AdminUnit, ...]:
        """The units that took `unit` over the day after it ended (not transitively)."""
        if unit.valid_until is None:
            return ()
        day = unit.valid_until + timedelta(days=1)
        return tuple(u for u in (self.by_code(c, on=day) for c in unit.successors) if u is not None)

    # ------------------------------------------------------------------ a province and its lineage
    def family(self, province: AdminUnit) -> tuple[AdminUnit, ...]:
        """The province records linked to `province` by the changes the data records, both
        ways and transitively: tỉnh Hà Giang → tỉnh Hà Giang, the old and the new tỉnh Tuyên
        Quang; tỉnh Đồng Nai (2025) → the old Đồng Nai, Bình Phước, thành phố Đồng Nai. By code,
        then oldest first."""
        seen: dict[tuple, AdminUnit] = {}
        todo = [province]
        while todo:
            current = todo.pop()
            ident = (current.code, current.valid_from)
            if ident in seen or not current.is_province:
                continue
            seen[ident] = current
            todo.extend(self.direct_successors(current))
            if current.valid_from is not None:  # its predecessors, among the ~100 province records
                day = current.valid_from - timedelta(days=1)
                todo.extend(p for p in self._provinces if p.valid_until == day and current.code in p.successors)
        return tuple(sorted(seen.values(), key=lambda u: (u.code, u.valid_from or date.min)))

    @functools.cached_property
    def _provinces(self) -> tuple[AdminUnit, ...]:
        return tuple(u for u in self.units if u.level in PROVINCE_LEVELS)

    def within(self, provinces: Iterable[AdminUnit]) -> tuple[AdminUnit, ...]:
        """The districts and communes of these province records, each while its province was in
        force (a code is reused: "08" is the old and the new Tuyên Quang)."""
        spans: dict[str, list[tuple[date | None, date | None]]] = {}
        for p in provinces:
            spans.setdefault(p.code, []).append((p.valid_from, p.valid_until))
        out: list[AdminUnit] = []
        for unit in self.units:
            for start, end in spans.get(unit.province_code, ()) if unit.province_code else ():
                if (unit.valid_from is None or end is None or unit.valid_from <= end) and (
                        unit.valid_until is None or start is None or start <= unit.valid_until):
                    out.append(unit)
                    break
        return tuple(sorted(out, key=lambda u: (u.tier != "district", u.code, u.valid_from or date.min)))

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

def _read_text(limit: int | None = None) -> str:
    """The text of units.json (limit: only its first bytes, a cut character dropped)."""
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent.joinpath("data", *DATA_PATH)
    if path.is_file():  # the usual install: a plain file (importlib.resources costs ~5 ms more)
        if limit is None:
            return path.read_text("utf-8")
        with path.open("rb") as f:
            return f.read(limit).decode("utf-8", "ignore")
    from importlib.resources import files

    resource = files(DATA_PACKAGE)
    for part in DATA_PATH:
        resource = resource.joinpath(part)
    if limit is None:
        return resource.read_text("utf-8")
    with resource.open("rb") as f:
        return f.read(limit).decode("utf-8", "ignore")


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


_META_HEAD = 16 * 1024  # the meta (~6 kB) sits at the start of units.json


@functools.lru_cache(maxsize=1)
def meta() -> Mapping:
    """The meta of units.json (sources, licences, counts, level spans), read without the payload
    (~1 ms instead of the ~80 ms of :func:`national`)."""
    import json

    if _load.cache_info().currsize:
        return national().meta
    head = _read_text(_META_HEAD)
    decoder = json.JSONDecoder()
    try:
        start = head.index(":", head.index('"meta"')) + 1
        while head[start].isspace():
            start += 1
        value, _ = decoder.raw_decode(head, start)
    except (ValueError, IndexError):  # a meta longer than the head: read it all
        value = json.loads(_read_text())["meta"]
    return MappingProxyType(value)


@functools.lru_cache(maxsize=1)
def level_spans() -> Mapping[str, tuple[date | None, date | None]]:
    """{level: (first day, last day)} of the units of each level in the data (None: before the
    data begins / still in force): "huyen" → (None, 30/06/2025), "dac-khu" → (01/07/2025, None)."""
    raw = meta().get("level_spans") or {}
    return MappingProxyType({
        level: (date.fromisoformat(first) if first else None, date.fromisoformat(last) if last else None)
        for level, (first, last) in raw.items()})


def ceased_levels(on: date) -> dict[str, date]:
    """The levels of which no unit exists any more on `on`, with their last day: on 01/01/2027
    the huyện, quận, thị xã, thành phố (cấp huyện) and thị trấn (last day 30/06/2025)."""
    return {level: last for level, (_, last) in level_spans().items() if last is not None and last < on}


def payload_sha256(text: str) -> str:
    """The checksum recorded in meta.payload_sha256: sha256 of the payload in canonical JSON."""
    import hashlib
    import json

    payload = json.loads(text)["payload"]
    canonical = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# ----------------------------------------------------------------------------- judged at a date

@dataclass(frozen=True, slots=True)
class Gone:
    """A mention (:class:`Mention`) that names no unit existing on the days it is judged on.

    kind: "ended" (the units it names ended before; ``since`` is the first day without them),
    "not_yet" (they begin after; ``since`` is their first day) or "level" (a bare level word, or
    an unknown name, of a level no unit of which exists any more: "UBND các xã, thị trấn" in 2027).
    ``successors``: the units that carry the named ones on (transitively, at the first day judged),
    when they agree; empty when unknown or when units of several places share the name (``units``
    then holds them all)."""

    mention: Mention
    kind: str
    since: date
    units: tuple[AdminUnit, ...] = ()
    successors: tuple[AdminUnit, ...] = ()


@functools.lru_cache(maxsize=8)
def _names_of(units: frozenset) -> dict[str, list[AdminUnit]]:
    index: dict[str, list[AdminUnit]] = {}
    for u in units:
        index.setdefault(_match_key(u.name), []).append(u)
    return index


def gone(mention: Mention, first: date, last: date, *, within: Iterable[AdminUnit] | None = None) -> Gone | None:
    """Why `mention` names nothing that exists on some day of first..last, or None when it does.

    within: the units to look among first (a registry's province family: tỉnh Tuyên Quang and what
    it was made of); a name found nowhere there is looked for in the whole country. A bare level
    word needs only the meta (:func:`ceased_levels`); a name reads the national list."""
    ceased = ceased_levels(first)
    level_gone = bool(mention.levels) and mention.levels <= ceased.keys()
    since_level = max((ceased[lv] for lv in mention.levels if lv in ceased), default=None)
    if mention.name is None:
        return Gone(mention, "level", since_level + timedelta(days=1)) if level_gone else None
    found: tuple[AdminUnit, ...] = ()
    if within is not None:  # a registry's province: looked among its ~500 units first
        local = within if isinstance(within, frozenset) else frozenset(within)
        found = tuple(u for u in _names_of(local).get(_match_key(mention.name), ()) if u.level in mention.levels)
    if not found:
        found = national().find(mention.text, levels=mention.levels)
    if not found:
        return Gone(mention, "level", since_level + timedelta(days=1)) if level_gone else None
    if any((u.valid_from is None or u.valid_from <= last) and (u.valid_until is None or u.valid_until >= first)
           for u in found):
        return None
    if all(u.valid_from is not None and u.valid_from > last for u in found):
        return Gone(mention, "not_yet", min(u.valid_from for u in found), found)
    ended = tuple(u for u in found if u.valid_until is not None and u.valid_until < first)
    heirs = {tuple(national().successors_of(u, on=first)) for u in ended}
    successors = next(iter(heirs)) if len(heirs) == 1 else ()
    # the name was last in force until the latest of them ended (tỉnh Đồng Nai: 23/04/2026)
    return Gone(mention, "ended", max(u.valid_until for u in ended) + timedelta(days=1), ended, successors)
