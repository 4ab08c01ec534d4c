"""The command line, parsed once into a typed Command: by cli.main at launch, and by the
running app for a command line a later launch passed on (platform/single_instance.py).
No Qt here: the text commands run without it."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from stretchtimer import __version__
from stretchtimer.core.speech_time import DEFAULT_RATE_WPM, MAX_RATE_WPM, MIN_RATE_WPM


@dataclass(frozen=True)
class Command:
    """What one command line asks for. With none of the text commands (list_routines,
    plan, validate, import_file, export) set, it opens the app (or brings it forward)."""

    start: str | None = None  # a routine id to start
    tray: bool = False  # start hidden in the tray
    debug: bool = False
    quit_after_first_paint: bool = False  # benchmarks/startup.py
    report_tray: bool = False  # benchmarks/tray_weight.py: say when the tray icon shows
    list_routines: bool = False
    list_voices: bool = False
    add_voice: str | None = None  # a Piper voice file to copy in (and check that it speaks)
    say: str | None = None  # text to speak now, or to render into `to`
    voice: str | None = None  # for --say; None: the voice that speaks in the app
    to: str | None = None  # --say writes the rendered WAV here
    plan: str | None = None
    validate: str | None = None
    import_file: str | None = None
    export: str | None = None
    force: bool = False  # --export may replace its file
    breathing: str | None = None  # --plan's options; None: the user's setting
    rate: int | None = None
    no_countdown: bool = False
    # for the running instance (scripts, hotkeys, a calendar): exit code 3 when none runs
    status: bool = False
    pause_reminders: str | None = None  # "45m", "2h", "until 14:30"
    resume_reminders: bool = False
    snooze: int | None = None  # minutes; 0: the snooze length of the settings
    skip: bool = False
    quit_app: bool = False
    sync_folder: str | None = None  # keep the history in this folder ("off": locally)

    @property
    def controls(self) -> bool:
        """A command for the running instance, answered by it (never opens the app)."""
        return (self.status or self.pause_reminders is not None or self.resume_reminders
                or self.snooze is not None or self.skip or self.quit_app
                or self.sync_folder is not None)

    @property
    def opens_app(self) -> bool:
        return not (self.list_routines or self.list_voices or self.say is not None or self.plan
                    or self.add_voice or self.controls
                    or self.validate or self.import_file or self.export)


class CommandLineError(ValueError):
    """A forwarded command line that does not parse (argparse's message)."""


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, raise_errors: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._raise_errors = raise_errors

    # In the running app nothing is printed (it has no terminal) and nothing exits.
    def error(self, message: str) -> NoReturn:
        if self._raise_errors:
            raise CommandLineError(message)
        super().error(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if self._raise_errors:  # after --help or --version
            raise CommandLineError("--help and --version are answered by the launch itself")
        super().exit(status, message)

    def _print_message(self, message: str, file: Any = None) -> None:
        if not self._raise_errors:
            super()._print_message(message, file)


def _sync_folder(text: str) -> str:
    """'off', or the folder's full path (a relative one is taken from here, as the
    running app that may do it has another working folder)."""
    import os

    if not text.strip():
        raise argparse.ArgumentTypeError("give a folder, or off")
    return text if text == "off" else os.path.abspath(os.path.expanduser(text))


def build_parser(raise_errors: bool = False) -> argparse.ArgumentParser:
    p = _Parser(
        prog="stretchtimer", raise_errors=raise_errors,
        description="Hourly stretch breaks that talk you through a short routine.",
        epilog="With no command, the window opens (or the running stretchtimer comes "
               "forward). Settings, history, routines, cache and log live in the "
               "platform's per-user folders (Help > About lists them); STRETCHTIMER_HOME=DIR "
               "puts them all under DIR.",
    )
    p.add_argument("--version", action="version", version=f"stretchtimer {__version__}")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--list-routines", action="store_true",
                       help="list every built-in and user routine")
    group.add_argument("--list-voices", action="store_true",
                       help="list the voices of every speech engine here (engine, id, "
                            "language, name); * marks the one that speaks now")
    group.add_argument("--add-voice", metavar="FILE.onnx",
                       help="add a Piper voice (the .onnx with its .onnx.json beside it) to "
                            "your voices, once it has said a line; it is used where it is "
                            "chosen (--say --voice ID, Settings > Voice)")
    group.add_argument("--say", metavar="TEXT",
                       help="say TEXT now with your voice settings (or --voice ID), or with "
                            "--to FILE.wav write it as the app renders it")
    group.add_argument("--plan", metavar="ROUTINE_ID",
                       help="print the timeline of a routine and every spoken cue with its offset")
    group.add_argument("--validate", metavar="FILE",
                       help="check a routine file; print 'ok' (with a warning for anything a "
                            "listener would miss) or every problem (exit 0 / 1)")
    group.add_argument("--start", metavar="ROUTINE_ID",
                       help="open stretchtimer (or the one already running) and start a routine")
    group.add_argument("--import", dest="import_file", metavar="FILE",
                       help="add a routine file to your routines (a new id if one is taken; "
                            "nothing is overwritten)")
    group.add_argument("--export", metavar="FILE",
                       help="write your history to FILE (.csv for spreadsheets, or .json)")
    group.add_argument("--status", action="store_true",
                       help="print the running stretchtimer's state as JSON: next_reminder, "
                            "held_by, routine, paused_until (exit 3 when none runs)")
    group.add_argument("--pause-reminders", metavar="DURATION", type=_duration,
                       help="pause reminders for 45m, 2h, 1h30m, or until 14:30")
    group.add_argument("--resume-reminders", action="store_true",
                       help="resume paused reminders (the next one an interval from now)")
    group.add_argument("--snooze", metavar="MINUTES", nargs="?", const=0, type=_minutes,
                       help="put the next reminder off by MINUTES (default: your snooze length)")
    group.add_argument("--skip", action="store_true",
                       help="skip the next reminder (the one after comes an interval from now)")
    group.add_argument("--quit", dest="quit_app", action="store_true",
                       help="quit the running stretchtimer (a running routine is recorded)")
    group.add_argument("--sync-folder", metavar="DIR", type=_sync_folder,
                       help="keep your history in DIR, a folder a sync tool (Syncthing, "
                            "Nextcloud, Dropbox) keeps the same on your computers; 'off' "
                            "keeps it on this computer (a copy of everything is kept)")
    p.add_argument("--voice", metavar="ID", help="for --say: a voice id from --list-voices")
    p.add_argument("--to", metavar="FILE.wav",
                   help="for --say: write the rendered, trimmed, loudness-matched WAV here")
    p.add_argument("--force", action="store_true",
                   help="for --export and --say --to: replace FILE if it exists")
    p.add_argument("--breathing", choices=["every", "first", "off"],
                   help="breathing cues for --plan: every breath, the first breath, or off "
                        "(default: your setting)")
    p.add_argument("--rate", type=int, metavar="WPM",
                   help=f"voice rate in words a minute for --plan ({MIN_RATE_WPM}-{MAX_RATE_WPM}; "
                        f"default: your setting, else {DEFAULT_RATE_WPM})")
    p.add_argument("--no-countdown", action="store_true",
                   help='for --plan: no "3, 2, 1" before the end of each hold')
    p.add_argument("--tray", action="store_true",
                   help="start hidden in the system tray (login autostart uses this)")
    p.add_argument("--debug", action="store_true",
                   help="log more, and to the terminal as well as the log file")
    p.add_argument("--quit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--report-tray", action="store_true", help=argparse.SUPPRESS)
    return p


def _duration(text: str) -> str:
    from datetime import datetime

    from stretchtimer.core.durations import pause_seconds

    try:
        pause_seconds(text, datetime.now())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _minutes(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 240:
        raise argparse.ArgumentTypeError(f"{text!r}: minutes from 1 to 240")
    return int(text)


def parse(argv: Sequence[str] | None = None) -> Command:
    """The command line of this launch (exits with argparse's message when it is wrong,
    and for --help and --version)."""
    return Command(**vars(build_parser().parse_args(argv)))


def parse_forwarded(argv: Sequence[str]) -> Command:
    """A command line a later launch passed on; CommandLineError when it does not parse
    (nothing is printed: the running app has no terminal)."""
    return Command(**vars(build_parser(raise_errors=True).parse_args(list(argv))))
