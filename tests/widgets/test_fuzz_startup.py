"""The whole app starts over damaged files in every place it reads (the window, the
history, reminders and speech), and loses none of the user's files."""

from hypothesis import HealthCheck, given, settings

from tests.unit.test_fuzz_readers import EXAMPLES, VALID_FILES, damaged


@settings(max_examples=max(10, EXAMPLES // 8), deadline=None,  # a window per example
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(damaged(VALID_FILES["settings"]), damaged(VALID_FILES["routine"]),
       damaged(VALID_FILES["journal"]), damaged(b"{}"), damaged(VALID_FILES["wav"]))
def test_the_app_starts_over_damaged_files_everywhere(qtbot, tmp_path_factory, monkeypatch,
                                                     settings_raw, routine_raw, journal_raw,
                                                     snapshot_raw, wav_raw):
    from stretchtimer.app import _after_paint, build_app
    from stretchtimer.core.clock import FakeClock
    from stretchtimer.storage.paths import Paths
    from stretchtimer.voice.service import SpeechService

    monkeypatch.setattr(SpeechService, "start", lambda self: None)  # no worker per example
    root = tmp_path_factory.mktemp("home")
    paths = Paths.under(root)
    files = {paths.settings_file: settings_raw, paths.user_routines / "mine.json": routine_raw,
             paths.journal: VALID_FILES["journal"] + journal_raw,
             paths.history_snapshot: snapshot_raw, paths.speech_cache / "x.wav": wav_raw}
    for path, raw in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
    app = build_app(paths, FakeClock(wall=1_763_560_800))  # 2025-11-19
    window = app.window
    qtbot.addWidget(window)
    window.show()
    _after_paint(app, paths)  # the tray icon now, the rest on the next turn of the loop
    try:
        qtbot.waitUntil(lambda: app.reminders is not None)  # up (the tray, where there is one)
        window.show_tab(1)
        assert window.history_page.content is not None
        assert window.history_page.content.stats.total_sessions >= 5
        everything = [p.read_bytes() for p in root.rglob("*") if p.is_file()]
        for path, raw in files.items():
            if path != paths.history_snapshot and path.suffix != ".wav":  # caches may go
                assert raw in everything, f"{path.name} lost"
    finally:
        app.voice.service.shutdown()
