"""Speech in a worker process, so nothing a speech engine does can freeze the window.

pyttsx3 must run its loop in the thread that created the engine, and runAndWait() can
block or hang (../shared/RELIABILITY.md R1, R2). So one child process owns the engine;
the GUI sends requests down a pipe and reads replies when the pipe is readable. Every
request has a deadline; a worker that misses one is killed with everything it started
(aplay included) and a fresh one is started.

No Qt here: the Qt side (voice/service.py) watches `fileno()` and calls `read()`.
On POSIX the worker is a plain subprocess (`python -m stretchtimer.voice.engine FD SPEC`,
or the frozen app with --speech-worker) talking over one end of a socketpair: unlike
multiprocessing's spawn, it starts no resource tracker, one process fewer waiting in the
tray (issue 16). Elsewhere (Windows) it is multiprocessing's "spawn" child, and a script
that starts speech must guard its body with `if __name__ == "__main__"`.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import socket
import subprocess
import sys
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

DEFAULT_BACKEND = "stretchtimer.voice.engine:SystemAndPiper"
LANGUAGE_VOICE = "lang:"  # "lang:de": the engine's first voice for that language
STARTUP_DEADLINE_S = 4.5  # importing and starting an engine (SAPI5 can be slow)
MAX_FAILED_STARTS = 3  # in a row: then the engine is unavailable (notice, chimes) ...
RETRY_AFTER_S = 600.0  # ... until a request this much later tries it again
RENDER_DEADLINE_S = 4.0  # a phrase renders in ~10 ms with espeak-ng, ~0.3 s with Piper
SPEECH_STOPPED = "speech was stopped"  # why requests were lost to interrupt()
RESTARTED = "the speech worker restarted"  # ... and to restart()


def system_voice(language: str) -> str | None:
    """The system voice asked for a language: the engine's default for English."""
    return None if language == "en" else f"{LANGUAGE_VOICE}{language}"


class Backend(Protocol):
    """What the worker drives. The real one wraps pyttsx3; tests inject fakes."""

    name: str

    def voices(self) -> list[dict[str, Any]]: ...

    def render(self, text: str, path: str, voice: str | None, rate: int) -> None: ...

    def say(self, text: str, voice: str | None, rate: int, volume: float) -> None: ...


class Pyttsx3Backend:
    """pyttsx3: espeak-ng on Linux, SAPI5 on Windows, NSSS on macOS."""

    def __init__(self) -> None:
        import pyttsx3  # only ever in the worker process

        self._engine = pyttsx3.init()
        self.name = f"pyttsx3-{type(self._engine.proxy._driver).__module__.rsplit('.', 1)[-1]}"
        self._by_language: dict[str, str | None] = {}
        # "no voice chosen" must mean this one, not whichever voice was used last
        self._default_voice = self._engine.getProperty("voice")

    def _set(self, voice: str | None, rate: int, volume: float = 1.0) -> None:
        if voice and voice.startswith(LANGUAGE_VOICE):
            voice = self._voice_for(voice[len(LANGUAGE_VOICE):])
        voice = voice or self._default_voice
        if voice:
            self._engine.setProperty("voice", voice)
        self._engine.setProperty("rate", rate)
        self._engine.setProperty("volume", volume)

    def _voice_for(self, language: str) -> str | None:
        """The first voice that speaks `language` ("de"), or None (the default voice)."""
        from stretchtimer.voice.piper_voices import language_of

        if language not in self._by_language:
            self._by_language[language] = next(
                (v["id"] for v in self.voices()
                 if any(language_of(lang.lstrip("\x05")) == language
                        for lang in v["languages"])), None)
        return self._by_language[language]

    def voices(self) -> list[dict[str, Any]]:
        out = []
        for v in self._engine.getProperty("voices"):
            langs = [lang.decode(errors="replace") if isinstance(lang, bytes) else str(lang)
                     for lang in (v.languages or [])]
            out.append({"id": v.id, "name": v.name, "languages": langs})
        return out

    def render(self, text: str, path: str, voice: str | None, rate: int) -> None:
        self._set(voice, rate)
        # pyttsx3's espeak driver now and then finishes a queued save with no audio (about
        # 1 render in 50 here); trying again has always worked.
        for _attempt in range(3):
            self._engine.save_to_file(text, path)
            self._engine.runAndWait()
            if os.path.exists(path) and os.path.getsize(path) > 44:
                return
        raise RuntimeError(f"the engine wrote no audio for {text!r}")

    def say(self, text: str, voice: str | None, rate: int, volume: float) -> None:
        self._set(voice, rate, volume)
        # pyttsx3 2.99's espeak driver keeps the last save_to_file path, so after any
        # render a say() silently overwrites that file instead of playing: forget it.
        driver: Any = getattr(self._engine.proxy, "_driver", None)
        if getattr(driver, "_save_file", None) is not None:
            driver._save_file = None
        self._engine.say(text)
        self._engine.runAndWait()


