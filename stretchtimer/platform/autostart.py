"""Start at login, in the tray: an XDG autostart entry on Linux, a LaunchAgent on macOS,
the per-user Run key on Windows. The entry on disk (or in the registry) is the truth;
the setting only shows it."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from stretchtimer.storage.atomic import write_atomic

NAME = "stretchtimer"
LABEL = "org.stretchtimer.app"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def launch_command() -> list[str]:
    """How to start this stretchtimer again, hidden in the tray."""
    if getattr(sys, "frozen", False):  # a PyInstaller build
        return [sys.executable, "--tray"]
    script = shutil.which(NAME, path=str(Path(sys.executable).parent))
    if script:
        return [script, "--tray"]
    return [sys.executable, "-m", NAME, "--tray"]


def desktop_entry(command: list[str]) -> str:
    import shlex  # here, as plistlib below: written when autostart is switched, not at start

    return ("[Desktop Entry]\nType=Application\nName=stretchtimer\n"
            "Comment=Hourly stretch breaks, talked through\n"
            f"Exec={shlex.join(command)}\nIcon=org.stretchtimer.StretchTimer\nTerminal=false\n"
            "X-GNOME-Autostart-enabled=true\n")


def launch_agent(command: list[str]) -> bytes:
    import plistlib

    return plistlib.dumps({"Label": LABEL, "ProgramArguments": command, "RunAtLoad": True,
                           "ProcessType": "Interactive"})


def run_value(command: list[str]) -> str:
    return " ".join(f'"{part}"' if " " in part else part for part in command)


class FileAutostart:
    """Linux and macOS: one file in the user's autostart folder."""

    def __init__(self, path: Path, content: bytes) -> None:
        self.path, self.content = path, content

    def enabled(self) -> bool:
        return self.path.exists()

    def set(self, on: bool) -> None:
        if on:
            write_atomic(self.path, self.content)
        else:
            self.path.unlink(missing_ok=True)


class RegistryAutostart:
    """Windows: a value under HKEY_CURRENT_USER\\...\\Run. `registry` is winreg (or a
    stand-in with the same four functions, for tests on other systems)."""

    def __init__(self, value: str, registry=None) -> None:
        if registry is None:
            import winreg as registry  # noqa: PLC0415 - Windows only
        self.value, self.reg = value, registry

    def enabled(self) -> bool:
        try:
            with self.reg.OpenKey(self.reg.HKEY_CURRENT_USER, RUN_KEY) as key:
                self.reg.QueryValueEx(key, NAME)
            return True
        except OSError:
            return False

    def set(self, on: bool) -> None:
        with self.reg.OpenKey(self.reg.HKEY_CURRENT_USER, RUN_KEY, 0,
                              self.reg.KEY_SET_VALUE) as key:
            if on:
                self.reg.SetValueEx(key, NAME, 0, self.reg.REG_SZ, self.value)
            else:
                try:
                    self.reg.DeleteValue(key, NAME)
                except OSError:
                    pass


def autostart(platform: str | None = None, home: Path | None = None, command=None,
              registry=None):
    """The autostart entry for this system (or the one named, for tests)."""
    platform = platform or sys.platform
    home = home or Path.home()
    command = command or launch_command()
    if platform == "win32":
        return RegistryAutostart(run_value(command), registry)
    if platform == "darwin":
        return FileAutostart(home / "Library" / "LaunchAgents" / f"{LABEL}.plist",
                             launch_agent(command))
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    return FileAutostart(config / "autostart" / f"{NAME}.desktop",
                         desktop_entry(command).encode())
