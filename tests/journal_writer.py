"""Child process for the kill test: append records forever, report each one once saved."""

import sys
from pathlib import Path

from stretchtimer.storage.journal import Journal

journal = Journal(Path(sys.argv[1]))
n = 0
while True:
    rid = journal.append({"type": "test", "n": n, "pad": "x" * (n % 300)})
    sys.stdout.write(rid + "\n")
    sys.stdout.flush()
    n += 1
