"""Helpers of the tests of the plan at work: a small plan written in a temporary repository."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import PLANS, ROOT

DATA = Path(__file__).parent / "data"

PLAN = """\
tt: 1
document:
  type: ke-hoach
  issuer:
    name: Ủy ban nhân dân tỉnh Hà Giang
    header: [ỦY BAN NHÂN DÂN, TỈNH HÀ GIANG]
  number: 25
  symbol: KH-UBND
  place: Hà Giang
  date: 15/01/2024
  title: Tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh Hà Giang
  signer:
    position: CHỦ TỊCH
    name: Nguyễn Văn Sơn
  recipients: [Bộ Nội vụ, Các sở, ban, ngành]
plan:
  year: 2024
  sections:
    - heading: Tổ chức thực hiện
      kind: organization
      duties:
        - unit: Sở Nội vụ
          marker: letter
          items:
            - Theo dõi, đôn đốc thực hiện Kế hoạch.
            - text: Tổng hợp báo cáo kết quả gửi UBND tỉnh trước ngày 15/12/2024.
              due: trước ngày 15/12/2024
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      support: [Sở Tài chính]
      due: Quý II/2024
      quantity: 01 lớp, 40 người
    - id: bao-cao-quy
      content: Báo cáo kết quả tuyên truyền
      lead: Các sở, ban, ngành
      due: Định kỳ hằng quý
    - id: tin-bai
      content: Đăng tin, bài về cải cách hành chính
      lead: Sở Tài chính
      support: Sở Nội vụ
      due: Thường xuyên
    - id: kiem-tra
      content: Lồng ghép tuyên truyền trong kiểm tra cải cách hành chính
      lead: Sở Nội vụ
      due: Theo kế hoạch kiểm tra
    - id: hoi-nghi
      content: Hội nghị tổng kết
      lead: Sở Nội vụ
      due: Ngày 03/11/2024
"""

UNITS = """\
tt: 1
units:
  - id: so-noi-vu
    name: Sở Nội vụ
    short: [SNV]
    kind: so
    groups: [cac-so-ban-nganh]
  - id: so-tai-chinh
    name: Sở Tài chính
    kind: so
    groups: [cac-so-ban-nganh]
  - id: cac-so-ban-nganh
    name: Các sở, ban, ngành
    kind: nhom
"""


def small_repo(tmp: Path, progress: str | None = None) -> Path:
    """tmp/plans/2024.yaml with its registry (and progress file); returns the plan's path."""
    (tmp / "plans").mkdir(parents=True, exist_ok=True)
    plan = tmp / "plans" / "2024.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    (tmp / "plans" / "units.yaml").write_text(UNITS, encoding="utf-8")
    if progress is not None:
        (tmp / "plans" / "2024.progress.yaml").write_text(progress, encoding="utf-8")
    return plan


def sample_repo(tmp: Path, name: str) -> Path:
    """A copy of plans/<name>/ (plan, registry, progress) in tmp; returns the folder."""
    dest = tmp / "plans" / name
    shutil.copytree(PLANS / name, dest)
    return dest


__all__ = ["DATA", "PLANS", "ROOT", "small_repo", "sample_repo"]
