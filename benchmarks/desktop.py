"""A real xcb desktop for a run: Xvfb on a display it picks itself, with trayer as the tray
host. Used by benchmarks/tray_weight.py and tests/e2e/test_exit.py."""

from __future__ import annotations

import ctypes
import ctypes.util
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

    def close_windows_of(self, pid: int) -> int:
        """Ask each shown top-level window of process `pid` to close, as a window
        manager's close button does (a WM_DELETE_WINDOW message); returns how many."""
        return _XClose(self.display).close(pid)


class _XEvent(ctypes.Structure):  # an XClientMessageEvent, padded to sizeof(XEvent)
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong),
                ("send_event", ctypes.c_int), ("display", ctypes.c_void_p),
                ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5),
                ("pad", ctypes.c_long * 12)]


class _XClose:
    CLIENT_MESSAGE, IS_VIEWABLE = 33, 2

    def __init__(self, display: str) -> None:
        x = self.x = ctypes.CDLL(ctypes.util.find_library("X11"))
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong] + [ctypes.c_void_p] * 3 + [
            ctypes.POINTER(ctypes.c_uint)]
        x.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
            ctypes.c_int, ctypes.c_ulong] + [ctypes.c_void_p] * 5
        x.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
        x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long,
                                 ctypes.c_void_p]
        x.XFlush.argtypes = x.XCloseDisplay.argtypes = x.XFree.argtypes = [ctypes.c_void_p]
        self.d = x.XOpenDisplay(display.encode())
        if not self.d:
            raise RuntimeError(f"cannot open {display}")

    def _pid(self, window: int) -> int | None:
        kind, fmt = ctypes.c_ulong(), ctypes.c_int()
        count, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        atom = self.x.XInternAtom(self.d, b"_NET_WM_PID", 0)
        self.x.XGetWindowProperty(self.d, window, atom, 0, 1, 0, 0, ctypes.byref(kind),
                                  ctypes.byref(fmt), ctypes.byref(count), ctypes.byref(after),
                                  ctypes.byref(data))
        if not data.value:
            return None
        try:
            return ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0] if count.value else None
        finally:
            self.x.XFree(data)

    def _viewable(self, window: int) -> bool:
        attributes = (ctypes.c_int * 64)()  # XWindowAttributes; map_state is int 23 (LP64)
        self.x.XGetWindowAttributes(self.d, window, attributes)
        return attributes[23] == self.IS_VIEWABLE

    def close(self, pid: int) -> int:
        x, root = self.x, self.x.XDefaultRootWindow(self.d)
        parent, children = ctypes.c_ulong(), ctypes.POINTER(ctypes.c_ulong)()
        n = ctypes.c_uint()
        x.XQueryTree(self.d, root, ctypes.byref(ctypes.c_ulong()), ctypes.byref(parent),
                     ctypes.byref(children), ctypes.byref(n))
        windows = [children[i] for i in range(n.value)]
        if children:
            x.XFree(children)
        protocols = x.XInternAtom(self.d, b"WM_PROTOCOLS", 0)
        delete = x.XInternAtom(self.d, b"WM_DELETE_WINDOW", 0)
        closed = 0
        for window in windows:
            if self._pid(window) == pid and self._viewable(window):
                event = _XEvent(type=self.CLIENT_MESSAGE, window=window,
                                message_type=protocols, format=32)
                event.data[0], event.data[1] = delete, 0  # CurrentTime
                x.XSendEvent(self.d, window, 0, 0, ctypes.byref(event))
                closed += 1
        x.XFlush(self.d)
        x.XCloseDisplay(self.d)
        return closed
