"""A child process for tests/e2e/test_exit.py: the real app, as `python -m stretchtimer`
runs it (stretchtimer.cli.main, same arguments), watched from inside so that the test needs
no fixed waits. It prints READY once the tray and the reminders are up, the speech worker
runs and a routine asked for with --start is under way.

Given a pipe (STRETCHTIMER_TEST_POKE_FD), it also makes the app's own X11 idle probe ask the
X server at a moment the test picks: on the first byte it prints WAITING and blocks the
event loop until a second byte comes, then asks. The test sends that byte only once the X
server is dead, so that Xlib meets the dead connection before Qt's event loop can hear of
it: what the reminders' 30 s check does when it falls in that moment."""

import os
import sys

from PySide6.QtCore import QSocketNotifier, QTimer

import stretchtimer.app as app_module
from stretchtimer.cli import main

_keep: list[object] = []


def _watch(controller) -> None:
    wants_routine = "--start" in sys.argv

    def check() -> None:
        voice = controller.voice
        # idle in the tray no speech worker runs (issue 16); with the window or a routine
        # it has started by now
        wants_worker = wants_routine or controller.window_shown()
        if controller.reminders is None or voice is None or \
                (wants_worker and not voice.service.client.running):
            return
        if wants_routine and not controller.routine_in_progress():
            return
        ready.stop()
        print("READY", flush=True)

    ready = QTimer(controller)
    ready.timeout.connect(check)
    ready.start(50)
    fd = os.environ.get("STRETCHTIMER_TEST_POKE_FD")
    if fd is None:
        return
    poke = QSocketNotifier(int(fd), QSocketNotifier.Type.Read, controller)

    def on_poke() -> None:
        poke.setEnabled(False)
        os.read(int(fd), 1)
        print("WAITING", flush=True)
        os.read(int(fd), 1)  # blocks: the X server dies meanwhile
        print("ASKING", flush=True)
        controller.reminders.idle.seconds()
        print("SURVIVED the call", flush=True)

    poke.activated.connect(on_poke)
    _keep.append(poke)


_real_build_app = app_module.build_app


def _build_app(paths, clock):
    controller = _real_build_app(paths, clock)
    _watch(controller)
    return controller


if __name__ == "__main__":  # the speech worker is spawned and re-imports this module
    app_module.build_app = _build_app
    raise SystemExit(main(sys.argv[1:]))
