"""Every rendered phrase speaks at one loudness: the worker scales each render to
LOUDNESS_DBFS over its speech (pauses do not count), its peak kept under PEAK_DBFS."""

import math
import struct
import wave

import pytest

from stretchtimer.voice.engine import LOUDNESS_DBFS, PEAK_DBFS, normalize_loudness

RATE = 22050


def write(path, parts):
    """`parts`: (seconds, amplitude 0-1, Hz) pieces, one after another (0 amplitude: a pause)."""
    samples = []
    for seconds, amplitude, freq in parts:
        samples += [amplitude * math.sin(2 * math.pi * freq * i / RATE)
                    for i in range(int(seconds * RATE))]
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes(b"".join(struct.pack("<h", round(32767 * v)) for v in samples))


def read(path):
    with wave.open(str(path), "rb") as f:
        frames = f.readframes(f.getnframes())
    return [v / 32768 for v in struct.unpack(f"<{len(frames) // 2}h", frames)]


def db(x):
    return 20 * math.log10(x)


def speech_rms(samples, threshold=0.01):
    loud = [v for v in samples if abs(v) > threshold]
    return math.sqrt(sum(v * v for v in loud) / len(loud))


def test_a_quiet_and_a_loud_voice_come_out_equally_loud(tmp_path):
    quiet, loud = tmp_path / "quiet.wav", tmp_path / "loud.wav"
    write(quiet, [(0.5, 0.02, 300)])
    write(loud, [(0.5, 0.7, 300)])
    assert normalize_loudness(str(quiet)) > 1 > normalize_loudness(str(loud))
    a, b = speech_rms(read(quiet)), speech_rms(read(loud))
    assert db(a) == pytest.approx(LOUDNESS_DBFS, abs=0.5)
    assert db(b) == pytest.approx(LOUDNESS_DBFS, abs=0.5)


def test_pauses_in_a_phrase_do_not_make_it_louder(tmp_path):
    path = tmp_path / "pauses.wav"  # "3, 2, 1": short words, long pauses
    write(path, [(0.2, 0.1, 300), (0.8, 0.0, 300), (0.2, 0.1, 300), (0.8, 0.0, 300)])
    normalize_loudness(str(path))
    assert db(speech_rms(read(path))) == pytest.approx(LOUDNESS_DBFS, abs=0.5)


def test_a_peaky_phrase_is_held_under_the_peak_limit(tmp_path):
    path = tmp_path / "peaky.wav"  # quiet speech with one loud click
    write(path, [(0.5, 0.01, 300), (0.005, 0.9, 2000), (0.5, 0.01, 300)])
    normalize_loudness(str(path))
    assert db(max(abs(v) for v in read(path))) <= PEAK_DBFS + 0.1


def test_silence_and_non_16_bit_files_are_left_alone(tmp_path):
    silent = tmp_path / "silent.wav"
    write(silent, [(0.3, 0.0, 300)])
    before = silent.read_bytes()
    assert normalize_loudness(str(silent)) == 1.0 and silent.read_bytes() == before
    eight = tmp_path / "eight.wav"
    with wave.open(str(eight), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(1)
        f.setframerate(RATE)
        f.writeframes(bytes([128, 200, 50] * 100))
    before = eight.read_bytes()
    assert normalize_loudness(str(eight)) == 1.0 and eight.read_bytes() == before
