"""Every hostile case (tests/hostile/cases.py) keeps the same promises (issue 14).

- the exit code is the documented one (2 for an input that cannot be used);
- the user is told where, what and how, in Vietnamese, with a code: no internal error
  ("lỗi nội bộ"), no traceback, no English words from Python, libyaml, ruamel or the OS;
- no input file changes (unless the command rewrites it by design and the plan is valid),
  and no file is left behind (no temporary file, no half-written output).

Cases that could hang if a guard failed (a FIFO, a device) run as real processes with a
timeout; the others run in-process through the real entry point.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import run_tt
from tests.hostile.cases import Case, cases

CASES = cases()

# words of Python, libyaml, ruamel.yaml, click and the OS that must never reach a user
ENGLISH = re.compile(
    r"Traceback|\bError\b|\berror:|Exception|No such file|Permission denied|Is a directory|Not a directory|"
    r"found character|\bexpected\b|while (?:parsing|scanning)|could not|Invalid value|Usage:|Input should|"
    r"unexpected|\binvalid\b|not allowed|Errno|\bline \d+, column\b|did not find|mapping values|"
    r"unacceptable character|Try '|Missing (?:option|argument)|No such (?:option|command)")
CODE = re.compile(r"\bTT-[A-Z]\d{3}\b")


def test_the_suite_is_large_enough():
    by_class = Counter(c.klass for c in CASES)
    assert len(CASES) >= 300, by_class
    assert set(by_class) >= {"bad-plan", "special-file", "failed-write", "config", "over-input", "cli"}


def _build(root: Path, case: Case) -> None:
    for rel, data in case.files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if data is None:
            os.mkfifo(path)
        else:
            path.write_bytes(data)
    if case.setup is not None:
        case.setup(root)


def _snapshot(root: Path) -> dict[str, object]:
    """Every file and folder under root, but tt's cache folder (a cache, like .pytest_cache)."""
    out: dict[str, object] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != ".tt_cache"]
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            rel = str(p.relative_to(root))
            st = os.lstat(p)
            if stat.S_ISREG(st.st_mode):
                out[rel] = p.read_bytes()
            else:
                out[rel] = stat.S_IFMT(st.st_mode)
    return out


def _inject(monkeypatch, root: Path, errno_name: str) -> None:
    """Every write under the case's folder fails as the OS would fail it."""
    import errno
    import tempfile

    err = getattr(errno, errno_name)
    real_mkstemp, real_replace = tempfile.mkstemp, os.replace

    def inside(path) -> bool:
        return str(Path(path).resolve()).startswith(str(root.resolve()))

    def mkstemp(*args, **kwargs):
        folder = kwargs.get("dir") or (args[2] if len(args) > 2 else None)
        if folder is not None and inside(folder) and errno_name == "EACCES":
            raise PermissionError(err, os.strerror(err), str(folder))
        return real_mkstemp(*args, **kwargs)

    def replace(src, dst, *args, **kwargs):
        if inside(dst) and errno_name == "ENOSPC":
            raise OSError(err, os.strerror(err), str(dst))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(os, "replace", replace)


def _run(root: Path, case: Case, monkeypatch=None):
    if not case.process:
        if case.patch is not None:
            _inject(monkeypatch, root, case.patch)
        return run_tt(*case.argv, cwd=root, env=case.env or None)
    exe = Path(sys.executable).parent / "tt"
    env = dict(os.environ, NO_COLOR="1", COLUMNS="200", **case.env)
    try:
        proc = subprocess.run([str(exe), *case.argv], cwd=root, capture_output=True, env=env, timeout=60,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case.id}: tt treo quá 60 giây (đọc không giới hạn?)")
    from tests.conftest import Result

    return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


