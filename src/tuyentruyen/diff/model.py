"""The change records of a semantic diff (bản ghi thay đổi), shared by every reporter and by `apply`.

A `Change` is about one object of the plan — the document, the decision, a section
(mục), a duty (nhiệm vụ của một đơn vị), an item (ý), a citation (căn cứ), a group
(nhóm) or a task (nhiệm vụ) of the appendix:

- ``added`` / ``removed``: the object is new / gone; ``value`` holds it;
- ``changed``: same object, same place (renumbering is not a change); ``fields`` says what;
- ``reordered``: same object, moved within its list (and maybe changed too);
- ``moved``: a task now in another group (and maybe changed too).

``path`` is where the object is in the old plan, ``new_path`` where it is in the new one
(tuples of keys and indices, as `LoadedYaml.locate` takes). A `FieldChange` carries the
old and new value of one field, whether the change is ``cosmetic`` (same meaning: a unit
written by another of its names, spaces, Unicode form) and what the reporters show.
The JSON form (`to_dict`) is documented in docs/diff.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("added", "removed", "changed", "moved", "reordered")


@dataclass
class FieldChange:
    field: str  # dotted for sub-objects: "signer.name"
    name: str  # Vietnamese field name: "thời gian"
    type: str  # text, line, date, number, enum, bool, units, unit, time, paragraphs, names, lines
    old: Any
    new: Any
    cosmetic: bool = False
    note: str | None = None  # "muộn hơn 1 quý", "cùng đơn vị, đổi cách viết"
    details: dict = field(default_factory=dict)  # words, paragraphs, units added/removed

    def to_dict(self) -> dict:
        return {"field": self.field, "name": self.name, "type": self.type, "old": self.old, "new": self.new,
                "cosmetic": self.cosmetic, "note": self.note, "details": self.details}

    def inverse(self) -> "FieldChange":
        from tuyentruyen.diff.text import word_diff

        details = dict(self.details)
        if "words" in details:
            details["words"] = word_diff(self.new, self.old)
        if "units" in details:
            u = details["units"]
            details["units"] = {**u, "added": u["removed"], "removed": u["added"],
                                "renamed": [[b, a] for a, b in u["renamed"]]}
        if "paragraphs" in details:
            from tuyentruyen.diff.text import paragraph_ops

            details["paragraphs"] = paragraph_ops(self.new or [], self.old or [])
        return FieldChange(self.field, self.name, self.type, self.new, self.old, self.cosmetic, None, details)


@dataclass
class Change:
    kind: str  # one of KINDS
    object: str  # file, document, decision, plan, appendix, section, duty, item, citation, group, task
    path: tuple | None  # in the old plan (None when added)
    new_path: tuple | None  # in the new plan (None when removed)
    label: str  # where, in the new plan's numbering (the old one for a removed object): "Nhiệm vụ III.2"
    old_label: str | None = None  # where it was, when that differs: "II.3"
    id: str | None = None  # task id (None for a task without one)
    title: str | None = None  # a short description: the heading, the task's content (cut)
    fields: list[FieldChange] = field(default_factory=list)
    value: Any = None  # the whole object, for added / removed
    matched_by: str | None = None  # id, content, heading, key, position…
    notes: list[str] = field(default_factory=list)  # Vietnamese remarks: "tách từ nhiệm vụ …"
    relation: dict | None = None  # tasks split (tách) or merged (gộp): {"type": "split"|"merge", "ids": […]}
    group: dict | None = None  # a task's group as shown: {"label": "Nhóm III", "title": …, "side": "new"|"old"}

    @property
    def cosmetic(self) -> bool:
        """Only cosmetic field changes (and no move): same plan to a reader."""
        return self.kind == "changed" and bool(self.fields) and all(f.cosmetic for f in self.fields)

    @property
    def category(self) -> str:
        """The reporters' heading: added, removed, moved, reordered, changed, cosmetic."""
        return "cosmetic" if self.cosmetic else self.kind

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "object": self.object,
            "category": self.category,
            "label": self.label,
            "old_label": self.old_label,
            "id": self.id,
            "title": self.title,
            "path": list(self.path) if self.path is not None else None,
            "new_path": list(self.new_path) if self.new_path is not None else None,
            "matched_by": self.matched_by,
            "cosmetic": self.cosmetic,
            "fields": [f.to_dict() for f in self.fields],
            "value": self.value,
            "notes": self.notes,
            "relation": self.relation,
            "group": self.group,
        }


@dataclass
class SideInfo:
    """One side of a comparison, as the reports name it."""

    display: str  # "plans/2024.yaml" or "origin/main:plans/2024.yaml"
    path: str = ""  # the file's path, without the revision
    rev: str | None = None
    title: str | None = None
    tasks: int = 0
    ids_missing: int = 0  # tasks without an id (matched by content)
    registry: str | None = None
    groups: list[str] = field(default_factory=list)  # group titles, in order (for the reporters)
    padded: tuple[bool, ...] = ()  # each appendix's `padded` (rows 01, 02…), in order (for the reporters)

    def to_dict(self) -> dict:
        return {"file": self.display, "path": self.path, "rev": self.rev, "title": self.title, "tasks": self.tasks,
                "tasks_without_id": self.ids_missing, "registry": self.registry}


@dataclass
class PlanDiff:
    """The comparison of one plan in two versions (or why it could not be made)."""

    old: SideInfo
    new: SideInfo
    status: str = "modified"  # modified | added | removed | error
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # "khớp theo nội dung: …"
    problems: list = field(default_factory=list)  # Problems of a side that could not be read
    error_files: list = field(default_factory=list)  # the `Loaded` results behind `problems`

    @property
    def equal(self) -> bool:
        return self.status == "modified" and not self.changes

    @property
    def exit_code(self) -> int:
        if self.status == "error":
            return 2
        return 0 if self.equal else 1

    def counts(self) -> dict[str, int]:
        out = {k: 0 for k in ("added", "removed", "moved", "reordered", "changed", "cosmetic")}
        for c in self.changes:
            out[c.category] += 1
        return out

    def task_counts(self) -> dict[str, int]:
        out = {k: 0 for k in ("added", "removed", "moved", "reordered", "changed", "cosmetic", "split", "merge")}
        for c in self.changes:
            if c.object == "task":
                out[c.category] += 1
                kind = (c.relation or {}).get("type")
                if kind == "split" and c.kind == "removed":
                    out["split"] += 1
                if kind == "merge" and c.kind != "removed":
                    out["merge"] += 1
        return out


def printable_copy(diffs: list[PlanDiff]) -> list[PlanDiff]:
    """The diffs with every text shown as tuyentruyen.vn.text.printable shows it: what a terminal
    or a pull-request comment prints never carries the plan's escape sequences or bidi overrides.
    (The comparison itself ran on the real text: two texts that differ only by such a character
    are still reported as different.)"""
    import dataclasses

    from tuyentruyen.vn.text import printable

    def clean(value):
        if isinstance(value, str):
            return printable(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, tuple):
            return tuple(clean(v) for v in value)
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if dataclasses.is_dataclass(value) and not isinstance(value, type) and \
                isinstance(value, (PlanDiff, Change, FieldChange, SideInfo)):
            changes = {f.name: clean(getattr(value, f.name)) for f in dataclasses.fields(value)
                       if f.init and f.name not in ("error_files", "problems")}
            return dataclasses.replace(value, **changes)
        return value  # problems are printable already; loaded files are reported by report.text

    return [clean(d) for d in diffs]
