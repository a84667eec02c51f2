"""Real cases on the sample plans: last year against this year, a reordered appendix, a deadline
moved, a lead swapped, a task split in two, and each published original against its corrected copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, PLANS, run_tt

QUANG_NGAI = PLANS / "quang-ngai" / "2023.yaml"

pytestmark = pytest.mark.skipif(not QUANG_NGAI.is_file(), reason="chưa có kế hoạch mẫu")


def copy_plan(tmp_path: Path, name: str, source: Path = QUANG_NGAI) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    shutil.copy(source, folder / source.name)
    shutil.copy(source.parent / "units.yaml", folder / "units.yaml")
    return folder / source.name


def edited(tmp_path: Path, *subs: tuple[str, str]) -> tuple[Path, Path]:
    old = copy_plan(tmp_path, "cu")
    new = copy_plan(tmp_path, "moi")
    text = new.read_text("utf-8")
    for a, b in subs:
        assert a in text, a
        text = text.replace(a, b)
    new.write_text(text, "utf-8")
    return old, new


def diff_json(old: Path, new: Path) -> dict:
    res = run_tt("diff", str(old), str(new), "-f", "json")
    assert res.code in (0, 1), res.text
    return json.loads(res.out)["files"][0]


def test_last_year_against_this_year(tmp_path):
    old = copy_plan(tmp_path, "2023")
    new = tmp_path / "2024" / "2023.yaml"
    new.parent.mkdir()
    shutil.copy(QUANG_NGAI.parent / "units.yaml", new.parent / "units.yaml")
    new.write_text(old.read_text("utf-8").replace("2023", "2024").replace("number: 25", "number: 18"), "utf-8")
    res = run_tt("diff", str(old), str(new))
    assert res.code == 1
    out = res.out
    assert "số: 25 → 18" in out
    assert "ngày ban hành: 15/02/2023 → 15/02/2024" in out
    assert "năm kế hoạch: 2023 → 2024" in out
    assert "trích yếu: … soát thủ tục hành chính năm [-2023-]{+2024+} trên địa bàn tỉnh Quảng Ngãi" in out
    assert "Nhiệm vụ V.1 (danh-gia-mot-cua-hai-long): thời gian: Năm 2023 → Năm 2024 (muộn hơn 1 năm)" in out
    data = diff_json(old, new)
    tasks = [c for c in data["changes"] if c["object"] == "task"]
    assert {c["kind"] for c in tasks} == {"changed"}
    assert {c["id"] for c in tasks} == {"danh-gia-mot-cua-hai-long", "nhan-dien-thuong-hieu-mot-cua",
                                        "mo-hinh-mot-cua-kieu-mau", "tap-huan-mot-cua"}


def _groups_block(text: str) -> tuple[str, list[str], str]:
    head, rest = text.split("  groups:\n", 1)
    parts = rest.split("\n    - title: ")
    return head + "  groups:\n", [parts[0]] + ["    - title: " + p for p in parts[1:]], ""


def test_reordered_appendix_is_only_a_reorder(tmp_path):
    old = copy_plan(tmp_path, "cu")
    new = copy_plan(tmp_path, "moi")
    head, groups, _ = _groups_block(new.read_text("utf-8"))
    groups[3], groups[4] = groups[4], groups[3]  # nhóm IV ↔ nhóm V
    new.write_text(head + "\n".join(g.rstrip("\n") for g in groups) + "\n", "utf-8")
    res = run_tt("diff", str(old), str(new))
    assert res.code == 1, res.text
    assert "⇅ Nhóm IV «Truyền thông về tổ chức thực hiện cơ chế một cửa, một cửa liên thông»: đổi vị trí " \
           "(trước là Nhóm V)" in res.out
    assert "Nhiệm vụ" not in res.out  # the tasks kept their groups: renumbering is no change
    assert "Khác nhau: 1 thay đổi" in res.out


def test_deadline_moved(tmp_path):
    old, new = edited(tmp_path, ("          due: Theo kế hoạch kiểm tra", "          due: Quý III/2023"),
                      ("          due: Năm 2023\n        - id: nhan-dien",
                       "          due: Quý II/2023\n        - id: nhan-dien"))
    res = run_tt("diff", str(old), str(new))
    out = res.out
    assert "Nhiệm vụ II.4 (long-ghep-kiem-tra-kstthc): thời gian: Theo kế hoạch kiểm tra → Quý III/2023" in out
    assert "Nhiệm vụ V.1 (danh-gia-mot-cua-hai-long): thời gian: Năm 2023 → Quý II/2023 " \
           "(bắt đầu muộn hơn 3 tháng, kết thúc sớm hơn 6 tháng)" in out
    assert "Khác nhau: 2 thay đổi — nhiệm vụ: 2 sửa." in out


def test_lead_swapped(tmp_path):
    old, new = edited(tmp_path, (
        "        - id: giam-phi-le-phi-dvc-truc-tuyen\n          content: Tuyên truyền lợi ích của việc thực hiện "
        "dịch vụ công trực tuyến được giảm 50% phí, lệ phí theo quy định tại Nghị quyết số 11/2022/NQ-HĐND ngày "
        "07/02/2022.\n          lead: Văn phòng UBND tỉnh",
        "        - id: giam-phi-le-phi-dvc-truc-tuyen\n          content: Tuyên truyền lợi ích của việc thực hiện "
        "dịch vụ công trực tuyến được giảm 50% phí, lệ phí theo quy định tại Nghị quyết số 11/2022/NQ-HĐND ngày "
        "07/02/2022.\n          lead: Sở Thông tin và Truyền thông"))
    res = run_tt("diff", str(old), str(new))
    assert "~ Nhiệm vụ IV.2 (giam-phi-le-phi-dvc-truc-tuyen): chủ trì: Văn phòng UBND tỉnh → Sở Thông tin và " \
           "Truyền thông" in res.out
    assert "Khác nhau: 1 thay đổi — nhiệm vụ: 1 sửa." in res.out


def test_task_split_in_two(tmp_path):
    old_block = ("        - id: tap-huan-mot-cua\n          content: Phối hợp với UBND cấp huyện tổ chức tập huấn kiến "
                 "thức về cải cách TTHC, nghiệp vụ chuyên môn về tiếp nhận, xử lý hồ sơ thông qua Bộ phận Một cửa.\n")
    new_block = ("        - id: tap-huan-cchc-cap-huyen\n"
                 "          content: Phối hợp với UBND cấp huyện tổ chức tập huấn kiến thức về cải cách TTHC cho "
                 "Bộ phận Một cửa cấp huyện.\n"
                 "          lead: Văn phòng UBND tỉnh\n          due: Quý II/2023\n"
                 "        - id: tap-huan-nghiep-vu-mot-cua\n          content: Tập huấn nghiệp vụ chuyên môn về tiếp "
                 "nhận, xử lý hồ sơ thông qua Bộ phận Một cửa.\n")
    old, new = edited(tmp_path, (old_block, new_block))
    res = run_tt("diff", str(old), str(new))
    out = res.out
    assert "− Nhiệm vụ cũ V.4 (tap-huan-mot-cua): bỏ" in out
    assert "(tách thành V.4 (tap-huan-cchc-cap-huyen) và V.5 (tap-huan-nghiep-vu-mot-cua))" in out
    assert "+ Nhiệm vụ V.4 (tap-huan-cchc-cap-huyen): thêm «Phối hợp với UBND cấp huyện" in out
    assert out.count("(tách từ nhiệm vụ cũ V.4 (tap-huan-mot-cua))") == 2
    assert "nhiệm vụ: 2 thêm, 1 bỏ, 1 tách" in out
    data = diff_json(old, new)
    removed = next(c for c in data["changes"] if c["kind"] == "removed")
    assert removed["relation"]["type"] == "split"
    assert removed["relation"]["ids"] == ["tap-huan-cchc-cap-huyen", "tap-huan-nghiep-vu-mot-cua"]


@pytest.mark.parametrize("name", ["quang-ngai/2023", "ha-giang/2023", "xuan-loc/2024"])
def test_published_original_against_corrected(name):
    """The corrections of each sample, as the reviewer of the transcription sees them."""
    original = FIXTURES / "seeds" / f"{name}.yaml"
    corrected = PLANS / f"{name}.yaml"
    if not original.is_file() or not corrected.is_file():
        pytest.skip("chưa có bản gốc")
    res = run_tt("diff", str(original), str(corrected))
    assert res.code == 1, res.text
    out = res.out
    # corrections are edits of existing objects: nothing added, removed or moved
    data = json.loads(run_tt("diff", str(original), str(corrected), "-f", "json").out)["files"][0]
    assert {c["kind"] for c in data["changes"]} <= {"changed"}, out
    if name == "quang-ngai/2023":
        assert "[-Công-]{+Cổng+} dịch vụ công quốc gia" in out
        assert "[-Truyền-]{+Tuyên+} truyền" in out
        assert "Nhiệm vụ V.1 (danh-gia-mot-cua-hai-long): thời gian: (trống) → Năm 2023" in out
        assert "nơi nhận: đổi cách viết Các sở, ban ngành → Các sở, ban, ngành (cùng đơn vị, chỉ đổi cách viết)" in out
    if name == "xuan-loc/2024":
        assert "thời gian: trước ngày 29/02/2023 → trước ngày 29/02/2024" in out
    if name == "ha-giang/2023":
        assert "dịch vụ [-buru-]{+bưu+} chính công ích" in out
