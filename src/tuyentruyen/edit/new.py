"""`tt new`: start next year's plan (lập kế hoạch năm mới) from last year's, or from a template.

From last year's plan (`tt new --from plans/2025.yaml`) the new plan keeps everything a
clerk would copy — sections, duties, tasks with their ids, units — and:

- moves the year on: `plan.year`, and every year of the plan's time (the plan year and
  the years next to it) in titles, headings, texts and deadlines: "Quý II/2025" →
  "Quý II/2026", "Quý I/25" → "Quý I/26", "trước ngày 15/3/2025" → "trước ngày 15/3/2026",
  "kết quả năm 2024" → "kết quả năm 2025". A date that does not exist in the new year
  (29/02) becomes 28/02, and a working day that falls on a weekend, a public holiday or
  Tết in the new year becomes the working day before it (`Shift`); each such change is
  listed by the command and noted in a comment on the deadline;
- keeps what cites other documents byte for byte: the legal bases (căn cứ), the documents
  implemented, the proposal of a Quyết định ("… tại Công văn số 508/SNV-CCHC&PC ngày 19 tháng
  12 năm 2025"), every document cited in running text as tuyentruyen.vn.citations finds it
  (type, number and symbol, date, issuer, subject: "Quyết định số 1782/QĐ-UBND ngày 21/12/2024
  của UBND tỉnh về …;"), symbols with a year (61/2018/NĐ-CP) and periods ("giai đoạn 2021 -
  2025"): those change only when the clerk decides, and the command's notes say so;
- clears what belongs to the signed document: its number, its date, the signer's name and
  the "Kèm theo …" lines written by hand.

From the template (`tt new --year 2026 --issuer "Ủy ban nhân dân huyện …"`) it writes a
skeleton plan (data/new-plan.yaml.j2, or templates/new-plan.yaml.j2 of the repository)
and, when the plan has no unit registry yet, a units.yaml that holds the issuer.

Every new plan starts with the `# yaml-language-server: $schema=…` line that lets the
editor complete keys and show help; it is laid out by `tt fmt`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tuyentruyen.errors import TTError

SCHEMA_LINE = "# yaml-language-server: $schema="
SCHEMA_PLACES = ("docs/schema", "schema")

# ---------------------------------------------------------------- moving the year in a text

# a cited document is found by tuyentruyen.vn.citations (find_citations); after it, "năm 2024"
# still belongs to it ("Quyết định số 1782/QĐ-UBND năm 2024"), as the year of a law cited by name does
_CITED_YEAR = re.compile(r"\s*,?\s*(?i:năm)\s+\d{4}(?!\d)")
_LAW_YEAR = re.compile(r"(?<!\w)(?:Bộ luật|Luật|BỘ LUẬT|LUẬT)\s+[^\s;,.]+(?:[^;.\n]*?)\s(?i:năm)\s+\d{4}(?!\d)")
_SYMBOL_WITH_YEAR = re.compile(r"\d+/\d{4}/[A-ZĐ][A-Za-zĐđ0-9.-]*")
_PERIOD = re.compile(r"(?<!\d)\d{4}\s*[-–—]\s*\d{4}(?!\d)")
_DATE = re.compile(r"(?<![\d/])(\d{1,2})(\s*[/.-]\s*)(\d{1,2})(\s*[/.-]\s*)(\d{4})(?!\d)")
_LONG_DATE = re.compile(r"(?<!\d)(\d{1,2})(\s+tháng\s+)(\d{1,2})(\s+năm\s+)(\d{4})(?!\d)", re.IGNORECASE)
_SHORT_YEAR = re.compile(
    r"((?:quý|quí|tháng)\s+[IVX\d]+(?:\s*(?:,|-|–|và|đến)\s*(?:(?:quý|quí|tháng)\s+)?[IVX\d]+)*\s*/\s*)(\d{2})(?![\d/])",
    re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


@dataclass
class Shift:
    """Moving a plan from one year to another: which years move, and which dates had to change.

    A date keeps its day and month in the new year, except when that day does not exist
    (29/02 → 28/02) or is a day off (weekend, public holiday, Tết) while last year's was a
    working day: then the working day before it, since a deadline may be kept early but not
    late. `moved` records each such date ("15/3/2025" → ("13/3/2026", why)).
    """

    old: int
    new: int
    moved: dict[str, tuple[str, str]] = field(default_factory=dict)
    config: Any = None  # the repository's Config: its `lint.holidays` are days off too
    period: tuple[int, int] | None = None  # a multi-year plan's (first, last) year: all of them move

    @property
    def delta(self) -> int:
        return self.new - self.old

    @property
    def notes(self) -> list[str]:
        return [f"'{old}' → {new}: {why}" for old, (new, why) in self.moved.items()]

    def moves(self, year: int) -> bool:
        """The years of the plan's time: its year (or its period) and the ones next to it (last year's
        results, January reports)."""
        if self.period is not None:
            return self.period[0] - 1 <= year <= self.period[1] + 1
        return abs(year - self.old) <= 1

    @property
    def calendar(self):
        """The repository's calendar (tuyentruyen.project.calendar): the one lint judges deadlines by."""
        from tuyentruyen.project.calendar import calendar_for

        first, last = min(self.old, self.new), max(self.old, self.new)
        return calendar_for((first - 1, last + 1), self.config)

    def day_off(self, day: dt.date) -> str | None:
        """Why day is not a working day (weekend, public holiday, a local day off), or None."""
        return self.calendar.why_off(day)

    def _moved_date(self, day: int, month: int, year: int) -> tuple[dt.date, str | None] | None:
        """The date in the new year for day/month/year of last year's plan, and why it differs."""
        why = None
        new_year = year + self.delta
        try:
            new = dt.date(new_year, month, day)
        except ValueError:
            if not (month == 2 and day == 29):
                return None  # an impossible date stays for the lint to report
            new, why = dt.date(new_year, 2, 28), f"năm {new_year} không có ngày 29/02"
        try:
            was_off = self.day_off(dt.date(year, month, day))
        except ValueError:
            was_off = None
        moved = self.calendar.describe_move(new)
        if moved is not None and not was_off:
            before, reason = moved
            why = (why + "; " if why else "") + reason
            new = before
        return new, why

    def text(self, value: str) -> str:
        """value with the plan's years moved on; every cited document (its symbol, date, issuer
        and subject, as tuyentruyen.vn.citations finds it) and every period kept byte for byte."""
        years = range(self.period[0] - 1, self.period[1] + 2) if self.period else (self.old - 1, self.old, self.old + 1)
        if not any(str(y) in value or f"/{y % 100:02d}" in value for y in years):
            return value
        value = self._own_period(value)

        def spans(text: str, *patterns) -> list[tuple[int, int]]:
            return [m.span() for rx in patterns for m in rx.finditer(text)] + _cited_spans(text)

        kept = spans(value, _LAW_YEAR, _SYMBOL_WITH_YEAR, _PERIOD)

        def free(m: re.Match) -> bool:
            return not any(a <= m.start() < b for a, b in kept)

        def date(m: re.Match) -> str:
            d, sep1, mo, sep2, y = m.groups()
            if not free(m) or not self.moves(int(y)):
                return m.group(0)
            moved = self._moved_date(int(d), int(mo), int(y))
            if moved is None:
                return m.group(0)
            new, why = moved
            text = f"{new.day:0{len(d)}d}{sep1}{new.month:0{len(mo)}d}{sep2}{new.year}"
            if why:
                self.moved[m.group(0)] = (text, why)
            return text

        def short(m: re.Match) -> str:
            y = 2000 + int(m.group(2))
            if not free(m) or not self.moves(y):
                return m.group(0)
            return f"{m.group(1)}{(y + self.delta) % 100:02d}"

        def year(m: re.Match) -> str:
            y = int(m.group(1))
            if not free(m) or not self.moves(y):
                return m.group(0)
            return str(y + self.delta)

        out = _DATE.sub(date, value)
        out = _LONG_DATE.sub(date, out)
        # the dates are done (and may have changed length): find what is kept again, dates included
        kept = spans(out, _LAW_YEAR, _SYMBOL_WITH_YEAR, _PERIOD, _DATE, _LONG_DATE)
        out = _SHORT_YEAR.sub(short, out)
        out = _YEAR.sub(year, out)
        return out


    def _own_period(self, value: str) -> str:
        """"giai đoạn 2026 – 2030" → "giai đoạn 2031 – 2035": the plan's own period moves with it
        (other periods, and everything cited, stay)."""
        if self.period is None:
            return value
        first, last = self.period
        cited = _cited_spans(value)

        def move(m: re.Match) -> str:
            if any(a <= m.start() < b for a, b in cited):
                return m.group(0)
            a, sep, b = m.group(1), m.group(2), m.group(3)
            if (int(a), int(b)) != (first, last):
                return m.group(0)
            return f"{first + self.delta}{sep}{last + self.delta}"

        return _PERIOD_PARTS.sub(move, value)


