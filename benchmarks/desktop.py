"""A real xcb desktop for a run: Xvfb on a display it picks itself, with trayer as the tray
host. Used by benchmarks/tray_weight.py and tests/e2e/test_exit.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import time


class Desktop:
    def __init__(self) -> None:
        for tool in ("Xvfb", "trayer"):
            if not shutil.which(tool):
                raise RuntimeError(f"{tool} is needed (bash packaging/bootstrap.sh test "
                                   "installs it)")
        read, write = os.pipe()
        self.server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0",
                                        "1280x800x24", "-nolisten", "tcp"],
                                       stderr=subprocess.DEVNULL, pass_fds=(write,))
        os.close(write)
        with os.fdopen(read) as numbers:
            self.display = f":{numbers.readline().strip()}"
        # for a Qt app on it: this display, the real xcb platform, no Wayland
        self.env = dict(os.environ, DISPLAY=self.display)
        self.env.pop("QT_QPA_PLATFORM", None)
        self.env.pop("WAYLAND_DISPLAY", None)
        self.tray = subprocess.Popen(["trayer", "--edge", "top"], env=self.env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)  # the tray host takes the selection

    def close(self) -> None:
        for process in (self.tray, self.server):
            if process.poll() is None:
                process.terminate()
            process.wait(timeout=10)
