"""Reading inputs and writing outputs safely (đọc và ghi tệp): the only place tt touches files' bytes.

Reading: only regular files, and never more than a limit (a device such as /dev/zero, a
FIFO or a directory is refused with its own message: their size says nothing).

Writing: every output of every command goes through :func:`atomic_path` — to a temporary
file beside the target, then moved into place only when complete, so a failed or
interrupted run leaves the old file as it was and no half-written file. A target that is
a symbolic link is written through the link (the link stays a link); a file with several
hard links is updated in place once the new content is complete (the links stay shared).
A command never writes over one of its own inputs (``protect``). Every failure is a
:class:`WriteError` saying, in Vietnamese, which path and what to do.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tuyentruyen.errors import TTError

_REASONS = {
    errno.ENOENT: "không có tệp hay thư mục này",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép (quyền truy cập)",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết dung lượng được cấp trên ổ đĩa",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EISDIR: "đây là một thư mục",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.EEXIST: "tệp đã có",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.ELOOP: "các liên kết tượng trưng tạo thành vòng",
    errno.EBUSY: "tệp đang được chương trình khác sử dụng",
    errno.ETXTBSY: "tệp đang được chương trình khác sử dụng",
    errno.EMFILE: "đang mở quá nhiều tệp",
    errno.EIO: "lỗi đọc/ghi của ổ đĩa",
    errno.EXDEV: "không chuyển được tệp sang ổ đĩa khác",
    errno.EFBIG: "tệp quá lớn",
    errno.EPIPE: "chương trình nhận dữ liệu đã đóng",
    errno.EINVAL: "tên hay đường dẫn không hợp lệ",
}


def os_reason(exc: OSError) -> str:
    """An OS error in Vietnamese words ('ổ đĩa đã đầy'), never the OS's English text."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    if isinstance(exc, PermissionError):
        return _REASONS[errno.EACCES]
    return f"lỗi của hệ điều hành (mã {exc.errno})" if exc.errno else "lỗi của hệ điều hành"


class ReadError(TTError):
    """An input that cannot be read (exit 2)."""

    code = "TT-Y001"


class WriteError(TTError):
    """An output that cannot be written (exit 2); nothing was changed."""

    code = "TT-E003"


def _shown(path: Path) -> str:
    from tuyentruyen.loading.source import display_name

    return display_name(path)


