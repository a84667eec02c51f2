"""Generated plans for the round-trip property: realistic plans in every shape the format allows.

Each draw is a plan a clerk could have written — a Kế hoạch or a Quyết định issuing one (with
the plan attached or inside Điều 1), any issuer kind (UBND of a province or a commune, a Sở
under its parent), căn cứ and documents implemented (structured or as text, dates in figures
or words), sections two and three levels deep numbered I./1./1.1. or I./1./a), items of every
marker with bullets and their own units and deadlines, duties of one or several units, a
closing, the signature (one to three authority lines), recipients, one appendix or several,
with or without groups, every column — with text drawn from the reference documents. The
texts are sentences of real plans, so that what the importer must tell apart (a heading from
an item, a unit from a sentence) is what it meets in real plans.
"""

from __future__ import annotations

from hypothesis import strategies as st

SENTENCES = [
    "Nâng cao nhận thức của cán bộ, công chức, viên chức và Nhân dân về cải cách hành chính.",
    "Tuyên truyền kịp thời các chủ trương, đường lối của Đảng; chính sách, pháp luật của Nhà nước về cải cách hành chính.",
    "Phát huy vai trò của cơ quan truyền thông, báo chí trong việc phản ánh chính xác, kịp thời những mặt tích cực.",
    "Công tác thông tin, tuyên truyền phải kịp thời, đầy đủ, thường xuyên, sâu rộng, có hiệu quả.",
    "Niêm yết công khai các thủ tục hành chính và bộ hồ sơ mẫu tại Bộ phận Một cửa các cấp.",
    "Thông qua các hoạt động của tổ chức Đảng, Đoàn thể, Hội quần chúng, Tổ công nghệ số cộng đồng...",
    "Định kỳ báo cáo kết quả thực hiện gửi về Sở Nội vụ để tổng hợp báo cáo UBND tỉnh.",
    "Hướng dẫn, theo dõi, đôn đốc các cơ quan báo chí tuyên truyền về nhiệm vụ trọng tâm năm 2023.",
    "Kinh phí thực hiện từ dự toán ngân sách nhà nước được giao hằng năm của các cơ quan, đơn vị.",
    "Tuyên truyền kết quả thực hiện công tác CCHC năm 2022, trong đó tập trung những nội dung cơ bản sau đây:",
    "Các hình thức tuyên truyền phải đa dạng, phong phú; nội dung thiết thực, ngắn gọn, chính xác, dễ hiểu.",
    "Tăng cường phối hợp, chia sẻ thông tin giữa các cơ quan hành chính nhà nước với các cơ quan truyền thông",
    "(Có Phụ lục một số nhiệm vụ trọng tâm năm 2023 đính kèm)",
]
BULLETS = [
    "Việc đổi mới, nâng cao chất lượng công tác xây dựng, ban hành văn bản quy phạm pháp luật;",
    "Tình hình, kết quả triển khai thực hiện sắp xếp tổ chức bộ máy các cơ quan hành chính;",
    "Kết quả xếp hạng chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và chỉ số CCHC (PAR INDEX).",
    "Những sáng kiến, giải pháp mới trong triển khai thực hiện công tác CCHC",
]
HEADINGS = [
    ("Mục đích, yêu cầu", [("Mục đích", "purpose"), ("Yêu cầu", "requirements")]),
    ("Đối tượng, nội dung, hình thức tuyên truyền", [("Đối tượng tuyên truyền", "audience"),
                                                    ("Nội dung tuyên truyền", "content"), ("Hình thức tuyên truyền", "forms")]),
    ("Giải pháp", []),
    ("Kinh phí thực hiện", []),
    ("Nội dung, hình thức, thời gian thực hiện", []),
]
DEEP = ["Cải cách thể chế và thủ tục hành chính", "Cải cách tổ chức bộ máy, công vụ", "Chính quyền số"]
UNITS = ["Sở Nội vụ", "Sở Tài chính", "Sở Thông tin và Truyền thông", "Văn phòng UBND tỉnh",
         "Đài Phát thanh - Truyền hình tỉnh", "Báo Hà Giang", "Sở Văn hóa, Thể thao và Du lịch",
         "Các sở, ban, ngành", "UBND các huyện, thành phố", "Trung tâm Phục vụ hành chính công tỉnh",
         "UBND các xã, phường", "Sở Kế hoạch và Đầu tư"]
