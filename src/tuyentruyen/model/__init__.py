"""The plan format as pydantic models (mô hình dữ liệu): plan file and unit registry."""

from tuyentruyen.model.plan import (
    FORMAT_VERSION,
    Appendix,
    AuthorityPrefix,
    Body,
    Citation,
    Decision,
    Document,
    DocumentType,
    Duty,
    Group,
    Issuer,
    Item,
    Marker,
    Plan,
    PlanBody,
    Section,
    SectionKind,
    Signer,
    Task,
)
from tuyentruyen.model.units import Registry, Unit, UnitKind

__all__ = [
    "FORMAT_VERSION", "Appendix", "AuthorityPrefix", "Body", "Citation", "Decision", "Document",
    "DocumentType", "Duty", "Group", "Issuer", "Item", "Marker", "Plan", "PlanBody", "Registry",
    "Section", "SectionKind", "Signer", "Task", "Unit", "UnitKind",
]
