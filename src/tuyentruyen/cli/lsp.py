"""`tt lsp`: the language server (máy chủ ngôn ngữ) an editor starts, over stdin/stdout."""

from __future__ import annotations

import typer

from tuyentruyen.cli.base import app


@app.command("lsp")
def lsp(
    stdio: bool = typer.Option(True, "--stdio", help="Nói chuyện với trình soạn thảo qua stdin/stdout (mặc định).",
                               show_default=False),
) -> None:
    """Chạy máy chủ ngôn ngữ của tt cho trình soạn thảo (VS Code, Neovim…): báo lỗi như tt validate ngay khi gõ,
    gợi ý tên đơn vị, thời gian, khóa; giải thích khi rê chuột; sửa nhanh; định dạng bằng tt fmt.

    Trình soạn thảo tự chạy lệnh này (xem docs/editor.md); không cần chạy bằng tay.
    """
    from tuyentruyen.lsp.server import serve

    serve()
