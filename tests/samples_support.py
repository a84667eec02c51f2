"""Shared checks for the transcribed sample plans (kế hoạch mẫu) and their uncorrected originals.

Each sample comes as a pair: the corrected plan in plans/<name>/ and the original with its
real mistakes kept in tests/fixtures/seeds/<name>/, with an errors file that says on which
line each mistake sits. These helpers compare the pair and check the errors file, so a
transcription cannot drift from the document or from the list of its mistakes.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tuyentruyen import api
from tuyentruyen.model.validation import did_you_mean

# Kinds of real mistakes an errors file may list (the lint rules are tested against them).
ERROR_KINDS = {
    "impossible-date", "date-outside-year", "date-before-plan", "missing-time", "missing-lead",
    "multiple-leads", "lead-and-support", "unit-variant", "typo", "symbol-type", "symbol-spacing",
    "cross-reference", "archive-format", "spacing", "capitalisation",
}


def load_ok(path: Path) -> api.LoadedPlan:
    loaded = api.load_plan(path)
    assert loaded.plan is not None and not loaded.problems, [p.message for p in loaded.problems]
    return loaded


def load_errors(path: Path) -> list[dict]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(entries, list) and entries, f"{path}: phải là một danh sách lỗi"
    return entries


def parse_path(dotted: str) -> tuple:
    """'appendix.groups[0].tasks[1].lead' → ('appendix', 'groups', 0, 'tasks', 1, 'lead')."""
    out: list = []
    for part in dotted.split("."):
        name, *indices = part.split("[")
        if name:
            out.append(name)
        out.extend(int(i.rstrip("]")) for i in indices)
    return tuple(out)


def dotted(path: tuple) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (("." if out else "") + p)
    return out


def check_errors_file(plan_path: Path, errors_path: Path) -> list[dict]:
    """Every entry names a known kind, a line holding its text, and a path written on that line."""
    loaded = load_ok(plan_path)
    lines = loaded.source.text.split("\n")
    entries = load_errors(errors_path)
    for e in entries:
        assert set(e) <= {"line", "kind", "path", "text", "note", "representable"}, e
        assert e["kind"] in ERROR_KINDS, e
        assert e["note"].strip(), e
        line = e["line"]
        assert 1 <= line <= len(lines), e
        assert e["text"] in lines[line - 1], f"dòng {line} không chứa {e['text']!r}: {lines[line - 1]!r}"
        path = parse_path(e["path"])
        assert loaded.yaml.exists(path), e
        assert line in (loaded.yaml.locate(path).line, loaded.yaml.locate(path, key=True).line), e
    return entries


def leaves(node, path: tuple = ()) -> dict[tuple, object]:
    """Flatten plan data to {path: value}; a list of plain strings (units, recipients) is one value."""
    if isinstance(node, dict):
        out: dict = {}
        for k, v in node.items():
            out.update(leaves(v, path + (k,)))
        return out
    if isinstance(node, list) and not all(isinstance(v, str) for v in node):
        out = {}
        for i, v in enumerate(node):
            out.update(leaves(v, path + (i,)))
        return out
    return {path: node}


def differences(original: Path, corrected: Path) -> list[tuple]:
    """Paths whose value differs between the original and the corrected transcription."""
    a = leaves(api.load_plan(original).yaml.data)
    b = leaves(api.load_plan(corrected).yaml.data)
    return sorted((p for p in a.keys() | b.keys() if a.get(p) != b.get(p)), key=dotted)


def unexplained_differences(original: Path, corrected: Path, errors: list[dict], allowed: set[str]) -> list[str]:
    """Differences that no errors-file entry (nor the allowed list) accounts for."""
    error_paths = [parse_path(e["path"]) for e in errors if e.get("representable", True)]

    def explained(p: tuple) -> bool:
        return dotted(p) in allowed or any(
            ep[:len(p)] == p or p[:len(ep)] == ep for ep in error_paths)

    return [dotted(p) for p in differences(original, corrected) if not explained(p)]


def registry_names(path: Path) -> dict[str, str]:
    reg = api.load_registry(path)
    assert reg.registry is not None and not reg.problems, [p.message for p in reg.problems]
    return {n: u.id for u in reg.registry.units for n in (u.name, *u.short, *u.aliases)}


def unit_refs(loaded: api.LoadedPlan) -> list[tuple[tuple, str]]:
    """(path, name) of every unit named as lead, support or duty holder."""
    plan, refs = loaded.plan, []
    for gi, ti, _g, task in plan.iter_tasks():
        for role in ("lead", "support"):
            for j, name in enumerate(getattr(task, role)):
                refs.append((plan.appendix.task_path(gi, ti) + (role, j), name))

    def walk(sections, path):
        for i, s in enumerate(sections):
            for k, d in enumerate(s.duties):
                refs.extend((path + (i, "duties", k, "unit", j), n) for j, n in enumerate(d.unit))
            walk(s.sections, path + (i, "sections"))

    walk(plan.plan.sections, ("plan", "sections"))
    return refs


def check_unit_names(corrected: Path, corrected_units: Path, original: Path, original_units: Path,
                     errors: list[dict]) -> None:
    """Corrected plan: every unit resolves. Original: exactly the listed variants do not, and
    "did you mean" leads each of them to the unit the corrected registry files it under."""
    names = registry_names(corrected_units)
    unresolved = [n for _p, n in unit_refs(load_ok(corrected)) if n not in names]
    assert not unresolved, unresolved

    plain = registry_names(original_units)
    loaded = load_ok(original)
    # a single unit may be written as a plain string ("lead: Văn phòng UBND tỉnh"): no [0] in YAML
    refs = {dotted(p if loaded.yaml.exists(p) else p[:-1]): n for p, n in unit_refs(loaded)}
    missing = {p: n for p, n in refs.items() if n not in plain}
    listed = {e["path"]: e["text"] for e in errors if e["kind"] == "unit-variant" and e["path"] in refs}
    assert missing == listed
    for variant in missing.values():
        guess = did_you_mean(variant, list(plain))
        assert guess is not None and plain[guess] == names[variant], (variant, guess)


def strings(node) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in strings(v)]
    return [node] if isinstance(node, str) else []
