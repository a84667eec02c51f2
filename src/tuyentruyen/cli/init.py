"""`tt init [THƯ_MỤC]`: a ready plans repository (tuyentruyen.edit.init); asks what the options do not say."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from tuyentruyen.cli.base import app, fail_error, fail_usage


@app.command("init")
def init(
    folder: Path = typer.Argument(
        Path("."), metavar="THƯ_MỤC", show_default=False,
        help="Thư mục của kho kế hoạch mới (tạo nếu chưa có); mặc định: thư mục hiện tại."),
    province: str = typer.Option(
        None, "--province", metavar="TỈNH", show_default=False,
        help="Tỉnh, thành phố của cơ quan ban hành: \"Tuyên Quang\". Sổ đơn vị dùng danh sách đơn vị hành chính "
             "của tỉnh này."),
    level: str = typer.Option(
        None, "--level", metavar="tinh|so|xa", show_default=False,
        help="Cấp của cơ quan ban hành: tinh (UBND tỉnh, thành phố), so (một sở, ban, ngành), "
             "xa (UBND xã, phường, đặc khu)."),
    issuer: str = typer.Option(
        None, "--issuer", metavar="CƠ_QUAN", show_default=False,
        help="Tên cơ quan ban hành: \"Sở Nội vụ\", \"Ủy ban nhân dân xã Bắc Mê\" (hoặc chỉ \"Bắc Mê\"); "
             "cấp tinh: bỏ trống."),
    year: int = typer.Option(
        None, "--year", metavar="NĂM", show_default=False,
        help="Năm của kế hoạch đầu tiên; mặc định: năm sau (từ tháng 10), hoặc năm nay."),
    tt_source: str = typer.Option(
        None, "--tt-source", metavar="ĐỊA_CHỈ_GIT", show_default=False,
        help="Kho git chứa mã nguồn tt mà cơ quan dùng (bản riêng của cơ quan); mặc định: kho của tt. "
             "CI và hướng dẫn cài đặt của kho mới cài tt từ đó, đúng phiên bản đang chạy."),
) -> None:
    """Lập một kho kế hoạch mới, sẵn sàng dùng: tt.toml, kế hoạch đầu tiên và sổ đơn vị, kiểm tra trước mỗi lần commit (pre-commit), CI cho GitHub và GitLab, cài đặt VS Code, README cho cán bộ.

    Thiếu thông tin nào thì hỏi (khi chạy trong cửa sổ dòng lệnh). Không ghi đè tệp nào: có một tệp trùng tên thì không ghi gì.
    """
    from tuyentruyen.edit import init as kho
    from tuyentruyen.errors import TTError

    asking = sys.stdin.isatty()
    try:
        if year is None and asking:
            year = _ask_year(kho.default_year())
        year = year if year is not None else kho.default_year()
        kho.refuse_existing(folder, [folder / p for p in kho.planned(year)])  # before any question
        if province is None and asking:
            province = _ask("Tỉnh, thành phố của cơ quan ban hành (ví dụ: Tuyên Quang)",
                            lambda a: kho.find_province(a, year))
        place = kho.find_province(province, year) if province is not None else None  # a wrong one is said first
        if level is None and asking:
            level = _ask(f"Cấp của cơ quan ban hành: {kho.LEVELS_SAID}", kho.level_of)
        level = kho.level_of(level) if level is not None else None
        missing = [name for name, value in (("--province", province), ("--level", level)) if value is None]
        if place is not None and level not in (None, "tinh") and issuer is None:
            if asking:
                question = "Tên sở, ban, ngành (ví dụ: Sở Nội vụ)" if level == "so" else \
                    "Tên xã, phường, đặc khu (ví dụ: Bắc Mê)"
                issuer = _ask(question, lambda a: kho.issuer_name(level, place, a, year))
            else:
                missing.append("--issuer")
        if missing:
            raise fail_usage(f"Thiếu {', '.join(missing)}.",
                             "Chạy `tt init` trong cửa sổ dòng lệnh để trả lời từng câu hỏi, hoặc cho biết bằng tùy "
                             "chọn, ví dụ `tt init ke-hoach --province \"Tuyên Quang\" --level xa --issuer \"Bắc Mê\"`.")
        repo = kho.make(folder, province=province, level=level, issuer=issuer, year=year, tt_source=tt_source)
        written = kho.write(repo)
    except TTError as exc:
        raise fail_error(exc) from None
    _report(repo, written)


def _ask(question: str, check) -> str:
    """Ask until check(answer) accepts it (it raises TTError with what is wrong and how to fix it)."""
    from tuyentruyen.errors import TTError

    for _ in range(5):
        answer = _read(f"{question}: ")
        if not answer:
            continue
        try:
            check(answer)
        except TTError as exc:
            sys.stderr.write(f"  {exc.message}\n" + (f"  gợi ý: {exc.hint}\n" if exc.hint else ""))
            continue
        return answer
    raise fail_usage("Chưa có câu trả lời dùng được sau 5 lần hỏi; chưa ghi tệp nào.",
                     "Chạy lại `tt init`, hoặc cho biết bằng tùy chọn (`tt init --help`).")


def _ask_year(default: int) -> int:
    for _ in range(5):
        answer = _read(f"Năm của kế hoạch đầu tiên [{default}]: ")
        if not answer:
            return default
        if answer.isdigit() and 1945 <= int(answer) <= 2200:
            return int(answer)
        sys.stderr.write(f"  Năm “{answer}” không hợp lệ.\n  gợi ý: Ghi năm bằng 4 chữ số, ví dụ {default}.\n")
    raise fail_usage("Chưa có năm dùng được sau 5 lần hỏi; chưa ghi tệp nào.", "Chạy lại với --year, ví dụ --year 2027.")


def _read(prompt: str) -> str:
    import unicodedata

    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        sys.stderr.write("\n")
        raise fail_usage("Không nhận được câu trả lời (hết đầu vào); chưa ghi tệp nào.",
                         "Chạy lại `tt init`, hoặc cho biết bằng tùy chọn (`tt init --help`).")
    return unicodedata.normalize("NFC", " ".join(line.split()))


def _report(repo, written: list[Path]) -> None:
    from tuyentruyen.loading.source import display_name

    out = sys.stdout
    where = display_name(repo.root)
    out.write(f"Đã lập kho kế hoạch của {repo.issuer} ({repo.province.full_name}) "
              f"ở {'thư mục hiện tại' if where == '.' else where}:\n")
    for path in written:
        out.write(f"  - {display_name(path)}\n")
    if repo.notes:
        out.write("Ghi chú:\n")
    for note in repo.notes:
        out.write(f"  - {note}\n")
    go = [] if where == "." else [f"cd {where}"]
    out.write("Tiếp theo:\n")
    for step in [*go, "git init && git add -A && git commit -m \"Kho kế hoạch\"",
                 "pre-commit install   # kiểm tra kế hoạch trước mỗi lần commit (cài pre-commit một lần)",
                 f"tt validate          # rồi sửa {display_name(repo.plan.relative_to(repo.root))}: điền các chỗ “…”"]:
        out.write(f"  {step}\n")
