"""The layout shows the architecture (issue 9): one concept, one home, and nothing tangled.

- no import cycle between modules at import time (a module's top-level imports);
- no private name (`_x`) imported from another module;
- the pure Vietnamese helpers (tuyentruyen.vn) touch no file system and import no layer above;
- the README's tree names every package of src/tuyentruyen/, and nothing that is not there.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "src" / "tuyentruyen"


def _modules() -> dict[str, Path]:
    out = {}
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not MODULES[module].name == "__init__.py":
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _top_level_imports(module: str) -> set[str]:
    tree = ast.parse(MODULES[module].read_text("utf-8"))
    found: set[str] = set()
    for node in tree.body:  # only what runs at import time (not inside functions)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        nodes = [node] if not isinstance(node, (ast.If, ast.Try)) else list(ast.walk(node))
        for n in nodes:
            if isinstance(n, ast.Import):
                found.update(a.name for a in n.names)
            elif isinstance(n, ast.ImportFrom):
                target = _resolve(module, n)
                found.add(target)
                found.update(f"{target}.{a.name}" for a in n.names)
    return {m for m in found if m in MODULES and m != module}


def test_no_import_cycle():
    graph = {m: _top_level_imports(m) for m in MODULES}
    # a package's __init__ importing its own submodules is not a cycle of concepts
    for m, deps in graph.items():
        graph[m] = {d for d in deps if not (d.startswith(m + ".") and MODULES[m].name == "__init__.py")}
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                cycles.append(stack[stack.index(d):] + [d])
            elif d not in state:
                visit(d)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    assert not cycles, "\n".join(" → ".join(c) for c in cycles)


def test_no_private_name_imported_across_modules():
    offenders = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tuyentruyen"):
                target = _resolve(module, node)
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__") and target != module:
                        offenders.append(f"{module}: from {target} import {alias.name}")
    assert not offenders, "\n".join(offenders)


def test_the_vietnamese_helpers_are_pure():
    """vn/ reads package data at most: it imports no layer above it and opens no user file."""
    above = ("tuyentruyen.project", "tuyentruyen.cli", "tuyentruyen.rules", "tuyentruyen.render",
             "tuyentruyen.diff", "tuyentruyen.edit", "tuyentruyen.loading", "tuyentruyen.api", "tuyentruyen.check")
    offenders = []
    for module, path in MODULES.items():
        if not module.startswith("tuyentruyen.vn"):
            continue
        text = path.read_text("utf-8")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [_resolve(module, node)]
                offenders += [f"{module} imports {n}" for n in names if n.startswith(above)]
        tree = ast.parse(text)
        for func in ast.walk(tree):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            body = ast.get_source_segment(text, func) or ""
            reads = re.findall(r".*(?:\bopen\(|\.read_text\(|\.read_bytes\(|os\.walk|\.write_\w+\().*", body)
            # the package's own data files (found from __file__ or importlib.resources) are not the file system
            if reads and "__file__" not in body and "files(" not in body:
                offenders += [f"{module}.{func.name}: {r.strip()}" for r in reads]
    assert not offenders, "\n".join(offenders)


def test_the_readme_tree_matches_the_packages():
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme[readme.index("src/tuyentruyen/"):]
    block = block[: block.index("```")]
    named = set(re.findall(r"^\s{2}([a-z_]+)/", block, re.M)) - {"data"}  # data/ holds files, no code
    packages = {p.name for p in PKG.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert named == packages, f"README thiếu {sorted(packages - named)}, thừa {sorted(named - packages)}"