_PERIOD_PARTS = re.compile(r"(?<!\d)(\d{4})(\s*[-–—]\s*)(\d{4})(?!\d)")


def _cited_spans(text: str) -> list[tuple[int, int]]:
    """Where the documents cited in text are written: each one whole, from its type to the end of
    its subject, and a "năm 2024" right after it."""
    from tuyentruyen.vn.citations import find_citations

    out = []
    for c in find_citations(text):
        a, b = c.span
        if m := _CITED_YEAR.match(text, b):
            b = m.end()
        out.append((a, b))
    return out


# ---------------------------------------------------------------- from last year's plan


class NewPlanError(TTError):
    """Why a new plan cannot be made (Vietnamese message and hint; exit 2)."""

    code = "TT-E010"

    def __init__(self, message: str, hint: str | None = None, problems=None):
        super().__init__(message, hint, problems=problems)


@dataclass
class NewPlan:
    path: Path
    text: str
    notes: list[str] = field(default_factory=list)
    extra_files: dict[Path, str] = field(default_factory=dict)  # created beside it (units.yaml, schema)


# keys (at any depth) whose text is never moved: citations (the bases, the documents implemented,
# the proposal of a Quyết định), ids, paths
_KEEP_KEYS = {"bases", "implements", "proposal", "id", "units", "successor"}


def from_previous(source_path: str | Path, out: str | Path | None = None, year: int | None = None) -> NewPlan:
    """Next year's plan made from source_path (nothing is written)."""
    from tuyentruyen.edit.fmt import FormatError, format_text
    from tuyentruyen.loading.documents import load_plan
    from tuyentruyen.project.config import config_for
    from tuyentruyen.project.discover import find_registry

    source_path = Path(source_path)
    config = config_for(source_path)  # a broken tt.toml stops here, before anything is made
    loaded = load_plan(source_path)
    if loaded.plan is None:
        raise NewPlanError(
            f"Không lập được kế hoạch mới từ '{loaded.display}': tệp này còn lỗi.",
            f"Sửa các lỗi mà `tt validate {loaded.display}` báo rồi chạy lại.",
            problems=[p for p in loaded.problems if p.severity.value == "error" or p.fatal])
    old = loaded.plan.plan.year
    period = loaded.plan.plan.period
    span = (period.first, period.last) if period is not None else None
    # a multi-year plan is followed by the next period of the same length (2026–2030 → 2031–2035)
    step = (span[1] - span[0] + 1) if span else 1
    new = year if year is not None else old + step
    if new == old:
        raise NewPlanError(f"Kế hoạch '{loaded.display}' đã là năm {old}.", "Chọn một năm khác bằng --year.")
    target = Path(out) if out is not None else _default_out(source_path, old, new, span)
    shift = Shift(old, new, config=config, period=span)
    registry, _ = find_registry(source_path, loaded.plan.units, config)

    merger = _across_changes(loaded, config, new)

    def edit(data) -> None:
        _clear_signed_parts(data)
        _move_years(data, shift, ())
        data["plan"]["year"] = new
        if span is not None:
            written = data["plan"].get("period")
            moved = (span[0] + shift.delta, span[1] + shift.delta)
            if isinstance(written, dict):
                written["first"], written["last"] = moved
            else:
                data["plan"]["period"] = f"{moved[0]}-{moved[1]}"
        for path, pairs in merger.replace.items():
            _replace_at(data, path, pairs)
        for path in merger.drop:
            parent = _value_at(data, path[:-1])
            if isinstance(parent, dict):
                parent.pop(path[-1], None)
        if registry is not None:
            nearby, _ = find_registry(target)  # what the new plan finds without a `units:` key
            if data.get("units") or nearby is None or nearby.resolve() != registry.resolve():
                data["units"] = _relative(registry, target.parent)

    text = _retarget_schema_line(loaded.source.text, source_path.parent, target.parent)
    cleared = frozenset({("document", "number"), ("document", "date"), ("document", "signer", "name")})
    try:
        formatted = format_text(text, display=loaded.display, edit=edit, check_data=False,
                                drop_comments_at=cleared,
                                add_comments={**_moved_date_comments(loaded, shift), **merger.comments})
    except FormatError as exc:
        raise NewPlanError(f"Không đọc được '{loaded.display}' để lập kế hoạch mới.",
                           "Sửa các lỗi được báo rồi chạy lại.", problems=exc.problems) from None
    moved_to = f"giai đoạn {span[0] + shift.delta}–{span[1] + shift.delta}" if span else f"năm {new}"
    was = f"giai đoạn {span[0]}–{span[1]}" if span else f"năm {old}"
    notes = [f"{was} → {moved_to}: tiêu đề, các mục và thời hạn đã chuyển sang {moved_to}",
             "đã xóa số, ngày ban hành và họ tên người ký (điền khi văn bản được cấp số và ký)",
             "giữ nguyên các căn cứ, văn bản được thực hiện và các viện dẫn trong nội dung: hãy xem lại"]
    if loaded.plan.decision is not None and loaded.plan.decision.proposal:
        notes.append(f"giữ nguyên văn bản đề nghị của năm {old} (`decision.proposal`: "
                     f"“{loaded.plan.decision.proposal}”): thay bằng văn bản đề nghị năm {new} khi có")
    notes += shift.notes
    notes += merger.notes
    return NewPlan(target, formatted, notes)


