"""Other apps' music steps aside during a routine (the voice is the point of it): media
players that are playing when a routine starts are paused, and exactly those are resumed
when it ends or is stopped. One the user plays, pauses or stops meanwhile is theirs again
and is left as they left it.

Linux: MPRIS on the session bus (org.mpris.MediaPlayer2.*, which VLC, Spotify, Firefox,
Chromium, Rhythmbox and mpv speak). Every call is asynchronous: a player that hangs or
goes away costs nothing and is forgotten. Windows: the global system media transport
controls (WinRT). macOS has no public API for other apps' playback: nothing there."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SLOT, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

from stretchtimer.logs import log as app_log

log = app_log.getChild("media")
PREFIX = "org.mpris.MediaPlayer2."
PATH = "/org/mpris/MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"
PROPS = "org.freedesktop.DBus.Properties"
CALL_TIMEOUT_MS = 1000  # a player slower than this is left alone


def _value(arg):
    """A D-Bus variant's value (QtDBus hands some out wrapped)."""
    return arg.variant() if hasattr(arg, "variant") else arg


class MprisPauser(QObject):
    def __init__(self, bus: QDBusConnection | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        if not self._bus.isConnected():
            raise OSError("no D-Bus session bus")
        self._paused: dict[str, _Watch] = {}  # unique bus name -> the player, paused by us
        self._calls: set[QDBusPendingCallWatcher] = set()
        self._routine = 0  # which routine an answer belongs to (0: none running)
        self._count = 0

    @property
    def paused(self) -> list[str]:
        """The players paused by us, to be resumed."""
        return sorted(w.name for w in self._paused.values())

    def pause_playing(self) -> None:
        """A routine starts: pause every player that is playing."""
        self._count += 1
        self._routine = routine = self._count
        self._call(("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                    "ListNames"), [], lambda reply: self._on_names(reply, routine))

    def resume(self) -> None:
        """The routine ended or was stopped: play again what we paused, nothing else."""
        self._routine = 0
        paused, self._paused = self._paused, {}
        for unique, watch in paused.items():  # by unique name: not one that took its place
            log.info("resuming %s", watch.name)
            watch.close()
            self._call((unique, PATH, PLAYER, "Play"), [], lambda _reply: None)

    def let_go(self, unique: str) -> None:
        """The user played or stopped it meanwhile: theirs now, not ours to resume."""
        watch = self._paused.pop(unique, None)
        if watch is not None:
            log.info("%s was changed meanwhile: left alone", watch.name)
            watch.close()

    def shutdown(self) -> None:
        """Quitting: resume, and see the calls out before the connection goes."""
        self.resume()
        for watcher in list(self._calls):
            watcher.waitForFinished()

    # --- answers ---

    def _on_names(self, reply: QDBusMessage, routine: int) -> None:
        for name in reply.arguments()[0] if reply.arguments() else []:
            if isinstance(name, str) and name.startswith(PREFIX):
                self._call(("org.freedesktop.DBus", "/org/freedesktop/DBus",
                            "org.freedesktop.DBus", "GetNameOwner"), [name],
                           lambda r, name=name: self._on_owner(r, name, routine))

    def _on_owner(self, reply: QDBusMessage, name: str, routine: int) -> None:
        """The player's unique name: its changes come from it, and only it is resumed."""
        args = reply.arguments()
        if routine == self._routine and args and isinstance(args[0], str):
            unique = args[0]
            self._call((unique, PATH, PROPS, "Get"), [PLAYER, "PlaybackStatus"],
                       lambda r: self._on_status(r, name, unique, routine))

    def _on_status(self, reply: QDBusMessage, name: str, unique: str, routine: int) -> None:
        args = reply.arguments()
        if routine != self._routine or not args or _value(args[0]) != "Playing":
            return  # not playing, or asked for a routine that has ended
        self._paused[unique] = _Watch(self, self._bus, unique, name)
        log.info("pausing %s for the routine", name)
        self._call((unique, PATH, PLAYER, "Pause"), [],
                   lambda r: None if r.type() != QDBusMessage.MessageType.ErrorMessage
                   else self.let_go(unique))

    def _call(self, method: tuple[str, str, str, str], args: list, done) -> None:
        message = QDBusMessage.createMethodCall(*method)
        message.setArguments(args)
        watcher = QDBusPendingCallWatcher(self._bus.asyncCall(message, CALL_TIMEOUT_MS), self)
        self._calls.add(watcher)

        def finished(w: QDBusPendingCallWatcher) -> None:
            self._calls.discard(w)
            w.deleteLater()
            done(w.reply())

        watcher.finished.connect(finished)


class _Watch(QObject):
    """Follows one paused player's status. The slot's types make QtDBus unpack the
    signal's a{sv} (PySide6 cannot read a QDBusArgument map)."""

    def __init__(self, pauser: MprisPauser, bus: QDBusConnection, unique: str,
                 name: str) -> None:
        super().__init__(pauser)
        self.pauser, self.bus, self.unique, self.name = pauser, bus, unique, name
        # PySide6 wants the SLOT() string where its stubs say bytes (bytes are refused)
        self._match = (unique, PATH, PROPS, "PropertiesChanged", self,
                       SLOT("changed(QString,QVariantMap)"))
        bus.connect(*self._match)  # type: ignore[call-overload]

    @Slot(str, "QVariantMap")
    def changed(self, interface: str, properties: dict) -> None:
        status = properties.get("PlaybackStatus", "Paused")
        if interface == PLAYER and status != "Paused":
            self.pauser.let_go(self.unique)

    def close(self) -> None:
        self.bus.disconnect(*self._match)  # type: ignore[call-overload]
        self.deleteLater()


class WindowsMediaPauser:
    """Windows 10 and later: the sessions of the global system media transport controls
    (what the volume flyout shows), through WinRT. The calls run on a thread of their own,
    one after another. A session is resumed only if it is still paused at the end; one the
    user played and paused again meanwhile is not told apart (that needs its
    playback_info_changed event). Written to the API, not run here (no Windows)."""

    def __init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        from winrt.windows.media import control  # winrt-Windows.Media.Control

        self._control = control
        self._paused: set[str] = set()  # the source apps paused by us
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="stretchtimer-media")
        self._last: Any = None

    @property
    def paused(self) -> list[str]:
        return sorted(self._paused)

    def _sessions(self) -> list:
        manager = self._control.GlobalSystemMediaTransportControlsSessionManager
        return list(asyncio.run(_awaited(manager.request_async())).get_sessions())

    def _status(self, session) -> Any:
        return session.get_playback_info().playback_status

    def pause_playing(self) -> None:
        def pause() -> None:
            status = self._control.GlobalSystemMediaTransportControlsSessionPlaybackStatus
            for session in self._sessions():
                if self._status(session) == status.PLAYING and asyncio.run(
                        _awaited(session.try_pause_async())):
                    self._paused.add(session.source_app_user_model_id)

        self._last = self._pool.submit(_logged, pause)

    def resume(self) -> None:
        def resume() -> None:
            status = self._control.GlobalSystemMediaTransportControlsSessionPlaybackStatus
            paused, self._paused = self._paused, set()
            for session in self._sessions():
                if session.source_app_user_model_id in paused and \
                        self._status(session) == status.PAUSED:
                    asyncio.run(_awaited(session.try_play_async()))

        self._last = self._pool.submit(_logged, resume)

    def shutdown(self) -> None:
        self.resume()
        with contextlib.suppress(Exception):
            self._last.result(timeout=CALL_TIMEOUT_MS / 1000)
        self._pool.shutdown(wait=False)


async def _awaited(operation) -> Any:
    return await operation


def _logged(work: Callable[[], None]) -> None:
    try:
        work()
    except Exception as exc:  # noqa: BLE001 - a media session is not worth a crash
        log.warning("media controls: %s: %s", type(exc).__name__, exc)


def media_pauser(parent: QObject | None = None):
    """What pauses other apps' playback here, or None where nothing can."""
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        from stretchtimer.platform.idle import _session_bus_exists

        if not _session_bus_exists():
            return None
        try:
            return MprisPauser(parent=parent)
        except OSError:
            return None
    if sys.platform == "win32":
        try:
            return WindowsMediaPauser()
        except ImportError:  # winrt-Windows.Media.Control is a Windows-only dependency
            return None
    return None
