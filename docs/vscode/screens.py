"""The pictures of docs/editor.md: what the clerk sees in VS Code, drawn from what `tt lsp` answers.

    python docs/vscode/screens.py            # rewrite docs/vscode/*.svg
    python docs/vscode/screens.py --check    # exit 1 when a picture is not what tt lsp answers now

No screenshot of VS Code can be taken where tt is built, so each picture is drawn (SVG, VS Code's
dark theme) from the real answers of `tt lsp` — the diagnostics, hover, completion items and
quick fixes it sends for a sample plan with the mistakes shown — over stdio, as VS Code gets
them. The words in the pictures are tt's, not retyped. tests/editor/test_editor_docs.py checks
that the committed pictures are current.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from tests.editor.lspclient import LspClient, position_of  # noqa: E402

TT = str(Path(sys.executable).parent / "tt")
SAMPLE = ROOT / "plans" / "quang-ngai"
PLAN = "plans/quang-ngai/2023.yaml"

FONT = "Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace"
CHAR, LINE, PAD, GUTTER = 8.4, 20, 12, 56
COLORS = {"bg": "#1e1e1e", "text": "#d4d4d4", "key": "#9cdcfe", "value": "#ce9178", "num": "#858585",
          "comment": "#6a9955", "box": "#252526", "border": "#454545", "error": "#f14c4c", "warning": "#cca700",
          "info": "#3794ff", "select": "#04395e", "detail": "#9d9d9d"}
SEVERITY = {1: "error", 2: "warning", 3: "info"}


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _code_line(y: float, text: str, x0: float) -> str:
    """One line of YAML, coloured as VS Code colours it (keys, values, comments)."""
    m = re.match(r"^(\s*(?:- )*)([^:#]+?:)(\s.*|)$", text)
    if text.lstrip().startswith("#"):
        parts = [(text, "comment")]
    elif m:
        value, comment = m.group(3), ""
        if " #" in value:
            value, comment = value.split(" #", 1)
            comment = " #" + comment
        parts = [(m.group(1), "text"), (m.group(2), "key"), (value, "value"), (comment, "comment")]
    else:
        lead = re.match(r"^(\s*(?:- )*)(.*)$", text)
        parts = [(lead.group(1), "text"), (lead.group(2), "value")]
    spans = "".join(f'<tspan fill="{COLORS[c]}">{_esc(t)}</tspan>' for t, c in parts if t)
    return f'<text x="{x0}" y="{y}" xml:space="preserve">{spans}</text>'


def _squiggle(x1: float, x2: float, y: float, color: str) -> str:
    points, x, up = [], x1, True
    while x < x2:
        points.append(f"{x:.1f},{y + (0 if up else 3):.1f}")
        x += 3
        up = not up
    points.append(f"{x2:.1f},{y:.1f}")
    return f'<polyline points="{" ".join(points)}" fill="none" stroke="{color}" stroke-width="1.2"/>'


def _wrap(text: str, width: int) -> list[str]:
    out = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            if line and len(line) + 1 + len(word) > width:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append(line)
    return out


def _markdown_plain(text: str) -> list[tuple[str, bool]]:
    """Markdown as VS Code renders it in a hover, reduced to (line, bold) pairs."""
    out = []
    for para in text.split("\n\n"):
        bold = para.startswith("#### ")
        para = para.removeprefix("#### ")
        para = re.sub(r"\\([\\*_\[\]#<>|`])", r"\1", para.replace("**", "").replace("`", ""))
        out.append((para, bold))
    return out


def _box(x: float, y: float, w: float, rows: list[tuple[str, str, bool]], *, pad: float = 8) -> tuple[str, float]:
    """A VS Code widget (hover, list): rows of (text, colour, bold)."""
    h = pad * 2 + LINE * len(rows)
    parts = [f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{COLORS["box"]}" stroke="{COLORS["border"]}"/>']
    for i, (text, color, bold) in enumerate(rows):
        weight = ' font-weight="bold"' if bold else ""
        parts.append(f'<text x="{x + pad}" y="{y + pad + LINE * (i + 0.75)}" fill="{color}"{weight} '
                     f'xml:space="preserve">{_esc(text)}</text>')
    return "".join(parts), h


class Screen:
    """An editor window showing lines first..last of a text, with what tt lsp said drawn on it."""

    def __init__(self, title: str, text: str, first: int, last: int, width: int = 1040):
        self.title, self.lines, self.first, self.last, self.width = title, text.split("\n"), first, last, width
        self.overlays: list[str] = []
        self.below: list[str] = []
        self.height = 36 + LINE * (last - first + 1) + PAD

    def x(self, col: int) -> float:
        return GUTTER + PAD + col * CHAR

    def y(self, line: int) -> float:
        return 36 + LINE * (line - self.first + 1) - 5

    def squiggle(self, d: dict) -> None:
        s, e = d["range"]["start"], d["range"]["end"]
        if self.first <= s["line"] <= self.last:
            end = e["character"] if e["line"] == s["line"] else len(self.lines[s["line"]])
            self.overlays.append(_squiggle(self.x(s["character"]), self.x(end), self.y(s["line"]) + 4,
                                           COLORS[SEVERITY[d["severity"]]]))

    def widget(self, line: int, col: int, rows: list[tuple[str, str, bool]], width_chars: int = 96) -> None:
        w = width_chars * CHAR + 16
        x = min(self.x(col), self.width - w - 8)
        y = self.y(line) + 8
        box, h = _box(x, y, w, rows)
        self.overlays.append(box)
        self.height = max(self.height, y + h + PAD)

    def panel(self, rows: list[tuple[str, str]]) -> None:
        """The Problems panel under the editor: (severity, text) rows."""
        top = self.height + 4
        parts = [f'<rect x="0" y="{top}" width="{self.width}" height="{28 + LINE * len(rows)}" fill="{COLORS["bg"]}" '
                 f'stroke="{COLORS["border"]}"/>',
                 f'<text x="{PAD}" y="{top + 18}" fill="{COLORS["text"]}" font-size="12">PROBLEMS</text>']
        for i, (sev, text) in enumerate(rows):
            yy = top + 28 + LINE * (i + 0.75)
            parts.append(f'<circle cx="{PAD + 6}" cy="{yy - 4}" r="5" fill="{COLORS[sev]}"/>')
            parts.append(f'<text x="{PAD + 18}" y="{yy}" fill="{COLORS["text"]}" xml:space="preserve">{_esc(text)}</text>')
        self.below.append("".join(parts))
        self.height = top + 28 + LINE * len(rows) + PAD

    def svg(self) -> str:
        rows = []
        for n in range(self.first, self.last + 1):
            y = self.y(n)
            rows.append(f'<text x="{GUTTER - 8}" y="{y}" fill="{COLORS["num"]}" text-anchor="end">{n + 1}</text>')
            rows.append(_code_line(y, self.lines[n], self.x(0)))
        head = (f'<rect width="{self.width}" height="28" fill="#2d2d2d"/>'
                f'<text x="{PAD}" y="19" fill="{COLORS["text"]}" font-size="13">{_esc(self.title)}</text>')
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" height="{int(self.height)}" '
                f'font-family="{FONT}" font-size="14">'
                f'<rect width="100%" height="100%" fill="{COLORS["bg"]}"/>{head}{"".join(rows)}'
                f'{"".join(self.overlays)}{"".join(self.below)}</svg>\n')


def _session(root: Path) -> LspClient:
    client = LspClient([TT, "lsp"], cwd=root, env=dict(os.environ, NO_COLOR="1"))
    client.initialize(root)
    return client


class _Doc:
    """The plan open in the editor; show(text) makes it that text and waits for its diagnostics."""

    def __init__(self, client: LspClient, path: Path):
        self.client, self.path, self.uri, self.version = client, path, None, 0

    def show(self, text: str) -> list[dict]:
        self.version += 1
        mark = self.client.mark()
        if self.uri is None:
            self.uri = self.client.open(self.path, text, version=self.version)
        else:
            self.client.change(self.uri, self.version, [{"text": text}])
        version = self.version
        found = self.client.wait_for(lambda m: m["method"] == "textDocument/publishDiagnostics"
                                     and m["params"]["uri"] == self.uri and m["params"].get("version") == version,
                                     timeout=120, after=mark)
        return found["params"]["diagnostics"]


def screens(root: Path) -> dict[str, str]:
    """{file name: SVG} of every picture, from a session of tt lsp in root (a copy of a sample)."""
    out: dict[str, str] = {}
    path = root / PLAN
    original = path.read_text(encoding="utf-8")
    client = _session(root)
    try:
        # 1. mistakes underlined as the clerk types, and the Problems panel
        text = original.replace("          lead: Văn phòng UBND tỉnh", "          lead: Van phong UBND tinh Quang Ngai", 1)
        text = text.replace("          due: Thường xuyên", "          due: Quý V/2023", 1)
        text = text.replace("Cung cấp, phản ánh", "Cung cấp,  phản ánh", 1)  # two spaces: a fixable warning
        doc = _Doc(client, path)
        diagnostics = doc.show(text)
        uri = doc.uri
        first = position_of(text, "        - id: cung-cap-thong-tin-kstthc")[0]
        screen = Screen("2023.yaml — plans/quang-ngai", text, first, first + 12)
        for d in diagnostics:
            screen.squiggle(d)
        rows = []
        for d in diagnostics:
            message = d["message"].split("\nGợi ý: ")[0]
            rows.append((SEVERITY[d["severity"]],
                         f"{message}  tt({d['code']}) [Ln {d['range']['start']['line'] + 1}, "
                         f"Col {d['range']['start']['character'] + 1}]"))
        screen.panel([(sev, line) for sev, text_ in rows for line in _wrap(text_, 118)[:2]])
        out["loi-khi-go.svg"] = screen.svg()

        # 2. quick fix on an unknown key (the schema's "did you mean")
        text = original.replace("          lead: Văn phòng UBND tỉnh", "          chu_tri: Văn phòng UBND tỉnh", 1)
        diagnostics = doc.show(text)
        (unknown,) = [d for d in diagnostics if d["code"] == "TT-S001"]
        actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": unknown["range"],
                                                             "context": {"diagnostics": [unknown]}})
        screen = Screen("2023.yaml — sửa nhanh (Ctrl+.)", text, first, first + 8)
        screen.squiggle(unknown)
        line = unknown["range"]["start"]["line"]
        screen.widget(line, unknown["range"]["start"]["character"],
                      [("💡 " + a["title"], COLORS["text"], i == 0) for i, a in enumerate(actions)], 70)
        out["sua-nhanh.svg"] = screen.svg()

        # 3. hover: a unit, a time
        doc.show(original)
        for name, needle, offset in (("re-chuot-don-vi.svg", "          lead: Văn phòng UBND tỉnh", 18),
                                     ("re-chuot-thoi-gian.svg", "          due: Năm 2023", 16)):
            line, ch = position_of(original, needle, offset=offset)
            value = client.hover(uri, line, ch)["contents"]["value"]
            screen = Screen("2023.yaml — rê chuột", original, max(0, line - 3), line + 1)
            rows = []
            for para, bold in _markdown_plain(value):
                rows += [(w, COLORS["text"], bold) for w in _wrap(para, 94)]
            screen.widget(line, ch, rows)
            out[name] = screen.svg()

        # 4. completion of a unit name
        text = original.replace("          lead: Văn phòng UBND tỉnh\n", "          lead: \n", 1)
        doc.show(text)
        line, ch = position_of(text, "          lead: \n", offset=16)
        result = client.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                            "position": {"line": line, "character": ch}})
        items = sorted(result["items"], key=lambda i: i.get("sortText", i["label"]))[:9]
        screen = Screen("2023.yaml — gợi ý (Ctrl+Space)", text, max(0, line - 3), line + 1)
        rows = []
        for i, item in enumerate(items):
            label = item["label"] + ("  (không còn hiệu lực)" if item.get("tags") == [1] else "")
            rows.append((f"{label:<58}{item.get('detail') or ''}", COLORS["text"] if not item.get("tags") else
                         COLORS["detail"], i == 0))
        screen.widget(line, ch, rows, 84)
        out["goi-y-don-vi.svg"] = screen.svg()
    finally:
        client.close()
    return out


def build() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(SAMPLE, root / "plans" / "quang-ngai")
        return screens(root)


def main(argv: list[str]) -> int:
    pictures = build()
    stale = [name for name, svg in pictures.items()
             if not (HERE / name).is_file() or (HERE / name).read_text(encoding="utf-8") != svg]
    if "--check" in argv:
        for name in stale:
            print(f"docs/vscode/{name} đã cũ: chạy `python docs/vscode/screens.py`.")
        return 1 if stale else 0
    for name, svg in pictures.items():
        (HERE / name).write_text(svg, encoding="utf-8")
    print(f"đã vẽ {len(pictures)} hình trong docs/vscode/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