# ---------------------------------------------------------------- across the changes of units


@dataclass
class _Changes:
    """What `tt new --from` does to the names of units that no longer exist in the new year."""

    replace: dict[tuple, list] = field(default_factory=dict)  # path → [(written, its replacement)…]
    comments: dict[tuple, str] = field(default_factory=dict)  # path → "# tt new: …" (the candidates)
    drop: set[tuple] = field(default_factory=set)  # keys removed (the parent body of a commune)
    notes: list[str] = field(default_factory=list)


# where a name is the issuer itself: its administrative unit is replaced there (header, authority…)
_ISSUER_ROLES = frozenset({"issuer", "short", "header", "authority", "issued_by"})
_SINGLE_UNIT_ROLES = frozenset({"lead", "support", "duty", "item"})
# texts that name the issuer's own place ("… trên địa bàn tỉnh Hà Giang")
_TITLES = (("document", "title"), ("plan", "title"), ("appendix", "title"))


def _across_changes(loaded, config, year: int) -> _Changes:
    """Every unit of last year's plan that does not exist in `year`: replaced by its successor
    where there is exactly one (the registry's `successor`, or the national list's), else marked
    with a comment listing the candidates; the issuer's header, authority line, place and titles
    follow its administrative unit (tỉnh Hà Giang → tỉnh Tuyên Quang)."""
    from tuyentruyen.project.registry import registry_for
    from tuyentruyen.rules.context import Context
    from tuyentruyen.rules.responsibilities_abolished import ROLES, unit_sites
    from tuyentruyen.vn import admin
    from tuyentruyen.vn.dates import fmt_date
    from tuyentruyen.vn.text import fold
    from tuyentruyen.vn.units import loose_key, plan_window

    first, last = plan_window(None, year)
    state = registry_for(loaded.path, loaded.plan, config)
    idx = state.index.for_plan(None, year) if state.index is not None else None
    mentions_gone = bool(admin.ceased_levels(first))  # otherwise the national list is not read
    within = idx.national.all_admin if idx is not None and idx.national is not None else None
    out = _Changes()
    sites = unit_sites(Context(loaded, config, state))
    issuer_move = None  # (the issuer's old administrative unit, its successor)

    def gone(m):
        return admin.gone(m, first, last, within=within) if mentions_gone else None

    for m in admin.mentions(loaded.plan.document.issuer.name):
        g = gone(m)
        if g is not None and g.kind == "ended" and len(g.successors) == 1 and len(g.units) == 1:
            issuer_move = (g.units[0], g.successors[0])
            break
    for path, text, role in sites:
        new_text, asks, pairs = text, [], []
        if idx is not None and role != "short":  # 1. units of the registry that ended before the new year
            found = [idx.resolve(text)] if role in _SINGLE_UNIT_ROLES else list(idx.parties(text))
            for r in found:
                if r is None or idx.exists(r.unit):
                    continue
                heirs = idx.heirs(r.unit)
                end = fmt_date(r.unit.valid_until) if r.unit.valid_until else None
                if len(heirs) == 1 and r.written in new_text:
                    pairs.append((r.written, _written_like(r.written, heirs[0])))
                    new_text = new_text.replace(*pairs[-1], 1)
                elif heirs:
                    asks.append(f"{r.written} chỉ tồn tại đến {end}; đơn vị kế thừa: "
                                + ", ".join(_written_like(r.written, h) for h in heirs) + " — chọn đơn vị thay thế")
                elif end:
                    asks.append(f"{r.written} chỉ tồn tại đến {end}: thay bằng đơn vị đang tồn tại")
        registry_asked = bool(asks)
        for m in reversed(admin.mentions(new_text)):  # 2. administrative units named in the text
            g = gone(m)
            if g is None:
                continue
            own = role in _ISSUER_ROLES or loose_key(new_text).endswith(loose_key(f"Ủy ban nhân dân {m.text}")) \
                or loose_key(new_text) == loose_key(m.text)
            if registry_asked and not (g.kind == "ended" and len(g.successors) == 1 and own):
                continue  # the registry's unit already said it
            if g.kind == "ended" and len(g.successors) == 1 and own:
                pairs.append((new_text[m.start:m.end], m.spelled_like(g.successors[0])))
                new_text = new_text[:m.start] + pairs[-1][1] + new_text[m.end:]
            elif g.kind == "ended":
                heirs = ", ".join(u.full_name for u in g.successors)
                asks.append(f"{m.text} không còn từ {fmt_date(g.since)}"
                            + (f"; nay thuộc {heirs} — chọn đơn vị thay thế" if heirs else ": thay bằng đơn vị đang tồn tại"))
            elif g.kind == "level":
                asks.append(f"từ {fmt_date(g.since)} không còn {m.word}: thay bằng đơn vị đang tồn tại")
        if role == "parent" and asks and issuer_move is not None and issuer_move[1].is_commune:
            # a xã, phường has no parent body in its header (Nghị định 30/2020/NĐ-CP, Phụ lục I)
            out.drop.add(path)
            out.notes.append(f"{ROLES[role].lower()}: “{text}” đã bỏ — phần đầu văn bản của "
                             f"{issuer_move[1].full_name} không có cơ quan chủ quản ({asks[0].split(';')[0]})")
            continue
        if new_text != text:
            out.replace[path] = pairs
            out.notes.append(f"{ROLES[role].lower()}: “{text}” → “{new_text}”")
        if asks:
            out.comments[_comment_path(loaded, path)] = "# tt new: " + "; ".join(asks)
    if issuer_move is not None:
        old_unit, heir = issuer_move
        place = loaded.plan.document.place
        if fold(place) == fold(old_unit.name):
            out.replace[("document", "place")] = [(place, heir.name)]
            out.notes.append(f"địa danh: “{place}” → “{heir.name}”")
        for path in _TITLES:
            text = _value_at(loaded.yaml.data, path)
            if not isinstance(text, str):
                continue
            new_text, pairs = text, []
            for m in reversed(admin.mentions(text)):
                g = gone(m)
                if g is not None and old_unit in g.units:
                    pairs.append((text[m.start:m.end], m.spelled_like(heir)))
                    new_text = new_text[:m.start] + pairs[-1][1] + new_text[m.end:]
            if new_text != text:
                out.replace[path] = pairs
                out.notes.append(f"tên văn bản ({'.'.join(path)}): nơi ban hành → {heir.full_name}")
    if out.comments:
        out.notes.append(f"{len(out.comments)} chỗ có đơn vị không còn vào năm {year} mà tt không tự thay được: "
                         "xem chú thích “# tt new:” ở các dòng đó")
    if mentions_gone:  # the prose is the clerk's to rewrite: say where it still names what is gone
        done = {path for path, _, _ in sites} | set(out.replace)
        named: dict[str, str] = {}  # folded → as first written
        count = 0
        for path, text in _texts(loaded.yaml.data, ()):
            if path in done or path + (0,) in done:  # `lead: X` is item 0 of its list
                continue
            found = [m.text for m in admin.mentions(text) if gone(m) is not None]
            if found:
                count += 1
                for f in found:
                    named.setdefault(f.casefold(), f)
        if count:
            shown = ", ".join(list(named.values())[:6]) + ("…" if len(named) > 6 else "")
            out.notes.append(f"{count} đoạn nội dung còn nhắc đơn vị hành chính không còn vào năm {year} ({shown}): "
                             "tt không sửa lời văn, hãy xem lại")
    return out


