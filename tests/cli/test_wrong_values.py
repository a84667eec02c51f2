"""Every command, every option and argument of the real click tree, fed a wrong value.

The cases are generated from the command tree that `tt` runs (cli.base.command), so a new
command or option is covered the day it is added: each must answer a wrong value with exit
code 2, a Vietnamese message and a hint, and never a word of click's, typer's or pydantic's
English.
"""

from __future__ import annotations

import re
import shutil
import unicodedata

import pytest

from tests.conftest import PLANS, run_tt
from tuyentruyen.cli import app as cli_app
from tuyentruyen.cli import base

# what click 8 / typer 0.29 / pydantic 2 say in English when left alone
ENGLISH = re.compile("|".join([
    r"\bUsage\b", r"\bError\b", r"Invalid value", r"Input should", r"No such", r"\bMissing\b", r"Got unexpected",
    r"\bTry\b", r"\bOptions\b", r"\bArguments\b", r"\bCommands\b", r"Show this", r"\bexpected\b", r"does not",
    r"requires an?\b", r"is not (one|a|readable|writable)", r"is a (file|directory)", r"Possible options",
    r"Did you mean", r"Aborted", r"unable to", r"Value error", r"Choose from", r"not supported",
    r"completion installed", r"Completion will", r"\bShell\b", r"Could not", r"\[default", r"\[required",
    r"env var", r"Traceback", r"valid (integer|number|boolean|string)", r"must be", r"\(DEPRECATED",
    # typer's type labels and number ranges in the help table
    r"<(int|float|str|bool|path|file|dir|datetime|uuid|UUID)\b", r"list\[", r"\brange\b", r"\bx[<>]=", r"<=x\b",
]))


def english(text: str) -> list[str]:
    return sorted({m.group(0) for m in ENGLISH.finditer(text)})


def tree():
    """(command name, click command) for every command of tt, the root first (name '')."""
    root = base.command(cli_app.COMMANDS)
    ctx = root.make_context("tt", [], resilient_parsing=True)
    return [("", root)] + [(name, root.get_command(ctx, name)) for name in root.list_commands(ctx)]


def options(command):
    return [p for p in command.params if p.param_type_name == "option" and "--help" not in p.opts]


def near_miss(choice: str) -> str:
    return choice[:-1] if len(choice) > 2 else choice + "x"


def wrong_values(command):
    """(args after the command name, what is wrong) for one command."""
    yield ["--khong-co-tuy-chon-nay"], "tùy chọn không có"
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    if not arguments:
        if command.name != "tt":
            yield ["thua"], "tham số thừa"
    elif all(a.nargs == 1 for a in arguments):
        yield ["a"] * len(arguments) + ["thua"], "tham số thừa"
    for a in arguments:
        yield ["file.txt/khong-co.yaml"], f"{a.name}: tệp không có"
    for p in options(command):
        opt = max(p.opts, key=len)
        if p.is_flag:
            yield [f"{opt}=1"], f"{opt}: công tắc nhận giá trị"
            continue
        yield [opt], f"{opt}: thiếu giá trị"
        desc = p.type_descriptor
        annotation = desc.annotation
        if desc.is_choice:
            first = str(getattr(desc.choices[0], "value", desc.choices[0]))
            yield [opt, near_miss(first)], f"{opt}: gần giống '{first}'"
        elif annotation in (int, float):
            yield [opt, "abc"], f"{opt}: không phải số"
            if p.min is not None:
                yield [opt, str(p.min - 1)], f"{opt}: nhỏ hơn {p.min}"
            if p.max is not None:
                yield [opt, str(p.max + 1)], f"{opt}: lớn hơn {p.max}"
        elif annotation is bool:
            yield [opt, "co-le"], f"{opt}: không phải đúng/sai"
        elif desc.is_path:
            # a path through a file: it can neither exist nor be created
            yield [opt, "file.txt/khong-co"], f"{opt}: đường dẫn không có"


CASES = [(name, args, why) for name, command in tree() for args, why in wrong_values(command)]
CASES += [
    ("", ["valdate"], "lệnh gõ sai"),
    ("", ["help"], "tt help"),
    ("", ["help", "validate"], "tt help LỆNH"),
    ("", ["--show-completion", "tcsh"], "shell không hỗ trợ"),
    ("", ["--install-completion", "tcsh"], "shell không hỗ trợ"),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A small repository: one plan and its registry, and a file to put paths through."""
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(PLANS / "xuan-loc", root / "plans" / "xuan-loc")
    (root / "file.txt").write_text("không phải thư mục\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("name,args,why", CASES, ids=[f"{n or 'tt'} {' '.join(a)}" for n, a, _ in CASES])
def test_a_wrong_value_is_a_vietnamese_usage_error(name, args, why, project, tmp_path):
    env = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1", "HOME": str(tmp_path)}
    res = run_tt(*([name] if name else []), *args, cwd=project, env=env)
    shown = f"tt {name} {' '.join(args)} ({why}):\n{res.text}"
    assert res.code == 2, shown
    assert "Traceback" not in res.text, shown
    assert re.search(r"(^tt: lỗi TT-[A-Z]\d{3}: |: lỗi TT-[A-Z]\d{3}: )", res.text, re.M), shown
    assert "gợi ý:" in res.text, shown
    assert not english(res.text), f"tiếng Anh {english(res.text)} trong {shown}"
    assert unicodedata.is_normalized("NFC", res.text), shown
    assert not (tmp_path / ".bashrc").exists()


@pytest.mark.parametrize("name", [n for n, _ in tree()])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_every_help_is_vietnamese(name, flag):
    res = run_tt(*([name] if name else []), flag)
    assert res.code == 0, res.text
    assert f"Cách dùng: tt {name}".rstrip() in res.out
    assert "Tùy chọn:" in res.out and "Hiện hướng dẫn này rồi thoát." in res.out
    assert not english(res.out), f"tiếng Anh {english(res.out)} trong tt {name} {flag}"


def test_the_walk_covers_every_command_and_option():
    names = {name for name, _ in tree()}
    assert set(cli_app.COMMANDS) <= names
    walked = {(name, args[0].split("=")[0]) for name, args, _ in CASES if args and args[0].startswith("--")}
    for name, command in tree():
        for p in options(command):
            assert (name, max(p.opts, key=len)) in walked


def test_the_english_detector_knows_clicks_words():
    assert english("Usage: tt new [OPTIONS]\nError: Invalid value for '--year': Input should be a valid integer")
    assert english("Got unexpected extra argument (x)") and english("No such option: --x")
    assert not english("Cách dùng: tt new [TÙY CHỌN]\ntt: lỗi: '--year' cần một số nguyên.")
