"""The calendar of a repository (lịch ngày nghỉ của kho): the one calendar lint and new use.

:func:`calendar_for` builds a :class:`tuyentruyen.vn.calendar.Calendar` for some years from,
in order: the public holidays of the `holidays` library (cached on disk per installed
version of the library: building Tết by the lunar calendar costs ~0.15 s), the official
days tt ships for the years clerks plan (data/calendar.yaml), then the repository's own
files named in tt.toml ``lint.holidays``. Each layer can add days off and make-up working
days; a later layer wins.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from tuyentruyen.vn.calendar import Calendar, CalendarDataError, library_days_off, read_days


def _library(first: int, last: int) -> dict[dt.date, str]:
    from tuyentruyen.project.cache import cached_json

    raw = cached_json(f"holidays-VN-{first}-{last}", "holidays",
                      lambda: {d.isoformat(): name for d, name in library_days_off(first, last).items()})
    return {dt.date.fromisoformat(d): name for d, name in raw.items()}


@functools.cache
def _shipped() -> tuple[dict[dt.date, str], frozenset[dt.date], frozenset[dt.date]]:
    """The official days off and make-up days tt ships (data/calendar.yaml), if any."""
    from importlib.resources import files

    resource = files("tuyentruyen.data").joinpath("calendar.yaml")
    if not resource.is_file():
        return {}, frozenset(), frozenset()
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    days, work, not_off = read_days(yaml.load(resource.read_text("utf-8"), Loader=loader), "data/calendar.yaml")
    return days, frozenset(work), frozenset(not_off)


def read_days_file(path: Path) -> tuple[dict[dt.date, str], set[dt.date], set[dt.date]]:
    """A repository's days-off file (tt.toml `lint.holidays`); raises ConfigError."""
    import yaml

    from tuyentruyen.project.config import ConfigError
    from tuyentruyen.project.files import os_reason, read_text_bounded

    try:
        text = read_text_bounded(Path(path), 4 * 1024 * 1024)
        raw = yaml.safe_load(text)
    except OSError as exc:
        raise ConfigError(Path(path), f"Không đọc được tệp ngày nghỉ {Path(path).name}: {os_reason(exc)}.",
                          "Kiểm tra đường dẫn khai báo ở `lint.holidays` của tt.toml.") from None
    except UnicodeDecodeError:
        raise ConfigError(Path(path), f"Tệp ngày nghỉ {Path(path).name} phải được lưu ở mã UTF-8.",
                          "Mở tệp trong VS Code, chọn 'Save with Encoding' → 'UTF-8'.") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(Path(path), f"Tệp ngày nghỉ {Path(path).name} không đúng cú pháp YAML.",
                          "Tệp YAML có các khóa `days` (ngày nghỉ) và `workdays` (ngày làm bù), xem docs/config.md.",
                          mark.line + 1 if mark else 1, mark.column + 1 if mark else 1) from None
    try:
        return read_days(raw, f"Tệp ngày nghỉ {Path(path).name}")
    except CalendarDataError as exc:
        raise ConfigError(Path(path), str(exc),
                          "Tệp YAML có các khóa `days` (ngày nghỉ) và `workdays` (ngày làm bù), xem docs/config.md.") \
            from None


@functools.lru_cache(maxsize=16)
def _calendar(first: int, last: int, extra: tuple[Path, ...]) -> Calendar:
    cal = Calendar(_library(first, last))
    days, work, not_off = _shipped()
    cal = cal.merged(days, work, not_off)
    for path in extra:
        days, work, not_off = read_days_file(path)
        cal = cal.merged(days, work, not_off)
    return cal


def calendar_for(years: range | tuple[int, int], config=None) -> Calendar:
    """The calendar of the years given (first, last) for a repository's configuration
    (None: tt's own calendar only). The year before and after are included, so a deadline
    moved across New Year still finds its days off. Raises ConfigError for a bad file."""
    first, last = (years.start, years.stop - 1) if isinstance(years, range) else years
    extra = tuple(config.holidays) if config is not None else ()
    return _calendar(first - 1, last + 1, extra)
