"""How long the user has not touched the keyboard or mouse, where the system can say:
X11 through the XScreenSaver extension, Windows through GetLastInputInfo. Elsewhere
(Wayland without a portal for it, macOS for now) the probe says it cannot tell, and the
reminders rely on sleep detection alone."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys


class _XScreenSaverInfo(ctypes.Structure):
    _fields_ = [("window", ctypes.c_ulong), ("state", ctypes.c_int), ("kind", ctypes.c_int),
                ("til_or_since", ctypes.c_ulong), ("idle", ctypes.c_ulong),
                ("eventMask", ctypes.c_ulong)]


class X11Idle:
    name = "X11 screen saver extension"

    def __init__(self) -> None:
        xlib = ctypes.util.find_library("X11")
        xss = ctypes.util.find_library("Xss")
        if not (xlib and xss and os.environ.get("DISPLAY")):
            raise OSError("needs DISPLAY, libX11 and libXss (Debian: libxss1)")
        self._x = ctypes.CDLL(xlib)
        self._xss = ctypes.CDLL(xss)
        self._x.XOpenDisplay.restype = ctypes.c_void_p
        self._x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._x.XDefaultRootWindow.restype = ctypes.c_ulong
        self._x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self._xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(_XScreenSaverInfo)
        self._xss.XScreenSaverQueryInfo.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                                    ctypes.POINTER(_XScreenSaverInfo)]
        self._display = self._x.XOpenDisplay(None)
        if not self._display:
            raise OSError("cannot open the X display")
        self._info = self._xss.XScreenSaverAllocInfo()
        if self.seconds() is None:
            raise OSError("the X server has no screen saver extension")

    def seconds(self) -> float | None:
        root = self._x.XDefaultRootWindow(self._display)
        if not self._xss.XScreenSaverQueryInfo(self._display, root, self._info):
            return None
        return self._info.contents.idle / 1000.0


class WindowsIdle:
    name = "Windows GetLastInputInfo"

    class _LastInput(ctypes.Structure):
        _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]

    def seconds(self) -> float | None:
        info = self._LastInput(ctypes.sizeof(self._LastInput), 0)
        if not ctypes.windll.user32.GetLastInputInfo(ctypes.byref(info)):
            return None
        now = ctypes.windll.kernel32.GetTickCount() & 0xFFFFFFFF
        return ((now - info.dwTime) & 0xFFFFFFFF) / 1000.0


class NoIdle:
    name = None  # this system cannot tell

    def seconds(self) -> float | None:
        return None


def idle_probe():
    """The best idle source this system has (NoIdle when it has none)."""
    try:
        if sys.platform == "win32":
            return WindowsIdle()
        if sys.platform.startswith("linux") and os.environ.get("DISPLAY") and \
                not os.environ.get("WAYLAND_DISPLAY"):
            return X11Idle()
    except (OSError, AttributeError):
        pass
    return NoIdle()
