"""The JSON Schema: generated from the models, shaped for editors, committed, referenced by every
plan, accepted by a standard validator (check-jsonschema), and saying what tt says.

What the real yaml-language-server shows with it (hover, completion, diagnostics) is tested in
tests/editor/test_yaml_language_server.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES, PLANS, ROOT, run_tt

SCHEMAS = ROOT / "docs" / "schema"
CHECK = Path(sys.executable).parent / "check-jsonschema"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
REGISTRIES = sorted(PLANS.glob("*/units.yaml"))  # what `make schema` passes as --registry


def sample_files() -> list[Path]:
    return sorted(p for p in PLANS.rglob("*.yaml") if not p.name.endswith(".progress.yaml"))


def check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECK), "--schemafile", str(schema), *map(str, files)],
                          capture_output=True, text=True, timeout=120)


def load(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def walk(node, path=()):
    """Every (path, schema object) of a schema."""
    if isinstance(node, dict):
        yield path, node
        for k, v in node.items():
            yield from walk(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, path + (i,))


def offered(node, path=()):
    """The schemas the language server reads for completion and hover: properties, items and
    their anyOf/allOf/oneOf branches, not the guards' if/then nor a `not`."""
    if not isinstance(node, dict):
        return
    yield path, node
    for key in ("properties", "$defs"):
        for name, sub in (node.get(key) or {}).items():
            yield from offered(sub, path + (key, name))
    if isinstance(node.get("items"), dict):
        yield from offered(node["items"], path + ("items",))
    for key in ("anyOf", "allOf", "oneOf"):
        for i, sub in enumerate(node.get(key) or []):
            yield from offered(sub, path + (key, i))


# ---------------------------------------------------------------- committed and current


PLAN_ARGS = [a for p in REGISTRIES for a in ("--registry", str(p))]


@pytest.mark.parametrize("args,name", [(PLAN_ARGS, "plan.schema.json"), (["--units"], "units.schema.json")])
def test_committed_schema_is_current(args, name):
    res = run_tt("schema", *args)
    assert res.code == 0, res.text
    committed = (SCHEMAS / name).read_text(encoding="utf-8")
    assert res.out == committed, f"docs/schema/{name} đã cũ: chạy `make schema` rồi commit lại."


def test_schema_output_to_file_is_atomic(tmp_path):
    out = tmp_path / "plan.schema.json"
    res = run_tt("schema", "-o", str(out))
    assert res.code == 0 and json.loads(out.read_text(encoding="utf-8"))["title"]
    assert [p.name for p in tmp_path.iterdir()] == ["plan.schema.json"]


def test_schema_refuses_a_yaml_output_and_a_broken_registry(tmp_path):
    res = run_tt("schema", "-o", str(tmp_path / "plan.yaml"))
    assert res.code == 2 and "tệp JSON" in res.err and not (tmp_path / "plan.yaml").exists()
    broken = tmp_path / "units.yaml"
    broken.write_text("tt: 1\nunits:\n  - id: a\n    kind: so\n", encoding="utf-8")
    res = run_tt("schema", "--registry", str(broken))
    assert res.code == 2 and "TT-S002" in res.err and "--registry" in res.err and "Traceback" not in res.text
    res = run_tt("schema", "--units", "--registry", str(REGISTRIES[0]))
    assert res.code == 2 and "--registry" in res.err


# ---------------------------------------------------------------- shaped for editors


