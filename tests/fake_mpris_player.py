"""A stand-in media player on a (private) session bus: org.mpris.MediaPlayer2.NAME with
the MPRIS Player interface's PlaybackStatus, CanPause and CanPlay properties, its Play,
Pause, PlayPause and Stop methods, and PropertiesChanged when the status changes, as
real players (VLC, Spotify, Firefox) have them. Each call it gets is printed
("Pause"), so a test can tell who asked for what.
Usage: python fake_mpris_player.py NAME Playing|Paused|Stopped [alias=NAME2] [refuse]
(alias: a second bus name, as VLC owns .vlc and .vlc.instancePID; refuse: Pause is
answered with an error, as a player that cannot pause answers)"""

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVariant, QDBusVirtualObject

PATH = "/org/mpris/MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"
PROPS = "org.freedesktop.DBus.Properties"


class Player(QDBusVirtualObject):
    def __init__(self, status: str, refuse: bool) -> None:
        super().__init__()
        self.status = status
        self.refuse = refuse

    def introspect(self, path):
        return ""

    def properties(self) -> dict:
        return {"PlaybackStatus": self.status, "CanPause": True, "CanPlay": True}

    def handleMessage(self, message, connection):
        member, args = message.member(), message.arguments()
        if message.interface() == PROPS and member == "Get" and args[0] == PLAYER:
            value = self.properties().get(args[1])
            if value is None:
                return False
            connection.send(message.createReply(QDBusVariant(value)))
        elif message.interface() == PROPS and member == "GetAll" and args[0] == PLAYER:
            connection.send(message.createReply(self.properties()))
        elif message.interface() == PLAYER and member in ("Play", "Pause", "PlayPause", "Stop"):
            print(member, flush=True)
            if self.refuse and member == "Pause":
                connection.send(message.createErrorReply(
                    "org.mpris.MediaPlayer2.Error.NotSupported", "cannot pause"))
                return True
            new = {"Play": "Playing", "Pause": "Paused", "Stop": "Stopped",
                   "PlayPause": "Paused" if self.status == "Playing" else "Playing"}[member]
            connection.send(message.createReply())
            if new != self.status:
                self.status = new
                changed = QDBusMessage.createSignal(PATH, PROPS, "PropertiesChanged")
                changed.setArguments([PLAYER, {"PlaybackStatus": new}, []])
                connection.send(changed)
        else:
            return False
        return True


def main() -> None:
    name, status, options = sys.argv[1], sys.argv[2], sys.argv[3:]
    app = QCoreApplication([])
    bus = QDBusConnection.sessionBus()
    player = Player(status, "refuse" in options)
    bus.registerVirtualObject(PATH, player)
    bus.registerService(f"org.mpris.MediaPlayer2.{name}")
    for option in options:
        if option.startswith("alias="):
            bus.registerService(f"org.mpris.MediaPlayer2.{option[6:]}")
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
