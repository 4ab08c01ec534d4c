"""Finding Piper voices without loading Piper: voice file pairs in a folder, voices in
installed packages, and which voice speaks when none is chosen. Every reader survives a
broken pair (tests/e2e/test_piper.py loads and speaks a real one)."""

import json
import sys

import pytest

from stretchtimer.voice import piper_voices
from stretchtimer.voice.cache import voice_for
from stretchtimer.voice.piper_voices import find_voices, folder_voices, read_voice


def pair(folder, stem, config):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.onnx").write_bytes(b"model")
    (folder / f"{stem}.onnx.json").write_text(config if isinstance(config, str)
                                              else json.dumps(config))
    return folder / f"{stem}.onnx"


GOOD = {"audio": {"sample_rate": 22050}, "language": {"code": "de_DE"}}


def test_a_voice_is_named_by_its_file_and_speaks_its_configs_language(tmp_path):
    voice = read_voice(pair(tmp_path, "de_DE-thorsten-low", GOOD))
    assert voice.id == "piper:de_DE-thorsten-low" and voice.lang == "de"
    assert voice.name == "Thorsten (de_DE, low)"
    older = read_voice(pair(tmp_path, "x", {"audio": {}, "espeak": {"voice": "en-us"}}))
    assert older.language == "en-us" and older.lang == "en"  # configs without "language"


@pytest.mark.parametrize("config, problem", [
    (None, "has no x.onnx.json beside it"),
    ("{not json", "is not valid JSON"),
    ([1, 2], "not a Piper voice config"),
    ({"audio": {}}, "does not say which language"),
    ("\xff\xfe", "is not valid JSON"),
])
def test_a_broken_pair_is_named_with_its_problem(tmp_path, config, problem):
    model = tmp_path / "x.onnx"
    model.write_bytes(b"model")
    if config is not None:
        (tmp_path / "x.onnx.json").write_bytes(
            config.encode("latin-1") if isinstance(config, str) else json.dumps(config).encode())
    with pytest.raises(OSError, match=problem):
        read_voice(model)


def test_a_folder_lists_its_good_voices_and_skips_the_rest(tmp_path):
    pair(tmp_path, "de_DE-a-low", GOOD)
    pair(tmp_path, "en_US-b-low", "{")
    (tmp_path / "c.onnx").write_bytes(b"model without config")
    assert [v.id for v in folder_voices(tmp_path)] == ["piper:de_DE-a-low"]
    assert folder_voices(tmp_path / "missing") == []


def test_a_voice_package_is_found_by_its_record(tmp_path, monkeypatch):
    site = tmp_path / "site"
    info = site / "my_piper_voice-1.0.dist-info"
    info.mkdir(parents=True)
    pair(site / "my_piper_voice" / "data", "en_GB-alba-medium",
         {"audio": {}, "language": {"code": "en_GB"}})
    (info / "RECORD").write_text("my_piper_voice/__init__.py,,\n"
                                 "my_piper_voice/data/en_GB-alba-medium.onnx,sha256=x,5\n")
    other = site / "unrelated-2.0.dist-info"  # not named as a voice: not looked into
    other.mkdir()
    (other / "RECORD").write_text("my_piper_voice/data/en_GB-alba-medium.onnx,,\n")
    monkeypatch.setattr(sys, "path", [str(site)])
    mine = tmp_path / "voices"
    pair(mine, "en_GB-alba-medium", {"audio": {}, "language": {"code": "en_GB"}})
    found = find_voices(mine)
    assert [v.id for v in found] == ["piper:en_GB-alba-medium"]  # one per id: the user's
    assert found[0].model.parent == mine
    assert [v.model.parent.name for v in find_voices(None)] == ["data"]


def test_with_no_voice_chosen_a_natural_voice_for_the_language_speaks(tmp_path, monkeypatch):
    german = read_voice(pair(tmp_path, "de_DE-a-low", GOOD))
    assert voice_for(None, "de", [german]) == "piper:de_DE-a-low"
    assert voice_for("system/voice", "de", [german]) == "system/voice"  # a choice wins
    assert voice_for(None, "en", [german]) is None  # none for English: the system's
    assert voice_for(None, "de", []) == "lang:de"
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)  # no piper-tts
    assert piper_voices.usable_voices(tmp_path) == []


def test_a_fifo_or_a_directory_is_no_voice_and_never_blocks(tmp_path):
    import os

    model = tmp_path / "fifo.onnx"
    model.write_bytes(b"model")
    os.mkfifo(tmp_path / "fifo.onnx.json")  # reading it would wait for a writer forever
    with pytest.raises(OSError, match="must be plain files"):
        read_voice(model)
    (tmp_path / "dir.onnx").mkdir()
    (tmp_path / "dir.onnx.json").write_text(json.dumps(GOOD))
    assert folder_voices(tmp_path) == []


