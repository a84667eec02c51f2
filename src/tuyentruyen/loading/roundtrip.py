"""The round-trip YAML path (ruamel.yaml), configured once, for the commands that rewrite files.

Reading for checks goes through the fast loader (`tuyentruyen.loading.yamlpos`); only
`tt fmt` and `tt new` load with ruamel.yaml's round-trip mode (~1.9 s per 1,000 tasks),
which keeps what the data alone loses: block scalars (`|`, `>-`) and where they were
folded, flow or block style, anchors, and integers written with leading zeros.

Comments are not carried through ruamel.yaml: `tuyentruyen.edit.fmt` takes them from the
source text and puts them back by YAML path, which survives key reordering and
re-indentation (ruamel.yaml attaches a comment to the value *before* it, so moving a key
would move the comment that introduces the next one).

Layout: mappings indented by 2, sequences by 4 with the dash at offset 2
(`tasks:\\n  - id: …`), Unicode written as is, and no line wrapping here: long text is
folded by `tuyentruyen.edit.fmt` (ruamel.yaml's own wrapping leaves a space at the end of
each wrapped line, and would split a value that carries an end-of-line comment).
"""

from __future__ import annotations

import io
from typing import Any

# The widest line ruamel.yaml may write: effectively "never wrap".
NO_WRAP = 1 << 30

MAPPING_INDENT = 2
SEQUENCE_INDENT = 4
SEQUENCE_DASH_OFFSET = 2


def make_yaml():
    """A ruamel.yaml round-trip instance with tt's layout."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = NO_WRAP
    yaml.indent(mapping=MAPPING_INDENT, sequence=SEQUENCE_INDENT, offset=SEQUENCE_DASH_OFFSET)
    # Quotes are not kept as written: the emitter quotes a string only where YAML needs it
    # (and `tuyentruyen.edit.fmt` adds quotes where another YAML reader would change its type).
    yaml.preserve_quotes = False
    yaml.allow_unicode = True
    yaml.allow_duplicate_keys = False
    return yaml


def load_rt(text: str) -> Any:
    """Round-trip load; raises ruamel.yaml's errors (callers check the text with the fast loader first)."""
    return make_yaml().load(text)


def dump_rt(data: Any) -> str:
    stream = io.StringIO()
    make_yaml().dump(data, stream)
    return stream.getvalue()


def strip_comments(data: Any) -> None:
    """Forget every comment (and blank line) ruamel.yaml attached to the tree, in place."""
    from ruamel.yaml.comments import Comment, CommentedBase, CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, CommentedBase):
            setattr(node, Comment.attrib, Comment())
        if isinstance(node, CommentedMap):
            stack.extend(node.values())
        elif isinstance(node, CommentedSeq):
            stack.extend(node)
        elif isinstance(node, (LiteralScalarString, FoldedScalarString)):
            node.comment = None  # the comment after `|` or `>` on the key's line
