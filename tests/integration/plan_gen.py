"""Generated plans for the fmt property tests: plan-shaped data written out untidily, with comments.

`plans()` draws the data of a plan (the real keys in a random order, sometimes an unknown
key, text full of what YAML finds hard: ': ', ' #', quotes, leading indicators, words
that look like numbers, booleans or dates, NFD accents, very long paragraphs). `untidy()`
writes it with PyYAML in one of several layouts. `with_comments()` adds end-of-line
comments (some of them `# tt: ignore[…]`) and comment lines before entries, and says
where each one belongs, so that a test can check that fmt kept it there.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import yaml
from hypothesis import strategies as st

from tuyentruyen.loading import Source, parse_yaml
from tuyentruyen.loading.yamlpos import _scalar


def nfc(value):
    """value with every string (keys too) NFC-normalised."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfc(v) for v in value]
    return value


def data_of(text: str):
    """What the fast loader (the one validate uses) reads from text, NFC-normalised."""
    from pathlib import Path

    return nfc(parse_yaml(Source(Path("x.yaml"), "x.yaml", text)).data)


WORDS = [
    "Tuyên", "truyền", "cải", "cách", "hành", "chính", "năm", "2023", "Quý", "II/2023", "Sở", "Nội", "vụ",
    "UBND", "tỉnh", "Đài", "PT-TH", "Hà", "Giang", "trước", "ngày", "15/3/2024", "(CCHC);", "./.", "…",
    "đ)", "50.000.000", "đồng", "-", "–", ":", "a:", "b:c", "#", "c#d", "'", '"', "[a]", "{b}", "&x", "*y",
    "!t", "|", ">", "%", "@", "`", "?", ",", "yes", "No", "on", "null", "~", "01", "1.5", "0o17", "1e3",
    "2022-12-19", "19/12/2022", "true", "\\", "Ủy", unicodedata.normalize("NFD", "Ủy ban"),
    unicodedata.normalize("NFD", "Nguyễn Văn Sơn"), "x" * 120,
]

texts = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=45).map(" ".join),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map("  ".join),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=10).map("\n".join),
    st.sampled_from(["", " lề trái", "lề phải ", "- gạch đầu dòng", "# không phải chú thích", "Thường xuyên"]),
)
scalars = st.one_of(texts, texts, st.integers(-5, 3000), st.none(), st.booleans())


def _shuffled(draw, items: list[tuple[str, object]]) -> dict:
    order = draw(st.permutations(items))
    return dict(order)


@st.composite
def tasks(draw, n_max=4):
    out = []
    for i in range(draw(st.integers(1, n_max))):
        items = [("id", f"nv-{i}"), ("content", draw(texts))]
        for key in ("forms", "lead", "support"):
            if draw(st.booleans()):
                items.append((key, draw(st.one_of(texts, st.lists(texts, max_size=3)))))
        for key in ("due", "quantity", "budget", "notes"):
            if draw(st.booleans()):
                items.append((key, draw(scalars)))
        if draw(st.integers(0, 9)) == 0:
            items.append(("ghi chú riêng", draw(texts)))  # a key tt does not know: kept
        out.append(_shuffled(draw, items))
    return out


@st.composite
def sections(draw, depth=0):
    out = []
    for _ in range(draw(st.integers(1, 3))):
        items = [("heading", draw(texts))]
        if draw(st.booleans()):
            items.append(("text", draw(st.lists(texts, max_size=2))))
        if draw(st.booleans()):
            items.append(("items", draw(st.lists(
                st.one_of(texts, st.builds(lambda t, d: {"due": d, "text": t}, texts, scalars)), max_size=3))))
        if draw(st.booleans()):
            items.append(("marker", draw(st.sampled_from(["letter", "dash", "none"]))))
        if depth < 1 and draw(st.booleans()):
            items.append(("sections", draw(sections(depth + 1))))
        if depth < 1 and draw(st.booleans()):
            items.append(("duties", [{"items": draw(st.lists(texts, max_size=2)), "unit": draw(texts)}]))
        out.append(_shuffled(draw, items))
    return out


