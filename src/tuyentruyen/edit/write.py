"""The one rewrite path (ghi lại tệp) of fmt, lint --fix, new and issue: read → change → re-validate → write.

1. :func:`read_original` reads the file once (bounded, regular files only) and keeps its bytes;
2. the command computes the new text;
3. :func:`revalidate` reads the new text back with the loader every command uses
   (tuyentruyen.loading.documents) and refuses it (TT-F002) when it no longer loads, or
   loads into other data than the command promised (:func:`same_shape` for fixes, equal
   data for fmt);
4. :func:`write_back` writes it atomically (tuyentruyen.project.files: through symbolic
   links, keeping hard links), and only if the file still holds the bytes read in step 1 —
   a clerk who saved the file meanwhile never loses that save.

Nothing is written when any step fails; the user's file stays byte for byte as it was.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from tuyentruyen.loading.source import LoadError, Source, decode_source, display_name, max_bytes_limit
from tuyentruyen.problems import Problem

UNSAFE = "TT-F002"  # the rewritten text would not read back as promised: not written


class RewriteRefused(Exception):
    """The new text failed re-validation; carries the located problem (TT-F002)."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


@dataclass
class Original:
    """A file as read before a rewrite: its bytes, its text (BOM removed), and its display name."""

    path: Path
    display: str
    raw: bytes
    source: Source

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def bom(self) -> bool:
        return self.raw.startswith(codecs.BOM_UTF8)

    @property
    def as_written(self) -> str:
        """The text exactly as in the file (BOM and line ends included), for diffs."""
        return self.raw.decode("utf-8", "surrogateescape")


def read_original(path: Path) -> Original:
    """Read a file for rewriting; raises LoadError with the located reason it cannot be read."""
    from tuyentruyen.loading.source import read_raw

    path = Path(path)
    raw = read_raw(path)  # bounded, regular files only, every failure located
    shown = display_name(path)
    return Original(path, shown, raw, decode_source(raw, path, shown))


def original_from_text(text: str, display: str, path: Path | None = None) -> Original:
    """An Original for text that is not in a file (stdin, an editor's buffer)."""
    raw = text.encode("utf-8", "surrogatepass")
    p = path or Path(display)
    return Original(p, display, raw, decode_source(raw, p, display))


def refused(display: str, why: str) -> RewriteRefused:
    return RewriteRefused(Problem(
        UNSAFE, f"tt không ghi lại tệp này vì kết quả không an toàn ({why}); tệp được để nguyên.", display, 1, 1,
        fatal=True, hint="Đây là lỗi của tt, không phải của kế hoạch: hãy báo lỗi kèm tệp này."))


def same_shape(a, b) -> bool:
    """Equal but for the text values: same keys, list lengths, numbers, flags, dates."""
    if isinstance(a, dict):
        return isinstance(b, dict) and list(a) == list(b) and all(same_shape(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(same_shape(x, y) for x, y in zip(a, b))
    if isinstance(a, str):
        return isinstance(b, str)
    return type(a) is type(b) and a == b


def revalidate(original: Original, new_text: str, *, kind: str = "plan", shape_of=None, must_validate: bool = True):
    """Read new_text back with the loader of every command; return the loaded result.

    Raises RewriteRefused when it does not load, when must_validate and it does not
    validate, or when shape_of (the data before) and the new data differ by more than text
    values.
    """
    from tuyentruyen.loading.documents import load_plan_text, load_registry_bytes

    if kind == "registry":
        loaded = load_registry_bytes(new_text.encode("utf-8", "surrogatepass"), original.display, original.path)
        model = loaded.registry
    else:
        loaded = load_plan_text(new_text, original.display, original.path)
        model = loaded.plan
    if loaded.yaml is None:
        raise refused(original.display, "kết quả không đọc lại được")
    if must_validate and model is None:
        raise refused(original.display, "kết quả không còn đúng định dạng kế hoạch")
    if shape_of is not None and not same_shape(shape_of, loaded.yaml.data):
        raise refused(original.display, "cấu trúc dữ liệu đọc lại khác ban đầu")
    return loaded


def write_back(original: Original, new_text: str, *, keep_bom: bool = False) -> None:
    """Write new_text over the file, atomically, if the file still holds what was read.

    Raises tuyentruyen.project.files.WriteError (with the path and what to do)."""
    from tuyentruyen.project.files import WriteError, atomic_write_bytes, read_bytes_bounded

    try:
        now = read_bytes_bounded(original.path, max_bytes_limit())
    except (OSError, LoadError):
        now = None
    except Exception:  # noqa: BLE001 - a file replaced by something unreadable: treated as changed
        now = None
    if now != original.raw:
        raise WriteError(f"Tệp '{display_name(original.path)}' đã thay đổi trong lúc tt làm việc; tt không ghi đè "
                         "để không mất nội dung vừa lưu.", "Chạy lại lệnh.", file=original.path)
    data = (codecs.BOM_UTF8 if keep_bom else b"") + new_text.encode("utf-8", "surrogatepass")
    atomic_write_bytes(original.path, data)
