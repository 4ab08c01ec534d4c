"""Child process for the synced-history tests: records sessions the way the app does
(storage/history_files.py, in the folder its settings name) and reports each one once it
is saved; a test may kill it at any moment. argv: how many (0: until killed), a day."""

import sys

from stretchtimer.storage.history_files import HistoryFiles, folder_of
from stretchtimer.storage.paths import Paths
from stretchtimer.storage.settings import peek

paths = Paths.default()
files = HistoryFiles.of(paths, folder_of(peek(paths.settings_file)))
count, day = int(sys.argv[1]), sys.argv[2]
n = 0
while count == 0 or n < count:
    minute = n % 600
    rid = files.append({"type": "session", "routine_id": "desk-micro",
                        "routine_name": "Desk micro-break",
                        "started": f"{day}T{8 + minute // 60:02d}:{minute % 60:02d}:00+01:00",
                        "ended": f"{day}T{8 + minute // 60:02d}:{minute % 60:02d}:30+01:00",
                        "completed": True,
                        "held": [{"exercise_id": "standing-hamstring", "side": side,
                                  "seconds": 20, "muscles": ["hamstrings"]}
                                 for side in ("right", "left")]})
    sys.stdout.write(rid + "\n")
    sys.stdout.flush()
    n += 1
