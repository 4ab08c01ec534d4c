"""A stand-in for a desktop's D-Bus services (GNOME's Mutter IdleMonitor and screen
saver, or KDE's org.freedesktop.ScreenSaver), run as its own process on a private bus.
Usage: python fake_desktop_bus.py gnome|kde STATE_FILE. STATE_FILE holds "idle_ms locked"."""

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusVirtualObject


class Desktop(QDBusVirtualObject):
    def __init__(self, state: Path) -> None:
        super().__init__()
        self.state = state

    def introspect(self, path):
        return ""

    def handleMessage(self, message, connection):
        idle_ms, locked = self.state.read_text().split()
        answers = {"GetIdletime": int(idle_ms), "GetSessionIdleTime": int(idle_ms),
                   "GetActive": locked == "1"}
        if message.member() not in answers:
            return False
        connection.send(message.createReply(answers[message.member()]))
        return True


def main() -> None:
    desktop, state = sys.argv[1], Path(sys.argv[2])
    app = QCoreApplication([])
    bus = QDBusConnection.sessionBus()
    obj = Desktop(state)
    services = {"gnome": [("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core"),
                          ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver")],
                "kde": [("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver")]}[desktop]
    for name, path in services:
        bus.registerVirtualObject(path, obj)
        bus.registerService(name)
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