FORMS = ["Viết tin, bài đăng trên báo và Trang thông tin điện tử", "Tổ chức hội nghị, tọa đàm",
         "Sản xuất phóng sự phát sóng trên Đài Phát thanh - Truyền hình tỉnh", "Tổ chức 01 lớp tập huấn, bồi dưỡng."]
CONTENT = ["Đẩy mạnh tuyên truyền kỷ luật, kỷ cương hành chính",
           "Tổ chức tập huấn, bồi dưỡng nghiệp vụ cải cách hành chính cho cán bộ, công chức",
           "Tuyên truyền về dịch vụ công trực tuyến toàn trình, trực tuyến một phần",
           "Xây dựng phóng sự về kết quả xếp hạng chỉ số cải cách hành chính (PAR INDEX)",
           "Cập nhật tin, bài về cải cách thủ tục hành chính trên Cổng thông tin điện tử tỉnh"]
TIMES = ["Thường xuyên", "Quý I/{y}", "Quý II, III/{y}", "Quý III- IV/{y}", "Định kỳ hằng quý", "Năm {y}",
         "Tháng 6/{y}", "trước ngày 15/3/{y}"]
ISSUERS = [  # name, header lines, parent, place, symbol, position
    ("Ủy ban nhân dân tỉnh Hà Giang", ["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG"], None, "Hà Giang", "UBND", "CHỦ TỊCH"),
    ("Ủy ban nhân dân xã Tân Trào", ["ỦY BAN NHÂN DÂN", "XÃ TÂN TRÀO"], None, "Tân Trào", "UBND", "CHỦ TỊCH"),
    ("Sở Nội vụ", ["SỞ NỘI VỤ"], "UBND TỈNH QUẢNG NGÃI", "Quảng Ngãi", "SNV", "GIÁM ĐỐC"),
]
BASES = [
    {"type": "Luật", "name": "Tổ chức chính quyền địa phương", "date": "19/6/2015"},
    {"type": "Luật", "name": "Tổ chức chính quyền địa phương", "date": "ngày 16 tháng 6 năm 2025"},
    {"type": "Nghị quyết", "number": "76/NQ-CP", "date": "15/7/2021", "issuer": "Chính phủ",
     "subject": "ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030"},
    {"type": "Chỉ thị", "number": "23/CT-TTg", "date": "02/9/2021", "issuer": "Thủ tướng Chính phủ",
     "subject": "về đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030"},
    "các văn bản hướng dẫn của Bộ Nội vụ về công tác cải cách hành chính",
]
IMPLEMENTS = [
    {"type": "Kế hoạch", "number": "21/KH-UBND", "date": "18/01/{y}", "issuer": "UBND tỉnh",
     "subject": "về thông tin, tuyên truyền cải cách hành chính năm {y}"},
    {"type": "Quyết định", "number": "2250/QĐ-UBND", "date": "09/12/{p}", "issuer": "UBND tỉnh",
     "subject": "về kế hoạch cải cách hành chính năm {y}"},
]
RECIPIENTS = ["Như Điều 3", "Bộ Nội vụ", "TTr Tỉnh ủy", "Chủ tịch, các PCT UBND tỉnh", "Báo Hà Giang, Đài PT-TH tỉnh",
              "Các sở, ban, ngành", "UBND các xã, phường (báo cáo)"]


def _fill(value, year):
    if isinstance(value, dict):
        return {k: _fill(v, year) for k, v in value.items()}
    return value.replace("{y}", str(year)).replace("{p}", str(year - 1)) if isinstance(value, str) else value


@st.composite
def items(draw, marker: str, duty: bool):
    out = []
    for _ in range(draw(st.integers(1, 4))):
        text = draw(st.sampled_from(SENTENCES))
        item: dict = {"text": text}
        if marker != "none" and draw(st.integers(0, 3)) == 0:
            item["bullets"] = draw(st.lists(st.sampled_from(BULLETS), min_size=1, max_size=3))
        if duty and draw(st.integers(0, 4)) == 0:
            item["unit"] = draw(st.sampled_from(["Trung tâm Phục vụ hành chính công tỉnh", "Ban Thi đua - Khen thưởng tỉnh"]))
        if draw(st.integers(0, 5)) == 0:
            item["due"] = draw(st.sampled_from(["Quý II/2024", "trước ngày 15/12/2024"]))
        out.append(item if len(item) > 1 else text)
    return out


