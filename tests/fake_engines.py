"""Speech backends for tests, loaded by name inside the real worker process.

Each writes a real WAV (a short tone, so players and probes have sound to work with)."""

import math
import os
import struct
import time
import wave


def write_tone(path, seconds=0.3, rate=22050, freq=440.0):
    frames = b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * freq * i / rate)))
                      for i in range(int(seconds * rate)))
    with wave.open(path, "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(rate)
        f.writeframes(frames)


class Instant:
    name = "fake-instant"

    def voices(self):
        return [{"id": "fake/en", "name": "Fake English", "languages": ["en"]},
                {"id": "fake/de", "name": "Fake German", "languages": ["de"]}]

    def render(self, text, path, voice, rate):
        write_tone(path)

    def say(self, text, voice, rate, volume):
        pass


class Slow(Instant):
    name = "fake-slow"

    def render(self, text, path, voice, rate):
        time.sleep(1.0)
        write_tone(path)

    def say(self, text, voice, rate, volume):
        time.sleep(30)  # a long utterance: only interrupt() ends it


class HangsOnSecond(Instant):
    """The second request, and every one after it in this worker, never returns."""

    name = "fake-hangs"
    count = 0

    def render(self, text, path, voice, rate):
        HangsOnSecond.count += 1
        if HangsOnSecond.count >= 2:
            time.sleep(3600)
        write_tone(path)


class Crashes(Instant):
    name = "fake-crashes"

    def render(self, text, path, voice, rate):
        os._exit(3)


class Missing:
    def __init__(self):
        raise OSError("libespeak-ng.so.1: cannot open shared object file")


class WritesNothing(Instant):
    """Says it rendered, but the file holds a header and no sound (a full disk, a bug)."""

    name = "fake-writes-nothing"

    def render(self, text, path, voice, rate):
        with wave.open(path, "wb") as f:
            f.setnchannels(1)
            f.setsampwidth(2)
            f.setframerate(22050)


class HangsAtStart:
    """espeak_Initialize that never returns: the engine's start hangs."""

    def __init__(self):
        time.sleep(3600)


class Steady(Instant):
    """Renders take 0.4 s each (a Piper voice on a slow machine); speech returns at once."""

    name = "fake-steady"

    def render(self, text, path, voice, rate):
        time.sleep(0.4)
        write_tone(path)

    def say(self, text, voice, rate, volume):
        pass


class RefusesPiper(Instant):
    """Speaks every voice but Piper's, as a worker without piper-tts would."""

    name = "fake-refuses-piper"

    def render(self, text, path, voice, rate):
        if voice and voice.startswith("piper:"):
            raise OSError(f"the Piper voice {voice[6:]} cannot be used here")
        write_tone(path)
