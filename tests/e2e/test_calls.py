"""A call holds reminders back: a private PulseAudio with a null source (a microphone)
and another process recording from it; a video device held open by another process;
the Windows consent store through a stand-in registry (not run on Windows here)."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from stretchtimer.platform import calls

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from audio_rig import SINK, PulseNullSink  # noqa: E402


@pytest.fixture
def pulse(tmp_path, monkeypatch):
    with PulseNullSink(tmp_path) as rig:
        assert rig._pactl("load-module", "module-null-source", "source_name=mic").returncode == 0
        monkeypatch.setenv("PULSE_SERVER", rig.env["PULSE_SERVER"])
        yield rig


def recording(rig, source):
    proc = subprocess.Popen(["parec", "-d", source, "--raw"], env=rig.env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)  # its stream is up
    return proc


def wait_for(probe, expected, within=5.0):
    end = time.monotonic() + within
    while time.monotonic() < end and probe.active() != expected:
        time.sleep(0.05)
    return probe.active()


def test_an_app_recording_the_microphone_is_a_call_and_a_monitor_is_not(pulse, monkeypatch):
    mic = calls.PulseMicrophone()
    assert mic.active() is False
    meter = recording(pulse, f"{SINK}.monitor")  # a level meter on the speakers
    try:
        assert wait_for(mic, True, within=1.0) is False
        call = recording(pulse, "mic")
        try:
            assert wait_for(mic, True) is True
            monkeypatch.setattr(calls.os, "getpid", lambda: call.pid)  # as if it were ours
            assert mic.active() is False  # our own streams never count
        finally:
            call.terminate()
            call.wait()
        monkeypatch.undo()
        assert wait_for(mic, False) is False  # the call ended
    finally:
        meter.terminate()
        meter.wait()


def test_the_sound_server_restarting_is_no_call_and_no_error(pulse):
    mic = calls.PulseMicrophone()
    call = recording(pulse, "mic")
    try:
        assert wait_for(mic, True) is True
        pulse._server.terminate()
        pulse._server.wait()
        assert mic.active() is False  # gone: no call can be told, nothing raised
        pulse.__enter__()
        pulse._pactl("load-module", "module-null-source", "source_name=mic")
        again = recording(pulse, "mic")
        try:
            assert wait_for(mic, True) is True  # it reconnects by itself
        finally:
            again.terminate()
            again.wait()
    finally:
        call.terminate()
        call.wait()


def test_a_camera_held_open_by_another_process_is_a_call(tmp_path):
    device = tmp_path / "video0"
    device.write_bytes(b"")
    camera = calls.CameraInUse(str(tmp_path / "video*"))
    assert camera.active() is False
    holder = subprocess.Popen([sys.executable, "-c", f"f = open({str(device)!r}); input()"],
                              stdin=subprocess.PIPE, text=True)
    try:
        assert wait_for(camera, True) is True
        with open(device):  # our own handle is no call
            holder.communicate("\n", timeout=10)
            assert camera.active() is False
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


class Registry:
    """winreg's few functions over a dict of key paths, as the consent store looks."""

    HKEY_CURRENT_USER = "HKCU"

    def __init__(self, tree):
        self.tree = tree

    class Key:
        def __init__(self, path, registry):
            self.path, self.registry = path, registry

        def Close(self):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def OpenKey(self, parent, path):
        full = path if parent == self.HKEY_CURRENT_USER else f"{parent.path}\\{path}"
        if full not in self.tree:
            raise FileNotFoundError(full)
        return self.Key(full, self)

    def QueryInfoKey(self, key):
        return (len(self._children(key.path)), 0, 0)

    def EnumKey(self, key, i):
        return self._children(key.path)[i]

    def _children(self, path):
        return sorted({k[len(path) + 1:].split("\\")[0] for k in self.tree
                       if k.startswith(path + "\\")})

    def QueryValueEx(self, key, name):
        values = self.tree[key.path]
        if name not in values:
            raise FileNotFoundError(name)
        return values[name], 4


def test_windows_apps_using_the_microphone_or_webcam_are_a_call():
    root = calls.WindowsConsentStore.ROOT
    tree = {root: {}, f"{root}\\microphone": {},
            f"{root}\\microphone\\Microsoft.SkypeApp": {"LastUsedTimeStop": 133_000_000},
            f"{root}\\microphone\\NonPackaged": {},
            f"{root}\\webcam": {}}
    store = calls.WindowsConsentStore(Registry(tree))
    assert store.active() is False  # Skype used it, and stopped
    tree[f"{root}\\webcam\\NonPackaged"] = {}
    tree[f"{root}\\webcam\\NonPackaged\\C:#Program Files#Zoom#Zoom.exe"] = {
        "LastUsedTimeStop": 0}
    assert store.active() is True  # Zoom has the camera now
    with pytest.raises(OSError):
        calls.WindowsConsentStore(Registry({}))  # no consent store: no source


def test_the_probe_names_its_sources_and_survives_a_broken_one():
    class Broken:
        name = "broken"

        def active(self):
            raise RuntimeError("boom")

    class Yes:
        name = "yes"

        def active(self):
            return True

    assert calls.CallProbe([]).name is None and calls.CallProbe([]).active() is False
    probe = calls.CallProbe([Broken(), Yes()])
    assert probe.name == "broken, yes" and probe.active() is True


def node(name, media_class="Video/Source", state="running", **props):
    return {"id": 40, "type": "PipeWire:Interface:Node",
            "info": {"state": state, "props": {"node.name": name, "media.class": media_class,
                                               **props}}}


@pytest.mark.parametrize("obj, sharing", [
    (node("xdg-desktop-portal-wlr"), True),  # wlroots (sway) sharing a screen
    (node("gnome-shell-screencast", "Stream/Output/Video"), True),
    (node("kwin_wayland", "Stream/Output/Video", **{"media.name": "kwin-screencast"}), True),
    (node("xdpw", state="suspended"), False),  # offered, nobody watching: not shared now
    (node("v4l2_input.pci-0000_00_14.0-usb-0_1_1.0", **{"device.api": "v4l2"}), False),
    (node("alsa_input.pci-0000_00_1f.3.analog-stereo", "Audio/Source"), False),
    ({"type": "PipeWire:Interface:Link", "info": {}}, False),
])
def test_what_pipewire_lists_as_a_shared_screen(obj, sharing):
    assert calls._is_screencast(obj, calls.PipeWireScreencast.MARKERS) is sharing


def test_the_probe_tells_a_call_from_a_shared_screen():
    class Source:
        def __init__(self, name, reason, on):
            self.name, self.reason, self.on = name, reason, on

        def active(self):
            return self.on

    probe = calls.CallProbe([Source("mic", "call", False), Source("screen", "screen_share",
                                                                   True)])
    assert probe.active() and probe.reasons() == ["screen_share"]
