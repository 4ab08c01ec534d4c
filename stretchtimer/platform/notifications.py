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
        import os

        from jeepney import DBusAddress, MatchRule
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        try:
            self._conn = open_dbus_connection(bus=bus)  # the Hello is answered in it
        except Exception as exc:  # noqa: BLE001 - jeepney raises what the socket does
            raise OSError(f"no session bus: {exc}") from exc
        self.app_name = app_name
        self.server: str | None = None  # its name and version, once asked
        self.available = False  # a server answered that it shows actions
        self._shown = 0  # the id of our notification on screen (0: none)
        self._close_asked = False  # closed before Notify's answer came: close it then
        self._dead = threading.Event()  # the connection's thread has ended
        self._address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
        self._answered.connect(lambda done, value: done(value),
                               Qt.ConnectionType.QueuedConnection)
        self._signalled.connect(self._on_signal, Qt.ConnectionType.QueuedConnection)
        self._work: queue.Queue = queue.Queue()
        self._wake_r, self._wake_w = os.pipe()  # wakes the thread for new work
        self._thread = threading.Thread(target=self._run, name="stretchtimer-notify",
                                        daemon=True)
        self._thread.start()
        self._send(message_bus.AddMatch(MatchRule(type="signal", interface=SERVICE,
                                                  path=PATH)), lambda _body: None)
        self._call("GetServerInformation", "", (), self._on_information)
        self._call("GetCapabilities", "", (), self._on_capabilities)

    def notify(self, summary: str, body: str, actions: list[tuple[str, str]],
               icon: str = "") -> None:
        """Show our notification (replacing the one before); `actions`: (key, label),
        the first also the default action."""
        self._close_asked = False
        flat: list[str] = ["default", actions[0][1]] if actions else []
        for key, label in actions:
            flat += [key, label]
        hints = {"urgency": ("y", 1), "category": ("s", "presence"),
                 "desktop-entry": ("s", "stretchtimer")}
        self._call("Notify", "susssasa{sv}i", (self.app_name, self._shown, icon, summary,
                                                body, flat, hints, -1), self._on_notified)

    def close(self) -> None:
        """Take our notification down (the reminder was answered elsewhere), also one
        whose Notify has not been answered yet."""
        if self._shown:
            self._call("CloseNotification", "u", (self._shown,), lambda _body: None)
            self._shown = 0
        else:
            self._close_asked = True

    def shutdown(self) -> None:
        """Take our notification down and end the thread (and the connection)."""
        import os

        self.close()
        self._send(None, lambda _body: None)
        self._thread.join(timeout=CALL_TIMEOUT_S)
        if not self._thread.is_alive():  # closed here, once: never a number reused
            os.close(self._wake_r)
            os.close(self._wake_w)

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
            if self._close_asked:  # answered in the popup meanwhile
                self._close_asked = False
                self.close()

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
        import os

        if self._dead.is_set():  # the bus went away: no notifications from now on
            return
        self._work.put((message, done))
        os.write(self._wake_w, b"x")

    def _run(self) -> None:
        """The connection's own thread: sends what is asked, matches each answer to its
        call by serial, hands signals to Qt; it sleeps in select() in between (no
        wake-ups while nothing happens)."""
        import os
        import select
        import time

        from jeepney import MessageType
        from jeepney.low_level import HeaderFields

        conn = self._conn
        pending: dict[int, tuple[Callable[[tuple | None], None], float]] = {}  # by serial
        try:
            while True:
                timeout = max(0.0, min(d for _, d in pending.values()) - time.monotonic()) \
                    if pending else None
                ready, _, _ = select.select([conn.sock, self._wake_r], [], [], timeout)
                if self._wake_r in ready:
                    os.read(self._wake_r, 4096)
                    while not self._work.empty():
                        message, done = self._work.get()
                        if message is None:
                            return
                        serial = next(conn.outgoing_serial)
                        conn.send(message, serial=serial)
                        pending[serial] = (done, time.monotonic() + CALL_TIMEOUT_S)
                if conn.sock in ready:
                    data = conn.sock.recv(65536)
                    if not data:
                        return  # the bus went away
                    conn.parser.add_data(data)
                    while (msg := conn.parser.get_next_message()) is not None:
                        kind = msg.header.message_type
                        if kind == MessageType.signal:
                            self._signalled.emit(msg)
                            continue
                        answered = pending.pop(msg.header.fields.get(
                            HeaderFields.reply_serial), None)
                        if answered is not None:
                            if kind == MessageType.error:
                                log.info("notifications: %s", msg.body)
                            self._answered.emit(answered[0], msg.body
                                                if kind == MessageType.method_return else None)
                for serial, (done, deadline) in list(pending.items()):
                    if deadline <= time.monotonic():  # no answer in time: as an error
                        del pending[serial]
                        self._answered.emit(done, None)
        except Exception as exc:  # noqa: BLE001 - the bus broke: no notifications now
            log.info("notifications: %s: %s", type(exc).__name__, exc)
        finally:
            self._dead.set()
            self.available = False  # the popup asks from now on
            for done, _deadline in pending.values():
                self._answered.emit(done, None)
            conn.close()


def desktop_notifier(parent: QObject | None = None) -> DesktopNotifier | None:
    """The desktop's notifications, where there is a session bus (else None)."""
    import sys

    if not (sys.platform.startswith("linux") or "bsd" in sys.platform):
        return None
    from stretchtimer.platform.idle import session_bus_exists

    if not session_bus_exists():
        return None
    try:
        return DesktopNotifier(parent=parent)
    except (OSError, ImportError) as exc:
        log.info("no desktop notifications: %s", exc)
        return None
