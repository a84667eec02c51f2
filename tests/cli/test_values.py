"""Reading a parameter's value (cli.helptypes.Reader): each type tt reads itself, right and wrong.

A small typer application with one option of each kind, run through click as tt runs its own
commands; a wrong value must be a usage error in Vietnamese (cli.i18n.describe), with a hint.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Literal

import pytest
import typer

from tests.cli.test_wrong_values import english
from tuyentruyen.cli import i18n


class Received(Exception):
    """What the command was given (raised out of it, so that the test can look)."""


class Shape(str, enum.Enum):
    text = "text"
    json = "json"


def make_app():
    i18n.install()
    app = typer.Typer()

    @app.command()
    def run(
        year: int = typer.Option(None, "--year"),
        month: int = typer.Option(None, "--month", min=1, max=12),
        level: int = typer.Option(None, "--level", min=0, max=3, clamp=True),
        ratio: float = typer.Option(None, "--ratio"),
        shape: Shape = typer.Option(Shape.text, "--shape"),
        mode: Literal["nhanh", "cham"] = typer.Option("nhanh", "--mode"),
        plan: Path = typer.Option(None, "--plan", exists=True, dir_okay=False),
        folder: Path = typer.Option(None, "--folder", file_okay=False),
        years: list[int] = typer.Option(None, "--years"),
        names: list[str] = typer.Argument(None),
    ) -> None:
        raise Received(dict(year=year, month=month, level=level, ratio=ratio, shape=shape, mode=mode, plan=plan,
                            folder=folder, years=years, names=names))

    return typer.main.get_command(app)


def read(*args: str):
    """The values the command received, or the Vietnamese (message, hint) of the usage error."""
    command = make_app()
    try:
        command.main(list(args), prog_name="tt", standalone_mode=False)
    except Received as got:
        return got.args[0]
    except typer.BadParameter as exc:
        return i18n.describe(exc)
    raise AssertionError("no value read")


@pytest.mark.parametrize("args,name,value", [
    (["--year", "2027"], "year", 2027),
    (["--year", " 2027 "], "year", 2027),
    (["--month", "12"], "month", 12),
    (["--level", "9"], "level", 3),  # clamped
    (["--level", "-2"], "level", 0),
    (["--ratio", "1.5"], "ratio", 1.5),
    (["--shape", "json"], "shape", Shape.json),
    ([], "shape", Shape.text),  # the default, given as a string, is read too
    (["--mode", "cham"], "mode", "cham"),
    (["--years", "2026", "--years", "2027"], "years", [2026, 2027]),
    (["a", "b"], "names", ["a", "b"]),
    ([], "names", None),
    (["--folder", "chưa-có"], "folder", Path("chưa-có")),
])
def test_a_right_value_is_read(args, name, value):
    assert read(*args)[name] == value


@pytest.mark.parametrize("args,message,hint", [
    (["--year", "abc"], "'--year': 'abc' không phải một số nguyên.", "Ghi một số nguyên, chỉ gồm chữ số, sau --year."),
    (["--year", "20.27"], "'20.27' không phải một số nguyên.", "sau --year"),
    (["--month", "13"], "13 nằm ngoài khoảng cho phép (từ 1 đến 12).", "Ghi một số từ 1 đến 12 sau --month."),
    (["--ratio", "1,5"], "'1,5' không phải một số.", "dùng dấu chấm cho phần thập phân"),
    (["--shape", "jsn"], "'jsn' không thuộc các giá trị 'text', 'json'. Có phải ý bạn là 'json'?",
     "Dùng --shape json."),
    (["--mode", "Nhanh"], "'Nhanh' không thuộc các giá trị 'nhanh', 'cham'. Có phải ý bạn là 'nhanh'?",
     "Dùng --mode nhanh."),
    (["--plan", "khong-co.yaml"], "'khong-co.yaml' không tồn tại.", "Kiểm tra lại đường dẫn"),
    (["--plan", "."], "'.' là một thư mục, ở đây cần một tệp.", "Chỉ ra một tệp"),
    (["--folder", __file__], "là một tệp, ở đây cần một thư mục.", "Chỉ ra một thư mục."),
    (["--years", "2026", "--years", "x"], "'x' không phải một số nguyên.", "sau --years"),
])
def test_a_wrong_value_says_what_and_how_in_vietnamese(args, message, hint):
    got = read(*args)
    assert isinstance(got, tuple), got
    said, how = got
    assert said.startswith("Giá trị không hợp lệ cho '") and message in said
    assert hint in how and "Xem thêm: chạy 'tt --help'" in how
    assert not english(said + how)


def test_types_tt_does_not_read_itself_are_left_to_typer():
    from typer._coercion import resolve_type_descriptor
    from typer.models import OptionInfo

    from tuyentruyen.cli.helptypes import reader_for

    import datetime as dt

    assert reader_for(resolve_type_descriptor(dt.datetime, OptionInfo())) is None
    assert reader_for(resolve_type_descriptor(tuple[int, int], OptionInfo())) is None
    assert reader_for(resolve_type_descriptor(str, OptionInfo(parser=str.upper))) is None
    assert reader_for(resolve_type_descriptor(int, OptionInfo())) is not None
