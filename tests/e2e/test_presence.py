"""Is the user there? Idle time and the lock screen from a real X server and from a
desktop's D-Bus services (each started by the test), full-screen detection from a real
X server, and the fallbacks that say they cannot tell."""

import ctypes
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stretchtimer.platform.fullscreen import NoFullscreen, X11Fullscreen, fullscreen_probe
from stretchtimer.platform.idle import DBusIdle, NoIdle, X11Idle, idle_probe
from stretchtimer.platform.x11 import XDisplay


@pytest.fixture
def no_session_bus(monkeypatch):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)


@pytest.fixture
def xvfb(monkeypatch, no_session_bus):
    assert shutil.which("Xvfb"), "Xvfb is installed by the README's test command"
    read, write = os.pipe()  # Xvfb picks a free display and writes its number here
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "640x480x24",
                               "-nolisten", "tcp"], stderr=subprocess.DEVNULL, pass_fds=(write,))
    os.close(write)
    with os.fdopen(read) as numbers:
        display = f":{numbers.readline().strip()}"
    monkeypatch.setenv("DISPLAY", display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
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
    assert probe.locked() is False  # Xvfb's screen saver is not running
    seconds, locked = probe.sample()  # both from one question to the X server
    assert second <= seconds < second + 5 and locked is False


def test_without_a_display_or_a_bus_the_probes_say_they_cannot_tell(monkeypatch,
                                                                    no_session_bus):
    monkeypatch.delenv("DISPLAY", raising=False)
    probe = idle_probe()
    assert isinstance(probe, NoIdle) and probe.seconds() is None and probe.name is None
    assert not probe.locked()
    full = fullscreen_probe()
    assert isinstance(full, NoFullscreen) and full.name is None and not full.active()


# --- full screen ---

def _make_window(x: XDisplay) -> int:
    x.lib.XCreateSimpleWindow.restype = ctypes.c_ulong
    x.lib.XCreateSimpleWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong] + \
        [ctypes.c_int] * 2 + [ctypes.c_uint] * 3 + [ctypes.c_ulong] * 2
    x.lib.XFlush.argtypes = [ctypes.c_void_p]
    window = x.lib.XCreateSimpleWindow(x.display, x.root, 0, 0, 100, 100, 0, 0, 0)
    x.lib.XFlush(x.display)
    return window


def _set_atoms(x: XDisplay, window: int, name: str, values: list[str]) -> None:
    """What a window manager does: set an ATOM or WINDOW list property on a window."""
    x.lib.XChangeProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong,
                                      ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                      ctypes.c_void_p, ctypes.c_int]
    kind = 33 if name == "_NET_ACTIVE_WINDOW" else 4  # XA_WINDOW, XA_ATOM
    items = (ctypes.c_ulong * len(values))(*[v if isinstance(v, int) else x.atom(v)
                                             for v in values])
    x.lib.XChangeProperty(x.display, window, x.atom(name), kind, 32, 0, items, len(values))
    x.lib.XFlush(x.display)


def test_x11_full_screen_is_the_active_windows_state(xvfb):
    own = []
    probe = fullscreen_probe(own_windows=lambda: own)
    assert isinstance(probe, X11Fullscreen)
    assert probe.active() is False  # no window manager, no active window
    maker = XDisplay()
    window = _make_window(maker)
    _set_atoms(maker, maker.root, "_NET_ACTIVE_WINDOW", [window])
    assert probe.active() is False  # in front, but not full screen
    _set_atoms(maker, window, "_NET_WM_STATE", ["_NET_WM_STATE_ABOVE", "_NET_WM_STATE_FULLSCREEN"])
    assert probe.active() is True
    own.append(window)
    assert probe.active() is False  # our own window in full screen is not someone else's talk
    own.clear()
    _set_atoms(maker, window, "_NET_WM_STATE", ["_NET_WM_STATE_ABOVE"])
    assert probe.active() is False


# --- GNOME and KDE over D-Bus ---

@pytest.fixture
def private_bus(qapp, tmp_path):
    assert shutil.which("dbus-daemon"), "dbus is installed by the README's test command"
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    address = daemon.stdout.readline().strip()
    procs = [daemon]

    def desktop(kind: str, idle_ms: int, locked: bool) -> Path:
        state = tmp_path / f"{kind}.state"
        state.write_text(f"{idle_ms} {int(locked)}")
        fake = subprocess.Popen([sys.executable, str(Path(__file__).parents[1].joinpath(
            "fake_desktop_bus.py")), kind, str(state)], stdout=subprocess.PIPE, text=True,
            env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": address, "QT_QPA_PLATFORM": "offscreen"})
        procs.append(fake)
        assert fake.stdout.readline().strip() == "ready"
        return state

    from PySide6.QtDBus import QDBusConnection

    name = f"test-{len(os.listdir(tmp_path))}-{id(tmp_path)}"
    bus = QDBusConnection.connectToBus(address, name)
    yield bus, desktop
    QDBusConnection.disconnectFromBus(name)
    for p in reversed(procs):
        p.terminate()
        p.wait(timeout=10)
        p.stdout.close()


def test_gnome_idle_and_lock_over_dbus(private_bus):
    bus, desktop = private_bus
    state = desktop("gnome", 42_000, False)
    probe = idle_probe(bus)
    assert isinstance(probe, DBusIdle) and "Mutter" in probe.name
    assert probe.seconds() == 42.0 and probe.locked() is False
    state.write_text("1500 1")
    assert probe.seconds() == 1.5 and probe.locked() is True


def test_kde_idle_and_lock_over_dbus(private_bus):
    bus, desktop = private_bus
    state = desktop("kde", 9_000, True)
    probe = idle_probe(bus)
    assert isinstance(probe, DBusIdle) and "freedesktop" in probe.name
    assert probe.seconds() == 9.0 and probe.locked() is True
    state.write_text("0 0")
    assert probe.seconds() == 0.0 and probe.locked() is False


def test_a_bus_without_an_idle_monitor_falls_back(private_bus, monkeypatch):
    bus, _desktop = private_bus
    monkeypatch.delenv("DISPLAY", raising=False)
    assert isinstance(idle_probe(bus), NoIdle)
