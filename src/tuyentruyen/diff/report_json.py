"""JSON report of a diff: stable keys, documented in docs/diff.md (Định dạng JSON).

    {"version": 1, "equal": false,
     "summary": {"files": 1, "different": 1, "errors": 0},
     "files": [{"status": "modified", "equal": false, "old": {…}, "new": {…},
                "summary": {"changes": 8, "categories": {…}, "tasks": {…}},
                "notes": […], "problems": [], "changes": [{…, "message": "…"}]}]}

Dates are ISO (yyyy-mm-dd), as in the model; every text is NFC; `message` is the line the
text report prints for the change.
"""

from __future__ import annotations

import json
from typing import TextIO

from tuyentruyen.diff import messages as msg
from tuyentruyen.diff.model import PlanDiff

SCHEMA_VERSION = 1


def file_dict(d: PlanDiff) -> dict:
    changes = []
    for c in d.changes:
        item = c.to_dict()
        item["message"] = msg.change_text(c)
        changes.append(item)
    return {
        "status": d.status,
        "equal": d.equal,
        "old": d.old.to_dict(),
        "new": d.new.to_dict(),
        "summary": {"changes": len(d.changes), "categories": d.counts(), "tasks": d.task_counts()},
        "notes": d.notes,
        "problems": [p.to_dict() for p in d.problems],
        "changes": changes,
    }


def as_dict(diffs: list[PlanDiff]) -> dict:
    return {
        "version": SCHEMA_VERSION,
        "equal": all(d.equal for d in diffs),
        "summary": {"files": len(diffs), "different": sum(1 for d in diffs if d.exit_code == 1),
                    "errors": sum(1 for d in diffs if d.status == "error")},
        "files": [file_dict(d) for d in diffs],
    }


def report(diffs: list[PlanDiff], stream: TextIO, cosmetic: bool = True) -> None:  # noqa: ARG001 - JSON is whole
    json.dump(as_dict(diffs), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
