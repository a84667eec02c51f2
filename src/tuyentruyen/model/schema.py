"""The JSON Schema (draft 2020-12) of the plan format and of the unit registry.

Generated from the pydantic models, so the Vietnamese titles and descriptions the editor
shows on hover are the models' own. The committed copies in docs/schema/ are checked
against this output by the test suite.
"""

from __future__ import annotations

import json

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _schema(model) -> dict:
    body = model.model_json_schema(mode="validation")
    return {"$schema": DIALECT, **body}


def plan_schema() -> dict:
    from tuyentruyen.model import Plan

    return _schema(Plan)


def registry_schema() -> dict:
    from tuyentruyen.model import Registry

    return _schema(Registry)


def _text(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def plan_schema_text() -> str:
    return _text(plan_schema())


def registry_schema_text() -> str:
    return _text(registry_schema())
