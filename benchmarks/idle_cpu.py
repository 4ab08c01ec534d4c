"""What stretchtimer costs while it waits in the tray: CPU (% of one core) and wake-ups
(context switches) per second over a quiet minute, with the speech worker counted in,
against a bare PySide6 window left open in the same run. Goal: at most 0.05 % of a core.

    python benchmarks/idle_cpu.py [--seconds 60]

Starts its own Xvfb and trayer (a tray host) when they are installed; otherwise it runs
offscreen, where there is no tray and stretchtimer waits with its window open.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TICKS = os.sysconf("SC_CLK_TCK")


def tree(pid: int) -> list[int]:
    """The process and its descendants (the speech worker, aplay)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def usage(pid: int) -> tuple[float, dict[tuple[int, str], int]]:
    """CPU seconds of the process tree so far, and context switches per thread."""
    cpu, switches = 0.0, {}
    for p in tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            cpu += (int(fields[11]) + int(fields[12])) / TICKS
            for task in Path(f"/proc/{p}/task").iterdir():
                n = 0
                for line in (task / "status").read_text().splitlines():
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        n += int(line.split()[1])
                switches[(p, task.name)] = n
        except (OSError, ValueError, IndexError):
            continue
    return cpu, switches


def measure(cmd: list[str], env: dict, settle: float, seconds: float) -> tuple[float, float]:
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(settle)  # start-up, first paint, speech worker, cache warm-up
        cpu0, sw0 = usage(proc.pid)
        time.sleep(seconds)
        cpu1, sw1 = usage(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    woke = sum(sw1[k] - sw0[k] for k in sw0.keys() & sw1.keys())  # threads alive throughout
    return 100 * (cpu1 - cpu0) / seconds, woke / seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--settle", type=float, default=15)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="st-idle-")
    env = dict(os.environ, STRETCHTIMER_HOME=home)
    helpers = []
    if shutil.which("Xvfb") and shutil.which("trayer"):
        display = ":77"
        helpers.append(subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24",
                                         "-nolisten", "tcp"], stderr=subprocess.DEVNULL))
        time.sleep(1)
        env["DISPLAY"] = display
        env.pop("QT_QPA_PLATFORM", None)
        helpers.append(subprocess.Popen(["trayer", "--edge", "top", "--align", "right"],
                                        env=env, stderr=subprocess.DEVNULL))
        time.sleep(1)
        where = "Xvfb + trayer (in the tray)"
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
        where = "offscreen (no tray: window open)"
    try:
        bare = measure([sys.executable, str(HERE / "bare_window.py"), "--stay"], env,
                       args.settle, args.seconds)
        app = measure([sys.executable, "-m", "stretchtimer", "--tray"], env, args.settle,
                      args.seconds)
    finally:
        for h in helpers:
            h.terminate()
    print(f"{where}, {args.seconds:.0f} s after {args.settle:.0f} s to settle")
    print(f"bare PySide6 window : {bare[0]:6.3f} % of a core, {bare[1]:6.1f} wake-ups/s")
    print(f"stretchtimer (tray) : {app[0]:6.3f} % of a core, {app[1]:6.1f} wake-ups/s "
          f"(goal <= 0.05 %)")
    print(f"ratio               : {app[0] / max(bare[0], 1e-3):.1f}x the bare window's CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
