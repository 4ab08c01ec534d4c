"""SHA-256 without OpenSSL: hashlib loads libcrypto (3.6 MB resident for the app waiting
in the tray) to hash a few short strings; Python's own implementation gives the same
digests. hashlib stands in where that module is missing."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def _builtin_sha256() -> Callable[..., Any]:
    for name in ("_sha2", "_sha256"):  # Python 3.12+, 3.11
        try:
            return importlib.import_module(name).sha256  # type: ignore[no-any-return]
        except (ImportError, AttributeError):
            continue
    import hashlib  # a Python built without them

    return hashlib.sha256


sha256 = _builtin_sha256()


def sha256_hex(data: bytes) -> str:
    return str(sha256(data).hexdigest())