def _restore_modes(root: Path) -> None:
    for dirpath, dirnames, _ in os.walk(root):
        for d in dirnames:
            try:
                os.chmod(Path(dirpath) / d, 0o755)
            except OSError:
                pass


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_case(case: Case, tmp_path, monkeypatch):
    root = tmp_path / "kho"
    root.mkdir()
    _build(root, case)
    before = _snapshot(root)
    try:
        res = _run(root, case, monkeypatch)
    finally:
        _restore_modes(root)
    text = res.out + res.err
    shown = text.replace(str(root), "KHO").replace(str(tmp_path), "TMP")
    assert res.code in case.codes, f"{case.id}: mã thoát {res.code}, chờ {sorted(case.codes)}\n{shown}"
    assert "Traceback" not in text, shown
    assert "lỗi nội bộ" not in text and "TT-E005" not in text and "TT-E004" not in text, shown
    machine = "--format" in case.argv and case.argv[case.argv.index("--format") + 1] in ("json", "sarif")
    if machine:
        if res.out.strip():
            data = json.loads(res.out)
            problems = data.get("problems", [])
            messages = " ".join(str(p.get("message", "")) for p in problems)
            assert not ENGLISH.search(messages), messages
            if res.code == 2 and problems:
                assert all(p.get("hint") for p in problems if p.get("fatal")), problems
        assert not ENGLISH.search(res.err), res.err
    else:
        assert not ENGLISH.search(shown), f"{case.id}: có chữ tiếng Anh\n{shown}"
    if res.code == 2 and not machine:
        assert CODE.search(text), f"{case.id}: thông báo không có mã lỗi\n{shown}"
        assert "gợi ý" in text, f"{case.id}: thông báo không nói cách sửa\n{shown}"
    if case.needs:
        assert any(code in text for code in case.needs), f"{case.id}: chờ một trong {case.needs}\n{shown}"
    after = _snapshot(root)
    allowed = set(case.outputs)
    changed = sorted(k for k in set(before) | set(after)
                     if before.get(k) != after.get(k) and k not in allowed
                     and not any(k == str(Path(a).parent) or k.startswith(str(Path(a).parent) + "/") and
                                 Path(k).name == Path(a).name for a in allowed)
                     and not any(k == str(p) for a in allowed for p in Path(a).parents if str(p) != "."))
    assert not changed, f"{case.id}: tệp bị đổi hoặc để lại: {changed}\n{shown}"


ESCAPED = '"Tuyên truyền \\e]0;tt\\a\\e[2J cải cách \\u202e hành chính\\u009b31m"'


@pytest.mark.parametrize("argv", [
    ("validate", "plans/2024.yaml"), ("lint", "plans/2024.yaml"), ("diff", "plans/2023.yaml", "plans/2024.yaml"),
    ("diff", "--format", "markdown", "plans/2023.yaml", "plans/2024.yaml"), ("units", "plans/units.yaml"),
    ("tasks", "plans/2024.yaml"), ("tasks", "--format", "markdown", "plans/2024.yaml"), ("status", "plans/2024.yaml"),
    ("lint", "--diff", "plans/2024.yaml"),
], ids=lambda a: "-".join(a[:3]))
def test_no_terminal_escape_reaches_the_output(argv, tmp_path):
    """A plan can hold an escape sequence written with YAML's escapes ("\\e[2J"): it is shown as a
    visible symbol (␛), never sent raw to the reviewer's terminal or the PR comment."""
    from tests.hostile.cases import PLAN, UNITS

    root = tmp_path / "kho"
    (root / "plans").mkdir(parents=True)
    (root / "plans" / "2023.yaml").write_text(PLAN, encoding="utf-8")
    bad = PLAN.replace("      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính\n",
                       f"      content: {ESCAPED}\n")
    bad = bad.replace("  title: Tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh Hà Giang\n",
                      f"  title: {ESCAPED}\n")
    bad = bad.replace("      due: Quý II/2024\n", '      due: "Quý \\e[2J II/2024"\n')
    assert bad != PLAN and "\\e[2J II" in bad
    (root / "plans" / "2024.yaml").write_text(bad + "  \n", encoding="utf-8")
    (root / "plans" / "units.yaml").write_text(UNITS.replace("name: Sở Nội vụ", 'name: "Sở Nội vụ\\e[5m"'),
                                               encoding="utf-8")
    res = run_tt(*argv, cwd=root)
    text = res.out + res.err
    assert "Traceback" not in text and "lỗi nội bộ" not in text, text
    for bad_char in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert bad_char not in text, (argv, repr(bad_char), text)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="cần /dev/full (Linux) để giả lập ổ đĩa đầy")
@pytest.mark.parametrize("argv", [("validate", "plans"), ("schema",), ("diff", "plans/2024.yaml", "plans/2024.yaml"),
                                  ("units", "plans/units.yaml"), ("rule",), ("lint", "--diff", "plans/2024.yaml")],
                         ids=lambda a: "-".join(a))
def test_stdout_on_a_full_device(argv, tmp_path):
    """`tt … > tệp` on a full disk: a clear message, exit 2 — not an internal error."""
    from tests.hostile.cases import PLAN, UNITS

    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "2024.yaml").write_text(PLAN.replace("Nâng cao nhận thức", "Nâng cao  nhận thức"),
                                                  encoding="utf-8")
    (tmp_path / "plans" / "units.yaml").write_text(UNITS, encoding="utf-8")
    exe = Path(sys.executable).parent / "tt"
    with open("/dev/full", "w") as full:
        proc = subprocess.run([str(exe), *argv], cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, timeout=120,
                              env=dict(os.environ, NO_COLOR="1"))
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, err
    assert "TT-E003" in err and "ổ đĩa đã đầy" in err, err
    assert "lỗi nội bộ" not in err and "Traceback" not in err and "Errno" not in err