def _write_hint(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "Giải phóng chỗ trống trên ổ đĩa rồi chạy lại lệnh; tệp cũ (nếu có) vẫn còn nguyên."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "Kiểm tra quyền ghi của thư mục, hoặc chọn nơi ghi khác bằng -o."
    if exc.errno in (errno.EBUSY, errno.ETXTBSY):
        return "Đóng tệp trong Word (hoặc chương trình đang mở nó) rồi chạy lại lệnh."
    if exc.errno in (errno.ENOTDIR, errno.EISDIR, errno.ENOENT):
        return "Kiểm tra lại đường dẫn: thư mục chứa tệp phải là một thư mục, và tên tệp không trùng tên thư mục."
    return "Kiểm tra đường dẫn và quyền ghi, rồi chạy lại lệnh."


def write_error(path: Path, exc: OSError) -> WriteError:
    return WriteError(f"Không ghi được tệp '{_shown(path)}': {os_reason(exc)}.", _write_hint(exc), file=path)


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words ('một thư mục', 'một thiết bị'…); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "một thư mục"
    if stat.S_ISFIFO(mode):
        return "một đường ống (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "một thiết bị"
    if stat.S_ISSOCK(mode):
        return "một socket"
    return "không phải tệp thường"


def read_bytes_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, refusing anything else and anything over limit bytes.

    Raises OSError (from the OS), IsADirectoryError for a directory, ReadError for a device,
    a FIFO or a socket, and ReadError(code TT-Y008) when the file is larger than limit.
    """
    given, path = path, os.fspath(path)  # a Path is made only to say what is wrong (10^4 files: 0.1 s)
    st = os.stat(path)
    what = kind_of(st.st_mode)
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "directory", str(path))
    if what is not None:
        raise ReadError(f"'{_shown(Path(given))}' là {what}, không phải một tệp: tt chỉ đọc tệp thường.",
                        "Chỉ ra một tệp .yaml (hoặc tt.toml) thật trên ổ đĩa.", file=Path(given))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)  # what was opened, not what was looked at (a swap in between)
        if not stat.S_ISREG(st.st_mode):
            raise ReadError(f"'{_shown(Path(given))}' là {kind_of(st.st_mode)}, không phải một tệp: tt chỉ đọc tệp thường.",
                            "Chỉ ra một tệp .yaml (hoặc tt.toml) thật trên ổ đĩa.", file=Path(given))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise ReadError(f"Tệp '{_shown(Path(given))}' quá lớn: hơn giới hạn {human_size(limit)}.",
                        "Một kế hoạch viết tay không lớn đến vậy: kiểm tra lại tệp (giới hạn đặt bằng biến môi "
                        "trường TT_MAX_BYTES).", file=Path(given), code="TT-Y008")
    return b"".join(chunks)


def human_size(n: int) -> str:
    """1536 → '1,5 KB', 33554432 → '32 MB' (Vietnamese decimal comma)."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            text = f"{n / size:.1f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"{text} {unit}"
    return f"{n} byte"


def read_text_bounded(path: Path, limit: int) -> str:
    """read_bytes_bounded, decoded as UTF-8 (a BOM is dropped); raises UnicodeDecodeError."""
    return read_bytes_bounded(path, limit).decode("utf-8-sig")


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _final_target(target: Path) -> Path:
    """Where writing to target must go: through symbolic links, to the file they name."""
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


@contextmanager
def atomic_path(target: str | Path, *, protect: Iterable[Path] = ()) -> Iterator[Path]:
    """Yield a temporary path beside target; once the block succeeds it replaces target.

    protect: the inputs of the command; writing over one of them is refused (WriteError)
    before anything is written. Raises WriteError for every OS failure, with the path.
    """
    target = Path(target)
    for p in protect:
        if same_file(target, p):
            raise WriteError(f"Không ghi đè lên tệp đầu vào '{_shown(Path(p))}': kết quả phải ghi ra tệp khác.",
                             "Chọn một tên tệp khác cho -o.", file=target)
    final = _final_target(target)
    if final.is_dir():
        raise WriteError(f"Không ghi được tệp '{_shown(target)}': đây là một thư mục.",
                         "Cho -o một tên tệp (ví dụ -o ket-qua.docx), hoặc một thư mục có dấu '/' ở cuối "
                         "khi lệnh cho phép.", file=target)
    tmp: Path | None = None
    try:
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            with _termination_held():  # the file exists only once its name is known here
                fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
                tmp = Path(tmp_name)
                os.close(fd)
        except OSError as exc:
            raise write_error(target, exc) from None
        try:
            yield tmp
        except OSError as exc:
            raise write_error(target, exc) from None
        try:
            _move_into_place(tmp, final)
        except OSError as exc:
            raise write_error(target, exc) from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


@contextmanager
def _termination_held() -> Iterator[None]:
    """SIGTERM and SIGINT wait for the end of the block (tt turns them into exceptions, cli.app):
    one arriving between the creation of a temporary file and its naming would leave it behind."""
    try:
        import signal

        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    except (AttributeError, OSError, ValueError):  # no POSIX signal masks here (Windows)
        held = None
    try:
        yield
    finally:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _move_into_place(tmp: Path, final: Path) -> None:
    try:
        st = os.stat(final)
    except FileNotFoundError:
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, final)
        return
    if st.st_nlink > 1 and stat.S_ISREG(st.st_mode):
        # several names share this file: replacing it would split them; write the complete
        # content into the file itself (the temporary copy is complete, so a failure here
        # leaves a file that can be written again from it)
        with open(tmp, "rb") as src, open(final, "r+b") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.truncate()
            dst.flush()
            os.fsync(dst.fileno())
        return
    os.chmod(tmp, stat.S_IMODE(st.st_mode))
    os.replace(tmp, final)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(target: str | Path, data: bytes, *, protect: Iterable[Path] = ()) -> None:
    with atomic_path(target, protect=protect) as tmp:
        tmp.write_bytes(data)


def atomic_write_text(target: str | Path, text: str, *, protect: Iterable[Path] = ()) -> None:
    with atomic_path(target, protect=protect) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")


def atomic_write_many(outputs: dict[Path, bytes]) -> None:
    """Write several files all or nothing: every one is staged complete before any is moved into
    place (a full disk half way leaves every old file as it was and no temporary file)."""
    from contextlib import ExitStack

    with ExitStack() as stack:
        staged = []
        for target, data in outputs.items():
            tmp = stack.enter_context(atomic_path(target))
            tmp.write_bytes(data)
            staged.append(tmp)
        # leaving the stack moves each file into place (innermost first); a failure there is
        # reported for its path, and the files not yet moved keep their old content
