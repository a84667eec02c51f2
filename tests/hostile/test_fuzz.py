"""Fuzzing the whole pipeline on structured plans (issue 14): load → lint → fmt → diff → render.

Plans are generated from the sample's structure with hostile values put in (control and bidi
characters, YAML indicators, very long text, numbers where text belongs, missing or extra keys,
deep nesting of sections), and raw bytes are mutated. Whatever comes in, no stage raises:
every problem is located, coded and Vietnamese. Derandomized in CI (tests/conftest.py).
"""

from __future__ import annotations

import copy
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuyentruyen import api
from tuyentruyen.rules.docs import base_texts

PLAN_TEXT, UNITS_TEXT = base_texts()
BASE = yaml.safe_load(PLAN_TEXT)
CODE = re.compile(r"^TT-[A-Z]\d{3}$")
REGISTRY = api.load_registry_bytes(UNITS_TEXT.encode(), "units.yaml").registry

HOSTILE = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x3000), max_size=40),
    st.sampled_from(["\x1b[2J", "\u202e", "\x00", "\x85", "\u2028", "- a", ": b", "#c", "&x", "*x", "!!int",
                     "'", '"', "{", "[", "|", ">", "29/02/2023", "Quý V/2024", "31/06/2027", "9" * 200,
                     "Truyền truyền", "UBND huyện Xuân Lộc", "~", "null", "yes", "2022-13-45", "\t"]),
    st.integers(), st.booleans(), st.none(), st.floats(allow_nan=True), st.lists(st.text(max_size=5), max_size=3),
)

PATHS = [
    ("document", "title"), ("document", "place"), ("document", "number"), ("document", "date"),
    ("document", "signer", "position"), ("document", "recipients"), ("document", "archive"),
    ("plan", "year"), ("plan", "intro"), ("plan", "sections", 0, "heading"), ("plan", "sections", 0, "items"),
    ("appendix", "title"), ("appendix", "tasks", 0, "content"), ("appendix", "tasks", 0, "lead"),
    ("appendix", "tasks", 0, "due"), ("appendix", "tasks", 0, "id"), ("appendix", "tasks", 0, "support"),
    ("document", "type"), ("tt",), ("units",), ("appendix", "tasks", 0, "quantity"),
]


def _set(data, path, value):
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


@st.composite
def plans(draw):
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(PATHS))
        if draw(st.booleans()) and len(path) > 1:
            node = data
            try:
                for part in path[:-1]:
                    node = node[part]
                node.pop(path[-1], None) if isinstance(node, dict) else None
            except (KeyError, IndexError, TypeError):
                pass
        else:
            try:
                _set(data, path, draw(HOSTILE))
            except (KeyError, IndexError, TypeError):
                pass
    depth = draw(st.integers(0, 6))
    if depth:
        section = data["plan"]["sections"][0] if isinstance(data.get("plan"), dict) and \
            isinstance(data["plan"].get("sections"), list) and data["plan"]["sections"] else None
        for k in range(depth):
            if not isinstance(section, dict):
                break
            child = {"heading": f"Mục con {k}", "items": [draw(HOSTILE)]}
            section["sections"] = [child]
            section = child
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return text.encode("utf-8", "surrogatepass")


def _check(problems):
    for p in problems:
        assert CODE.match(p.code), p
        assert p.line >= 1 and p.col >= 1, p
        assert p.message and not re.search(r"Traceback|Error\b|Exception", p.message), p
        assert "\x1b" not in p.message


def _pipeline(data: bytes):
    loaded = api.load_plan_bytes(data, "mo-phong.yaml")
    _check(loaded.problems)
    if loaded.plan is not None:
        _check(api.lint(loaded, registry=REGISTRY, config=api.DEFAULT_CONFIG))
    from tuyentruyen.edit.fmt import FormatError, format_text

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and loaded.yaml is not None:
        try:
            once = format_text(text, display="mo-phong.yaml")
        except FormatError as exc:
            _check(exc.problems)
        else:
            assert format_text(once, display="mo-phong.yaml") == once  # idempotent
    result = api.diff(data, data)
    assert result.status in ("same", "changed", "error", "added", "removed") or result.exit_code in (0, 1, 2)
    _check(result.problems)
    return loaded


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans())
def test_structured_plans_never_break_the_pipeline(data):
    _pipeline(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200), st.integers(0, len(PLAN_TEXT)))
def test_mutated_bytes_never_break_the_pipeline(noise, at):
    raw = PLAN_TEXT.encode()
    _pipeline(raw[:at] + noise + raw[at:])


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_rendering_never_raises(data):
    loaded = api.load_plan_bytes(data, "mo-phong.yaml")
    rendered = api.render_docx(loaded, config=api.DEFAULT_CONFIG)
    assert rendered.data is not None or rendered.problems
    _check(rendered.problems)
