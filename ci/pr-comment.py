#!/usr/bin/env python3
"""The pull-request comment of the tt GitHub Action (step 4 of ci/github-action.sh).

Only the standard library and the `tt` command: this runs wherever tt is installed (the
action's Python, a pipx install, a venv), reading tt's public outputs (`tt diff --format
markdown`, `tt validate --format json`). The comment says, for the pull request's head
(the event's ``pull_request.head.sha``, not GITHUB_SHA, which is a merge commit):

1. every input tt could not read in the checked-out tree (a plan with a Tab or a syntax
   error, a broken tt.toml, a broken registry), each located with its hint — what made
   the job red with exit code 2;
2. what the pull request does to its plans: `tt diff BASE...HEAD` (base and head labelled,
   the plan's title, small diffs open), or why that comparison could not be made (a
   revision missing from the clone, an unreadable side), in tt's own words;
3. when it changes a unit registry (units.yaml, *.units.yaml) or tt.toml: the files whose
   findings (`tt validate`) change between base and head, and how — a unit that now ends on
   31/12/2026 turns a plan red without the plan changing;
4. who wrote it: the head commit, the base, tt's version.

Paths are the repository's (the runner's absolute folder never appears). The body goes to
$TT_OUT_DIR/tt-diff-comment.md and to the job summary; exit code 1 when there is something
to say (a change, a failure), 0 when the pull request changes no plan and breaks nothing, 3
when the event cannot be read (no comment).

Environment: GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY, TT (the tt command), TT_PATHS, TT_OUT_DIR.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath

MARKER = "<!-- tt-diff -->"
MAX_LINES = 40  # located problems listed per section (the job summary has them all)
REGISTRY_NAMES = ("units.yaml", "units.yml")  # as tt names a registry (tuyentruyen.project.discover)
REGISTRY_SUFFIXES = (".units.yaml", ".units.yml")
SEVERITY = {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú"}


def run(args: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1", PYTHONIOENCODING="utf-8", GIT_TERMINAL_PROMPT="0")
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="replace",
                          env=env, **kw)


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return run(["git", *args], root)


def has_commit(root: Path, sha: str) -> bool:
    return git(root, "cat-file", "-e", f"{sha}^{{commit}}").returncode == 0


def fetch(root: Path, sha: str) -> None:
    """A commit a shallow clone lacks (fetch-depth: 1): fetched once; its absence is said later."""
    if not has_commit(root, sha):
        git(root, "fetch", "--no-tags", "--quiet", "--depth=1", "origin", sha)


def fence(lines: list[str]) -> str:
    longest = max((len(r) for line in lines for r in re.findall(r"`+", line)), default=0)
    return "`" * max(3, longest + 1)


def block(lines: list[str]) -> list[str]:
    """A fenced block of text; never an empty one."""
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        return []
    f = fence(lines)
    return [f + "text", *lines, f, ""]


class Repo:
    """The checked-out repository: its root, and what tt says of it."""

    def __init__(self, root: Path, tt: list[str], paths: list[str]):
        self.root = root
        self.tt = tt
        self.paths = paths
        self.folders: list[Path] = [root]  # absolute folders that must not show in the comment

    def clean(self, text: str) -> str:
        """tt's text with the repository's (and the snapshots') absolute folders removed."""
        for folder in sorted({str(f) for f in self.folders} | {str(f.resolve()) for f in self.folders},
                             key=len, reverse=True):
            text = text.replace(folder + os.sep, "").replace(folder, ".")
        return text

    def paths_in(self, where: Path) -> list[str]:
        """The plans to check, in the tree at where (a path given inside the checkout, in a snapshot)."""
        out = []
        for p in self.paths:
            path = Path(p)
            if path.is_absolute() and path.resolve().is_relative_to(self.root.resolve()):
                path = where / path.resolve().relative_to(self.root.resolve())
            out.append(str(path))
        return out

    def validate(self, where: Path) -> tuple[dict | None, int, str]:
        """`tt validate --format json` of the tree at where: the report (None when tt gave none), the
        exit code, what tt said on stderr."""
        proc = run([*self.tt, "validate", *self.paths_in(where), "--format", "json"], where)
        try:
            return json.loads(proc.stdout), proc.returncode, proc.stderr
        except ValueError:
            return None, proc.returncode, proc.stderr

    def snapshot(self, sha: str, into: Path) -> Path | None:
        """The tree of a commit, as files (git archive): tt reads it as it reads a checkout."""
        folder = into / sha[:12]
        folder.mkdir(parents=True)
        archive = subprocess.Popen(["git", "archive", "--format=tar", sha], cwd=self.root, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL)
        untar = subprocess.run(["tar", "-x", "-C", str(folder)], stdin=archive.stdout, capture_output=True)
        if archive.stdout is not None:
            archive.stdout.close()
        if archive.wait() != 0 or untar.returncode != 0:
            return None
        self.folders.append(folder)
        return folder


def located(problem: dict) -> list[str]:
    head = (f"{problem['file']}:{problem['line']}:{problem['col']}: "
            f"{SEVERITY.get(problem['severity'], problem['severity'])} {problem['code']}: {problem['message']}")
    return [head] + ([f"    gợi ý: {problem['hint']}"] if problem.get("hint") else [])


# ---------------------------------------------------------------- 1. what could not be read


def failures_section(repo: Repo, report: dict | None, rc: int, err: str) -> tuple[list[str], bool]:
    """The validate summary of the checked-out tree, and every input it could not read, located."""
    if report is None:  # tt stopped before checking (no plans/ folder, a wrong option): what it said
        said = [line for line in repo.clean(err).splitlines() if line.strip()]
        return ([f"**tt validate** dừng với mã thoát {rc} trước khi kiểm tra các kế hoạch"
                 + (":" if said else "; xem nhật ký của job."), ""] + block(said), rc != 0)
    s = report.get("summary") or {}
    counts = f"{s.get('errors', 0)} lỗi, {s.get('warnings', 0)} cảnh báo trong {s.get('files', 0)} tệp"
    fatal = [p for p in report.get("problems") or () if p.get("fatal")]
    if not fatal:
        verdict = "không có lỗi" if not s.get("errors") else \
            "xem chú thích trên các dòng đã sửa và báo cáo đầy đủ trong trang tóm tắt (Summary) của job"
        return [f"**tt validate**: {counts}; {verdict}.", ""], False
    lines = [f"**tt validate**: {counts}. **Không đọc được {len({p['file'] for p in fatal})} tệp** "
             "(mã thoát 2): sửa các lỗi dưới đây rồi đẩy lại.", ""]
    body = [repo.clean(line) for p in fatal[:MAX_LINES] for line in located(p)]
    if len(fatal) > MAX_LINES:
        body.append(f"… và {len(fatal) - MAX_LINES} lỗi khác (trang tóm tắt của job có đủ).")
    return lines + block(body), True


# ---------------------------------------------------------------- 2. the plans' diff


def diff_section(repo: Repo, rev: str) -> tuple[list[str], bool]:
    """`tt diff --rev REV --format markdown`, its own heading left for the comment's; every failure
    in tt's words (what it wrote on stdout — the plans it could not read — and on stderr)."""
    proc = run([*repo.tt, "diff", *repo.paths, "--rev", rev, "--format", "markdown"], repo.root)
    out = repo.clean(proc.stdout).splitlines()
    if out and out[0].startswith("### "):
        out = out[1:]
    while out and not out[0].strip():
        out = out[1:]
    if proc.returncode == 0:
        return ["Pull request này không thay đổi nội dung kế hoạch nào.", ""], False
    if proc.returncode == 1:
        return out + [""], True
    lines = [f"**Không so sánh được các kế hoạch** (tt diff, mã thoát {proc.returncode}).", ""]
    if any(line.strip() for line in out) and out != ["Không có kế hoạch nào thay đổi."]:
        lines += out + [""]
    err = [line for line in repo.clean(proc.stderr).splitlines() if line.strip()]
    lines += block(err)
    if len(lines) == 2:
        lines.append("tt diff không nói lý do: chạy lại job, hoặc chạy `tt diff --rev …` trên máy để xem.")
        lines.append("")
    return lines, True


# ---------------------------------------------------------------- 3. findings moved by a registry or tt.toml


def is_shared_input(path: str) -> bool:
    """A file the findings of other files depend on: a unit registry or tt.toml."""
    name = PurePosixPath(path).name
    return name == "tt.toml" or name in REGISTRY_NAMES or name.endswith(REGISTRY_SUFFIXES)


def _keyed(report: dict | None) -> dict[str, dict[tuple, dict]]:
    out: dict[str, dict[tuple, dict]] = {}
    for p in (report or {}).get("problems") or ():
        out.setdefault(p["file"], {})[(p["code"], p["line"], p["col"], p["message"])] = p
    for f in (report or {}).get("files") or ():
        out.setdefault(f["file"], {})
    return out


def findings_section(repo: Repo, base: str, head: str, changed: list[str], scratch: Path) -> tuple[list[str], bool]:
    shared = [c for c in changed if is_shared_input(c)]
    if not shared:
        return [], False
    named = ", ".join(f"`{c}`" for c in shared)
    title = ["#### Kết quả kiểm tra thay đổi theo sổ đơn vị, tt.toml", ""]
    sides = [repo.snapshot(sha, scratch) for sha in (base, head)]
    if None in sides:
        return title + [f"Pull request sửa {named}, nhưng không đọc được base hoặc head bằng `git archive` để so "
                        "kết quả kiểm tra: xem báo cáo tt validate của job.", ""], True
    checked = [repo.validate(side) for side in sides if side is not None]
    for (report, rc, err), name in zip(checked, ("base", "head")):
        if report is None:
            said = [line for line in repo.clean(err).splitlines() if line.strip()]
            return title + [f"Pull request sửa {named}, nhưng `tt validate` ở {name} dừng với mã thoát {rc} "
                            "trước khi kiểm tra các kế hoạch nên không so được kết quả" + (":" if said else "."),
                            ""] + block(said), True
    before, after = (_keyed(report) for report, _, _ in checked)
    moved = []
    for file in sorted(set(before) | set(after)):
        new = [p for k, p in after.get(file, {}).items() if k not in before.get(file, {})]
        gone = [p for k, p in before.get(file, {}).items() if k not in after.get(file, {})]
        if new or gone:
            moved.append((file, new, gone))
    if not moved:
        return title + [f"Pull request sửa {named}; kết quả `tt validate` của các kế hoạch không đổi so với base.",
                        ""], False
    lines = title + [f"Pull request sửa {named}: kết quả `tt validate` của {len(moved)} tệp khác với base "
                     "(những tệp không sửa trong pull request mà đổi kết quả là do sổ đơn vị, tt.toml).", ""]
    shown = 0
    for file, new, gone in moved:
        own = " — tệp này cũng được sửa trong pull request" if file in changed else ""
        counts = ", ".join(part for part in (f"{len(new)} mới" if new else "", f"{len(gone)} hết" if gone else "")
                           if part)
        lines.append(f"- `{repo.clean(file)}` ({counts}){own}")
        for sign, problems in (("mới", new), ("hết", gone)):
            same: dict[tuple, list[str]] = {}  # one line for one finding at several places
            for p in problems:
                same.setdefault((p["severity"], p["code"], p["message"]), []).append(f"{p['line']}:{p['col']}")
            for (severity, code, message), places in same.items():
                if shown >= MAX_LINES:
                    break
                shown += 1
                where = ("dòng " if len(places) == 1 else f"{len(places)} chỗ, dòng ") + ", ".join(places[:8]) + \
                    ("…" if len(places) > 8 else "")
                text = f"{sign}: {where}: {SEVERITY.get(severity, severity)} {code}: {message}"
                lines.append("  - " + md_inline(repo.clean(text)))
    if shown >= MAX_LINES:
        lines.append(f"- … (chỉ hiện {MAX_LINES} dòng; chạy `tt validate` ở base và head để xem đủ)")
    return lines + [""], True


def md_inline(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]#|~])", r"\\\1", " ".join(text.split()))


# ---------------------------------------------------------------- the comment


def read_event(path: str | None) -> dict | None:
    try:
        with open(path or "", encoding="utf-8") as f:
            pr = json.load(f)["pull_request"]
        return {"number": int(pr["number"]), "base": str(pr["base"]["sha"]),
                "head": str((pr.get("head") or {}).get("sha") or "") or None}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def main() -> int:
    event = read_event(os.environ.get("GITHUB_EVENT_PATH"))
    if event is None:
        return 3
    top = git(Path.cwd(), "rev-parse", "--show-toplevel")
    root = Path(top.stdout.strip()) if top.returncode == 0 else Path.cwd()
    repo = Repo(root, [os.environ.get("TT") or "tt"], (os.environ.get("TT_PATHS") or "").split())
    out_dir = Path(os.environ.get("TT_OUT_DIR") or os.environ.get("RUNNER_TEMP") or ".")
    base, head = event["base"], event["head"]
    for sha in (base, head):
        if sha:
            fetch(root, sha)

    version = run([*repo.tt, "--version"], root).stdout.splitlines()[:1] or ["tt"]
    report, rc, err = repo.validate(root)
    lines = [MARKER, f"### tt: kế hoạch trong pull request #{event['number']}", ""]
    failed, say_failed = failures_section(repo, report, rc, err)
    lines += failed
    # what the pull request changes: from where it left its base to its head (as GitHub's "Files
    # changed"); without a head in the event, against the checked-out tree
    missing = [sha for sha in (base, head) if sha and not has_commit(root, sha)]
    diff, say_diff = diff_section(repo, f"{base}...{head}" if head else base)
    lines += diff
    if missing:
        lines += [f"Bản sao kho trên máy chạy job không có commit {', '.join(f'`{m[:10]}`' for m in missing)} "
                  "(kể cả sau `git fetch`): giữ `fetch-depth: 0` ở bước `actions/checkout` của workflow.", ""]
    say_findings = False
    both = bool(head) and not missing
    # the base of the comparison: where the pull request left its base branch (tt diff A...B does the same)
    since = (git(root, "merge-base", base, head).stdout.strip() or base) if both else base
    if both:
        changed_proc = git(root, "diff", "--name-only", "--no-renames", f"{base}...{head}")
        changed = changed_proc.stdout.splitlines() if changed_proc.returncode == 0 else []
        scratch = Path(tempfile.mkdtemp(prefix="tt-pr-"))
        repo.folders.append(scratch)
        try:
            findings, say_findings = findings_section(repo, since, head, changed, scratch)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        lines += findings
    shown_head = f"head `{head[:10]}`" if head else "commit đang kiểm tra"
    lines.append(f"<sub>Theo {shown_head} của pull request #{event['number']} (base `{since[:10]}`), "
                 f"{version[0].strip()}.</sub>")
    body = "\n".join(lines) + "\n"
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "tt-diff-comment.md"
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(target)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as f:
            f.write(body.split("\n", 1)[1] + "\n")
    return 1 if (say_failed or say_diff or say_findings) else 0


if __name__ == "__main__":
    sys.exit(main())
