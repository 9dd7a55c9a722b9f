"""Bytes to text for cards and licence files: UTF-8 (with or without BOM), UTF-16 with BOM,
and Latin-1 as the last resort, which always succeeds — so a card in an odd encoding is read,
and the caller is told which encoding was guessed."""

from __future__ import annotations

import codecs


def decode(data: bytes) -> tuple[str, str | None]:
    """(text, note). note is None for clean UTF-8, otherwise says what was done."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return data.decode("utf-16", "replace"), "invalid UTF-16; undecodable bytes replaced"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return data.decode("latin-1"), f"not valid UTF-8 (byte {exc.start}); read as Latin-1"
    return text, None


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first KiB of something that should be text (UTF-16 has a BOM)."""
    head = data[:1024]
    return b"\0" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
