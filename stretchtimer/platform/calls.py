"""Whether the user is on a call (another app records from a microphone or uses the
camera) or shares the screen, so a reminder waits and nothing is said into the meeting.
stretchtimer's own streams never count.

Linux: recording streams on a real (not a monitor) source, from PulseAudio or PipeWire's
pulse server (pulsectl), and /dev/video* held open by another process. Windows: the
microphone and webcam consent store (CapabilityAccessManager: an app whose
LastUsedTimeStop is 0 uses it now). macOS: CoreAudio's "running somewhere" on the default
input. The Windows and macOS probes are written to their APIs and were not run here."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path
from typing import Any

from stretchtimer.logs import log as app_log

log = app_log.getChild("calls")
INVALID = 0xFFFFFFFF  # PA_INVALID_INDEX: a source that monitors no sink is a real input
CONNECT_TIMEOUT_S = 0.5  # asked on Qt's thread: a sound server that hangs is no call


class PulseMicrophone:
    name = "a microphone recording (PulseAudio)"
    reason = "call"

    def __init__(self) -> None:
        """OSError when there is no pulsectl or no sound server to ask. pulsectl (and
        libpulse) load at the first question: the tray waits without them."""
        from importlib.util import find_spec

        if find_spec("pulsectl") is None:
            raise OSError("pulsectl is not installed")
        server = os.environ.get("PULSE_SERVER") or os.path.join(
            os.environ.get("XDG_RUNTIME_DIR", "/nonexistent"), "pulse", "native")
        if server.startswith("unix:"):
            server = server[5:]
        if "/" in server and not os.path.exists(server):
            raise OSError(f"no sound server at {server}")
        self._pulsectl: Any = None

    def _connect(self):
        if self._pulsectl is None:
            import pulsectl  # Linux only (a dependency there)

            self._pulsectl = pulsectl
        pulse = self._pulsectl.Pulse("stretchtimer-calls", connect=False)
        try:
            pulse.connect(timeout=CONNECT_TIMEOUT_S)  # a server that never answers: no hang
        except BaseException:
            pulse.close()
            raise
        # (a connection of its own each time: libpulse aborts the whole process when a
        # kept one is used after its server went away, a restart or a logout's end)
        return pulse

    def active(self) -> bool:
        try:
            with self._connect() as pulse:
                return self._recording(pulse)
        except Exception as exc:  # noqa: BLE001 - no server now (restarting), no library
            log.debug("no answer from the sound server: %s: %s", type(exc).__name__, exc)
            return False

    @staticmethod
    def _recording(pulse) -> bool:
        inputs = {s.index for s in pulse.source_list() if s.monitor_of_sink == INVALID}
        for stream in pulse.source_output_list():
            if stream.source not in inputs or stream.corked:
                continue  # a level meter on a monitor, or a paused recording
            if getattr(stream, "resample_method", "") == "peaks":
                continue  # a level meter on the microphone (pavucontrol, plasma-pa)
            if str(stream.proplist.get("application.process.id", "")) == str(os.getpid()):
                continue  # our own
            return True
        return False


class CameraInUse:
    """A video device held open by another process (any webcam app: the browser, Zoom)."""

    name = "a camera in use"
    reason = "call"

    def __init__(self, devices: str = "/dev/video*", proc: Path = Path("/proc")) -> None:
        self._pattern, self._proc = devices, proc

    def active(self) -> bool:
        devices = {str(p) for p in Path(self._pattern).parent.glob(Path(self._pattern).name)}
        if not devices:
            return False
        me = str(os.getpid())
        for fds in self._proc.glob("[0-9]*/fd"):
            if fds.parent.name == me:
                continue
            try:
                links = list(fds.iterdir())
            except OSError:  # not ours to look at, or gone
                continue
            for link in links:
                try:
                    if os.readlink(link) in devices:
                        return True
                except OSError:
                    continue
        return False


class WindowsConsentStore:
    """Windows 10+: an app using the microphone or webcam has LastUsedTimeStop 0 under
    HKCU\\...\\CapabilityAccessManager\\ConsentStore\\{microphone,webcam}."""

    name = "the microphone or camera in use (Windows)"
    reason = "call"
    ROOT = r"Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore"

    def __init__(self, registry=None) -> None:
        """`registry`: winreg (or a stand-in with its functions, for tests elsewhere)."""
        if registry is None:
            import winreg as registry  # noqa: PLC0415 - Windows only
        self._winreg = registry
        registry.OpenKey(registry.HKEY_CURRENT_USER, self.ROOT).Close()  # OSError if absent

    def active(self) -> bool:
        winreg = self._winreg
        own = sys.executable.replace("\\", "#").lower()  # how the store names a program
        for device in ("microphone", "webcam"):
            for path in (rf"{self.ROOT}\{device}", rf"{self.ROOT}\{device}\NonPackaged"):
                try:
                    key = winreg.OpenKey(winreg.HKEY_CURRENT_USER, path)
                except OSError:
                    continue
                with key:
                    for i in range(winreg.QueryInfoKey(key)[0]):
                        app = winreg.EnumKey(key, i)
                        if app == "NonPackaged" or app.lower() == own:
                            continue
                        try:
                            with winreg.OpenKey(key, app) as sub:
                                stop, _ = winreg.QueryValueEx(sub, "LastUsedTimeStop")
                        except OSError:
                            continue
                        if stop == 0:
                            return True
        return False


class MacMicrophone:
    """macOS: kAudioDevicePropertyDeviceIsRunningSomewhere on the default input device."""

    name = "the microphone in use (macOS)"
    reason = "call"

    def __init__(self) -> None:
        import ctypes.util

        path = ctypes.util.find_library("CoreAudio")
        if not path:
            raise OSError("no CoreAudio")
        self._ca = ctypes.CDLL(path)

    def active(self) -> bool:
        def get(obj: int, selector: str) -> int:
            address = _Address(_fourcc(selector), _fourcc("glob"), 0)
            value, size = ctypes.c_uint32(0), ctypes.c_uint32(4)
            status = self._ca.AudioObjectGetPropertyData(
                obj, ctypes.byref(address), 0, None, ctypes.byref(size), ctypes.byref(value))
            if status != 0:
                raise OSError(f"CoreAudio status {status}")
            return value.value

        try:
            device = get(1, "dIn ")  # kAudioObjectSystemObject, the default input device
            return bool(device) and bool(get(device, "gone"))  # ...IsRunningSomewhere
        except OSError:
            return False


class PipeWireScreencast:
    """A screen being shared on Wayland: a screen-cast stream that the compositor (GNOME's
    mutter, KDE's kwin, wlroots' xdg-desktop-portal-wlr) gives PipeWire, running. Asked
    with pw-dump (PipeWire's own tool: its C library has no Python binding we could keep)."""

    name = "a shared screen (PipeWire)"
    reason = "screen_share"
    MARKERS = ("screencast", "screen-cast", "screen_cast", "xdpw", "xdg-desktop-portal",
               "kwin", "gnome-shell", "mutter")
    TIMEOUT_S = 1.0  # asked on Qt's thread (rarely: only when a reminder is due)

    def __init__(self) -> None:
        import shutil

        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
        if shutil.which("pw-dump") is None:
            raise OSError("pw-dump is not installed")
        if not os.path.exists(os.path.join(runtime, os.environ.get("PIPEWIRE_REMOTE",
                                                                   "pipewire-0"))):
            raise OSError("no PipeWire here")

    def active(self) -> bool:
        import json
        import subprocess

        try:
            done = subprocess.run(["pw-dump"], capture_output=True, timeout=self.TIMEOUT_S,
                                  check=False)
            objects = json.loads(done.stdout or b"[]")
        except (OSError, subprocess.TimeoutExpired, ValueError):
            return False
        return any(_is_screencast(o, self.MARKERS) for o in objects
                   if isinstance(o, dict))


def _is_screencast(obj: dict, markers: tuple[str, ...]) -> bool:
    info = obj.get("info")
    if obj.get("type") != "PipeWire:Interface:Node" or not isinstance(info, dict):
        return False
    props = info.get("props")
    if not isinstance(props, dict) or info.get("state") != "running":
        return False
    if str(props.get("media.class", "")) not in ("Video/Source", "Stream/Output/Video"):
        return False
    if props.get("device.api") in ("v4l2", "libcamera"):
        return False  # a camera (a call: CameraInUse)
    names = " ".join(str(props.get(k, "")) for k in ("node.name", "media.name",
                                                      "application.name", "node.description"))
    return any(marker in names.lower() for marker in markers)


class _Address(ctypes.Structure):  # CoreAudio's AudioObjectPropertyAddress
    _fields_ = [("selector", ctypes.c_uint32), ("scope", ctypes.c_uint32),
                ("element", ctypes.c_uint32)]


def _fourcc(code: str) -> int:
    return int.from_bytes(code.encode(), "big")


class CallProbe:
    """Every source this system has; `active()` is true when any of them is."""

    def __init__(self, sources: list) -> None:
        self.sources = sources

    @property
    def name(self) -> str | None:
        return ", ".join(s.name for s in self.sources) or None

    def active(self) -> bool:
        return any(self._asked(source) for source in self.sources)

    def reasons(self) -> list[str]:
        """What is on now: "call", "screen_share" (each source asked once)."""
        return sorted({source.reason for source in self.sources if self._asked(source)})

    @staticmethod
    def _asked(source) -> bool:
        try:
            return bool(source.active())
        except Exception as exc:  # noqa: BLE001 - a probe must not end the reminders
            log.warning("%s: %s: %s", source.name, type(exc).__name__, exc)
            return False


def call_probe() -> CallProbe:
    """What can tell a call here (none: a probe that never says so, and names nothing)."""
    sources: list = []
    makers: list = []
    if sys.platform.startswith("linux"):
        makers = [PulseMicrophone, CameraInUse, PipeWireScreencast]
    elif sys.platform == "win32":
        makers = [WindowsConsentStore]
    elif sys.platform == "darwin":
        makers = [MacMicrophone]
    for make in makers:
        try:
            sources.append(make())
        except Exception as exc:  # noqa: BLE001 - no sound server, no library: no source
            log.info("no %s here: %s: %s", getattr(make, "name", make), type(exc).__name__, exc)
    return CallProbe(sources)