def _texts(node, path: tuple):
    """(path, text) of every text of the plan outside what cites other documents."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in _KEEP_KEYS:
                yield from _texts(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, path + (i,))
    elif isinstance(node, str):
        yield path, node


def _written_like(written: str, unit) -> str:
    """A unit's name written as the old one was: "UBND xã Bắc Mê" for "UBND huyện Bắc Mê", in
    capitals for a name written in capitals (a header, the authority line)."""
    name = unit.name
    if written.upper().startswith("UBND") and unit.short and unit.short[0].upper().startswith("UBND"):
        name = unit.short[0]
    return name.upper() if written.isupper() else name


def _value_at(data, path: tuple):
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        elif isinstance(data, str) and part == 0:
            return data  # `lead: Sở Nội vụ` answers for item 0
        else:
            return None
    return data


def _replace_at(data, path: tuple, pairs: list[tuple[str, str]]) -> None:
    """Replace, in the text at path (as it is now: its years already moved), each written name by
    its replacement."""
    parent = _value_at(data, path[:-1])
    key = path[-1]
    if isinstance(parent, str) and key == 0:  # a lone scalar stands for a list of one
        parent, key = _value_at(data, path[:-2]), path[-2]
    if not isinstance(parent, (dict, list)):
        return
    value = parent[key]
    if not isinstance(value, str):
        return
    for old, new in pairs:
        value = value.replace(old, new, 1)
    parent[key] = value


def _comment_path(loaded, path: tuple) -> tuple:
    """Where an end-of-line comment about the value at path goes: the item of a list written one
    item a line, else the key (`lead: X`, `support: [A, B]`)."""
    container = _value_at(loaded.yaml.data, path[:-1])
    if isinstance(container, list) and isinstance(path[-1], int):
        node = loaded.yaml.root
        for part in path[:-1]:
            node = next((v for k, v in node.value if getattr(k, "value", None) == part), None) \
                if isinstance(part, str) else node.value[part]
            if node is None:
                return path[:-1]
        return path if not getattr(node, "flow_style", False) else path[:-1]
    return path[:-1] if isinstance(container, str) else path


def _default_out(source: Path, old: int, new: int, span: tuple[int, int] | None = None) -> Path:
    if span is not None:
        delta = new - old
        for sep in ("-", "–", "_"):
            written = f"{span[0]}{sep}{span[1]}"
            if written in source.stem:
                return source.with_name(source.name.replace(written, f"{span[0] + delta}{sep}{span[1] + delta}"))
    if source.stem == str(old):
        return source.with_name(f"{new}{source.suffix}")
    if str(old) in source.stem:
        return source.with_name(source.name.replace(str(old), str(new)))
    raise NewPlanError(f"Không tự đặt được tên tệp mới từ '{source.name}' (tên tệp không có năm {old}).",
                       f"Chỉ rõ tệp mới bằng -o, ví dụ `-o {source.parent / f'{new}.yaml'}`.")


def _clear_signed_parts(data) -> None:
    document = data.get("document")
    if isinstance(document, dict):
        for key in ("number", "date"):
            if key in document:
                document[key] = None
        signer = document.get("signer")
        if isinstance(signer, dict) and "name" in signer:
            signer["name"] = None
    for part in ("plan", "appendix"):
        if isinstance(data.get(part), dict) and "reference" in data[part]:
            del data[part]["reference"]  # the hand-written "Kèm theo …" of last year's number
    # the proposal ("Giám đốc Sở Nội vụ tại Tờ trình số 551/TTr-SNV ngày …") cites a document: it is
    # kept as written, and the command's notes ask the clerk to write this year's (a citation is
    # never changed unless the clerk changes it)


def _move_years(node, shift: Shift, path: tuple) -> None:
    # plain data: tt fmt writes a changed text in the style it had (a block `|` stays a block)
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in list(items):
        if isinstance(key, str) and key in _KEEP_KEYS:
            continue
        if isinstance(value, (dict, list)):
            _move_years(value, shift, path + (key,))
        elif isinstance(value, str):
            moved = shift.text(value)
            if moved != value:
                node[key] = moved
        elif key == "due" and isinstance(value, int) and not isinstance(value, bool) and shift.moves(value):
            node[key] = value + shift.delta  # `due: 2025` written as a number


def _moved_date_comments(loaded, shift: Shift) -> dict[tuple, str]:
    """A comment on each deadline whose date had to change (29/02, a day off), so the reviewer sees why."""
    comments = {}
    dues: list[tuple[tuple, str | None]] = []
    for path, task in loaded.plan.task_paths():
        dues.append((path + ("due",), task.due))
    stack = [(("plan", "sections", i), s) for i, s in enumerate(loaded.plan.plan.sections)]
    while stack:
        path, body = stack.pop()
        dues.append((path + ("due",), body.due))
        dues.extend((path + ("items", i, "due"), item.due) for i, item in enumerate(body.items))
        stack.extend((path + ("duties", i), duty) for i, duty in enumerate(getattr(body, "duties", [])))
        stack.extend((path + ("sections", i), sub) for i, sub in enumerate(getattr(body, "sections", [])))
    for path, due in dues:
        if not isinstance(due, str):
            continue
        probe = Shift(shift.old, shift.new, config=shift.config)
        moved = probe.text(due)
        if probe.moved:
            why = "; ".join(w for _, w in probe.moved.values())
            comments[path] = f"# tt new: {due} → {moved} ({why})"
    return comments


def _relative(target: Path, base: Path) -> str:
    try:
        return Path(os.path.relpath(target.resolve(), base.resolve())).as_posix()
    except ValueError:
        return str(target.resolve())


def _retarget_schema_line(text: str, old_dir: Path, new_dir: Path) -> str:
    """Keep the `$schema=` path of the editor's modeline right when the plan moves to another folder."""
    if old_dir.resolve() == new_dir.resolve():
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines[:5]):
        if line.startswith(SCHEMA_LINE):
            ref = line[len(SCHEMA_LINE):].strip()
            if "://" not in ref:
                lines[i] = SCHEMA_LINE + _relative(old_dir / ref, new_dir)
    return "\n".join(lines)


