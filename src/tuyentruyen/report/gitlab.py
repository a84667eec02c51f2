"""GitLab Code Quality report: a JSON array GitLab shows in the merge request and on the diff.

Each problem is one issue: `description` (the message and its hint), `check_name` (the
rule code), `fingerprint` (stable across line moves: file, code, YAML path and message,
plus a counter for repeats), `severity` (blocker for an unreadable file, major for an
error, minor for a warning, info for a note), `categories` (Style for the text rules
TT-T…, Bug Risk for the others), `location.path` and `location.lines.begin`.
Format: https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
"""

from __future__ import annotations

import hashlib
import json
from typing import TextIO

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def issues(files) -> list[dict]:
    seen: dict[str, int] = {}
    out = []
    for f in files:
        for p in f.problems:
            key = "\x1f".join([p.file, p.code, "/".join(str(x) for x in p.path), p.message])
            n = seen.get(key, 0)
            seen[key] = n + 1
            fingerprint = hashlib.sha256(f"{key}\x1f{n}".encode("utf-8")).hexdigest()
            description = f"{p.code}: {p.message}" + (f" Gợi ý: {p.hint}" if p.hint else "")
            out.append({
                "description": description,
                "check_name": p.code,
                "fingerprint": fingerprint,
                "severity": "blocker" if p.fatal else _SEVERITY[p.severity.value],
                "categories": ["Style"] if p.code.startswith("TT-T") else ["Bug Risk"],
                "location": {"path": p.file.replace("\\", "/"), "lines": {"begin": max(1, p.line)}},
            })
    return out


def report(files, stream: TextIO) -> None:
    json.dump(issues(files), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
