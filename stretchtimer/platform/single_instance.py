"""One stretchtimer per user. The first launch takes a lock file and listens on a local
socket; a later launch sends it its command line and exits. The lock notices an owner
that was killed (-9) and is taken over at once; a socket left behind is removed.

Both live in a folder only this user can enter (XDG_RUNTIME_DIR/stretchtimer, or the
cache folder's run/, made 0700 and checked), by absolute path: Qt would put a bare name
in /tmp, where another user could create it first and receive our command lines
(RELIABILITY R15). A lock naming a live process that is not a stretchtimer of this user
is forged or stale and is taken over; a message bigger or deeper than a command line is
refused. On Windows the socket is a named pipe, private to the user by its access
option."""

from __future__ import annotations

import getpass
import json
import os
import stat
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from stretchtimer.core import strict_json
from stretchtimer.core.digest import sha256_hex
from stretchtimer.logs import log
from stretchtimer.storage.paths import HOME_ENV, Paths

CONNECT_TIMEOUT_MS = 500
ACK_TIMEOUT_MS = 3000  # the running instance may be busy for a moment
RETRY_FOR_S = 5.0  # the first instance may still be starting its server
MAX_MESSAGE = 64 * 1024  # a command line is far shorter
MAX_ARGS = 64


def private_folder() -> Path:
    """A folder only this user can enter, for the lock and the socket."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    candidates = ([Path(runtime) / "stretchtimer"] if runtime else []) + \
        [Paths.default().cache / "run"]
    for folder in candidates:
        if _private(folder):
            return folder
    raise OSError(f"no folder private to this user among {', '.join(map(str, candidates))}")


def _private(folder: Path) -> bool:
    """Make `folder` (0700) or check it: a real folder of ours that no one else can use."""
    if sys.platform == "win32":
        folder.mkdir(parents=True, exist_ok=True)
        return True
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(folder)
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid():
            log.warning("%s is not a folder of this user's; not used", folder)
            return False
        if st.st_mode & 0o077:
            os.chmod(folder, 0o700)
        return True
    except OSError as exc:
        log.warning("cannot use %s for the instance lock: %s", folder, exc)
        return False


def _is_our_stretchtimer(pid: int) -> bool:
    """Whether `pid` is a stretchtimer of this user (Linux /proc; elsewhere assumed)."""
    proc = Path(f"/proc/{pid}")
    if not sys.platform.startswith("linux") or not Path("/proc/self").exists():
        return True
    try:
        return proc.stat().st_uid == os.getuid() and \
            b"stretchtimer" in (proc / "cmdline").read_bytes()
    except OSError:
        return False  # gone, or not ours to see


def instance_name() -> str:
    """Per user; and per STRETCHTIMER_HOME when set, so a test or a portable copy with its
    own folders never meets the user's everyday instance."""
    user = "".join(c for c in getpass.getuser() if c.isalnum()) or "user"
    home = os.environ.get(HOME_ENV)
    suffix = "-" + sha256_hex(home.encode())[:10] if home else ""
    return f"stretchtimer-{user}{suffix}"


class SingleInstance(QObject):
    message_received = Signal(list)  # the command line of a later launch

    def __init__(self, name: str | None = None, folder: Path | None = None) -> None:
        super().__init__()
        name = name or instance_name()
        folder = folder or private_folder()
        tag = sha256_hex(name.encode())[:12]  # short: socket paths are
        self.lock_path = folder / f"{tag}.lock"               # limited to ~100 bytes
        # the socket by absolute path (Unix); a named pipe's name (Windows)
        self.name = name if sys.platform == "win32" else str(folder / f"{tag}.sock")
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # only a dead owner makes it stale, never age
        self._server: QLocalServer | None = None
        self._clients: set[QLocalSocket] = set()
        self.listening = False

    def acquire(self) -> bool:
        """True: this is the first instance (and now listens). False: another runs."""
        if not self._lock.tryLock(100) and not self._take_over_forged_lock():
            return False
        QLocalServer.removeServer(self.name)  # a socket a killed instance left behind
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)
        self.listening = self._server.listen(self.name)
        if not self.listening:
            log.warning("cannot listen on %s (%s): later launches cannot reach this one",
                        self.name, self._server.errorString())
        return True

    def _take_over_forged_lock(self) -> bool:
        """The lock names a live process: take it only if that is no stretchtimer of ours
        (a lock left by a process whose pid was reused, or written to keep us out)."""
        pid = self._lock.getLockInfo()[0]  # (pid, host, app); pid 0 when unreadable
        if pid <= 0 or _is_our_stretchtimer(pid):
            return False
        log.warning("the instance lock names process %s, which is not a stretchtimer of "
                    "this user; taking it over", pid)
        return self._lock.removeStaleLockFile() and self._lock.tryLock(100)

    def send(self, args: list[str]) -> bool:
        """Give the running instance our command line; False if none answered."""
        deadline = time.monotonic() + RETRY_FOR_S
        while time.monotonic() < deadline:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(CONNECT_TIMEOUT_MS):
                socket.write(json.dumps(args).encode() + b"\n")
                socket.flush()
                # delivered only when the running instance says so
                if socket.waitForReadyRead(ACK_TIMEOUT_MS) and \
                        socket.readAll().data() == b"ok\n":
                    socket.disconnectFromServer()
                    return True
                socket.abort()
            time.sleep(0.05)
        return False

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()

    def _on_server_new_connection(self) -> None:
        assert self._server is not None  # it is what emits this
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._clients.add(socket)
            socket.readyRead.connect(self._on_client_ready_read)
            socket.disconnected.connect(self._on_client_disconnected)
            self._read(socket)  # what arrived before we were listening for it

    def _on_client_ready_read(self) -> None:
        socket = self.sender()
        assert isinstance(socket, QLocalSocket)
        self._read(socket)

    def _on_client_disconnected(self) -> None:
        socket = self.sender()
        self._clients.discard(socket)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        if socket.bytesAvailable() > MAX_MESSAGE and not socket.canReadLine():
            log.warning("a message of over %s bytes on the instance socket; refused",
                        MAX_MESSAGE)
            socket.abort()
            return
        while socket.canReadLine():
            line = bytes(socket.readLine(MAX_MESSAGE + 1).data())
            try:
                args = strict_json.loads(line, max_depth=1)
            except strict_json.JsonProblem:
                continue
            if isinstance(args, list) and len(args) <= MAX_ARGS and \
                    all(isinstance(a, str) and len(a) <= 4096 for a in args):
                socket.write(b"ok\n")  # the sender waits for this before it exits
                socket.flush()
                self.message_received.emit(list(args))
