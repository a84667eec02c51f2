"""SARIF 2.1.0 report, for GitHub code scanning (`tt lint --format sarif > tt.sarif`).

One run of the tool `tt`: `tool.driver.rules` describes every lint rule (Vietnamese title,
summary, the rule page as `help.markdown`, `helpUri` when a docs address is known) and the
loading/schema codes that occur; each result carries its level, message (with the hint),
the location relative to the repository root (`uriBaseId` SRCROOT, resolved by
`originalUriBaseIds`), `partialFingerprints` that survive unrelated edits (the rule and the
text of the line, not its number), and the safe fix when there is one. Columns count Unicode
code points (`columnKind`), as tt's do. Validated against the OASIS schema in tests/lint/.

The docs address: `docs-url` of tt.toml, or the environment variable TT_DOCS_URL; the page of
a rule is `<address>/<CODE>.md`.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TextIO

from tuyentruyen import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
OTHER_CODES = {  # the codes that are not lint rules: (name, title, description) by family
    "TT-Y": ("doc-tep", "Không đọc được tệp", "Tệp không đọc được như một tệp YAML hợp lệ (mã hóa, cú pháp, Tab…)."),
    "TT-S": ("dinh-dang", "Sai định dạng kế hoạch", "Tệp không đúng định dạng kế hoạch (khóa, kiểu, giá trị)."),
    "TT-K": ("cau-hinh", "Tệp cấu hình tt.toml không dùng được", "tt.toml sai cú pháp hoặc có khóa, mã không hợp lệ."),
}


def repo_root(start: Path | None = None) -> Path:
    """The repository root: GITHUB_WORKSPACE in GitHub Actions, else the nearest folder with .git."""
    if os.environ.get("GITHUB_WORKSPACE"):
        return Path(os.environ["GITHUB_WORKSPACE"]).resolve()
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if (d / ".git").exists():
            return d
    return here


def _uri(path: Path, root: Path) -> str:
    try:
        return Path(os.path.relpath(path.resolve(), root)).as_posix()
    except ValueError:
        return path.resolve().as_uri()


def _docs_url(files) -> str | None:
    if os.environ.get("TT_DOCS_URL"):
        return os.environ["TT_DOCS_URL"].rstrip("/")
    from tuyentruyen.project.config import ConfigError, config_for

    for f in files:
        try:
            cfg = config_for(f.path)
        except ConfigError:
            continue
        if cfg.docs_url:
            return cfg.docs_url
    return None


def _descriptors(codes: set[str], docs: str | None) -> list[dict]:
    from tuyentruyen.rules import all_rules
    from tuyentruyen.rules.docs import page, summary

    out = []
    for r in all_rules():
        d = {
            "id": r.code, "name": r.name,
            "shortDescription": {"text": r.title},
            "fullDescription": {"text": summary(r)},
            "help": {"text": f"{r.title}. {summary(r)} Xem: tt rule {r.code}.", "markdown": page(r)},
            "defaultConfiguration": {"level": _LEVEL[r.severity.value], "enabled": r.default},
            "properties": {"tags": ["tt", r.family], "docs": f"docs/rules/{r.code}.md"},
        }
        if docs:
            d["helpUri"] = f"{docs}/{r.code}.md"
        out.append(d)
    for code in sorted(codes):
        if any(d["id"] == code for d in out):
            continue
        from tuyentruyen.problems import code_title

        name, _, text = OTHER_CODES.get(code[:4], ("khac", "Vấn đề khác", "Vấn đề do tt báo."))
        out.append({"id": code, "name": name, "shortDescription": {"text": code_title(code)},
                    "fullDescription": {"text": text},
                    "defaultConfiguration": {"level": "error"}, "properties": {"tags": ["tt"]}})
    return out


def as_dict(files, root: Path | None = None) -> dict:
    root = root or repo_root()
    codes = {p.code for f in files for p in f.problems}
    rules = _descriptors(codes, _docs_url(files))
    index = {d["id"]: i for i, d in enumerate(rules)}
    results = []
    for f in files:
        uri = _uri(Path(f.path), root)
        seen: dict[str, int] = {}
        for p in f.problems:
            line_text = f.source.line(p.line) if f.source is not None and p.file == f.display else ""
            base = hashlib.sha256(f"{p.code}\0{' '.join(line_text.split())}".encode()).hexdigest()[:16]
            seen[base] = seen.get(base, 0) + 1
            region: dict = {"startLine": max(1, p.line), "startColumn": max(1, p.col)}
            if p.end_line and p.end_col:
                region.update(endLine=p.end_line, endColumn=p.end_col)
            if line_text:
                region["snippet"] = {"text": line_text}
            location = {"physicalLocation": {"artifactLocation": {"uri": uri if p.file == f.display else
                                                                  _uri(Path(p.file), root), "uriBaseId": "SRCROOT"},
                                             "region": region}}
            result = {
                "ruleId": p.code, "ruleIndex": index[p.code], "level": _LEVEL[p.severity.value],
                "message": {"text": p.message + (f"\nGợi ý: {p.hint}" if p.hint else "")},
                "locations": [location],
                "partialFingerprints": {
                    "primaryLocationLineHash": f"{base}:{seen[base]}",
                    "ttProblem/v1": hashlib.sha256(
                        f"{p.code}\0{uri}\0{'/'.join(map(str, p.path))}\0{p.message}".encode()).hexdigest()[:32],
                },
            }
            if p.fix is not None:
                result["fixes"] = [{
                    "description": {"text": "Sửa tự động (tt lint --fix)."},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri, "uriBaseId": "SRCROOT"},
                        "replacements": [{"deletedRegion": {"charOffset": p.fix.start,
                                                            "charLength": p.fix.end - p.fix.start},
                                          "insertedContent": {"text": p.fix.replacement}}],
                    }],
                }]
            results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "tt", "fullName": "tt — kế hoạch tuyên truyền dưới dạng mã",
                                "version": __version__, "semanticVersion": __version__, "language": "vi",
                                "rules": rules}},
            "originalUriBaseIds": {"SRCROOT": {"uri": root.as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def report(files, stream: TextIO) -> None:
    json.dump(as_dict(files), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
