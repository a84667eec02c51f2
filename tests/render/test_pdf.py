"""PDF through LibreOffice: the sample plans (and the hostile plan) converted, then read back
with poppler (pdfinfo, pdftotext, pdffonts): page count and orientation, page numbers, the
decision on one page, the text equal to the plan's, nothing cut off, the font used.

Needs LibreOffice (soffice) and poppler-utils; `.ci/run` installs them. Without them these
tests are skipped, and pytest says why (-ra).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from tests.conftest import run_tt
from tests.render.docx_reader import Doc
from tests.render.support import SAMPLES, hostile_text
from tuyentruyen import api

MISSING = [tool for tool in ("soffice", "pdftotext", "pdfinfo", "pdffonts") if shutil.which(tool) is None]
pytestmark = [
    pytest.mark.pdf,
    pytest.mark.skipif(bool(MISSING), reason=(
        f"thiếu {', '.join(MISSING)}: cài LibreOffice và poppler-utils "
        "(apt-get install libreoffice-writer poppler-utils fonts-liberation2) để chạy phần kiểm thử PDF")),
]


def flat(text: str) -> str:
    """Text without whitespace and hyphens: where the PDF breaks lines does not matter (and
    pdftotext drops a hyphen that ends a line: "2021 -⏎2025", "QĐ-⏎UBND"), the characters do."""
    return re.sub(r"[\s\-–]+", "", unicodedata.normalize("NFC", text))


def body_text(pdf: "Pdf") -> str:
    """The flat text of the whole PDF without the page numbers, so a paragraph that runs over
    a page break reads as one."""
    pages = []
    for page in pdf.text().split("\f"):
        lines = page.strip().split("\n")
        if lines and lines[0].strip().isdigit():
            lines = lines[1:]
        pages.append("\n".join(lines))
    return flat("\n".join(pages))


def column_texts(pdf: "Pdf", table_doc: Doc) -> list[str]:
    """The flat text of each column of the appendix table, over all its (landscape) pages.

    pdftotext reads a table row line by line across its cells, mixing them; the words'
    boxes (-bbox) are put back into their columns instead, using the column widths of the
    .docx, then read top to bottom, page after page. On each page a column's text begins
    with its heading (the header row is repeated; on the first page the appendix's title
    lies above it): everything up to the heading is dropped, so a tall row that breaks
    across pages reads as one run in its column."""
    table = table_doc.tables()[-1]
    widths = [int(g.get(qn("w:w"))) / 20 for g in table._tbl.tblGrid.iter(qn("w:gridCol"))]  # points
    left = table_doc.d.sections[-1].left_margin.pt
    edges = [left + sum(widths[:k]) for k in range(len(widths) + 1)]
    out = subprocess.run(["pdftotext", "-bbox", str(pdf.path), "-"], capture_output=True, text=True,
                         check=True).stdout
    titles = [flat(c.text) for c in table.rows[0].cells]
    columns = [""] * len(widths)
    for n, page in enumerate(re.split(r"<page ", out)[1:]):
        if not pdf.landscape[n]:
            continue
        words: list[list[tuple]] = [[] for _ in widths]
        for x, y, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)</word>', page):
            x, y = float(x), float(y)
            k = sum(1 for e in edges[1:-1] if x + 1 >= e)
            words[k].append((round(y), x, html.unescape(word)))
        for k, col in enumerate(words):
            text = flat(" ".join(w for *_k, w in sorted(col)))
            at = text.find(titles[k]) if titles[k] else -1
            columns[k] += text[at + len(titles[k]):] if at >= 0 else text
    return columns


class Pdf:
    def __init__(self, path: Path):
        self.path = path
        info = subprocess.run(["pdfinfo", "-l", "9999", str(path)], capture_output=True, text=True, check=True).stdout
        self.pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)
        self.landscape = [float(w) > float(h) for w, h in sizes]
        self.a4 = all({round(float(w)), round(float(h))} == {595, 842} for w, h in sizes)

    def text(self, first: int | None = None, last: int | None = None) -> str:
        cmd = ["pdftotext", "-enc", "UTF-8"]
        if first:
            cmd += ["-f", str(first)]
        if last:
            cmd += ["-l", str(last)]
        return subprocess.run([*cmd, str(self.path), "-"], capture_output=True, text=True, check=True).stdout

    def page(self, n: int) -> str:
        return self.text(n, n)

    def fonts(self) -> str:
        return subprocess.run(["pdffonts", str(self.path)], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory) -> dict[str, Pdf]:
    present = {name: path for name, path in SAMPLES.items() if path.is_file()}
    if not present:
        pytest.skip("các kế hoạch mẫu chưa có")
    out = tmp_path_factory.mktemp("pdf")
    r = run_tt("render", "--docx", "--pdf", "-o", f"{out}/", cwd=SAMPLES["ha-giang-2023"].parents[2])
    # every plan of plans/, in one LibreOffice run
    assert r.code == 0, r.text
    return {name: Pdf(out / f"{name}.pdf") for name in present}


def load(name):
    loaded = api.load_plan(SAMPLES[name])
    assert loaded.plan is not None
    return loaded.plan


@pytest.mark.parametrize("name", list(SAMPLES))
def test_pages_a4_and_the_appendix_landscape(pdfs, name):
    if name not in pdfs:
        pytest.skip("chưa có")
    pdf, plan = pdfs[name], load(name)
    assert pdf.a4
    n_land = sum(pdf.landscape)
    if plan.appendix is not None:
        assert n_land >= 1
        # portrait pages first, then only landscape pages: the appendix closes the document
        assert pdf.landscape == [False] * (pdf.pages - n_land) + [True] * n_land
        # the appendix begins on its first landscape page
        first_land = pdf.landscape.index(True) + 1
        assert plan.appendix.heading in pdf.page(first_land)
    else:
        assert n_land == 0
    assert 2 <= pdf.pages <= 40


def test_decision_on_one_page_then_the_plan(pdfs):
    if "ha-giang-2023" not in pdfs:
        pytest.skip("chưa có")
    pdf, plan = pdfs["ha-giang-2023"], load("ha-giang-2023")
    first = flat(pdf.page(1))
    assert flat("QUYẾT ĐỊNH:") in first and flat("Điều 3.") in first
    assert flat(plan.document.signer.name) in first  # the signature is on the decision's page
    second = flat(pdf.page(2))
    assert second.startswith(flat("ỦY BAN NHÂN DÂN")) and flat("KẾ HOẠCH") in second
    assert flat("(Ban hành kèm theo Quyết định số 233/QĐ-UBND") in second


@pytest.mark.parametrize("name", list(SAMPLES))
def test_page_numbers_from_the_second_page_of_each_part(pdfs, name):
    if name not in pdfs:
        pytest.skip("chưa có")
    pdf = pdfs[name]
    starts = []  # first page of each part (decision, plan, appendix)
    plan = load(name)
    if plan.is_decision:
        starts.append(1)
    for n in range(1, pdf.pages + 1):
        head = pdf.page(n).lstrip()
        if head.startswith("ỦY BAN NHÂN DÂN") and (not plan.is_decision or n > 1):
            starts.append(n)
        elif n > 1 and pdf.landscape[n - 1] and not pdf.landscape[n - 2]:
            starts.append(n)
    starts = sorted(set(starts))
    for i, start in enumerate(starts):
        end = (starts[i + 1] - 1) if i + 1 < len(starts) else pdf.pages
        assert not re.match(r"^\d+\s", pdf.page(start).lstrip()), f"page {start} shows a number"
        for k, n in enumerate(range(start + 1, end + 1), 2):
            assert pdf.page(n).lstrip().split("\n", 1)[0].strip() == str(k), f"page {n} should be numbered {k}"


@pytest.mark.parametrize("name", list(SAMPLES))
def test_text_of_the_pdf_is_the_plan(pdfs, name):
    if name not in pdfs:
        pytest.skip("chưa có")
    pdf, plan = pdfs[name], load(name)
    text = body_text(pdf)

    def has(part: str) -> bool:
        return flat(part) in text

    for section in plan.plan.sections:
        assert has(section.heading.upper())
        for body in [section, *section.sections, *section.duties]:
            for paragraph in [*body.text, *body.closing]:
                assert has(paragraph), paragraph
            for item in body.items:
                assert has(item.text), item.text
                for bullet in item.bullets:
                    assert has(bullet), bullet
    if plan.plan.closing:
        assert has(plan.plan.closing)
    if plan.appendix is not None:
        columns = column_texts(pdf, Doc(pdf.path.with_suffix(".docx")))
        content, units = columns[1], "".join(columns[2:])
        for _gi, _ti, group, task in plan.iter_tasks():
            assert flat(task.content) in content, task.id
            if group is not None:
                assert has(group.title)  # a group row spans the columns: read as a line
            for unit in [*task.lead, *task.support]:
                assert flat(unit.rstrip(";.")) in units, (task.id, unit)
            if task.due:
                assert flat(task.due) in columns[-1] or flat(task.due) in units, (task.id, task.due)
    for recipient in plan.document.recipients:
        assert has(recipient)


def test_font_is_times_new_roman_or_its_metric_twin(pdfs):
    fonts = next(iter(pdfs.values())).fonts()
    names = set(re.findall(r"^\w+\+([\w-]+)", fonts, re.M))
    assert names, fonts
    # any other font means a fallback for letters the serif font lacks (ơ, ư, ộ…)
    assert all(n.startswith(("TimesNewRoman", "LiberationSerif")) for n in names), (
        f"phông trong PDF: {sorted(names)}; cần Times New Roman hoặc Liberation Serif 2 có đủ chữ tiếng Việt "
        "(apt-get install fonts-liberation2)")


def test_hostile_plan_pdf_keeps_every_character(tmp_path):
    plan = tmp_path / "hostile.yaml"
    plan.write_text(hostile_text(), encoding="utf-8")
    r = run_tt("render", str(plan), "--pdf", "-o", str(tmp_path / "hostile.pdf"))
    assert r.code == 0, r.text
    pdf = Pdf(tmp_path / "hostile.pdf")
    words = pdf.text().split()
    # the row taller than a page broke across pages and nothing was cut off: every one of
    # its 1,200 numbered sentences is in the PDF (across a page break the text extracted may
    # interleave with the repeated header row and the cells beside it, so the numbers are
    # checked, not the order)
    numbers = {int(w.rstrip(".")) for w in words if w.rstrip(".").isdigit()}
    assert set(range(1200)) <= numbers
    assert flat("Về việc <w:p>ban hành</w:p> Kế hoạch & {{ 7*7 }} {% raw %} ]]> <!-- x -->") in body_text(pdf)
    assert not (tmp_path / "hostile.docx").exists()  # --pdf alone keeps no .docx


# ---------------------------------------------------------------- issue 13: fill, fixed lines, LibreOffice's output


def page_fill(pdf: Pdf, page: int, top_mm: float = 20, bottom_mm: float = 20) -> float:
    """How much of the page's text area is used: from the top margin to the lowest word (pdftotext -bbox)."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf.path), "-"],
                         capture_output=True, text=True, check=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', out).group(1))
    lowest = max(float(y) for y in re.findall(r'yMax="([\d.]+)"', out))
    top, bottom = top_mm * 72 / 25.4, bottom_mm * 72 / 25.4
    return (lowest - top) / (height - top - bottom)


