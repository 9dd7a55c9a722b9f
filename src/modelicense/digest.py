"""SHA-256 hex digests without importing hashlib.

hashlib loads OpenSSL on import (~2 ms, measured), a large share of what a warm hook run may
spend beyond Python's own start-up. CPython's built-in SHA-256 module gives the same digests;
hashlib is the fallback where it is absent.
"""

from __future__ import annotations

try:
    from _sha256 import sha256  # CPython up to 3.11
except ImportError:  # pragma: no cover - depends on the interpreter
    try:
        from _sha2 import sha256  # CPython 3.12 and later
    except ImportError:
        from hashlib import sha256


def sha256_hex(data: bytes) -> str:
    return sha256(data).hexdigest()
