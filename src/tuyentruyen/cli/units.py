"""`tt units`: list the unit registry (sổ đơn vị) or the national list of administrative units,
so that clerks copy exact names. The text, JSON and CSV are written by tuyentruyen.report.units."""

from __future__ import annotations

import enum
import sys
from pathlib import Path

import typer

from tuyentruyen.cli.base import app, fail_error, fail_usage
from tuyentruyen.cli.complete import registry_paths


class UnitsFormat(str, enum.Enum):
    text = "text"
    json = "json"
    csv = "csv"


@app.command("units")
def units(
    paths: list[str] = typer.Argument(
        None, autocompletion=registry_paths, show_default=False,
        help="Sổ đơn vị (units.yaml), hoặc kế hoạch (dùng sổ đơn vị của kế hoạch); "
             "bỏ trống: mọi sổ đơn vị trong plans/."),
    fmt: UnitsFormat = typer.Option(
        "text", "--format", "-f", help="text (để đọc và chép tên), json, hoặc csv (mở bằng Excel)."),
    search: str = typer.Option(
        None, "--search", "-s", metavar="CHỮ", show_default=False,
        help="Chỉ hiện các đơn vị có mã, tên, tên viết tắt hoặc tên gọi khác chứa chữ này "
             "(không phân biệt hoa thường, có dấu hay không dấu)."),
    province: str = typer.Option(
        None, "--province", "-p", metavar="TỈNH", show_default=False,
        help="Liệt kê đơn vị hành chính của tỉnh, thành phố này trong danh sách quốc gia có sẵn trong tt "
             "(tỉnh và các xã, phường, đặc khu; với --on trước 01/7/2025: cả các huyện, xã, thị trấn cũ)."),
    national: bool = typer.Option(
        False, "--national", "-n",
        help="Tra danh sách đơn vị hành chính quốc gia của cả nước (dùng với --search, --kind)."),
    kind: str = typer.Option(
        None, "--kind", "-k", metavar="LOẠI", show_default=False,
        help="Chỉ một loại: với danh sách quốc gia là cấp (tinh, xa, phuong, dac-khu, huyen, thi-tran…, viết có "
             "dấu hay không); với sổ đơn vị là loại đơn vị (so, phong, ubnd, nhom…)."),
    on: str = typer.Option(
        None, "--on", metavar="NGÀY", show_default=False,
        help="Các đơn vị tồn tại vào ngày này (dd/mm/yyyy); mặc định: hiện nay. Với sổ đơn vị: đơn vị nào đã "
             "hết hiệu lực tính đến ngày này."),
    output: Path = typer.Option(
        None, "--output", "-o", metavar="TỆP", show_default=False,
        help="Ghi vào tệp thay vì in ra màn hình (csv được ghi kèm BOM để Excel đọc đúng tiếng Việt)."),
) -> None:
    """Liệt kê các đơn vị trong sổ đơn vị, hoặc đơn vị hành chính của danh sách quốc gia (--province, --national).

    Dùng để chép đúng tên đơn vị vào kế hoạch (chủ trì, phối hợp, nhiệm vụ theo đơn vị, nơi nhận).
    Mã thoát: 0 có đơn vị; 1 không có đơn vị nào khớp, hoặc sổ đơn vị có lỗi; 2 dùng sai lệnh.
    """
    from tuyentruyen.errors import TTError

    day = _date(on)
    if province is not None or national:
        if paths:
            raise fail_usage("--province và --national liệt kê danh sách quốc gia, không dùng cùng sổ đơn vị.",
                             "Bỏ tên tệp, hoặc bỏ --province/--national để xem sổ đơn vị.")
        text, found = _national(province, day, kind, search, fmt.value)
        inputs: tuple[Path, ...] = ()
    else:
        try:
            text, found, inputs = _registries(paths, day, kind, search, fmt.value)
        except TTError as exc:
            raise fail_error(exc) from None
    _write(text, fmt.value, output, inputs + tuple(Path(p) for p in paths or ()))
    if not found:
        what = f" khớp '{search}'" if search else ""
        typer.echo(f"Không có đơn vị nào{what}{f' thuộc loại {kind}' if kind else ''}.", err=True)
        raise typer.Exit(1)


