"""Is the user at the computer? How long nobody has touched the keyboard or mouse, and
whether the screen is locked, from the best source the system has:

- GNOME and KDE (X11 or Wayland) over D-Bus: Mutter's IdleMonitor or the freedesktop
  ScreenSaver service, which also say whether the screen is locked;
- X11 through the XScreenSaver extension (a running screen saver counts as locked);
- Windows through GetLastInputInfo, and the input desktop for the lock screen;
- macOS through CoreGraphics' seconds since the last input event.

Elsewhere the probe says it cannot tell, Settings says so, and the reminders rely on
sleep detection alone."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

DBUS_TIMEOUT_MS = 300  # a desktop service that does not answer at once is ignored


class _XScreenSaverInfo(ctypes.Structure):
    _fields_ = [("window", ctypes.c_ulong), ("state", ctypes.c_int), ("kind", ctypes.c_int),
                ("til_or_since", ctypes.c_ulong), ("idle", ctypes.c_ulong),
                ("eventMask", ctypes.c_ulong)]


class IdleProbe:
    """seconds() since the last input (None: cannot tell) and locked(); sample() gives
    both, in one question to the desktop where the source allows."""

    def seconds(self) -> float | None:
        raise NotImplementedError

    def locked(self) -> bool:
        raise NotImplementedError

    def sample(self) -> tuple[float | None, bool]:
        return self.seconds(), self.locked()


class X11Idle(IdleProbe):
    name = "X11 screen saver extension"
    SCREEN_SAVER_ON = 1

    def __init__(self) -> None:
        from stretchtimer.platform.x11 import XDisplay

        xss = ctypes.util.find_library("Xss")
        if not xss:
            raise OSError("needs libXss (Debian: libxss1)")
        self._x = XDisplay()
        self._xss = ctypes.CDLL(xss)
        self._xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(_XScreenSaverInfo)
        self._xss.XScreenSaverQueryInfo.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                                    ctypes.POINTER(_XScreenSaverInfo)]
        self._info = self._xss.XScreenSaverAllocInfo()
        if not self._query():
            raise OSError("the X server has no screen saver extension")

    def _query(self) -> bool:
        return bool(self._xss.XScreenSaverQueryInfo(self._x.display, self._x.root, self._info))

    def seconds(self) -> float | None:
        return self._info.contents.idle / 1000.0 if self._query() else None

    def locked(self) -> bool:
        return self._query() and self._info.contents.state == self.SCREEN_SAVER_ON

    def sample(self) -> tuple[float | None, bool]:
        if not self._query():  # one round trip to the X server, not two
            return None, False
        info = self._info.contents
        return info.idle / 1000.0, info.state == self.SCREEN_SAVER_ON


class DBusIdle(IdleProbe):
    """GNOME's Mutter IdleMonitor (milliseconds) or KDE's org.freedesktop.ScreenSaver
    (GetSessionIdleTime, milliseconds in KDE's implementation), and the screen saver's
    GetActive for the lock screen."""

    IDLE = (("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core",
             "org.gnome.Mutter.IdleMonitor", "GetIdletime"),
            ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
             "org.freedesktop.ScreenSaver", "GetSessionIdleTime"))
    LOCK = (("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
             "GetActive"),
            ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
             "org.freedesktop.ScreenSaver", "GetActive"))

    def __init__(self, bus=None) -> None:
        from PySide6.QtDBus import QDBusConnection

        if bus is None and not session_bus_exists():
            raise OSError("no D-Bus session bus")  # and no autolaunching one for us
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        if not self._bus.isConnected():
            raise OSError("no D-Bus session bus")
        self._idle = next((m for m in self.IDLE if self._call(m) is not None), None)
        if self._idle is None:
            raise OSError("no idle monitor on the session bus")
        self._lock = next((m for m in self.LOCK if self._call(m) is not None), None)
        self.name = f"{self._idle[0]} (D-Bus)"

    def _call(self, method):
        from PySide6.QtDBus import QDBus, QDBusMessage

        reply = self._bus.call(QDBusMessage.createMethodCall(*method), QDBus.CallMode.Block,
                               DBUS_TIMEOUT_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return None
        return reply.arguments()[0]

    def seconds(self) -> float | None:
        ms = self._call(self._idle)
        return ms / 1000.0 if isinstance(ms, int) else None

    def locked(self) -> bool:
        return self._lock is not None and self._call(self._lock) is True


def session_bus_exists() -> bool:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS")) or bool(
        runtime and os.path.exists(os.path.join(runtime, "bus")))


class WindowsIdle(IdleProbe):
    name = "Windows GetLastInputInfo"
    DESKTOP_SWITCHDESKTOP = 0x0100

    class _LastInput(ctypes.Structure):
        _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]

    def seconds(self) -> float | None:
        info = self._LastInput(ctypes.sizeof(self._LastInput), 0)
        windll = ctypes.windll  # type: ignore[attr-defined]  # Windows only
        if not windll.user32.GetLastInputInfo(ctypes.byref(info)):
            return None
        now = windll.kernel32.GetTickCount() & 0xFFFFFFFF
        return ((now - info.dwTime) & 0xFFFFFFFF) / 1000.0

    def locked(self) -> bool:
        # the lock screen is a different input desktop: ours cannot be switched to
        from ctypes import wintypes

        user32 = ctypes.windll.user32  # type: ignore[attr-defined]  # Windows only
        user32.OpenInputDesktop.restype = wintypes.HANDLE  # 64-bit handles, not C ints
        user32.OpenInputDesktop.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
        user32.SwitchDesktop.argtypes = [wintypes.HANDLE]
        user32.CloseDesktop.argtypes = [wintypes.HANDLE]
        desk = user32.OpenInputDesktop(0, False, self.DESKTOP_SWITCHDESKTOP)
        if not desk:
            return True
        try:
            return not user32.SwitchDesktop(desk)
        finally:
            user32.CloseDesktop(desk)


class MacIdle(IdleProbe):
    name = "macOS input events (CoreGraphics)"
    COMBINED_SESSION, ANY_INPUT = 0, 0xFFFFFFFF

    def __init__(self) -> None:
        path = ctypes.util.find_library("CoreGraphics") or ctypes.util.find_library(
            "ApplicationServices")
        if not path:
            raise OSError("CoreGraphics not found")
        self._cg = ctypes.CDLL(path)
        self._cg.CGEventSourceSecondsSinceLastEventType.restype = ctypes.c_double
        self._cg.CGEventSourceSecondsSinceLastEventType.argtypes = [ctypes.c_int,
                                                                    ctypes.c_uint32]

    def seconds(self) -> float | None:
        return float(self._cg.CGEventSourceSecondsSinceLastEventType(
            self.COMBINED_SESSION, self.ANY_INPUT))

    def locked(self) -> bool:
        return False  # not told; a locked Mac soon goes idle, which is noticed instead


class NoIdle(IdleProbe):
    name = None  # this system cannot tell

    def seconds(self) -> float | None:
        return None

    def locked(self) -> bool:
        return False


def idle_probe(bus=None):
    """The best idle source this system has (NoIdle when it has none). The desktop's own
    D-Bus service comes first: it works on Wayland too, and knows about the lock screen."""
    candidates = {"win32": [WindowsIdle], "darwin": [MacIdle]}.get(sys.platform)
    if candidates is None:
        candidates = [lambda: DBusIdle(bus)]
        if os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            candidates.append(X11Idle)
    for make in candidates:
        try:
            return make()
        except (OSError, AttributeError, ImportError):
            continue
    return NoIdle()
