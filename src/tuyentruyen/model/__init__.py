"""The plan format as pydantic models (mô hình dữ liệu): plan file and unit registry."""

from tuyentruyen.model.plan import (
    FORMAT_VERSION,
    Appendix,
    AttachedLine,
    AuthorityLine,
    AuthorityPrefix,
    Body,
    Citation,
    Decision,
    DecisionLayout,
    Document,
    DocumentType,
    Duty,
    Group,
    ImplementsLayout,
    Issuer,
    Item,
    Marker,
    Numbering,
    Period,
    Plan,
    PlanBody,
    Section,
    SectionKind,
    Signer,
    Task,
)
from tuyentruyen.model.units import Registry, Unit, UnitKind

__all__ = [
    "FORMAT_VERSION", "Appendix", "AttachedLine", "AuthorityLine", "AuthorityPrefix", "Body", "Citation",
    "Decision", "DecisionLayout", "Document", "DocumentType", "Duty", "Group", "ImplementsLayout", "Issuer", "Item",
    "Marker", "Numbering", "Period", "Plan", "PlanBody", "Registry",
    "Section", "SectionKind", "Signer", "Task", "Unit", "UnitKind",
]
