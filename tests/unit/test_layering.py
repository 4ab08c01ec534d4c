"""House rule 1: the engine and storage never import Qt; and voice/ uses Qt's core and
multimedia but never its widgets (no window to draw: ui/ does that)."""

import ast
import subprocess
import sys
from pathlib import Path

VOICE = Path(__file__).resolve().parents[2] / "stretchtimer" / "voice"


def test_core_and_storage_never_import_pyside6():
    code = (
        "import sys, pkgutil, importlib\n"
        "import stretchtimer.core, stretchtimer.storage\n"
        "for pkg in (stretchtimer.core, stretchtimer.storage):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(pkg.__name__ + '.' + m.name)\n"
        "import stretchtimer.cli\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(len([m for m in sys.modules if m.startswith('stretchtimer.core.')]))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 6  # it really imported the modules it checks


def test_voice_never_loads_qtwidgets():
    """Every voice module imported, in a fresh process (pytest-qt has loaded the widgets
    here), with whatever they import in turn."""
    code = (
        "import sys, pkgutil, importlib\n"
        "import stretchtimer.voice\n"
        "names = [m.name for m in pkgutil.iter_modules(stretchtimer.voice.__path__)]\n"
        "for name in names:\n"
        "    importlib.import_module('stretchtimer.voice.' + name)\n"
        "assert 'PySide6.QtCore' in sys.modules  # Qt itself was loaded\n"
        "assert 'PySide6.QtMultimedia' not in sys.modules  # only with the first stream\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6.QtWidgets'))\n"
        "print(len(names))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 4  # it really imported the modules it checks


def test_no_voice_module_imports_qtwidgets_even_inside_a_function():
    """The import above only runs module-level imports; a deferred one is read here."""
    sources = sorted(VOICE.glob("*.py"))
    assert len(sources) >= 5
    bad = []
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                # "from PySide6 import QtWidgets" names the module as an attribute
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            if any(n.split(".")[:2] == ["PySide6", "QtWidgets"] for n in names):
                bad.append(f"{path.name}:{node.lineno}")
    assert bad == []
