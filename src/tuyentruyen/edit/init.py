"""`tt init`: a ready plans repository (kho kế hoạch) for one issuer, in an empty folder.

From three answers — the province (tỉnh, thành phố), the issuer's level (``tinh``: the UBND
of the province; ``so``: one of its departments; ``xa``: the UBND of a xã, phường or đặc khu)
and the issuer's name — it writes:

- ``tt.toml``, the repository's configuration (commented keys, nothing switched on);
- ``plans/<year>.yaml``, a first plan from tt's template, and ``plans/units.yaml``, its unit
  registry built on the national list for the province (``extends: national``) with the
  provincial departments and, for a commune, its rooms — both made by `tt new`'s own
  :func:`tuyentruyen.edit.new.from_template`, with the JSON Schemas under ``docs/schema/``;
- ``.pre-commit-config.yaml`` (hooks that call the installed `tt`: they work offline),
  ``.github/workflows/tt.yml`` and ``.gitlab-ci.yml`` pinned to this tt's version at
  PROJECT_URL (:mod:`tuyentruyen.about`, or the organisation's own ``tt_source``);
- ``.vscode/`` — settings with the schema association, the tt tasks, the YAML extension
  recommended: the editor's own files (docs/vscode/ of tt, packed into the wheel);
- a ``README.md`` for the clerks of that repository, and a ``.gitignore``.

Nothing is written when one of these files exists already (every path is checked first),
and every file is written or none (tuyentruyen.project.files.atomic_write_many). Before
that, the repository is made in full in a staging folder and checked there as the clerk's
first `tt validate` and `tt fmt --check` will check it: what init writes validates.

The plan and its registry are made in the staging folder because `tt new` reads the
repository around its target (tt.toml, templates/, a units.yaml up the tree): the new
repository has none yet, and nothing around the folder it goes into may leak into it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tuyentruyen.errors import TTError

# the issuer's level (cấp): what the clerk answers, and how the issuer's name is made from it
LEVELS: dict[str, str] = {
    "tinh": "UBND tỉnh, thành phố",
    "so": "sở, ban, ngành",
    "xa": "UBND xã, phường, đặc khu",
}
# what a clerk may write for each (folded: case and diacritics do not matter)
LEVEL_WORDS = {"tinh": "tinh", "thanh pho": "tinh", "thanh-pho": "tinh", "so": "so", "xa": "xa",
               "phuong": "xa", "dac khu": "xa", "dac-khu": "xa"}
LEVELS_SAID = ", ".join(f"{slug} ({what})" for slug, what in LEVELS.items())  # tinh (UBND tỉnh, thành phố), …
TEMPLATES = "init"  # data/init/: the files init writes besides the plan and its registry


class InitError(TTError):
    """Why a plans repository cannot be made (Vietnamese message and hint; exit 2)."""

    code = "TT-E013"


@dataclass
class Repository:
    """A plans repository to write: every file's text by its path, and what to tell the clerk."""

    root: Path
    issuer: str
    province: Any  # tuyentruyen.vn.admin.AdminUnit
    year: int
    plan: Path
    files: dict[Path, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- the answers


def default_year(today: dt.date | None = None) -> int:
    """The year a clerk is planning: next year from October (plans are written in the last quarter)."""
    today = today or dt.date.today()
    return today.year + 1 if today.month >= 10 else today.year


def level_of(text: str) -> str:
    """The level slug of what the clerk wrote ("xã", "Sở", "tinh"), or InitError."""
    from tuyentruyen.vn.text import fold

    level = LEVEL_WORDS.get(fold(" ".join(str(text).split())))
    if level is None:
        raise InitError(f"Cấp “{text}” không hợp lệ.", f"Trả lời một trong: {LEVELS_SAID}.")
    return level


def _window(year: int) -> tuple[dt.date, dt.date]:
    from tuyentruyen.vn.units import plan_window

    return plan_window(None, year)


def find_province(text: str, year: int):
    """The province (tỉnh, thành phố trực thuộc trung ương) a clerk names, as it is in the plan's
    year; InitError with "did you mean" or with the province it became."""
    from tuyentruyen.vn import admin
    from tuyentruyen.vn.dates import fmt_date
    from tuyentruyen.vn.units import exists_during

    text = " ".join(str(text or "").split())
    if not text:
        raise InitError("Chưa cho biết tỉnh, thành phố.", "Ví dụ: --province \"Tuyên Quang\".")
    nat = admin.national()
    found = nat.province_named(text)
    if found is None:
        guess = nat.province_like(text)
        raise InitError(f"Không có tỉnh, thành phố nào tên “{text}” trong danh sách đơn vị hành chính của tt.",
                        (f"Có phải ý bạn là “{guess}”? " if guess else "")
                        + "Xem tên các tỉnh, thành phố: `tt units --national --kind \"cấp tỉnh\"`.")
    first, last = _window(year)
    if not exists_during(found, first, last):  # the province of that name then (Tuyên Quang before 01/7/2025)
        then = [u for u in nat.find(found.name, levels=admin.PROVINCE_LEVELS) if exists_during(u, first, last)]
        if then:
            return then[0]
        if found.valid_until is None and found.valid_from is not None:  # a province that came later
            raise InitError(f"{found.full_name_capitalized} chưa có vào năm {year} (có từ ngày "
                            f"{fmt_date(found.valid_from)}) trong danh sách đơn vị hành chính của tt.",
                            "Chọn năm kế hoạch từ năm đó (--year), hoặc tỉnh, thành phố của năm kế hoạch.")
        now = [u for u in nat.successors_of(found, on=first) if u.is_province]
        shown = " hoặc ".join(u.name for u in now)
        until = f" (đến {fmt_date(found.valid_until)})" if found.valid_until else ""
        raise InitError(f"{found.full_name_capitalized} không còn vào năm {year}{until}"
                        + (f"; nay thuộc {' hoặc '.join(u.full_name for u in now)}." if now else "."),
                        (f"Dùng --province \"{shown}\"." if now else "Chọn tỉnh, thành phố đang tồn tại.")
                        + " Kế hoạch của những năm trước đó: thêm --year.")
    return found


def find_commune(text: str, province, year: int):
    """The xã, phường or đặc khu of the province a clerk names ("Bắc Mê", "phường Hà Giang 1")."""
    from tuyentruyen.vn import admin
    from tuyentruyen.vn.text import did_you_mean
    from tuyentruyen.vn.units import exists_during

    text = " ".join(str(text or "").split())
    if not text:
        raise InitError("Chưa cho biết tên xã, phường, đặc khu.", "Ví dụ: --issuer \"Ủy ban nhân dân xã Bắc Mê\".")
    nat = admin.national()
    first, last = _window(year)
    found = [u for u in nat.find(text, province=province, levels=admin.COMMUNE_LEVELS)
             if exists_during(u, first, last)]
    if len(found) == 1:
        return found[0]
    if found:
        raise InitError(f"{province.full_name_capitalized} có {len(found)} đơn vị tên “{text}”: "
                        + ", ".join(u.full_name for u in found) + ".",
                        f"Ghi cả cấp, ví dụ “{found[0].full_name}”.")
    names = [u.full_name for u in nat.communes(province, on=first)]
    guess = did_you_mean(text, names, cutoff=0.7) or did_you_mean(
        text, [u.name for u in nat.communes(province, on=first)], cutoff=0.7)
    raise InitError(f"{province.full_name_capitalized} không có xã, phường, đặc khu nào tên “{text}” vào năm {year}.",
                    (f"Có phải ý bạn là “{guess}”? " if guess else "")
                    + f"Xem các xã, phường: `tt units --province \"{province.name}\" --kind xã`.")


_COMMITTEE = re.compile(r"^(?:ủy|uỷ) ban nhân dân\s+|^ubnd\s+", re.IGNORECASE)


def issuer_name(level: str, province, name: str | None, year: int) -> str:
    """The issuer's full name for its level: "Ủy ban nhân dân tỉnh Tuyên Quang", "Sở Nội vụ tỉnh
    Tuyên Quang", "Ủy ban nhân dân xã Bắc Mê" (name: the department, or the commune, as written;
    a full name that already says it is kept)."""
    from tuyentruyen.vn.text import fold

    name = " ".join(str(name or "").split()) or None
    if level == "tinh":
        if name is None:
            return f"Ủy ban nhân dân {province.full_name}"
        rest = _COMMITTEE.sub("", name)
        if find_province(rest, year) != province:
            raise InitError(f"“{name}” không phải Ủy ban nhân dân {province.full_name}.",
                            "Với cấp tinh, bỏ trống tên cơ quan (tt tự ghi), hoặc chọn cấp so, xa cho cơ quan khác.")
        return f"Ủy ban nhân dân {province.full_name}"
    if level == "so":
        if name is None:
            raise InitError("Chưa cho biết tên sở, ban, ngành.", "Ví dụ: --issuer \"Sở Nội vụ\".")
        if _COMMITTEE.match(name):
            raise InitError(f"“{name}” là một Ủy ban nhân dân, không phải một sở, ban, ngành.",
                            "Chọn cấp tinh hoặc xa cho Ủy ban nhân dân.")
        if fold(province.name) in fold(name):
            return name
        return f"{name} {province.full_name}"
    commune = find_commune(_COMMITTEE.sub("", name or ""), province, year)
    return f"Ủy ban nhân dân {commune.full_name}"


# ---------------------------------------------------------------- the repository


def _render(name: str, **values) -> str:
    """A template of data/init/ (Jinja2, tt's own files: nothing of a repository runs here)."""
    from importlib.resources import files

    import jinja2

    text = files("tuyentruyen.data").joinpath(TEMPLATES).joinpath(name).read_text("utf-8")
    if not name.endswith(".j2"):
        return text
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, trim_blocks=True,
                             lstrip_blocks=True, autoescape=False)
    return env.from_string(text).render(**values)