def test_the_appendix_of_ha_giang_fills_its_first_page(pdfs):
    """Rows taller than a quarter of the page break across pages: the first appendix page of Hà Giang
    is no longer 55 % empty (a tall row pushed whole onto the next page)."""
    if "ha-giang-2023" not in pdfs:
        pytest.skip("chưa có")
    pdf = pdfs["ha-giang-2023"]
    first = pdf.landscape.index(True) + 1
    assert page_fill(pdf, first) >= 0.85
    assert "PHỤ LỤC" in pdf.page(first)


@pytest.mark.parametrize("name", list(SAMPLES))
def test_header_lines_are_never_broken(pdfs, name):
    if name not in pdfs:
        pytest.skip("chưa có")
    pdf, plan = pdfs[name], load(name)
    lines = [" ".join(x.split()) for x in subprocess.run(
        ["pdftotext", "-layout", "-l", "1", str(pdf.path), "-"], capture_output=True, text=True,
        check=True).stdout.splitlines()]
    text = "\n".join(lines)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    date = f"{plan.document.place}, ngày"
    line = next(x for x in lines if date in x)
    assert re.search(r"năm \d{4}$", line), line  # the date line ends on its own line, whole


def test_a_long_place_name_stays_on_one_line_in_the_pdf(tmp_path):
    from tests.render.support import PLAN_DIR

    plan = tmp_path / "kh.yaml"
    plan.write_text((PLAN_DIR / "kh-quang-ngai.yaml").read_text(encoding="utf-8")
                    .replace("place: Quảng Ngãi", "place: Thành phố Hồ Chí Minh"), encoding="utf-8")
    r = run_tt("render", str(plan), "--pdf", "-o", str(tmp_path / "kh.pdf"))
    assert r.code == 0 and "TT-E011" not in r.err, r.text
    first = subprocess.run(["pdftotext", "-layout", "-l", "1", str(tmp_path / "kh.pdf"), "-"], capture_output=True,
                           text=True, check=True).stdout
    assert "Thành phố Hồ Chí Minh, ngày 15 tháng 02 năm 2023" in " ".join(first.split())
    assert not re.search(r"^\s*2023\s*$", first, re.M)  # "năm / 2023" would leave the year alone on a line


