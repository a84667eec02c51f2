"""Loading: a file's bytes → text → YAML nodes with positions → plain data.

`read_source` refuses what cannot be a plan (encoding, size, tabs, empty); `parse_yaml`
builds the data and keeps the node tree so every later stage can say file:line:col.

The names are imported when first used (PEP 562): a run answered from the cache reads files
(loading.source) but never YAML, and does not import libyaml.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "MAX_BYTES": "source", "LoadError": "source", "Source": "source", "read_source": "source",
    "LoadedYaml": "yamlpos", "Pos": "yamlpos", "parse_yaml": "yamlpos",
}

__all__ = ["MAX_BYTES", "LoadError", "LoadedYaml", "Pos", "Source", "parse_yaml", "read_source"]


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