def _date(value: str | None):
    if value is None:
        return None
    from tuyentruyen.vn.dates import DateError, parse_vn_date

    got = parse_vn_date(value)
    if isinstance(got, DateError):
        raise fail_usage(f"--on {value}: {got.reason}.", "Viết ngày dạng dd/mm/yyyy, ví dụ --on 30/06/2025.")
    return got


def _national(province: str | None, day, kind: str | None, search: str | None, fmt: str) -> tuple[str, bool]:
    from tuyentruyen.report.units import NationalRows, national
    from tuyentruyen.vn.admin import PROVINCE_LEVELS, levels_named
    from tuyentruyen.vn.admin import national as data

    nat = data()
    levels = None
    if kind is not None:
        levels = levels_named(kind)
        if levels is None:
            from tuyentruyen.vn.admin import LEVELS

            raise fail_usage(f"--kind {kind}: không phải một cấp đơn vị hành chính.",
                             "Dùng một hay nhiều (cách nhau bằng dấu phẩy) trong: " + ", ".join(LEVELS)
                             + "; hoặc \"cấp tỉnh\", \"cấp xã\".")
    unit = None
    if province is not None:
        found = nat.find(province, on=day, levels=PROVINCE_LEVELS) if day else ()
        unit = found[0] if found else nat.province_named(province)
        if unit is None:
            guess = nat.province_like(province)
            raise fail_usage(f"Không có tỉnh, thành phố nào tên “{province}” trong danh sách đơn vị hành chính.",
                             (f"Có phải ý bạn là “{guess}”? " if guess else "")
                             + "Xem tên các tỉnh, thành phố bằng `tt units --national --kind \"cấp tỉnh\"`.")
        if day is None and unit.valid_until is not None:
            heirs = ", ".join(u.full_name for u in nat.successors_of(unit))
            raise fail_usage(f"{unit.full_name_capitalized} chỉ tồn tại đến ngày "
                             f"{_fmt(unit.valid_until)}" + (f" (nay thuộc {heirs})." if heirs else "."),
                             f"Xem các đơn vị trước đó bằng --on {_fmt(unit.valid_until)}"
                             + (f", hoặc các đơn vị hiện nay bằng --province \"{nat.successors_of(unit)[0].name}\"."
                                if heirs else "."))
    units = nat.select(unit, day, levels, search)
    return national(NationalRows(units, unit, day, search, levels), fmt), bool(units)


def _fmt(day) -> str:
    from tuyentruyen.vn.dates import fmt_date

    return fmt_date(day)


def _registries(paths, day, kind: str | None, search: str | None, fmt: str) -> tuple[str, bool, tuple[Path, ...]]:
    from tuyentruyen.loading.documents import load_registry
    from tuyentruyen.problems import exit_code
    from tuyentruyen.project.registry import read_registry
    from tuyentruyen.report.units import RegistryRows, registries

    files = _find(paths)
    loaded = [load_registry(p) for p in files]
    bad = [r for r in loaded if r.registry is None]
    if bad:
        from tuyentruyen.report import emit

        emit(bad, "text", sys.stderr)
        raise typer.Exit(exit_code([p for r in bad for p in r.problems]) or 1)
    if kind is not None:
        from tuyentruyen.model import UnitKind

        if kind not in {k.value for k in UnitKind}:
            raise fail_usage(f"--kind {kind}: không phải một loại đơn vị của sổ đơn vị.",
                             "Dùng một trong: " + ", ".join(k.value for k in UnitKind)
                             + " (cấp đơn vị hành chính như xa, phuong: dùng cùng --province hoặc --national).")
    rows = []
    for r in loaded:
        index = read_registry(r.path).index if r.registry.extends else None
        own = [u for u in r.registry.units if _matches(u, search) and (kind is None or u.kind.value == kind)]
        extra = []
        if index is not None and search and index.national is not None:
            extra = [u for u in index.national.named if _matches(u, search) and (kind is None or u.kind.value == kind)]
        rows.append(RegistryRows(r, own, index, extra))
    return registries(rows, fmt, search, day), any(row.units or row.national for row in rows), tuple(files)


