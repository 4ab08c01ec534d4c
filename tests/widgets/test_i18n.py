"""Translations: the German file covers every string in the code and its compiled .qm is
current; with German installed the window, the spoken phrases and the plan are German."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from stretchtimer.core import phrases
from stretchtimer.storage.routines import load_routines
from stretchtimer.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "packaging" / "i18n" / "stretchtimer_de.ts"
QM = ROOT / "assets" / "i18n" / "stretchtimer_de.qm"
BIN = Path(sys.executable).parent
LANGS = {"de": [], "en": ["-pluralonly", "-target-language", "en"]}  # English: plurals


def sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "stretchtimer").rglob("*.py"))


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_covers_every_string_in_the_code(tmp_path, lang):
    ts = TS.with_name(f"stretchtimer_{lang}.ts")
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    *LANGS[lang], *sources(), "-ts", str(copy)],
                   check=True, capture_output=True)
    messages = list(ET.parse(copy).getroot().iter("message"))
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == [], f"{len(unfinished)} untranslated, e.g. {unfinished[:5]}"
    assert copy.read_bytes() == ts.read_bytes(), "run bash packaging/translations.sh"
    assert len(messages) > 10


def test_english_says_one_session_and_two_sessions(qapp):
    assert i18n.tr("Today: {done} of %n session(s)", "", 1) == "Today: {done} of 1 session"
    assert i18n.tr("Today: {done} of %n session(s)", "", 2) == "Today: {done} of 2 sessions"
    assert i18n.tr("%n sessions in all, {completed} completed.", "", 1).startswith(
        "1 session in all")


@pytest.mark.parametrize("lang", LANGS)
def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path, lang):
    out = tmp_path / f"{lang}.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS.with_name(f"stretchtimer_{lang}.ts")),
                    "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.with_name(f"stretchtimer_{lang}.qm").read_bytes(), \
        "run bash packaging/translations.sh"


@pytest.fixture
def german(qapp):
    assert i18n.install(qapp, "de") == "de"
    yield
    i18n.install(qapp, "en")
    assert i18n.spoken_phrases() == phrases.ENGLISH


def test_language_follows_the_setting_or_the_system():
    from PySide6.QtCore import QLocale

    assert i18n.language_for("de") == "de" and i18n.language_for("en") == "en"
    assert i18n.language_for("system", QLocale("de_AT")) == "de"
    assert i18n.language_for("system", QLocale("fr_FR")) == "en"


def test_german_window_and_spoken_phrases(german, qtbot):
    from stretchtimer.controller import Controller
    from stretchtimer.core.clock import FakeClock
    spoken = i18n.spoken_phrases()  # as app.build_app gives them to the controller
    app = Controller(load_routines(None), FakeClock(), phrases=spoken)
    window = app.window
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Datei", "&Ansicht", "&Einstellungen", "&Hilfe"] or \
        all(m.replace("&", "") in ("Datei", "Ansicht", "Einstellungen", "Hilfe") for m in menus)
    assert window.tabs.tabText(0) == i18n.tr("Routines") != "Routines"
    assert spoken.switch_to("left", "leg") == "Jetzt das linke Bein" and spoken.hold == "Halten"
    assert spoken.halfway == "Halb geschafft"  # not football's "Halbzeit"
    desk = load_routines(None).get("desk-micro")
    from stretchtimer.core.routine import in_language

    _plan, cues = app.plan_and_cues(in_language(desk, "de"))
    texts = [c.text for c in cues]
    assert "Halten" in texts and "Lösen" in texts and "Jetzt das linke Bein" in texts
    assert "Jetzt die linke Hüfte" in texts
    # {other}/{side} take German endings: "den rechten Fuß", "den linken Fuß"
    assert "Hol den rechten Fuß nach vorn und setz den linken Fuß zurück." in texts
    assert desk.safety[0] != texts[1] and texts[1].startswith("Nur leichte Spannung.")
    # the German desk micro-break can be followed by ear as well as the English one
    from stretchtimer.core.guidance import check_routine

    assert check_routine(in_language(desk, "de"), spoken) == []
    assert "Einatmen" in texts and "Hold" not in texts
    settings = app.show_settings("Display")
    assert settings.windowTitle() == "Einstellungen"
    assert QApplication.translate("QPlatformTheme", "Cancel") in ("Abbrechen", "Cancel")


def test_a_routine_file_can_carry_its_texts_in_another_language(tmp_path):
    import json

    from stretchtimer.core.routine import in_language, to_data, validate

    english = load_routines(None).get("desk-micro")
    german = load_routines(None, "de").get("desk-micro")
    assert german.name == "Schreibtisch-Pause" and english.name == "Desk micro-break"
    assert german.exercises[2].start_cue == "Atme langsam"
    assert german.exercises[0].hold_s == english.exercises[0].hold_s  # doses never change
    assert in_language(english, "fr") == english  # no French: English stays
    again, problems = validate(json.loads(json.dumps(to_data(english))))
    assert problems == [] and again == english  # the translations round-trip
    data = to_data(english)
    data["translations"]["de"]["exercises"]["nope"] = {"name": "x"}
    data["translations"]["de"]["colour"] = "blau"
    data["translations"]["english"] = {}
    data["translations"]["fr"] = {"exercises": None}
    messages = [str(p) for p in validate(data)[1]]
    assert "translations.de.exercises.nope: expected the id of an exercise in this routine" \
        in messages
    assert any(m.startswith("translations.de.colour: unknown field") for m in messages)
    assert any(m.startswith("translations.english: expected a language code") for m in messages)
    assert "translations.fr.exercises: expected an object of exercise ids" in messages


def test_a_copy_of_a_translated_routine_is_made_in_the_language_read(german, qtbot, tmp_path):
    from stretchtimer.controller import Controller
    from stretchtimer.core.clock import FakeClock

    app = Controller(load_routines(tmp_path, "de"), FakeClock(), routines_folder=tmp_path,
                     language="de")
    window = app.window
    qtbot.addWidget(window)
    editor = app.routines.duplicate(app.library.get("desk-micro"))
    assert editor.name.text().startswith("Schreibtisch-Pause")
    assert "translations" not in editor.compose()
    editor.reject()


def test_a_translation_gives_the_equipment_and_each_levels_texts():
    from stretchtimer.core.routine import in_language, to_data, validate

    towel = load_routines(None).get("towel-hamstring-beginner")
    ex = next(e for e in towel.exercises if any(level.has_texts for level in e.levels))
    data = to_data(towel)
    data["translations"] = {"de": {"equipment": ["Handtuch", "Matte"], "exercises": {
        ex.id: {"levels": [{}, {}, {}, {"name": "Näher am Bein greifen"}]}}}}
    routine, problems = validate(data)
    assert problems == []
    german = in_language(routine, "de")
    assert german.equipment == ("Handtuch", "Matte")
    levels = next(e for e in german.exercises if e.id == ex.id).levels
    assert levels[3].name == "Näher am Bein greifen" and levels[3].hold_s == ex.levels[3].hold_s
    assert levels[3].setup == ex.levels[3].setup  # what it does not give stays
    assert levels[4] == ex.levels[4]  # nor for a level it leaves out
    data["translations"]["de"]["exercises"][ex.id]["levels"] = [{}] * (len(ex.levels) + 1)
    messages = [str(p) for p in validate(data)[1]]
    assert messages == [f"translations.de.exercises.{ex.id}.levels: expected a list of at most "
                        f"{len(ex.levels)} levels' texts (the exercise's levels, in order), "
                        f"got {len(ex.levels) + 1}"]
    data["translations"]["de"]["exercises"][ex.id]["levels"] = [{"hold_s": 5}]
    assert validate(data)[1][0].where == f"translations.de.exercises.{ex.id}.levels[0].hold_s"


def test_muscles_are_named_in_the_ui_language_but_counted_by_their_word(german, qtbot):
    from dataclasses import replace

    from stretchtimer.core.history import compute_stats
    from stretchtimer.core.tally import Tally
    from stretchtimer.ui.history_view import BalanceChart
    from stretchtimer.ui.routine_picker import search_text

    chart = BalanceChart()
    qtbot.addWidget(chart)
    stats = compute_stats(Tally(), date(2026, 11, 16))
    chart.stats = replace(stats, balance={
        "hamstrings": {"left": 20.0, "right": 20.0}, "Hamstrings": {"left": 10.0},
        "hip flexors": {"right": 5.0}, "tibialis": {"both": 3.0}})
    assert chart.rows() == [("Hüftbeuger", {"right": 5.0}),
                            ("Oberschenkel-Rückseite", {"left": 30.0, "right": 20.0}),
                            ("Tibialis", {"both": 3.0})]  # one of the user's own: as written
    desk = load_routines(None, "de").get("desk-micro")
    assert "oberschenkel-rückseite" in search_text(desk) and "hamstrings" in search_text(desk)


def test_every_built_in_routine_speaks_german(german):
    from stretchtimer.core.guidance import check_routine
    from stretchtimer.core.routine import in_language

    spoken = i18n.spoken_phrases()
    for rid, routine in load_routines(None).routines.items():
        de = in_language(routine, "de")
        assert de.name != routine.name, rid
        assert len(de.equipment) == len(routine.equipment), rid
        assert not routine.equipment or de.equipment != routine.equipment, rid
        for en_ex, de_ex in zip(routine.exercises, de.exercises, strict=True):
            assert de_ex.name != en_ex.name and de_ex.setup != en_ex.setup, (rid, en_ex.id)
            for en_level, de_level in zip(en_ex.levels, de_ex.levels, strict=True):
                assert de_level.hold_s == en_level.hold_s  # doses never change
                assert not en_level.has_texts or de_level.setup != en_level.setup, rid
        assert check_routine(de, spoken) == [], rid
