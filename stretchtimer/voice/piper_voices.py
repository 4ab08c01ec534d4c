"""Which Piper voices this computer has, without loading Piper: voice files (a `.onnx`
model with its `.onnx.json` config beside it) in the voices folder of the data dir, and
voices shipped as installed Python packages (a distribution named like "*piper*voice*"
that carries such a pair). The app asks this to pick its default voice and to key its
cache; the speech worker asks it to load a voice."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

PREFIX = "piper:"  # voice ids of Piper voices: "piper:en_US-joe-medium"
MAX_CONFIG_BYTES = 1 << 20  # a voice config is a few kB; anything bigger is not one


@dataclass(frozen=True)
class PiperVoice:
    id: str  # PREFIX + the model's file stem
    name: str  # for people: "Joe (en_US, medium)"
    language: str  # "en_US"
    model: Path
    config: Path

    @property
    def lang(self) -> str:
        """The language alone: "en"."""
        return language_of(self.language)


def language_of(code: str) -> str:
    """ "en" of "en_US", "en-us" or a voice name such as "en_US-joe-medium"."""
    return code.split("-")[0].split("_")[0].lower()


def read_voice(model: Path) -> PiperVoice:
    """The voice of a `.onnx` file, from the `.onnx.json` beside it; OSError (naming the
    file and the problem) when it is not a Piper voice."""
    import stat

    config = model.with_name(model.name + ".json")
    try:
        if not stat.S_ISREG(model.stat().st_mode) or not stat.S_ISREG(config.stat().st_mode):
            raise OSError(f"{model.name} and {config.name} must be plain files")  # not a FIFO
        with open(config, "rb") as f:
            raw = f.read(MAX_CONFIG_BYTES + 1)
        if len(raw) > MAX_CONFIG_BYTES:
            raise OSError(f"{config.name} is too big to be a Piper voice config")
        data = json.loads(raw)
    except FileNotFoundError:
        raise OSError(f"{model.name} has no {config.name} beside it") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise OSError(f"{config.name} is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("audio"), dict):
        raise OSError(f"{config.name} is not a Piper voice config (no audio settings)")
    language = data.get("language")
    code = language.get("code") if isinstance(language, dict) else None
    if not isinstance(code, str) or not code:
        espeak = data.get("espeak")
        code = espeak.get("voice") if isinstance(espeak, dict) else None
    if not isinstance(code, str) or not code:
        raise OSError(f"{config.name} does not say which language the voice speaks")
    stem = model.name[: -len(".onnx")]
    speaker, _, quality = stem.partition("-")[2].partition("-")
    detail = f"{code}, {quality}" if quality else code
    name = f"{(speaker or stem).replace('_', ' ').title()} ({detail})"
    return PiperVoice(PREFIX + stem, name, code, model, config)


def folder_voices(folder: Path) -> list[PiperVoice]:
    """The readable voices in a folder (a broken pair is skipped, not fatal)."""
    found = []
    try:
        models = sorted(folder.glob("*.onnx"))
    except OSError:
        return []
    for model in models:
        if model.name.startswith("."):  # a copy under way (add_voice_file) or hidden
            continue
        try:
            found.append(read_voice(model))
        except OSError:
            continue
    return found


def package_voices() -> list[PiperVoice]:
    """Voices carried by installed packages whose name says they are Piper voices (found
    by their .dist-info folder name: reading every package's metadata takes 0.1 s)."""
    import csv
    import sys

    found = []
    for entry in sys.path:
        try:
            infos = sorted(Path(entry or ".").glob("*piper*voice*.dist-info"))
        except OSError:
            continue
        for info in infos:  # its RECORD lists the package's files, relative to `entry`
            try:
                with open(info / "RECORD", newline="", encoding="utf-8") as record:
                    files = [row[0] for row in csv.reader(record) if row]
            except (OSError, UnicodeDecodeError, csv.Error):
                continue
            for name in files:
                if name.endswith(".onnx"):
                    try:
                        found.append(read_voice(info.parent / name))
                    except OSError:
                        continue
    return found


def find_voices(folder: Path | None) -> list[PiperVoice]:
    """Every Piper voice here, the user's folder first; one per id."""
    voices: dict[str, PiperVoice] = {}
    for voice in (folder_voices(folder) if folder is not None else []) + package_voices():
        voices.setdefault(voice.id, voice)
    return list(voices.values())


def usable_voices(folder: Path | None) -> list[PiperVoice]:
    """The Piper voices the speech worker can load: none when piper-tts is missing."""
    from importlib.util import find_spec

    return find_voices(folder) if find_spec("piper") is not None else []


@dataclass(frozen=True)
class AddedVoice:
    voice: PiperVoice
    placed: tuple[Path, ...]  # the files copied in: none when it was there already


def add_voice_file(model: Path, folder: Path) -> AddedVoice:
    """Copy a voice (the `.onnx` and the `.onnx.json` beside it) into `folder`; OSError
    naming the problem when it is not a voice, or another file of that name is there (it
    is never replaced). Each file is written and synced under a temporary name, then
    linked to its own, so a power cut leaves no half file under a voice's name; a file
    already there with the same bytes (a copy a power cut stopped) is kept as it is.
    Whether the model loads is for the speech worker to find out."""
    import os

    from stretchtimer.storage.atomic import TEMP_PREFIX, fsync_dir, sweep_temps

    voice = read_voice(model)
    if model.stat().st_size == 0:
        raise OSError(f"{model.name} is empty")
    folder.mkdir(parents=True, exist_ok=True)
    sweep_temps(folder)  # what a power cut left of an earlier copy
    target = folder / model.name
    if target.exists() and target.resolve() == model.resolve():
        return AddedVoice(voice, ())  # it is one of the folder's own
    todo = []
    for src in (voice.config, model):  # the config first: a model is found by it
        dst = folder / src.name
        if not dst.exists():
            todo.append((src, dst))
        elif not _same_bytes(src, dst):
            raise OSError(f"another file named {src.name} is in the voices folder already")
    placed: list[Path] = []
    try:
        for src, dst in todo:
            temp = folder / f"{TEMP_PREFIX}{src.name}.{os.getpid()}"
            try:
                _copy_synced(src, temp)
                _link_new(temp, dst)
            finally:
                temp.unlink(missing_ok=True)
            placed.append(dst)
        fsync_dir(folder)
    except BaseException:
        for path in reversed(placed):
            path.unlink(missing_ok=True)
        raise
    return AddedVoice(read_voice(target), tuple(placed))


def remove_voice_file(added: AddedVoice) -> None:
    """Take back what add_voice_file copied in (a voice that did not load), the model
    first: a cut in between leaves only a config, which a new add takes as its own."""
    for path in reversed(added.placed):
        path.unlink(missing_ok=True)


def _copy_synced(src: Path, dst: Path) -> None:
    import os
    import shutil

    with open(src, "rb") as fin, open(dst, "xb") as fout:
        shutil.copyfileobj(fin, fout, 1 << 20)
        fout.flush()
        os.fsync(fout.fileno())


def _link_new(temp: Path, dst: Path) -> None:
    """Give `temp` the name `dst`, never over a file that appeared there meanwhile."""
    import os

    try:
        os.link(temp, dst)
    except FileExistsError:
        raise OSError(f"another file named {dst.name} appeared in the voices folder") from None
    except OSError:  # a file system without hard links (FAT, some network shares)
        if dst.exists():
            raise OSError(f"another file named {dst.name} appeared in the voices folder") \
                from None
        os.replace(temp, dst)


def _same_bytes(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            chunk = fa.read(1 << 20)
            if chunk != fb.read(1 << 20):
                return False
            if not chunk:
                return True