def _write(text: str, fmt: str, output: Path | None, protect: tuple[Path, ...]) -> None:
    if output is None:
        from tuyentruyen.vn.text import printable

        sys.stdout.write(printable(text))  # never the plan's escape sequences on a terminal
        return
    from tuyentruyen.errors import TTError
    from tuyentruyen.project.files import atomic_write_bytes

    try:
        atomic_write_bytes(output, text.encode("utf-8-sig" if fmt == "csv" else "utf-8"),
                           protect=protect)
    except TTError as exc:
        raise fail_error(exc) from None


def _find(paths: list[str] | None) -> list[Path]:
    from tuyentruyen.errors import UsageError
    from tuyentruyen.loading.documents import load_plan
    from tuyentruyen.project.discover import discover, find_registry, is_registry_file

    if not paths:
        try:
            found = [p for p in discover(None) if is_registry_file(p)]
        except UsageError as exc:
            raise UsageError(exc.message, "Chỉ rõ sổ đơn vị: `tt units plans/units.yaml`, hoặc tra danh sách "
                             "quốc gia: `tt units --province \"Tuyên Quang\"`.") from None
        if not found:
            raise UsageError("Không có sổ đơn vị (units.yaml) nào trong plans/.",
                             "Tạo sổ đơn vị units.yaml cạnh kế hoạch (xem docs/editor.md), hoặc chỉ rõ đường dẫn.")
        return found
    result: list[Path] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            result.extend(f for f in discover([given]) if is_registry_file(f))
        elif is_registry_file(p) or not p.exists():
            result.append(p)  # a missing file is reported by the loader
        else:  # a plan: its registry, found as every command finds it
            from tuyentruyen.errors import TTError
            from tuyentruyen.project.config import config_for

            plan = load_plan(p)
            if plan.plan is None and any(x.fatal for x in plan.problems):
                raise TTError(f"Không đọc được kế hoạch '{given}' nên không biết sổ đơn vị của nó.",
                              "Sửa lỗi được báo ở trên, hoặc chỉ thẳng sổ đơn vị: `tt units plans/units.yaml`.",
                              problems=[x for x in plan.problems if x.fatal], code="TT-Y001")
            config = config_for(p)
            registry, named_by = find_registry(p, plan.plan.units if plan.plan is not None else None, config)
            from tuyentruyen.project.discover import outside_repository

            if registry is not None and named_by != "nearby" and outside_repository(registry, p, config):
                raise UsageError(f"Sổ đơn vị của kế hoạch '{given}' ({registry}) nằm ngoài kho kế hoạch nên tt "
                                 "không đọc.", "Chép sổ đơn vị vào kho, hoặc cho phép thư mục đó bằng "
                                 "`allow-units-outside = [\"…\"]` trong tt.toml.")
            if registry is None:
                raise UsageError(f"Không tìm thấy sổ đơn vị của kế hoạch '{given}'.",
                                 "Đặt units.yaml cạnh kế hoạch, ghi `units = \"…\"` trong tt.toml, "
                                 "hoặc ghi đường dẫn trong khóa `units:` của kế hoạch.")
            result.append(registry)
    if not result:
        raise UsageError(f"Không có sổ đơn vị (units.yaml) nào trong {', '.join(paths)}.")
    return list(dict.fromkeys(result))


def _matches(unit, search: str | None) -> bool:
    from tuyentruyen.vn.text import fold

    if not search:
        return True
    needle = fold(search)
    return any(needle in fold(v) for v in (unit.id, unit.name, *unit.short, *unit.aliases))
