"""House rule 1: the engine and storage never import Qt."""

import subprocess
import sys


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
