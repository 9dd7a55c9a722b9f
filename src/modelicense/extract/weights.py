"""Weight files, read by header only. Nothing is ever unpickled or loaded.

A Git LFS pointer (a small text file standing in for the weights) is recognised as weights that
are not present and is never parsed as weights.
"""

from __future__ import annotations

from typing import BinaryIO

from modelicense.model import Extraction

LFS_PREFIX = b"version https://git-lfs.github.com/spec/v1"
LFS_POINTER_MAX = 1024


def is_lfs_pointer(head: bytes) -> bool:
    return head.startswith(LFS_PREFIX)


def extract(relpath: str, handle: BinaryIO, size: int) -> Extraction:
    head = handle.read(min(size, LFS_POINTER_MAX))
    if size <= LFS_POINTER_MAX and is_lfs_pointer(head):
        return Extraction(metadata=(("lfs_pointer", "yes"),))
    return Extraction()
