"""Whether a full-screen app (a presentation, a video call) is in front, so a reminder
can wait for it to end. X11 through the EWMH properties of the active window, Windows
through SHQueryUserNotificationState. Elsewhere (macOS, Wayland) the probe says it
cannot tell and reminders are never deferred."""

from __future__ import annotations

import ctypes
import os
import sys


class X11Fullscreen:
    name = "the active window's full-screen state (X11)"

    def __init__(self, own_windows=lambda: ()) -> None:
        from stretchtimer.platform.x11 import XDisplay

        self._x = XDisplay()
        self._own = own_windows  # our own window in full screen (F11) is not "busy"

    def active(self) -> bool:
        x = self._x
        window = (x.property32(x.root, "_NET_ACTIVE_WINDOW") or [0])[0]
        if not window or window in self._own():
            return False
        return x.atom("_NET_WM_STATE_FULLSCREEN") in x.property32(window, "_NET_WM_STATE")


class WindowsFullscreen:
    name = "Windows presentation and full-screen state"
    BUSY = {2, 3, 4}  # QUNS_BUSY, QUNS_RUNNING_D3D_FULL_SCREEN, QUNS_PRESENTATION_MODE

    def __init__(self, own_windows=lambda: ()) -> None:
        self._own = own_windows
        self._user32 = ctypes.windll.user32  # type: ignore[attr-defined]  # Windows only
        self._user32.GetForegroundWindow.restype = ctypes.c_void_p

    def active(self) -> bool:
        front = self._user32.GetForegroundWindow()
        if front and front in self._own():
            return False  # our own window in full screen (F11) is no reason to wait
        state = ctypes.c_int(0)
        shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]  # Windows only
        if shell32.SHQueryUserNotificationState(ctypes.byref(state)) != 0:
            return False
        return state.value in self.BUSY


class NoFullscreen:
    name = None  # this system cannot tell

    def active(self) -> bool:
        return False


def fullscreen_probe(own_windows=lambda: ()):
    """The best full-screen source this system has (NoFullscreen when it has none)."""
    try:
        if sys.platform == "win32":
            return WindowsFullscreen(own_windows)
        if sys.platform.startswith("linux") and os.environ.get("DISPLAY") and \
                not os.environ.get("WAYLAND_DISPLAY"):
            return X11Fullscreen(own_windows)
    except (OSError, AttributeError):
        pass
    return NoFullscreen()
