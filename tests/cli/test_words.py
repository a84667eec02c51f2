"""data/cli_vi.json: click's, typer's and pydantic's English messages, as they are written, in Vietnamese."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli.test_wrong_values import english
from tuyentruyen.cli import i18n

DATA = Path(i18n.__file__).resolve().parent.parent / "data" / "cli_vi.json"

# (what click 8 / typer 0.29 / pydantic 2 write, what tt shows, tt's hint or None)
MESSAGES = [
    ("No such option: --bogus", "Không có tùy chọn --bogus.", None),
    ("No such option: --helpp (Possible options: --help)", "Không có tùy chọn --helpp. Có phải ý bạn là --help?",
     None),
    ("No such command 'valdate'.", "Không có lệnh 'valdate'.", None),
    ("No such command 'valdate'. Did you mean 'validate'?", "Không có lệnh 'valdate'. Có phải ý bạn là 'validate'?",
     None),
    ("Missing command.", "Thiếu lệnh.", "Ghi một lệnh sau tt, ví dụ `tt validate`; chạy 'tt --help' để xem các lệnh."),
    ("Missing argument 'TỆP'.", "Thiếu tham số 'TỆP'.", "Ghi giá trị của 'TỆP' sau tên lệnh."),
    ("Missing option '--year'.", "Thiếu tùy chọn '--year'.", "Thêm '--year' kèm giá trị của nó."),
    ("Missing option '--format'. Choose from:\n\ttext,\n\tjson",
     "Thiếu tùy chọn '--format'. Chọn một trong: text,\n\tjson", "Thêm '--format' kèm giá trị của nó."),
    ("Got unexpected extra argument(s) (a b)", "Thừa tham số: a b.",
     "Lệnh này không nhận thêm tham số đó: bỏ nó đi, hoặc đặt giá trị có dấu cách trong ngoặc kép (\"…\")."),
    ("Option '--docx' does not take a value.", "Tùy chọn '--docx' không nhận giá trị.",
     "'--docx' là một công tắc: ghi '--docx' mà không kèm giá trị (bỏ phần '=…')."),
    ("Option '--format' requires an argument.", "Tùy chọn '--format' cần một giá trị.",
     "Ghi giá trị ngay sau '--format' (giá trị có dấu cách thì đặt trong ngoặc kép)."),
    ("Option '--size' requires 2 arguments.", "Tùy chọn '--size' cần 2 giá trị.",
     "Ghi đủ 2 giá trị ngay sau '--size'."),
    ("Argument 'pair' takes 2 values.", "Tham số 'pair' nhận 2 giá trị.", "Ghi đủ 2 giá trị cho 'pair'."),
    ("Invalid value for '--year': Input should be a valid integer, unable to parse string as an integer",
     "Giá trị không hợp lệ cho '--year': cần một số nguyên", None),
    ("Invalid value for '--when': Input should be a valid datetime, invalid character in year",
     "Giá trị không hợp lệ cho '--when': cần một ngày giờ (ví dụ 2027-01-15)", None),
    ("Invalid value for '--n': Input should be greater than or equal to 1",
     "Giá trị không hợp lệ cho '--n': cần từ 1 trở lên", None),
    ("Invalid value for '--format' / '-f': 'xml' is not one of 'text', 'json'.",
     "Giá trị không hợp lệ cho '--format' / '-f': 'xml' không thuộc các giá trị 'text', 'json'.", None),
    ("Invalid value for '--from': file 'a.yaml' does not exist.",
     "Giá trị không hợp lệ cho '--from': 'a.yaml' không tồn tại.", None),
    ("Invalid value for '--from': path 'plans' is a directory.",
     "Giá trị không hợp lệ cho '--from': 'plans' là một thư mục, ở đây cần một tệp.", None),
    ("Invalid value for '--flag': Input should be a valid boolean, unable to interpret input",
     "Giá trị không hợp lệ cho '--flag': cần đúng hoặc sai (true/false, yes/no, 1/0)", None),
    ("Invalid value for '--when': '2027' does not match the formats '%Y-%m-%d'.",
     "Giá trị không hợp lệ cho '--when': '2027' không đúng dạng nào trong '%Y-%m-%d'.", None),
    ("Invalid value: Value must be an iterable.", "Giá trị không hợp lệ: cần một danh sách giá trị.", None),
    ("Could not open file 'a.txt': Permission denied", "Không mở được tệp 'a.txt': Permission denied.", None),
]


@pytest.mark.parametrize("english_text,vietnamese,hint", MESSAGES, ids=[m[0][:40] for m in MESSAGES])
def test_a_message_of_click_typer_or_pydantic_in_vietnamese(english_text, vietnamese, hint):
    hints: list[str] = []
    assert i18n.translate(english_text, hints) == vietnamese
    assert (hints[0] if hints else None) == hint


def test_the_translations_have_no_english_left():
    for english_text, _, _ in MESSAGES:
        shown = i18n.translate(english_text)
        if "Permission denied" not in shown:  # an OS's words: tt's own errors use project.files.os_reason
            assert not english(shown), shown


def test_every_pattern_compiles_and_refers_only_to_its_groups():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for entry in data["patterns"]:
        assert len(entry) in (2, 3), entry
        pattern = re.compile(entry[0])
        for template in entry[1:]:
            refs = [int(n) for n in re.findall(r"\\(\d)", template)]
            assert all(n <= pattern.groups for n in refs), entry


def test_every_word_is_vietnamese_nfc():
    import unicodedata

    data = json.loads(DATA.read_text(encoding="utf-8"))
    for english_word, vietnamese in data["words"].items():
        assert unicodedata.is_normalized("NFC", vietnamese), english_word
        assert not english(re.sub(r"\{\w*(![rs])?\}", "", vietnamese)), english_word  # {placeholders} are code


@pytest.mark.parametrize("cell,shown", [
    ("Số tiến trình.  [mặc định: 0; x>=0]", "Số tiến trình.  [mặc định: 0; từ 0 trở lên]"),
    ("Số ngày.  [x<=30]", "Số ngày.  [không quá 30]"),
    ("Mức.  [1<=x<=5]", "Mức.  [từ 1 đến 5]"),
    ("Tỉ lệ.  [0.5<=x<=1.5]", "Tỉ lệ.  [từ 0.5 đến 1.5]"),
    ("Show this message and exit.", "Hiện hướng dẫn này rồi thoát."),
    ("Ghi tệp max<=x.yaml", "Ghi tệp max<=x.yaml"),  # not a range: left as written
])
def test_a_help_cell_in_vietnamese(cell, shown):
    assert i18n.help_cell(cell) == shown


def test_every_help_pattern_compiles():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for pattern, replacement in data["help_patterns"]:
        assert re.compile(pattern).groups >= max((int(n) for n in re.findall(r"\\(\d)", replacement)), default=0)
