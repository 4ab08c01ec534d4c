"""Nothing reached from the event loop may take the process down (RELIABILITY R13).

An exception escaping a Python override of a Qt virtual (showEvent, paintEvent, an event
filter) or a slot is, at best, printed and dropped mid-way, at worst the end of the
process. Here it is logged with its traceback, said once in the window's notice bar, and
the app goes on. `guarded` wraps the overrides; `install` catches what reaches
sys.excepthook (slots, timers); `step` runs one independent part of the start-up, so one
that fails (progression, speech, the folder watcher) cannot stop the others (reminders and
the tray above all)."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

from stretchtimer.logs import log

_notify: Callable[[str], None] | None = None
_told: set[str] = set()  # each kind of failure is said once; the log has every one
failures: list[str] = []  # every one reported (the tests fail on any they did not expect)


def report(exc: BaseException, where: str) -> None:
    log.error("%s failed; carrying on", where, exc_info=(type(exc), exc, exc.__traceback__))
    failures.append(f"{where}: {type(exc).__name__}: {exc}")
    key = f"{where}:{type(exc).__name__}"
    if _notify is None or key in _told:
        return
    _told.add(key)
    from stretchtimer.ui.i18n import tr

    try:
        _notify(tr("Something went wrong ({where}); stretchtimer carries on. The log has the "
                   "details (Help > About shows where it is).").format(where=where))
    except Exception:  # the notice itself failed: the log is all there is
        log.exception("could not show the notice")


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """For Python overrides of Qt virtuals: an exception is reported, never raised into
    Qt. An event filter that fails lets the event through (returns False)."""
    fallback = False if fn.__name__ in ("eventFilter", "event") else None

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            report(exc, fn.__qualname__)
            return fallback

    return wrapper


def step(where: str, fn: Callable[[], Any]) -> bool:
    """Run one part of the start-up or the shutdown; False (reported) when it failed."""
    try:
        fn()
        return True
    except Exception as exc:
        report(exc, where)
        return False


def install(notify: Callable[[str], None]) -> None:
    """Say failures in `notify` (the window's notice bar), and catch what reaches
    sys.excepthook from a slot or a timer: logged and said, the app goes on."""
    global _notify
    _notify = notify
    previous = sys.excepthook

    def hook(kind, value, tb):  # named "hook" as logs' own, which then leaves it in place
        if not issubclass(kind, Exception):  # KeyboardInterrupt, SystemExit: as before
            previous(kind, value, tb)
            return
        report(value.with_traceback(tb), "an event")

    sys.excepthook = hook
