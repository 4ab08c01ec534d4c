"""Launch -> main window painted, for stretchtimer and for a bare PySide6 window,
alternating in the same run; prints medians and the ratio (goal: at most 1.3x).

    python benchmarks/startup.py [--rounds 9]

Uses the display in $DISPLAY (run under xvfb-run on a headless machine), or Qt's
offscreen platform when there is none.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def launch(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("PAINTED ")), None)
    if line is None:
        raise SystemExit(f"no first paint from {' '.join(cmd)}:\n{out.stderr[-2000:]}")
    parts = line.split()
    return float(parts[1]) - start, " ".join(parts[2:])


def bench_env() -> dict[str, str]:
    """The environment every launch gets: a throwaway STRETCHTIMER_HOME, and Qt's offscreen
    platform when there is no display."""
    env = dict(os.environ, STRETCHTIMER_HOME=tempfile.mkdtemp(prefix="st-bench-"))
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def platform_name(env: dict[str, str]) -> str:
    return env.get("QT_QPA_PLATFORM", "xcb" if env.get("DISPLAY") else "?")


def alternate(cmds: dict[str, list[str]], env: dict[str, str],
              rounds: int) -> tuple[dict[str, list[float]], dict[str, set[str]]]:
    """Launch each command once to warm the file cache, then `rounds` rounds of one launch
    of each in turn; seconds to first paint and what each reported after "PAINTED <t>"."""
    for cmd in cmds.values():
        launch(cmd, env)
    times: dict[str, list[float]] = {name: [] for name in cmds}
    extras: dict[str, set[str]] = {name: set() for name in cmds}
    for _ in range(rounds):
        for name, cmd in cmds.items():
            seconds, extra = launch(cmd, env)
            times[name].append(seconds)
            extras[name].add(extra)
    return times, extras


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    # pip byte-compiles an installed wheel; a checkout run with PYTHONDONTWRITEBYTECODE
    # would otherwise compile every module from source at each launch.
    import stretchtimer

    compileall.compile_dir(Path(stretchtimer.__file__).parent, quiet=1)
    env = bench_env()
    bare_cmd = [sys.executable, str(HERE / "bare_window.py")]
    app_cmd = [sys.executable, "-m", "stretchtimer", "--quit-after-first-paint"]
    times, extras = alternate({"bare": bare_cmd, "app": app_cmd}, env, args.rounds)
    bare, app, heavy = times["bare"], times["app"], extras["app"]
    b, a = statistics.median(bare), statistics.median(app)
    print(f"platform: {platform_name(env)}, rounds: {args.rounds}")
    print(f"bare PySide6 window : median {b * 1000:7.1f} ms  (min {min(bare) * 1000:.1f})")
    print(f"stretchtimer window : median {a * 1000:7.1f} ms  (min {min(app) * 1000:.1f})")
    print(f"ratio               : {a / b:.2f}x  (goal <= 1.30x)")
    print(f"loaded before paint : {', '.join(sorted(heavy))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
