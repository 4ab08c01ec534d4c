import os
import time

from stretchtimer.voice.cache import SpeechCache, cache_key


def put(cache, key, size):
    temp = cache.temp_path()
    temp.write_bytes(b"\x00" * size)
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
    put(cache, "kept", 10)
    cache.sweep_temps()
    assert [p.name for p in tmp_path.iterdir()] == ["kept.wav"]
