"""Where `tt render` writes (tên tệp xuất): build/<folders>-<name>.docx, or what -o says."""

from __future__ import annotations

from pathlib import Path

from tuyentruyen.errors import UsageError

BUILD_DIR = "build"


def output_name(plan_path: Path, root: Path | None) -> str:
    """plans/ha-giang/2023.yaml → "ha-giang-2023": the path under plans/, folders joined by "-"."""
    resolved = plan_path.resolve()
    for base in ([root / "plans", root] if root is not None else []):
        try:
            rel = resolved.relative_to(base.resolve())
        except ValueError:
            continue
        return "-".join((*rel.parts[:-1], rel.stem))
    return plan_path.stem


def targets(files: list[Path], out: str | None, root: Path | None, formats: list[str],
            suffix: str = "") -> dict[Path, dict[str, Path]]:
    """For each plan, the output path of each format (suffix: "-bao-cao" for a report…)."""
    base_dir = (root or Path.cwd()) / BUILD_DIR
    if out is not None:
        out_path = Path(out)
        if out.endswith(("/", "\\")) or out_path.is_dir():
            base_dir = out_path
        elif len(files) > 1:
            raise UsageError(f"-o {out}: chỉ dùng một tệp đích khi xuất một kế hoạch (đang có {len(files)} kế hoạch).",
                             "Chỉ rõ một kế hoạch (`tt render plans/2024.yaml -o ke-hoach.docx`), "
                             "hoặc cho -o là một thư mục (`-o ban-in/`).")
        else:
            stem = out_path.with_suffix("") if out_path.suffix.lower() in (".docx", ".pdf") else out_path
            return {files[0]: {fmt: stem.with_name(stem.name + "." + fmt) for fmt in formats}}
    return {f: {fmt: base_dir / f"{output_name(f, root)}{suffix}.{fmt}" for fmt in formats} for f in files}
