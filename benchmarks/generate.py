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


# ---------------------------------------------------------------- a country's repository (2027)

PROVINCE_DEPARTMENTS = [  # the departments a commune's plan names (after the 2025 mergers)
    ("so-noi-vu", "Sở Nội vụ", ["SNV"]),
    ("so-tai-chinh", "Sở Tài chính", ["STC"]),
    ("so-khcn", "Sở Khoa học và Công nghệ", ["Sở KH&CN"]),
    ("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", ["Sở VHTTDL"]),
]
COMMUNE_ROOMS = [
    ("van-phong", "Văn phòng HĐND và UBND", "van-phong"),
    ("phong-kinh-te", "Phòng Kinh tế", "phong"),
    ("phong-vhxh", "Phòng Văn hóa - Xã hội", "phong"),
    ("trung-tam-phvhcc", "Trung tâm Phục vụ hành chính công", "trung-tam"),
]
COMMUNE_CONTENT = [
    "Tuyên truyền các văn bản của Trung ương, của tỉnh về cải cách hành chính đến cán bộ, công chức và Nhân dân",
    "Hướng dẫn người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến toàn trình và thanh toán trực tuyến",
    "Niêm yết công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công",
    "Đăng tải tin, bài về kết quả cải cách hành chính trên trang thông tin điện tử",
    "Phát thanh các chuyên mục về cải cách thủ tục hành chính trên hệ thống truyền thanh cơ sở",
    "Lồng ghép tuyên truyền cải cách hành chính trong các hội nghị, sinh hoạt của thôn, tổ dân phố",
    "Tuyên truyền về chuyển đổi số, chính quyền số và Đề án 06 đến người dân",
]
COMMUNE_FORMS = ["Tin, bài", "Hội nghị", "Pano, áp phích", "Hệ thống truyền thanh", "Mạng xã hội", "Tờ rơi"]
COMMUNE_TIMES = ["Thường xuyên", "Quý I/{y}", "Quý II/{y}", "Quý III/{y}", "Quý II, III/{y}", "Tháng 6/{y}",
                 "Tháng 9/{y}", "Năm {y}", "Định kỳ hằng quý"]


def _q(text: str) -> str:
    """A value for the generated YAML: plain, or single-quoted when a comma or colon could mislead."""
    return f"'{text}'" if any(c in text for c in ",:#[]{}") or text[:1] in "-?&*!|>'\"%@`" else text


def _in_2027(text: str, province: str) -> str:
    """A provincial file of plan_text/units_text as of 2027: the province's name, no district level,
    the merged departments; one folder deeper (plans/<province>/)."""
    for old, new in (("Hà Giang", province.split(" ", 1)[1]), ("UBND các huyện, thành phố", "UBND các xã, phường"),
                     ("ubnd-huyen", "ubnd-xa"), ("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"),
                     ("Sở TT&TT", "Sở KH&CN"), ("so-tttt", "so-khcn"), ("../docs/schema", "../../docs/schema")):
        text = text.replace(old, new)
    return text


def _places():
    """(province name, [commune full names]) of the 34 provinces (tuyentruyen.vn.admin)."""
    from datetime import date

    from tuyentruyen.vn.admin import national

    nat = national()
    day = date(2027, 1, 1)
    return [(p.full_name, [c.full_name for c in nat.communes(p.code, on=day)]) for p in nat.provinces(on=day)]


def commune_units(province: str, commune: str) -> str:
    out = ["# yaml-language-server: $schema=../../../docs/schema/units.schema.json",
           f"# Sổ đơn vị của UBND {commune}, {province} (năm 2027).", "tt: 1", f"issuer: Ủy ban nhân dân {commune}",
           "units:", "  - id: ubnd-xa", f"    name: Ủy ban nhân dân {commune}", "    short: [UBND xã]", "    kind: ubnd",
           "  - id: ubnd-tinh", f"    name: Ủy ban nhân dân {province}", "    short: [UBND tỉnh]", "    kind: ubnd",
           "  - id: mttq-xa", "    name: Ủy ban Mặt trận Tổ quốc Việt Nam xã", "    kind: doan-the",
           "  - id: cac-phong", "    name: Các phòng, đơn vị thuộc UBND xã", "    kind: nhom"]
    for uid, name, kind in COMMUNE_ROOMS:
        out += [f"  - id: {uid}", f"    name: {name}", f"    kind: {kind}", "    groups: [cac-phong]"]
    for uid, name, short in PROVINCE_DEPARTMENTS:
        out += [f"  - id: {uid}", f"    name: {name}", "    kind: so"]
    return "\n".join(out) + "\n"