VSCODE_FILES = ("settings.json", "tasks.json", "extensions.json")


def vscode_file(name: str) -> str:
    """The VS Code settings of a plans repository (the schema association, the tasks, the YAML
    extension): docs/vscode/ of tt, packed into the wheel as data/vscode/ (pyproject.toml)."""
    from tuyentruyen.project.files import read_text_bounded

    here = Path(__file__).resolve().parent.parent
    for folder in (here / "data" / "vscode", here.parents[1] / "docs" / "vscode"):  # the wheel, the source tree
        if (folder / name).is_file():
            return read_text_bounded(folder / name, 1024 * 1024)
    raise InitError(f"Thiếu tệp cài đặt VS Code {name} trong bản cài tt này.",
                    "Cài lại tt (tệp wheel hoặc từ kho mã nguồn); đây là lỗi đóng gói của tt.")


def github_action(url: str) -> str | None:
    """owner/name of a repository on GitHub ("https://github.com/tuyentruyen/tt" → "tuyentruyen/tt")."""
    m = re.fullmatch(r"(?:https?://|git@)github\.com[/:]([\w.-]+)/([\w.-]+?)(?:\.git)?/?", url.strip())
    return f"{m.group(1)}/{m.group(2)}" if m else None


def pins(tt_source: str | None = None) -> dict[str, Any]:
    """What the CI files are pinned to: this tt's version, at PROJECT_URL or the organisation's
    tt_source (a git URL). The GitHub workflow needs an action on GitHub: with a tt_source elsewhere,
    the action comes from PROJECT_URL and installs tt from tt_source."""
    from tuyentruyen import __version__
    from tuyentruyen.about import PROJECT_URL

    url = (tt_source or PROJECT_URL).strip().rstrip("/")
    if not re.match(r"^(?:https?://|git@|ssh://|file://)", url):
        raise InitError(f"Nguồn tt “{tt_source}” không phải địa chỉ một kho git.",
                        "Ví dụ: --tt-source https://github.com/so-noi-vu/tt (kho chứa mã nguồn tt của cơ quan).")
    spec = f"git+{url}@v{__version__}"
    own = github_action(url)
    action = own or github_action(PROJECT_URL)
    return {"version": __version__, "url": url.removesuffix(".git"), "pip_spec": spec, "action": action,
            "tt_source": None if own else spec}


