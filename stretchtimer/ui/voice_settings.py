"""Voice settings: which voice, how fast and loud, what is said. Changes apply at once
(they are saved to disk once settings storage exists)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QPushButton, QSlider, QSpinBox, QWidget)

from stretchtimer.core.speech_time import MAX_RATE_WPM, MIN_RATE_WPM
from stretchtimer.storage.settings import VoiceSettings

TEST_PHRASE = "Switch to your left side. Breathe in."
BREATHING = [("every", "Every breath"), ("first", "First breath of each hold"), ("off", "Off")]


class VoiceSettingsDialog(QDialog):
    changed = Signal(str)  # the name of the setting that changed

    def __init__(self, settings: VoiceSettings, player=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Voice settings")
        self.settings = settings
        self.player = player  # a CuePlayer, or None when speech is not set up yet

        self.voice = QComboBox()
        self.voice.setAccessibleName("Voice")
        self.voice.addItem("The engine's default voice", None)
        self.test = QPushButton("Test")
        self.test.setAccessibleName("Test the voice")
        self.test.setToolTip(f"Say “{TEST_PHRASE}” with these settings")
        self.rate = QSpinBox()
        self.rate.setRange(MIN_RATE_WPM, MAX_RATE_WPM)
        self.rate.setSuffix(" words a minute")
        self.rate.setAccessibleName("Speaking rate")
        self.rate.setValue(settings.rate_wpm)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(settings.volume * 100))
        self.volume.setAccessibleName("Volume")
        self.mute = QCheckBox("Mute the voice (M in the timer)")
        self.mute.setChecked(settings.muted)
        self.breathing = QComboBox()
        self.breathing.setAccessibleName("Breathing cues")
        for value, label in BREATHING:
            self.breathing.addItem(label, value)
        self.breathing.setCurrentIndex(self.breathing.findData(settings.breathing))
        self.countdown = QCheckBox("Count “3, 2, 1” before each release")
        self.countdown.setChecked(settings.countdown)
        self.chime = QCheckBox("A soft chime at every step, as well as the voice")
        self.chime.setChecked(settings.chime)
        self.status = QLabel()
        self.status.setWordWrap(True)

        voice_row = QHBoxLayout()
        voice_row.addWidget(self.voice, 1)
        voice_row.addWidget(self.test)
        form = QFormLayout(self)
        form.addRow("Voice", voice_row)
        form.addRow("Rate", self.rate)
        form.addRow("Volume", self.volume)
        form.addRow("", self.mute)
        form.addRow("Breathing cues", self.breathing)
        form.addRow("", self.countdown)
        form.addRow("", self.chime)
        form.addRow(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

        self.voice.currentIndexChanged.connect(self._on_voice_changed)
        self.rate.valueChanged.connect(self._on_rate_changed)
        self.volume.valueChanged.connect(self._on_volume_changed)
        self.mute.toggled.connect(lambda on: self._set("muted", on))
        self.breathing.currentIndexChanged.connect(
            lambda _: self._set("breathing", self.breathing.currentData()))
        self.countdown.toggled.connect(lambda on: self._set("countdown", on))
        self.chime.toggled.connect(lambda on: self._set("chime", on))
        self.test.clicked.connect(self._on_test_clicked)

        if player is None or not player.speech_available:
            why = player.service.unavailable if player is not None else "speech is starting"
            self.status.setText(f"No speech engine: {why}")
            self.test.setEnabled(False)
        else:
            player.service.voices_listed.connect(self._on_service_voices_listed)
            player.service.list_voices()
            self.status.setText("Looking up the voices…")

    def _set(self, name: str, value) -> None:
        setattr(self.settings, name, value)
        self.changed.emit(name)

    def _on_service_voices_listed(self, voices: list) -> None:
        current = self.settings.voice
        self.voice.blockSignals(True)
        for v in sorted(voices, key=lambda v: v["name"].lower()):
            langs = ", ".join(v.get("languages") or [])
            self.voice.addItem(f"{v['name']} ({langs})" if langs else v["name"], v["id"])
        if current is not None and self.voice.findData(current) >= 0:
            self.voice.setCurrentIndex(self.voice.findData(current))
        self.voice.blockSignals(False)
        self.status.setText(f"{len(voices)} voices from {self.player.service.client.engine_name}.")

    def _on_voice_changed(self, _index: int) -> None:
        self._set("voice", self.voice.currentData())

    def _on_rate_changed(self, value: int) -> None:
        self._set("rate_wpm", value)

    def _on_volume_changed(self, value: int) -> None:
        self._set("volume", value / 100)

    def _on_test_clicked(self) -> None:
        s = self.settings
        self.player.interrupt()
        self.player.service.say(TEST_PHRASE, s.voice, s.rate_wpm, s.volume)
