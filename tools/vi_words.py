"""Keep the line-breaking dictionary (src/tuyentruyen/data/linebreak_vi.txt) in step with the plans.

    python tools/vi_words.py --candidates      # pairs of syllables often written together that the
                                               # dictionary does not know yet, most frequent first
    python tools/vi_words.py --coverage        # how many two-syllable sequences of the titles it knows

Sources: the sample plans (plans/), the signed originals (../shared/seeds/ when present,
tests/fixtures/seeds/) and the templates (templates/). A candidate is only a candidate: a
maintainer adds to [words] the pairs that are one Vietnamese word ("hành chính", "thể thao"),
not those that merely follow each other ("tỉnh về").
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tuyentruyen.vn import linebreak  # noqa: E402

SOURCES = [ROOT / "plans", ROOT / "tests" / "fixtures" / "seeds", ROOT / "templates", ROOT.parent / "shared" / "seeds"]
_SYLLABLE = re.compile(r"^[^\W\d_]+$")


def texts() -> list[str]:
    out = []
    for base in SOURCES:
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix in (".yaml", ".txt", ".j2", ".md") and path.is_file():
                out.append(unicodedata.normalize("NFC", path.read_text(encoding="utf-8", errors="replace")))
    return out


def pairs(text: str):
    for chunk in re.split(r"[,;:.()\"“”/\[\]{}#|=<>]+", text):
        syllables = [w.casefold() for w in chunk.split()]
        for a, b in zip(syllables, syllables[1:]):
            if _SYLLABLE.match(a) and _SYLLABLE.match(b):
                yield a, b


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--candidates", action="store_true")
    ap.add_argument("--coverage", action="store_true")
    ap.add_argument("--top", type=int, default=200)
    args = ap.parse_args()
    lex = linebreak.lexicon()
    inside = {w[i:i + 2] for w in lex.words for i in range(len(w) - 1)}
    counts = collections.Counter(p for t in texts() for p in pairs(t))
    if args.coverage or not args.candidates:
        known = sum(n for p, n in counts.items() if p in inside)
        print(f"{len(lex.words)} từ trong từ điển; {known}/{sum(counts.values())} cặp âm tiết liền nhau nằm trong một từ đã biết")
    if args.candidates:
        for (a, b), n in counts.most_common():
            if (a, b) not in inside and n >= 3:
                print(f"{n:5d}  {a} {b}")
                args.top -= 1
                if args.top <= 0:
                    break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
