"""`tt units`: list the unit registry (sổ đơn vị), so that clerks copy exact names."""

from __future__ import annotations

import enum
import sys
from pathlib import Path

import typer

from tuyentruyen.cli.base import app, fail_error
from tuyentruyen.cli.complete import registry_paths

KIND_LABELS = {
    "ubnd": "Ủy ban nhân dân", "so": "sở, ban, ngành", "van-phong": "văn phòng", "phong": "phòng chuyên môn",
    "trung-tam": "trung tâm, đơn vị sự nghiệp", "bao-dai": "báo, đài", "doan-the": "Mặt trận, đoàn thể",
    "dang": "cơ quan Đảng", "trung-uong": "cơ quan Trung ương", "hdnd": "Hội đồng nhân dân",
    "dao-tao": "cơ sở đào tạo", "doanh-nghiep": "doanh nghiệp", "nhom": "nhóm đơn vị", "khac": "khác",
}


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
    output: Path = typer.Option(
        None, "--output", "-o", metavar="TỆP", show_default=False,
        help="Ghi vào tệp thay vì in ra màn hình (csv được ghi kèm BOM để Excel đọc đúng tiếng Việt)."),
) -> None:
    """Liệt kê các đơn vị trong sổ đơn vị: mã, tên chuẩn, tên viết tắt, tên gọi khác, loại, nhóm, hiệu lực.

    Dùng để chép đúng tên đơn vị vào kế hoạch (chủ trì, phối hợp, nhiệm vụ theo đơn vị).
    """
    from tuyentruyen.errors import TTError
    from tuyentruyen.loading.documents import load_registry
    from tuyentruyen.problems import exit_code

    try:
        registries = _find(paths)
    except TTError as exc:
        raise fail_error(exc) from None
    loaded = [load_registry(p) for p in registries]
    bad = [r for r in loaded if r.registry is None]
    if bad:
        from tuyentruyen.report import emit

        emit(bad, "text", sys.stderr)
        raise typer.Exit(exit_code([p for r in bad for p in r.problems]) or 1)
    rows = [(r, [u for u in r.registry.units if _matches(u, search)]) for r in loaded]
    text = {"text": _text, "json": _json, "csv": _csv}[fmt.value](rows, search)
    if output is None:
        sys.stdout.write(text)
    else:
        from tuyentruyen.project.files import atomic_write_bytes

        try:
            atomic_write_bytes(output, text.encode("utf-8-sig" if fmt.value == "csv" else "utf-8"),
                               protect=tuple(registries) + tuple(Path(p) for p in paths or ()))
        except TTError as exc:
            raise fail_error(exc) from None
    if search and not any(units for _, units in rows):
        typer.echo(f"Không có đơn vị nào khớp '{search}'.", err=True)
        raise typer.Exit(1)


def _find(paths: list[str] | None) -> list[Path]:
    from tuyentruyen.errors import UsageError
    from tuyentruyen.loading.documents import load_plan
    from tuyentruyen.project.discover import discover, find_registry, is_registry_file

    if not paths:
        try:
            found = [p for p in discover(None) if is_registry_file(p)]
        except UsageError as exc:
            raise UsageError(exc.message, "Chỉ rõ sổ đơn vị: `tt units plans/units.yaml`.") from None
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
            plan = load_plan(p)
            registry, _ = find_registry(p, plan.plan.units if plan.plan is not None else None)
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


def _date(d) -> str:
    from tuyentruyen.vn.dates import fmt_date

    return fmt_date(d) if d else ""


def _validity(unit) -> str:
    import datetime as dt

    parts = []
    if unit.valid_from:
        parts.append(f"từ {_date(unit.valid_from)}")
    if unit.valid_until:
        parts.append(f"đến {_date(unit.valid_until)}")
        if unit.valid_until < dt.date.today():
            parts.append("(đã hết hiệu lực)")
    if unit.successor:
        parts.append(f"→ đơn vị kế thừa: {unit.successor}")
    return " ".join(parts)


def _text(rows, search) -> str:
    from tuyentruyen.loading.source import display_name as relative

    out: list[str] = []
    for loaded, units in rows:
        if search and not units:
            continue
        reg = loaded.registry
        names = {u.id: u.name for u in reg.units}
        members: dict[str, int] = {}
        for u in reg.units:
            for g in u.groups:
                members[g] = members.get(g, 0) + 1
        head = f"Sổ đơn vị {relative(loaded.path)}"
        if reg.issuer:
            head += f" ({reg.issuer})"
        count = f"{len(units)}/{len(reg.units)} đơn vị khớp '{search}'" if search else f"{len(reg.units)} đơn vị"
        out += [f"{head}: {count}", ""]
        for u in units:
            out.append(f"{u.name}")
            out.append(f"    mã: {u.id} · loại: {KIND_LABELS.get(u.kind.value, u.kind.value)}"
                       + (f" · gồm {members[u.id]} đơn vị" if u.id in members else ""))
            if u.short:
                out.append("    viết tắt: " + "; ".join(u.short))
            if u.aliases:
                out.append("    tên gọi khác: " + "; ".join(u.aliases))
            if u.groups:
                out.append("    thuộc nhóm: " + "; ".join(names.get(g, g) for g in u.groups))
            validity = _validity(u)
            if validity:
                out.append("    hiệu lực: " + validity)
            if u.notes:
                out.append("    ghi chú: " + u.notes)
        out.append("")
    return "\n".join(out)


def _records(rows):
    from tuyentruyen.loading.source import display_name as relative

    for loaded, units in rows:
        for u in units:
            yield relative(loaded.path), loaded.registry, u


def _json(rows, search) -> str:
    import json

    from tuyentruyen.loading.source import display_name as relative

    data = {"version": 1, "registries": [{
        "file": relative(loaded.path),
        "issuer": loaded.registry.issuer,
        "units": [{
            "id": u.id, "name": u.name, "short": list(u.short), "aliases": list(u.aliases), "kind": u.kind.value,
            "groups": list(u.groups), "valid_from": u.valid_from.isoformat() if u.valid_from else None,
            "valid_until": u.valid_until.isoformat() if u.valid_until else None, "successor": u.successor,
            "notes": u.notes,
        } for u in units],
    } for loaded, units in rows]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv(rows, search) -> str:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["tệp", "mã", "tên chuẩn", "viết tắt", "tên gọi khác", "loại", "nhóm",
                     "hiệu lực từ", "hiệu lực đến", "đơn vị kế thừa", "ghi chú"])
    for file, _, u in _records(rows):
        writer.writerow([file, u.id, u.name, "; ".join(u.short), "; ".join(u.aliases), u.kind.value,
                         "; ".join(u.groups), _date(u.valid_from), _date(u.valid_until), u.successor or "",
                         u.notes or ""])
    return buf.getvalue()
