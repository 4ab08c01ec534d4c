"""Idle time from a real X server (Xvfb, which the test starts), and the fallback."""

import os
import shutil
import subprocess
import time

import pytest

from stretchtimer.platform.idle import NoIdle, X11Idle, idle_probe


@pytest.fixture
def xvfb(monkeypatch):
    assert shutil.which("Xvfb"), "Xvfb is installed by the README's test command"
    display = f":{90 + os.getpid() % 9}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "640x480x24", "-nolisten", "tcp"],
                              stderr=subprocess.DEVNULL)
    monkeypatch.setenv("DISPLAY", display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    time.sleep(0.8)
    yield display
    server.terminate()
    server.wait(timeout=10)


def test_x11_idle_time_grows_while_nobody_touches_anything(xvfb):
    probe = idle_probe()
    assert isinstance(probe, X11Idle)
    first = probe.seconds()
    time.sleep(1.2)  # the X server's own input clock: nothing here can fake it
    second = probe.seconds()
    assert first is not None and second - first >= 1.0


def test_without_a_display_the_probe_says_it_cannot_tell(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    probe = idle_probe()
    assert isinstance(probe, NoIdle) and probe.seconds() is None and probe.name is None
