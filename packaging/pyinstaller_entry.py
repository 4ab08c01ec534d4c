"""The script PyInstaller freezes (packaging/stretchtimer.spec).

The speech worker (stretchtimer/voice/engine.py) is this same executable started again:
on POSIX with --speech-worker FD SPEC, on Windows as a multiprocessing "spawn" child
(--multiprocessing-fork), which freeze_support() turns into the child it was meant to be.
Both are handled before any app code parses argv.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--speech-worker"]:
        from stretchtimer.voice.engine import child_main

        child_main(sys.argv[2:])
        raise SystemExit(0)
    multiprocessing.freeze_support()

    from stretchtimer.cli import main

    raise SystemExit(main())