class SystemAndPiper:
    """The system's voices through pyttsx3, and Piper's natural voices when piper-tts and
    a voice are installed ("piper:..." ids). Either alone is enough to speak."""

    def __init__(self) -> None:
        from stretchtimer.storage.paths import Paths

        self.system: Pyttsx3Backend | None = None
        self.piper: Any = None
        problems = []
        try:
            self.system = Pyttsx3Backend()
        except Exception as exc:  # noqa: BLE001 - Piper may still speak
            problems.append(f"system voices: {type(exc).__name__}: {exc}")
        try:
            from stretchtimer.voice.piper_backend import PiperBackend

            self.piper = PiperBackend(Paths.default().voices)
        except ImportError:
            pass  # piper-tts not installed: the system voices only
        except Exception as exc:  # noqa: BLE001 - a broken voice must not silence the rest
            problems.append(f"Piper: {type(exc).__name__}: {exc}")
        if self.system is None and self.piper is None:
            raise RuntimeError("; ".join(problems) or "no speech engine")
        self.name = " + ".join(b.name for b in (self.system, self.piper) if b is not None)

    def _route(self, voice: str | None) -> tuple[Any, str | None]:
        from stretchtimer.voice.piper_voices import PREFIX

        if voice and voice.startswith(PREFIX):
            if self.piper is None:
                raise OSError(f"the Piper voice {voice[len(PREFIX):]} cannot be used here "
                              "(piper-tts or the voice file is missing)")
            return self.piper, voice
        if self.system is None:
            raise OSError("the system voices are unavailable")
        return self.system, voice

    def voices(self) -> list[dict[str, Any]]:
        system = [dict(v, engine="system") for v in self.system.voices()] if self.system else []
        return system + (self.piper.voices() if self.piper is not None else [])

    def render(self, text: str, path: str, voice: str | None, rate: int) -> None:
        backend, voice = self._route(voice)
        backend.render(text, path, voice, rate)

    def say(self, text: str, voice: str | None, rate: int, volume: float) -> None:
        """Live speech is for a cue whose render is not ready: the system voice of the same
        language says it, as it starts in ~30 ms where Piper takes ~0.3 s (0.8 s while its
        voice loads); Piper says it only where there is no system voice."""
        from stretchtimer.voice.piper_voices import PREFIX, language_of

        if voice and voice.startswith(PREFIX) and self.system is not None:
            # (also when Piper is gone: its voice's language is the start of its name)
            lang = language_of(voice[len(PREFIX):]) or "en"
            self.system.say(text, system_voice(lang), rate, volume)
            return
        backend, voice = self._route(voice)
        backend.say(text, voice, rate, volume)


def trim_leading_silence(path: str, threshold: float = 0.02, keep_s: float = 0.002) -> None:
    """Cut the engine's silence before the first sound (1-18 ms with espeak-ng, different
    for every phrase), so a cue is heard the moment it is played."""
    with wave.open(path, "rb") as f:
        params = f.getparams()
        frames = f.readframes(params.nframes)
    if params.sampwidth != 2 or params.nchannels != 1 or not frames:
        return
    samples = memoryview(frames).cast("h")
    limit = int(threshold * 32768)
    first = next((i for i, v in enumerate(samples) if abs(v) > limit), 0)
    start = max(0, first - int(keep_s * params.framerate))
    if start:
        with wave.open(path, "wb") as f:
            f.setparams(params)
            f.writeframes(frames[start * 2:])


LOUDNESS_DBFS = -20.0  # every phrase, from any engine or voice, speaks this loud (RMS)
# and no sample above this: -0.3 dBFS leaves Piper's peakiest phrases room to reach the
# loudness (at -1.0 one in thirty-five of the desk micro-break's came out 1 dB quiet)
PEAK_DBFS = -0.3
GATE_DB = 20.0  # 10 ms frames this far below the loudest are pauses, not speech
PROCESSING = "trim1+loud2"  # in every cache key: a change here renders phrases again