@pytest.mark.parametrize("name", ["plan.schema.json", "units.schema.json"])
def test_every_field_has_one_vietnamese_title_and_description(name):
    schema = load(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    models = {"(root)": schema, **{k: v for k, v in schema["$defs"].items() if k != "unit-names"}}
    for model, body in models.items():
        assert body.get("title"), f"{name}: {model} thiếu title"
        assert body["title"].split(".")[0] != model.split(".")[0] or model == "(root)", \
            f"{name}: {model} mang tên lớp làm title"
        assert not re.fullmatch(r"[A-Za-z]+", body["title"]), f"{name}: {model}: title '{body['title']}' không phải tiếng Việt"
        for key, prop in body.get("properties", {}).items():
            for part in ("title", "description", "markdownDescription"):
                assert prop.get(part), f"{name}: {model}.{key} thiếu {part}"
                assert prop[part] == unicodedata.normalize("NFC", prop[part])
            assert " || " not in prop["title"] + prop["description"]
            # one description: the branches of a field never carry another text than the field's own
            for branch in prop.get("anyOf", []):
                if "description" in branch:
                    assert branch["description"] == prop["description"]
        if "properties" in body:  # an unknown key is refused (by propertyNames guards, in Vietnamese)
            assert "additionalProperties" not in body
            assert body["propertyNames"]["allOf"][-1]["then"]["errorMessage"].startswith("TT-S001: ")


@pytest.mark.parametrize("name", ["plan.schema.json", "units.schema.json"])
def test_nothing_offers_null_default_values_or_example_blocks(name):
    schema = load(name)
    for path, node in offered(schema):
        types = node.get("type")
        assert "null" not in (types if isinstance(types, list) else [types]), path
        assert None not in node.get("enum", []) and node.get("const", 0) is not None, path
        assert "default" not in node, path  # "Default value", ${1:null}
        assert "examples" not in node, path  # "Example:" blocks on hover
    for path, node in walk(schema):
        assert "default" not in node, path


@pytest.mark.parametrize("name", ["plan.schema.json", "units.schema.json"])
def test_every_fixed_value_has_its_meaning(name):
    schema = load(name)
    enums = [(p, n) for p, n in walk(schema) if "enum" in n and "not" not in p and "if" not in p]
    assert enums
    for path, node in enums:
        n = len(node["enum"])
        assert len(node.get("enumDescriptions", [])) == n, path
        assert len(node.get("markdownEnumDescriptions", [])) == n, path
        for text in node["enumDescriptions"]:
            assert text and text == unicodedata.normalize("NFC", text) and not text.isascii(), (path, text)


@pytest.mark.parametrize("name", ["plan.schema.json", "units.schema.json"])
def test_every_check_says_tt_words_with_a_rule_code(name):
    schema = load(name)
    messages = [n["errorMessage"] for _, n in walk(schema) if "errorMessage" in n]
    assert len(messages) > 100
    for m in messages:
        assert re.match(r"^TT-[SY]\d{3}: \S", m), m
        assert m == unicodedata.normalize("NFC", m)
        assert not re.search(r"\b(Property|Missing|Incorrect|Value is|String|Expected|Input should)\b", m), m
        assert "987654321" not in m and "98765.4321" not in m, m  # the probes' values never show
    texts = json.dumps(schema, ensure_ascii=False)
    for english in ("Field required", "Extra inputs", "valid string"):
        assert english not in texts


def test_the_did_you_mean_and_fixed_value_messages_are_tt_own():
    """The schema's message for a mistake is tt validate's message for it, but for where in the
    file (the schema names the list; tt names the item)."""
    schema = load("plan.schema.json")
    texts = [n["errorMessage"] for _, n in walk(schema) if "errorMessage" in n]
    assert ("TT-S001: Khóa 'chu_tri' không có trong phần 'tasks' (Các nhiệm vụ). Có phải ý bạn là 'lead'?\n"
            "Gợi ý: Sửa 'chu_tri' thành 'lead'.") in texts
    assert any(t.startswith("TT-S004: 'type' (Loại văn bản): giá trị 'ke hoach' không hợp lệ; chỉ được chọn một "
                            "trong: ke-hoach, quyet-dinh. Có phải ý bạn là 'ke-hoach'?") for t in texts)
    assert any(t.startswith("TT-S002: Thiếu trường bắt buộc 'content' (Nội dung) trong phần 'tasks' (Các nhiệm vụ).")
               for t in texts)


# ---------------------------------------------------------------- dates


def test_the_whitespace_of_the_date_pattern_is_what_python_splits_on():
    from tuyentruyen.model.schema import _whitespace

    every = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    cls = re.compile(_whitespace())
    assert {c for c in every if cls.fullmatch(c)} == every
    assert not cls.fullmatch("\ufeff") and not cls.fullmatch("x")


def tt_reads_as_a_date(text: str) -> bool:
    """parse_vn_date reads text as a date (that exists or not: 31/06 is tt's to report)."""
    from tuyentruyen.vn.dates import DateError, parse_vn_date

    got = parse_vn_date(text)
    return isinstance(got, dt.date) or (isinstance(got, DateError) and (got.impossible or "không hợp lệ" in got.reason))


READ = ["19/12/2022", "19-12-2022", "19.12.2022", "5/1/2027", "ngày 19 tháng 12 năm 2022", "2022-12-19",
        "2022-1-9", "Ngày 05 tháng 01 năm 2027", "NGÀY 5 THÁNG 1 NĂM 2027", "12 tháng 12, năm 2022",
        "ngày 19/12/2022", " 19 / 12 / 2022 ", "31/06/2027", "29/02/2023", "00/13/2022",
        unicodedata.normalize("NFD", "ngày 19 tháng 12 năm 2022"), "19\u00a0/\u00a012/2022\u3000"]
NOT_READ = ["19/12/22", "19/12-2022", "2022/12/19", "19 12 2022", "ngày19/12/2022", "12 tháng 12,năm 2022",
            "tháng 12 năm 2022", "19/12/2022 x", "", "hôm nay", "１９/12/2022", "19.12/2022", "2022-12-19T00:00"]


@pytest.mark.parametrize("text", READ + NOT_READ)
def test_the_date_pattern_accepts_exactly_what_tt_reads(text):
    from tuyentruyen.model.schema import date_pattern

    if text in READ and text.strip():
        assert tt_reads_as_a_date(text), text
    assert (re.fullmatch(date_pattern(), text) is not None) == tt_reads_as_a_date(text), repr(text)


_PIECES = st.sampled_from(["1", "19", "05", "123", "2022", "22", "0000", "/", "-", ".", " ", "  ", "\u00a0", "\t", ",",
                           "ngày", "Ngày", "NGÀY", "tháng", "THÁNG", "năm", "Năm", unicodedata.normalize("NFD", "năm"),
                           unicodedata.normalize("NFD", "tháng"), "x", "T", ":"])


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_date_pattern_agrees_with_tt_on_generated_texts(text):
    from tuyentruyen.model.schema import date_pattern

    assert (re.fullmatch(date_pattern(), text) is not None) == tt_reads_as_a_date(text), repr(text)


@pytest.mark.skipif(shutil.which("node") is None, reason="cần Node.js để chạy biểu thức chính quy như trình soạn thảo")
def test_the_date_pattern_means_the_same_to_the_editor():
    """yaml-language-server runs the pattern as an ECMAScript `u` regular expression."""
    from tuyentruyen.model.schema import date_pattern

    texts = READ + NOT_READ
    script = ("const [p, t] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "const r = new RegExp(p, 'u'); console.log(JSON.stringify(t.map(x => r.test(x))));")
    out = subprocess.run(["node", "-e", script], input=json.dumps([date_pattern(), texts]), capture_output=True,
                         text=True, timeout=60, check=True).stdout
    assert json.loads(out) == [re.fullmatch(date_pattern(), t) is not None for t in texts]


# ---------------------------------------------------------------- the data behind it


def test_every_part_and_every_fixed_value_has_its_vietnamese_text():
    import enum

    from tuyentruyen.model import Plan, Registry
    from tuyentruyen.model.schema import _classes_in, extra

    data = extra()
    seen: set[type] = set()
    todo = [Plan, Registry]
    while todo:
        model = todo.pop()
        for info in model.model_fields.values():
            for cls in _classes_in(info.annotation):
                if cls in seen:
                    continue
                seen.add(cls)
                if isinstance(cls, type) and issubclass(cls, enum.Enum):
                    meanings = data["enums"].get(cls.__name__, {})
                    assert {m.value for m in cls} == set(meanings), f"schema_extra.yaml: enums.{cls.__name__}"
                elif hasattr(cls, "model_fields"):
                    assert cls.__name__ in data["titles"], f"schema_extra.yaml: titles.{cls.__name__}"
                    todo.append(cls)


def test_the_snippets_filled_in_are_valid_parts():
    import tuyentruyen.model as models
    from tuyentruyen.model.schema import extra

    def fill(value):
        if isinstance(value, str):
            return re.sub(r"\$\{\d+:([^}]*)\}|\$\d+", lambda m: m.group(1) or "x", value)
        if isinstance(value, list):
            return [fill(v) for v in value]
        if isinstance(value, dict):
            return {k: fill(v) for k, v in value.items()}
        return value

    snippets = extra()["snippets"]
    assert {"Task", "Group", "Section", "Citation", "Signer"} <= set(snippets)
    for model, entries in snippets.items():
        for entry in entries:
            getattr(models, model).model_validate(fill(entry["body"]))


def test_the_time_forms_read_as_times():
    from tuyentruyen.model.schema import time_forms
    from tuyentruyen.vn.timeexpr import Kind, parse_time

    for text, more in time_forms(2027):
        assert parse_time(text, 2027).kind not in (Kind.UNKNOWN, Kind.INVALID_DATE), text
        assert more


def test_the_unit_and_time_fields_are_the_ones_the_rules_read():
    """schema_extra.yaml names the unit fields; the lint rules' Context finds the same ones."""
    from tuyentruyen.loading.documents import load_plan
    from tuyentruyen.model.schema import extra
    from tuyentruyen.project.config import Config
    from tuyentruyen.project.registry import RegistryState
    from tuyentruyen.rules.context import Context

    fields = set(extra()["unit_fields"])
    found: set[str] = set()
    for plan in PLANS.glob("*/20*.yaml"):
        if plan.name.endswith(".progress.yaml"):
            continue
        loaded = load_plan(plan)
        ctx = Context(loaded, Config(), RegistryState())
        for ref in ctx.unit_refs():
            key = next(p for p in reversed(ref.path) if isinstance(p, str))
            owner = {"lead": "Task", "support": "Task", "duty": "Duty", "item": "Item"}[ref.role]
            found.add(f"{owner}.{key}")
    assert found == fields


def test_every_check_across_fields_is_still_one_tt_makes():
    import jsonschema

    import tuyentruyen.model as models
    from tuyentruyen.model.schema import check_condition, check_errors, extra

    for model, checks in extra()["checks"].items():
        for check in checks:
            assert check_errors(getattr(models, model), check), (model, check)
            assert jsonschema.Draft202012Validator(check_condition(check)).is_valid(check["probe"]), (model, check)


# ---------------------------------------------------------------- unit names


def test_registry_names_are_completed_in_unit_fields_and_any_name_is_accepted(tmp_path):
    import jsonschema

    registry = PLANS / "quang-ngai" / "units.yaml"
    res = run_tt("schema", "--registry", str(registry))
    assert res.code == 0, res.text
    schema = json.loads(res.out)
    task = schema["$defs"]["Task"]["properties"]
    for field in ("lead", "support"):
        labels = [s["label"] for s in task[field]["defaultSnippets"]]
        assert "Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi" in labels and "Báo Quảng Ngãi" in labels
        assert labels == [s["label"] for s in schema["$defs"][task[field]["items"]["$ref"].split("/")[-1]]["defaultSnippets"]]
        doc = next(s for s in task[field]["defaultSnippets"] if s["label"] == "Báo Quảng Ngãi")["description"]
        assert doc.startswith("Báo, đài") and "mã " in doc
    assert schema["$defs"]["Duty"]["properties"]["unit"]["defaultSnippets"]
    # completion only: a name that is not in the registry is not the schema's to refuse
    from tuyentruyen.loading.documents import load_plan_text

    plan = (PLANS / "quang-ngai" / "2023.yaml").read_text(encoding="utf-8").replace(
        "lead: Văn phòng UBND tỉnh", "lead: Phòng Không Có Trong Sổ", 1)
    assert "Phòng Không Có Trong Sổ" in plan
    jsonschema.Draft202012Validator(schema).validate(load_plan_text(plan, "plan.yaml").yaml.data)


# ---------------------------------------------------------------- samples and fixtures


def test_every_sample_file_has_a_modeline_to_an_existing_schema():
    files = sample_files()
    assert files, "plans/ không có kế hoạch mẫu nào"
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        m = MODELINE.match(first)
        assert m, f"{path}: dòng đầu phải là modeline yaml-language-server"
        target = (path.parent / m.group(1)).resolve()
        expected = "units.schema.json" if path.name == "units.yaml" else "plan.schema.json"
        assert target == (SCHEMAS / expected).resolve(), f"{path}: modeline trỏ tới {target}"


def test_check_jsonschema_accepts_every_sample():
    plans = [p for p in sample_files() if p.name != "units.yaml"]
    registries = [p for p in sample_files() if p.name == "units.yaml"]
    assert plans and registries
    res = check_jsonschema(SCHEMAS / "plan.schema.json", *plans)
    assert res.returncode == 0, res.stdout + res.stderr
    res = check_jsonschema(SCHEMAS / "units.schema.json", *registries)
    assert res.returncode == 0, res.stdout + res.stderr


# Format 1.1 takes a document number written as text of digits ("049"): the model declares the
# digits (json_schema_input_type=int | Annotated[str, Field(pattern=…)]), so the schema rejects
# `number: hai trăm ba mươi ba` as tt does (TT-S003).
BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_check_jsonschema_and_tt_reject_the_broken_fixtures(path):
    res = check_jsonschema(SCHEMAS / "plan.schema.json", path)
    assert res.returncode == 1, res.stdout + res.stderr
    assert "Schema validation errors" in res.stdout
    mine = run_tt("validate", "--schema-only", str(path))
    assert mine.code == 1, mine.text
