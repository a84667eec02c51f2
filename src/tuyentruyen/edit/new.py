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
- keeps what cites other documents as written: the legal bases (căn cứ), the documents
  implemented, a document number with its date or year in running text ("Quyết định số
  1782/QĐ-UBND ngày 21/12/2024 … ;"), symbols with a year (61/2018/NĐ-CP) and periods
  ("giai đoạn 2021 - 2025"): those change only when the clerk decides;
- clears what belongs to the signed document: its number, its date, the signer's name,
  the "Kèm theo …" lines written by hand, and the Tờ trình of the proposal.

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

# a document symbol, with or without "số": 1782/QĐ-UBND, 61/2018/NĐ-CP, 14-NQ/TU, 25/KH-UBND
_SYMBOL = r"(?:(?i:số)\s+)?\d+(?:/\d{4})?[/-][A-ZĐ][A-Za-zĐđ0-9.]*(?:[/-][A-ZĐ][A-Za-zĐđ0-9.]*)*"
# a cited document: its symbol then its date or year, up to the end of the clause
_CITED = re.compile(
    _SYMBOL + r"\s*,?\s+(?i:ngày\s+\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|tháng\s+\d{1,2}\s+năm\s+\d{4})"
    r"|năm\s+\d{4})[^;]*?(?=;|\.\s|\.?$)")
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

    @property
    def delta(self) -> int:
        return self.new - self.old

    @property
    def notes(self) -> list[str]:
        return [f"'{old}' → {new}: {why}" for old, (new, why) in self.moved.items()]

    def moves(self, year: int) -> bool:
        """The years of the plan's time: its year and the ones next to it (last year's results, January reports)."""
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
        """value with the plan's years moved on, citations and periods kept."""
        if not any(str(y) in value or f"/{y % 100:02d}" in value for y in (self.old - 1, self.old, self.old + 1)):
            return value

        def spans(text: str, *patterns) -> list[tuple[int, int]]:
            return [m.span() for rx in patterns for m in rx.finditer(text)]

        kept = spans(value, _CITED, _SYMBOL_WITH_YEAR, _PERIOD)

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
        kept = spans(out, _CITED, _SYMBOL_WITH_YEAR, _PERIOD, _DATE, _LONG_DATE)
        out = _SHORT_YEAR.sub(short, out)
        out = _YEAR.sub(year, out)
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


# keys (at any depth) whose text is never moved: citations, ids, paths
_KEEP_KEYS = {"bases", "implements", "id", "units", "successor"}


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
    new = year if year is not None else old + 1
    if new == old:
        raise NewPlanError(f"Kế hoạch '{loaded.display}' đã là năm {old}.", "Chọn một năm khác bằng --year.")
    target = Path(out) if out is not None else _default_out(source_path, old, new)
    shift = Shift(old, new, config=config)
    registry, _ = find_registry(source_path, loaded.plan.units, config)

    def edit(data) -> None:
        _clear_signed_parts(data)
        _move_years(data, shift, ())
        data["plan"]["year"] = new
        if registry is not None:
            nearby, _ = find_registry(target)  # what the new plan finds without a `units:` key
            if data.get("units") or nearby is None or nearby.resolve() != registry.resolve():
                data["units"] = _relative(registry, target.parent)

    text = _retarget_schema_line(loaded.source.text, source_path.parent, target.parent)
    cleared = frozenset({("document", "number"), ("document", "date"), ("document", "signer", "name")})
    try:
        formatted = format_text(text, display=loaded.display, edit=edit, check_data=False,
                                drop_comments_at=cleared, add_comments=_moved_date_comments(loaded, shift))
    except FormatError as exc:
        raise NewPlanError(f"Không đọc được '{loaded.display}' để lập kế hoạch mới.",
                           "Sửa các lỗi được báo rồi chạy lại.", problems=exc.problems) from None
    notes = [f"năm {old} → {new}: tiêu đề, các mục và thời hạn đã chuyển sang năm {new}",
             "đã xóa số, ngày ban hành và họ tên người ký (điền khi văn bản được cấp số và ký)",
             "giữ nguyên các căn cứ, văn bản được thực hiện và các viện dẫn trong nội dung: hãy xem lại"]
    notes += shift.notes
    return NewPlan(target, formatted, notes)


def _default_out(source: Path, old: int, new: int) -> Path:
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
    decision = data.get("decision")
    if isinstance(decision, dict) and isinstance(decision.get("proposal"), str):
        # "Giám đốc Sở Nội vụ tại Tờ trình số 551/TTr-SNV ngày …": the new Tờ trình is not known yet
        decision["proposal"] = re.sub(r"\s+tại\s+Tờ\s+trình\b.*$", "", decision["proposal"], flags=re.IGNORECASE)


def _move_years(node, shift: Shift, path: tuple) -> None:
    from ruamel.yaml.scalarstring import ScalarString

    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in list(items):
        if isinstance(key, str) and key in _KEEP_KEYS:
            continue
        if isinstance(value, (dict, list)):
            _move_years(value, shift, path + (key,))
        elif isinstance(value, str):
            moved = shift.text(value)
            if moved != value:
                if isinstance(value, ScalarString):
                    kept = type(value)(moved)
                    if hasattr(value, "fold_pos") and len(moved) == len(value):
                        kept.fold_pos = list(getattr(value, "fold_pos", []))
                    moved = kept
                node[key] = moved
        elif key == "due" and isinstance(value, int) and not isinstance(value, bool) and shift.moves(value):
            node[key] = value + shift.delta  # `due: 2025` written as a number


def _moved_date_comments(loaded, shift: Shift) -> dict[tuple, str]:
    """A comment on each deadline whose date had to change (29/02, a day off), so the reviewer sees why."""
    comments = {}
    dues: list[tuple[tuple, str | None]] = []
    for gi, ti, _, task in loaded.plan.iter_tasks():
        dues.append((loaded.plan.appendix.task_path(gi, ti) + ("due",), task.due))
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
                  parent: str | None = None, title: str | None = None) -> NewPlan:
    """A new plan from the template (nothing is written)."""
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
    if registry is None:
        registry = target.parent / "units.yaml"
        extra[registry] = format_text(_starter_registry(info, registry, root, extra), display=str(registry))
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
        notes.append(f"sổ đơn vị mới {_shown(registry)} mới có đơn vị ban hành: thêm các đơn vị khác vào đó")
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


def _starter_registry(info: dict, path: Path, root: Path, extra: dict[Path, str]) -> str:
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
    lines = []
    if schema is not None:
        lines.append(SCHEMA_LINE + _relative(schema, path.parent))
    lines += [
        "# Sổ đơn vị: mỗi đơn vị mà kế hoạch nhắc tới, với tên chuẩn, tên viết tắt và các cách gọi khác.",
        "# Xem các đơn vị bằng `tt units`; hướng dẫn: docs/editor.md.",
        "tt: 1",
        f"issuer: {_yaml_quote(info['name'])}",
        "units:",
        f"  - id: {_slug(info['name'])}",
        f"    name: {_yaml_quote(info['name'])}",
    ]
    if info.get("short"):
        lines.append(f"    short: [{_yaml_quote(info['short'])}]")
    lines.append(f"    kind: {info['kind']}")
    return "\n".join(lines) + "\n"


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