@st.composite
def body(draw, duty: bool = False, numbers: bool = True):
    """numbers: whether items may be numbered 1., 2. (not where numbered sub-sections follow,
    which a printed document could not tell from them)."""
    out: dict = {}
    if draw(st.booleans()):
        out["text"] = [draw(st.sampled_from(SENTENCES))]
    if draw(st.integers(0, 3)):
        marker = draw(st.sampled_from(["letter", "dash", "number", "none"] if numbers else ["letter", "dash", "none"]))
        out["marker"] = marker
        out["items"] = draw(items(marker, duty))
    if draw(st.integers(0, 4)) == 0:
        out["closing"] = [draw(st.sampled_from(SENTENCES))]
    if draw(st.integers(0, 5)) == 0:
        out["due"] = draw(st.sampled_from(["Thường xuyên", "Quý III/2024"]))
    if not out:
        out["text"] = [draw(st.sampled_from(SENTENCES))]
    return out


@st.composite
def sections(draw, letters: bool):
    out = []
    chosen = draw(st.lists(st.sampled_from(range(len(HEADINGS))), min_size=1, max_size=3, unique=True))
    for k in chosen:
        heading, subs = HEADINGS[k]
        sec: dict = {"heading": heading}
        if subs:
            sec["sections"] = []
            for sub_heading, kind in subs:
                sub = {"heading": sub_heading, "kind": kind}
                if draw(st.integers(0, 3)) == 0:
                    sub["sections"] = [{"heading": h, **draw(body())} for h in DEEP[:draw(st.integers(1, 3))]]
                else:
                    sub.update(draw(body()))
                sec["sections"].append(sub)
        else:
            sec.update(draw(body()))
        out.append(sec)
    duties = []
    for _ in range(draw(st.integers(1, 3))):
        units = draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=2, unique=True))
        duty = {"unit": units if len(units) > 1 else units[0], **draw(body(duty=True, numbers=False))}
        if draw(st.integers(0, 4)) == 0:
            duty["heading"] = "Đề nghị " + (" và ".join(units))
        duties.append(duty)
    out.append({"heading": "Tổ chức thực hiện", "kind": "organization", "duties": duties})
    return out


@st.composite
def tasks(draw, year: int, columns: set[str]):
    out = []
    for _ in range(draw(st.integers(1, 5))):
        lead = draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=2, unique=True))
        task: dict = {"id": "x", "content": draw(st.sampled_from(CONTENT)),
                      "lead": lead if len(lead) > 1 else lead[0]}
        support = draw(st.lists(st.sampled_from([u for u in UNITS if u not in lead]), max_size=3, unique=True))
        if support:
            task["support"] = support
        if "forms" in columns and draw(st.booleans()):
            task["forms"] = draw(st.lists(st.sampled_from(FORMS), min_size=1, max_size=2, unique=True))
        if draw(st.integers(0, 6)):
            task["due"] = draw(st.sampled_from(TIMES)).format(y=year)
        for key, values in (("quantity", ["4 bài", "01 lớp, 40 người"]), ("budget", ["50.000.000 đồng"]),
                            ("notes", ["Kinh phí từ nguồn CCHC"])):
            if key in columns and draw(st.booleans()):
                task[key] = draw(st.sampled_from(values))
        out.append(task)
    return out


@st.composite
def appendix(draw, year: int):
    columns = set(draw(st.lists(st.sampled_from(["forms", "quantity", "budget", "notes"]), max_size=4, unique=True)))
    out: dict = {"title": draw(st.sampled_from([f"CÁC NHIỆM VỤ TRỌNG TÂM NĂM {year}",
                                                 f"Nội dung công việc truyền thông năm {year}"]))}
    if draw(st.booleans()):
        out["heading"] = "DANH MỤC"
    if draw(st.booleans()):
        out["padded"] = True
    if draw(st.booleans()):
        out["groups"] = [{"title": t, "tasks": draw(tasks(year, columns))}
                         for t in draw(st.lists(st.sampled_from(["Tuyên truyền chung", "Tập huấn, bồi dưỡng",
                                                                 "Truyền thông về dịch vụ công trực tuyến"]),
                                                min_size=1, max_size=3, unique=True))]
    else:
        out["tasks"] = draw(tasks(year, columns))
    return out