def test_an_added_voice_is_copied_in_whole_and_the_original_kept(tmp_path):
    model = pair(tmp_path / "downloads", "de_DE-thorsten-low", GOOD)
    folder = tmp_path / "voices"
    added = piper_voices.add_voice_file(model, folder)
    voice = added.voice
    assert voice.model == folder / model.name and voice.model.read_bytes() == b"model"
    assert added.placed == (voice.config, voice.model)
    assert [v.id for v in folder_voices(folder)] == ["piper:de_DE-thorsten-low"]
    assert model.exists() and model.with_name(model.name + ".json").exists()
    assert sorted(p.name for p in folder.iterdir()) == [
        "de_DE-thorsten-low.onnx", "de_DE-thorsten-low.onnx.json"]  # no temp left
    own = piper_voices.add_voice_file(voice.model, folder)  # one of the folder's own
    assert own.voice == voice and own.placed == ()
    piper_voices.remove_voice_file(own)  # a failed check of it takes nothing of the user's
    assert voice.model.exists() and voice.config.exists()
    piper_voices.remove_voice_file(added)
    assert list(folder.iterdir()) == [] and model.exists()


def test_an_added_voice_never_replaces_another_file_of_the_same_name(tmp_path):
    folder = tmp_path / "voices"
    pair(folder, "de_DE-thorsten-low", GOOD)
    (folder / "de_DE-thorsten-low.onnx").write_bytes(b"the one the user had")
    other = pair(tmp_path / "elsewhere", "de_DE-thorsten-low", GOOD)
    with pytest.raises(OSError, match="another file named de_DE-thorsten-low.onnx is in"):
        piper_voices.add_voice_file(other, folder)
    assert (folder / "de_DE-thorsten-low.onnx").read_bytes() == b"the one the user had"
    (folder / "de_DE-thorsten-low.onnx.json").write_text('{"audio": {}, "espeak": {"voice": "de"}}')
    (folder / "de_DE-thorsten-low.onnx").unlink()  # a config of other bytes, alone
    with pytest.raises(OSError, match="another file named de_DE-thorsten-low.onnx.json"):
        piper_voices.add_voice_file(other, folder)


def test_a_copy_a_power_cut_stopped_is_finished_by_adding_it_again(tmp_path):
    folder = tmp_path / "voices"
    model = pair(tmp_path / "src", "en_US-amy-low", GOOD)
    folder.mkdir()
    (folder / "en_US-amy-low.onnx.json").write_bytes(model.with_suffix(".onnx.json")
                                                      .read_bytes())  # the config made it
    (folder / ".tmp-en_US-amy-low.onnx.123").write_bytes(b"mo")  # the model did not
    added = piper_voices.add_voice_file(model, folder)
    assert added.placed == (folder / "en_US-amy-low.onnx",)  # the config was kept as it is
    assert sorted(p.name for p in folder.iterdir()) == [
        "en_US-amy-low.onnx", "en_US-amy-low.onnx.json"]  # and the torn temp swept


def test_a_copy_that_fails_half_way_leaves_nothing_behind(tmp_path, monkeypatch):
    model = pair(tmp_path / "src", "en_US-amy-low", GOOD)
    real, calls = piper_voices._copy_synced, []

    def copy_then_fail(src, dst):
        calls.append(src)
        real(src, dst)
        if len(calls) == 2:  # the model: a full disk half way
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(piper_voices, "_copy_synced", copy_then_fail)
    with pytest.raises(OSError, match="No space left"):
        piper_voices.add_voice_file(model, tmp_path / "voices")
    assert list((tmp_path / "voices").iterdir()) == []  # the config taken back, no temp


@pytest.mark.parametrize("make, problem", [
    (lambda d: (d / "x.onnx").write_bytes(b"model"), "has no x.onnx.json"),
    (lambda d: pair(d, "x", GOOD).write_bytes(b""), "x.onnx is empty"),
])
def test_what_is_no_voice_is_not_added_and_says_why(tmp_path, make, problem):
    source = tmp_path / "src"
    source.mkdir()
    make(source)
    with pytest.raises(OSError, match=problem):
        piper_voices.add_voice_file(source / "x.onnx", tmp_path / "voices")
    assert not (tmp_path / "voices").exists()  # nothing made


def test_a_copy_under_way_is_no_voice(tmp_path):
    pair(tmp_path, ".tmp-en_US-amy-low", GOOD)  # a copy a power cut stopped
    pair(tmp_path, "en_US-amy-low", GOOD)
    assert [v.id for v in folder_voices(tmp_path)] == ["piper:en_US-amy-low"]
