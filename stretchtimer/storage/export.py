"""History out of the app: CSV for spreadsheets (one row per session, exercise and side)
and JSON (every record, as stored). Written atomically; the format follows the name."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from stretchtimer.core.history import sessions_from
from stretchtimer.storage.atomic import write_atomic

CSV_COLUMNS = ["session_id", "started", "ended", "routine_id", "routine_name", "completed",
               "rating", "exercise_id", "side", "seconds_held", "muscles"]


def export_history(records: list[dict[str, Any]], target: Path, replace: bool = False,
                   own_folders: Iterable[Path] = ()) -> int:
    """Write the history's `records` (storage/history_files.py's records(): every
    computer's) to `target` (.csv or .json); returns how many sessions. An
    existing file is replaced only when asked (`replace`), and never one inside the app's
    own folders (settings, history, routines, cache)."""
    kind = target.suffix.lower()
    if kind not in (".csv", ".json"):
        raise ValueError(f"{target.name}: expected a file name ending in .csv or .json")
    where = target.resolve()
    for folder in own_folders:
        if where.is_relative_to(folder.resolve()):
            raise ValueError(f"{target} is inside stretchtimer's own folder {folder}; "
                             "export somewhere else")
    if target.exists() and not replace:
        raise ValueError(f"{target} exists already; choose another name, or add --force "
                         "to replace it")
    sessions = sessions_from(records)
    if kind == ".json":
        data = json.dumps({"format": "stretchtimer-history", "records": records}, indent=1,
                          ensure_ascii=False)
        write_atomic(target, (data + "\n").encode("utf-8"))
        return len(sessions)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for s in sessions:
        base = [s.id, s.started.isoformat(), s.ended.isoformat(), s.routine_id, s.routine_name,
                "yes" if s.completed else "no", "" if s.rating is None else s.rating.value]
        for h in s.held or [None]:
            side = "" if h is None or h.side is None else h.side.value
            writer.writerow(base + ([h.exercise_id, side, f"{h.seconds:g}",
                                     ";".join(h.muscles)] if h else ["", "", "", ""]))
    write_atomic(target, out.getvalue().encode("utf-8"))
    return len(sessions)