@st.composite
def plans(draw) -> dict:
    document = [("type", "ke-hoach"), ("issuer", {"name": draw(texts)}), ("number", draw(scalars)),
                ("symbol", "KH-UBND"), ("title", draw(texts)), ("date", draw(scalars)),
                ("signer", {"position": "CHỦ TỊCH", "name": draw(texts)}),
                ("recipients", draw(st.lists(texts, max_size=3))),
                ("bases", draw(st.lists(st.one_of(texts, st.fixed_dictionaries(
                    {"subject": texts, "number": texts, "type": st.just("Nghị quyết")})), max_size=2)))]
    parts = [("tt", 1), ("document", _shuffled(draw, document)),
             ("plan", _shuffled(draw, [("year", 2023), ("sections", draw(sections())), ("closing", draw(texts))]))]
    if draw(st.booleans()):
        appendix = [("title", draw(texts))]
        if draw(st.booleans()):
            appendix.append(("groups", [{"tasks": draw(tasks()), "title": draw(texts)}]))
        else:
            appendix.append(("tasks", draw(tasks())))
        parts.append(("appendix", _shuffled(draw, appendix)))
    return _shuffled(draw, parts)


layouts = st.fixed_dictionaries({
    "default_flow_style": st.sampled_from([False, None]),
    "indent": st.sampled_from([2, 4]),
    "width": st.sampled_from([50, 80, 1000]),
    "sort_keys": st.booleans(),
})


def untidy(data: dict, layout: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, **layout)


# ---------------------------------------------------------------- comments with known places


@dataclass
class Placed:
    text: str  # the comment, "# …"
    path: tuple  # the entry it belongs to
    own_line: bool  # a comment line before the entry (else at the end of the entry's line)
    header: bool = False  # before the first key of the file: it stays at the top


def _entries(root):
    """(path, key node or None, value node, inside a flow collection) of every entry."""
    found = []

    def visit(node, path, flow):
        flow = flow or bool(getattr(node, "flow_style", False))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                p = path + (_scalar(k),)
                found.append((p, k, v, flow))
                visit(v, p, flow)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                found.append((path + (i,), None, item, flow))
                visit(item, path + (i,), flow)

    visit(root, (), False)
    return found


def _start(key, value):
    node = key if key is not None else value
    return node.start_mark.line


def with_comments(text: str, picks: list[int]) -> tuple[str, list[Placed]]:
    """text with comments added at entries chosen by picks; where each comment belongs."""
    loaded = parse_yaml(Source(None, "gen.yaml", text))
    lines = text.split("\n")
    entries = [e for e in _entries(loaded.root) if not e[3]]  # block context only
    multi = set()
    for _, k, v, _ in _entries(loaded.root):
        for node in (k, v):
            if isinstance(node, yaml.ScalarNode) and node.end_mark.line != node.start_mark.line:
                multi.update(range(node.start_mark.line, node.end_mark.line + 1))
    first = min((_start(e[1], e[2]) for e in entries), default=0)
    eol: dict[int, Placed] = {}
    before: dict[int, list[Placed]] = {}
    for n, pick in enumerate(picks):
        if not entries:
            break
        path, key, value, _ = entries[pick % len(entries)]
        line = _start(key, value)
        outermost = min((e for e in entries if _start(e[1], e[2]) == line), key=lambda e: len(e[0]))
        marker = f"# tt: ignore[TT-D00{n % 9 + 1}] lý do {n}" if n % 3 == 0 else f"# ghi chú {n}"
        one_line = (isinstance(value, yaml.ScalarNode) and value.style not in ("|", ">")
                    and value.start_mark.line == value.end_mark.line == line)
        if n % 2 == 0 and one_line and line not in multi and line not in eol:
            # the outermost entry that starts and ends on this line owns the comment
            owners = [e for e in entries if _start(e[1], e[2]) == line and isinstance(e[2], yaml.ScalarNode)
                      and e[2].end_mark.line == line]
            owner = min(owners, key=lambda e: len(e[0]))
            eol[line] = Placed(marker, owner[0], own_line=False)
        else:
            before.setdefault(line, []).append(Placed(marker, outermost[0], own_line=True, header=line == first))
    out = []
    for n, line in enumerate(lines):
        for placed in before.get(n, []):
            out.append(" " * (len(line) - len(line.lstrip())) + placed.text)
        out.append(line + "  " + eol[n].text if n in eol else line)
    placed = [p for ps in before.values() for p in ps] + list(eol.values())
    return "\n".join(out), placed
