"""A simulated workweek on a fake clock, driving the real app: the window, the reminder
driver, the popup, the speech service with its worker process, routines started from
the popup and run to the end, check-ins, and the history written to disk. Measures the
process's memory (RSS) after the first simulated hour and at the end (goal: at most 5 MB
growth), and what is left over once the app is closed: running Qt timers, Python
threads, child processes (goal: none).

    QT_QPA_PLATFORM=offscreen python benchmarks/soak.py [--weeks 1]
"""

from __future__ import annotations

import argparse
import gc
import os
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

from idle_cpu import tree  # the process tree from /proc, as the idle benchmark reads it

STEP_S = 30.0  # the reminder driver's coarse check


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def children() -> list[str]:
    """Command lines of this process's descendants, but Python's multiprocessing resource
    tracker (it belongs to the interpreter and ends with it)."""
    found = []
    for pid in tree(os.getpid())[1:]:
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            if not cmd.strip():  # a zombie has no command line: name it by its comm
                stat = Path(f"/proc/{pid}/stat").read_text()
                cmd = f"({stat[stat.index('(') + 1:stat.rindex(')')]}) state " \
                      f"{stat[stat.rindex(')') + 2]}"
        except OSError:
            continue
        if "resource_tracker" not in cmd:
            found.append(cmd.strip()[:100])
    return found


def active_timers(app, controller) -> int:
    from PySide6.QtCore import QTimer

    timers = set(app.findChildren(QTimer)) | set(controller.findChildren(QTimer)) | \
        set(controller.window.findChildren(QTimer))
    return sum(t.isActive() for t in timers)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--weeks", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from stretchtimer.app import _after_paint, build_app
    from stretchtimer.core.clock import FakeClock
    from stretchtimer.storage.paths import Paths

    app = QApplication([])
    home = Path(tempfile.mkdtemp(prefix="st-soak-"))
    paths = Paths.under(home)
    monday_8 = datetime(2026, 11, 16, 8, 0).timestamp()
    clock = FakeClock(wall=monday_8)
    controller = build_app(paths, clock)
    window = controller.window
    window.show()
    _after_paint(controller, paths)
    while controller.reminders is None:  # the rest comes on the next turns of the loop
        app.processEvents()
    timers_before = active_timers(app, controller)
    reminders, popup = controller.reminders, controller.popup
    offered = started = 0
    rss_first_hour = None
    t0 = time.monotonic()
    end = monday_8 + args.weeks * 7 * 24 * 3600
    while clock.wall() < end:
        clock.advance(STEP_S)
        reminders.check()
        app.processEvents()
        if rss_first_hour is None and clock.wall() >= monday_8 + 2.5 * 3600:
            gc.collect()
            rss_first_hour = rss_mb()  # 10:30: the first hour of work and its routine
        if popup.isVisible():
            offered += 1
            popup.start.click()  # the user takes the break
            started += 1
            machine = controller.driver.machine
            while machine.state.value in ("running", "paused"):
                clock.advance(5.0)
                controller.driver.catch_up()
                controller.timer.refresh()
                app.processEvents()
            if controller._checkin is not None and controller.checkin.isVisible():
                controller.checkin.buttons["good"].click()
            window.show_picker()
    gc.collect()
    app.processEvents()
    rss_end = rss_mb()
    timers_running = active_timers(app, controller)
    workers = children()
    sessions = sum(1 for line in paths.journal.read_text().splitlines()
                   if '"type":"session"' in line.replace(" ", ""))
    window.close()
    app.quit()
    controller.shutdown()  # what aboutToQuit runs
    app.processEvents()
    time.sleep(0.5)
    left_children = children()
    left_threads = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    growth = rss_end - rss_first_hour
    print(f"simulated {args.weeks} week(s) in {time.monotonic() - t0:.1f} s: "
          f"{offered} reminders offered, {started} routines run, {sessions} sessions "
          f"written")
    print(f"RSS after the first hours {rss_first_hour:.1f} MB, at the end {rss_end:.1f} MB: "
          f"growth {growth:+.1f} MB (goal: at most +5 MB)")
    print(f"while running: {timers_running} Qt timers active (at start {timers_before}), "
          f"{len(workers)} child process(es) (the speech worker)")
    print(f"after closing: {len(left_children)} child processes {left_children}, "
          f"threads {left_threads}")
    ok = growth <= 5.0 and not left_children and not left_threads and sessions == started \
        and timers_running <= timers_before  # none more than at start (a leak would grow)
    print("OK" if ok else "GOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
