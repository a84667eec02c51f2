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

Nothing here names a unit: every name comes from the registry.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass

from tuyentruyen.model import Registry, Unit, UnitKind

_WORD = re.compile(r"\w+(?:&\w+)*")
# Old-style tone placement at the end of a syllable ("hoà", "thuỷ") → new style ("hòa", "thủy").
_TONE_SWAP = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
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
    tail = token[-2:]
    return token[:-2] + _TONE_SWAP[tail] if tail in _TONE_SWAP else token


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


class UnitIndex:
    """The registry, indexed for resolving names; every lookup is cached by the text."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.units = list(registry.units)
        self.by_id = {u.id: u for u in self.units}
        self._exact: dict[str, tuple[Unit, str]] = {}
        self._casefold: dict[str, set[str]] = {}
        loose: dict[str, set[str]] = {}
        self._loose_unit: dict[str, Unit] = {}
        for u in self.units:
            for how, names in (("name", [u.name]), ("short", u.short), ("alias", u.aliases)):
                for n in names:
                    self._exact.setdefault(clean(n), (u, how))
                    self._casefold.setdefault(clean(n).casefold(), set()).add(u.id)
                    k = loose_key(n)
                    loose.setdefault(k, set()).add(u.id)
                    self._loose_unit.setdefault(k, u)
        self._ambiguous = {k for k, ids in loose.items() if len(ids) > 1}
        # the loosest level: the same words in another order ("UBND huyện, thành phố, thị xã")
        order: dict[str, set[str]] = {}
        self._order_unit: dict[str, Unit] = {}
        for k, ids in loose.items():
            ok = _order_key(k)
            order.setdefault(ok, set()).update(ids)
            self._order_unit.setdefault(ok, self._loose_unit[k])
        self._order_ambiguous = {k for k, ids in order.items() if len(ids) > 1}
        self._cache: dict[str, Resolved | None] = {}
        self._party_cache: dict[tuple[str, tuple[str, ...]], tuple[Resolved, ...]] = {}
        self._groups: dict[str, frozenset[str]] = {}
        self._members: dict[str, frozenset[str]] | None = None

    # -- one name

    def resolve(self, name: str) -> Resolved | None:
        """The unit a name (lead, support, duty) means, or None when it is not in the registry."""
        if name in self._cache:
            return self._cache[name]
        text = clean(name)
        found: Resolved | None = None
        # the first letter's case follows the sentence ("… và các Đoàn thể huyện"): not a variant
        exact = self._exact.get(text) or self._exact.get(text[:1].swapcase() + text[1:])
        if exact is not None:
            unit, how = exact
            found = Resolved(unit, how, name)
        elif len(ids := self._casefold.get(text.casefold(), ())) == 1:
            found = Resolved(self.by_id[next(iter(ids))], "case", name)
        else:
            k = loose_key(text)
            if k and k not in self._ambiguous and k in self._loose_unit:
                found = Resolved(self._loose_unit[k], "loose", name)
            elif k:
                ok = _order_key(k)
                if ok not in self._order_ambiguous and ok in self._order_unit:
                    found = Resolved(self._order_unit[ok], "order", name)
        self._cache[name] = found
        return found

    def suggest(self, name: str, n: int = 1) -> list[str]:
        """The canonical names nearest to name, ignoring diacritics, case and abbreviations."""
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
        for u in self.units:
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
