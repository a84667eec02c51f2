"""`tt import`: a Word (.docx) or text plan into a plan file and its unit registry (nhập văn bản).

The pipeline, one module a step:

    .docx ── docx.read_docx ──┐
                              ├─ blocks (Para, Table) ── structure.Builder ── plan data + notes
    .txt  ── text.read_text ──┘                            (tables: the appendix; names: units)
    plan data ── registry.registry_data ── units.yaml data + notes
    data + notes ── output.to_yaml (tt fmt's layout, a `# tt import:` comment per note) ── files

:func:`import_source` does the reading and building in memory (for a test, or a program: bytes
in, text out); :func:`write_import` writes the files (atomically, never over an input, never
over an existing plan without ``force``; an existing registry is used, not rewritten).
The command module (`tuyentruyen.cli.import_`) only parses arguments and prints the report.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tuyentruyen.errors import TTError
from tuyentruyen.edit.importer.notes import Note

__all__ = ["ImportFailed", "Imported", "import_source", "read_blocks", "write_import"]

TEXT_SUFFIXES = (".txt", ".text", ".md")
DOCX_SUFFIXES = (".docx", ".docm", ".dotx")


class ImportFailed(TTError):
    """The document cannot be imported (exit 2)."""

    code = "TT-I020"


@dataclass
class Imported:
    """The result of an import, before anything is written."""

    data: dict  # the plan
    notes: list[Note]
    registry: dict | None = None  # the units.yaml data (None when an existing registry is used)
    registry_notes: list[tuple[int, str]] = field(default_factory=list)
    unknown_units: list[str] = field(default_factory=list)  # names the existing registry does not know
    plan_text: str = ""
    registry_text: str | None = None
    located: list = field(default_factory=list)  # output.Located, in the plan text
    registry_located: list = field(default_factory=list)


def _decode_text(data: bytes, shown: str) -> str:
    import codecs

    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportFailed(
            f"Dòng {line} của '{shown}' chứa byte 0x{data[exc.start:exc.start + 1].hex().upper()} không phải UTF-8.",
            "Lưu lại văn bản ở mã UTF-8 (Notepad: 'Lưu thành' → Mã hóa 'UTF-8'; VS Code: 'Save with Encoding' → "
            "'UTF-8'), rồi chạy lại `tt import`.", file=shown, line=line, code="TT-I021") from None


def read_blocks(data: bytes, name: str, meta: dict | None = None):
    """The blocks of a document given as bytes; the kind is told by the name's suffix, else by the bytes.
    meta receives what a .docx says of itself (title, subject, author)."""
    from tuyentruyen.edit.importer.docx import DocxError, read_docx
    from tuyentruyen.edit.importer.text import read_text

    suffix = Path(name).suffix.lower()
    if suffix == ".doc" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFailed(f"'{name}' là tệp Word cũ (.doc), tt chỉ đọc .docx.",
                           "Mở tệp bằng Word và 'Lưu thành' .docx, hoặc chạy "
                           "`soffice --headless --convert-to docx TỆP.doc`, rồi nhập tệp .docx.",
                           file=name, code="TT-I022")
    if suffix in DOCX_SUFFIXES or (suffix not in TEXT_SUFFIXES and data.startswith(b"PK\x03\x04")):
        try:
            return read_docx(data, meta)
        except DocxError as exc:
            raise ImportFailed(f"Không đọc được '{name}': {exc.why}.",
                               "Mở tệp bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx; nếu là văn bản "
                               "sao chép từ PDF hay trang web, lưu thành tệp .txt (UTF-8) rồi nhập tệp đó.",
                               file=name, code="TT-I023") from None
    if suffix in (".pdf",) or data.startswith(b"%PDF"):
        raise ImportFailed(f"'{name}' là tệp PDF: tt không đọc PDF trực tiếp.",
                           "Mở PDF, chọn toàn bộ chữ (Ctrl+A), sao chép vào một tệp .txt (UTF-8) rồi `tt import` tệp "
                           "đó; hoặc chuyển PDF sang .docx bằng Word.", file=name, code="TT-I022")
    return read_text(_decode_text(data, name))


def import_source(data: bytes, name: str, *, index=None, registry_exists: bool = False) -> Imported:
    """Read and build (nothing is written): the plan data, its notes and its registry data.

    index: a UnitIndex of an existing registry, used to split and recognise unit names; with it
    (registry_exists) no registry is built, and the names it does not know are listed."""
    from tuyentruyen.edit.importer.registry import registry_data, responsibility_names
    from tuyentruyen.edit.importer.structure import Builder

    meta: dict = {}
    blocks = read_blocks(data, name, meta)
    if not any(getattr(b, "text", None) or getattr(b, "rows", None) for b in blocks):
        raise ImportFailed(f"'{name}' không có nội dung nào để nhập.", "Kiểm tra lại tệp (có thể là tệp rỗng).",
                           file=name, code="TT-I024")
    builder = Builder(blocks, index, hints=[v for v in meta.values() if isinstance(v, str)])
    plan = builder.build()
    result = Imported(plan, list(builder.notes))
    names = responsibility_names(plan)
    if registry_exists and index is not None:
        seen = []
        for n in names:
            if index.resolve(n) is None and n not in seen:
                seen.append(n)
        result.unknown_units = seen
    elif names:
        issuer = (plan.get("document") or {}).get("issuer", {}).get("name")
        result.registry, result.registry_notes = registry_data(names, issuer)
    return result


def render_texts(result: Imported, *, display: str, registry_display: str = "units.yaml",
                 head: Sequence[str] = (), registry_head: Sequence[str] = ()) -> None:
    """Fill result.plan_text and result.registry_text (tt's layout, with the comments)."""
    from tuyentruyen.edit.fmt import FormatError
    from tuyentruyen.edit.importer.output import to_yaml

    try:
        result.plan_text, result.located = to_yaml(result.data, result.notes, display=display, head=list(head))
        if result.registry is not None:
            notes = [Note(("units", k), "TT-I004", msg, registry=True) for k, msg in result.registry_notes]
            result.registry_text, result.registry_located = to_yaml(result.registry, notes, display=registry_display,
                                                                    head=list(registry_head))
    except FormatError as exc:  # pragma: no cover - PyYAML's output always reads back
        raise ImportFailed("tt không viết được kết quả nhập thành YAML hợp lệ.",
                           "Đây là lỗi của tt: hãy báo lỗi kèm tệp đã nhập (đặt TT_DEBUG=1 để xem chi tiết).",
                           problems=exc.problems) from None


@dataclass
class Written:
    plan: Path
    registry: Path | None  # the registry the plan uses
    registry_written: bool
    result: Imported


def default_output(source: Path) -> Path:
    """plans/<tên tệp>.yaml in the current repository, else beside the source."""
    from tuyentruyen.project.discover import find_project_root

    root = find_project_root(Path.cwd())
    base = (root / "plans") if root is not None and (root / "plans").is_dir() else source.parent
    return base / (source.stem + ".yaml")


def write_import(source: Path, output: Path | None = None, units: Path | None = None, *,
                 force: bool = False) -> Written:
    """Import source and write the plan (and its registry when there is none yet)."""
    from tuyentruyen.loading.source import LoadError, display_name, read_raw
    from tuyentruyen.project.files import atomic_write_many, same_file

    try:
        data = read_raw(source)
    except LoadError as exc:
        p = exc.problems[0]
        raise ImportFailed(p.message, p.hint, file=source, code="TT-I020") from None
    target = output if output is not None else default_output(source)
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise ImportFailed(f"Tệp kết quả '{display_name(target)}' phải có đuôi .yaml.",
                           "Đặt tên như `-o plans/2024.yaml`.", code="TT-I025")
    if same_file(target, source):
        raise ImportFailed(f"Không ghi kết quả đè lên văn bản đầu vào '{display_name(source)}'.",
                           "Chọn tên khác cho -o.", code="TT-I025")
    if target.exists() and not force:
        raise ImportFailed(f"Tệp '{display_name(target)}' đã có: tt import không ghi đè một kế hoạch.",
                           "Chọn tên khác bằng -o, hoặc thêm --force nếu thật sự muốn thay tệp này.",
                           file=target, code="TT-I026")
    registry_path, existing, index = _registry_for(target, units)
    result = import_source(data, display_name(source), index=index, registry_exists=existing)
    if registry_path is not None and units is not None and not _found_by_default(target, registry_path):
        rel = Path(os.path.relpath(registry_path.resolve(), target.parent.resolve())).as_posix()
        result.data = {"tt": 1, "units": rel, **{k: v for k, v in result.data.items() if k != "tt"}}
    root = _project_root(target)
    extra: dict[Path, str] = {}
    reg_target = registry_path if not existing else None
    head = [_modeline(target, root, extra, "plan")] if root is not None else []
    reg_head = [_modeline(reg_target, root, extra, "units")] if reg_target is not None and root is not None else []
    render_texts(result, display=display_name(target),
                 registry_display=display_name(reg_target) if reg_target else "units.yaml",
                 head=[h for h in head if h], registry_head=[h for h in reg_head if h])
    outputs: dict[Path, bytes] = {target: result.plan_text.encode("utf-8")}
    wrote_registry = False
    if reg_target is not None and result.registry_text is not None:
        outputs[reg_target] = result.registry_text.encode("utf-8")
        wrote_registry = True
    for path, text in extra.items():
        if not path.exists():
            outputs[path] = text.encode("utf-8")
    for path in outputs:
        if same_file(path, source):
            raise ImportFailed(f"Không ghi đè lên văn bản đầu vào '{display_name(source)}'.", "Chọn tên khác cho -o.",
                               code="TT-I025")
    atomic_write_many(outputs)
    return Written(target, registry_path if (existing or wrote_registry) else None, wrote_registry, result)


def _project_root(target: Path) -> Path | None:
    from tuyentruyen.project.discover import find_project_root

    here = target.parent
    while not here.exists() and here != here.parent:
        here = here.parent
    return find_project_root(here)


def _modeline(target: Path, root: Path, extra: dict, kind: str) -> str | None:
    from tuyentruyen.edit.new import schema_modeline

    return schema_modeline(target, root, extra, "units.schema.json" if kind == "units" else "plan.schema.json")


def _found_by_default(plan: Path, registry: Path) -> bool:
    """Whether the plan finds this registry without a `units:` key (units.yaml here or above)."""
    from tuyentruyen.project.discover import find_registry

    try:
        found = find_registry(plan, None, None)[0]
    except Exception:  # noqa: BLE001 - a broken tt.toml: say where the registry is
        return False
    return found is not None and Path(found).resolve() == registry.resolve()


def _registry_for(target: Path, units: Path | None):
    """(registry path, whether it exists already, its UnitIndex or None)."""
    from tuyentruyen.loading.documents import load_registry
    from tuyentruyen.loading.source import display_name
    from tuyentruyen.vn.units import UnitIndex

    path = units
    if path is None:
        from tuyentruyen.project.discover import find_registry

        try:
            found = find_registry(target, None, None)[0]
        except Exception:  # noqa: BLE001 - no usable tt.toml: a new registry beside the plan
            found = None
        path = Path(found) if found is not None else target.parent / "units.yaml"
    if not path.exists():
        return path, False, None
    loaded = load_registry(path)
    if loaded.registry is None:
        first = next((p for p in loaded.problems if p.fatal or p.severity.value == "error"), None)
        raise ImportFailed(f"Sổ đơn vị '{display_name(path)}' không đọc được"
                           + (f": {first.file}:{first.line}:{first.col}: {first.message}" if first else "."),
                           "Sửa sổ đơn vị (chạy `tt validate` trên nó), hoặc chỉ một sổ khác bằng --units.",
                           file=path, code="TT-I027", problems=[p for p in loaded.problems if p.fatal or
                                                                 p.severity.value == "error"])
    return path, True, UnitIndex(loaded.registry)
