"""Plans shaped like real ones for the diff tests: a small registry, a builder, YAML writing."""

from __future__ import annotations

import copy
import subprocess
from pathlib import Path

import yaml

REGISTRY = {
    "tt": 1,
    "units": [
        {"id": "so-noi-vu", "name": "Sở Nội vụ", "short": ["SNV"], "kind": "so", "groups": ["cac-so"]},
        {"id": "vp-ubnd", "name": "Văn phòng UBND tỉnh", "aliases": ["Văn phòng Ủy ban nhân dân tỉnh"],
         "kind": "van-phong", "groups": ["cac-so"]},
        {"id": "dai-ptth", "name": "Đài Phát thanh - Truyền hình tỉnh", "short": ["Đài PT-TH tỉnh"],
         "aliases": ["Đài Phát thanh và Truyền hình tỉnh"], "kind": "bao-dai"},
        {"id": "so-tttt", "name": "Sở Thông tin và Truyền thông", "short": ["Sở TT&TT"], "kind": "so",
         "groups": ["cac-so"]},
        {"id": "bao-tinh", "name": "Báo Quảng Ngãi", "kind": "bao-dai"},
        {"id": "cac-so", "name": "Các sở, ban, ngành", "aliases": ["Các sở, ban ngành"], "kind": "nhom"},
        {"id": "ubnd-huyen", "name": "UBND các huyện, thị xã, thành phố", "kind": "nhom"},
    ],
}


def task(id_, content, lead, due, support=()):
    t = {"id": id_, "content": content, "lead": lead, "due": due}
    if support:
        t["support"] = list(support)
    return t


BASE = {
    "tt": 1,
    "document": {
        "type": "ke-hoach",
        "issuer": {"name": "Ủy ban nhân dân tỉnh Quảng Ngãi", "short": "UBND tỉnh"},
        "number": 25,
        "symbol": "KH-UBND",
        "place": "Quảng Ngãi",
        "date": "15/02/2024",
        "title": "Truyền thông về hoạt động kiểm soát thủ tục hành chính năm 2024",
        "bases": [{"type": "Nghị định", "number": "63/2010/NĐ-CP", "date": "08/6/2010", "issuer": "Chính phủ",
                   "subject": "về kiểm soát thủ tục hành chính"}],
        "signer": {"position": "CHỦ TỊCH", "name": "Đặng Văn Minh"},
        "recipients": ["Sở Nội vụ", "Các sở, ban, ngành", "Đài PT-TH tỉnh"],
        "archive": "VT, TTHC",
    },
    "plan": {
        "year": 2024,
        "sections": [
            {"heading": "Mục đích, yêu cầu", "kind": "purpose", "marker": "letter", "items": [
                "Tuyên truyền kịp thời, sâu rộng chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà "
                "nước về công tác kiểm soát thủ tục hành chính.",
                "Phát huy dân chủ, quyền giám sát của người dân, doanh nghiệp đối với hoạt động cải cách thủ tục "
                "hành chính.",
            ]},
            {"heading": "Tổ chức thực hiện", "kind": "organization", "duties": [
                {"unit": "Văn phòng UBND tỉnh", "text": ["Chịu trách nhiệm chủ trì, theo dõi, đôn đốc, hướng dẫn "
                                                         "thực hiện Kế hoạch này."]},
                {"unit": "Sở Nội vụ", "text": ["Phối hợp tổ chức tập huấn cho cán bộ, công chức."]},
            ]},
        ],
        "closing": "Trên đây là Kế hoạch truyền thông về hoạt động kiểm soát thủ tục hành chính năm 2024.",
    },
    "appendix": {
        "heading": "DANH MỤC",
        "title": "Nội dung công việc truyền thông về hoạt động kiểm soát thủ tục hành chính năm 2024",
        "padded": True,
        "groups": [
            {"title": "Truyền thông hỗ trợ công tác kiểm soát thủ tục hành chính", "tasks": [
                task("cung-cap-thong-tin", "Cung cấp, phản ánh thông tin kịp thời cho báo chí về kết quả hoạt động "
                     "kiểm soát thủ tục hành chính.", ["Văn phòng UBND tỉnh"], "Thường xuyên",
                     ["Các sở, ban, ngành"]),
                task("bao-chi-dang-tai", "Cơ quan báo chí đăng tải hình ảnh, bài viết, mở chuyên trang, chuyên mục "
                     "tuyên truyền về cải cách thủ tục hành chính.", ["Đài PT-TH tỉnh", "Báo Quảng Ngãi"],
                     "Quý II/2024"),
            ]},
            {"title": "Truyền thông hỗ trợ việc phản ánh, kiến nghị của người dân", "tasks": [
                task("van-dong-phan-anh", "Tuyên truyền, vận động người dân, doanh nghiệp phản ánh, kiến nghị về "
                     "những tiêu cực trong giải quyết thủ tục hành chính.", ["Sở Nội vụ"], "Quý II/2024"),
                task("tap-huan-cchc", "Tập huấn kiến thức về cải cách thủ tục hành chính cho cán bộ cấp tỉnh và "
                     "cán bộ cấp huyện trên địa bàn tỉnh.", ["Sở Nội vụ"], "Quý II/2024", ["Văn phòng UBND tỉnh"]),
                task("mo-hinh-diem", "Tuyên truyền mô hình Bộ phận Một cửa kiểu mẫu để nhân rộng trên địa bàn "
                     "tỉnh.", ["Văn phòng UBND tỉnh"], "Quý III/2024"),
            ]},
            {"title": "Truyền thông về dịch vụ công trực tuyến", "tasks": [
                task("dvc-truc-tuyen", "Tuyên truyền lợi ích của dịch vụ công trực tuyến, thanh toán trực tuyến qua "
                     "Cổng dịch vụ công quốc gia.", ["Sở TT&TT"], "Thường xuyên", ["Các sở, ban ngành"]),
            ]},
        ],
    },
}


def base() -> dict:
    return copy.deepcopy(BASE)


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def write_plan(folder: Path, data: dict, name: str = "2024.yaml", registry: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(dump(data), encoding="utf-8")
    if registry and not (folder / "units.yaml").exists():
        (folder / "units.yaml").write_text(dump(REGISTRY), encoding="utf-8")
    return path


def git(repo: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "HOME": str(repo), "PATH": "/usr/bin:/bin:/usr/local/bin"}
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env, check=True)
    return proc.stdout


def init_repo(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "commit.gpgsign", "false")
    return repo


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
