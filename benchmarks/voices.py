"""The two speech engines side by side, in one run: how fast each renders (seconds of
audio per second of rendering), what the speech worker holds in memory with each, and
when cues are heard in a recorded routine with each (benchmarks/cue_timing.py, cached).

    python benchmarks/voices.py [--no-onsets]

espeak-ng is the system's first English voice (through pyttsx3); Piper is the first
Piper voice installed (the test extra brings en_US joe, medium). Each engine gets a
worker of its own, so its memory is its own.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from idle_cpu import tree  # noqa: E402
from tray_weight import rss_mb  # noqa: E402

DEADLINE_S = 60.0


def lines() -> list[str]:
    """Every phrase of the desk micro-break, as the app renders them."""
    from stretchtimer.core.cues import plan_cues
    from stretchtimer.core.plan import build_plan
    from stretchtimer.storage.routines import load_routines

    routine = load_routines(None).get("desk-micro")
    return sorted({c.text for c in plan_cues(build_plan(routine))})


def answer(client, kind: str):
    end = time.monotonic() + DEADLINE_S
    while time.monotonic() < end:
        for reply in client.read() + client.check():
            if reply.request == kind or reply.kind == "unavailable":
                return reply
        time.sleep(0.002)
    raise SystemExit(f"no answer to {kind} in {DEADLINE_S} s")


def voices() -> dict[str, str]:
    from stretchtimer.voice.engine import EngineClient
    from stretchtimer.voice.voice_list import voice_language

    client = EngineClient()
    try:
        client.request("voices", DEADLINE_S)
        listed = answer(client, "voices").value
    finally:
        client.close()
    found: dict[str, str] = {}
    # the plainest English voice of each engine ("en" before "en-029", the Caribbean)
    for v in sorted(listed, key=lambda v: len(str((v.get("languages") or [""])[0]))):
        engine = "piper" if v.get("engine") == "piper" else "espeak-ng"
        if voice_language(v) == "en":
            found.setdefault(engine, v["id"])
    return dict(sorted(found.items()))


def render_run(voice: str, texts: list[str], folder: Path) -> dict:
    from stretchtimer.voice.engine import EngineClient

    client = EngineClient()
    try:
        client.request("voices", DEADLINE_S)  # started and ready: its memory before speaking
        answer(client, "voices")
        before = rss_mb(tree(client._proc.pid))  # it and anything it started
        times, audio = [], []
        for i, text in enumerate(texts):
            path = folder / f"{i}.wav"
            start = time.perf_counter()
            client.request("render", DEADLINE_S, text=text, path=str(path), voice=voice, rate=170)
            reply = answer(client, "render")
            times.append(time.perf_counter() - start)
            if reply.kind != "ok":
                raise SystemExit(f"{voice}: {text!r}: {reply.value}")
            with wave.open(str(path)) as f:
                audio.append(f.getnframes() / f.getframerate())
        after = rss_mb(tree(client._proc.pid))
    finally:
        client.close()
    return {"first_s": times[0], "speed": sum(audio[1:]) / sum(times[1:]),
            "median_ms": statistics.median(times[1:]) * 1000, "audio_s": sum(audio),
            "rss_ready_mb": before, "rss_mb": after}


def onsets(voice: str) -> str:
    out = subprocess.run([sys.executable, str(HERE / "cue_timing.py"), "--modes", "cached",
                          "--voice", voice, "--json"], capture_output=True, text=True,
                         timeout=1800)
    if out.returncode != 0:
        return f"failed: {out.stderr.strip().splitlines()[-1:]}"
    result = json.loads(out.stdout.strip().splitlines()[-1])[0]
    errs = sorted(abs(e) for e in result["errors_ms"])
    if not errs:
        return "no cue heard"
    p95 = errs[min(len(errs) - 1, int(round(0.95 * (len(errs) - 1))))]
    return (f"{result['found']}/{result['cues']} cues heard, onset p50 "
            f"{statistics.median(errs):.1f} ms, p95 {p95:.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-onsets", action="store_true",
                        help="skip the recorded routines (they need PulseAudio)")
    args = parser.parse_args()
    texts = lines()
    found = voices()
    if "piper" not in found:
        print("no Piper voice here: pip install 'stretchtimer[piper]' and a voice")
    results = {}
    with tempfile.TemporaryDirectory(prefix="st-voices-") as tmp:
        for engine, voice in found.items():
            folder = Path(tmp) / engine
            folder.mkdir()
            results[engine] = render_run(voice, texts, folder)
    print(f"{len(texts)} phrases of the desk micro-break, rendered one after another at "
          "170 words a minute; memory of the worker process")
    for engine, r in results.items():
        print(f"{engine:>10} ({found[engine]}): {r['speed']:5.1f} s of audio per s of "
              f"rendering, median {r['median_ms']:5.0f} ms a phrase, first {r['first_s']:.2f} s"
              f"; worker {r['rss_ready_mb']:.0f} MB ready, {r['rss_mb']:.0f} MB after")
    if len(results) == 2:
        e, p = results["espeak-ng"], results["piper"]
        print(f"     ratio: Piper renders {e['speed'] / p['speed']:.1f}x slower than espeak-ng "
              f"and its worker holds {p['rss_mb'] / e['rss_mb']:.1f}x the memory")
    if not args.no_onsets:
        for engine, voice in found.items():
            print(f"{engine:>10}: routine with pre-rendered cues: {onsets(voice)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
