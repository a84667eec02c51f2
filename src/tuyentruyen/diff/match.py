"""Matching the objects of two versions (khớp): tasks by id, then by content; the rest by key.

Everything here stays near-linear, so two 10,000-task plans match in a fraction of a
second: ids through a dict; tasks without an id first by identical content, then by a
word-overlap score over candidates found through an index of rare word pairs (never all
pairs); reorders through a longest increasing subsequence.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Hashable, Sequence

from tuyentruyen.diff.text import fold, similarity, words

Pair = tuple[int, int, str]  # (old index, new index, how: id | content | key | similar)

# tasks without ids are matched when their contents share this much (Dice over word sets)
CONTENT_THRESHOLD = 0.6
# two tasks with different ids are one task whose id was renamed only when their contents are the
# same (up to spaces, case and Unicode form); a task rewritten under a new id is removed + added
RENAMED_ID_THRESHOLD = 1.0
# a word pair shared by more tasks than this says nothing about which task is which
MAX_POSTINGS = 8
CANDIDATES = 4


def lis(seq: Sequence[int]) -> set[int]:
    """Positions in seq of one longest strictly increasing subsequence (O(n log n))."""
    import bisect

    tails: list[int] = []  # values
    tails_at: list[int] = []  # positions of those values
    prev = [-1] * len(seq)
    for pos, value in enumerate(seq):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tails_at.append(pos)
        else:
            tails[k] = value
            tails_at[k] = pos
        prev[pos] = tails_at[k - 1] if k > 0 else -1
    out: set[int] = set()
    pos = tails_at[-1] if tails_at else -1
    while pos != -1:
        out.add(pos)
        pos = prev[pos]
    return out


def by_key(old_keys: Sequence[Hashable | None], new_keys: Sequence[Hashable | None],
           old_free: set[int] | None = None, new_free: set[int] | None = None, how: str = "key") -> list[Pair]:
    """Equal keys matched in order (the k-th occurrence of a key with the k-th); None never matches."""
    old_free = set(range(len(old_keys))) if old_free is None else old_free
    new_free = set(range(len(new_keys))) if new_free is None else new_free
    waiting: dict[Hashable, list[int]] = defaultdict(list)
    for i, k in enumerate(old_keys):
        if k is not None and i in old_free:
            waiting[k].append(i)
    for k in waiting:
        waiting[k].reverse()
    pairs = []
    for j, k in enumerate(new_keys):
        if k is not None and j in new_free and waiting.get(k):
            i = waiting[k].pop()
            pairs.append((i, j, how))
    for i, j, _ in pairs:
        old_free.discard(i)
        new_free.discard(j)
    return pairs


def greedy(scored: list[tuple[float, int, int]], threshold: float, how: str,
           old_free: set[int], new_free: set[int]) -> list[Pair]:
    """Best scores first; each object in at most one pair."""
    pairs = []
    for score, i, j in sorted(scored, key=lambda s: (-s[0], s[1] + s[2], abs(s[1] - s[2]))):
        if score < threshold:
            break
        if i in old_free and j in new_free:
            pairs.append((i, j, how))
            old_free.discard(i)
            new_free.discard(j)
    return pairs


def by_similarity(old_texts: Sequence[str], new_texts: Sequence[str], old_free: set[int], new_free: set[int],
                  threshold: float = 0.5, how: str = "similar") -> list[Pair]:
    """For short lists (sections, items, citations): difflib similarity over all free pairs."""
    if len(old_free) * len(new_free) > 4000:
        return by_content([old_texts[i] for i in sorted(old_free)], [new_texts[j] for j in sorted(new_free)],
                          sorted(old_free), sorted(new_free), old_free, new_free, threshold, how)
    scored = [(similarity(old_texts[i], new_texts[j]), i, j) for i in old_free for j in new_free]
    return greedy(scored, threshold, how, old_free, new_free)


def _pairs_of(text: str) -> set[str]:
    w = words(text)
    return {f"{a} {b}" for a, b in zip(w, w[1:])} or set(w)


def dice(a: set, b: set) -> float:
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def by_content(old_texts: Sequence[str], new_texts: Sequence[str], old_ids: Sequence[int], new_ids: Sequence[int],
               old_free: set[int], new_free: set[int], threshold: float = CONTENT_THRESHOLD,
               how: str = "content") -> list[Pair]:
    """Bounded content matching for many objects: identical text first, then rare shared word pairs.

    old_texts[k] belongs to the object old_ids[k]; returned pairs are in those ids.
    """
    pairs: list[Pair] = []
    exact_old = [fold(t) if old_ids[k] in old_free else None for k, t in enumerate(old_texts)]
    exact_new = [fold(t) if new_ids[k] in new_free else None for k, t in enumerate(new_texts)]
    of, nf = set(range(len(old_texts))), set(range(len(new_texts)))
    for a, b, _ in by_key(exact_old, exact_new, of, nf):
        pairs.append((old_ids[a], new_ids[b], how))
    old_left = [k for k in range(len(old_texts)) if old_ids[k] in old_free and k in of]
    new_left = [k for k in range(len(new_texts)) if new_ids[k] in new_free and k in nf]
    if old_left and new_left:
        old_sets = {k: _pairs_of(old_texts[k]) for k in old_left}
        index: dict[str, list[int]] = defaultdict(list)
        for k, s in old_sets.items():
            for p in s:
                index[p].append(k)
        scored = []
        for b in new_left:
            mine = _pairs_of(new_texts[b])
            counts: dict[int, int] = defaultdict(int)
            for p in mine:
                posting = index.get(p)
                if posting and len(posting) <= MAX_POSTINGS:
                    for a in posting:
                        counts[a] += 1
            for a in sorted(counts, key=lambda a: (-counts[a], a))[:CANDIDATES]:
                scored.append((dice(old_sets[a], mine), a, b))
        taken_old, taken_new = set(old_left), set(new_left)
        for a, b, _ in greedy(scored, threshold, how, taken_old, taken_new):
            pairs.append((old_ids[a], new_ids[b], how))
    for i, j, _ in pairs:
        old_free.discard(i)
        new_free.discard(j)
    return pairs


def match_tasks(old: Sequence[dict], new: Sequence[dict]) -> list[Pair]:
    """Tasks: by id; the rest by content when a side has tasks without id (or for an id renamed
    with nearly the same content)."""
    old_free, new_free = set(range(len(old))), set(range(len(new)))
    seen_old: set[str] = set()
    seen_new: set[str] = set()
    old_keys: list[str | None] = []
    for t in old:  # a repeated id (an error tt validate reports) is matched by content
        old_keys.append(t["id"] if t["id"] is not None and t["id"] not in seen_old else None)
        seen_old.add(t["id"])
    new_keys: list[str | None] = []
    for t in new:
        new_keys.append(t["id"] if t["id"] is not None and t["id"] not in seen_new else None)
        seen_new.add(t["id"])
    pairs = by_key(old_keys, new_keys, old_free, new_free, how="id")
    if not old_free or not new_free:
        return pairs
    # a side's id-less tasks may match any unmatched task of the other side
    old_noid = {i for i in old_free if old_keys[i] is None}
    new_noid = {j for j in new_free if new_keys[j] is None}
    if old_noid or new_noid:
        o = sorted(old_free if new_noid else old_noid)
        n = sorted(new_free if old_noid else new_noid)
        of, nf = set(o), set(n)
        # an id-less task is never paired with an id-less one of the same side's choosing twice
        got = by_content([old[i]["content"] for i in o], [new[j]["content"] for j in n], o, n, of, nf)
        got = [(i, j, h) for i, j, h in got if old_keys[i] is None or new_keys[j] is None]
        for i, j, _ in got:
            old_free.discard(i)
            new_free.discard(j)
        pairs.extend(got)
    # ids renamed but the task kept: nearly the same content
    o, n = sorted(old_free), sorted(new_free)
    if o and n:
        got = by_content([old[i]["content"] for i in o], [new[j]["content"] for j in n], o, n,
                         set(o), set(n), RENAMED_ID_THRESHOLD, "content")
        for i, j, _ in got:
            old_free.discard(i)
            new_free.discard(j)
        pairs.extend(got)
    return pairs


def related(sources: dict[int, str], targets: dict[int, str], min_words: int = 4,
            containment: float = 0.7) -> dict[int, list[tuple[int, float]]]:
    """For each target, the sources whose words contain most of the target's words (tách / gộp).

    Bounded like `by_content`: candidates come from shared rare word pairs.
    """
    src_words = {k: set(words(t)) for k, t in sources.items()}
    src_pairs = {k: _pairs_of(t) for k, t in sources.items()}
    index: dict[str, list[int]] = defaultdict(list)
    for k, s in src_pairs.items():
        for p in s:
            index[p].append(k)
    out: dict[int, list[tuple[int, float]]] = {}
    for t, text in targets.items():
        mine = set(words(text))
        if len(mine) < min_words:
            continue
        counts: dict[int, int] = defaultdict(int)
        for p in _pairs_of(text):
            posting = index.get(p)
            if posting and len(posting) <= MAX_POSTINGS:
                for k in posting:
                    counts[k] += 1
        found = []
        for k in sorted(counts, key=lambda k: (-counts[k], k))[:CANDIDATES]:
            share = len(mine & src_words[k]) / len(mine)
            if share >= containment:
                found.append((k, share))
        if found:
            out[t] = found
    return out

