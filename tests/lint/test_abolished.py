"""TT-R014: the issuer, its parent body, the recipients and Điều 3 judged against unit validity,
and the administrative units a plan names judged against the national list, at the plan's date."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import PLANS, ROOT, run_tt

XUAN_LOC_2027 = """\
tt: 1
document:
  type: ke-hoach
  issuer:
    name: Ủy ban nhân dân huyện Xuân Lộc
    header: [ỦY BAN NHÂN DÂN, HUYỆN XUÂN LỘC]
    short: UBND huyện
  symbol: KH-UBND
  place: Xuân Lộc
  title: Thông tin, tuyên truyền cải cách hành chính năm 2027
  signer:
    position: CHỦ TỊCH
  recipients:
    - UBND tỉnh (báo cáo)
    - UBND các xã, thị trấn
plan:
  year: 2027
  sections:
    - heading: Tổ chức thực hiện
      kind: organization
      duties:
        - unit: Phòng Nội vụ
          items:
            - Theo dõi, đôn đốc thực hiện Kế hoạch.
"""


def lint_json(path, cwd):
    import json

    res = run_tt("lint", "--format", "json", str(path), cwd=cwd)
    return res, json.loads(res.out)["problems"]


def test_a_2027_plan_of_an_abolished_district_is_reported_at_each_place(tmp_path):
    # the walk: a 2027 plan issued by "UBND huyện Xuân Lộc" to "UBND các xã, thị trấn"
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "units.yaml").write_text((PLANS / "xuan-loc" / "units.yaml").read_text("utf-8"), "utf-8")
    (folder / "2027.yaml").write_text(XUAN_LOC_2027, "utf-8")
    res, problems = lint_json(folder / "2027.yaml", tmp_path)
    found = {(p["line"], p["col"]): p for p in problems if p["code"] == "TT-R014"}
    issuer = found[(5, 11)]  # the registry's unit "Ủy ban nhân dân huyện Xuân Lộc", ended
    assert issuer["message"] == ("Cơ quan ban hành “Ủy ban nhân dân huyện Xuân Lộc”: Ủy ban nhân dân huyện Xuân Lộc "
                                 "chỉ tồn tại đến ngày 30/06/2025, trước năm kế hoạch 2027.")
    assert "Xuân Đông" in issuer["hint"] and "phường Xuân Lộc" in issuer["hint"]
    assert "HUYỆN XUÂN LỘC" in found[(6, 31)]["message"]  # the header line
    towns = next(p for p in problems if p["code"] == "TT-R014" and p["path"] == ["document", "recipients", 1])
    assert (towns["line"], towns["col"]) == (15, 7)
    assert towns["message"] == ("Nơi nhận “UBND các xã, thị trấn”: UBND các xã, thị trấn chỉ tồn tại đến ngày "
                                "30/06/2025, trước năm kế hoạch 2027.")
    assert towns["hint"].startswith("Bỏ “thị trấn” khỏi tên")
    province = next(p for p in problems if p["code"] == "TT-R014" and p["path"] == ["document", "recipients", 0])
    assert province["hint"] == "Thay “Ủy ban nhân dân tỉnh Đồng Nai” bằng Ủy ban nhân dân thành phố Đồng Nai."
    # the duty "Phòng Nội vụ" ended with the district: TT-R007's, not reported twice
    duty = [p for p in problems if p["path"][:2] == ["plan", "sections"] and p["code"] in ("TT-R007", "TT-R014")]
    assert [p["code"] for p in duty] == ["TT-R007"]
    assert res.code == 1


def test_without_a_registry_the_national_list_still_speaks(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "2027.yaml").write_text(XUAN_LOC_2027, "utf-8")
    _, problems = lint_json(folder / "2027.yaml", tmp_path)
    r014 = [p for p in problems if p["code"] == "TT-R014"]
    assert {tuple(p["path"]) for p in r014} == {
        ("document", "issuer", "name"), ("document", "issuer", "header", 1), ("document", "issuer", "short"),
        ("document", "recipients", 1)}  # "Phòng Nội vụ" names no place: without a registry nothing tells it ended
    towns = next(p for p in r014 if p["path"] == ["document", "recipients", 1])
    assert towns["message"] == ("Nơi nhận “UBND các xã, thị trấn”: từ ngày 01/07/2025 không còn đơn vị hành chính "
                                "thị trấn, trước năm kế hoạch 2027.")
    assert towns["hint"].startswith("Bỏ “thị trấn” khỏi tên (từ ngày 01/07/2025 chỉ còn xã, phường, đặc khu)")


def test_adding_an_abolished_unit_to_the_registry_does_not_silence_it(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "units.yaml").write_text(textwrap.dedent("""\
        tt: 1
        extends: national
        province: Tuyên Quang
        units:
          - id: vp
            name: Văn phòng HĐND và UBND xã
            kind: van-phong
          - id: bac-me
            name: UBND huyện Bắc Mê
            kind: ubnd
        """), "utf-8")
    plan = textwrap.dedent("""\
        tt: 1
        document:
          type: ke-hoach
          issuer:
            name: Ủy ban nhân dân xã Bắc Mê
            header: [ỦY BAN NHÂN DÂN, XÃ BẮC MÊ]
          symbol: KH-UBND
          place: Bắc Mê
          title: Tuyên truyền cải cách hành chính năm 2027
          signer:
            position: CHỦ TỊCH
        plan:
          year: 2027
        appendix:
          title: NHIỆM VỤ NĂM 2027
          tasks:
            - id: a
              content: Tuyên truyền trên hệ thống truyền thanh
              lead: Văn phòng HĐND và UBND xã
              support: UBND huyện Bắc Mê
              due: Thường xuyên
        """)
    (folder / "2027.yaml").write_text(plan, "utf-8")
    _, problems = lint_json(folder / "2027.yaml", tmp_path)
    [p] = [p for p in problems if p["code"] in ("TT-R005", "TT-R007", "TT-R014")]
    assert p["code"] == "TT-R014" and (p["line"], p["col"]) == (20, 21)
    assert p["message"] == ("Đơn vị phối hợp “UBND huyện Bắc Mê”: huyện Bắc Mê (tỉnh Hà Giang) không còn từ ngày "
                            "01/07/2025, trước năm kế hoạch 2027.")
    assert "xã Bắc Mê" in p["hint"]
    # without the clerk's own entry the national unit answers, with its seven heirs (TT-R007)
    (folder / "units.yaml").write_text((folder / "units.yaml").read_text("utf-8").split("  - id: bac-me")[0], "utf-8")
    _, problems = lint_json(folder / "2027.yaml", tmp_path)
    [p] = [p for p in problems if p["code"] in ("TT-R005", "TT-R007", "TT-R014")]
    assert p["code"] == "TT-R007"
    assert p["message"] == "Ủy ban nhân dân huyện Bắc Mê chỉ tồn tại đến ngày 30/06/2025, trước năm kế hoạch 2027."
    assert p["hint"].startswith("Giao việc cho đơn vị kế thừa: Ủy ban nhân dân xã Ngọc Đường, xã Minh Sơn, xã Giáp Trung")


def test_the_recipients_and_executors_are_judged_by_the_registry_too(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "units.yaml").write_text((PLANS / "ha-giang" / "units.yaml").read_text("utf-8"), "utf-8")
    plan = (PLANS / "ha-giang" / "2023.yaml").read_text("utf-8")
    plan = plan.replace("date: 19/12/2022", "date: 15/03/2025").replace("year: 2023", "year: 2025")
    (folder / "2025.yaml").write_text(plan, "utf-8")
    _, problems = lint_json(folder / "2025.yaml", tmp_path)
    # in March 2025 the districts still exist; Sở TT&TT (named in Điều 3? no: in the tasks) is TT-R007's
    assert not [p for p in problems if p["code"] == "TT-R014"]
    plan = plan.replace("    - Bộ Nội vụ\n", "    - Bộ Nội vụ\n    - Sở Kế hoạch và Đầu tư\n", 1)
    (folder / "2025.yaml").write_text(plan, "utf-8")
    _, problems = lint_json(folder / "2025.yaml", tmp_path)
    [p] = [p for p in problems if p["code"] == "TT-R014"]
    assert p["message"] == ("Nơi nhận “Sở Kế hoạch và Đầu tư”: Sở Kế hoạch và Đầu tư chỉ tồn tại đến ngày 28/02/2025, "
                            "trước ngày ký kế hoạch (15/03/2025).")
    assert p["hint"] == "Thay “Sở Kế hoạch và Đầu tư” bằng Sở Tài chính."


def test_the_pre_merger_samples_stay_clean_and_never_read_the_national_list():
    for plan in ("ha-giang/2023.yaml", "quang-ngai/2023.yaml", "xuan-loc/2024.yaml"):
        res = run_tt("lint", f"plans/{plan}", cwd=ROOT)
        assert "TT-R014" not in res.out and "TT-R007" not in res.out, res.out
    code = ("from tuyentruyen import api\nfrom tuyentruyen.vn import admin\n"
            "for p in ('plans/ha-giang/2023.yaml', 'plans/quang-ngai/2023.yaml', 'plans/xuan-loc/2024.yaml'):\n"
            "    api.lint(api.load_plan(p))\n"
            "print(admin._load.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def test_the_2027_samples_are_clean():
    for plan in ("kstthc-tuyen-quang/2027.yaml", "bac-me/2027.yaml"):
        res = run_tt("validate", f"plans/{plan}", cwd=ROOT)
        assert res.code == 0 and "TT-" not in res.out, res.out
