"""`tt fmt`: one layout, the same data, every comment where it was (issue 6, part 1)."""

from __future__ import annotations

import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PLANS, ROOT, run_tt
from tests.integration.plan_gen import data_of, layouts, nfc, plans, untidy, with_comments
from tuyentruyen.edit.fmt import FormatError, format_text
from tuyentruyen.loading import Source, parse_yaml, read_source

SAMPLES = sorted(PLANS.rglob("*.yaml")) + sorted((ROOT / "tests" / "fixtures" / "seeds").rglob("*.yaml"))
SAMPLES = [p for p in SAMPLES if not p.name.endswith(".errors.yaml")]


def comments_of(text: str) -> Counter:
    """Comment texts, found without fmt's help: '#' after a space, outside every scalar."""
    import yaml

    loaded = parse_yaml(Source(Path("x.yaml"), "x.yaml", text))
    inside = set()
    stack = [loaded.root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend(x for kv in node.value for x in kv)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        else:
            inside.update(range(node.start_mark.index, node.end_mark.index))
    found, pos = Counter(), 0
    for line in text.split("\n"):
        i = line.find("#")
        while i != -1 and ((i and line[i - 1] not in " \t") or pos + i in inside):
            i = line.find("#", i + 1)
        if i != -1:
            found[line[i:].rstrip()] += 1
        pos += len(line) + 1
    return found


def line_of(text: str, comment: str) -> int:
    hits = [n for n, line in enumerate(text.split("\n")) if line.rstrip().endswith(comment)]
    assert len(hits) == 1, f"chú thích {comment!r} xuất hiện {len(hits)} lần"
    return hits[0]


# ---------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans(), layouts, st.lists(st.integers(0, 10_000), max_size=12))
def test_fmt_is_idempotent_keeps_the_data_and_every_comment_in_its_place(data, layout, picks):
    text, placed = with_comments(untidy(data, layout), picks)
    assert data_of(text) == nfc(data_of(untidy(data, layout)))  # the comments did not change the data

    once = format_text(text)
    assert format_text(once) == once
    assert data_of(once) == data_of(text)
    assert comments_of(once) == comments_of(text)

    loaded = parse_yaml(Source(Path("x.yaml"), "x.yaml", once))
    lines = once.split("\n")
    first_content = next(n for n, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#"))
    for p in placed:
        n = line_of(once, p.text)
        if p.header:  # a comment before the first key stays at the top of the file
            assert n < first_content
        elif p.own_line:
            start = loaded.locate(p.path, key=isinstance(p.path[-1], str)).line - 1
            assert n < start, f"{p.text!r} phải đứng trước {p.path}"
            between = lines[n + 1:start]
            assert all(not ln.strip() or ln.lstrip().startswith("#") for ln in between), (p, between)
        else:
            assert lines[n].split("#")[0].strip(), f"{p.text!r} phải ở cuối một dòng có nội dung"
            assert n == loaded.locate(p.path).line - 1, f"{p.text!r} phải ở dòng của {p.path}"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_sample_plans_round_trip_with_comments_intact(path):
    text = read_source(path).text
    once = format_text(text, display=str(path))
    assert format_text(once) == once
    assert data_of(once) == data_of(text)
    assert comments_of(once) == comments_of(text)
    assert once.startswith("# yaml-language-server: $schema=")


def test_formatting_does_not_change_what_validate_and_lint_report(tmp_path):
    shutil.copytree(ROOT / "tests" / "fixtures" / "seeds", tmp_path / "seeds")
    shutil.copytree(PLANS, tmp_path / "plans")
    plans_ = sorted(p for p in tmp_path.rglob("*.yaml") if not p.name.endswith(".errors.yaml"))
    rels = [str(p.relative_to(tmp_path)) for p in plans_]

    def findings():
        import json

        res = run_tt("validate", "--format", "json", *rels, cwd=tmp_path)
        return res.code, Counter((p["file"], p["code"], tuple(p["path"])) for p in json.loads(res.out)["problems"])

    before = findings()
    assert run_tt("fmt", *rels, cwd=tmp_path).code == 0
    assert findings() == before


# ---------------------------------------------------------------- the layout


def test_canonical_layout():
    text = """\
# đầu tệp
appendix:
  tasks:
  - due: 'Quý II/2023'   # thời gian
    lead: "Sở Nội vụ"
    id: tap-huan
    # nội dung
    content: "Tập huấn"
    extra: giữ nguyên
plan:
    sections:
    -   items: [a, b]
        heading: Mục đích
        marker: letter
    year: 2023
document: {type: ke-hoach, title: "2023"}
tt: 1
"""
    assert format_text(text) == """\
# đầu tệp
tt: 1
document: {type: ke-hoach, title: '2023'}
plan:
  year: 2023
  sections:
    - heading: Mục đích
      marker: letter
      items: [a, b]
appendix:
  tasks:
    - id: tap-huan
      # nội dung
      content: Tập huấn
      lead: Sở Nội vụ
      due: Quý II/2023   # thời gian
      extra: giữ nguyên
"""


def test_quotes_only_where_a_reader_would_see_something_else():
    out = format_text('tt: 1\nplan:\n  closing: "yes"\n  intro: "01"\n  title: "a: b"\n  year: 2023\n'
                      '  reference: "Quý I/2023"\n')
    assert "closing: 'yes'" in out and "intro: '01'" in out and "title: 'a: b'" in out
    assert "reference: Quý I/2023" in out


def test_long_text_stays_on_one_line_and_folded_text_is_joined():
    """Prose is never re-wrapped: a one-word change stays a one-line diff."""
    long = " ".join(["Tuyên truyền cải cách hành chính"] * 12)
    out = format_text(f"tt: 1\nplan:\n  closing: {long}\n  year: 2023\n")
    assert f"\n  closing: {long}\n" in out
    folded = long.replace(" cải cách", "\n    cải cách")  # as fmt folded at 100 columns before
    text = f"tt: 1\nplan:\n  closing: {folded}\n  year: 2023\n"
    out = format_text(text)
    assert f"\n  closing: {long}\n" in out and data_of(out) == data_of(text)


def test_a_value_with_an_end_of_line_comment_keeps_it():
    long = " ".join(["Tuyên truyền cải cách hành chính"] * 12)
    out = format_text(f"tt: 1\nplan:\n  closing: {long}  # tt: ignore[TT-T001]\n  year: 2023\n")
    assert f"  closing: {long}  # tt: ignore[TT-T001]\n" in out


def test_an_end_of_line_comment_keeps_its_column_while_the_text_leaves_room():
    """Comments aligned in a column stay aligned; a text that now reaches the column pushes its
    comment to two spaces after it."""
    text = ("tt: 1                  # phiên bản\nplan:\n    year: 2023         # năm\n"
            "    closing: \"Hết.\"    # ngắn lại\n    reference: yes  # thêm ngoặc\n")
    assert format_text(text) == ("tt: 1                  # phiên bản\nplan:\n  year: 2023           # năm\n"
                                 "  closing: Hết.        # ngắn lại\n  reference: 'yes'  # thêm ngoặc\n")


def test_nfc_text_and_comments():
    nfd = unicodedata.normalize("NFD", "Ủy ban nhân dân")
    out = format_text(f"tt: 1  # {nfd}\ndocument:\n  title: {nfd}\n")
    assert unicodedata.is_normalized("NFC", out) and "Ủy ban nhân dân" in out


def test_block_scalars_stay_as_written():
    text = "tt: 1\nplan:\n  intro: |\n    a\n      b\n  closing: >-\n    Dòng một\n    dòng hai.\n"
    assert format_text(text) == text


def test_blank_lines_are_kept_once_and_trailing_ones_dropped():
    out = format_text("\n\ntt: 1\n\n\n\nplan:\n  year: 2023\n\n\n")
    assert out == "tt: 1\n\nplan:\n  year: 2023\n"


def test_unit_registry_is_formatted_with_its_own_order():
    out = format_text("units:\n  - kind: so\n    name: Sở Nội vụ\n    id: so-noi-vu\ntt: 1\n")
    assert out == "tt: 1\nunits:\n  - id: so-noi-vu\n    name: Sở Nội vụ\n    kind: so\n"


@pytest.mark.parametrize("text,code", [
    ("tt: 1\nplan: [a\n", "TT-Y003"),
    ("tt: 1\ntt: 2\n", "TT-Y006"),
    ("- a\n- b\n", "TT-F001"),
])
def test_refuses_what_it_cannot_read_safely(text, code):
    with pytest.raises(FormatError) as err:
        format_text(text)
    assert err.value.problems[0].code == code and err.value.problems[0].fatal


# ---------------------------------------------------------------- the command


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.yaml").write_text("plan:\n  year: 2023\ntt: 1  # phiên bản\n", encoding="utf-8")
    (tmp_path / "plans" / "b.yaml").write_text("tt: 1\nplan:\n  year: 2023\n", encoding="utf-8")
    return tmp_path


def test_check_lists_the_files_that_would_change_and_exits_1(repo):
    res = run_tt("fmt", "--check", cwd=repo)
    assert res.code == 1
    assert "cần định dạng lại: plans/a.yaml" in res.out and "plans/b.yaml" not in res.out.split("tt fmt:")[0]
    assert (repo / "plans" / "a.yaml").read_text(encoding="utf-8").startswith("plan:")  # untouched


def test_fmt_writes_then_check_is_clean(repo):
    res = run_tt("fmt", cwd=repo)
    assert res.code == 0 and "đã định dạng lại: plans/a.yaml" in res.out
    assert (repo / "plans" / "a.yaml").read_text(encoding="utf-8") == "tt: 1  # phiên bản\nplan:\n  year: 2023\n"
    assert run_tt("fmt", "--check", cwd=repo).code == 0


def test_diff_shows_the_change_and_writes_nothing(repo):
    res = run_tt("fmt", "--diff", "plans/a.yaml", cwd=repo)
    assert res.code == 1
    assert "--- a/plans/a.yaml" in res.out and "+tt: 1  # phiên bản" in res.out
    assert (repo / "plans" / "a.yaml").read_text(encoding="utf-8").startswith("plan:")


def test_a_broken_file_is_reported_and_left_alone_exit_2(repo):
    broken = "tt: 1\nplan: [a\n"
    (repo / "plans" / "c.yaml").write_text(broken, encoding="utf-8")
    res = run_tt("fmt", cwd=repo)
    assert res.code == 2
    assert "plans/c.yaml:3:1: lỗi TT-Y003" in res.err and "tt fmt để nguyên tệp" in res.err
    assert (repo / "plans" / "c.yaml").read_text(encoding="utf-8") == broken
    assert (repo / "plans" / "a.yaml").read_text(encoding="utf-8").startswith("tt: 1")  # the others are done
    assert "Traceback" not in res.text


def test_standard_input_to_standard_output(tt_process, repo):
    res = tt_process("fmt", "-", cwd=repo, input="plan:\n  year: 2023\ntt: 1\n".encode())
    assert res.code == 0 and res.out == "tt: 1\nplan:\n  year: 2023\n"


@pytest.mark.parametrize("raw", ["\ufefftt: 1\r\nplan:\r\n  year: 2023\r\n", "\ufefftt: 1\nplan:\n  year: 2023\n",
                                 "tt: 1\r\nplan:\r\n  year: 2023\r\n"])
def test_bom_and_crlf_are_normalised(repo, raw):
    (repo / "plans" / "a.yaml").write_bytes(raw.encode())
    assert run_tt("fmt", "--check", "plans/a.yaml", cwd=repo).code == 1
    assert run_tt("fmt", cwd=repo).code == 0
    assert (repo / "plans" / "a.yaml").read_bytes() == b"tt: 1\nplan:\n  year: 2023\n"


def test_tt_ignore_markers_keep_silencing_after_keys_are_reordered(tmp_path):
    """A `# tt: ignore[…]` at the end of a line silences the lint there before and after fmt,
    even when fmt moves the key it is on."""
    import json

    shutil.copytree(PLANS / "quang-ngai", tmp_path / "plans")
    plan = tmp_path / "plans" / "2023.yaml"
    text = plan.read_text(encoding="utf-8")
    task = """        - id: bao-chi-tuyen-truyen-cai-cach-tthc
          # bản gốc: "để truyền truyền về ý nghĩa"
"""
    assert task in text and "            - Báo Quảng Ngãi\n" in text
    # the task's keys out of order (due first), and the second lead silenced
    text = text.replace(task, "        - due: Thường xuyên  # hạn\n          id: bao-chi-tuyen-truyen-cai-cach-tthc\n"
                              "          # bản gốc: \"để truyền truyền về ý nghĩa\"\n", 1)
    start = text.index("id: bao-chi-tuyen-truyen-cai-cach-tthc")
    end = text.index("          due: Thường xuyên\n", start)
    text = text[:end] + text[end + len("          due: Thường xuyên\n"):]
    text = text.replace("            - Báo Quảng Ngãi\n",
                        "            - Báo Quảng Ngãi  # tt: ignore[TT-R002] hai cơ quan báo chí cùng làm\n", 1)
    plan.write_text(text, encoding="utf-8")

    def r002():
        res = run_tt("validate", "--format", "json", "plans/2023.yaml", cwd=tmp_path)
        return sorted(tuple(p["path"]) for p in json.loads(res.out)["problems"] if p["code"] == "TT-R002")

    before = r002()
    assert run_tt("fmt", "plans/2023.yaml", cwd=tmp_path).code == 0
    after = plan.read_text(encoding="utf-8")
    assert "- id: bao-chi-tuyen-truyen-cai-cach-tthc\n" in after and "due: Thường xuyên  # hạn\n" in after
    assert "- Báo Quảng Ngãi  # tt: ignore[TT-R002] hai cơ quan báo chí cùng làm\n" in after
    assert r002() == before and ("appendix", "groups", 0, "tasks", 1, "lead", 1) not in before