@pytest.mark.parametrize("output, why", [(b"", "tệp rỗng (0 byte)"), (b"<html>not a pdf</html>", "không phải một tệp PDF"),
                                         (b"%PDF-1.7\n1 0 obj", "bị cắt ngang")])
def test_an_empty_or_broken_pdf_from_libreoffice_is_an_error(tmp_path, output, why):
    """A LibreOffice that writes an empty, foreign or truncated file: refused, nothing left behind."""
    import sys

    fake = tmp_path / "soffice"
    fake.write_text("#!" + sys.executable + "\nimport sys, pathlib\nargs = sys.argv[1:]\n"
                    "out = pathlib.Path(args[args.index('--outdir') + 1])\n"
                    "for f in args[args.index('--outdir') + 2:]:\n"
                    f"    (out / (pathlib.Path(f).stem + '.pdf')).write_bytes({output!r})\n", encoding="utf-8")
    fake.chmod(0o755)
    from tests.render.support import PLAN_DIR

    target = tmp_path / "out" / "kh.pdf"
    r = run_tt("render", str(PLAN_DIR / "kh-quang-ngai.yaml"), "--pdf", "-o", str(target), env={"TT_SOFFICE": str(fake)})
    assert r.code == 2, r.text
    assert "TT-E008" in r.err and why in r.err and "Traceback" not in r.text
    assert not target.exists() and not (tmp_path / "out" / "kh.docx").exists()
