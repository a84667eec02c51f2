"""Entry point of `tt`: the commands, and the guarantee that no traceback reaches a user."""

from __future__ import annotations

import sys

from tuyentruyen.cli.base import app
from tuyentruyen.cli import schema, validate  # noqa: F401  (each module registers its command)
from tuyentruyen.cli import fmt  # noqa: F401,E402
from tuyentruyen.cli import lint  # noqa: F401,E402
from tuyentruyen.cli import rule  # noqa: F401,E402
from tuyentruyen.cli import new  # noqa: F401,E402
from tuyentruyen.cli import units  # noqa: F401,E402
from tuyentruyen.cli import render  # noqa: F401,E402
from tuyentruyen.cli import diff  # noqa: F401,E402


def main() -> None:
    try:
        app(prog_name="tt")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("tt: đã dừng theo yêu cầu.", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:  # `tt … | head`
        sys.exit(0)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a message, never a traceback
        print(f"tt: lỗi nội bộ ({type(exc).__name__}: {exc}).", file=sys.stderr)
        print("  gợi ý: đây là lỗi của tt, không phải của kế hoạch; hãy báo lỗi kèm tệp và lệnh đã chạy "
              "(đặt TT_DEBUG=1 để xem chi tiết).", file=sys.stderr)
        if __import__("os").environ.get("TT_DEBUG"):
            raise
        sys.exit(2)
