"""A minimal libX11 connection through ctypes, for what Qt does not expose: how long the
user has been idle (XScreenSaver) and which window is in front and whether it is full
screen (EWMH properties). No extra Python dependency; Debian's libx11-6 and libxss1."""

from __future__ import annotations

import ctypes
import ctypes.util
import os

_ulong, _long, _int = ctypes.c_ulong, ctypes.c_long, ctypes.c_int


class XDisplay:
    """One connection to the X server named by $DISPLAY."""

    def __init__(self) -> None:
        path = ctypes.util.find_library("X11")
        if not (path and os.environ.get("DISPLAY")):
            raise OSError("needs DISPLAY and libX11")
        x = self.lib = ctypes.CDLL(path)
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = _ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XInternAtom.restype = _ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, _int]
        x.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, _ulong, _ulong, _long, _long, _int, _ulong,
            ctypes.POINTER(_ulong), ctypes.POINTER(_int), ctypes.POINTER(_ulong),
            ctypes.POINTER(_ulong), ctypes.POINTER(ctypes.c_void_p)]
        x.XFree.argtypes = [ctypes.c_void_p]
        self.display = x.XOpenDisplay(None)
        if not self.display:
            raise OSError("cannot open the X display")
        self.root = x.XDefaultRootWindow(self.display)
        self._atoms: dict[str, int] = {}

    def atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = self.lib.XInternAtom(self.display, name.encode(), 0)
        return self._atoms[name]

    def property32(self, window: int, name: str) -> list[int]:
        """A window's 32-bit property (atoms, windows, cardinals) as numbers; [] if unset.
        Xlib returns format-32 items as C longs."""
        kind, fmt, count, after = _ulong(), _int(), _ulong(), _ulong()
        data = ctypes.c_void_p()
        status = self.lib.XGetWindowProperty(
            self.display, window, self.atom(name), 0, 1024, 0, 0,  # AnyPropertyType
            ctypes.byref(kind), ctypes.byref(fmt), ctypes.byref(count), ctypes.byref(after),
            ctypes.byref(data))
        if status != 0 or not data.value:
            return []
        try:
            if fmt.value != 32:
                return []
            return list(ctypes.cast(data, ctypes.POINTER(_ulong))[:count.value])
        finally:
            self.lib.XFree(data)