# ---------------------------------------------------------------- from the template

_PLACE = re.compile(r"\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+(.+)$", re.IGNORECASE)
_PEOPLES_COMMITTEE = re.compile(r"^(?:Ủy|Uỷ) ban nhân dân\s+(.+)$", re.IGNORECASE)
_LEVEL = re.compile(r"^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\b", re.IGNORECASE)


def _initials(name: str) -> str:
    words = re.findall(r"\w+", name)
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def describe_issuer(name: str, place: str | None = None, symbol: str | None = None,
                    short: str | None = None) -> dict[str, Any]:
    """What the header needs, guessed from the issuer's name (each guess can be overridden)."""
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    info: dict[str, Any] = {"name": name, "header": None, "short": short, "place": place, "symbol": symbol,
                            "kind": "khac", "authority": None, "head": "THỦ TRƯỞNG"}
    pc = _PEOPLES_COMMITTEE.match(name)
    if pc:
        rest = pc.group(1)
        info["header"] = ["ỦY BAN NHÂN DÂN", rest.upper()]
        level = _LEVEL.match(rest)
        info["short"] = short or ("UBND " + level.group(1).lower() if level else "UBND")
        info["symbol"] = symbol or "KH-UBND"
        info["kind"] = "ubnd"
        info["head"] = "CHỦ TỊCH"
        info["authority"] = f"CHỦ TỊCH ỦY BAN NHÂN DÂN {rest.upper()}"
    else:
        own = _PLACE.sub("", name).strip(" ,") or name  # "Sở Nội vụ tỉnh Quảng Ngãi" → "Sở Nội vụ"
        info["symbol"] = symbol or f"KH-{_initials(own)}"
        if name.lower().startswith("sở "):
            info["kind"], info["head"] = "so", "GIÁM ĐỐC"
        info["authority"] = f"{info['head']} {name.upper()}"
    if info["place"] is None:
        m = _PLACE.search(name)
        info["place"] = m.group(1).strip() if m else None
    return info


def _slug(text: str) -> str:
    from tuyentruyen.vn.text import slug

    return slug(text, "don-vi")


def template_text(config, root: Path | None) -> tuple[str, str]:
    """The template and its name: new-plan.yaml.j2 in the repository's templates folders
    (tt.toml's `templates`, else templates/), else tt's own."""
    from tuyentruyen.project.files import os_reason, read_text_bounded

    for folder in config.template_folders(root):
        candidate = folder / "new-plan.yaml.j2"
        if candidate.is_file():
            try:
                return read_text_bounded(candidate, 1024 * 1024), str(candidate)
            except UnicodeDecodeError:
                raise NewPlanError(f"Mẫu kế hoạch {_shown(candidate)} không lưu ở mã UTF-8.",
                                   "Lưu lại tệp mẫu ở mã UTF-8.") from None
            except OSError as exc:
                raise NewPlanError(f"Không đọc được mẫu kế hoạch {_shown(candidate)}: {os_reason(exc)}.",
                                   "Kiểm tra quyền đọc tệp mẫu.") from None
    from importlib.resources import files

    return files("tuyentruyen.data").joinpath("new-plan.yaml.j2").read_text("utf-8"), "new-plan.yaml.j2"