@st.composite
def plans(draw) -> dict:
    """The data of a plan (ids are numbered when written)."""
    year = draw(st.integers(2023, 2027))
    name, header, parent, place, org, position = draw(st.sampled_from(ISSUERS))
    decision = draw(st.booleans())
    issuer: dict = {"name": name}
    if draw(st.booleans()):
        issuer["header"] = header
    if parent:
        issuer["parent"] = parent
    scope = "" if "tỉnh" in name else " trên địa bàn tỉnh Hà Giang"
    title = f"Tuyên truyền cải cách hành chính năm {year}{scope}"
    doc: dict = {"type": "quyet-dinh" if decision else "ke-hoach", "issuer": issuer,
                 "symbol": ("QĐ-" if decision else "KH-") + org, "place": place,
                 "title": ("Về việc ban hành Kế hoạch " + title[0].lower() + title[1:]) if decision else title}
    if draw(st.integers(0, 4)):
        doc["number"] = draw(st.integers(1, 2400))
        doc["date"] = f"{draw(st.integers(1, 28)):02d}/{draw(st.integers(1, 12)):02d}/{year - 1}"
    if draw(st.booleans()):
        doc["bases"] = draw(st.lists(st.sampled_from(BASES), min_size=1, max_size=3, unique_by=str))
    if draw(st.integers(0, 2)) == 0:
        doc["proposal"] = "Giám đốc Sở Nội vụ tại Tờ trình số 551/TTr-SNV ngày 12 tháng 12 năm 2022"
    authority = draw(st.sampled_from([[], ["KT. " + position], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]]))
    signer: dict = {"position": "PHÓ " + position if authority else position}
    if authority:
        signer["authority"] = authority
    if draw(st.booleans()):
        signer["name"] = draw(st.sampled_from(["Nguyễn Văn Sơn", "Đặng Văn Minh", "Nguyễn Thị Cát Tiên"]))
    doc["signer"] = signer
    doc["recipients"] = draw(st.lists(st.sampled_from(RECIPIENTS), min_size=1, max_size=5, unique=True))
    doc["archive"] = draw(st.sampled_from(["VT", "VT, NC", "VT, PVHCC, ĐM"]))
    if draw(st.booleans()):
        doc["copies"] = draw(st.integers(1, 80))
    plan: dict = {"year": year}
    if decision:
        plan["title"] = title
        if draw(st.booleans()):
            plan["attached_line"] = "kem-theo"
    implements = draw(st.lists(st.sampled_from(IMPLEMENTS), max_size=2, unique_by=str))
    if implements:
        plan["implements"] = [_fill(c, year) for c in implements]
        if len(implements) > 1 and draw(st.booleans()):
            plan["implements_layout"] = "paragraphs"
    if draw(st.booleans()):
        plan["intro"] = f"Chủ tịch UBND tỉnh ban hành Kế hoạch tuyên truyền cải cách hành chính năm {year} như sau:"
    numbering = draw(st.sampled_from([None, ["roman", "number", "letter"], ["number", "letter"], ["number", "nested"]]))
    plan["sections"] = draw(sections(numbering is not None))
    if numbering:
        plan["numbering"] = numbering
    if draw(st.booleans()):
        plan["closing"] = f"Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm {year}./."
    data: dict = {"tt": 1, "document": doc}
    if decision:
        dec: dict = {}
        if draw(st.booleans()):
            dec["executors"] = ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ"]
        if draw(st.integers(0, 3)) == 0:
            dec["layout"] = "article"
        elif draw(st.integers(0, 4)) == 0:  # articles written by hand
            dec["articles"] = [f"Phê duyệt Kế hoạch tuyên truyền cải cách hành chính năm {year}.",
                               "Giao Sở Nội vụ hướng dẫn, kiểm tra việc thực hiện.",
                               "Quyết định này có hiệu lực kể từ ngày ký."]
        data["decision"] = dec
    data["plan"] = plan
    count = draw(st.sampled_from([0, 1, 1, 2]))
    if count == 1:
        data["appendix"] = draw(appendix(year))
    elif count == 2:
        data["appendices"] = [draw(appendix(year)), draw(appendix(year))]
    k = 0
    for a in data.get("appendices", []) + ([data["appendix"]] if "appendix" in data else []):
        for t in [t for g in a.get("groups", []) for t in g["tasks"]] + a.get("tasks", []):
            k += 1
            t["id"] = f"nv-{k}"
    return data
