from stretchtimer.cli import main

raise SystemExit(main())