def commune_plan(province: str, commune: str, seed: int, n_tasks: int = 24, year: int = 2027) -> str:
    """A commune's plan for 2027, shaped like the template of `tt new` grown to a real plan's size
    (sections, duties of each room, an appendix of tasks): about 15 KB."""
    rnd = random.Random(seed)
    rooms = [r[1] for r in COMMUNE_ROOMS]
    out = [
        "# yaml-language-server: $schema=../../../docs/schema/plan.schema.json",
        "tt: 1",
        "document:",
        "  type: ke-hoach",
        "  issuer:",
        f"    name: Ủy ban nhân dân {commune}",
        "    short: UBND xã",
        f"  number: {rnd.randint(1, 99)}",
        "  symbol: KH-UBND",
        f"  place: {commune.split(' ', 1)[1]}",
        f"  date: 15/01/{year}",
        f"  title: Tuyên truyền cải cách hành chính năm {year}",
        "  signer:",
        "    prefix: KT.",
        "    on_behalf: CHỦ TỊCH",
        "    position: PHÓ CHỦ TỊCH",
        f"    name: Nguyễn Văn {rnd.choice(['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Lan', 'Minh', 'Sơn'])}",
        "  recipients:",
        "    - UBND tỉnh",
        "    - Sở Nội vụ",
        *[f"    - {r}" for r in rooms],
        "  archive: VT, VP",
        "plan:",
        f"  year: {year}",
        f"  intro: 'UBND xã ban hành Kế hoạch tuyên truyền cải cách hành chính năm {year} như sau:'",
        "  sections:",
        "    - heading: Mục đích, yêu cầu",
        "      sections:",
        "        - heading: Mục đích",
        "          kind: purpose",
        "          items:",
        *[f"            - {rnd.choice(COMMUNE_CONTENT)} trên địa bàn xã, góp phần nâng cao chất lượng phục vụ "
          f"người dân, doanh nghiệp (ý {k + 1})." for k in range(4)],
        "        - heading: Yêu cầu",
        "          kind: requirements",
        "          items:",
        *[f"            - Công tác tuyên truyền phải kịp thời, thường xuyên, có trọng tâm, phù hợp với từng đối "
          f"tượng (yêu cầu {k + 1})." for k in range(3)],
        "    - heading: Nội dung tuyên truyền",
        "      kind: content",
        "      items:",
        *[f"        - {c}." for c in rnd.sample(COMMUNE_CONTENT, 5)],
        "    - heading: Hình thức tuyên truyền",
        "      kind: forms",
        "      items:",
        *[f"        - Tuyên truyền qua {f.lower()} của xã." for f in COMMUNE_FORMS],
        "    - heading: Tổ chức thực hiện",
        "      kind: organization",
        "      duties:",
    ]
    for room in rooms:
        out += [f"        - unit: {room}", "          items:"]
        out += [f"            - {rnd.choice(COMMUNE_CONTENT)}; báo cáo kết quả về UBND xã trước ngày 15 của "
                f"tháng cuối quý (nhiệm vụ {k + 1})." for k in range(3)]
    out += [f"  closing: Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm {year} của UBND xã.",
            "appendix:", f"  title: CÁC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM {year}", "  groups:"]
    for g in range(3):
        out += [f"    - title: Nhóm nhiệm vụ {g + 1}", "      tasks:"]
        for i in range(g * n_tasks // 3, (g + 1) * n_tasks // 3):
            lead = rnd.choice(rooms)
            support = rnd.choice([r for r in rooms if r != lead])
            out += [f"        - id: nv-{i + 1:02d}", f"          content: {rnd.choice(COMMUNE_CONTENT)} (đợt {i + 1})",
                    f"          forms: [{', '.join(_q(f) for f in rnd.sample(COMMUNE_FORMS, 2))}]",
                    f"          lead: {lead}", f"          support: [{support}]",
                    f"          due: {rnd.choice(COMMUNE_TIMES).format(y=year)}"]
    return "\n".join(out) + "\n"


def write_country(root: Path, provinces: int | None = None, communes_per_province: int | None = None) -> dict:
    """A country's plans repository under root: plans/<province>/{units.yaml, 2027.yaml} and
    plans/<province>/<commune>/{units.yaml, 2027.yaml} for the 34 provinces and 3,321 communes
    (names from tuyentruyen.vn.admin). Returns the counts."""
    from tuyentruyen.vn.text import slug

    places = _places()[:provinces]
    counts = {"provinces": 0, "communes": 0, "files": 0, "bytes": 0}

    def put(path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        counts["files"] += 1
        counts["bytes"] += len(data)

    for k, (province, communes) in enumerate(places):
        folder = root / "plans" / slug(province, "tinh")
        put(folder / "units.yaml", _in_2027(units_text(), province))
        put(folder / "2027.yaml", _in_2027(plan_text(100, year=2027, seed=k), province))
        counts["provinces"] += 1
        for j, commune in enumerate(communes[:communes_per_province]):
            sub = folder / slug(commune, "xa")
            put(sub / "units.yaml", commune_units(province, commune))
            put(sub / "2027.yaml", commune_plan(province, commune, seed=k * 1000 + j))
            counts["communes"] += 1
    return counts
