"""Text for the diff: normalization, similarity and a word-level inline diff (so sánh từng từ).

Vietnamese paragraphs in a plan are long; a change of a few words must show as those
words, not as two paragraphs. Words are compared after Unicode NFC, so text typed in
NFD (macOS, some Word exports) never shows as changed.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_SPACE = re.compile(r"\s+")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")

# a text of at most this many characters is shown whole (old → new), a longer one word by word
SHORT = 80

Ops = list[tuple[str, str]]  # ("=", text) unchanged, ("-", text) removed, ("+", text) added


def norm(text: str) -> str:
    """NFC, runs of whitespace as one space, stripped: what a reader sees."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str) -> str:
    """`norm` without case, with one kind of dash: the key two spellings of a name share."""
    return norm(text).translate(_DASHES).casefold()


def words(text: str) -> list[str]:
    """The word tokens of a folded text (for similarity and bucketing)."""
    return re.findall(r"\w+", fold(text))


def similarity(a: str, b: str) -> float:
    """Word-level similarity in [0, 1], the same whichever side is given first."""
    if a > b:
        a, b = b, a
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def word_diff(old: str, new: str) -> Ops:
    """The changes from old to new, word by word, in reading order.

    An unchanged run of spaces, punctuation or one short word between two changes is folded
    into them, so "người dân, doanh nghiệp" → "Nhân dân" reads as one replacement.
    """
    a = _TOKEN.findall(unicodedata.normalize("NFC", old))
    b = _TOKEN.findall(unicodedata.normalize("NFC", new))
    ops: Ops = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            ops.append(("+", "".join(b[j1:j2])))
    return _merge(_absorb(ops))


def _absorb(ops: Ops) -> Ops:
    """An unchanged run of at most one short word between two changes joins them."""
    out: Ops = []
    for k, (tag, text) in enumerate(ops):
        between = 0 < k < len(ops) - 1 and ops[k - 1][0] != "=" and ops[k + 1][0] != "="
        if tag == "=" and between and len(re.findall(r"\w+", text)) <= 1 and len(text.strip()) <= 10:
            out.append(("-", text))
            out.append(("+", text))
        else:
            out.append((tag, text))
    return out


def _merge(ops: Ops) -> Ops:
    """Join neighbours of the same kind; removals before additions within a changed run."""
    out: Ops = []
    run_del: list[str] = []
    run_add: list[str] = []

    def flush() -> None:
        if run_del:
            out.append(("-", "".join(run_del)))
        if run_add:
            out.append(("+", "".join(run_add)))
        run_del.clear()
        run_add.clear()

    for tag, text in ops:
        if tag == "=":
            flush()
            if out and out[-1][0] == "=":
                out[-1] = ("=", out[-1][1] + text)
            else:
                out.append(("=", text))
        elif tag == "-":
            run_del.append(text)
        else:
            run_add.append(text)
    flush()
    return out


def is_short(*texts: str | None) -> bool:
    return all(t is None or len(t) <= SHORT for t in texts)


def paragraph_ops(old: list[str], new: list[str]) -> list[dict]:
    """Align two lists of paragraphs: each entry is kept, removed, added or edited (with a word diff)."""
    a, b = [fold(p) for p in old], [fold(p) for p in new]
    out: list[dict] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2)):
                if old[i] != new[j]:
                    out.append({"op": "edit", "old": old[i], "new": new[j], "cosmetic": True})
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        while olds and news and similarity(old[olds[0]], new[news[0]]) >= 0.4:
            i, j = olds.pop(0), news.pop(0)
            out.append({"op": "edit", "old": old[i], "new": new[j], "cosmetic": False,
                        "words": word_diff(old[i], new[j])})
        out.extend({"op": "remove", "old": old[i]} for i in olds)
        out.extend({"op": "add", "new": new[j]} for j in news)
    return out
