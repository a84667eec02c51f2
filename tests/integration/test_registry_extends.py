"""A registry built on the national list (`extends: national` + `province`): its located errors,
the example of docs/plan-format.md, and the national data read only when a plan refers to it."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT, run_tt

UNITS = "units:\n  - id: vp\n    name: Văn phòng HĐND và UBND xã\n    kind: van-phong\n"


@pytest.mark.parametrize("head,where,message", [
    ("extends: national\nprovince: tỉnh Tuyen Quag\n", "3:11",
     "'province' (Tỉnh, thành phố): không có tỉnh, thành phố nào tên “tỉnh Tuyen Quag” trong danh sách đơn vị "
     "hành chính của tt. Có phải ý bạn là “Tuyên Quang”?"),
    ("extends: national\n", "2:10", "`extends: national` cần biết tỉnh nào: thêm dòng `province: <tên tỉnh>`"),
    ("province: Tuyên Quang\n", "2:11", "`province` chỉ dùng cùng `extends: national`"),
    ("extends: nationa\nprovince: Tuyên Quang\n", "2:10", "Có phải ý bạn là 'national'?"),
])
def test_a_wrong_extension_is_located(tmp_path, head, where, message):
    (tmp_path / "units.yaml").write_text("tt: 1\n" + head + UNITS, "utf-8")
    res = run_tt("validate", "units.yaml", cwd=tmp_path)
    assert res.code == 1 and f"units.yaml:{where}: lỗi TT-S004: " in res.out and message in res.out, res.out
    assert res.out.count("lỗi TT-") == 1  # one mistake, one message


@pytest.mark.parametrize("province", ["Tuyên Quang", "tuyen quang", "tỉnh Tuyên Quang", "Hà Giang", '"08"'])
def test_a_province_is_named_as_clerks_name_it(tmp_path, province):
    (tmp_path / "units.yaml").write_text(f"tt: 1\nextends: national\nprovince: {province}\n" + UNITS, "utf-8")
    assert run_tt("validate", "units.yaml", cwd=tmp_path).code == 0


def test_the_example_of_the_plan_format_doc_validates_and_resolves(tmp_path):
    doc = (ROOT / "docs" / "plan-format.md").read_text("utf-8")
    [block] = re.findall(r"```yaml sổ đơn vị\n(.*?)```", doc, re.S)
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "units.yaml").write_text(block, "utf-8")
    assert run_tt("validate", "plans/units.yaml", cwd=tmp_path).code == 0
    assert run_tt("fmt", "--check", "plans/units.yaml", cwd=tmp_path).code == 0  # written in tt's layout
    (tmp_path / "plans" / "2027.yaml").write_text(textwrap.dedent("""\
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
          recipients: [UBND tỉnh, UBND xã Minh Ngọc]
        plan:
          year: 2027
        appendix:
          title: NHIỆM VỤ NĂM 2027
          tasks:
            - id: a
              content: Tuyên truyền trên hệ thống truyền thanh
              lead: Văn phòng HĐND và UBND xã
              support: UBND xã Minh Ngọc
              due: Thường xuyên
        """), "utf-8")
    res = run_tt("lint", "plans/2027.yaml", cwd=tmp_path)
    assert "TT-R005" not in res.out and "TT-R014" not in res.out and "TT-R007" not in res.out, res.out


def test_the_national_list_is_read_only_when_a_plan_refers_to_it():
    code = textwrap.dedent("""\
        import sys
        from tuyentruyen.cli.app import main
        from tuyentruyen.vn import admin
        sys.argv = ["tt"] + sys.argv[1:]
        try:
            main()
        except SystemExit:
            pass
        print("LOADED", admin._load.cache_info().currsize, file=sys.stderr)
        """)

    def loaded(*args):
        res = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True)
        return res.stderr.strip().splitlines()[-1]

    assert loaded("--help") == "LOADED 0"
    assert loaded("validate", "--no-cache", "plans/ha-giang/2023.yaml") == "LOADED 0"
    assert loaded("validate", "--no-cache", "plans/xuan-loc/2024.yaml") == "LOADED 0"
    assert loaded("validate", "--no-cache", "plans/bac-me/2027.yaml") == "LOADED 1"  # it extends the list
