"""Stress plans for the render tests (issue 13): built from the Hà Giang fixture, written as YAML.

- long_issuer: "Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Quảng Ngãi" under its parent body;
- long_title: a three-line trích yếu;
- many_rows: an appendix of 300 tasks in 6 groups;
- many_units: a task with 15 supporting units (and one with 5 leads, in the combined column).
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from tests.render.support import PLAN_DIR

UNITS_15 = [
    "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Thông tin và Truyền thông",
    "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Xây dựng", "Sở Công Thương",
    "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải",
    "Sở Lao động - Thương binh và Xã hội", "Văn phòng UBND tỉnh",
]
LONG_TITLE = ("Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính, kiểm soát thủ tục hành chính và chuyển "
              "đổi số năm 2027 của Ủy ban nhân dân phường Sài Gòn, Thành phố Hồ Chí Minh")


def base() -> dict:
    return yaml.safe_load((PLAN_DIR / "qd-ha-giang.yaml").read_text(encoding="utf-8"))


def long_issuer() -> dict:
    data = base()
    data["document"]["issuer"] = {"name": "Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Quảng Ngãi",
                                  "parent": "Ủy ban nhân dân tỉnh Quảng Ngãi"}
    return data


def long_title() -> dict:
    data = base()
    data["document"]["title"] = LONG_TITLE
    return data


def many_rows(n: int = 300, groups: int = 6) -> dict:
    data = base()
    tasks = data["appendix"]["tasks"]
    out = []
    for g in range(groups):
        group = {"title": f"Nhóm nhiệm vụ tuyên truyền thứ {g + 1} về cải cách hành chính", "tasks": []}
        for k in range(n // groups):
            t = copy.deepcopy(tasks[(g * 7 + k) % len(tasks)])
            t["id"] = f"nv-{g + 1}-{k + 1}"
            t.pop("quantity", None)
            group["tasks"].append(t)
        out.append(group)
    data["appendix"] = {"heading": "PHỤ LỤC", "title": data["appendix"]["title"], "groups": out}
    return data


def many_units() -> dict:
    data = base()
    tasks = data["appendix"]["tasks"]
    tasks[1]["support"] = list(UNITS_15)
    tasks[2]["lead"] = UNITS_15[:1]
    return data


def write(data: dict, folder: Path, name: str = "plan.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return path


STRESS = {"long-issuer": long_issuer, "long-title": long_title, "many-rows": many_rows, "many-units": many_units}