def from_template(year: int, issuer: str, out: str | Path | None = None, *, doc_type: str = "ke-hoach",
                  place: str | None = None, symbol: str | None = None, short: str | None = None,
                  parent: str | None = None, title: str | None = None, province: str | None = None) -> NewPlan:
    """A new plan from the template (nothing is written).

    When the plan has no unit registry yet, a units.yaml is made beside it (:func:`_starter_registry`):
    built on the national list for the issuer's province (found from the issuer's name, or given
    as province), with the provincial departments and, for a xã, phường or đặc khu, its rooms
    (data/registries/cap-tinh.yaml, cap-xa.yaml, or the repository's templates/ copies)."""
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from tuyentruyen.edit.fmt import FormatError, format_text
    from tuyentruyen.project.config import config_for
    from tuyentruyen.project.discover import PLANS_DIR, YAML_SUFFIXES, find_project_root, find_registry

    if not 1945 <= year <= 2200:
        raise NewPlanError(f"Năm {year} không hợp lệ.", "Ghi năm bằng 4 chữ số, ví dụ --year 2026.")
    info = describe_issuer(issuer, place, symbol, short)
    if not info["place"]:
        raise NewPlanError(f"Không đoán được địa danh từ tên cơ quan '{issuer}'.",
                           "Cho biết địa danh bằng --place, ví dụ --place \"Quảng Ngãi\".")
    root = find_project_root() or Path.cwd()
    target = Path(out) if out is not None else root / PLANS_DIR / f"{year}.yaml"
    if target.suffix not in YAML_SUFFIXES:
        raise NewPlanError(f"Tệp kế hoạch phải có đuôi .yaml: '{target}'.", f"Ví dụ: -o plans/{year}.yaml")
    existing = next((d for d in (target.parent, *target.parent.parents) if d.exists()), Path.cwd())
    root = find_project_root(existing) or root
    config = config_for(existing / target.name)  # a broken tt.toml stops here, before anything is made
    extra: dict[Path, str] = {}
    schema = _schema_ref(target, root, extra)
    registry, _ = find_registry(existing / target.name, None, config)
    unit_name = info["name"]
    starter_notes: list[str] = []
    if registry is None:
        registry = target.parent / "units.yaml"
        where = issuer_place(info["name"], year, province)
        extra[registry] = format_text(_starter_registry(info, registry, root, extra, where, config),
                                      display=str(registry))
        rooms = f"các phòng của UBND {where.commune_level_word} và " if where.commune_level else ""
        if where.province is not None:
            starter_notes.append(
                f"sổ đơn vị mới {_shown(registry)} dựa trên danh sách đơn vị hành chính quốc gia cho "
                f"{where.province.full_name} (`extends: national`: UBND {where.province.level_name}, UBND các xã, "
                f"phường, cả các đơn vị cũ với ngày hết hiệu lực), kèm {rooms}các sở theo Nghị định 150/2025/NĐ-CP: "
                "sửa cho đúng các "
                "đơn vị của mình, thêm các đơn vị khác vào đó")
        elif where.commune_level or info.get("kind") == "so":
            starter_notes.append(
                f"sổ đơn vị mới {_shown(registry)} có {rooms}các sở theo Nghị định 150/2025/NĐ-CP: sửa cho đúng "
                "các đơn vị của mình, thêm các đơn vị khác vào đó")
        starter_notes += where.notes
    unit_name = _canonical_name(info["name"], registry, extra.get(registry))
    # a repository's template is code: it runs in Jinja2's sandbox, as render's templates do
    env = ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                                        trim_blocks=True, lstrip_blocks=True)
    env.filters["q"] = _yaml_quote
    template, template_name = template_text(config, root)
    try:
        text = env.from_string(template).render(
            year=year, issuer=info, parent=parent, doc_type=doc_type, schema=schema, lead=unit_name,
            title=title or f"Tuyên truyền cải cách hành chính năm {year}")
    except Exception as exc:  # noqa: BLE001 - a repository's template: every failure is its author's to fix
        where = f" ở dòng {exc.lineno}" if getattr(exc, "lineno", None) else ""
        what = ("sai cú pháp Jinja2" if isinstance(exc, jinja2.TemplateSyntaxError)
                else "dùng một tên không có" if isinstance(exc, jinja2.UndefinedError)
                else "làm một việc bị cấm trong mẫu" if isinstance(exc, jinja2.exceptions.SecurityError)
                else "gặp lỗi khi chạy")
        raise NewPlanError(f"Mẫu kế hoạch {_shown(Path(template_name))} {what}{where}.",
                           "Sửa mẫu trong thư mục templates/ của kho, hoặc xóa nó để dùng mẫu của tt.") from None
    try:
        formatted = format_text(text, display=str(target), check_data=False)
    except FormatError as exc:
        raise NewPlanError("Mẫu kế hoạch không hợp lệ.", "Kiểm tra templates/new-plan.yaml.j2 của kho.",
                           problems=exc.problems) from None
    kind = "Quyết định ban hành Kế hoạch" if doc_type == "quyet-dinh" else "Kế hoạch"
    notes = [f"kế hoạch năm {year} của {info['name']} (mẫu {kind})",
             "điền các chỗ có dấu '…', số và ngày ban hành khi văn bản được cấp số và ký"]
    if registry in extra:
        notes += starter_notes or [
            f"sổ đơn vị mới {_shown(registry)} mới có đơn vị ban hành: thêm các đơn vị khác vào đó"]
    return NewPlan(target, formatted, notes, extra)


def _yaml_quote(value: Any) -> str:
    """A value as a YAML double-quoted scalar (the template never has to think about quotes)."""
    import json

    return json.dumps("" if value is None else str(value), ensure_ascii=False)


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _schema_ref(target: Path, root: Path, extra: dict[Path, str]) -> str:
    """The modeline path to the plan schema, relative to the plan; the schema is written when missing."""
    for d in (target.parent.resolve(), *target.parent.resolve().parents):
        for place in SCHEMA_PLACES:
            if (d / place / "plan.schema.json").is_file():
                return _relative(d / place / "plan.schema.json", target.parent)
        if d == root.resolve():
            break
    from tuyentruyen.model.schema import plan_schema_text, registry_schema_text

    schema = root / "docs" / "schema" / "plan.schema.json"
    extra[schema] = plan_schema_text()
    extra[root / "docs" / "schema" / "units.schema.json"] = registry_schema_text()
    return _relative(schema, target.parent)


