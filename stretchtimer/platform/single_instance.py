"""One stretchtimer per user. The first launch takes a lock file and listens on a local
socket; a later launch sends it its command line and exits. The lock notices an owner
that was killed (-9) and is taken over at once; a socket left behind is removed."""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import tempfile
import time

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from stretchtimer.storage.paths import HOME_ENV

CONNECT_TIMEOUT_MS = 500
ACK_TIMEOUT_MS = 3000  # the running instance may be busy for a moment
RETRY_FOR_S = 5.0  # the first instance may still be starting its server


def instance_name() -> str:
    """Per user; and per STRETCHTIMER_HOME when set, so a test or a portable copy with its
    own folders never meets the user's everyday instance."""
    user = "".join(c for c in getpass.getuser() if c.isalnum()) or "user"
    home = os.environ.get(HOME_ENV)
    suffix = "-" + hashlib.sha256(home.encode()).hexdigest()[:10] if home else ""
    return f"stretchtimer-{user}{suffix}"


class SingleInstance(QObject):
    message_received = Signal(list)  # the command line of a later launch

    def __init__(self, name: str | None = None, folder: str | None = None) -> None:
        super().__init__()
        self.name = name or instance_name()
        folder = folder or os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
        self._lock = QLockFile(os.path.join(folder, f"{self.name}.lock"))
        self._lock.setStaleLockTime(0)  # only a dead owner makes it stale, never age
        self._server: QLocalServer | None = None
        self._clients: set[QLocalSocket] = set()

    def acquire(self) -> bool:
        """True: this is the first instance (and now listens). False: another runs."""
        if not self._lock.tryLock(100):
            return False
        QLocalServer.removeServer(self.name)  # a socket a killed instance left behind
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)
        self._server.listen(self.name)
        return True

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
                if socket.waitForReadyRead(ACK_TIMEOUT_MS) and bytes(socket.readAll()) == b"ok\n":
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
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._clients.add(socket)
            socket.readyRead.connect(self._on_client_ready_read)
            socket.disconnected.connect(self._on_client_disconnected)
            self._read(socket)  # what arrived before we were listening for it

    def _on_client_ready_read(self) -> None:
        self._read(self.sender())

    def _on_client_disconnected(self) -> None:
        socket = self.sender()
        self._clients.discard(socket)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            try:
                args = json.loads(bytes(socket.readLine()).decode())
            except ValueError:
                continue
            if isinstance(args, list):
                socket.write(b"ok\n")  # the sender waits for this before it exits
                socket.flush()
                self.message_received.emit([str(a) for a in args])
