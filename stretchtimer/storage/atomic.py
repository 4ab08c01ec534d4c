"""Writes that never leave a half-written file, unreadable files moved aside, and reads
that never block on something that is not a plain file.

A write goes to a temporary file in the same folder, is flushed and fsynced, replaces the
target in one rename, and then the folder is fsynced so the rename itself survives a
crash (../shared/RELIABILITY.md R6). Windows may refuse the rename for a moment while an
antivirus or indexer holds the file (R7): it is retried with a short backoff.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import time
from pathlib import Path

TEMP_PREFIX = ".tmp-"
RETRY_DELAYS_S = (0.01, 0.05, 0.1, 0.25, 0.5)  # Windows sharing violations clear quickly


def fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":
        return  # Windows has no directory handles to fsync; NTFS journals the rename
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_with_retry(src: Path, dst: Path) -> None:
    for delay in (*RETRY_DELAYS_S, None):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if delay is None or sys.platform != "win32":
                raise
            time.sleep(delay)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data`, all or nothing. Raises OSError (e.g. disk full) with
    the old file untouched."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f"{TEMP_PREFIX}{path.name}.{os.getpid()}")
    try:
        with open(temp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        replace_with_retry(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(path.parent)


def quarantine(path: Path, now: float | None = None) -> Path:
    """Move an unreadable file aside as `name.corrupt-<timestamp>`; never delete it."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(time.time() if now is None else now))
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    replace_with_retry(path, target)
    fsync_dir(path.parent)
    return target


def sweep_temps(folder: Path) -> list[Path]:
    """Remove temporary files that a crash left behind (they never replaced anything)."""
    removed = []
    if folder.is_dir():
        for temp in folder.glob(f"{TEMP_PREFIX}*"):
            with contextlib.suppress(OSError):
                temp.unlink()
                removed.append(temp)
    return removed


def read_plain(path: Path, start: int = 0, limit: int = -1, follow_links: bool = True) -> bytes:
    """The bytes of a plain file from `start` (at most `limit` of them). A FIFO, a device or
    a folder of that name (and, without `follow_links`, a link) is refused without
    blocking: OSError, as for a file that cannot be read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags if follow_links else flags | getattr(os, "O_NOFOLLOW", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # (fdopen would fail on a folder)
            raise OSError(errno.EINVAL, "not a plain file", str(path))
        f = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with f:
        f.seek(start)
        return f.read(limit)
