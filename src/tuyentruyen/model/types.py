"""Field types shared by the plan and the unit registry.

Each type accepts what a clerk naturally writes in YAML (a single name where a list is
expected, a date as 19/12/2022 or 2022-12-19) and turns it into one canonical Python
value; its JSON Schema shows the accepted input shapes, so the editor does not complain
about what the loader accepts.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictInt, StrictStr
from pydantic_core import PydanticCustomError


class StrictModel(BaseModel):
    """Every model of the format: unknown keys are errors, no silent coercion.

    Text, numbers and flags are strict (a number is not text, "yes" is not true); enum
    fields take their values as written, which pydantic's global strict mode would refuse.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=False)


def _to_date(value: Any) -> Any:
    """A date as clerks write it (tuyentruyen.vn.dates.parse_vn_date), or the one wording of why not."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date) or not isinstance(value, str):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise PydanticCustomError("tt_date", "phải là một ngày (dd/mm/yyyy), không phải một số")
        return value
    from tuyentruyen.vn.dates import DateError, parse_vn_date

    parsed = parse_vn_date(value)
    if isinstance(parsed, DateError):
        raise PydanticCustomError("tt_date", "{reason}", {"reason": parsed.reason})
    return parsed


_IN_WORDS = re.compile(r"(?:ngày\s+)?([0-9]{1,2}\s+tháng\s+[0-9]{1,2}\s*,?\s+năm\s+[0-9]{4})", re.IGNORECASE)


def date_in_words(value: str) -> str | None:
    """"21 tháng 02 năm 2025" of a date written in words (with or without "ngày"), else None:
    such a date is printed as written, a date in figures the decree's way (21/02/2025)."""
    import unicodedata

    m = _IN_WORDS.fullmatch(" ".join(unicodedata.normalize("NFC", value).split()))
    return m[1] if m else None


def decree_number(number: int) -> str:
    """The number of a document as Nghị định 30/2020 prints it: Arabic, a leading 0 below 10 ("05", "233")."""
    return f"{number:02d}"


VnDate = Annotated[
    dt.date,
    BeforeValidator(_to_date, json_schema_input_type=str),
    Field(json_schema_extra={"pattern": r"^(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})$",
                             "examples": ["19/12/2022", "2022-12-19"]}),
]


def _to_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value


StrList = Annotated[list[StrictStr], BeforeValidator(_to_list, json_schema_input_type=str | list[str] | None)]
"""A list of strings; a single string is accepted as a list of one."""


def _split_commas(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return _to_list(value)


CommaList = Annotated[list[StrictStr], BeforeValidator(_split_commas, json_schema_input_type=str | list[str] | None)]


def _number_as_text(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


LooseText = Annotated[StrictStr, BeforeValidator(_number_as_text, json_schema_input_type=str | int)]
"""Text that may be written as a bare number (a quantity, a budget, a year as a time)."""

NonEmpty = Annotated[StrictStr, Field(min_length=1)]
Int = StrictInt
Bool = StrictBool

Slug = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=80)]
