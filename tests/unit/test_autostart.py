"""Autostart: the files (and the registry value) each platform's entry writes."""

import configparser
import plistlib

from stretchtimer.platform.autostart import RUN_KEY, autostart

CMD = ["/opt/stretch timer/bin/stretchtimer", "--tray"]


def test_linux_xdg_autostart_entry(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    entry = autostart("linux", tmp_path, CMD)
    assert not entry.enabled()
    entry.set(True)
    path = tmp_path / ".config" / "autostart" / "stretchtimer.desktop"
    assert entry.enabled() and path.exists()
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.read(path)
    section = desktop["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "'/opt/stretch timer/bin/stretchtimer' --tray"
    entry.set(False)
    assert not path.exists() and not entry.enabled()


def test_macos_launch_agent(tmp_path):
    entry = autostart("darwin", tmp_path, CMD)
    entry.set(True)
    plist = plistlib.loads((tmp_path / "Library" / "LaunchAgents" /
                            "org.stretchtimer.app.plist").read_bytes())
    assert plist["ProgramArguments"] == CMD and plist["RunAtLoad"] is True


class FakeRegistry:
    HKEY_CURRENT_USER, KEY_SET_VALUE, REG_SZ = "HKCU", 2, 1

    def __init__(self):
        self.values = {}

    class _Key:
        def __init__(self, reg, path):
            self.reg, self.path = reg, path

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def OpenKey(self, root, path, reserved=0, access=0):  # noqa: N802 - winreg's names
        return self._Key(self, f"{root}\\{path}")

    def QueryValueEx(self, key, name):  # noqa: N802
        if (key.path, name) not in self.values:
            raise FileNotFoundError(name)
        return self.values[(key.path, name)], self.REG_SZ

    def SetValueEx(self, key, name, reserved, kind, value):  # noqa: N802
        self.values[(key.path, name)] = value

    def DeleteValue(self, key, name):  # noqa: N802
        self.values.pop((key.path, name))


def test_windows_run_key():
    reg = FakeRegistry()
    entry = autostart("win32", command=CMD, registry=reg)
    entry.set(True)
    assert reg.values == {(f"HKCU\\{RUN_KEY}", "stretchtimer"):
                          '"/opt/stretch timer/bin/stretchtimer" --tray'}
    assert entry.enabled()
    entry.set(False)
    assert not entry.enabled()
