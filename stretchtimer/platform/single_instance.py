"""One stretchtimer per user. The first launch takes a lock file and listens on a local
socket; a later launch sends it its command line and exits. The lock notices an owner
that was killed (-9) and is taken over at once; a socket left behind is removed.

Both live in a folder only this user can enter (XDG_RUNTIME_DIR/stretchtimer, or the
cache folder's run/, made 0700 and checked), by absolute path: Qt would put a bare name
in /tmp, where another user could create it first and receive our command lines
(RELIABILITY R15). A lock naming a live process that is not a stretchtimer of this user
is forged or stale and is taken over; a message bigger or deeper than a command line is
refused. On POSIX the socket is a plain AF_UNIX socket watched by a QSocketNotifier
(QtNetwork's QLocalServer would cost the app waiting in the tray 3 MB and 15 ms to load);
on Windows it is QLocalServer's named pipe, private to the user by its access option."""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, QSocketNotifier, Signal

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
        self._server: Any = None  # a listening socket (POSIX) or a QLocalServer (Windows)
        self._notifier: QSocketNotifier | None = None
        # per connection: its socket, its notifier, and what it sent (None: refused; what
        # it still sends is read and dropped until it closes)
        self._clients: dict[int, tuple[Any, QSocketNotifier | None, bytearray | None]] = {}
        self.listening = False
        # answers a command line at once (--status and the other controls), or None: it is
        # passed on as message_received after the acknowledgement
        self.answer: Callable[[list[str]], str | None] = lambda _args: None

    def acquire(self) -> bool:
        """True: this is the first instance (and now listens). False: another runs."""
        if not self._lock.tryLock(100) and not self._take_over_forged_lock():
            return False
        if sys.platform == "win32":
            self._listen_pipe()
        else:
            self._listen_unix()
        return True

    def _listen_unix(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.name)  # a socket a killed instance left behind
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(self.name)
            os.chmod(self.name, 0o600)  # this user only (the folder is 0700 as well)
            server.listen(8)
            server.setblocking(False)
        except OSError as exc:
            server.close()
            log.warning("cannot listen on %s (%s): later launches cannot reach this one",
                        self.name, exc.strerror or exc)
            return
        self._server = server
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_unix_connection)
        self.listening = True

    def _listen_pipe(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_pipe_connection)
        self._server = server
        self.listening = server.listen(self.name)
        if not self.listening:
            log.warning("cannot listen on %s (%s): later launches cannot reach this one",
                        self.name, server.errorString())

    def _take_over_forged_lock(self) -> bool:
        """The lock names a live process: take it only if that is no stretchtimer of ours
        (a lock left by a process whose pid was reused, or written to keep us out)."""
        pid = self._lock.getLockInfo()[0]  # (pid, host, app); pid 0 when unreadable
        if pid <= 0 or _is_our_stretchtimer(pid):
            return False
        log.warning("the instance lock names process %s, which is not a stretchtimer of "
                    "this user; taking it over", pid)
        return self._lock.removeStaleLockFile() and self._lock.tryLock(100)

    def send(self, args: list[str], retry_for_s: float = RETRY_FOR_S) -> bool:
        """Give the running instance our command line; False if none answered."""
        try:
            return self.ask(args, retry_for_s) is not None
        except TimeoutError:
            return False

    def ask(self, args: list[str], retry_for_s: float = RETRY_FOR_S) -> str | None:
        """Give the running instance our command line and return its answer ("" for a
        plain acknowledgement), or None if none could be reached within `retry_for_s`.
        TimeoutError: one was reached but did not answer (it may still do what was asked)."""
        message = json.dumps(args).encode() + b"\n"
        deadline = time.monotonic() + retry_for_s
        reached = False
        while True:
            try:
                reply = self._send_pipe(message) if sys.platform == "win32" else \
                    self._send_unix(message)
            except TimeoutError:
                reached, reply = True, None
            if reply is not None:
                return reply
            if time.monotonic() >= deadline:
                if reached:
                    raise TimeoutError("the running stretchtimer did not answer in time")
                return None
            time.sleep(0.05)

    def _send_unix(self, message: bytes) -> str | None:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            try:
                client.settimeout(CONNECT_TIMEOUT_MS / 1000)
                client.connect(self.name)
                client.sendall(message)
                # delivered only when the running instance says so
                client.settimeout(ACK_TIMEOUT_MS / 1000)
            except OSError:
                return None  # none listening (yet)
            reply = b""
            try:
                while b"\n" not in reply and len(reply) <= MAX_MESSAGE:
                    chunk = client.recv(65536)
                    if not chunk:
                        break
                    reply += chunk
            except TimeoutError:
                raise
            except OSError:
                return None
            return _answer_of(reply)

    def _send_pipe(self, message: bytes) -> str | None:
        from PySide6.QtNetwork import QLocalSocket

        client = QLocalSocket()
        client.connectToServer(self.name)
        if client.waitForConnected(CONNECT_TIMEOUT_MS):
            client.write(message)
            client.flush()
            reply = b""
            while b"\n" not in reply and client.waitForReadyRead(ACK_TIMEOUT_MS):
                reply += client.readAll().data()
            answer = _answer_of(reply)
            if answer is not None:
                client.disconnectFromServer()
                return answer
            client.abort()
        return None

    def release(self) -> None:
        for fd in list(self._clients):
            self._drop(fd)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        if isinstance(self._server, socket.socket):
            self._server.close()
            with contextlib.suppress(OSError):
                os.unlink(self.name)
        elif self._server is not None:
            self._server.close()
        self._server = None
        self._lock.unlock()

    # --- POSIX: a connection, then its bytes as they come ---

    def _on_unix_connection(self, *_args: Any) -> None:
        while self._server is not None:
            try:
                conn, _ = self._server.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return
            conn.setblocking(False)
            fd = conn.fileno()
            notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            notifier.activated.connect(lambda *_a, fd=fd: self._on_unix_bytes(fd))
            self._clients[fd] = (conn, notifier, bytearray())
            self._on_unix_bytes(fd)  # what arrived before we were listening

    def _on_unix_bytes(self, fd: int) -> None:
        if fd not in self._clients:
            return  # dropped already
        conn, _, buffer = self._clients[fd]
        while True:
            try:
                chunk = conn.recv(65536)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                chunk = b""
            if not chunk:
                self._drop(fd)  # the sender is done (or gone)
                return
            if buffer is None:
                continue  # refused: drained, not kept
            buffer += chunk
            if len(buffer) > MAX_MESSAGE:
                break
        if buffer is not None:
            self._take_lines(buffer, lambda answer: conn.sendall(_ack(answer)),
                             lambda: self._refuse(fd))

    def _refuse(self, fd: int) -> None:
        """End a sender of too much: it reads end-of-stream (no "ok"); what it still sends
        is drained until it closes (closing with unread bytes would reset it instead)."""
        conn, notifier, _ = self._clients[fd]
        with contextlib.suppress(OSError):
            conn.shutdown(socket.SHUT_WR)
        self._clients[fd] = (conn, notifier, None)

    def _drop(self, fd: int) -> None:
        conn, notifier, _ = self._clients.pop(fd, (None, None, None))
        if notifier is not None:
            notifier.setEnabled(False)
            notifier.deleteLater()
        if conn is not None:
            conn.close()

    # --- Windows: QLocalServer ---

    def _on_pipe_connection(self) -> None:
        while self._server.hasPendingConnections():
            client = self._server.nextPendingConnection()
            client.readyRead.connect(lambda c=client: self._on_pipe_bytes(c))
            client.disconnected.connect(client.deleteLater)
            self._on_pipe_bytes(client)  # what arrived before we were listening for it

    def _on_pipe_bytes(self, client: Any) -> None:
        buffer = bytearray(client.readAll().data())
        self._take_lines(buffer, lambda answer: (client.write(_ack(answer)), client.flush()),
                         client.abort)

    # --- both ---

    def _take_lines(self, buffer: bytearray, ack: Any, refuse: Any) -> None:
        """Each whole line that is a command line is acknowledged and passed on; a
        message bigger than a command line is refused."""
        if len(buffer) > MAX_MESSAGE and b"\n" not in buffer[:MAX_MESSAGE + 1]:
            log.warning("a message of over %s bytes on the instance socket; refused",
                        MAX_MESSAGE)
            refuse()
            return
        while b"\n" in buffer:
            end = buffer.index(b"\n")
            line = bytes(buffer[:end])
            del buffer[:end + 1]
            try:
                args = strict_json.loads(line, max_depth=1)
            except strict_json.JsonProblem:
                continue
            if isinstance(args, list) and len(args) <= MAX_ARGS and \
                    all(isinstance(a, str) and len(a) <= 4096 for a in args):
                answer = self.answer(list(args))
                with contextlib.suppress(OSError):
                    ack(answer or "")  # the sender waits for this before it exits
                if answer is None:
                    self.message_received.emit(list(args))


def _ack(answer: str) -> bytes:
    """The acknowledgement, with the answer on the same line (JSON has no newlines)."""
    return b"ok\n" if not answer else b"ok " + answer.replace("\n", " ").encode() + b"\n"


def _answer_of(reply: bytes) -> str | None:
    if reply == b"ok\n":
        return ""
    if reply.startswith(b"ok ") and reply.endswith(b"\n"):
        return reply[3:-1].decode(errors="replace")
    return None
