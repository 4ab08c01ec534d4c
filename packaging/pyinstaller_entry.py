"""The script PyInstaller freezes (packaging/stretchtimer.spec).

The speech worker is a multiprocessing "spawn" child (stretchtimer/voice/engine.py). In a
frozen app that child is this same executable started again with --multiprocessing-fork
(and multiprocessing's resource tracker with -c ...): freeze_support() must run first and
turn such a start into the child it was meant to be, before any app code parses argv.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()

    from stretchtimer.cli import main

    raise SystemExit(main())
