"""Reading plans from git (đọc kế hoạch ở một phiên bản git): `git show REV:path`, `git diff --name-status`.

Only read-only git commands are run, through subprocess, in the repository that holds
the plan. Every failure becomes a `GitError` with a Vietnamese message and a hint: git
not installed, not a repository, an unknown revision, a file missing at that revision.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tuyentruyen.errors import TTError
from tuyentruyen.project.discover import YAML_SUFFIXES


class GitError(TTError):
    """git cannot give what the comparison needs (exit 2)."""

    code = "TT-E006"


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    try:
        return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, timeout=120)
    except FileNotFoundError:
        raise GitError("Không tìm thấy lệnh git trên máy này; cần git để đọc kế hoạch ở một phiên bản (--rev).",
                       "Cài git (Debian/Ubuntu: `apt-get install git`), hoặc so sánh hai tệp: "
                       "`tt diff CŨ.yaml MỚI.yaml`.") from None
    except subprocess.TimeoutExpired:
        raise GitError("Lệnh git chạy quá lâu và đã bị dừng.", "Thử lại, hoặc kiểm tra kho git.") from None


def _stderr(proc: subprocess.CompletedProcess) -> str:
    return proc.stderr.decode("utf-8", "replace").strip()


def repo_root(start: Path) -> Path:
    """The top folder of the git repository holding start."""
    start = start if start.is_dir() else start.parent
    if not start.exists():
        start = Path.cwd()
    proc = _git(["rev-parse", "--show-toplevel"], start)
    if proc.returncode != 0:
        raise GitError(f"Thư mục '{start}' không nằm trong một kho git, nên không đọc được phiên bản cũ (--rev).",
                       "Chạy lệnh trong kho kế hoạch (đã `git init`/`git clone`), hoặc so sánh hai tệp: "
                       "`tt diff CŨ.yaml MỚI.yaml`.")
    return Path(proc.stdout.decode("utf-8").strip())


def merge_base(root: Path, a: str, b: str) -> str:
    """The commit where b left a (`git merge-base`), for A...B."""
    proc = _git(["merge-base", a, b], root)
    if proc.returncode != 0:
        raise GitError(f"'{a}' và '{b}' không có điểm chung trong lịch sử git.", "Dùng A..B thay cho A...B.")
    return proc.stdout.decode().strip()


def check_rev(root: Path, rev: str) -> str:
    """The commit a revision names, or GitError saying it does not exist."""
    if not rev or rev.startswith("-"):
        raise GitError(f"'{rev}' không phải tên một phiên bản git.", "Ví dụ: --rev origin/main, --rev HEAD~1.")
    proc = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], root)
    if proc.returncode != 0:
        hint = "Xem các nhánh và commit có sẵn: `git branch -a`, `git log --oneline`."
        if "/" in rev:
            hint += f" Nếu '{rev}' là nhánh trên máy chủ, chạy `git fetch` trước."
        raise GitError(f"Không có phiên bản '{rev}' trong kho git.", hint)
    return proc.stdout.decode().strip()


def relative(root: Path, path: Path) -> str:
    """path relative to the repository root, with '/' (what `REV:path` takes)."""
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        return Path(os.path.normpath(absolute)).relative_to(Path(os.path.normpath(root.resolve()))).as_posix()
    except ValueError:
        try:
            return absolute.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            raise GitError(f"Tệp '{path}' không nằm trong kho git '{root}'.",
                           "Chỉ đọc được phiên bản cũ của tệp trong kho git hiện tại.") from None


def show(root: Path, rev: str, rel: str) -> bytes | None:
    """The bytes of rel at rev, or None when the file does not exist there."""
    proc = _git(["show", f"{rev}:{rel}"], root)
    if proc.returncode == 0:
        return proc.stdout
    err = _stderr(proc)
    if "does not exist in" in err or "exists on disk, but not in" in err:
        return None
    raise GitError(f"Không đọc được '{rel}' ở phiên bản '{rev}': {err.splitlines()[-1] if err else 'lỗi git'}.",
                   "Kiểm tra tên phiên bản và đường dẫn tệp.")


def existing(root: Path, rev: str, rels: list[str]) -> set[str]:
    """Which of rels are files at rev (one git call)."""
    if not rels:
        return set()
    proc = _git(["cat-file", "--batch-check"], root, stdin="".join(f"{rev}:{r}\n" for r in rels).encode())
    found = set()
    for rel, line in zip(rels, proc.stdout.decode("utf-8", "replace").splitlines()):
        if line.split(" ")[1:2] == ["blob"]:
            found.add(rel)
    return found


@dataclass
class Changed:
    status: str  # added | removed | modified
    old: str | None  # path at the old revision
    new: str | None  # path at the new revision (or in the work tree)


def changed_files(root: Path, old_rev: str, new_rev: str | None, pathspecs: list[str]) -> list[Changed]:
    """YAML files that differ between old_rev and new_rev (None: the work tree), renames followed."""
    args = ["diff", "--name-status", "-z", "-M", "--no-color", old_rev]
    if new_rev is not None:
        args.append(new_rev)
    args += ["--", *(pathspecs or ["."])]
    proc = _git(args, root)
    if proc.returncode != 0:
        raise GitError(f"git diff không chạy được: {_stderr(proc) or 'lỗi git'}.", "Kiểm tra tên các phiên bản.")
    parts = proc.stdout.decode("utf-8", "replace").split("\0")
    out: list[Changed] = []
    k = 0
    while k < len(parts) and parts[k]:
        status = parts[k]
        if status[0] in "RC":
            old, new = parts[k + 1], parts[k + 2]
            k += 3
        else:
            old = new = parts[k + 1]
            k += 2
        if status[0] == "A":
            out.append(Changed("added", None, new))
        elif status[0] == "D":
            out.append(Changed("removed", old, None))
        elif status[0] == "C":
            out.append(Changed("added", None, new))
        else:
            out.append(Changed("modified", old, new))
    return [c for c in out if (c.new or c.old or "").endswith(YAML_SUFFIXES)]


def untracked(root: Path, pathspecs: list[str]) -> list[str]:
    """New plan files not yet added to git (they are plans too when comparing with the work tree)."""
    proc = _git(["ls-files", "--others", "--exclude-standard", "-z", "--", *(pathspecs or ["."])], root)
    if proc.returncode != 0:
        return []
    return [p for p in proc.stdout.decode("utf-8", "replace").split("\0") if p.endswith(YAML_SUFFIXES)]
