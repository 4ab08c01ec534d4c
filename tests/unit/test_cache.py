import os
import struct
import time
import wave

import pytest

from stretchtimer.voice.cache import SpeechCache, cache_key, playable


def wav_bytes(size=1000, frames=None):
    """A 16-bit mono WAV of `size` bytes in all (a header and quiet-ish samples)."""
    n = frames if frames is not None else max(1, (size - 44) // 2)
    data = b"".join(struct.pack("<h", 1000 if i % 2 else -1000) for i in range(n))
    return (b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVEfmt " +
            struct.pack("<IHHIIHH", 16, 1, 1, 22050, 44100, 2, 16) + b"data" +
            struct.pack("<I", len(data)) + data)


def put(cache, key, size):
    temp = cache.temp_path()
    temp.write_bytes(wav_bytes(size))
    return cache.commit(temp, key)


def test_key_changes_with_text_voice_rate_and_engine_but_not_volume():
    base = cache_key("Hold", "en", 170, "pyttsx3@linux")
    assert base != cache_key("Hold.", "en", 170, "pyttsx3@linux")
    assert base != cache_key("Hold", "de", 170, "pyttsx3@linux")
    assert base != cache_key("Hold", "en", 180, "pyttsx3@linux")
    assert base != cache_key("Hold", "en", 170, "pyttsx3@win32")
    assert base == cache_key("Hold", "en", 170, "pyttsx3@linux")


def test_commit_is_a_rename_and_get_marks_use(tmp_path):
    cache = SpeechCache(tmp_path)
    path = put(cache, "a", 100)
    assert path == tmp_path / "a.wav" and not list(tmp_path.glob(".render-*"))
    old = time.time() - 3600
    os.utime(path, (old, old))
    assert cache.get("a") == path and path.stat().st_mtime > old + 3000
    assert cache.get("missing") is None


def test_least_recently_used_go_first_when_over_the_cap(tmp_path):
    cache = SpeechCache(tmp_path, cap_bytes=1000)
    for i, key in enumerate("abc"):
        os.utime(put(cache, key, 300), (1000 + i, 1000 + i))  # used in the order a, b, c
    cache.get("a")  # a is used again: now b is the least recently used
    put(cache, "d", 300)  # 1200 bytes > 1000: evict oldest first, down to 80% (800)
    assert sorted(p.stem for p in tmp_path.glob("*.wav")) == ["a", "d"]


def test_nothing_is_evicted_under_the_cap(tmp_path):
    cache = SpeechCache(tmp_path, cap_bytes=1000)
    for key in "abc":
        put(cache, key, 300)
    assert sorted(p.stem for p in tmp_path.glob("*.wav")) == ["a", "b", "c"]


def test_a_half_written_render_is_swept(tmp_path):
    cache = SpeechCache(tmp_path)
    cache.temp_path().write_bytes(b"RIFF")
    put(cache, "kept", 100)
    cache.sweep_temps()
    assert [p.name for p in tmp_path.iterdir()] == ["kept.wav"]


@pytest.mark.parametrize("content", [
    b"", b"garbage, not a wave file at all", b"\x00" * 4096, wav_bytes(frames=0),
    wav_bytes(2000)[:700]], ids=["empty", "garbage", "nul-filled", "header-only", "cut-short"])
def test_a_cached_file_that_is_not_a_playable_wav_is_moved_aside(tmp_path, content):
    cache = SpeechCache(tmp_path)
    (tmp_path / "bad.wav").write_bytes(content)
    assert not playable(tmp_path / "bad.wav")
    assert cache.get("bad") is None  # so it is rendered again
    assert not (tmp_path / "bad.wav").exists()
    (kept,) = tmp_path.glob("bad.wav.corrupt-*")  # moved aside, not deleted
    assert kept.read_bytes() == content
    assert cache.get("bad") is None  # and stays a miss until rendered
    put(cache, "bad", 500)
    assert cache.get("bad") == tmp_path / "bad.wav"


def test_a_good_wav_is_playable(tmp_path):
    path = tmp_path / "good.wav"
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(22050)
        f.writeframes(b"\x10\x00" * 2205)
    assert playable(path)
