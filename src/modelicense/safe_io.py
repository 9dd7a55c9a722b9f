"""Reading and writing files that a hostile repository may have planted.

The scanned repository is the attacker: a configuration file may be a link to `/etc/shadow`, a
baseline a FIFO that never ends or `/dev/zero`, and the path `--output` names a committed link to
`~/.bashrc`. Every file the scan reads or writes outside discovery goes through this module:

- `read_regular`: a regular file (never a FIFO or device: opened non-blocking, checked with
  `fstat` before a byte is read), inside a given root when asked (the same rule as discovery),
  and no larger than a limit (a larger file is an error, not a truncated read);
- `write_replacing`: the data goes to a temporary file in the target's folder, then `os.replace`
  puts it in place. An existing target that is a symlink or not a regular file is refused, so a
  write never goes through a link; missing parent folders are created.

Errors are `UnsafeFile` (a ValueError, so callers' `except (OSError, ValueError)` holds) with a
message that names the path as given and what is wrong, never a link's target.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


class UnsafeFile(ValueError):
    """A file that must not be read or written as asked; the message says why."""


def inside(path: Path, root: Path) -> bool:
    """Whether `path`, with every link resolved, lies inside `root` (also resolved)."""
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(root))
    except ValueError:
        return False
    return True


def within_as_written(path: Path) -> bool:
    """A relative path that stays inside the current folder as written (`out/x`, not `../x`)
    must stay inside it once links are resolved: a committed link `out -> /etc` in the workspace
    must not take a write or a scan outside. Absolute and `..` paths are taken as meant."""
    written = os.path.normpath(path)
    if os.path.isabs(written) or written == ".." or written.startswith(".." + os.sep):
        return True
    existing = Path(written)
    while not os.path.lexists(existing) and existing != existing.parent:
        existing = existing.parent  # the part that exists decides: mkdir creates the rest in it
    return inside(existing, Path.cwd())


def read_regular(path: Path, limit: int, root: Path | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; with `root`, the file (links
    resolved) must lie inside it. Raises FileNotFoundError, OSError or UnsafeFile."""
    target = Path(os.path.realpath(path)) if root is not None else Path(path)
    if root is not None and not inside(target, root):
        raise UnsafeFile("is a link out of the scanned root; not read")
    fd = os.open(target, _READ_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile("is not a regular file (a FIFO, device or folder); not read")
        if info.st_size > limit:
            raise UnsafeFile(f"is larger than {_size(limit)}; not read")
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:  # a file that grows while read still stops at the limit
            chunk = os.read(fd, min(left, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise UnsafeFile(f"is larger than {_size(limit)}; not read")
    return data


def open_regular(path: Path | str):
    """A binary file object for a regular file, opened non-blocking and checked with fstat before
    anything is read: a file that became a FIFO or device after discovery saw it is refused
    (UnsafeFile), never read (a FIFO would block, /dev/zero would not end)."""
    fd = os.open(path, _READ_FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnsafeFile("is not a regular file (a FIFO, device or folder); not read")
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_head(path: Path | str, count: int) -> bytes:
    """The first `count` bytes of a regular file (opened non-blocking, checked with fstat)."""
    fd = os.open(path, _READ_FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnsafeFile("is not a regular file (a FIFO, device or folder); not read")
        return os.read(fd, count)
    finally:
        os.close(fd)


def write_replacing(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in its folder and `os.replace`. Creates
    missing parent folders; refuses a target that is a symlink or not a regular file.
    Raises OSError or UnsafeFile."""
    path = Path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise UnsafeFile("is a symlink; not written through")
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile("exists and is not a regular file; not written")
    folder = path.parent
    if not within_as_written(folder):
        raise UnsafeFile("is in a folder that is a link out of the current folder; not written")
    folder.mkdir(parents=True, exist_ok=True)
    import tempfile  # only when writing (start-up speed of the hook)

    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp makes the file 0600; a report is as readable as any file the user creates.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _size(limit: int) -> str:
    return f"{limit // 1024} KiB"