def ci_files(tt_source: str | None = None) -> dict[str, str]:
    """The GitHub workflow and the GitLab job, as tt init writes them (ci/ of tt holds the same)."""
    values = pins(tt_source)
    return {".github/workflows/tt.yml": _render("github-workflow.yml.j2", **values),
            ".gitlab-ci.yml": _render("gitlab-ci.yml.j2", **values)}


def plan_and_registry(staging: Path, issuer: str, province, year: int, parent: str | None = None,
                      ) -> tuple[dict[Path, str], list[str], Path]:
    """The first plan and its unit registry (plans/units.yaml, on the national list of the province),
    with the JSON Schemas, made by `tt new`'s template in staging (which holds only tt.toml)."""
    from tuyentruyen.edit.new import from_template

    made = from_template(year, issuer, staging / "plans" / f"{year}.yaml", province=province.name, parent=parent)
    files = {made.path: made.text, **made.extra_files}
    shown = os.path.relpath(staging)
    notes = [n.replace(shown + os.sep, "").replace(str(staging) + os.sep, "") for n in made.notes]
    return files, notes, made.path


def make(folder: str | Path, *, province: str, level: str, issuer: str | None = None, year: int | None = None,
         tt_source: str | None = None) -> Repository:
    """The plans repository for an issuer, made and checked (nothing is written in folder)."""
    from tuyentruyen.model.schema import progress_schema_text

    root = Path(folder)
    year = year if year is not None else default_year()
    if not 1945 <= year <= 2200:
        raise InitError(f"Năm {year} không hợp lệ.", "Ghi năm bằng 4 chữ số, ví dụ --year 2027.")
    level = level_of(level)
    refuse_existing(root, [root / p for p in planned(year)])  # before the work, and again before writing
    place = find_province(province, year)
    name = issuer_name(level, place, issuer, year)
    given = " ".join(_COMMITTEE.sub("", issuer or "").split())
    read_as = [f"“{issuer}” được ghi là “{name}”, theo danh sách đơn vị hành chính"] if given and given not in name \
        else []
    values = {"issuer": name, "province": place.full_name_capitalized, "year": year, **pins(tt_source)}
    staging = Path(tempfile.mkdtemp(prefix="tt-init-"))
    try:
        config = _render("tt.toml.j2", **values)
        _stage(staging, {Path("tt.toml"): config})
        # a department's header names the body above it (cơ quan chủ quản, Nghị định 30/2020/NĐ-CP)
        parent = f"Ủy ban nhân dân {place.full_name}" if level == "so" else None
        made, notes, plan = plan_and_registry(staging, name, place, year, parent)
        files: dict[Path, str] = {Path("tt.toml"): config}
        files.update({p.relative_to(staging): text for p, text in made.items()})
        files.setdefault(Path("docs/schema/progress.schema.json"), progress_schema_text())
        plan = plan.relative_to(staging)
        values["plan"] = plan.as_posix()
        files[Path(".pre-commit-config.yaml")] = _render("pre-commit-config.yaml.j2", **values)
        files.update({Path(k): v for k, v in ci_files(tt_source).items()})
        for settings in VSCODE_FILES:
            files[Path(".vscode") / settings] = vscode_file(settings)
        files[Path("README.md")] = _render("README.md.j2", **values)
        files[Path(".gitignore")] = _render("gitignore")
        _stage(staging, {p: t for p, t in files.items() if p != Path("tt.toml")})
        _check(staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    order = {p: i for i, p in enumerate(planned(year))}
    ordered = sorted(files.items(), key=lambda item: (order.get(item[0], len(order)), str(item[0])))
    return Repository(root, name, place, year, root / plan, {root / p: t for p, t in ordered}, read_as + notes)


def _stage(staging: Path, files: dict[Path, str]) -> None:
    from tuyentruyen.project.files import atomic_write_many

    atomic_write_many({staging / p: t.encode("utf-8") for p, t in files.items()})


def _check(staging: Path) -> None:
    """The staged repository as its first `tt validate` and `tt fmt --check` see it: no error, every
    plan and registry already in tt fmt's layout (else it is tt's fault, said as such)."""
    from dataclasses import replace

    from tuyentruyen.check import check_files
    from tuyentruyen.edit.fmt import format_file
    from tuyentruyen.project.discover import PLANS_DIR, discover

    paths = discover([str(staging / PLANS_DIR)])
    bad = [p for f in check_files(paths) for p in f.problems if p.severity.value == "error" or p.fatal]
    untidy = [f.path for f in map(format_file, paths) if not f.ok or f.changed]
    if bad or untidy:
        here = str(staging) + os.sep  # named as in the repository: plans/2027.yaml
        bad = [replace(p, file=p.file.replace(here, "")) for p in bad]
        shown = ", ".join(str(Path(p).relative_to(staging)) for p in untidy if p is not None)
        raise InitError("Kho kế hoạch tt init vừa lập chưa đạt `tt validate` hoặc `tt fmt --check` nên chưa ghi gì."
                        + (f" Tệp chưa đúng định dạng: {shown}." if untidy else ""),
                        "Đây là lỗi của tt: hãy báo lỗi kèm lệnh đã chạy.", problems=bad)


def planned(year: int) -> list[Path]:
    """The files tt init writes for a plan of `year`, in the order it lists them."""
    return [Path(p) for p in ("README.md", "tt.toml", f"plans/{year}.yaml", "plans/units.yaml",
                              "docs/schema/plan.schema.json", "docs/schema/units.schema.json",
                              "docs/schema/progress.schema.json", ".vscode/settings.json", ".vscode/tasks.json",
                              ".vscode/extensions.json",
                              ".pre-commit-config.yaml", ".github/workflows/tt.yml", ".gitlab-ci.yml", ".gitignore")]


def conflicts(root: Path, paths) -> list[Path]:
    """The paths that exist already (or whose place is taken by a file where a folder must be)."""
    out = []
    for path in paths:
        if os.path.lexists(path):
            out.append(path)
            continue
        for parent in path.parents:
            if parent == root.parent or parent == parent.parent:
                break
            if os.path.lexists(parent) and not parent.is_dir():
                out.append(parent)
                break
    return out


def refuse_existing(root: Path, paths) -> None:
    """InitError naming the files in the way, when there are any."""
    from tuyentruyen.loading.source import display_name

    taken = conflicts(root, paths)
    if taken:
        shown = ", ".join(display_name(p) for p in taken[:8]) + (f" và {len(taken) - 8} tệp khác" if len(taken) > 8
                                                                  else "")
        raise InitError(f"tt init không ghi đè: đã có {shown}. Chưa ghi tệp nào.",
                        "Chạy tt init trong một thư mục trống (ví dụ `tt init ke-hoach-moi`), hoặc đổi tên, "
                        "chuyển các tệp đó đi rồi chạy lại. Thêm kế hoạch vào kho đã có: `tt new`.")


def write(repo: Repository) -> list[Path]:
    """Write every file of repo, or none: refused (before anything is written) when one exists."""
    from tuyentruyen.project.files import atomic_write_many

    refuse_existing(repo.root, repo.files)
    atomic_write_many({p: t.encode("utf-8") for p, t in repo.files.items()})
    return list(repo.files)
