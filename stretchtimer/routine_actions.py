"""The user's routines, as the app changes them: new, duplicate, edit (a built-in is
copied first), delete (kept aside), import (never overwriting), export, and the folder
watched for changes made from outside (stretchtimer --import, a file manager). Every
outcome is told in the window's notice bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from stretchtimer.core.routine import Library, Routine
from stretchtimer.ui.i18n import tr


class RoutineActions(QObject):
    reloaded = Signal(object)  # the id of the routine to select, or None

    def __init__(self, library: Library, folder: Path | None, language: str,
                 window: Callable[[], Any], editor_needs: Callable[[], tuple[Any, Any]],
                 parent: QObject | None = None) -> None:
        """`folder` None: routines cannot be saved (tests); `window` gives the main window
        (made when first needed); `editor_needs` gives the voice (for "try it") and the
        plan context (for the total) when an editor opens."""
        super().__init__(parent)
        self.library, self.routines_folder, self.language = library, folder, language
        self._window = window
        self._editor_needs = editor_needs
        self._routines_state: Any = None

    @property
    def window(self) -> Any:
        return self._window()

    def edit(self, routine: Routine | None):
        """Open the editor on a new routine (None), or on one of the user's. A built-in is
        never changed: editing one edits a copy."""
        if routine is not None and routine.built_in:
            return self.duplicate(routine)
        return self._open_editor(routine, routine.id if routine is not None else None)

    def duplicate(self, routine: Routine):
        # a copy is made in the language the user reads, and only that
        copy = replace(routine, name=tr("{name} (mine)").format(name=routine.name)[:60],
                       translations="")
        return self._open_editor(copy, None)

    def original(self, routine: Routine) -> Routine:
        """The routine as its file has it now: untranslated, and with any change made
        to the file since it was loaded (the picker may hold an older, translated copy)."""
        from stretchtimer.core.routine import RoutineError, load_file
        from stretchtimer.storage.routines import load_routines

        if routine.file is None:
            return load_routines(None).get(routine.id) or routine
        try:
            return load_file(routine.file)
        except RoutineError:
            return routine

    def _open_editor(self, routine: Routine | None, own_id: str | None):
        from stretchtimer.storage.user_routines import taken_ids
        from stretchtimer.ui.routine_editor import RoutineEditor

        own_file = None
        if routine is not None and own_id is not None:  # the user's own: edit its file
            routine = self.original(routine)
            own_file = routine.file
        from stretchtimer.storage.synced_routines import file_state

        taken = taken_ids(self.library, self.routines_folder, own_file) - {own_id}
        player, context = self._editor_needs()
        editor = RoutineEditor(routine, taken, player, context, self.window)
        was = file_state(own_file)  # changed meanwhile (on another computer): kept aside
        editor.saved.connect(lambda saved: self._on_editor_saved(saved, own_file, was))
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor

    def _on_editor_saved(self, routine: Routine, own_file: Path | None = None,
                         was: tuple[int, int] | None = None) -> None:
        from stretchtimer.storage.synced_routines import keep_if_changed
        from stretchtimer.storage.user_routines import save_routine

        if self.routines_folder is None:
            self.window.show_notice(tr("Routines cannot be saved here (no data folder)."))
            return
        try:
            aside = keep_if_changed(own_file, was)
            save_routine(self.routines_folder, routine, own_file)
        except OSError as exc:
            self.window.show_notice(tr("Could not save “{name}”: {error}. Nothing was changed.")
                                    .format(name=routine.name, error=exc))
            return
        if aside is not None:
            self.window.show_notice(tr(
                "“{name}” was also changed elsewhere (on another computer?) while you "
                "edited it. Yours is saved; the other version is kept in {file}.")
                .format(name=routine.name, file=aside))
        self.reload(routine.id)

    def delete(self, routine: Routine) -> bool:
        from stretchtimer.storage.user_routines import delete_routine

        if routine.file is None or self.routines_folder is None:
            return False
        if not self.window.confirm(tr("Delete routine"), tr(
                "Delete “{name}”? Its file is kept in the “deleted” folder of your routines, "
                "so it can be brought back.").format(name=routine.name)):
            return False
        try:
            delete_routine(self.routines_folder, routine)
        except OSError as exc:
            self.window.show_notice(tr("Could not delete “{name}”: {error}.").format(
                name=routine.name, error=exc))
            return False
        self.reload()
        return True

    def import_files(self, paths: list[Path]) -> list[str]:
        """Import routine files; every outcome is told in the notice bar. Returns it."""
        from stretchtimer.core.routine import RoutineError
        from stretchtimer.storage.user_routines import import_routine

        said, last = [], None
        for path in paths:
            if self.routines_folder is None:
                break
            try:
                routine, asked = import_routine(Path(path), self.library,
                                                self.routines_folder)
            except RoutineError as exc:
                more = len(exc.problems) - 3
                said.append(tr("Not imported: {file}: {problems}").format(
                    file=exc.source, problems="; ".join(str(p) for p in exc.problems[:3]))
                    + (tr(" (and %n more)", "", more) if more > 0 else ""))
                continue
            except OSError as exc:
                said.append(tr("Not imported: {file}: {problems}").format(file=path,
                                                                            problems=exc))
                continue
            said.append(tr("Imported “{name}”.").format(name=routine.name))
            if asked != routine.id:
                said.append(tr("A routine with the id “{asked}” already exists, so this one is "
                               "saved as “{id}”; nothing was replaced.").format(asked=asked,
                                                                                id=routine.id))
            last = routine.id
        if last is not None:
            self.reload(last)  # once, after every file
        if said:
            self.window.show_notice(" ".join(said))
        return said

    def export(self, routine: Routine, path: Path) -> bool:
        from stretchtimer.storage.user_routines import export_routine

        try:
            export_routine(routine, path)
        except OSError as exc:
            self.window.show_notice(tr("Could not export “{name}”: {error}.").format(
                name=routine.name, error=exc))
            return False
        self.window.show_notice(tr("Exported “{name}” to {file}.").format(name=routine.name,
                                                                         file=path))
        return True

    def reload(self, select_id: str | None = None) -> None:
        from stretchtimer.storage.routines import folder_state, load_routines
        from stretchtimer.storage.synced_routines import keep_copies_aside

        if self.routines_folder is not None:
            self.tell_kept_aside(keep_copies_aside(self.routines_folder))
        self._routines_state = folder_state(self.routines_folder)
        self.library = load_routines(self.routines_folder, self.language)
        self.reloaded.emit(select_id)

    def tell_kept_aside(self, kept: list[Path]) -> None:
        """Versions of a routine that met another (a sync tool's conflict copy, a file in
        both folders): the newer is in use, each other one is kept, and said where."""
        if kept:
            self.window.show_notice(tr(
                "A routine was changed on two computers (or was in both folders). The "
                "newer version is in use; %n other version(s) are kept in {folder}.", "",
                len(kept)).format(folder=kept[0].parent))

    def move_to(self, folder: Path) -> bool:
        """The routines now live in `folder` (syncing of routines turned on or off, or
        the synced folder changed): what was in the old folder is copied in first."""
        from stretchtimer.storage.synced_routines import merge_routines

        old = self.routines_folder
        if old is None or folder == old:
            return True
        try:
            kept = merge_routines(old, folder)
        except OSError as exc:
            self.window.show_notice(tr("Could not copy your routines into {folder}: {error}. "
                                       "They stay where they were.").format(folder=folder,
                                                                            error=exc))
            return False
        self.routines_folder = folder
        self.tell_kept_aside(kept)
        watcher = getattr(self, "_watcher", None)
        if watcher is not None:  # watching: the new folder instead
            watcher.removePaths(watcher.directories())
            folder.mkdir(parents=True, exist_ok=True)
            watcher.addPath(str(folder))
        self.reload()
        return True

    def watch(self) -> None:
        """Routines added or changed from outside (stretchtimer --import, a file manager)
        appear without a restart."""
        from PySide6.QtCore import QFileSystemWatcher

        from stretchtimer.storage.routines import folder_state

        if self.routines_folder is None:
            return
        try:
            self.routines_folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return
        self._watcher = QFileSystemWatcher([str(self.routines_folder)], self)
        self._reload_soon = QTimer(self)
        self._reload_soon.setSingleShot(True)
        self._reload_soon.setInterval(300)  # a copy arrives as several changes
        self._reload_soon.timeout.connect(self._on_reload_soon_timeout)
        self._routines_state = folder_state(self.routines_folder)
        self._watcher.directoryChanged.connect(lambda _p: self._reload_soon.start())

    def _on_reload_soon_timeout(self) -> None:
        from stretchtimer.storage.routines import folder_state

        if folder_state(self.routines_folder) != self._routines_state:
            self.reload()  # changed from outside; our own saves reloaded already
