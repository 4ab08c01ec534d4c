from stretchtimer.cli import main

if __name__ == "__main__":  # the speech worker is spawned and re-imports this module
    raise SystemExit(main())
