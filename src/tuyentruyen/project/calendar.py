"""The calendar of a repository (lịch ngày nghỉ của kho): the one calendar lint and new use.

:func:`calendar_for` builds a :class:`tuyentruyen.vn.calendar.Calendar` for some years from,
in order: the public holidays of the `holidays` library (cached on disk per installed
version of the library: building Tết by the lunar calendar costs ~0.15 s), the official
days tt ships for the years clerks plan (data/calendar.yaml), then the repository's own
files named in tt.toml ``lint.holidays`` (read and checked with tt.toml). Each layer can add days off and make-up working
days; a later layer wins.
"""

from __future__ import annotations

import datetime as dt
import functools

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


@functools.lru_cache(maxsize=16)
def _calendar(first: int, last: int, extra: tuple) -> Calendar:
    cal = Calendar(_library(first, last))
    days, work, not_off = _shipped()
    cal = cal.merged(days, work, not_off)
    for days_items, work, not_off in extra:  # each file of lint.holidays, read with tt.toml
        cal = cal.merged(dict(days_items), work, not_off)
    return cal


def calendar_for(years: range | tuple[int, int], config=None) -> Calendar:
    """The calendar of the years given (first, last) for a repository's configuration
    (None: tt's own calendar only). The year before and after are included, so a deadline
    moved across New Year still finds its days off. The repository's files were read and
    checked with tt.toml (tuyentruyen.project.config)."""
    first, last = (years.start, years.stop - 1) if isinstance(years, range) else years
    extra = tuple(config.holiday_days) if config is not None else ()
    return _calendar(first - 1, last + 1, extra)
