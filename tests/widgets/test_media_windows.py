"""The Windows media controls' logic against a stand-in for WinRT's session manager
(the real API cannot run here; MPRIS, its Linux counterpart, runs for real in
tests/e2e/test_media.py): the very sessions paused are resumed, only if still paused."""

import sys
import types

import pytest

from stretchtimer.platform import media


class Status:
    PLAYING, PAUSED, STOPPED = 4, 5, 3


class Session:
    def __init__(self, app, status):
        self.source_app_user_model_id, self.status, self.calls = app, status, []

    def get_playback_info(self):
        return types.SimpleNamespace(playback_status=self.status)

    async def try_pause_async(self):
        self.calls.append("pause")
        self.status = Status.PAUSED
        return True

    async def try_play_async(self):
        self.calls.append("play")
        self.status = Status.PLAYING
        return True


@pytest.fixture
def sessions(monkeypatch):
    found = []

    class Manager:
        @staticmethod
        async def request_async():
            return types.SimpleNamespace(get_sessions=lambda: list(found))

    control = types.ModuleType("winrt.windows.media.control")
    control.GlobalSystemMediaTransportControlsSessionManager = Manager
    control.GlobalSystemMediaTransportControlsSessionPlaybackStatus = Status
    for name in ("winrt", "winrt.windows", "winrt.windows.media"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "winrt.windows.media.control", control)
    sys.modules["winrt.windows.media"].control = control
    return found


def test_the_sessions_paused_are_resumed_only_if_still_paused(sessions):
    tab1, tab2 = Session("Chrome", Status.PLAYING), Session("Chrome", Status.PAUSED)
    spotify = Session("Spotify", Status.PLAYING)
    sessions += [tab1, tab2, spotify]
    pauser = media.WindowsMediaPauser()
    pauser.pause_playing()
    pauser._idle.wait(5)
    spotify.status = Status.STOPPED  # the user stopped it meanwhile
    pauser.shutdown()
    assert tab1.calls == ["pause", "play"]
    assert tab2.calls == []  # the same app, paused before: left paused
    assert spotify.calls == ["pause"]  # stopped by the user: left stopped


def test_where_winrt_is_missing_there_is_no_pauser_and_no_error(monkeypatch):
    monkeypatch.setattr(media.sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "winrt", None)  # not installed
    assert media.media_pauser() is None
