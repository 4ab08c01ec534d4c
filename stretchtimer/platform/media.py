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
import sys
from collections.abc import Callable
from functools import partial
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
NO_REPLY = "org.freedesktop.DBus.Error.NoReply"  # the answer did not come in time


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
                    "ListNames"), [], lambda args: self._on_names(args, routine), routine)

    def resume(self) -> None:
        """The routine ended or was stopped: play again what we paused, nothing else."""
        self._routine = 0
        paused, self._paused = self._paused, {}
        for unique, watch in paused.items():  # by unique name: not one that took its place
            log.info("resuming %s", watch.name)
            watch.close()
            self._call((unique, PATH, PLAYER, "Play"), [], lambda _args: None)

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

    # --- answers (each for the routine that asked: a late one for an ended routine is
    # dropped) ---

    def _on_names(self, args: list, routine: int) -> None:
        for name in args[0] if args and isinstance(args[0], list) else []:
            if isinstance(name, str) and name.startswith(PREFIX):
                self._call(("org.freedesktop.DBus", "/org/freedesktop/DBus",
                            "org.freedesktop.DBus", "GetNameOwner"), [name],
                           partial(self._on_owner, name=name, routine=routine), routine)

    def _on_owner(self, args: list, *, name: str, routine: int) -> None:
        """The player's unique name: its changes come from it, and only it is resumed."""
        if args and isinstance(args[0], str):
            unique = args[0]
            self._call((unique, PATH, PROPS, "Get"), [PLAYER, "PlaybackStatus"],
                       lambda a: self._on_status(a, name, unique, routine), routine)

    def _on_status(self, args: list, name: str, unique: str, routine: int) -> None:
        if not args or _value(args[0]) != "Playing" or unique in self._paused:
            return  # not playing, or already paused (a player with two names, as VLC has)
        self._paused[unique] = _Watch(self, self._bus, unique, name)
        log.info("pausing %s for the routine", name)
        # refused (it cannot pause): not ours to resume. No answer in time: it may still
        # pause, so it stays ours (Play on a playing player changes nothing).
        self._call((unique, PATH, PLAYER, "Pause"), [], lambda _a: None, routine,
                   failed=lambda error: None if error == NO_REPLY else self.let_go(unique))

    def _call(self, method: tuple[str, str, str, str], args: list,
              done: Callable[[list], None], routine: int | None = None,
              failed: Callable[[str], None] | None = None) -> None:
        """Call without waiting; `done(arguments)` on an answer, `failed(error name)` on an
        error, neither when `routine` has ended by then."""
        message = QDBusMessage.createMethodCall(*method)
        message.setArguments(args)
        watcher = QDBusPendingCallWatcher(self._bus.asyncCall(message, CALL_TIMEOUT_MS), self)
        self._calls.add(watcher)

        def finished(w: QDBusPendingCallWatcher) -> None:
            self._calls.discard(w)
            w.deleteLater()
            if routine is not None and routine != self._routine:
                return
            reply = w.reply()
            if reply.type() == QDBusMessage.MessageType.ErrorMessage:
                log.debug("%s %s: %s", method[0], method[3], reply.errorMessage())
                if failed is not None:
                    failed(reply.errorName())
            else:
                done(reply.arguments())

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
    (what the volume flyout shows), through WinRT. The calls run one after another on a
    daemon thread of their own (a hung one cannot hold up quitting). The very session
    objects paused are kept (browser tabs share an app id), and each is resumed only if it
    is still paused at the end; one the user played and paused again meanwhile is not told
    apart (that would need its playback_info_changed event). Written to the API, not run
    here (no Windows)."""

    def __init__(self) -> None:
        import queue
        import threading

        from winrt.windows.media import control  # winrt-Windows.Media.Control

        self._control = control
        self._paused: list = []  # the session objects paused by us (only the thread's)
        self._work: queue.Queue = queue.Queue()
        self._idle = threading.Event()
        self._idle.set()
        threading.Thread(target=self._run, name="stretchtimer-media", daemon=True).start()

    def _run(self) -> None:
        while True:
            work = self._work.get()
            try:
                work()
            except Exception as exc:  # noqa: BLE001 - a media session is not worth a crash
                log.warning("media controls: %s: %s", type(exc).__name__, exc)
            if self._work.empty():
                self._idle.set()

    def _submit(self, work: Callable[[], None]) -> None:
        self._idle.clear()
        self._work.put(work)

    def _sessions(self) -> list:
        manager = self._control.GlobalSystemMediaTransportControlsSessionManager
        return list(asyncio.run(_awaited(manager.request_async())).get_sessions())

    def pause_playing(self) -> None:
        status = self._control.GlobalSystemMediaTransportControlsSessionPlaybackStatus

        def pause() -> None:
            for session in self._sessions():
                if session.get_playback_info().playback_status == status.PLAYING and \
                        asyncio.run(_awaited(session.try_pause_async())):
                    self._paused.append(session)

        self._submit(pause)

    def resume(self) -> None:
        status = self._control.GlobalSystemMediaTransportControlsSessionPlaybackStatus

        def resume() -> None:
            paused, self._paused = self._paused, []
            for session in paused:
                if session.get_playback_info().playback_status == status.PAUSED:
                    asyncio.run(_awaited(session.try_play_async()))

        self._submit(resume)

    def shutdown(self) -> None:
        self.resume()
        self._idle.wait(CALL_TIMEOUT_MS / 1000)  # then quit anyway


async def _awaited(operation) -> Any:
    return await operation


def media_pauser(parent: QObject | None = None):
    """What pauses other apps' playback here, or None where nothing can."""
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        from stretchtimer.platform.idle import session_bus_exists

        if not session_bus_exists():
            return None
        try:
            return MprisPauser(parent=parent)
        except OSError:
            return None
    if sys.platform == "win32":
        try:
            return WindowsMediaPauser()
        except Exception as exc:  # noqa: BLE001 - the routine runs without it
            log.warning("no media controls: %s: %s", type(exc).__name__, exc)
            return None
    return None
