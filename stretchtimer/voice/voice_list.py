"""How lists of voices are ordered and grouped for people (Settings > Voice and
--list-voices): by language, then natural (Piper) voices before the system's, each by
name. A voice is a dict as the speech worker lists it: id, name, languages, engine."""

from __future__ import annotations

from stretchtimer.voice.piper_voices import language_of


def voice_language(voice: dict) -> str:
    """The language a voice speaks, alone ("en" of "en-gb-scotland"; "" when unknown).
    espeak-ng puts a priority byte before its codes."""
    langs = voice.get("languages") or []
    return language_of(str(langs[0]).lstrip("\x05")) if langs else ""


def natural_first(voice: dict) -> tuple[bool, str]:
    """Piper's voices, then the system's, each by name."""
    return voice.get("engine") != "piper", voice["name"].lower()


def by_language(voices: list[dict]) -> dict[str, list[dict]]:
    """The voices of each language, natural ones first; languages in order of code."""
    groups: dict[str, list[dict]] = {}
    for voice in sorted(voices, key=natural_first):
        groups.setdefault(voice_language(voice), []).append(voice)
    return dict(sorted(groups.items()))
