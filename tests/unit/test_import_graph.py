"""The layers import downwards only: every import of stretchtimer's own modules, those
inside functions too (read from the source, nothing is run), makes no circle between its
parts (core, storage, platform, voice, ui, and the top-level modules), and no view
reaches up to the controller, the bootstrap or the command line."""

import ast
from pathlib import Path

import stretchtimer

PACKAGE = Path(stretchtimer.__file__).parent


def part(module: str) -> str:
    """stretchtimer.ui.tray -> ui; stretchtimer.controller -> controller."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "__init__"


def imports() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(("stretchtimer", *path.relative_to(PACKAGE).with_suffix("").parts))
        here = found.setdefault(part(module), set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            here |= {part(n) for n in names if n.startswith("stretchtimer.")} - {part(module)}
    return found


def test_no_view_reaches_up_to_the_controller_the_bootstrap_or_the_command_line():
    graph = imports()
    for low in ("core", "storage", "platform", "voice", "ui", "command", "settings_model"):
        assert not graph[low] & {"controller", "app", "cli"}, (low, graph[low])
    assert graph["core"] <= {"__init__"}  # the engine needs nothing else of ours


def test_there_is_no_import_circle_between_the_parts():
    graph = imports()
    seen: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        if seen.get(node) == "open":
            raise AssertionError("import circle: " + " -> ".join([*trail, node]))
        if node in seen:
            return
        seen[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            visit(nxt, [*trail, node])
        seen[node] = "done"

    for node in sorted(graph):
        visit(node, [])
    assert {"core", "ui", "controller", "app", "cli"} <= graph.keys()  # it read them all


def test_the_digest_is_sha256_without_openssl():
    import hashlib
    import subprocess
    import sys

    from stretchtimer.core.digest import sha256_hex

    for data in (b"", b"abc", "naïve ✓".encode() * 1000):
        assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
    code = ("import sys, stretchtimer.core.digest as d; d.sha256_hex(b'x'); "
            "print('_hashlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr  # libcrypto not loaded for it
