"""History in a folder that a sync tool (Syncthing, Nextcloud, Dropbox, OneDrive) keeps
the same on several computers (issue 19). Each computer appends only to its own journal,
history-<computer>-<id>.jsonl, and reads every journal there, merged by record id: a
record is counted once, whichever computers' files hold it, and never lost.

What sync tools leave is read as well: conflict copies ("history-x.sync-conflict-...
.jsonl", "history-x (conflicted copy ...).jsonl", "...-conflict-...") are journals like
any other; their temporary files (hidden names: ".syncthing.history-x.jsonl.tmp") are
skipped, as the tool replaces the real file with them when they are whole; a file being
written is read up to its last whole line (Journal.load)."""

from __future__ import annotations

import re
import socket
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stretchtimer.storage.atomic import write_atomic
from stretchtimer.storage.journal import Journal

PREFIX, SUFFIX = "history-", ".jsonl"
ID_FILE = "installation-id"  # in the data folder: this installation's id, made once


# A sync tool's copy of a file changed on two computers: Syncthing's
# "name.sync-conflict-20261201-101010-ABCDEFG.ext", Dropbox's and Nextcloud's
# "name (conflicted copy 2026-12-01 ...).ext" / "name (Alice's conflicted copy ...).ext"
SYNC_COPY = re.compile(r"\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}|"
                       r"\((?:[^()]*'s )?conflicted copy", re.IGNORECASE)


@dataclass
class Merged:
    records: list[dict[str, Any]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # the journals read
    unreadable_lines: int = 0
    newer_records: int = 0  # from a newer stretchtimer: kept on disk, not read
    newer: list[dict[str, Any]] = field(default_factory=list)  # those records (to copy)
    duplicates: int = 0  # the same record in more than one file (or twice in one)
    problems: list[str] = field(default_factory=list)  # files that could not be read


def is_journal(path: Path) -> bool:
    """A journal of the folder's by its name: history-*.jsonl, a conflict copy of one,
    never a sync tool's hidden temporary file."""
    name = path.name
    return name.startswith(PREFIX) and name.endswith(SUFFIX)


def is_copy(path: Path) -> bool:
    """A sync tool's conflict copy of a journal (read like any other, not a computer);
    also "history-<name>-<id>-conflict-...", as other tools name one."""
    return SYNC_COPY.search(path.name) is not None or \
        re.search(r"-[0-9a-f]{8}-conflict-", path.name) is not None


def journal_files(folder: Path) -> list[Path]:
    """The folder's journals now (plain files only: a FIFO would block the reader)."""
    found = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:  # gone (an unmounted drive), or not ours to read
        return []
    for path in entries:
        if not is_journal(path):
            continue
        try:
            if stat.S_ISREG(path.lstat().st_mode):  # a link another computer synced: no
                found.append(path)
        except OSError:  # vanished meanwhile
            continue
    return found


def load_merged(folder: Path | None, extra: list[Path] | None = None) -> Merged:
    """Every record of every journal in `folder` (None: none) and of `extra` ones (such
    as the local journal), each record once."""
    out = Merged()
    seen: set[str] = set()
    for path in [*(extra or []), *(journal_files(folder) if folder else [])]:
        loaded = Journal(path).load(seen=seen)  # a record another file had is a duplicate
        out.files.append(path)
        out.records += loaded.records
        out.unreadable_lines += loaded.unreadable_lines
        out.newer_records += loaded.newer_records
        out.newer += loaded.newer
        out.duplicates += loaded.duplicates
        if loaded.problem:
            out.problems.append(loaded.problem)
    return out


def installation_id(data: Path) -> str:
    """This installation's id: made once (8 hex digits), kept in the data folder."""
    path = data / ID_FILE
    try:
        text = path.read_text(encoding="ascii").strip()
        if re.fullmatch(r"[0-9a-f]{8}", text):
            return text
    except (OSError, UnicodeDecodeError):
        pass
    import uuid

    made = uuid.uuid4().hex[:8]
    write_atomic(path, made.encode() + b"\n")
    return made


def own_journal_name(data: Path, host: str | None = None) -> str:
    """The name of this computer's journal in a synced folder: its host name (for people
    reading the folder) and the installation's id (two computers may share a name)."""
    host = host if host is not None else socket.gethostname()
    slug = re.sub(r"[^a-z0-9]+", "-", host.lower()).strip("-")[:40] or "computer"
    return f"{PREFIX}{slug}-{installation_id(data)}{SUFFIX}"
