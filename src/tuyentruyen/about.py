"""What tt says about itself (`tt --version`, `tt init`): its version, the versions of the data it
judges plans by, and where it comes from.

A plan is judged against the units, holidays and format in force on its date, and those come
from data shipped with tt: the national list of administrative units (data/admin/units.json,
its source packages and the day it was generated), the public holidays (the `holidays`
library, plus data/calendar.yaml) and the plan format with its JSON Schema. A clerk or a CI
log that says which tt ran says which data judged the plan.

Cheap on purpose (`tt --version` runs without typer, in ~30 ms): the meta of units.json is
read from the head of the file (tuyentruyen.vn.admin.meta), the library's version from the
name of its installed ``*.dist-info`` folder (importlib.metadata alone costs ~70 ms).

PROJECT_URL is where tt's source lives: the one place that says it. `tt init` pins the plans
repository it makes to it (the GitHub Action ``owner/name@v<version>``, the pip source of the
GitLab job) and pyproject.toml's ``[project.urls]`` repeats it (a test keeps them equal). An
organisation that keeps its own copy of tt (a fork, an internal git server) changes it here,
or gives `tt init --tt-source <its git URL>`.
"""

from __future__ import annotations

import os
import sys

from tuyentruyen import __version__

# The version of the plan format that the models (tuyentruyen.model.plan: "định dạng 1.1") and the
# JSON Schema (`tt schema`, the same title) implement; files still say `tt: 1` (1.1 only adds
# keys). tests/install/test_version.py fails when the model's title says another version.
PLAN_FORMAT = "1.1"

PROJECT_URL = "https://github.com/tuyentruyen/tt"


def distribution_version(name: str) -> str | None:
    """The installed version of a distribution, from its `<name>-<version>.dist-info` folder on
    sys.path (the one Python imports first), without importlib.metadata."""
    wanted = _normal(name)
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in names:
            if folder.endswith(".dist-info"):
                dist, _, version = folder[:-len(".dist-info")].rpartition("-")
                if _normal(dist) == wanted:
                    return version
    return None


def _normal(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # 3.321, as Vietnamese writes it


def _day(iso: str | None) -> str:
    if not iso:
        return "không rõ ngày"
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def data_lines() -> list[str]:
    """One line for each kind of data tt judges plans by, in Vietnamese."""
    from tuyentruyen.vn import admin

    try:
        meta = admin.meta()
    except (OSError, ValueError):  # a damaged install: say so rather than fail --version
        units = "đơn vị hành chính: không đọc được data/admin/units.json (hãy cài lại tt)"
    else:
        sources = ", ".join(f"{s.get('package')} {s.get('version')}" for s in meta.get("sources") or ())
        current = ((meta.get("counts") or {}).get("current") or {}).get("tiers") or {}
        counts = (f"; hiện hành {current['province']} tỉnh, thành phố và {_thousands(current['commune'])} xã, "
                  "phường, đặc khu") if {"province", "commune"} <= current.keys() else ""
        units = (f"đơn vị hành chính: danh sách tạo ngày {_day(meta.get('generated'))}"
                 + (f" từ {sources}" if sources else "") + counts)
    holidays = distribution_version("holidays")
    days_off = (f"ngày nghỉ: thư viện holidays {holidays}" if holidays else
                "ngày nghỉ: chưa cài thư viện holidays (hãy cài lại tt)") + \
        ", cùng các ngày hoán đổi, làm bù trong data/calendar.yaml của tt"
    plan_format = f"định dạng kế hoạch: {PLAN_FORMAT} (tệp ghi `tt: 1`), lược đồ JSON Schema cùng phiên bản (`tt schema`)"
    return [plan_format, units, days_off]


def version_text() -> str:
    """The text of `tt --version` (ends with a new line)."""
    lines = [f"tt (tuyentruyen) {__version__}", "Dữ liệu:"]
    lines += [f"  {line}" for line in data_lines()]
    return "\n".join(lines) + "\n"
