"""JSON report: stable keys, one object; documented in docs/plan-format.md (Báo cáo JSON)."""

from __future__ import annotations

import json
from typing import TextIO

from tuyentruyen.problems import Severity

SCHEMA_VERSION = 1


def as_dict(files) -> dict:
    problems = [p.to_dict() for f in files for p in f.problems]
    return {
        "version": SCHEMA_VERSION,
        "files": [{"file": f.display, "valid": f.ok} for f in files],
        "problems": problems,
        "summary": {
            "files": len(files),
            "invalid_files": sum(1 for f in files if not f.ok),
            "errors": sum(1 for f in files for p in f.problems if p.severity is Severity.ERROR),
            "warnings": sum(1 for f in files for p in f.problems if p.severity is Severity.WARNING),
        },
    }


def report(files, stream: TextIO) -> None:
    json.dump(as_dict(files), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
