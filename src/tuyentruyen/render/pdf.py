"""PDF through LibreOffice headless (``soffice --convert-to pdf``), where it is installed.

LibreOffice lays the .docx out itself; Times New Roman is replaced by a metric-compatible
font when it is not installed (Liberation Serif, Debian package fonts-liberation2, which
also has the Vietnamese letters), so lines and pages break as in Word.

Each run uses its own LibreOffice profile in a temporary folder: two conversions at once
(two terminals, parallel CI jobs) would otherwise lock each other out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tuyentruyen.errors import TTError

CANDIDATES = ("soffice", "libreoffice")
TIMEOUT_S = 300


class PdfUnavailable(TTError):
    """LibreOffice is not installed: the message and hint say how to install it."""

    code = "TT-E007"
    message = "Không tìm thấy LibreOffice (lệnh soffice) để xuất PDF."
    hint = ("Cài LibreOffice (Debian/Ubuntu: `sudo apt-get install libreoffice-writer fonts-liberation2`; "
            "Windows/macOS: tải từ libreoffice.org), hoặc chỉ xuất .docx bằng `tt render --docx`.")

    def __init__(self, message: str | None = None, hint: str | None = None):
        super().__init__(message or type(self).message, hint or type(self).hint)


class PdfFailed(TTError):
    """LibreOffice ran but did not make a (complete) PDF: missing, empty (0 bytes), not a PDF, or cut short."""

    code = "TT-E008"

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message, hint or "Thử mở tệp .docx bằng LibreOffice để xem lỗi, hoặc chạy lại lệnh.")


def find_soffice() -> str | None:
    """The LibreOffice executable: $TT_SOFFICE, else soffice/libreoffice on PATH."""
    explicit = os.environ.get("TT_SOFFICE")
    if explicit:
        return explicit if Path(explicit).exists() or shutil.which(explicit) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert(docx_files: list[Path], out_dir: Path) -> list[Path]:
    """Convert .docx files to PDF in out_dir (one LibreOffice start for all of them)."""
    exe = find_soffice()
    if exe is None:
        raise PdfUnavailable()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tt-lo-") as profile:
        cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, docx_files)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S,
                           env=dict(os.environ, SAL_USE_VCLPLUGIN="svp"))
        except subprocess.TimeoutExpired:
            raise PdfFailed(f"LibreOffice không xuất xong PDF sau {TIMEOUT_S} giây.") from None
        except OSError as exc:
            from tuyentruyen.project.files import os_reason

            raise PdfFailed(f"không chạy được LibreOffice ({os_reason(exc)}).") from None
    results = [out_dir / (f.stem + ".pdf") for f in docx_files]
    missing = [r for r in results if not r.is_file()]
    if missing:
        raise PdfFailed(f"LibreOffice không tạo được {', '.join(m.name for m in missing)}.")
    for r in results:
        why = not_a_pdf(r)
        if why:
            raise PdfFailed(f"LibreOffice tạo ra {r.name} nhưng {why}: tệp này không được dùng.")
    return results


def not_a_pdf(path: Path) -> str | None:
    """Why the file LibreOffice wrote is not a complete PDF (empty, not a PDF, cut short), or None."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(8)
            f.seek(max(0, size - 1024))
            tail = f.read()
    except OSError as exc:
        from tuyentruyen.project.files import os_reason

        return f"không đọc lại được ({os_reason(exc)})"
    if size == 0:
        return "tệp rỗng (0 byte)"
    if not head.startswith(b"%PDF-"):
        return "đó không phải một tệp PDF"
    if b"%%EOF" not in tail:
        return "tệp PDF bị cắt ngang (thiếu phần kết thúc)"
    return None
