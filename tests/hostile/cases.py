"""Hostile inputs, by class (issue 14): every command meets every bad input a plans repository can hold.

A case is a repository layout (files written into a temporary folder) and a command line.
The suite asserts the same invariants for every case (tests/hostile/test_hostile.py): the
expected exit code, a located Vietnamese message with a code, no internal error, no English
from Python, libyaml, ruamel or the OS, no change to any input file, no file left behind.
Cases are generated: each input class below is paired with every command that reads it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tuyentruyen.rules.docs import base_texts

PLAN, UNITS = base_texts()


@dataclass
class Case:
    id: str
    klass: str
    files: dict[str, bytes | None]  # relative path → content (None: a FIFO); "plans/2024.yaml" is the plan
    argv: tuple[str, ...]
    codes: frozenset[int] = frozenset({2})
    needs: tuple[str, ...] = ()  # message codes one of which must appear
    setup: Callable[[Path], None] | None = None  # extra layout (links, modes)
    process: bool = False  # run as a real process with a timeout (could hang if a guard failed)
    outputs: tuple[str, ...] = ()  # files the command may create (everything else must stay as it was)
    env: dict[str, str] = field(default_factory=dict)
    patch: str | None = None  # an OS failure injected in-process: "EACCES" (read-only), "ENOSPC" (disk full)


def _plan(text: str) -> dict[str, bytes | None]:
    return {"plans/2024.yaml": text.encode("utf-8"), "plans/units.yaml": UNITS.encode("utf-8")}


def _raw(data: bytes) -> dict[str, bytes | None]:
    return {"plans/2024.yaml": data, "plans/units.yaml": UNITS.encode("utf-8")}


# ---------------------------------------------------------------- bad plan files (every reading command)

DEEP = "plan:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(150)) + "  " * 151 + "x: 1\n"
HUGE_INT = PLAN.replace("  number: 25\n", "  number: " + "9" * 5000 + "\n")
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [" + ", ".join([f"*{a}"] * 10) + "]\n" for a, b in zip("abcdefgh", "bcdefghi"))

BAD_PLANS: dict[str, tuple[dict[str, bytes | None], tuple[str, ...], frozenset[int]]] = {
    # class: (files, a code that must appear, exit codes)
    "tab-indent": (_plan(PLAN.replace("  type: ke-hoach", "\ttype: ke-hoach")), ("TT-Y004",), frozenset({2})),
    "nul-byte": (_raw(PLAN.encode().replace("Hà Giang\n".encode(), b"H\x00 Giang\n", 1)), ("TT-Y003", "TT-Y002"), frozenset({2})),
    "c1-control": (_plan(PLAN.replace("Hà Giang\n", "Hà\u0085 Giang\n", 1)), (), frozenset({0, 1, 2})),
    "escape-sequence": (_plan(PLAN.replace("Hà Giang\n", "Hà \x1b[2J\x1b]0;pwned\x07Giang\n", 1)),
                        ("TT-Y003",), frozenset({2})),
    "utf16": (_raw("\ufeff".encode("utf-16-le") + PLAN.encode("utf-16-le")), ("TT-Y002",), frozenset({2})),
    "latin1": (_raw(PLAN.encode("utf-8").replace("Hà".encode(), "H\xe0".encode("latin-1"))), ("TT-Y002",),
               frozenset({2})),
    "empty": (_raw(b""), ("TT-Y007",), frozenset({2})),
    "only-comments": (_raw("# chỉ có ghi chú\n# không có gì khác\n".encode()), ("TT-Y007",), frozenset({2})),
    "list-root": (_plan("- document\n- plan\n"), ("TT-S003",), frozenset({2})),
    "scalar-root": (_plan("kế hoạch\n"), ("TT-S003",), frozenset({2})),
    "syntax": (_plan(PLAN.replace("  place: Hà Giang\n", "  place: [Hà Giang\n")), ("TT-Y003",), frozenset({2})),
    "alias-cycle": (_plan("document: &x [*x]\n"), ("TT-Y009",), frozenset({2})),
    "merge-cycle": (_plan("plan: &p {<<: *p}\n"), ("TT-Y009",), frozenset({2})),
    "billion-laughs": (_plan(LAUGHS), ("TT-Y009",), frozenset({2})),
    "deep-nesting": (_plan(DEEP), ("TT-Y010",), frozenset({2})),
    "huge-integer": (_plan(HUGE_INT), ("TT-S003", "TT-S004"), frozenset({1, 2})),
    "duplicate-key": (_plan(PLAN.replace("  place: Hà Giang\n", "  place: Hà Giang\n  place: Tuyên Quang\n")),
                      ("TT-Y006",), frozenset({1, 2})),
    "unknown-key": (_plan(PLAN.replace("  place: Hà Giang\n", "  plac: Hà Giang\n")), ("TT-S001",), frozenset({1, 2})),
    "wrong-type": (_plan(PLAN.replace("  number: 25\n", "  number: [25]\n")), ("TT-S003",), frozenset({1, 2})),
    "impossible-date": (_plan(PLAN.replace("  date: 15/01/2024\n", "  date: 29/02/2023\n")), ("TT-S004",),
                        frozenset({1, 2})),
    "binary-tag": (_plan(PLAN.replace("  place: Hà Giang\n", "  place: !!binary SGEgR2lhbmc=\n")), (),
                   frozenset({0, 1, 2})),
    "int-tag-text": (_plan(PLAN.replace("  number: 25\n", "  number: !!int abc\n")), ("TT-S003",), frozenset({1, 2})),
    "lone-cr": (_raw(PLAN.encode().replace(b"\n", b"\r")), (), frozenset({0, 1, 2})),
    "line-separator-in-quotes": (_plan(PLAN.replace("  place: Hà Giang\n", '  place: "Hà\u2028Giang"\n')), (),
                                 frozenset({0, 1, 2})),
}

# commands that read the plan, and their extra arguments; %s is the plan's path
READERS: dict[str, tuple[str, ...]] = {
    "validate": ("validate", "plans/2024.yaml"),
    "validate-json": ("validate", "--format", "json", "plans/2024.yaml"),
    "validate-sarif": ("validate", "--format", "sarif", "plans/2024.yaml"),
    "lint": ("lint", "plans/2024.yaml"),
    "lint-fix": ("lint", "--fix", "plans/2024.yaml"),
    "lint-diff": ("lint", "--diff", "plans/2024.yaml"),
    "fmt": ("fmt", "plans/2024.yaml"),
    "fmt-check": ("fmt", "--check", "plans/2024.yaml"),
    "render": ("render", "plans/2024.yaml", "-o", "build/kh.docx"),
    "diff": ("diff", "plans/2024.yaml", "plans/2024.yaml"),
    "new-from": ("new", "--from", "plans/2024.yaml", "--year", "2025", "-o", "plans/2025.yaml"),
    "units-of-plan": ("units", "plans/2024.yaml"),
}

# what each command may leave behind when it works (a valid plan in a class that is not fatal)
OUTPUTS = {"render": ("build/kh.docx",), "new-from": ("plans/2025.yaml",)}
# commands that only read: no input may change. fmt and --fix may rewrite the plan when it is valid.
REWRITERS = {"fmt", "lint-fix"}

# classes in which the plan is still a valid plan (tt may rewrite it with fmt / --fix)
VALID_CLASSES = {"c1-control", "binary-tag", "lone-cr", "line-separator-in-quotes"}
# classes that are still well-formed YAML mappings: fmt lays them out even when the plan is not valid
YAML_CLASSES = VALID_CLASSES | {"unknown-key", "wrong-type", "impossible-date", "int-tag-text", "huge-integer"}


def cases() -> list[Case]:
    out: list[Case] = []
    for klass, (files, needs, codes) in BAD_PLANS.items():
        for name, argv in READERS.items():
            ok = set(codes)
            if name == "diff" and 1 in ok:
                ok |= {0, 2}  # comparing a plan with itself: no difference, or unreadable
            if name in ("units-of-plan",):
                ok |= {0, 1, 2}  # the registry of the plan, not the plan, is what it reads
                need: tuple[str, ...] = ()
            elif name in ("fmt", "fmt-check", "new-from", "diff", "render", "lint-fix", "lint-diff") \
                    and klass not in ("tab-indent", "utf16", "latin1", "empty", "only-comments", "syntax",
                                      "alias-cycle", "merge-cycle", "billion-laughs", "deep-nesting", "nul-byte",
                                      "escape-sequence"):
                ok |= {0, 1, 2}
                need = ()
            else:
                need = needs
            outputs = OUTPUTS.get(name, ())
            if (name == "lint-fix" and klass in VALID_CLASSES) or (name == "fmt" and klass in YAML_CLASSES):
                outputs = outputs + ("plans/2024.yaml",)
            out.append(Case(f"{klass}/{name}", "bad-plan", files, argv, frozenset(ok), need, outputs=outputs))
    out += _special_files() + _failed_writes() + _config_cases() + _outputs_over_inputs() + _cli_cases()
    return out


# ---------------------------------------------------------------- devices, FIFOs, folders


def _special_files() -> list[Case]:
    out = []
    good = _plan(PLAN)
    for name, argv in (("validate", ("validate", "X")), ("lint", ("lint", "X")), ("fmt", ("fmt", "X")),
                       ("render", ("render", "X", "-o", "build/kh.docx")), ("diff", ("diff", "X", "plans/2024.yaml")),
                       ("new-from", ("new", "--from", "X", "--year", "2025", "-o", "plans/2025.yaml")),
                       ("units", ("units", "X"))):
        for what, target, setup in (
                ("dev-zero", "/dev/zero", None),
                ("dev-null", "/dev/null", None),
                ("fifo", "plans/fifo.yaml", _fifo("plans/fifo.yaml")),
                ("folder-as-file", "plans/thu-muc.yaml", _folder("plans/thu-muc.yaml"))):
            args = tuple(target if a == "X" else a for a in argv)
            if what == "folder-as-file" and name in ("validate", "lint", "fmt"):
                continue  # a folder given to these commands is searched for plans: not an error
            out.append(Case(f"{what}/{name}", "special-file", good, args, frozenset({2}),
                            ("TT-Y001", "TT-E001", "TT-E002", "TT-Y007"), setup=setup, process=True))
        # a FIFO or a device named as the plan's registry, tt.toml's registry, typos or holidays file
    for what, files, setup in (
            ("units-fifo", {**_plan(PLAN.replace("tt: 1\n", "tt: 1\nunits: don-vi.yaml\n", 1))},
             _fifo("plans/don-vi.yaml")),
            ("units-dev-zero", {**_plan(PLAN.replace("tt: 1\n", "tt: 1\nunits: /dev/zero\n", 1))}, None),
            ("toml-units-fifo", {**good, "tt.toml": b'units = "don-vi.yaml"\n'}, _fifo("don-vi.yaml")),
            ("toml-holidays-fifo", {**good, "tt.toml": b'[lint]\nholidays = ["nghi.yaml"]\n'}, _fifo("nghi.yaml")),
            ("toml-typos-dev-zero", {**good, "tt.toml": b'[lint]\ntypos = ["/dev/zero"]\n'}, None),
            ("tt-toml-fifo", {**good}, _fifo("tt.toml"))):
        for name, argv in (("validate", ("validate", "plans/2024.yaml")), ("lint", ("lint", "plans/2024.yaml")),
                           ("render", ("render", "plans/2024.yaml", "-o", "build/kh.docx")),
                           ("units", ("units", "plans/2024.yaml"))):
            # a registry that cannot be read is TT-R011 (a warning: the plan itself is fine); a
            # tt.toml or a file it names that cannot be read is TT-K001 (exit 2). Never a hang.
            if what.startswith("units-") or what == "toml-units-fifo":
                codes = frozenset({0, 1, 2} if name != "units" else {2})
                need = ("TT-R011",) if name in ("validate", "lint") else ()
            elif name == "units" and what in ("toml-holidays-fifo", "toml-typos-dev-zero"):
                codes, need = frozenset({0, 2}), ()  # tt units need not read [lint]
            elif name == "render" and what in ("toml-holidays-fifo", "toml-typos-dev-zero"):
                codes, need = frozenset({0, 1, 2}), ()
            else:
                codes, need = frozenset({2}), ("TT-K001", "TT-Y001")
            out.append(Case(f"{what}/{name}", "special-file", files, argv, codes, need,
                            setup=setup, process=True, outputs=OUTPUTS.get(name, ())))
    return out


def _fifo(rel: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(root / rel)
    return make


def _folder(rel: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / rel).mkdir(parents=True, exist_ok=True)
    return make


# ---------------------------------------------------------------- writes that fail


def _failed_writes() -> list[Case]:
    out = []
    good = _plan(PLAN)
    writers = {
        "render": ("render", "plans/2024.yaml", "-o", "OUT/kh.docx"),
        "diff-o": ("diff", "plans/2024.yaml", "plans/2024.yaml", "-o", "OUT/so-sanh.md"),
        "diff-docx": ("diff", "plans/2024.yaml", "plans/2024.yaml", "--docx", "OUT/so-sanh.docx"),
        "units-o": ("units", "plans/units.yaml", "-o", "OUT/don-vi.csv"),
        "schema-o": ("schema", "-o", "OUT/plan.schema.json"),
        "rule-docs": ("rule", "--write-docs", "OUT"),
        "new": ("new", "--from", "plans/2024.yaml", "--year", "2025", "-o", "OUT/2025.yaml"),
        "fmt": ("fmt", "plans/fmt.yaml"),
        "lint-fix": ("lint", "--fix", "plans/fix.yaml"),
    }
    messy = {**good, "plans/fmt.yaml": PLAN.replace("  place: Hà Giang\n", "  place:   Hà Giang\n").encode(),
             "plans/fix.yaml": PLAN.replace("Nâng cao nhận thức", "Nâng cao  nhận thức").encode()}
    # tt runs as root here, so a read-only folder or a full disk is simulated in-process: the OS call
    # that writes fails with the errno a clerk's machine would give
    for what, out_dir, setup, patch in (
            ("read-only-folder", "ro", _folder("ro"), "EACCES"),
            ("disk-full", "day", _folder("day"), "ENOSPC"),
            ("parent-is-a-file", "tep/con", _file("tep"), None),
    ):
        for name, argv in writers.items():
            args = tuple(a.replace("OUT", out_dir) for a in argv)
            if patch is None and name in ("fmt", "lint-fix"):
                continue
            out.append(Case(f"{what}/{name}", "failed-write", messy, args, frozenset({2}), ("TT-E003",),
                            setup=setup, patch=patch))
    # -o naming a folder (a file output given an existing folder)
    for name, argv in (("diff-o", ("diff", "plans/2024.yaml", "plans/2024.yaml", "-o", "plans")),
                       ("units-o", ("units", "plans/units.yaml", "-o", "plans")),
                       ("schema-o", ("schema", "-o", "plans"))):
        out.append(Case(f"output-is-a-folder/{name}", "failed-write", good, argv, frozenset({2}), ("TT-E003",)))
    return out


def _file(rel: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / rel).write_text("không phải thư mục\n", encoding="utf-8")
    return make


# ---------------------------------------------------------------- tt.toml


def _config_cases() -> list[Case]:
    out = []
    good = _plan(PLAN)
    tomls = {
        "toml-syntax": b"[lint\n",
        "toml-unknown-key": b'unitz = "plans/units.yaml"\n',
        "toml-bad-code": b'[lint]\nselect = ["TT-Z999"]\n',
        "toml-bad-severity": b'[lint.severity]\nTT-D001 = "nghiem-trong"\n',
        "toml-missing-file": b'[lint]\nholidays = ["khong-co.yaml"]\n',
        "toml-not-utf8": "units = \"đơn vị.yaml\"\n".encode("cp1258", "replace") + b"\xff\n",
        "toml-bad-layout": b"[render.layout]\nmargin_left_mm = 50\n",
        "toml-render-units": b'[render]\nunits = "rieng"\n',
        "toml-templates-missing": b'templates = "khong-co"\n',
        "toml-bad-holidays-file": b'[lint]\nholidays = ["nghi.yaml"]\n',
    }
    extra = {"toml-bad-holidays-file": {"nghi.yaml": b"days:\n  - 31/02/2025\n"}}
    for what, toml in tomls.items():
        files = {**good, "tt.toml": toml, **extra.get(what, {})}
        for name, argv in (("validate", ("validate",)), ("lint", ("lint",)),
                           ("render", ("render", "plans/2024.yaml", "-o", "build/kh.docx")),
                           ("new", ("new", "--from", "plans/2024.yaml", "--year", "2025", "-o", "plans/2025.yaml"))):
            if name == "render" and what in ("toml-bad-code", "toml-bad-severity", "toml-missing-file",
                                             "toml-bad-holidays-file"):
                codes = frozenset({0, 1, 2})  # render need not read [lint]
                need: tuple[str, ...] = ()
                outputs: tuple[str, ...] = ("build/kh.docx",)
            elif name == "new" and what in ("toml-bad-code", "toml-bad-severity", "toml-bad-layout",
                                          "toml-render-units"):
                codes, need, outputs = frozenset({0, 1, 2}), (), ("plans/2025.yaml",)
            else:
                codes, need, outputs = frozenset({2}), ("TT-K001",), ()
            out.append(Case(f"{what}/{name}", "config", files, argv, codes, need, outputs=outputs))
    return out


# ---------------------------------------------------------------- never over an input


def _outputs_over_inputs() -> list[Case]:
    good = {**_plan(PLAN), "plans/2023.yaml": PLAN.replace("Quý II/2024", "Quý III/2024").encode()}
    argvs = {
        "diff-o-new": ("diff", "plans/2023.yaml", "plans/2024.yaml", "-o", "plans/2024.yaml"),
        "diff-o-old": ("diff", "plans/2023.yaml", "plans/2024.yaml", "-o", "plans/2023.yaml"),
        "diff-docx-old": ("diff", "plans/2023.yaml", "plans/2024.yaml", "--docx", "plans/2023.yaml"),
        "units-o-self": ("units", "plans/units.yaml", "-o", "plans/units.yaml"),
        "schema-o-plan": ("schema", "-o", "plans/2024.yaml"),
        "render-o-plan": ("render", "plans/2024.yaml", "-o", "plans/2024.docx"),  # allowed: a new file
        "new-o-source": ("new", "--from", "plans/2024.yaml", "--year", "2025", "-o", "plans/2024.yaml"),
    }
    out = []
    for name, argv in argvs.items():
        if name == "render-o-plan":
            out.append(Case(f"over-input/{name}", "over-input", good, argv, frozenset({0, 1}), (),
                            outputs=("plans/2024.docx",)))
        else:
            out.append(Case(f"over-input/{name}", "over-input", good, argv, frozenset({2}), ()))
    return out


# ---------------------------------------------------------------- the command line itself


def _cli_cases() -> list[Case]:
    good = _plan(PLAN)
    argvs = {
        "new-year-abc": ("new", "--year", "abc", "--issuer", "Ủy ban nhân dân xã Minh Xuân"),
        "new-year-0": ("new", "--year", "0", "--issuer", "Ủy ban nhân dân xã Minh Xuân"),
        "new-type": ("new", "--year", "2027", "--issuer", "UBND xã Minh Xuân", "--type", "cong-van"),
        "validate-format": ("validate", "--format", "xml"),
        "unknown-option": ("validate", "--khong-co"),
        "unknown-command": ("kiem-tra",),
        "diff-three": ("diff", "a.yaml", "b.yaml", "c.yaml"),
        "diff-bad-rev": ("diff", "plans/2024.yaml", "--rev", "khong-co-nhanh"),
        "diff-rev-injection": ("diff", "plans/2024.yaml", "--rev", "--output=/tmp/x"),
        "rule-unknown": ("rule", "TT-Q999"),
        "render-missing": ("render", "plans/khong-co.yaml"),
        "units-search-nothing": ("units", "plans/units.yaml", "--search", "zzzzzz"),
    }
    codes = {"units-search-nothing": frozenset({1})}
    return [Case(f"cli/{name}", "cli", good, argv, codes.get(name, frozenset({2})), ()) for name, argv in argvs.items()]