def schema_modeline(target: Path, root: Path, extra: dict[Path, str], schema: str = "plan.schema.json") -> str:
    """The editor's first line of a new file at target (a plan, or units.yaml with schema
    "units.schema.json"): `# yaml-language-server: $schema=…`; the schemas go into extra when the
    repository has none yet (tt import writes them with its files)."""
    return SCHEMA_LINE + _schema_ref(target, root, extra).replace("plan.schema.json", schema)


@dataclass
class IssuerPlace:
    """Where an issuer sits in the national list (for its new registry): its administrative unit
    (a province, or a xã, phường, đặc khu), its province, and what the command should say."""

    unit: Any = None  # tuyentruyen.vn.admin.AdminUnit of the issuer's name, when there is one
    province: Any = None  # the AdminUnit of its province
    commune_level: str | None = None  # "xa", "phuong", "dac-khu" when the issuer is of a commune
    candidates: tuple = ()  # several units of that name: their provinces, for the clerk to choose
    notes: list[str] = field(default_factory=list)

    @property
    def commune_level_word(self) -> str:
        from tuyentruyen.vn.admin import LEVELS

        return LEVELS[self.commune_level][0] if self.commune_level in LEVELS else "xã"


def issuer_place(name: str, year: int, province: str | None = None) -> IssuerPlace:
    """The administrative unit an issuer's name names ("Ủy ban nhân dân xã Bắc Mê" → xã Bắc Mê, tỉnh
    Tuyên Quang), as it is in the plan's year; province (a name) chooses among units of one name."""
    from tuyentruyen.vn import admin
    from tuyentruyen.vn.units import exists_during, plan_window

    first, last = plan_window(None, year)
    nat = admin.national()
    family = None
    if province is not None:
        named = nat.province_named(province)
        if named is None:
            guess = nat.province_like(province)
            raise NewPlanError(f"Không có tỉnh, thành phố nào tên “{province}” trong danh sách đơn vị hành chính.",
                               (f"Có phải ý bạn là “{guess}”? " if guess else "")
                               + "Xem tên các tỉnh bằng `tt units --national --kind \"cấp tỉnh\"`.")
        family = set(nat.family(named)) | set(nat.within(nat.family(named)))
    place = IssuerPlace()
    for m in admin.mentions(name):
        if m.name is None or not m.levels & (admin.PROVINCE_LEVELS | admin.COMMUNE_LEVELS):
            continue
        found = [u for u in nat.find(m.text, levels=m.levels & (admin.PROVINCE_LEVELS | admin.COMMUNE_LEVELS))
                 if exists_during(u, first, last) and (family is None or u in family)]
        if len(found) == 1:
            u = found[0]
            place.unit = u
            place.province = u if u.is_province else nat.province_of(u, on=first)
            place.commune_level = u.level if u.is_commune else None
        elif found:
            place.candidates = tuple(nat.province_of(u, on=first) for u in found)
            place.commune_level = found[0].level if all(u.level == found[0].level for u in found) else None
            names = ", ".join(p.full_name for p in place.candidates if p is not None)
            place.notes.append(f"có {len(found)} {m.text} ({names}): chạy lại với --province <tỉnh> để sổ đơn vị "
                               "dùng danh sách đơn vị hành chính của tỉnh đó")
        else:
            scope = f" của {nat.province_named(province).full_name}" if province is not None else ""
            place.notes.append(f"danh sách đơn vị hành chính{scope} không có {m.text} vào năm {year}: kiểm tra tên "
                               f"cơ quan ban hành (xem `tt units --province …`)")
        break
    if place.province is None and province is not None:
        place.province = nat.province_named(province)
    return place


def registry_template(name: str, config, root: Path | None) -> dict:
    """A registry template (data/registries/<name>.yaml, or the repository's templates/<name>.yaml):
    {source, units, optional}."""
    import yaml

    from tuyentruyen.project.files import os_reason, read_text_bounded

    text = None
    for folder in config.template_folders(root) if config is not None else ():
        candidate = folder / f"{name}.yaml"
        if candidate.is_file():
            try:
                text, shown = read_text_bounded(candidate, 1024 * 1024), _shown(candidate)
            except (OSError, UnicodeDecodeError) as exc:
                why = os_reason(exc) if isinstance(exc, OSError) else "không lưu ở mã UTF-8"
                raise NewPlanError(f"Không đọc được mẫu sổ đơn vị {_shown(candidate)}: {why}.",
                                   "Sửa hoặc xóa tệp mẫu trong thư mục templates/ của kho.") from None
            break
    if text is None:
        from importlib.resources import files

        text, shown = files("tuyentruyen.data").joinpath("registries").joinpath(f"{name}.yaml").read_text("utf-8"), name
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("units"), list):
        raise NewPlanError(f"Mẫu sổ đơn vị {shown} không đúng dạng (cần khóa `units:` là một danh sách).",
                           "Sửa tệp mẫu trong thư mục templates/ của kho, hoặc xóa nó để dùng mẫu của tt.")
    return data


