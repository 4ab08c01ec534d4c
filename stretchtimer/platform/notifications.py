"""The desktop's own notifications (org.freedesktop.Notifications on the session bus:
GNOME, KDE, XFCE, dunst, mako), with action buttons. A reminder arrives there with Start
(also the notification's default action: clicking it) and Snooze.

Spoken through jeepney, not QtDBus: PySide6 cannot send a D-Bus uint32 (Notify's
replaces_id), and the servers refuse the call without one. Every call runs on a thread
of its own and its answer comes back on Qt's event loop, so a notification server that
hangs never holds up the app.

Windows and macOS: Qt offers their notification centres only through
QSystemTrayIcon.showMessage, which has no actions; there the popup does the asking."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from stretchtimer.logs import log as app_log

log = app_log.getChild("notifications")
SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
CALL_TIMEOUT_S = 2.0


class DesktopNotifier(QObject):
    """Our reminder as a desktop notification. `action_invoked(key)` when the user picks
    one of its actions ("start" for the default one, a click on it)."""

    action_invoked = Signal(str)
    ready = Signal()  # the server was asked what it can do: `available` is known
    _answered = Signal(object, object)  # (what to call, with what) from the call thread
    _signalled = Signal(object)  # a message from the bus (jeepney's receiver thread)

    def __init__(self, bus: str = "SESSION", app_name: str = "stretchtimer",
                 parent: QObject | None = None) -> None:
        """`bus`: "SESSION" or a D-Bus address. OSError when it cannot be reached."""
        super().__init__(parent)
        from jeepney import DBusAddress, MatchRule
        from jeepney.io.threading import DBusRouter, open_dbus_connection

        try:
            self._router = DBusRouter(open_dbus_connection(bus=bus))
        except Exception as exc:  # noqa: BLE001 - jeepney raises what the socket does
            raise OSError(f"no session bus: {exc}") from exc
        self.app_name = app_name
        self.server: str | None = None  # its name and version, once asked
        self.available = False  # a server answered that it shows actions
        self._shown = 0  # the id of our notification on screen (0: none)
        self._address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
        self._answered.connect(lambda done, value: done(value),
                               Qt.ConnectionType.QueuedConnection)
        self._signalled.connect(self._on_signal, Qt.ConnectionType.QueuedConnection)
        self._work: queue.Queue = queue.Queue()
        threading.Thread(target=self._run, name="stretchtimer-notify", daemon=True).start()
        rule = MatchRule(type="signal", interface=SERVICE, path=PATH)
        self._filter = self._router.filter(rule, queue=_ToQt(self._signalled))
        from jeepney.bus_messages import message_bus

        self._send(message_bus.AddMatch(rule), lambda _body: None)
        self._call("GetServerInformation", "", (), self._on_information)
        self._call("GetCapabilities", "", (), self._on_capabilities)

    def notify(self, summary: str, body: str, actions: list[tuple[str, str]],
               icon: str = "") -> None:
        """Show our notification (replacing the one before); `actions`: (key, label),
        the first also the default action."""
        flat: list[str] = ["default", actions[0][1]] if actions else []
        for key, label in actions:
            flat += [key, label]
        hints = {"urgency": ("y", 1), "category": ("s", "presence"),
                 "desktop-entry": ("s", "stretchtimer")}
        self._call("Notify", "susssasa{sv}i", (self.app_name, self._shown, icon, summary,
                                                body, flat, hints, -1), self._on_notified)

    def close(self) -> None:
        """Take our notification down (the reminder was answered elsewhere)."""
        if self._shown:
            self._call("CloseNotification", "u", (self._shown,), lambda _body: None)
            self._shown = 0

    def shutdown(self) -> None:
        self.close()
        self._work.put(None)
        self._filter.close()
        self._router.close()
        self._router.conn.close()

    # --- answers, on Qt's event loop ---

    def _on_information(self, body: tuple | None) -> None:
        if body and len(body) >= 3:
            self.server = f"{body[0]} {body[2]}"

    def _on_capabilities(self, body: tuple | None) -> None:
        self.available = body is not None and len(body) > 0 and "actions" in list(body[0])
        log.info("notification server %s: actions %s", self.server or "none",
                 "yes" if self.available else "no")
        self.ready.emit()

    def _on_notified(self, body: tuple | None) -> None:
        if body and isinstance(body[0], int):
            self._shown = body[0]

    def _on_signal(self, message: Any) -> None:
        from jeepney.low_level import HeaderFields

        member, body = message.header.fields.get(HeaderFields.member), message.body
        if not body or body[0] != self._shown or not self._shown:
            return  # another app's notification, or one of ours already answered
        if member == "ActionInvoked" and len(body) >= 2:
            self._shown = 0
            self.action_invoked.emit("start" if body[1] == "default" else str(body[1]))
        elif member == "NotificationClosed":
            self._shown = 0

    # --- calls, on their own thread ---

    def _call(self, method: str, signature: str, args: tuple,
              done: Callable[[tuple | None], None]) -> None:
        from jeepney import new_method_call

        self._send(new_method_call(self._address, method, signature, args), done)

    def _send(self, message: Any, done: Callable[[tuple | None], None]) -> None:
        self._work.put((message, done))

    def _run(self) -> None:
        from jeepney import MessageType

        while (item := self._work.get()) is not None:
            message, done = item
            try:
                reply = self._router.send_and_get_reply(message, timeout=CALL_TIMEOUT_S)
                body = reply.body if reply.header.message_type != MessageType.error else None
                if body is None:
                    log.info("notifications: %s", reply.body)
            except Exception as exc:  # noqa: BLE001 - no server, a timeout, the bus gone
                log.info("notifications: %s: %s", type(exc).__name__, exc)
                body = None
            self._answered.emit(done, body)


class _ToQt:
    """What jeepney's receiver thread puts a matching message into: a Qt signal."""

    def __init__(self, signal: Any) -> None:
        self._signal = signal

    def put_nowait(self, message: Any) -> None:
        self._signal.emit(message)


def desktop_notifier(parent: QObject | None = None) -> DesktopNotifier | None:
    """The desktop's notifications, where there is a session bus (else None)."""
    import sys

    if not (sys.platform.startswith("linux") or "bsd" in sys.platform):
        return None
    from stretchtimer.platform.idle import _session_bus_exists

    if not _session_bus_exists():
        return None
    try:
        return DesktopNotifier(parent=parent)
    except (OSError, ImportError) as exc:
        log.info("no desktop notifications: %s", exc)
        return None
