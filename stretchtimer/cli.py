"""Command line: the text commands run without Qt; no command at all opens the app."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from stretchtimer.command import parse

if TYPE_CHECKING:  # the text commands load these; the app goes straight to Qt
    from stretchtimer.core.phrases import Phrases
    from stretchtimer.core.planner import PlanContext
    from stretchtimer.core.routine import Library

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _print(text: str, file: TextIO) -> None:
    """Print for a terminal: control and direction characters (from a file name or a
    hostile routine) are shown as escapes, never sent to the terminal raw."""
    print(_UNSAFE.sub(lambda m: ascii(m.group())[1:-1], text), file=file)


def list_routines(library: Library, context: PlanContext, out: TextIO) -> None:
    from stretchtimer.core.plan import format_clock

    rows = []
    for r in library.routines.values():
        plan = context.plan(r)
        kit = ", ".join(r.equipment) or "none"
        rows.append((r.id, r.name, format_clock(plan.total), r.position, kit, r.summary,
                     "" if r.built_in else "  (yours)"))
    if not rows:
        _print("No routines found.", file=out)
        return
    w_id = max(len(r[0]) for r in rows)
    w_name = max(len(r[1]) for r in rows)
    w_kit = max(len(r[4]) for r in rows)
    for rid, name, dur, pos, kit, summary, mine in rows:
        _print(f"{rid:<{w_id}}  {name:<{w_name}}  {dur:>5}  {pos:<8}  {kit:<{w_kit}}  "
              f"{summary}{mine}", file=out)


def _ask(kind: str, deadline_s: float, **args: Any) -> tuple[str, Any]:
    """One request to a speech worker of its own, as the app's (blocking here: a
    terminal has nothing else to do); ("ok", value), or ("error", why)."""
    import time

    from stretchtimer.voice.engine import EngineClient

    client = EngineClient()
    try:
        client.request(kind, deadline_s, **args)
        end = time.monotonic() + deadline_s + 10  # its start, and the deadline itself
        while time.monotonic() < end:
            replies = [r for r in client.read() + client.check() if r.request == kind]
            if replies:
                return replies[0].kind, replies[0].value
            time.sleep(0.02)
        return "error", f"no answer in {deadline_s + 10:.0f} s"
    finally:
        client.close()


def _speaking_voice(chosen: str | None) -> tuple[str | None, Any]:
    """The voice that speaks (the chosen one, else the setting's) and the voice settings."""
    from stretchtimer.storage.paths import Paths

    paths = Paths.default()
    settings = _settings(paths).voice
    return _app_voice(chosen or settings.voice, paths), settings


def _app_voice(chosen: str | None, paths: Any) -> str | None:
    """The voice the app asks of the engine for `chosen`: with none chosen, its default
    for English (as --plan assumes), a natural one where there is one."""
    from stretchtimer.voice.cache import voice_for
    from stretchtimer.voice.piper_voices import usable_voices

    return voice_for(chosen, "en", usable_voices(paths.voices))


def _settings(paths: Any) -> Any:
    """The settings as the app would read them: the user's over the organisation's."""
    from stretchtimer.storage.defaults import load_defaults
    from stretchtimer.storage.settings import peek

    return peek(paths.settings_file, load_defaults(paths.site_defaults))


def list_voices(out: TextIO, err: TextIO) -> int:
    """Ask the speech worker, as the app does, for its voices; mark the one in use."""
    current, _ = _speaking_voice(None)
    kind, value = _ask("voices", 20)
    if kind != "ok":
        _print(f"stretchtimer: no speech engine: {value}", file=err)
        return 1
    from stretchtimer.voice.voice_list import natural_first

    voices = sorted(value, key=natural_first)
    marked = current if any(v["id"] == current for v in voices) else None
    for v in voices:
        mark = "*" if v["id"] == marked else " "
        langs = ",".join(v.get("languages") or []) or "-"
        _print(f"{mark} {v.get('engine', 'system'):<6}  {v['id']}  {langs}  {v['name']}",
               file=out)
    if marked is None:
        _print("* the engine's default voice (English) speaks: none is chosen", file=out)
    return 0


NOT_RUNNING = 3  # the exit code of a control command when no stretchtimer runs


def control(argv: list[str], out: TextIO, err: TextIO, alone_ok: bool = False) -> int:
    """--status and the other controls: the running instance does it and answers with
    its state as JSON, printed here. `alone_ok`: with none running, say nothing (the
    caller does it itself)."""
    import json

    from stretchtimer.platform.single_instance import SingleInstance

    try:
        answer = SingleInstance().ask(argv, retry_for_s=1.0)
    except TimeoutError as exc:  # reached, but busy: it may still do it
        _print(f"stretchtimer: {exc}; see --status in a moment", file=err)
        return 1
    except OSError as exc:  # no private folder for the socket: none can run either
        answer = None
        _print(f"stretchtimer: {exc}", file=err)
    if answer is None:
        if alone_ok:
            return NOT_RUNNING
        _print("stretchtimer is not running (start it, or stretchtimer --tray)", file=err)
        return NOT_RUNNING
    if not answer:  # still starting (its commands not set up), or a version before them
        _print("stretchtimer: the running stretchtimer did not take this command (it is "
               "starting, or older than it): try again in a moment", file=err)
        return 1
    try:
        state = json.loads(answer)
        held = state.get("held_by", [])
        starting, welcome = "starting" in held, "welcome" in held
        error = state.pop("error", None)
    except (ValueError, AttributeError):
        starting = welcome = False
        error = None
    if error:
        _print(f"stretchtimer: {error}", file=err)
        return 1
    _print(answer, file=out)
    command = parse(argv)
    if starting and (command.pause_reminders is not None or command.resume_reminders or
                     command.snooze is not None or command.skip):
        _print("stretchtimer: it is still starting and did not do that yet: try again in "
               "a moment", file=err)
        return 1
    if welcome and (command.snooze is not None or command.skip):
        _print("stretchtimer: its welcome is open, and reminders start when it is closed: "
               "there is no reminder to move yet", file=err)
        return 1
    return 0


def sync_folder(folder: str, out: TextIO, err: TextIO) -> int:
    """--sync-folder: the running stretchtimer switches (so its settings and files agree);
    with none running, it is done here."""
    from dataclasses import replace

    from stretchtimer.storage.defaults import load_defaults
    from stretchtimer.storage.history_files import SyncProblem, folder_of, switch_folder
    from stretchtimer.storage.paths import Paths
    from stretchtimer.storage.settings import SettingsStore

    code = _sync_in_running_app(folder, out, err)
    if code != NOT_RUNNING:
        return code
    paths = Paths.default()
    store = SettingsStore(paths.settings_file, load_defaults(paths.site_defaults))
    settings = store.load()
    new = None if folder == "off" else Path(folder)
    try:
        if ("history", "sync_folder") in store.defaults.locked:
            raise SyncProblem("the history folder is set by your organisation")
        if store.read_only:
            raise SyncProblem(f"{paths.settings_file} is from a newer stretchtimer; "
                              "it is not changed")
        copied, _ = switch_folder(paths, folder_of(settings), new)
        store.save(replace(settings, history=replace(settings.history,
                                                     sync_folder=str(new or ""))))
    except (SyncProblem, OSError) as exc:
        _print(f"stretchtimer: --sync-folder: {exc}", file=err)
        return 1
    where = f"in {new}" if new else "on this computer only"
    _print(f"history kept {where} ({copied} record(s) copied)", file=out)
    return 0


def _sync_in_running_app(folder: str, out: TextIO, err: TextIO) -> int:
    """The running app copies on a thread: its --status says when that is done."""
    import io
    import json
    import time

    answer = io.StringIO()
    code = control(["--sync-folder", folder], answer, err, alone_ok=True)
    deadline = time.monotonic() + 600  # ten years of history on a slow share
    while code == 0:
        state = json.loads(answer.getvalue())
        if not state.get("history_switching"):
            if state.get("history_problem"):
                _print(f"stretchtimer: --sync-folder: {state['history_problem']}", file=err)
                return 1
            _print(json.dumps(state), file=out)
            return 0
        if time.monotonic() > deadline:
            _print("stretchtimer: --sync-folder: still copying; see --status", file=err)
            return 1
        time.sleep(0.2)  # a real process's progress, polled
        answer = io.StringIO()
        code = control(["--status"], answer, err)
    return code


def add_voice(model: str, out: TextIO, err: TextIO) -> int:
    """Copy a Piper voice into the voices folder and have a speech worker of its own (which
    finds it there) render a line with it; what was copied is taken out if it cannot."""
    from stretchtimer.storage.paths import Paths
    from stretchtimer.voice.piper_voices import add_voice_file, remove_voice_file

    try:
        added = add_voice_file(Path(model), Paths.default().voices)
    except OSError as exc:
        _print(f"stretchtimer: --add-voice: {exc}", file=err)
        return 1
    rendered, why = _rendered("Now the left leg. Breathe in.", added.voice.id, 170)
    if rendered is None:
        remove_voice_file(added)
        _print(f"stretchtimer: --add-voice: {Path(model).name} does not speak here ({why}); "
               "it was not added", file=err)
        return 1
    _print(f"added {added.voice.id}: {added.voice.name}", file=out)
    return 0


def say(text: str, voice: str | None, to: str | None, force: bool, out: TextIO,
        err: TextIO) -> int:
    """Say `text` now, or write it into `to`, as the app renders it (from the speech cache
    when it was said before, else rendered into the cache first): trimmed and
    loudness-matched, in any voice, a Piper one too."""
    if not text.strip():
        _print("stretchtimer: --say: nothing to say (the text is empty)", file=err)
        return 2
    target = Path(to) if to is not None else None
    if target is not None and target.exists() and not force:
        _print(f"stretchtimer: --to: {to} exists (--force replaces it)", file=err)
        return 1
    chosen, settings = _speaking_voice(voice)
    rendered, why = _rendered(text, chosen, settings.rate_wpm)
    if rendered is None:
        _print(f"stretchtimer: --say: {why}", file=err)
        return 1
    if target is None:
        why = _play(rendered, settings.volume)
        if why:
            _print(f"stretchtimer: --say: {why}", file=err)
            return 1
        return 0
    from stretchtimer.storage.atomic import write_atomic

    try:
        write_atomic(target, rendered.read_bytes())
    except OSError as exc:
        _print(f"stretchtimer: --to: {exc}", file=err)
        return 1
    _print(f"wrote {to} ({chosen or 'the default voice'})", file=out)
    return 0


def _rendered(text: str, voice: str | None, rate: int) -> tuple[Path | None, str]:
    """The cached render of `text`, made first when it is new; or None and why not."""
    from stretchtimer.storage.paths import Paths
    from stretchtimer.voice.cache import SpeechCache, cache_key, engine_key
    from stretchtimer.voice.engine import DEFAULT_BACKEND, RENDER_DEADLINE_S

    cache = SpeechCache(Paths.default().speech_cache)
    key = cache_key(text, voice, rate, engine_key(DEFAULT_BACKEND))
    rendered = cache.get(key)
    if rendered is None:
        temp = cache.temp_path()
        kind, value = _ask("render", RENDER_DEADLINE_S * 4, text=text, path=str(temp),
                           voice=voice, rate=rate)
        if kind != "ok":
            temp.unlink(missing_ok=True)
            return None, str(value)
        rendered = cache.commit(temp, key)
    return rendered, ""


def _play(path: Path, volume: float) -> str:
    """Play a WAV to the end through Qt's audio, as the app plays its cues; "" or why not."""
    import wave

    from PySide6.QtCore import QCoreApplication, QTimer, QUrl
    from PySide6.QtMultimedia import QSoundEffect

    try:
        with wave.open(str(path)) as f:
            seconds = f.getnframes() / f.getframerate()
    except (OSError, EOFError, wave.Error, ZeroDivisionError) as exc:
        return f"{path} is not a sound that can be played ({exc})"
    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    effect = QSoundEffect()
    effect.setVolume(volume)
    problem: list[str] = []

    def changed() -> None:
        if effect.status() == QSoundEffect.Status.Ready:
            effect.play()
        elif effect.status() == QSoundEffect.Status.Error:
            problem.append("the sound could not be played (is there an audio output?)")
            app.quit()

    effect.statusChanged.connect(changed)
    effect.playingChanged.connect(lambda: None if effect.isPlaying() else app.quit())
    def too_long() -> None:
        problem.append("the sound did not finish playing")
        app.quit()

    QTimer.singleShot(int(seconds * 1000) + 5000, too_long)
    effect.setSource(QUrl.fromLocalFile(str(path)))
    app.exec()
    return problem[0] if problem else ""


def _routines_folder() -> Path:
    """The user's routines, where the app keeps them (perhaps in the synced folder)."""
    from stretchtimer.storage.paths import Paths
    from stretchtimer.storage.synced_routines import routines_folder

    paths = Paths.default()
    return routines_folder(paths, _settings(paths))


def _library(lang: str | None = None) -> Library:
    from stretchtimer.storage.routines import load_routines

    return load_routines(_routines_folder(), lang)


def _language(setting: str) -> tuple[str, Phrases]:
    """The language the app would speak with this setting, and its phrases. Those are
    Qt translations: for a language other than English QtCore is loaded (never the
    widgets); English needs no Qt at all (a text command works without it)."""
    import os

    from stretchtimer.core.phrases import ENGLISH, LANGUAGES, first_language

    wanted = setting if setting in LANGUAGES else first_language(  # as Qt reads it on Linux
        name for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
        for name in os.environ.get(var, "").split(":")) or "en"
    if wanted == "en":
        return "en", ENGLISH
    try:
        from PySide6.QtCore import QCoreApplication

        from stretchtimer.ui import i18n
    except ImportError:  # Qt is not installed here: the texts are English
        return "en", ENGLISH
    app = QCoreApplication.instance() or QCoreApplication([])
    lang = i18n.install(app, setting)
    return lang, i18n.spoken_phrases() if lang != "en" else ENGLISH


def _report_errors(library: Library, err: TextIO) -> None:
    for exc in library.errors:
        _print(f"skipped {exc}", file=err)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    try:
        code = _main(argv, out, err)
        sys.stdout.flush()  # a pipe is written at exit otherwise, outside this try
        return code
    except BrokenPipeError:  # `stretchtimer --list-voices | head`: the reader is done
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return 141  # as a shell reports a command ended by SIGPIPE


def _main(argv: Sequence[str] | None, out: TextIO | None, err: TextIO | None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    args = parse(argv)

    if args.validate:
        from stretchtimer.core.routine import RoutineError, load_file

        try:
            routine = load_file(Path(args.validate))
        except RoutineError as exc:
            _print(f"{exc.source}: {len(exc.problems)} problem(s)", file=out)
            for problem in exc.problems:
                _print(f"  {problem}", file=out)
            return 1
        from stretchtimer.core.guidance import check_routine

        warnings = check_routine(routine)
        _print("ok" if not warnings else f"ok, with {len(warnings)} warning(s): followed by ear "
              f"(at 110, 170 and 250 words a minute), a listener would miss", file=out)
        for warning in warnings:
            _print(f"  warning: {warning}", file=out)
        return 0

    if args.import_file:
        from stretchtimer.core.routine import RoutineError
        from stretchtimer.storage.paths import Paths
        from stretchtimer.storage.routines import load_routines
        from stretchtimer.storage.user_routines import import_message, import_routine

        folder = _routines_folder()
        try:
            routine, asked = import_routine(Path(args.import_file), load_routines(folder),
                                            folder)
        except RoutineError as exc:
            _print(f"not imported: {exc.source}: {len(exc.problems)} problem(s)", file=err)
            for problem in exc.problems:
                _print(f"  {problem}", file=err)
            return 1
        except OSError as exc:
            _print(f"stretchtimer: --import: {exc}", file=err)
            return 1
        _print(import_message(routine, asked), file=out)
        return 0

    if args.export:
        from stretchtimer.storage.export import export_history
        from stretchtimer.storage.history_files import HistoryFiles, folder_of
        from stretchtimer.storage.paths import Paths

        paths = Paths.default()
        files = HistoryFiles.of(paths, folder_of(_settings(paths)))
        if files.state() == "away":
            _print(f"stretchtimer: --export: the synced folder {files.folder} is not there "
                   "now: only this computer's sessions are exported", file=err)
        try:
            count = export_history(files.records(), Path(args.export), args.force,
                                   (paths.config, paths.data, paths.cache, paths.log))
        except (ValueError, OSError) as exc:
            _print(f"stretchtimer: --export: {exc}", file=err)
            return 1
        _print(f"exported {count} session(s) to {args.export}", file=out)
        return 0

    if args.list_voices:
        return list_voices(out, err)

    if args.add_voice is not None:
        return add_voice(args.add_voice, out, err)
    if args.say is not None:
        return say(args.say, args.voice, args.to, args.force, out, err)

    if args.list_routines:
        from stretchtimer.storage.paths import Paths
        from stretchtimer.storage.settings import plan_context

        settings = _settings(Paths.default())
        lang, phrases = _language(settings.display.language)
        library = _library(lang)
        list_routines(library, plan_context(settings, phrases=phrases), out)
        _report_errors(library, err)
        return 0

    if args.plan:
        from stretchtimer.storage.paths import Paths

        settings = _settings(Paths.default())  # planned as the app would run it
        lang, phrases = _language(settings.display.language)  # and say it
        library = _library(lang)
        planned = library.get(args.plan)
        if planned is None:
            known = ", ".join(library.routines) or "none"
            _print(f"stretchtimer: no routine with id {args.plan!r} (known: {known})", file=err)
            _report_errors(library, err)
            return 2
        from stretchtimer.core.cue_options import BreathingMode, CueOptions
        from stretchtimer.storage.settings import plan_context

        voice = settings.voice
        options = CueOptions(BreathingMode(args.breathing or voice.breathing),
                             countdown=voice.countdown and not args.no_countdown)
        context = replace(plan_context(settings, phrases=phrases),
                          rate_wpm=args.rate or voice.rate_wpm, options=options)
        try:
            plan, cues = context.plan_and_cues(planned)
        except ValueError as exc:
            _print(f"stretchtimer: --rate: {exc}", file=err)
            return 2
        # what the app will say: the real lengths of phrases it has rendered already
        from stretchtimer.voice.cache import SpeechCache, engine_key
        from stretchtimer.voice.engine import DEFAULT_BACKEND

        paths = Paths.default()
        measured = SpeechCache(paths.speech_cache).lengths(
            (c.text for c in cues), _app_voice(voice.voice, paths), context.rate_wpm,
            engine_key(DEFAULT_BACKEND))
        if measured:
            context = replace(context, measured=measured)
            plan = context.plan(planned)
        from stretchtimer.core.plan_text import plan_text

        _print(plan_text(plan, options).rstrip("\n"), out)
        return 0

    if args.sync_folder is not None:
        return sync_folder(args.sync_folder, out, err)
    if args.controls:
        return control(list(argv) if argv is not None else sys.argv[1:], out, err)

    from stretchtimer.app import run  # Qt is imported only when the window is wanted

    return run(args, list(argv) if argv is not None else sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
