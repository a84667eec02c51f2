"""Upper case back to the case a plan is written in (khôi phục chữ hoa, chữ thường).

A printed document shows some texts in capitals that the plan keeps in ordinary case: the
headings of sections I., II. ("I. MỤC ĐÍCH, YÊU CẦU" → "Mục đích, yêu cầu"), the issuer in
the header ("ỦY BAN NHÂN DÂN / TỈNH HÀ GIANG" → "Ủy ban nhân dân tỉnh Hà Giang"), the title
after "KẾ HOẠCH" when it is on the same line. Each word takes the form the same document
writes it in elsewhere, in running text: "CCHC" stays in capitals, "HÀ GIANG" becomes "Hà
Giang", "TUYÊN TRUYỀN" becomes "tuyên truyền"; a word the document never writes otherwise
is lower case (and counted, so the importer can say it guessed). The first letter is a capital.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


class Vocabulary:
    """How a document writes each word in running text (not in capitals-only lines), alone and
    next to its neighbours ("Nội" in "Sở Nội vụ" but "nội" in "nội dung")."""

    def __init__(self, texts, hints=()):
        """texts: the document's own; hints: names the document gives itself elsewhere (its
        author, title) where a capital opening a quoted word is the word's own."""
        self.forms: dict[str, Counter] = {}
        self.pairs: dict[tuple[str, str, int], Counter] = {}
        self.triples: dict[tuple[str, str, str], Counter] = {}
        for text, hinted in [(t, False) for t in texts] + [(h, True) for h in hints]:
            if not text or _mostly_upper(text):
                continue
            words = list(_WORD.finditer(text))
            for k, m in enumerate(words):
                w = m.group()
                before = text[:m.start()].rstrip()
                # the first word of a sentence is capitalised by the sentence, not by itself
                if not hinted and (not before or before[-1] in ".:;!?(\"“-–") and w[:1].isupper() and w[1:].islower():
                    continue
                key = w.casefold()
                self.forms.setdefault(key, Counter())[w] += 1
                if k + 1 < len(words):
                    self.pairs.setdefault((key, words[k + 1].group().casefold(), 1), Counter())[w] += 1
                if k > 0:
                    self.pairs.setdefault((key, words[k - 1].group().casefold(), -1), Counter())[w] += 1
                if 0 < k < len(words) - 1:
                    self.triples.setdefault((words[k - 1].group().casefold(), key, words[k + 1].group().casefold()),
                                            Counter())[w] += 1

    def restore(self, text: str) -> tuple[str, list[str]]:
        """``text`` in the case the document writes its words in, and the words without evidence."""
        unknown: list[str] = []
        words = list(_WORD.finditer(text))
        out: list[str] = []
        pos = 0
        for k, m in enumerate(words):
            out.append(text[pos:m.start()])
            pos = m.end()
            w = m.group()
            if not w.isupper():
                out.append(w)
                continue
            key = w.casefold()
            nxt = words[k + 1].group().casefold() if k + 1 < len(words) else None
            prev = words[k - 1].group().casefold() if k > 0 else None
            # the closest context the document writes the word in: both neighbours, the word
            # before, the word after, then the word alone
            evidence = self.triples.get((prev, key, nxt), Counter()) if prev and nxt else Counter()
            if not evidence and prev is not None:
                evidence = self.pairs.get((key, prev, -1), Counter())
            if not evidence and nxt is not None:
                evidence = self.pairs.get((key, nxt, 1), Counter())
            if not evidence:
                # a word alone says whether it is an abbreviation or a common word; that it is a
                # capital ("Nội" of "Sở Nội vụ") takes a neighbour it is a name with
                evidence = Counter({f: c for f, c in self.forms.get(key, Counter()).items()
                                    if f.islower() or f.isupper()})
            if evidence:
                out.append(evidence.most_common(1)[0][0])
            elif len(w) > 1 and not _has_vowel(w):  # "CCHC", "TTHC": an abbreviation
                out.append(w)
            else:
                unknown.append(w)
                out.append(w.lower())
        out.append(text[pos:])
        result = "".join(out)
        first = next((i for i, c in enumerate(result) if c.isalpha()), None)
        if first is not None:
            result = result[:first] + result[first].upper() + result[first + 1:]
        return result, unknown


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def is_upper(text: str) -> bool:
    """Whether a line is written in capitals (its letters are, nearly all)."""
    return _mostly_upper(text)


_VOWELS = set("aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")


def _has_vowel(word: str) -> bool:
    return any(c in _VOWELS for c in word.lower())
