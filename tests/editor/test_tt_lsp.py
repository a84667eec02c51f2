"""`tt lsp` driven as an editor drives it: a real JSON-RPC client over the process's stdin and
stdout (initialize, didOpen, didChange, publishDiagnostics, completion, hover, codeAction,
formatting, shutdown, exit), on the samples and on broken plans.

The one promise checked on every fixture: the editor shows exactly what `tt validate --format
json` reports for the same file — code, severity, message, hint, place.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, PLANS, ROOT, run_tt
from tests.editor.conftest import TT, start
from tests.editor.lspclient import position_of, utf16_len

FIXTURE_FILES = sorted(p for p in FIXTURES.rglob("*.yaml"))
SAMPLES = sorted(p for p in PLANS.rglob("*.yaml") if not p.name.endswith(".progress.yaml"))


@pytest.fixture(scope="module")
def repo_lsp():
    """One `tt lsp` for this repository (cwd: its root, as VS Code starts it)."""
    editor = start([str(TT), "lsp"], ROOT, env=dict(os.environ, NO_COLOR="1"))
    yield editor
    assert editor.client.close() == 0


def tt_validate(path: Path, cwd: Path = ROOT) -> list[dict]:
    rel = os.path.relpath(path, cwd)
    res = run_tt("validate", "--format", "json", rel, cwd=cwd)
    assert res.code in (0, 1, 2), res.text
    return [p for p in json.loads(res.out)["problems"] if p["file"] == rel]


def as_problem(d: dict, lines: list[str]) -> tuple:
    """(code, severity, message, hint, line, col) of a diagnostic, columns in characters."""
    message, _, hint = d["message"].partition("\nGợi ý: ")
    start = d["range"]["start"]
    line_text = lines[start["line"]] if start["line"] < len(lines) else ""
    col = _column(line_text, start["character"])
    severity = {1: "error", 2: "warning", 3: "info"}[d["severity"]]
    return d["code"], severity, message, hint or None, start["line"] + 1, col + 1


def _column(line: str, units: int) -> int:
    n = 0
    for i, ch in enumerate(line):
        if n >= units:
            return i
        n += utf16_len(ch)
    return len(line)


def of_tt(p: dict) -> tuple:
    return p["code"], p["severity"], p["message"], p["hint"], p["line"], p["col"]


def open_and_wait(editor, path: Path, text: str | None = None) -> tuple[str, str, list[dict]]:
    mark = editor.client.mark()
    text = path.read_text(encoding="utf-8", errors="surrogateescape") if text is None else text
    uri = editor.client.open(path, text)
    return uri, text, editor.client.diagnostics(uri, after=mark, timeout=60)


def change(editor, uri: str, version: int, text: str, old: str, new: str) -> tuple[str, list[dict]]:
    """Replace old by new with an incremental change (a range, in UTF-16 units); the new text and
    the diagnostics of that version."""
    i = text.index(old)
    start = position_of(text, old)
    end_line = start[0] + old.count("\n")
    end_char = utf16_len(old.rsplit("\n", 1)[-1]) + (start[1] if "\n" not in old else 0)
    mark = editor.client.mark()
    editor.client.change(uri, version, [{"range": {"start": {"line": start[0], "character": start[1]},
                                                   "end": {"line": end_line, "character": end_char}},
                                         "text": new}])
    text = text[:i] + new + text[i + len(old):]
    return text, editor.client.diagnostics(uri, after=mark, version=version, timeout=60)


# ---------------------------------------------------------------- the same as tt validate


@pytest.mark.parametrize("path", FIXTURE_FILES + SAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_editor_reports_exactly_what_tt_validate_reports(repo_lsp, path):
    uri, text, diagnostics = open_and_wait(repo_lsp, path)
    lines = text.split("\n")
    mine = sorted(as_problem(d, lines) for d in diagnostics)
    expected = sorted(of_tt(p) for p in tt_validate(path))
    assert mine == expected
    for d in diagnostics:  # every diagnostic marks a span of the file, never nothing
        assert d["source"] == "tt" and (d["range"]["end"]["line"], d["range"]["end"]["character"]) > (
            d["range"]["start"]["line"], d["range"]["start"]["character"]), d
    for p in tt_validate(path):  # where tt says where the value ends, the editor marks that far
        if p["end_line"] and p["end_col"]:
            d = next(d for d in diagnostics if as_problem(d, lines) == of_tt(p))
            assert d["range"]["end"]["line"] == p["end_line"] - 1
            assert _column(lines[p["end_line"] - 1], d["range"]["end"]["character"]) == p["end_col"] - 1
    repo_lsp.client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


def test_rule_pages_are_linked(repo_lsp):
    path = FIXTURES / "seeds" / "quang-ngai" / "2023.yaml"
    uri, text, diagnostics = open_and_wait(repo_lsp, path)
    linted = [d for d in diagnostics if d["code"][3] in "DRCT"]
    assert linted
    for d in linted:
        href = d["codeDescription"]["href"]
        assert href == (ROOT / "docs" / "rules" / f"{d['code']}.md").as_uri()
    repo_lsp.client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


def test_the_docs_url_of_tt_toml_is_the_link(workspace):
    (workspace / "tt.toml").write_text('docs-url = "https://example.org/tt/rules"\n', encoding="utf-8")
    src = FIXTURES / "seeds" / "quang-ngai"
    for name in ("2023.yaml", "units.yaml"):
        shutil.copy(src / name, workspace / "plans" / "quang-ngai" / name)
    editor = start([str(TT), "lsp"], workspace)
    try:
        _, _, diagnostics = open_and_wait(editor, workspace / "plans" / "quang-ngai" / "2023.yaml")
        hrefs = {d["codeDescription"]["href"] for d in diagnostics if "codeDescription" in d}
        assert hrefs and all(h.startswith("https://example.org/tt/rules/TT-") and h.endswith(".md") for h in hrefs)
    finally:
        editor.client.close()


# ---------------------------------------------------------------- as the clerk types


def test_diagnostics_follow_incremental_changes(tt_lsp):
    path = tt_lsp.root / "plans" / "quang-ngai" / "2023.yaml"
    uri, text, diagnostics = open_and_wait(tt_lsp, path)
    assert diagnostics == []
    text, diagnostics = change(tt_lsp, uri, 2, text, "          lead: Văn phòng UBND tỉnh",
                               "          chu_tri: Văn phòng UBND tỉnh")
    (d,) = diagnostics
    line, char = position_of(text, "chu_tri")
    assert d["range"] == {"start": {"line": line, "character": char}, "end": {"line": line, "character": char + 7}}
    assert d["code"] == "TT-S001" and d["severity"] == 1
    assert d["message"] == ("Khóa 'chu_tri' không có trong mục thứ 1 của 'tasks'. Có phải ý bạn là 'lead'?\n"
                            "Gợi ý: Sửa 'chu_tri' thành 'lead'.")
    text, diagnostics = change(tt_lsp, uri, 3, text, "chu_tri:", "lead:")
    assert diagnostics == []


def test_ranges_are_in_utf16_units_after_characters_outside_the_bmp(tt_lsp):
    path = tt_lsp.root / "plans" / "quang-ngai" / "2023.yaml"
    uri, text, _ = open_and_wait(tt_lsp, path)
    old = "          content: Cung cấp, phản ánh"
    text, diagnostics = change(tt_lsp, uri, 2, text, old, "          content: 𝐂𝐮𝐧𝐠 cấp,  phản ánh")
    spaces = [d for d in diagnostics if d["code"] == "TT-T004"]
    assert spaces, diagnostics
    line, char = position_of(text, ",  phản", offset=1)
    assert spaces[0]["range"]["start"] == {"line": line, "character": char}


def test_a_tab_is_one_tt_error_not_a_dozen(tt_lsp):
    path = tt_lsp.root / "plans" / "quang-ngai" / "2023.yaml"
    text = path.read_text(encoding="utf-8").replace("    short: UBND tỉnh", "\tshort: UBND tỉnh", 1)
    _, _, diagnostics = open_and_wait(tt_lsp, path, text)
    assert [d["code"] for d in diagnostics] == ["TT-Y004"]
    assert diagnostics[0]["message"].startswith("Dòng 23 dùng ký tự Tab để thụt lề")


def test_an_impossible_date_is_reported_as_tt_reports_it(tt_lsp):
    path = tt_lsp.root / "plans" / "quang-ngai" / "2023.yaml"
    text = path.read_text(encoding="utf-8").replace("  date: 15/02/2023", "  date: 31/06/2023", 1)
    _, _, diagnostics = open_and_wait(tt_lsp, path, text)
    (d,) = [d for d in diagnostics if d["code"] == "TT-S004"]
    assert "ngày 31/06/2023 không tồn tại: tháng 6/2023 chỉ có 30 ngày" in d["message"]
    line, char = position_of(text, "31/06/2023")
    assert d["range"]["start"] == {"line": line, "character": char}
    assert d["range"]["end"] == {"line": line, "character": char + 10}


def test_hostile_input_gives_problems_and_the_server_lives_on(tt_lsp):
    path = tt_lsp.root / "plans" / "quang-ngai" / "2023.yaml"
    for text in ("[" * 5000, "a: &a [*a, *a]\n" + "b: " + "*a " * 3, "\ufeff", "tt: 1\ndocument: {\n", "- x\n- y\n"):
        _, _, diagnostics = open_and_wait(tt_lsp, path, text)
        assert diagnostics and all(d["code"].startswith("TT-") for d in diagnostics), text[:20]
    assert tt_lsp.client.proc.poll() is None
    assert "Traceback" not in "".join(tt_lsp.client.stderr_lines)


# ---------------------------------------------------------------- quick fixes


def actions(editor, uri: str, diagnostics: list[dict], rng: dict | None = None, only=None) -> list[dict]:
    rng = rng or {"start": {"line": 0, "character": 0}, "end": {"line": 100000, "character": 0}}
    context = {"diagnostics": diagnostics}
    if only:
        context["only"] = only
    return editor.client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng,
                                                             "context": context}) or []


def apply(text: str, edits: list[dict]) -> str:
    from tuyentruyen.lsp.convert import Lines

    lines = Lines(text)
    spans = sorted(((lines.offset(e["range"]["start"]), lines.offset(e["range"]["end"]), e["newText"]) for e in edits),
                   reverse=True)
    for a, b, new in spans:
        text = text[:a] + new + text[b:]
    return text


def test_quick_fixes_are_what_tt_lint_fix_does(tt_lsp, tmp_path):
    from tuyentruyen.loading.documents import load_plan

    src = FIXTURES / "seeds" / "quang-ngai"
    target = tt_lsp.root / "plans" / "quang-ngai"
    for name in ("2023.yaml", "units.yaml"):
        shutil.copy(src / name, target / name)
    path = target / "2023.yaml"
    uri, text, diagnostics = open_and_wait(tt_lsp, path)
    # one quick fix per fixable problem, replacing what tt's fix replaces
    from tuyentruyen.api import lint

    loaded = load_plan(path)
    fixes = {(p.fix.start, p.fix.end, p.fix.replacement) for p in lint(loaded) if p.fix is not None}
    assert fixes
    quick = [a for a in actions(tt_lsp, uri, diagnostics) if a["kind"] == "quickfix"]
    from tuyentruyen.lsp.convert import Lines

    lines = Lines(text)
    offered = {(lines.offset(e["range"]["start"]), lines.offset(e["range"]["end"]), e["newText"])
               for a in quick for e in a["edit"]["changes"][uri]}
    assert fixes <= offered
    # "fix all", as many times as it is offered, gives the file `tt lint --fix` writes
    version = 1
    while True:
        found = actions(tt_lsp, uri, diagnostics, only=["source.fixAll"])
        if not found:
            break
        assert [a["kind"] for a in found] == ["source.fixAll.tt"]
        version += 1
        new = apply(text, found[0]["edit"]["changes"][uri])
        mark = tt_lsp.client.mark()
        tt_lsp.client.change(uri, version, [{"text": new}])
        text = new
        diagnostics = tt_lsp.client.diagnostics(uri, after=mark, version=version, timeout=60)
        assert version < 10
    copy = tmp_path / "2023.yaml"
    shutil.copy(path, copy)
    shutil.copy(target / "units.yaml", tmp_path / "units.yaml")
    assert run_tt("lint", "--fix", str(copy)).code in (0, 1)
    assert text == copy.read_text(encoding="utf-8") != (src / "2023.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("old,new,code,fixed", [
    ("          lead: Văn phòng UBND tỉnh", "          chu_tri: Văn phòng UBND tỉnh", "TT-S001", "lead"),
    ("  type: ke-hoach", "  type: ke hoach", "TT-S004", "ke-hoach"),
    ("          lead: Văn phòng UBND tỉnh", "          lead: Bao Quang Ngai", "TT-R005", "Báo Quảng Ngãi"),
])
def test_did_you_mean_is_a_quick_fix(tt_lsp, old, new, code, fixed):
    path = tt_lsp.root / "plans" / "quang-ngai" / "2023.yaml"
    text = path.read_text(encoding="utf-8").replace(old, new, 1)
    uri, text, diagnostics = open_and_wait(tt_lsp, path, text)
    (d,) = [d for d in diagnostics if d["code"] == code]
    found = [a for a in actions(tt_lsp, uri, [d], d["range"]) if a["kind"] == "quickfix" and a["diagnostics"][0]["code"] == code]
    assert found, actions(tt_lsp, uri, [d], d["range"])
    (edit,) = found[0]["edit"]["changes"][uri]
    assert edit["newText"] == fixed and found[0]["title"].endswith(f"({code})")
    assert edit["range"] == d["range"]


# ---------------------------------------------------------------- completion and hover


def completion(editor, uri: str, text: str, needle: str, offset: int) -> list[dict]:
    line, ch = position_of(text, needle, offset=offset)
    result = editor.client.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                               "position": {"line": line, "character": ch}})
    return result["items"] if isinstance(result, dict) else result or []


def test_unit_names_are_completed_with_their_validity_on_the_plans_date(tt_lsp):
    path = tt_lsp.root / "plans" / "quang-ngai" / "2023.yaml"
    uri, text, _ = open_and_wait(tt_lsp, path)
    text, _ = change(tt_lsp, uri, 2, text, "          lead: Văn phòng UBND tỉnh\n", "          lead: \n")
    items = completion(tt_lsp, uri, text, "          lead: \n", 16)
    by_label = {i["label"]: i for i in items}
    assert "Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi" in by_label and "Báo Quảng Ngãi" in by_label
    later = by_label["UBND các xã, phường, đặc khu"]  # since 01/07/2025: not in a 2023 plan's time
    assert later.get("tags") == [1] and "không tồn tại vào thời gian của kế hoạch" in later["documentation"]
    assert later["sortText"] > by_label["Báo Quảng Ngãi"]["sortText"]


def test_keys_and_times_are_completed(tt_lsp):
    path = tt_lsp.root / "plans" / "quang-ngai" / "2023.yaml"
    uri, text, _ = open_and_wait(tt_lsp, path)
    text, _ = change(tt_lsp, uri, 2, text, "          due: Thường xuyên\n", "          due: \n          qu\n")
    keys = [i["label"] for i in completion(tt_lsp, uri, text, "          qu\n", 12)]
    assert "quantity" in keys and "content" not in keys and "id" not in keys  # already written
    times = {i["label"]: i for i in completion(tt_lsp, uri, text, "          due: \n", 15)}
    assert times["Quý II/2023"]["detail"] == "từ 01/04/2023 đến 30/06/2023"
    assert "Thường xuyên" in times and "Định kỳ hằng quý" in times


def test_hover_on_a_unit_a_time_and_a_citation(tt_lsp):
    path = tt_lsp.root / "plans" / "quang-ngai" / "2023.yaml"
    uri, text, _ = open_and_wait(tt_lsp, path)

    def shown(needle, offset):
        line, ch = position_of(text, needle, offset=offset)
        return tt_lsp.client.hover(uri, line, ch)["contents"]["value"]

    unit = shown("          lead: Văn phòng UBND tỉnh", 18)
    assert unit.startswith("**Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi** — “Văn phòng UBND tỉnh” là tên viết tắt")
    assert "Văn phòng · mã van-phong-ubnd-tinh" in unit and "Có hiệu lực vào thời gian của kế hoạch." in unit
    assert shown("          due: Năm 2023", 16) == "**Năm 2023** → từ 01/01/2023 đến 31/12/2023"
    law = shown("      number: 63/2010/NĐ-CP", 16)
    assert law == "Số và ký hiệu: `63/2010/NĐ-CP` · loại Nghị định (NĐ) · cơ quan Chính phủ · năm 2010"
    cited = shown("Quyết định số 1782/QĐ-UBND", 3)
    assert "Ngày ban hành: 21/12/2022" in cited and "loại Quyết định (QĐ)" in cited


def test_hover_on_a_unit_that_ended_names_its_successor(tt_lsp):
    path = tt_lsp.root / "plans" / "quang-ngai" / "2023.yaml"
    text = path.read_text(encoding="utf-8").replace("year: 2023", "year: 2027", 1).replace(
        "  date: 15/02/2023", "  date: 15/02/2027", 1)
    uri, text, _ = open_and_wait(tt_lsp, path, text)
    line, ch = position_of(text, "            - UBND xã, phường, thị trấn", offset=16)
    value = tt_lsp.client.hover(uri, line, ch)["contents"]["value"]
    assert value.startswith("**UBND các xã, phường, thị trấn** — “UBND xã, phường, thị trấn” là tên viết tắt")
    assert "hiệu lực đến 30/06/2025 · kế thừa: UBND các xã, phường, đặc khu" in value
    assert value.endswith("Không còn (hoặc chưa) tồn tại vào thời gian của kế hoạch (ngày 15/02/2027): nay là "
                          "**UBND các xã, phường, đặc khu**.")


# ---------------------------------------------------------------- formatting


def test_formatting_is_tt_fmt(tt_lsp):
    from tuyentruyen.edit.fmt import format_text

    path = tt_lsp.root / "plans" / "quang-ngai" / "2023.yaml"
    messy = path.read_text(encoding="utf-8").replace("  symbol: KH-UBND\n", "").replace(
        "  place: Quảng Ngãi\n", "  place: Quảng Ngãi\n  symbol:   KH-UBND\n", 1)
    uri, text, _ = open_and_wait(tt_lsp, path, messy)
    edits = tt_lsp.client.request("textDocument/formatting", {"textDocument": {"uri": uri},
                                                              "options": {"tabSize": 2, "insertSpaces": True}})
    assert apply(messy, edits) == format_text(messy, display="2023.yaml") != messy
    broken = messy.replace("  place: Quảng Ngãi\n", "  place: [Quảng Ngãi\n", 1)
    _, _, _ = open_and_wait(tt_lsp, path, broken)
    mark = tt_lsp.client.mark()
    assert tt_lsp.client.request("textDocument/formatting", {"textDocument": {"uri": uri},
                                                             "options": {"tabSize": 2, "insertSpaces": True}}) is None
    shown = tt_lsp.client.wait_for(lambda m: m["method"] == "window/showMessage", after=mark)
    assert shown["params"]["message"].startswith("tt fmt: dòng 26: TT-Y003: Danh sách trong ngoặc vuông")


def test_shutdown_and_exit(workspace):
    editor = start([str(TT), "lsp"], workspace)
    assert editor.client.close() == 0


def test_only_tt_lsp_pays_for_the_language_server_library():
    """`tt validate` (and every command but `tt lsp`) starts without importing pygls."""
    import subprocess
    import sys

    code = ("import sys\nfrom tuyentruyen.cli.app import main\n"
            "sys.argv = ['tt', 'validate', 'plans/quang-ngai/2023.yaml']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pygls', 'lsprotocol', 'tuyentruyen.lsp.server') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr
