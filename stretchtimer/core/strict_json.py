"""Bytes -> JSON values, or a named problem: the one parser every file reader uses.

`json.loads` trusts its input in ways a damaged or hostile file can exploit: deep
nesting raises RecursionError, an integer of more than 4,300 digits raises ValueError,
a duplicate key silently keeps the last value, and NaN / Infinity are accepted. Here
each of these is a JsonProblem with a message that names it, like any other damage."""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 32  # no file of ours nests deeper than a handful of levels


class JsonProblem(ValueError):
    """The bytes are not the JSON we accept; str() says why, for the user."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise JsonProblem(f"the key {key[:40]!r} appears twice")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise JsonProblem(f"{name} is not a number JSON allows")


def _depth(value: Any, limit: int) -> int:
    """How deep `value` nests (iteratively, so no recursion limit is involved)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def loads(raw: bytes | str, max_depth: int = MAX_DEPTH) -> Any:
    """Parse one JSON document strictly; JsonProblem when it is not acceptable."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        raise JsonProblem(f"not UTF-8 text (byte {exc.start})") from None
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except JsonProblem:
        raise
    except json.JSONDecodeError as exc:
        raise JsonProblem(f"not valid JSON: {exc.msg} at line {exc.lineno} column "
                          f"{exc.colno}") from None
    except RecursionError:
        raise JsonProblem(f"nested more than {max_depth} levels deep") from None
    except ValueError as exc:  # e.g. an integer too long to convert
        raise JsonProblem(f"not valid JSON: {str(exc)[:80]}") from None
    if text.count("[") + text.count("{") > max_depth and _depth(value, max_depth) > max_depth:
        raise JsonProblem(f"nested more than {max_depth} levels deep")
    return value
