"""Generate plans shaped like the real ones (Hà Giang/Quảng Ngãi), of any number of tasks.

Used by every benchmark script: `python benchmarks/generate.py 1000 out/plan.yaml` writes a
plan and its units.yaml beside it.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

UNITS = [
    ("so-noi-vu", "Sở Nội vụ", "so", ["SNV"], []),
    ("so-tai-chinh", "Sở Tài chính", "so", ["STC"], []),
    ("so-tttt", "Sở Thông tin và Truyền thông", "so", ["Sở TT&TT"], []),
    ("van-phong-ubnd", "Văn phòng UBND tỉnh", "van-phong", ["VP UBND tỉnh"], ["Văn phòng Ủy ban nhân dân tỉnh"]),
    ("dai-pt-th", "Đài Phát thanh - Truyền hình tỉnh", "bao-dai", ["Đài PT-TH tỉnh"],
     ["Đài Phát thanh và Truyền hình tỉnh"]),
    ("bao-tinh", "Báo Hà Giang", "bao-dai", [], []),
    ("cac-so", "Các sở, ban, ngành", "nhom", [], ["Các sở, ban ngành"]),
    ("ubnd-huyen", "UBND các huyện, thành phố", "nhom", [], []),
]
CONTENT = [
    "Đẩy mạnh tuyên truyền kỷ luật, kỷ cương hành chính",
    "Tổ chức tập huấn, bồi dưỡng nghiệp vụ cải cách hành chính cho cán bộ, công chức",
    "Tuyên truyền về dịch vụ công trực tuyến toàn trình, trực tuyến một phần",
    "Xây dựng phóng sự về kết quả xếp hạng chỉ số cải cách hành chính (PAR INDEX)",
    "Cập nhật tin, bài về cải cách thủ tục hành chính trên Cổng thông tin điện tử tỉnh",
]
FORMS = ["Viết tin, bài đăng trên báo và Trang thông tin điện tử", "Tổ chức hội nghị, tọa đàm",
         "Sản xuất phóng sự phát sóng trên Đài Phát thanh - Truyền hình tỉnh"]
TIMES = ["Thường xuyên", "Quý I/{y}", "Quý II, III/{y}", "Quý III- IV/{y}", "Định kỳ hằng quý", "Năm {y}",
         "Tháng 6/{y}"]


def plan_text(n_tasks: int, year: int = 2024, seed: int = 1, per_group: int = 25) -> str:
    rnd = random.Random(seed)
    leads = [u[1] for u in UNITS if u[2] != "nhom"]
    out = [
        "# yaml-language-server: $schema=../docs/schema/plan.schema.json",
        "tt: 1",
        "document:",
        "  type: ke-hoach",
        "  issuer:",
        "    name: Ủy ban nhân dân tỉnh Hà Giang",
        "  number: 25",
        "  symbol: KH-UBND",
        "  place: Hà Giang",
        f"  date: 15/01/{year}",
        f"  title: Tuyên truyền cải cách hành chính năm {year} trên địa bàn tỉnh Hà Giang",
        "  signer:",
        "    prefix: KT.",
        "    on_behalf: CHỦ TỊCH",
        "    position: PHÓ CHỦ TỊCH",
        "    name: Nguyễn Văn Sơn",
        "  recipients:",
        *[f"    - {u[1]}" for u in UNITS],
        "  archive: VT, NC",
        "plan:",
        f"  year: {year}",
        "  sections:",
        "    - heading: Mục đích, yêu cầu",
        "      kind: purpose",
        "      items:",
        "        - Nâng cao nhận thức của cán bộ, công chức, viên chức và Nhân dân về cải cách hành chính.",
        "appendix:",
        f"  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM {year}",
        "  groups:",
    ]
    for i in range(n_tasks):
        if i % per_group == 0:
            out += [f"    - title: Nhóm nhiệm vụ số {i // per_group + 1} về cải cách hành chính", "      tasks:"]
        lead = rnd.choice(leads)
        support = rnd.sample([x for x in leads if x != lead], 2)
        out += [
            f"        - id: nv-{i + 1:05d}",
            f"          content: {rnd.choice(CONTENT)} (đợt {i + 1})",
            "          forms:",
            f"            - {rnd.choice(FORMS)}",
            f"          lead: {lead}",
            "          support:",
            f"            - {support[0]}",
            f"            - {support[1]}",
            f"          due: {rnd.choice(TIMES).format(y=year)}",
        ]
    return "\n".join(out) + "\n"


def units_text() -> str:
    out = ["# yaml-language-server: $schema=../docs/schema/units.schema.json", "tt: 1", "units:"]
    for uid, name, kind, short, aliases in UNITS:
        out += [f"  - id: {uid}", f"    name: {name}", f"    kind: {kind}"]
        if short:
            out.append(f"    short: [{', '.join(short)}]")
        if aliases:
            out.append("    aliases:")
            out += [f"      - {a}" for a in aliases]
        if kind == "so":
            out.append("    groups: [cac-so]")
    return "\n".join(out) + "\n"


def write_plan(n_tasks: int, path: Path, **kw) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(plan_text(n_tasks, **kw), encoding="utf-8")
    (path.parent / "units.yaml").write_text(units_text(), encoding="utf-8")
    return path


if __name__ == "__main__":
    write_plan(int(sys.argv[1]), Path(sys.argv[2]))
