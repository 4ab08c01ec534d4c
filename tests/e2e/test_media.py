"""Music steps aside during a routine, against stand-in media players (each its own
process speaking MPRIS) on a private D-Bus daemon started here."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from stretchtimer.platform.media import PATH, PLAYER, PROPS, MprisPauser

FAKE = Path(__file__).parents[1] / "fake_mpris_player.py"


class Bus:
    def __init__(self, address, tmp_path):
        self.address = address
        self.players: dict[str, subprocess.Popen] = {}
        self.name = f"media-{id(tmp_path)}"
        self.conn = QDBusConnection.connectToBus(address, self.name)

    def player(self, name, status, *options):
        proc = subprocess.Popen([sys.executable, str(FAKE), name, status, *options], text=True,
                                stdout=subprocess.PIPE, env={
                                    **os.environ, "DBUS_SESSION_BUS_ADDRESS": self.address,
                                    "QT_QPA_PLATFORM": "offscreen"})
        assert proc.stdout.readline().strip() == "ready"
        self.players[name] = proc
        return proc

    def status(self, name):
        message = QDBusMessage.createMethodCall(f"org.mpris.MediaPlayer2.{name}", PATH, PROPS,
                                                "Get")
        message.setArguments([PLAYER, "PlaybackStatus"])
        reply = self.conn.call(message)
        value = reply.arguments()[0]
        return value.variant() if hasattr(value, "variant") else value

    def press(self, name, button):
        """What the user does in the player itself."""
        self.conn.call(QDBusMessage.createMethodCall(f"org.mpris.MediaPlayer2.{name}", PATH,
                                                     PLAYER, button))

    def calls(self, name):
        """The calls the player got, in order (it prints each)."""
        proc = self.players[name]
        proc.terminate()
        out = proc.communicate(timeout=10)[0].split()
        return out


@pytest.fixture
def bus(qapp, tmp_path):
    assert shutil.which("dbus-daemon"), "dbus is installed by the README's test command"
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    made = Bus(daemon.stdout.readline().strip(), tmp_path)
    yield made
    QDBusConnection.disconnectFromBus(made.name)
    for proc in [*made.players.values(), daemon]:
        if proc.poll() is None:
            proc.terminate()
        proc.communicate(timeout=10)


def settle(qtbot, pauser):
    qtbot.waitUntil(lambda: not pauser._calls, timeout=5000)


def test_playing_players_are_paused_for_a_routine_and_exactly_those_resumed(qtbot, bus):
    bus.player("vlc", "Playing")
    bus.player("spotify", "Playing")
    bus.player("rhythmbox", "Paused")  # paused before: stays paused after
    pauser = MprisPauser(bus.conn)
    pauser.pause_playing()
    qtbot.waitUntil(lambda: bus.status("vlc") == bus.status("spotify") == "Paused",
                    timeout=5000)
    settle(qtbot, pauser)
    assert pauser.paused == ["org.mpris.MediaPlayer2.spotify", "org.mpris.MediaPlayer2.vlc"]
    pauser.resume()
    qtbot.waitUntil(lambda: bus.status("vlc") == bus.status("spotify") == "Playing",
                    timeout=5000)
    settle(qtbot, pauser)
    assert bus.status("rhythmbox") == "Paused"
    assert bus.calls("vlc") == bus.calls("spotify") == ["Pause", "Play"]
    assert bus.calls("rhythmbox") == []


def test_a_player_the_user_takes_back_meanwhile_is_left_as_they_left_it(qtbot, bus):
    bus.player("vlc", "Playing")
    bus.player("mpv", "Playing")
    pauser = MprisPauser(bus.conn)
    pauser.pause_playing()
    qtbot.waitUntil(lambda: bus.status("vlc") == bus.status("mpv") == "Paused", timeout=5000)
    settle(qtbot, pauser)
    bus.press("vlc", "Play")  # the user wants music after all, then pauses it again
    bus.press("vlc", "Pause")
    bus.press("mpv", "Stop")  # and stops the other
    qtbot.waitUntil(lambda: pauser.paused == [], timeout=5000)
    pauser.resume()
    settle(qtbot, pauser)
    assert bus.status("vlc") == "Paused" and bus.status("mpv") == "Stopped"
    assert bus.calls("vlc") == ["Pause", "Play", "Pause"]  # ours, then the user's two


def test_a_player_that_goes_away_mid_routine_is_no_error(qtbot, bus):
    bus.player("vlc", "Playing")
    bus.player("spotify", "Playing")
    pauser = MprisPauser(bus.conn)
    pauser.pause_playing()
    qtbot.waitUntil(lambda: len(pauser.paused) == 2, timeout=5000)
    settle(qtbot, pauser)
    bus.calls("vlc")  # quits
    pauser.resume()  # its Play finds nobody: answered with an error, and that is all
    settle(qtbot, pauser)
    assert bus.status("spotify") == "Playing"


def test_a_routine_that_ends_before_the_players_answer_pauses_nothing(qtbot, bus):
    bus.player("vlc", "Playing")
    pauser = MprisPauser(bus.conn)
    pauser.pause_playing()
    pauser.resume()  # a routine stopped at once: its late answers pause nothing
    settle(qtbot, pauser)
    assert bus.status("vlc") == "Playing" and bus.calls("vlc") == []


def test_a_player_with_two_names_is_paused_once_and_one_that_refuses_is_not_resumed(
        qtbot, bus):
    bus.player("vlc", "Playing", "alias=vlc.instance4242")
    bus.player("radio", "Playing", "refuse")
    pauser = MprisPauser(bus.conn)
    for _routine in range(2):
        pauser.pause_playing()
        qtbot.waitUntil(lambda: bus.status("vlc") == "Paused", timeout=5000)
        settle(qtbot, pauser)
        (paused,) = pauser.paused  # once, by either name; the radio let go
        assert paused.startswith("org.mpris.MediaPlayer2.vlc")
        pauser.resume()
        settle(qtbot, pauser)
    assert bus.status("radio") == "Playing" and bus.status("vlc") == "Playing"
    assert bus.calls("vlc") == ["Pause", "Play"] * 2
    assert bus.calls("radio") == ["Pause"] * 2  # never told to play: it never stopped
    from stretchtimer.platform.media import _Watch

    qtbot.waitUntil(lambda: pauser.findChildren(_Watch) == [], timeout=2000)  # none left


def next_call(proc, within=30.0):
    """The next call a stand-in player prints, or None after `within` seconds."""
    import select

    ready, _, _ = select.select([proc.stdout], [], [], within)
    return proc.stdout.readline().strip() if ready else None


def test_the_app_pauses_the_music_for_a_routine_and_resumes_it_when_it_quits(bus, tmp_path):
    import signal
    import time

    vlc = bus.player("vlc", "Playing")
    home = tmp_path / "home"
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus.address, "QT_QPA_PLATFORM": "offscreen",
           "STRETCHTIMER_HOME": str(home), "XDG_RUNTIME_DIR": str(tmp_path)}
    app = subprocess.Popen([sys.executable, "-m", "stretchtimer", "--start", "walk-break"],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert next_call(vlc) == "Pause", "the routine did not pause the music"
        log = (home / "log" / "stretchtimer.log").read_text()
        assert "routine walk-break started" in log and "pausing org.mpris.MediaPlayer2.vlc" in log
        started = time.monotonic()
        app.send_signal(signal.SIGTERM)  # quit mid-routine: the routine is recorded as stopped
        assert app.wait(timeout=10) == 0
        assert next_call(vlc, 5) == "Play"  # ... and the music is back
        assert time.monotonic() - started < 5
    finally:
        if app.poll() is None:
            app.kill()
        app.communicate(timeout=10)
