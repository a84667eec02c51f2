"""The Vietnamese layer's use of typer's private names: found at start, and tt survives a miss.

If test_every_patch_finds_its_internals fails, a typer release moved a name tt relies on:
review the pin in pyproject.toml (typer>=0.29,<0.30) before widening it, and adapt the
patch it names (tuyentruyen/cli/i18n.py, helptypes.py, complete.py, base.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT

from tuyentruyen.cli import app as cli_app
from tuyentruyen.cli import base, i18n


def test_every_patch_finds_its_internals():
    base.command(cli_app.COMMANDS)
    failed = i18n.failed()
    what = {p.name: p.what for p in i18n.PATCHES}
    assert not failed, (
        "Các tên nội bộ của typer mà tt dùng đã đổi — xem lại phiên bản typer ghim trong pyproject.toml:\n"
        + "\n".join(f"  {name}: thiếu {internal} → người dùng mất: {what[name]}"
                    for name, internal in failed.items()))
    assert {"gettext", "help-types", "values", "completion", "completion-requests", "lazy-commands"} \
        <= {p.name for p in i18n.PATCHES}


@pytest.mark.parametrize("dotted,kwargs,missing", [
    ("typer.core.NoSuchClass", {}, "typer.core.NoSuchClass"),
    ("no_such_module_tt.thing", {}, "no_such_module_tt"),
    ("typer._click.formatting.HelpFormatter.write_usage", {"params": ("self", "prog", "label")}, "tt cần"),
    # inherited, not defined on the class itself: replacing it there would not change what typer calls
    ("typer.core.TyperArgument.shell_complete", {"owner": True}, "TyperArgument.shell_complete"),
])
def test_need_names_what_is_missing(dotted, kwargs, missing):
    with pytest.raises(i18n.MissingInternal) as exc:
        i18n.need(dotted, **kwargs)
    assert missing in str(exc.value)


def test_need_finds_what_is_there():
    write_usage = i18n.need("typer._click.formatting.HelpFormatter.write_usage",
                            params=("self", "prog", "args", "prefix"))
    assert callable(write_usage)


# In a fresh process: `prelude` breaks typer (or a patch) before tt starts, then tt runs a few
# commands in-process through the real entry point. Each prints its exit code and output.
RUNNER = textwrap.dedent("""
    import contextlib, io, json, os, sys
    {prelude}
    from tuyentruyen.cli import app, i18n
    results = []
    for args, env in {runs!r}:
        out, err = io.StringIO(), io.StringIO()
        os.environ.update(env)
        sys.argv = ["tt", *args]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                app.main()
            except SystemExit as exc:
                code = exc.code
        for k in env:
            del os.environ[k]
        results.append([args, code, out.getvalue(), err.getvalue()])
    print(json.dumps({{"failed": i18n.failed(), "results": results}}))
""")

RUNS = [
    (["validate", "--help"], {}),
    (["--help"], {"TT_NO_CACHE": "1"}),
    (["new", "--year", "abc"], {}),
    (["validate", "--format", "xml"], {}),
    (["valdate"], {}),
    (["render", "--docx=3"], {}),
    (["--show-completion", "bash"], {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}),
    (["validate", "plans/xuan-loc/2024.yaml"], {}),
    (["rule", "TT-D001"], {}),
]
EXPECTED = [0, 0, 2, 2, 2, 2, 0, 0, 0]


def run_broken(prelude: str, runs=RUNS) -> dict:
    code = RUNNER.format(prelude=prelude, runs=runs)
    env = dict(os.environ, NO_COLOR="1", COLUMNS="120")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout.splitlines()[-1])


def assert_still_works(report: dict) -> None:
    for (args, code, out, err), expected in zip(report["results"], EXPECTED):
        assert code == expected, f"tt {' '.join(args)} → {code}\n{out}{err}"
        assert "Traceback" not in out + err
        assert out + err


@pytest.mark.parametrize("name", [p.name for p in i18n.PATCHES])
def test_tt_still_works_when_a_patch_is_skipped(name):
    """Any one patch whose internals moved: skipped, reported, and every command still works."""
    prelude = textwrap.dedent(f"""
        from tuyentruyen.cli import i18n, base, complete, helptypes
        def moved():
            raise i18n.MissingInternal("typer.thử_nghiệm.đã_đổi_tên")
        for p in i18n.PATCHES:
            if p.name == {name!r}:
                p.apply = moved
    """)
    report = run_broken(prelude)
    assert report["failed"] == {name: "typer.thử_nghiệm.đã_đổi_tên"}
    assert_still_works(report)


def test_a_real_moved_internal_is_found_and_typers_words_take_over():
    """typer's completion-class lookup with another signature: that patch alone is skipped."""
    prelude = textwrap.dedent("""
        import typer._click.shell_completion as sc
        original = sc.get_completion_class
        def get_completion_class(name):
            return original(name)
        sc.get_completion_class = get_completion_class
    """)
    report = run_broken(prelude, RUNS + [([], {"_TT_COMPLETE": "bogus"}), (["rule", "TT-D001"], {"TT_DEBUG": "1"})])
    assert set(report["failed"]) == {"completion-requests"}
    assert "get_completion_class(name), tt cần (shell)" in report["failed"]["completion-requests"]
    assert_still_works(report)
    args, code, out, err = report["results"][-2]
    assert "Invalid completion instruction" in err  # typer's own words: the fallback
    args, code, out, err = report["results"][-1]  # TT_DEBUG says which part of the layer was skipped
    assert "tt: bỏ qua lớp tiếng Việt 'completion-requests': typer không còn typer._click" in err


def test_without_the_value_patch_pydantic_english_is_still_translated():
    prelude = textwrap.dedent("""
        from tuyentruyen.cli import i18n, base, complete, helptypes
        def moved():
            raise i18n.MissingInternal("typer.core._TyperParameter.get_runtime_param")
        for p in i18n.PATCHES:
            if p.name == "values":
                p.apply = moved
    """)
    report = run_broken(prelude, [(["new", "--year", "abc"], {})])
    args, code, out, err = report["results"][0]
    assert code == 2 and "cần một số nguyên" in err and "Input should" not in err, err
