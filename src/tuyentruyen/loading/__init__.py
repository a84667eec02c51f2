"""Loading: a file's bytes → text → YAML nodes with positions → plain data.

`read_source` refuses what cannot be a plan (encoding, size, tabs, empty); `parse_yaml`
builds the data and keeps the node tree so every later stage can say file:line:col.
"""

from tuyentruyen.loading.source import MAX_BYTES, LoadError, Source, read_source
from tuyentruyen.loading.yamlpos import LoadedYaml, Pos, parse_yaml

__all__ = ["MAX_BYTES", "LoadError", "LoadedYaml", "Pos", "Source", "parse_yaml", "read_source"]
