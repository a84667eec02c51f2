"""Freeze again what the renderer makes of the v1 plans in this folder (tests/render/test_v1_unchanged.py).

    .venv/bin/python tests/render/v1/refreeze.py          # rewrite every <name>/*.xml.gz and parts.sha256.json
    .venv/bin/python tests/render/v1/refreeze.py --check  # only say which would change (exit 1 if any)

Run it only when a change of the output is intended, and say in the change what differs and why;
the test then guards the new output against any accidental change. Each plan is rendered through
`tt render` (as the test does); word/document.xml and the page headers are stored verbatim (gzip,
no timestamp), every part of the package by its SHA-256.

The refreezes so far:
- issue 13: the package is made for tt (styles.xml with named styles — Body Text, Căn cứ,
  heading 1–3, Chữ trong bảng —, settings.xml in compatibility mode 15, a theme and a font table
  of Times New Roman; no stylesWithEffects.xml, customXml, thumbnail, numbering, webSettings);
  body paragraphs carry their style instead of direct spacing and indents; titles and headings
  break between Vietnamese words at phrase boundaries; header and signer lines step down in size
  to fit; the Lưu line ends with a period after the copies ("ĐM.(50)."); the appendix prints the
  optional columns only when half of the tasks fill them, lets tall rows break across pages, lists
  more than three units one per line, breaks its column headings between words; the body ends
  with an empty paragraph.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
TT = [str(Path(sys.executable).with_name("tt"))]  # the tt of the Python that runs this script


def render(plan: Path, out: Path) -> dict[str, bytes]:
    proc = subprocess.run([*TT, "render", str(plan), "--docx", "-o", str(out)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{plan}: tt render exited {proc.returncode}\n{proc.stdout}{proc.stderr}")
    with zipfile.ZipFile(out) as z:
        return {n: z.read(n) for n in z.namelist()}


def frozen(folder: Path, parts: dict[str, bytes]) -> dict[str, bytes]:
    """The files of one fixture folder for these parts."""
    files = {}
    for name, data in parts.items():
        if name == "word/document.xml" or (name.startswith("word/header") and name.endswith(".xml")):
            files[Path(name).name + ".gz"] = gzip.compress(data, mtime=0)
    manifest = {n: hashlib.sha256(d).hexdigest() for n, d in sorted(parts.items())}
    files["parts.sha256.json"] = (json.dumps(manifest, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    return files


def main() -> int:
    check = "--check" in sys.argv[1:]
    changed = []
    with tempfile.TemporaryDirectory() as tmp:
        for folder in sorted(p for p in HERE.iterdir() if (p / "plan.yaml").is_file()):
            files = frozen(folder, render(folder / "plan.yaml", Path(tmp) / f"{folder.name}.docx"))
            old = {p.name: p.read_bytes() for p in folder.iterdir() if p.name.endswith((".xml.gz", ".sha256.json"))}
            same = {k: gzip.decompress(v) if k.endswith(".gz") else v for k, v in old.items()} == \
                {k: gzip.decompress(v) if k.endswith(".gz") else v for k, v in files.items()}
            if same:
                continue
            changed.append(folder.name)
            if not check:
                for stale in set(old) - set(files):
                    (folder / stale).unlink()
                for name, data in files.items():
                    (folder / name).write_bytes(data)
    print(("would change: " if check else "refrozen: ") + (", ".join(changed) or "nothing"))
    return 1 if (check and changed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
