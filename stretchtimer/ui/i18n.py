"""Translations. Every user-visible string of the UI goes through tr(), which
pyside6-lupdate finds (packaging/translations.sh); the compiled .qm files ship in
assets/i18n and are loaded for the system's language or the one chosen in Settings.
The fixed spoken phrases are translated here too and handed to core (core.phrases)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from stretchtimer.core.phrases import LANGUAGES, Phrases, first_language
from stretchtimer.resources import assets

_installed: list[QTranslator] = []


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The translation of `text` ("%n" replaced by n for plural forms)."""
    return QCoreApplication.translate("", text, disambiguation, n)


def language_for(setting: str, locale: QLocale | None = None) -> str:
    """The language to use: the setting, or for "system" the system's if we have it."""
    if setting in LANGUAGES:
        return setting
    return first_language((locale or QLocale.system()).uiLanguages()) or "en"


def install(app, setting: str = "system") -> str:
    """Load the translations for the chosen language into `app`; returns its code."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    code = language_for(setting)
    # dates and numbers follow the chosen language (the system's when it is "system")
    QLocale.setDefault(QLocale(code) if setting in LANGUAGES else QLocale.system())
    ours = QTranslator(app)  # (English's has only the plural forms: "1 session", "2 sessions")
    if ours.load(str(assets() / "i18n" / f"stretchtimer_{code}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    if code != "en":
        qt = QTranslator(app)  # Qt's own dialogs and buttons (OK, Cancel, Yes, No)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    return code


def spoken_phrases() -> Phrases:
    return Phrases(
        next=tr("Next: {name}"),
        switch_lines=(
            ("side", tr("Now the left side"), tr("Now the right side")),
            ("leg", tr("Now the left leg"), tr("Now the right leg")),
            ("foot", tr("Now the left foot"), tr("Now the right foot")),
            ("hip", tr("Now the left hip"), tr("Now the right hip")),
            ("arm", tr("Now the left arm"), tr("Now the right arm")),
        ),
        switch=tr("Switch sides"),
        left=tr("left", "the side, in an exercise's switch lines: your {side} leg"),
        right=tr("right", "the side, in an exercise's switch lines: your {side} leg"),
        stop_rule=tr("Mild tension only. Stop if you feel tingling, numbness or sharp pain."),
        breathe_in=tr("Breathe in"),
        breathe_out=tr("And out"),
        halfway=tr("Halfway"),
        countdown=(tr("3"), tr("2"), tr("1")),
        hold=tr("Hold"),
        release=tr("Release"),
        rest=tr("Rest"),
        closing=tr("Well done. That is the routine."),
    )
