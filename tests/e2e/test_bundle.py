"""The PyInstaller one-folder build (packaging/stretchtimer.spec, built once per session by
packaging/build-bundle.sh) starts: its text commands print, and its window opens and
paints under Xvfb. It carries the assets, where stretchtimer/resources.py looks for them."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import stretchtimer
from tests.conftest import BUILTINS

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 600  # about 20 s on two cores


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """The built app's folder: <out>/dist/stretchtimer."""
    import importlib.util

    assert importlib.util.find_spec("PyInstaller"), \
        "PyInstaller comes with the test extra: pip install -e '.[test]'"
    out = tmp_path_factory.mktemp("bundle")
    # PyInstaller's own cache too, so --clean touches nothing outside this session
    env = dict(os.environ, PYTHON=sys.executable, PYINSTALLER_CONFIG_DIR=str(out / "config"))
    start = time.monotonic()
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build-bundle.sh"), str(out)],
                            capture_output=True, text=True, env=env, timeout=BUILD_TIMEOUT_S)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    print(f"bundle built in {time.monotonic() - start:.0f} s")
    folder = out / "dist" / "stretchtimer"
    assert (folder / "stretchtimer").is_file(), (result.stdout + result.stderr)[-4000:]
    return folder


def run_bundle(bundle, home, *args, xvfb=False):
    env = dict(os.environ, STRETCHTIMER_HOME=str(home))
    cmd = [str(bundle / "stretchtimer"), *args]
    if xvfb:
        env.pop("QT_QPA_PLATFORM", None)  # tests/conftest.py asks for offscreen: use X11
        env.pop("WAYLAND_DISPLAY", None)
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24 -nolisten tcp", *cmd]
    # run from elsewhere, so nothing of the checkout is at hand
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=home.parent,
                          timeout=60)


def test_bundle_prints_its_version(bundle, tmp_path):
    result = run_bundle(bundle, tmp_path / "home", "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"stretchtimer {stretchtimer.__version__}"


def test_bundle_lists_the_builtin_routines_from_its_own_assets(bundle, tmp_path):
    result = run_bundle(bundle, tmp_path / "home", "--list-routines")
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    assert len(rows) == BUILTINS, result.stdout
    ids = [row.split()[0] for row in rows]
    assert "desk-micro" in ids and "walk-break" in ids
    assert result.stderr == ""  # no routine skipped


def test_bundle_opens_its_window_under_xvfb(bundle, tmp_path):
    assert shutil.which("xvfb-run"), "xvfb-run (Debian: xvfb) is installed by the test command"
    result = run_bundle(bundle, tmp_path / "home", "--quit-after-first-paint", xvfb=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert any(line.startswith("PAINTED ") for line in result.stdout.splitlines()), \
        result.stdout + result.stderr


def test_bundle_carries_the_whole_assets_folder_where_resources_finds_it(bundle):
    shipped = bundle / "_internal" / "stretchtimer" / "assets"  # files("stretchtimer")/assets
    source = ROOT / "assets"

    def listing(folder):
        return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())

    assert listing(source), "no assets in the checkout"
    assert listing(shipped) == listing(source)