def read_samples(path: str) -> tuple[Any, Any]:
    """A WAV's parameters and its 16-bit samples (an array of "h"; None for another
    sample width)."""
    from array import array

    with wave.open(path, "rb") as f:
        params = f.getparams()
        frames = f.readframes(params.nframes)
    if params.sampwidth != 2:
        return params, None
    samples = array("h")
    samples.frombytes(frames[: len(frames) // 2 * 2])
    if sys.byteorder == "big":
        samples.byteswap()  # WAV is little-endian
    return params, samples


def write_samples(path: str, params: Any, samples: Any) -> None:
    if sys.byteorder == "big":
        samples = samples[:]
        samples.byteswap()
    with wave.open(path, "wb") as f:
        f.setparams(params)
        f.writeframes(samples.tobytes())


def normalize_loudness(path: str) -> float:
    """Scale a rendered phrase to LOUDNESS_DBFS, measured over its speech (frames within
    GATE_DB of the loudest, so pauses do not count), with its peak kept at PEAK_DBFS.
    Returns the gain applied (1.0: silence, left alone)."""
    import math
    import operator
    from array import array

    params, samples = read_samples(path)
    if not samples:
        return 1.0
    step = max(1, params.framerate * params.nchannels // 100)
    powers = [sum(map(operator.mul, chunk, chunk)) / len(chunk)
              for chunk in (samples[i:i + step] for i in range(0, len(samples), step))]
    loudest = max(powers)
    peak = max(max(samples), -min(samples))
    if loudest <= 0 or peak <= 0:
        return 1.0
    speech = [pw for pw in powers if pw >= loudest * 10 ** (-GATE_DB / 10)]
    rms = math.sqrt(sum(speech) / len(speech)) / 32768
    gain = min(10 ** (LOUDNESS_DBFS / 20) / rms, 10 ** (PEAK_DBFS / 20) * 32767 / peak)
    write_samples(path, params, array("h", (max(-32768, min(32767, round(v * gain)))
                                            for v in samples)))
    return gain


def speech_seconds(path: str, threshold: float = 0.02) -> float:
    """How long the speech in a WAV lasts (up to its last sound; the engine's trailing
    silence does not count), for planning cues around real lengths."""
    with wave.open(path, "rb") as f:
        params = f.getparams()
        frames = f.readframes(params.nframes)
    if params.sampwidth != 2 or not frames:
        return params.nframes / max(params.framerate, 1)
    samples = memoryview(frames).cast("h")
    limit = int(threshold * 32768)
    last = next((i for i in range(len(samples) - 1, -1, -1) if abs(samples[i]) > limit), 0)
    return (last + 1) / params.nchannels / params.framerate


def load_backend(spec: str) -> Backend:
    module, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module), attr)()


def worker_main(conn, spec: str) -> None:
    """The worker process: start the engine, then answer requests one at a time."""
    if hasattr(os, "setpgrp"):
        os.setpgrp()  # its own process group, so a kill also ends aplay and friends
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - for the worker's life; pyttsx3 prints
    try:
        backend = load_backend(spec)
    except Exception as exc:  # noqa: BLE001 - any failure means "no speech engine"
        conn.send(("unavailable", 0, f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", 0, backend.name))
    queue: list[tuple[str, int, Any]] = []
    while True:
        try:
            while not queue or conn.poll(0):  # everything sent so far, then the next one
                queue.append(conn.recv())
        except (EOFError, OSError):
            return  # the app is gone
        kind, rid, args = queue.pop(_next_up([k for k, _, _ in queue]))
        try:
            if kind == "voices":
                result: Any = backend.voices()
            elif kind == "render":
                backend.render(args["text"], args["path"], args.get("voice"), args["rate"])
                trim_leading_silence(args["path"])
                normalize_loudness(args["path"])  # (PROCESSING names these two steps)
                result = args["path"]
            elif kind == "say":
                backend.say(args["text"], args.get("voice"), args["rate"], args["volume"])
                result = None
            else:
                raise ValueError(f"unknown request {kind!r}")
            reply = ("ok", rid, result)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI, worker lives on
            reply = ("error", rid, f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except OSError:  # BrokenPipeError: the app is gone; leave without a traceback
            return


WORKER_FLAG = "--speech-worker"  # how the frozen app is told to be the worker


def child_main(argv: list[str]) -> None:
    """The worker's entry as a subprocess: `FD SPEC`, FD its end of the socketpair."""
    from multiprocessing.connection import Connection

    worker_main(Connection(int(argv[0])), argv[1])


class _Subprocess:
    """The worker as a plain subprocess with a socketpair (POSIX): the handle the client
    needs of it, as multiprocessing's Process would give it."""

    def __init__(self, spec: str) -> None:
        from multiprocessing.connection import Connection

        ours, theirs = socket.socketpair()
        fd = theirs.fileno()
        if getattr(sys, "frozen", False):
            cmd = [sys.executable, WORKER_FLAG, str(fd), spec]
        else:
            cmd = [sys.executable, "-m", "stretchtimer.voice.engine", str(fd), spec]
        # the same imports as ours (a checkout, a test's fake engine)
        path = os.pathsep.join(p or os.getcwd() for p in sys.path)
        self._popen = subprocess.Popen(cmd, pass_fds=(fd,), stdin=subprocess.DEVNULL,
                                       env=dict(os.environ, PYTHONPATH=path))
        theirs.close()
        self.pid = self._popen.pid
        self.conn = Connection(ours.detach())

    def is_alive(self) -> bool:
        return self._popen.poll() is None

    def kill(self) -> None:
        self._popen.kill()

    def join(self, timeout: float) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._popen.wait(timeout)


@dataclass
class Reply:
    kind: str  # "ready", "unavailable", "ok", "error", "lost" (worker killed or crashed)
    request: str  # the request kind it answers ("start" for ready / unavailable)
    rid: int
    value: Any = None
    args: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Pending:
    kind: str
    args: dict[str, Any]
    seconds: float  # its allowance, counted from when the worker can start on it


def _next_up(kinds: list[str]) -> int:
    """Which queued request the worker takes next: live speech first (a cue is due now),
    then the voice list (Settings is open), else the oldest (renders for later can wait).
    The client mirrors this to know whose deadline runs."""
    for urgent in ("say", "voices"):
        if urgent in kinds:
            return kinds.index(urgent)
    return 0


class EngineClient:
    """The GUI's handle on the worker. Never blocks: `read()` only takes what has arrived;
    `check(now)` kills and restarts a worker that has missed a deadline."""

    def __init__(self, backend: str = DEFAULT_BACKEND,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.backend = backend
        self.clock = clock
        self._proc: Any = None  # the worker: a _Subprocess, or a SpawnProcess on Windows
        self._conn: Any = None  # our end of its pipe
        self._pending: dict[int, _Pending] = {}
        self._next_id = 1
        self._starting_deadline: float | None = None
        self._answered: list[Reply] = []  # replies made here, handed out by the next read()
        self.engine_name: str | None = None
        self.unavailable: str | None = None
        self.restarts = 0
        self.failed_starts = 0  # in a row; a worker that says "ready" resets it
        self._retry_at: float | None = None  # when an engine that would not start is tried again
        self._since = clock()  # when the request the worker works on now could start

    # --- life cycle ---

    def start(self) -> None:
        if hasattr(os, "fork"):
            self._proc = _Subprocess(self.backend)
            self._conn = self._proc.conn
        else:  # no pass_fds: multiprocessing's spawn (no forked copy of Qt in the worker)
            import multiprocessing  # loaded only now: 3 MB the tray does not need

            ctx = multiprocessing.get_context("spawn")
            parent, child = ctx.Pipe()
            self._proc = ctx.Process(target=worker_main, args=(child, self.backend),
                                     daemon=True, name="stretchtimer-speech")
            self._proc.start()
            child.close()
            self._conn = parent
        self._starting_deadline = self.clock() + STARTUP_DEADLINE_S

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def fileno(self) -> int | None:
        return self._conn.fileno() if self._conn is not None else None

    def busy(self) -> bool:
        """Something is awaited (a reply or the start): the watchdog must keep looking."""
        return bool(self._pending) or self._starting_deadline is not None

    def answered(self) -> bool:
        """Replies made here (a request with no engine) wait for the next read()."""
        return bool(self._answered)

    def next_deadline(self) -> float | None:
        """The worker answers one request at a time, so only the one it works on now has
        a deadline running (a queue of Piper renders at ~0.3 s each would otherwise miss
        theirs while waiting), counted from the previous answer; while it starts, only
        its start deadline runs."""
        if self._starting_deadline is not None:
            return self._starting_deadline
        if not self._pending:
            return None
        pending = list(self._pending.values())
        return self._since + pending[_next_up([p.kind for p in pending])].seconds

    def close(self) -> None:
        self._kill()
        self._pending.clear()

    # --- requests ---

    def request(self, kind: str, deadline_s: float, **args: Any) -> int:
        """Queue a request; its reply comes from read(). Starts the worker if needed."""
        rid = self._next_id
        self._next_id += 1
        if self._retry_at is not None and self.clock() >= self._retry_at:
            self.unavailable, self._retry_at, self.failed_starts = None, None, 0  # try again
        if self.unavailable is not None:  # no engine: answer at once, start nothing
            self._answered.append(Reply("lost", kind, rid, self.unavailable, args))
            return rid
        if self._proc is None:
            self.start()
        if not self._pending:
            self._since = self.clock()  # the worker is free: this one starts now
        self._pending[rid] = _Pending(kind, args, deadline_s)
        try:
            self._conn.send((kind, rid, args))
        except (BrokenPipeError, OSError):
            pass  # the worker died; check() restarts it and reports the loss
        return rid

    def read(self) -> list[Reply]:
        out, self._answered = self._answered, []
        while self._conn is not None:
            try:
                if not self._conn.poll(0):
                    break
                kind, rid, value = self._conn.recv()
            except (EOFError, OSError):
                out += self._lose_worker("the speech worker crashed", restart=True)
                break
            self._since = self.clock()  # an answer: the next request starts now
            if kind in ("ready", "unavailable"):
                self._starting_deadline = None
                out.append(Reply(kind, "start", 0, value))
                if kind == "ready":
                    self.engine_name, self.unavailable = value, None
                    self.failed_starts = 0
                else:  # the worker has exited; nothing pending will be answered
                    self.unavailable = value
                    out += self._lose_worker(value)
                    break
                continue
            pending = self._pending.pop(rid, None)
            if pending is not None:
                out.append(Reply(kind, pending.kind, rid, value, pending.args))
        return out

    def check(self, now: float | None = None) -> list[Reply]:
        """Kill and restart a worker past a deadline; report what was lost."""
        deadline = self.next_deadline()
        now = self.clock() if now is None else now
        if deadline is not None and now >= deadline:
            return self._lose_worker("the speech worker did not answer in time", restart=True)
        if self._proc is not None and not self._proc.is_alive() and self.busy():
            return self._lose_worker("the speech worker crashed", restart=True)
        return []

    def interrupt(self) -> list[Reply]:
        """Cut live speech at once: the only way to stop a blocking say() is to end it."""
        if any(p.kind == "say" for p in self._pending.values()):
            return self._lose_worker(SPEECH_STOPPED, restart=True)
        return []

    def restart(self) -> list[Reply]:
        """End the worker so that the next request starts a new one, which finds what
        changed (an added voice); what was pending is reported lost (RESTARTED). Not a
        failed start, even if it was still starting."""
        self._starting_deadline = None
        return self._lose_worker(RESTARTED)

    # --- internals ---

    def _lose_worker(self, why: str, restart: bool = False) -> list[Reply]:
        lost = [Reply("lost", p.kind, rid, why, p.args) for rid, p in self._pending.items()]
        self._pending.clear()
        if self._starting_deadline is not None:  # it died or hung before saying "ready"
            self.failed_starts += 1
        self._kill()
        if restart and self.unavailable is None:
            if self.failed_starts >= MAX_FAILED_STARTS:
                # an engine that will not start is not respawned again and again: it is
                # unavailable (the notice and the chimes), and tried again later
                self.unavailable = (f"the speech engine did not start ({self.failed_starts} "
                                    f"tries in a row: {why})")
                self._retry_at = self.clock() + RETRY_AFTER_S
                return [Reply("unavailable", "start", 0, self.unavailable)] + lost
            self.restarts += 1
            self.start()
        return lost

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        conn, self._conn = self._conn, None
        self._starting_deadline = None
        if conn is not None:
            conn.close()
        if proc is None:
            return
        if proc.is_alive() and hasattr(os, "killpg"):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)  # the worker and what it started
        if proc.is_alive():
            proc.kill()  # before it made its own group, or on Windows
        proc.join(timeout=2)


if __name__ == "__main__":  # the worker, as _Subprocess starts it
    child_main(sys.argv[1:])