def _starter_registry(info: dict, path: Path, root: Path, extra: dict[Path, str], where: IssuerPlace | None = None,
                      config=None) -> str:
    """The units.yaml of a new plan: built on the national list for the issuer's province (the
    province, its xã, phường; before 01/7/2025 what they were made of), with the provincial
    departments and, for a commune, its rooms, from the registry templates."""
    schema = next((p for p in extra if p.name == "units.schema.json"), None)
    if schema is None:
        for d in (path.parent.resolve(), *path.parent.resolve().parents):
            found = [d / place / "units.schema.json" for place in SCHEMA_PLACES
                     if (d / place / "units.schema.json").is_file()]
            if found:
                schema = found[0]
                break
            if d == root.resolve():
                break
    where = where or IssuerPlace()
    lines = []
    if schema is not None:
        lines.append(SCHEMA_LINE + _relative(schema, path.parent))
    lines += [
        "# Sổ đơn vị: mỗi đơn vị mà kế hoạch nhắc tới, với tên chuẩn, tên viết tắt và các cách gọi khác.",
        "# Xem các đơn vị bằng `tt units`; hướng dẫn: docs/plan-format.md (Sổ đơn vị).",
        "tt: 1",
        f"issuer: {_yaml_quote(info['name'])}",
    ]
    province = where.province
    if province is not None:
        lines += [
            "# Các đơn vị hành chính của tỉnh (UBND tỉnh, UBND các xã, phường; các đơn vị cũ với ngày hết",
            f"# hiệu lực) lấy từ danh sách quốc gia có sẵn trong tt: `tt units --province \"{province.name}\"`.",
            "extends: national",
            f"province: {_yaml_quote(province.name)}",
        ]
    elif where.candidates:
        lines += ["# Chọn tỉnh rồi bỏ dấu # để sổ có các đơn vị hành chính của tỉnh (danh sách quốc gia):",
                  "# extends: national",
                  "# province: " + " | ".join(p.name for p in where.candidates if p is not None)]
    lines.append("units:")
    tiers = []
    if where.commune_level is not None:
        tiers.append(("cap-xa", where.commune_level))
    if province is not None or where.commune_level is not None or info.get("kind") == "so":
        tiers.append(("cap-tinh", province.level if province is not None else "tinh"))
    own_is_national = where.unit is not None and info.get("kind") == "ubnd"
    written = _template_units(tiers, config, root, info)
    if not own_is_national and not any(u.get("aliases") and info["name"] in u["aliases"] for u in written):
        own = {"id": _slug(info["name"]), "name": info["name"], "kind": info["kind"]}
        if info.get("short"):
            own["short"] = [info["short"]]
        written.insert(0, own)
    for unit in written:
        lines += _unit_lines(unit, "  - ")
    optional = _template_units(tiers, config, root, info, optional=True)
    if optional:
        lines.append("  # Đơn vị chỉ có ở một số tỉnh: bỏ dấu # nếu tỉnh có.")
    for unit in optional:
        lines += ["  # " + line[2:] for line in _unit_lines(unit, "  - ", plain=True)]
    return "\n".join(lines) + "\n"


def _canonical_name(name: str, registry: Path, text: str | None) -> str:
    """The issuer as its registry names it (an alias such as "Sở Nội vụ tỉnh Tuyên Quang" →
    "Sở Nội vụ"), by the one resolver; the name itself when no registry knows it."""
    from tuyentruyen.loading.documents import load_registry_bytes
    from tuyentruyen.project.registry import index_registry, read_registry

    try:
        if text is not None:
            loaded = load_registry_bytes(text.encode("utf-8"), str(registry), registry)
            index = index_registry(loaded.registry)
        else:
            index = read_registry(registry).index
        found = index.resolve(name) if index is not None else None
    except Exception:  # noqa: BLE001 - a name the registry cannot resolve stays as the clerk wrote it
        found = None
    return found.unit.name if found is not None else name


def _template_units(tiers, config, root, info: dict, *, optional: bool = False) -> list[dict]:
    """The units of the registry templates for these tiers ("{cap}" filled with the level word)."""
    from tuyentruyen.vn.admin import LEVELS

    out: list[dict] = []
    seen: set[str] = set()
    issuer = _PLACE.sub("", info["name"]).strip(" ,")  # "Sở Nội vụ tỉnh Tuyên Quang" → "Sở Nội vụ"
    for name, level in tiers:
        data = registry_template(name, config, root)
        word = LEVELS[level][0] if level in LEVELS else level
        for raw in data.get("optional" if optional else "units") or ():
            if not isinstance(raw, dict) or raw.get("id") in seen:
                continue
            levels = raw.get("levels")
            if levels and level not in levels:
                continue
            seen.add(raw["id"])
            unit = {k: _fill(v, word) for k, v in raw.items() if k != "levels"}
            if info.get("kind") != "ubnd" and unit.get("name") == issuer and issuer != info["name"]:
                unit.setdefault("aliases", [])
                unit["aliases"] = [*unit["aliases"], info["name"]]  # the issuer, by its full name
            out.append(unit)
    return out


def _fill(value, word: str):
    if isinstance(value, str):
        return value.replace("{cap}", word)
    if isinstance(value, list):
        return [_fill(v, word) for v in value]
    return value


def _unit_lines(unit: dict, lead: str, *, plain: bool = False) -> list[str]:
    """A unit of a registry template as YAML lines (plain: unquoted where YAML allows, as tt fmt
    writes them, for lines kept as comments that fmt does not lay out)."""
    quote = _plain_or_quoted if plain else _yaml_quote
    pad = " " * len(lead)
    lines = []
    for key in ("id", "name", "short", "aliases", "kind", "groups", "valid_from", "valid_until", "successor", "notes"):
        if key not in unit or unit[key] in (None, [], ""):
            continue
        value = unit[key]
        text = ("[" + ", ".join(quote(v) for v in value) + "]") if isinstance(value, list) \
            else quote(value) if key in ("name", "notes") else str(value)
        lines.append(f"{lead if not lines else pad}{key}: {text}")
    return lines


def _plain_or_quoted(value: Any) -> str:
    text = str(value)
    if re.fullmatch(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}]*", text) and text == text.strip():
        return text
    return _yaml_quote(text)


def write(plan: NewPlan, *, force: bool = False, protect: tuple[Path, ...] = ()) -> list[Path]:
    """Write the plan (and the files made beside it) atomically; refuse to overwrite a plan.

    The plan is checked first (it must validate: tuyentruyen.edit.write.revalidate), so
    nothing is written for a plan tt could not read back. protect: the inputs (--from).
    """
    from tuyentruyen.edit.write import RewriteRefused, original_from_text, revalidate
    from tuyentruyen.project.files import atomic_write_text

    if plan.path.exists() and not force:
        raise NewPlanError(f"Tệp '{_shown(plan.path)}' đã có; tt new không ghi đè.",
                           "Chọn tên khác bằng -o, hoặc thêm --force nếu thật sự muốn thay tệp này.")
    try:
        revalidate(original_from_text(plan.text, _shown(plan.path), plan.path), plan.text, must_validate=False)
    except RewriteRefused as exc:
        raise NewPlanError("Kế hoạch mới không đọc lại được nên chưa được ghi.",
                           "Kiểm tra mẫu kế hoạch (templates/new-plan.yaml.j2) của kho.", problems=[exc.problem]) \
            from None
    written = []
    for path, text in plan.extra_files.items():
        if not path.exists():
            atomic_write_text(path, text, protect=protect)
            written.append(path)
    atomic_write_text(plan.path, plan.text, protect=protect)
    return [plan.path, *written]
