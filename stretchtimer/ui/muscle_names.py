"""The names of muscles as the UI shows them. Routines and the history keep a muscle as
its English word (so that a session recorded in German and one in English count for the
same muscle); the words known here are shown in the UI's language, others as written."""

from __future__ import annotations

from stretchtimer.ui.i18n import tr


def muscle_name(muscle: str) -> str:
    names = {
        "hamstrings": tr("hamstrings"), "hip flexors": tr("hip flexors"),
        "calves": tr("calves"), "quadriceps": tr("quadriceps"), "glutes": tr("glutes"),
        "core": tr("core"), "diaphragm": tr("diaphragm"), "feet": tr("feet"),
        "legs": tr("legs"), "neck": tr("neck"), "shoulders": tr("shoulders"),
        "chest": tr("chest"), "upper back": tr("upper back"),
        "lower back": tr("lower back"), "wrists": tr("wrists"), "forearms": tr("forearms"),
    }
    name = names.get(muscle.strip().lower(), muscle.strip())
    return name[:1].upper() + name[1:]  # a row's label: "Hamstrings", "Waden"
