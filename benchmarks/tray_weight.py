"""What stretchtimer weighs while it waits in the tray, against a bare PySide6 app with a
tray icon (benchmarks/bare_tray.py) and a bare window (benchmarks/bare_window.py),
measured in the same run on a private Xvfb with a tray host (trayer). Prints each row
as a ratio to its floor, with the goal of issue 16:

- launch -> tray icon visible (`--tray`), median of --rounds launches  (<= 1.2x)
- the whole process tree while waiting in the tray, --settle s after launch: resident
  memory (<= 1.15x) and the number of processes (1)
- idle CPU (% of one core, <= 0.02 %) and wake-ups (<= 0.1/s) over --seconds after that
- launch -> first paint of the window (benchmarks/startup.py, <= 1.3x)
- Start -> the first cue heard, from a cold cache, no speech worker and the audio stream
  closed (benchmarks/cue_timing.py --modes cold, <= 300 ms)
- after a routine (the walk break, started from outside as a reminder's Start does, on a
  private PulseAudio null sink) with the window then closed to the tray, --after s later:
  the process tree against the bare tray app (<= 1.4x), and against the bare app that
  has shown a window and played a sound (bare_tray.py --window-and-sound), closed at the
  same moment

    xvfb-run is not needed: python benchmarks/tray_weight.py [--settle 60] [--seconds 60]
        [--after 300]   (--after 0 skips the after-a-routine row, which takes 7 minutes)
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from audio_rig import PulseNullSink  # noqa: E402
from cue_timing import measure  # noqa: E402
from desktop import Desktop  # noqa: E402
from idle_cpu import tree, usage  # noqa: E402
from startup import alternate  # noqa: E402

BARE = [sys.executable, str(HERE / "bare_tray.py")]
APP = [sys.executable, "-m", "stretchtimer", "--tray", "--report-tray"]


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def fresh_env(desk: Desktop) -> dict[str, str]:
    home = tempfile.mkdtemp(prefix="st-tray-")
    return dict(desk.env, STRETCHTIMER_HOME=home, XDG_RUNTIME_DIR=home)


def until_tray(proc: subprocess.Popen, timeout: float = 30, word: str = "TRAY") -> float:
    """The monotonic instant the process says its tray icon is up (TRAY), or that its
    menu works (MENU: stretchtimer's icon comes first, the rest of the app after it)."""
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith(word + " "):
            return float(line.split()[1])
        if not line and proc.poll() is not None:
            break
    raise SystemExit(f"no {word} from {proc.args}")


def launch_to_tray(cmd: list[str], desk: Desktop) -> tuple[float, float]:
    """Launch -> the icon up, and -> its menu working (the same for the bare app)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=fresh_env(desk), stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        icon = until_tray(proc) - start
        return icon, (until_tray(proc, word="MENU") - start if cmd is APP else icon)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def waiting(cmd: list[str], desk: Desktop, settle: float, seconds: float) -> dict[str, float]:
    """Memory and process count `settle` s after launch, then CPU and wake-ups."""
    proc = subprocess.Popen(cmd, env=fresh_env(desk), stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        until_tray(proc)
        time.sleep(settle)
        pids = tree(proc.pid)
        found = {"rss": rss_mb(pids), "processes": len(pids)}
        cpu0, sw0 = usage(proc.pid)
        time.sleep(seconds)
        cpu1, sw1 = usage(proc.pid)
        woke = sum(sw1[k] - sw0[k] for k in sw0.keys() & sw1.keys())
        found.update(cpu=100 * (cpu1 - cpu0) / seconds, wakeups=woke / seconds)
        return found
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def recorded(journal: Path) -> bool:
    lines = journal.read_text().splitlines() if journal.exists() else []
    return any(json.loads(line).get("type") == "session" for line in lines if line.strip())


def after_routine(desk: Desktop, after: float) -> dict[str, float]:
    """The app and the bare app side by side: a routine in one, a window and a sound in
    the other; both windows closed when the routine has been recorded; memory `after` s
    later."""
    with PulseNullSink(Path(tempfile.mkdtemp(prefix="st-pulse-"))) as pulse:
        env = dict(fresh_env(desk), XDG_RUNTIME_DIR=str(pulse.runtime),
                   PULSE_SERVER=pulse.env["PULSE_SERVER"])
        journal = Path(env["STRETCHTIMER_HOME"]) / "data" / "history.jsonl"
        procs = {name: subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True)
                 for name, cmd in (("bare", BARE + ["--window-and-sound"]), ("app", APP))}
        try:
            for proc in procs.values():
                until_tray(proc)
            subprocess.run(APP[:3] + ["--start", "walk-break"], env=env, timeout=30,
                           stderr=subprocess.DEVNULL, check=True)
            deadline = time.monotonic() + 300
            while not recorded(journal):
                if time.monotonic() > deadline:
                    raise SystemExit("the walk break was not recorded within 5 minutes")
                time.sleep(1)
            time.sleep(10)  # the closing line and the check-in
            for name, proc in procs.items():
                if desk.close_windows_of(proc.pid) != 1:
                    raise SystemExit(f"no window of the {name} app to close")
            time.sleep(after)
            found = {name: rss_mb(tree(proc.pid)) for name, proc in procs.items()}
            found["processes"] = len(tree(procs["app"].pid))
            return found
        finally:
            for proc in procs.values():
                proc.terminate()
                proc.wait(timeout=20)


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--settle", type=float, default=60)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--after", type=float, default=300)
    args = parser.parse_args()
    import compileall

    import stretchtimer

    # as pip byte-compiles an installed wheel (see benchmarks/startup.py)
    compileall.compile_dir(Path(stretchtimer.__file__).parent, quiet=1)
    desk = Desktop()
    try:
        for cmd in (BARE, APP):  # warm the file cache
            launch_to_tray(cmd, desk)
        tray_s: dict[str, list[float]] = {"bare": [], "app": []}
        menu_s: list[float] = []
        for _ in range(args.rounds):
            tray_s["bare"].append(launch_to_tray(BARE, desk)[0])
            icon, menu = launch_to_tray(APP, desk)
            tray_s["app"].append(icon)
            menu_s.append(menu)
        bare_wait = waiting(BARE, desk, args.settle, args.seconds)
        app_wait = waiting(APP, desk, args.settle, args.seconds)
        paint_env = fresh_env(desk)
        paint, _ = alternate({"bare": [sys.executable, str(HERE / "bare_window.py")],
                              "app": [sys.executable, "-m", "stretchtimer",
                                      "--quit-after-first-paint"]}, paint_env, args.rounds)
        later = after_routine(desk, args.after) if args.after else None
        with tempfile.TemporaryDirectory(prefix="st-cues-") as tmp, \
                PulseNullSink(Path(tmp)) as rig:  # Start -> first cue, from cold
            cold = measure(rig, "cold", Path(tmp), dict(
                rig.env, QT_QPA_PLATFORM="offscreen", STRETCHTIMER_HOME=f"{tmp}/home"))
    finally:
        desk.close()
    rows = []
    b, a = (statistics.median(tray_s[k]) for k in ("bare", "app"))
    rows.append(("launch -> tray icon", f"{a * 1000:.0f} ms vs {b * 1000:.0f} ms", a / b, 1.2))
    menu = statistics.median(menu_s)
    rows.append(("memory waiting in the tray",
                 f"{app_wait['rss']:.1f} MB vs {bare_wait['rss']:.1f} MB",
                 app_wait["rss"] / bare_wait["rss"], 1.15))
    pb, pa = statistics.median(paint["bare"]), statistics.median(paint["app"])
    rows.append(("launch -> window painted", f"{pa * 1000:.0f} ms vs {pb * 1000:.0f} ms",
                 pa / pb, 1.3))
    print(f"Xvfb + trayer, {args.rounds} launches each, memory {args.settle:.0f} s after "
          f"launch, CPU over the {args.seconds:.0f} s after that")
    for name, numbers, ratio, goal in rows:
        print(f"{name:28} {numbers:24} {ratio:5.2f}x  (goal <= {goal}x) {verdict(ratio <= goal)}")
    print(f"{'launch -> tray menu works':28} {menu * 1000:.0f} ms vs {b * 1000:.0f} ms"
          f"{'':8}{menu / b:5.2f}x  (no goal: reminders and the menu come after the icon)")
    print(f"{'processes in the tray':28} {app_wait['processes']:.0f} vs "
          f"{bare_wait['processes']:.0f}{'':20}(goal 1) {verdict(app_wait['processes'] == 1)}")
    print(f"{'idle CPU, % of a core':28} {app_wait['cpu']:.3f} vs {bare_wait['cpu']:.3f}"
          f"{'':14}(goal <= 0.02) {verdict(app_wait['cpu'] <= 0.02)}")
    print(f"{'wake-ups a second':28} {app_wait['wakeups']:.2f} vs {bare_wait['wakeups']:.2f}"
          f"{'':16}(goal <= 0.1) {verdict(app_wait['wakeups'] <= 0.1)}")
    first = cold["first_ms"]
    print(f"{'first cue, cold':28} {first:.0f} ms after Start{'':15}(goal <= 300 ms) "
          f"{verdict(first is not None and first <= 300)}")
    if later is not None:
        ratio = later["app"] / bare_wait["rss"]
        print(f"{'memory after a routine':28} {later['app']:.1f} MB vs {bare_wait['rss']:.1f} MB"
              f"{'':7}{ratio:5.2f}x  (goal <= 1.4x) {verdict(ratio <= 1.4)}")
        print(f"{'  vs a bare app after a window and a sound':44} {later['bare']:.1f} MB "
              f"{later['app'] / later['bare']:5.2f}x; {later['processes']:.0f} process(es), "
              f"{args.after:.0f} s after closing")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
