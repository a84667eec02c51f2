"""`tt new` across the 2025 reorganisation (issue 10, parts 2 and 4): the starter registry built
on the national list with the departments and rooms of the templates, and a pre-merger plan moved
to 2027 — ended units replaced by their one successor or marked with the candidates, the issuer's
header and place following its new unit, the result validated, the notes listing every change."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import yaml

from tests.conftest import PLANS, ROOT, run_tt
from tuyentruyen import api


def repo(tmp_path: Path, *samples: str) -> Path:
    (tmp_path / "plans").mkdir()
    for sample in samples:
        shutil.copytree(PLANS / sample, tmp_path / "plans" / sample)
    shutil.copytree(ROOT / "docs" / "schema", tmp_path / "docs" / "schema")
    return tmp_path


def problems(path: Path, cwd: Path) -> list[dict]:
    return json.loads(run_tt("lint", "--format", "json", str(path.relative_to(cwd)), cwd=cwd).out)["problems"]


# ---------------------------------------------------------------- the clerk of a commune, from the template


def test_a_commune_gets_a_registry_on_the_national_list_with_its_rooms(tmp_path):
    root = repo(tmp_path)
    res = run_tt("new", "--year", "2027", "--issuer", "Ủy ban nhân dân xã Bắc Mê", cwd=root)
    assert res.code == 0, res.text
    assert ("sổ đơn vị mới plans/units.yaml dựa trên danh sách đơn vị hành chính quốc gia cho tỉnh Tuyên Quang "
            "(`extends: national`") in res.out
    registry = yaml.safe_load((root / "plans" / "units.yaml").read_text("utf-8"))
    assert (registry["extends"], registry["province"]) == ("national", "Tuyên Quang")
    names = [u["name"] for u in registry["units"]]
    assert names[:4] == ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", "Phòng Kinh tế",
                         "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công xã"]
    assert "Sở Khoa học và Công nghệ" in names and "Thanh tra tỉnh" in names
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" not in names  # the room of a phường
    assert "# - id: so-dan-toc-ton-giao" in (root / "plans" / "units.yaml").read_text("utf-8")  # offered, off
    plan = api.load_plan(root / "plans" / "2027.yaml").plan
    assert plan.document.issuer.header == ["ỦY BAN NHÂN DÂN", "XÃ BẮC MÊ"] and plan.document.issuer.parent is None
    assert plan.document.place == "Bắc Mê"
    assert run_tt("fmt", "--check", "plans/units.yaml", cwd=root).code == 0


def test_the_clerks_walk_support_of_an_abolished_district(tmp_path):
    root = repo(tmp_path)
    assert run_tt("new", "--year", "2027", "--issuer", "Ủy ban nhân dân xã Bắc Mê", cwd=root).code == 0
    path = root / "plans" / "2027.yaml"
    text = path.read_text("utf-8")
    text = text.replace("      lead: Ủy ban nhân dân xã Bắc Mê\n      due: Thường xuyên",
                        "      lead: Ủy ban nhân dân xã Bắc Mê\n      support: UBND huyện Bắc Mê\n      due: Thường xuyên", 1)
    path.write_text(text, "utf-8")
    [p] = [p for p in problems(path, root) if p["code"].startswith("TT-R")]
    assert p["code"] == "TT-R007"
    assert p["message"] == "Ủy ban nhân dân huyện Bắc Mê chỉ tồn tại đến ngày 30/06/2025, trước năm kế hoạch 2027."
    assert p["hint"] == ("Giao việc cho đơn vị kế thừa: Ủy ban nhân dân xã Ngọc Đường, xã Minh Sơn, xã Giáp Trung, "
                         "xã Bắc Mê, xã Minh Ngọc, xã Yên Cường, xã Đường Hồng.")
    # the hint of a registry without the national list was "add it to units.yaml": it no longer silences it
    with (root / "plans" / "units.yaml").open("a", encoding="utf-8") as f:
        f.write("  - id: ubnd-huyen-bac-me\n    name: UBND huyện Bắc Mê\n    kind: ubnd\n")
    [p] = [p for p in problems(path, root) if p["code"].startswith("TT-R")]
    assert p["code"] == "TT-R014" and "huyện Bắc Mê (tỉnh Hà Giang) không còn từ ngày 01/07/2025" in p["message"]


def test_a_phuong_gets_the_rooms_of_a_phuong(tmp_path):
    root = repo(tmp_path)
    assert run_tt("new", "--year", "2027", "--issuer", "Ủy ban nhân dân phường Hà Giang 1", cwd=root).code == 0
    names = [u["name"] for u in yaml.safe_load((root / "plans" / "units.yaml").read_text("utf-8"))["units"]]
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in names and "Phòng Kinh tế" not in names
    assert "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường" in names


def test_a_commune_name_of_several_provinces_asks_for_the_province(tmp_path):
    root = repo(tmp_path)
    res = run_tt("new", "--year", "2027", "--issuer", "Ủy ban nhân dân xã Tân Phú", cwd=root)
    assert "có 4 xã Tân Phú (tỉnh Nghệ An, tỉnh Tây Ninh, tỉnh Đồng Tháp, tỉnh Vĩnh Long): chạy lại với " \
           "--province <tỉnh>" in res.out
    registry = (root / "plans" / "units.yaml").read_text("utf-8")
    assert "\nextends:" not in registry and "# province: Nghệ An | Tây Ninh | Đồng Tháp | Vĩnh Long" in registry
    shutil.rmtree(root / "plans")
    (root / "plans").mkdir()
    res = run_tt("new", "--year", "2027", "--issuer", "Ủy ban nhân dân xã Tân Phú", "--province", "Nghệ An", cwd=root)
    assert res.code == 0 and yaml.safe_load((root / "plans" / "units.yaml").read_text("utf-8"))["province"] == "Nghệ An"


def test_an_unknown_province_is_a_usage_error(tmp_path):
    root = repo(tmp_path)
    res = run_tt("new", "--year", "2027", "--issuer", "Ủy ban nhân dân xã Tân Phú", "--province", "Nghe Anh", cwd=root)
    assert res.code == 2 and "Không có tỉnh, thành phố nào tên “Nghe Anh”" in res.err and "“Nghệ An”" in res.err
    assert not (root / "plans" / "2027.yaml").exists()


def test_a_repository_template_of_rooms_is_used(tmp_path):
    root = repo(tmp_path)
    (root / "templates").mkdir()
    (root / "templates" / "cap-xa.yaml").write_text(textwrap.dedent("""\
        units:
          - id: phong-kinh-te
            name: Phòng Kinh tế - Hạ tầng
            kind: phong
        """), "utf-8")
    assert run_tt("new", "--year", "2027", "--issuer", "Ủy ban nhân dân xã Bắc Mê", cwd=root).code == 0
    names = [u["name"] for u in yaml.safe_load((root / "plans" / "units.yaml").read_text("utf-8"))["units"]]
    assert "Phòng Kinh tế - Hạ tầng" in names and "Phòng Văn hóa - Xã hội" not in names


# ---------------------------------------------------------------- from a pre-merger plan


def test_ha_giang_2023_to_2027_follows_the_merger(tmp_path):
    root = repo(tmp_path, "ha-giang")
    res = run_tt("new", "--from", "plans/ha-giang/2023.yaml", "--year", "2027", cwd=root)
    notes = res.out
    for note in ("cơ quan ban hành: “Ủy ban nhân dân tỉnh Hà Giang” → “Ủy ban nhân dân tỉnh Tuyên Quang”",
                 "tên cơ quan ở phần đầu văn bản: “TỈNH HÀ GIANG” → “TỈNH TUYÊN QUANG”",
                 "dòng thẩm quyền của quyết định: “CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG” → "
                 "“CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG”",
                 "đơn vị phối hợp: “Sở Thông tin và Truyền thông” → “Sở Khoa học và Công nghệ”",
                 "đơn vị chủ trì: “Sở Kế hoạch và Đầu tư” → “Sở Tài chính”",
                 "địa danh: “Hà Giang” → “Tuyên Quang”",
                 "tên văn bản (plan.title): nơi ban hành → tỉnh Tuyên Quang"):
        assert note in notes, note
    assert "chỗ có đơn vị không còn vào năm 2027 mà tt không tự thay được" in notes
    assert "đoạn nội dung còn nhắc đơn vị hành chính không còn vào năm 2027" in notes
    new = api.load_plan(root / "plans" / "ha-giang" / "2027.yaml").plan
    doc = new.document
    assert (doc.issuer.name, doc.issuer.header, doc.place) == (
        "Ủy ban nhân dân tỉnh Tuyên Quang", ["ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG"], "Tuyên Quang")
    assert new.decision.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG"
    assert new.plan.title.endswith("năm 2027 trên địa bàn tỉnh Tuyên Quang")
    units = [u for *_, t in new.iter_tasks() for u in (*t.lead, *t.support)]
    assert "Sở Thông tin và Truyền thông" not in units and "Sở Kế hoạch và Đầu tư" not in units
    # the bases are kept as written (citations are the clerk's to change)
    assert new.document.bases == api.load_plan(PLANS / "ha-giang" / "2023.yaml").plan.document.bases
    text = (root / "plans" / "ha-giang" / "2027.yaml").read_text("utf-8")
    assert "- UBND các huyện, thành phố  # tt new: UBND các huyện, thành phố chỉ tồn tại đến 30/06/2025" in text
    # validated at once: what tt could not replace is reported where it is
    found = problems(root / "plans" / "ha-giang" / "2027.yaml", root)
    left = {p["code"] for p in found if p["code"].startswith("TT-R")}
    assert left <= {"TT-R007", "TT-R014", "TT-R008"}, found
    assert all("huyện" in p["message"] for p in found if p["code"] in ("TT-R007", "TT-R014"))
    assert res.code == 1 and "Kiểm tra kế hoạch mới (tt validate):" in res.out
    assert run_tt("fmt", "--check", "plans/ha-giang/2027.yaml", cwd=root).code == 0


def test_a_commune_plan_follows_its_commune_across_the_merger(tmp_path):
    root = repo(tmp_path)
    folder = root / "plans" / "yen-phong"
    folder.mkdir()
    (folder / "units.yaml").write_text(textwrap.dedent("""\
        tt: 1
        extends: national
        province: Hà Giang
        units:
          - id: van-phong
            name: Văn phòng HĐND và UBND xã
            kind: van-phong
        """), "utf-8")
    (folder / "2024.yaml").write_text(textwrap.dedent("""\
        tt: 1
        document:
          type: ke-hoach
          issuer:
            name: Ủy ban nhân dân xã Yên Phong
            header: [ỦY BAN NHÂN DÂN, XÃ YÊN PHONG]
            parent: UBND HUYỆN BẮC MÊ
          symbol: KH-UBND
          place: Yên Phong
          date: 10/01/2024
          title: Tuyên truyền cải cách hành chính năm 2024 trên địa bàn xã Yên Phong
          signer:
            position: CHỦ TỊCH
          recipients:
            - UBND huyện Bắc Mê
            - UBND thị trấn Yên Phú
        plan:
          year: 2024
        appendix:
          title: NHIỆM VỤ NĂM 2024
          tasks:
            - id: truyen-thanh
              content: Tuyên truyền trên hệ thống truyền thanh xã
              lead: Văn phòng HĐND và UBND xã
              support: UBND thị trấn Yên Phú
              due: Thường xuyên
        """), "utf-8")
    assert not [p for p in problems(folder / "2024.yaml", root)
                if p["code"] in ("TT-R005", "TT-R007", "TT-R014")]  # right in 2024
    res = run_tt("new", "--from", "plans/yen-phong/2024.yaml", "--year", "2027", cwd=root)
    new = api.load_plan(folder / "2027.yaml").plan
    doc = new.document
    assert (doc.issuer.name, doc.issuer.header, doc.place) == (
        "Ủy ban nhân dân xã Bắc Mê", ["ỦY BAN NHÂN DÂN", "XÃ BẮC MÊ"], "Bắc Mê")
    assert doc.title.endswith("trên địa bàn xã Bắc Mê")
    assert doc.recipients[1] == "UBND xã Bắc Mê"  # thị trấn Yên Phú: one successor
    [task] = [t for *_, t in new.iter_tasks()]
    assert task.support == ["UBND xã Bắc Mê"]
    text = (folder / "2027.yaml").read_text("utf-8")
    # the district split between seven communes: the candidates, in a comment where it is written
    assert "- UBND huyện Bắc Mê  # tt new: UBND huyện Bắc Mê chỉ tồn tại đến 30/06/2025; đơn vị kế thừa: " \
           "UBND xã Ngọc Đường, UBND xã Minh Sơn" in text
    # a xã has no parent body any more: the header line of the district is dropped, and said so
    assert doc.issuer.parent is None and "parent:" not in text
    assert ("cơ quan chủ quản: “UBND HUYỆN BẮC MÊ” đã bỏ — phần đầu văn bản của xã Bắc Mê không có cơ quan chủ quản "
            "(UBND HUYỆN BẮC MÊ chỉ tồn tại đến 30/06/2025)") in res.out
    assert "đoạn nội dung còn nhắc" not in res.out  # the units were all seen to; no prose names the old places
    # validated at once: the district among the recipients is reported where it is (TT-R007, the national unit)
    assert "plans/yen-phong/2027.yaml:14:" in res.out and "Ủy ban nhân dân huyện Bắc Mê chỉ tồn tại đến" in res.out
