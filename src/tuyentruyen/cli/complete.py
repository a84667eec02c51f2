"""Shell completion of plan paths (tự hoàn thành đường dẫn kế hoạch), for PATHS arguments.

`tt validate pl<Tab>` offers the plans of the repository: every .yaml under plans/ of the
project (found from the current folder upwards), filtered by what was typed. Kept light:
it runs on every Tab press, so it imports nothing heavy and reads no file.
"""

from __future__ import annotations

import os
from pathlib import Path

MAX_CANDIDATES = 200


def plan_paths(incomplete: str) -> list[str]:
    """Plan and registry files whose relative path starts with what was typed."""
    from tuyentruyen.project.discover import PLANS_DIR, find_project_root

    root = find_project_root()
    found: list[str] = []
    folders = [root / PLANS_DIR] if root is not None and (root / PLANS_DIR).is_dir() else []
    typed = Path(incomplete).parent if incomplete else None
    if typed is not None and str(typed) not in ("", ".") and typed.is_dir():
        folders.append(typed)
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.endswith((".yaml", ".yml")):
                    rel = os.path.relpath(os.path.join(dirpath, name))
                    if rel.startswith(incomplete) and rel not in found:
                        found.append(rel)
                        if len(found) >= MAX_CANDIDATES:
                            return found
    return found


def plan_files_only(incomplete: str) -> list[str]:
    """Like plan_paths, without the unit registries (units.yaml); progress files stay (render --report)."""
    from tuyentruyen.project.discover import is_registry_file

    return [p for p in plan_paths(incomplete) if not is_registry_file(p)]


def plans_only(incomplete: str) -> list[str]:
    """Plans alone: neither registries nor progress files (tt new --from)."""
    from tuyentruyen.project.discover import is_progress_file

    return [p for p in plan_files_only(incomplete) if not is_progress_file(p)]


def registry_paths(incomplete: str) -> list[str]:
    """Unit registries and plans (a plan stands for its registry)."""
    return plan_paths(incomplete)


# ----------------------------------------------------------------------------- tt --install-completion

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
_typer: dict = {}  # typer's completion helpers, found by the patch below


def _say(text: str, err: bool = False) -> None:
    import sys

    (sys.stderr if err else sys.stdout).write(text + "\n")


def _shell(value) -> str | None:
    if isinstance(value, str):
        return value
    if os.environ.get("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"):
        return None
    return _typer["detect"]()


def _unsupported(ctx, shell: str | None, option: str) -> None:
    what = f"shell '{shell}'" if shell else "shell đang dùng (không nhận ra được)"
    _say(f"tt: lỗi TT-E002: {option}: tt chưa hỗ trợ tự hoàn thành lệnh cho {what}.", err=True)
    _say(f"  gợi ý: tt hỗ trợ {', '.join(SHELLS)}: mở một trong các shell đó rồi chạy lại `tt {option}`.",
         err=True)
    ctx.exit(2)


def install_completion(ctx, param, value):
    """--install-completion: the completion script into the shell's start-up files, in Vietnamese."""
    if not value or ctx.resilient_parsing:
        return value
    import contextlib
    import io

    shell = _shell(value)
    if shell not in SHELLS:
        _unsupported(ctx, shell, "--install-completion")
    quiet = io.StringIO()  # typer's own (English) remarks
    try:
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            shell, path = _typer["install"](shell=shell, prog_name=ctx.find_root().info_name)
    except OSError as exc:
        from tuyentruyen.project.files import os_reason

        where = f" ({exc.filename})" if exc.filename else ""
        _say(f"tt: lỗi TT-E002: không ghi được tệp cấu hình của {shell}{where}: {os_reason(exc)}.", err=True)
        _say(f"  gợi ý: chạy `tt --show-completion {shell}` rồi tự chép mã vào tệp cấu hình của shell.", err=True)
        ctx.exit(2)
    except Exception as exc:  # noqa: BLE001 - typer.Exit from its PowerShell steps, and the like
        if getattr(exc, "exit_code", 1) == 0:
            raise
        _say(f"tt: lỗi TT-E002: không cài được tự hoàn thành lệnh cho {shell}.", err=True)
        _say(f"  gợi ý: chạy `tt --show-completion {shell}` rồi tự chép mã vào tệp cấu hình của shell.", err=True)
        ctx.exit(2)
    _say(f"Đã cài tự hoàn thành lệnh cho {shell} vào {path}.")
    _say("Mở lại cửa sổ dòng lệnh (terminal) để bắt đầu dùng: gõ `tt ` rồi nhấn Tab.")
    ctx.exit(0)


def show_completion(ctx, param, value):
    """--show-completion: print the completion script of the shell, to copy it by hand."""
    if not value or ctx.resilient_parsing:
        return value
    shell = _shell(value)
    if shell not in SHELLS:
        _unsupported(ctx, shell, "--show-completion")
    prog = ctx.find_root().info_name
    var = "_{}_COMPLETE".format(prog.replace("-", "_").upper())
    _say(_typer["script"](prog_name=prog, complete_var=var, shell=shell))
    ctx.exit(0)


def _patch_completion() -> None:
    from tuyentruyen.cli.i18n import MissingInternal, need

    functions = [need("typer.completion._install_completion_placeholder_function"),
                 need("typer.completion._install_completion_no_auto_placeholder_function")]
    found = {"install": need("typer._completion_shared.install", params=("shell", "prog_name", "complete_var")),
             "script": need("typer._completion_shared.get_completion_script",
                            params=("prog_name", "complete_var", "shell")),
             "detect": need("typer._completion_shared._get_shell_name", params=())}
    import inspect

    infos = []
    for func in functions:
        params = list(inspect.signature(func).parameters.values())
        if [p.name for p in params] != ["install_completion", "show_completion"] \
                or not all(hasattr(p.default, "callback") for p in params):
            raise MissingInternal(f"{func.__module__}.{func.__name__}(install_completion, show_completion)")
        infos.append((params[0].default, params[1].default))
    _typer.update(found)
    for install_info, show_info in infos:
        install_info.callback, show_info.callback = install_completion, show_completion


def _patch_instructions() -> None:
    from tuyentruyen.cli.i18n import need

    import typer.completion as module

    shell_complete = need("typer.completion.shell_complete",
                          params=("cli", "ctx_args", "prog_name", "complete_var", "instruction"))
    get_class = need("typer._click.shell_completion.get_completion_class", params=("shell",))
    if getattr(shell_complete, "_tt", False):
        return

    def vi_shell_complete(cli, ctx_args, prog_name, complete_var, instruction):
        action, _, shell = instruction.partition("_")
        if not shell or action not in ("source", "complete") or get_class(shell) is None:
            _say(f"tt: lỗi TT-E002: {complete_var}={instruction!r} không phải một yêu cầu tự hoàn thành tt hiểu.", err=True)
            _say("  gợi ý: bỏ biến môi trường này; cài tự hoàn thành bằng `tt --install-completion`.", err=True)
            return 2
        return shell_complete(cli, ctx_args, prog_name, complete_var, instruction)

    vi_shell_complete._tt = True
    module.shell_complete = vi_shell_complete


def _register() -> None:
    from tuyentruyen.cli.i18n import patch

    patch("completion", "tiếng Việt của --install-completion và --show-completion")(_patch_completion)
    patch("completion-requests", "tiếng Việt khi biến _TT_COMPLETE bị đặt sai")(_patch_instructions)


_register()
