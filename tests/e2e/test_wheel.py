"""The wheel carries the assets, and an installed copy finds them through
importlib.resources, not through the source checkout."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import BUILTINS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check",
         "-q", "-w", str(out), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("stretchtimer-*.whl")
    return built


def test_wheel_ships_every_builtin_routine(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(n.rsplit("/", 1)[1] for n in names
                     if n.startswith("stretchtimer/assets/routines/"))
    assert shipped == sorted(p.name for p in (ROOT / "assets" / "routines").glob("*.json"))


def test_wheel_declares_its_licence_and_carries_the_text(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        lines = zf.read(metadata).decode().splitlines()
        (licence,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        text = zf.read(licence).decode()
    assert "License-Expression: GPL-3.0-or-later" in lines
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text


def test_installed_wheel_lists_routines_from_its_own_assets(wheel, tmp_path):
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)  # a wheel is a zip laid out as site-packages
    code = ("import sys; from stretchtimer.resources import assets; "
            "print(assets()); from stretchtimer.cli import main; "
            "sys.exit(main(['--list-routines']))")
    env = dict(os.environ, PYTHONPATH=str(target), STRETCHTIMER_HOME=str(tmp_path / "home"))
    # -S: no site-packages, so the editable checkout cannot be found; run from elsewhere
    result = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    first, *rows = result.stdout.splitlines()
    assert first.startswith(str(target))
    assert len(rows) == BUILTINS and any(r.startswith("desk-micro ") for r in rows)
