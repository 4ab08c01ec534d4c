"""Launch -> main window painted for stretchtimer as installed from its wheel and as the
PyInstaller bundle, each against a bare PySide6 window, alternating in the same run
(benchmarks/startup.py's launch and rounds); prints medians and the ratios to the bare one.

    xvfb-run -a .venv/bin/python benchmarks/startup_bundle.py [--rounds 9] [--bundle DIR]

The wheel is built from this checkout (pip wheel --no-deps) and installed with --no-deps
into a fresh virtual environment in a temporary folder; a .pth file there adds this
interpreter's site-packages after the environment's own, so the installed copy of
stretchtimer (byte-compiled by pip, found first) runs on the very same PySide6, pyttsx3
and platformdirs files as the bare window and the bundle, and nothing is downloaded. It
is started through the environment's `stretchtimer` script, as a user would.
The bundle is built by packaging/build-bundle.sh into the temporary folder, unless
--bundle names an already built one (its dist/stretchtimer folder).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from startup import alternate, bench_env, platform_name  # noqa: E402

BIN = "Scripts" if os.name == "nt" else "bin"
EXE = ".exe" if os.name == "nt" else ""


def run(cmd: list[str], **kwargs) -> str:
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, cmd))}\n"
                         f"{(result.stdout + result.stderr)[-3000:]}")
    return result.stdout


def shared_site_packages() -> Path:
    """Where this interpreter has the dependencies (all three in the same folder)."""
    folders = set()
    for name in ("PySide6", "shiboken6", "pyttsx3", "platformdirs"):
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise SystemExit(f"{name} is not installed for {sys.executable}")
        folders.add(Path(next(iter(spec.submodule_search_locations))).parent)
    if len(folders) != 1:
        raise SystemExit(f"the dependencies are in several folders: {sorted(folders)}")
    return folders.pop()


def install_wheel(tmp: Path) -> Path:
    """Build the wheel, install it into a fresh environment; its `stretchtimer` script."""
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check",
         "-q", "-w", str(tmp / "wheel"), str(ROOT)])
    (wheel,) = (tmp / "wheel").glob("stretchtimer-*.whl")
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / BIN / f"python{EXE}"
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--disable-pip-version-check", "-q", str(wheel)])
    purelib = Path(run([str(python), "-c",
                        "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).strip())
    (purelib / "shared-deps.pth").write_text(f"{shared_site_packages()}\n")
    found = run([str(python), "-c", "import stretchtimer, PySide6; print(stretchtimer.__file__)"],
                cwd=tmp).strip()
    if not Path(found).is_relative_to(purelib):
        raise SystemExit(f"the environment imports stretchtimer from {found}, not the wheel")
    script = venv / BIN / f"stretchtimer{EXE}"
    if not script.exists():
        raise SystemExit(f"the wheel installed no script at {script}")
    return script


def build_bundle(tmp: Path) -> Path:
    start = time.monotonic()
    run(["bash", str(ROOT / "packaging" / "build-bundle.sh"), str(tmp / "bundle")],
        env=dict(os.environ, PYTHON=sys.executable))
    print(f"bundle built in {time.monotonic() - start:.0f} s")
    return tmp / "bundle" / "dist" / "stretchtimer"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--bundle", type=Path,
                        help="an already built bundle folder (dist/stretchtimer)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="st-bench-pkg-") as tmp_name:
        tmp = Path(tmp_name)
        script = install_wheel(tmp)
        bundle = args.bundle.resolve() if args.bundle else build_bundle(tmp)
        binary = bundle / f"stretchtimer{EXE}"
        if not binary.is_file():
            raise SystemExit(f"no bundle at {binary}")
        env = bench_env()
        cmds = {
            "bare PySide6 window": [sys.executable, str(HERE / "bare_window.py")],
            "installed wheel": [str(script), "--quit-after-first-paint"],
            "PyInstaller bundle": [str(binary), "--quit-after-first-paint"],
        }
        try:
            times, extras = alternate(cmds, env, args.rounds)
        finally:
            shutil.rmtree(env["STRETCHTIMER_HOME"], ignore_errors=True)
    bare_name = next(iter(cmds))
    bare = statistics.median(times[bare_name])
    print(f"platform: {platform_name(env)}, rounds: {args.rounds}")
    for name, seconds in times.items():
        median = statistics.median(seconds)
        ratio = "" if name == bare_name else f"  {median / bare:.2f}x the bare window"
        print(f"{name:<19} : median {median * 1000:7.1f} ms  (min {min(seconds) * 1000:.1f})"
              f"{ratio}")
    print("goal for stretchtimer: <= 1.30x the bare window (benchmarks/startup.py)")
    for name in ("installed wheel", "PyInstaller bundle"):
        print(f"loaded before paint ({name}): {', '.join(sorted(extras[name]))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
