"""When is each cue actually heard? Plays a short routine through the real player into a
private PulseAudio null sink, records it, finds each cue's onset and compares it with the
cue's instant. Two runs in one go: pre-rendered cues (the cache, QSoundEffect) and live
pyttsx3 speech (what a cue falls back to when its render is not ready).

    python benchmarks/cue_timing.py [--json]      (goal: pre-rendered p95 <= 50 ms)
    python benchmarks/cue_timing.py --modes cold  (Start -> first cue heard, from a cold
                                                  cache with no speech worker running)
    python benchmarks/cue_timing.py --routine towel-hamstring-beginner --modes cached
                                                  (a whole built-in routine, in real time;
                                                  also says how many breath cues were heard)
    python benchmarks/cue_timing.py --load 4      (the same with 4 busy processes beside it:
                                                  on a 2-core machine both cores are busy)

Each run first plays a chime at a known instant: its onset maps the monotonic clock onto
the recording, so both runs are measured against the same audio path.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from audio_rig import PulseNullSink, match, onsets  # noqa: E402

ROUTINE = {  # one short hold: name, setup, hold, breaths, form cue, 3-2-1, release, closing
    "schema_version": 1, "id": "timing", "name": "Timing", "summary": "x",
    "position": "seated", "safety": [], "closing": "Well done.",
    "exercises": [{"id": "t", "name": "Seated stretch", "setup": ["Sit tall."],
                   "cues": ["Keep breathing."], "sides": "none", "reps": 1, "hold_s": 12,
                   "rest_s": 0, "prepare_s": 3, "breathing": {"in_s": 4, "out_s": 6},
                   "source": "benchmark"}],
}
REFERENCE_LEAD_S = 1.0  # the reference chime plays this long before the routine starts
PLACED_S = 0.3  # and is placed in the stream this long before its instant


def play(mode: str, routine_id: str = "", voice: str | None = None) -> None:
    """Child process: run the routine with the real voice; print when things happened."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from stretchtimer.core.cues import plan_cues
    from stretchtimer.core.plan import build_plan
    from stretchtimer.core.routine import validate
    from stretchtimer.platform.system_clock import SystemClock
    from stretchtimer.settings_model import SettingsModel
    from stretchtimer.storage.paths import Paths
    from stretchtimer.storage.settings import Settings, VoiceSettings
    from stretchtimer.ui.session_driver import SessionDriver
    from stretchtimer.voice.cache import SpeechCache
    from stretchtimer.voice.player import CHIME, CuePlayer
    from stretchtimer.voice.service import SpeechService

    app = QGuiApplication([sys.argv[0]])
    if routine_id:
        from stretchtimer.storage.routines import load_routines

        routine = load_routines(None).get(routine_id)
        assert routine is not None, routine_id
    else:
        routine, problems = validate(ROUTINE)
        assert not problems, problems
    plan = build_plan(routine)
    cues = plan_cues(plan)
    service = SpeechService(SpeechCache(Paths.default().speech_cache))
    player = CuePlayer(service, SettingsModel(Settings(voice=VoiceSettings(volume=1.0,
                                                                           voice=voice))))
    driver = SessionDriver(SystemClock())
    player.attach(driver)
    log: dict = {"mode": mode, "cues": [], "render_failures": []}
    service.render_failed.connect(lambda key, why: log["render_failures"].append(why))
    player.cue_spoken.connect(lambda text, how: log["cues"].append(
        {"text": text, "how": how, "called": time.monotonic()}))
    if mode != "cold":  # cold: no worker yet, nothing rendered, the stream closed at Start
        service.start()
    if mode == "cached":
        player.prepare(cues)

    def ready() -> bool:
        if mode == "cold":
            return player.out.is_loaded(CHIME)
        if not player.out.is_loaded(CHIME) or service.client.engine_name is None:
            return False
        settled = len(log["render_failures"]) + sum(
            player.out.is_loaded(k) for k in set(player._keys.values()))
        return mode == "live" or settled >= len(set(player._keys.values()))

    def begin() -> None:
        if not ready():
            QTimer.singleShot(50, begin)
            return
        player.out.open()  # as prepare() does when a routine is selected
        QTimer.singleShot(1500, reference)  # a stream needs ~0.5 s to start flowing

    def reference() -> None:
        # placed ahead in the running stream, as the routine's cues are
        log["reference"] = time.monotonic() + PLACED_S
        if not player.out.play_at(CHIME, 1.0, log["reference"]):
            raise SystemExit("no running audio stream for the reference chime")
        lead = int((PLACED_S + REFERENCE_LEAD_S) * 1000)
        if mode == "cold":  # the stream ends before Start (an idle app has none open)
            QTimer.singleShot(lead, player.out.close)
            QTimer.singleShot(lead + int(REFERENCE_LEAD_S * 1000), start_routine)
        else:
            QTimer.singleShot(lead, start_routine)

    def start_routine() -> None:
        if mode == "cold":  # Start pressed: what the controller does (prepare, begin)
            log["start"] = time.monotonic()
            player.prepare(cues)
        driver.begin(plan, cues)
        log["origin"] = driver.machine.monotonic_at(0)
        log["plan"] = [{"offset": c.offset, "text": c.text, "kind": c.kind.value} for c in cues]

    def done(_summary) -> None:
        QTimer.singleShot(2500, app.quit)  # let the closing line finish

    driver.finished.connect(done)
    QTimer.singleShot(0, begin)
    app.exec()
    service.shutdown()
    print(json.dumps(log), flush=True)


def measure(rig: PulseNullSink, mode: str, folder: Path, env: dict,
            routine_id: str = "", voice: str = "") -> dict:
    raw_path = folder / f"{mode}.raw"
    recorder = rig.record(raw_path)
    time.sleep(0.3)
    child = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--play", mode,
                            *(["--routine", routine_id] if routine_id else []),
                            *(["--voice", voice] if voice else [])],
                           env=env, capture_output=True, text=True, timeout=1200)
    time.sleep(0.3)
    recorder.terminate()
    recorder.wait(timeout=5)
    if child.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{child.stderr[-3000:]}")
    log = json.loads(child.stdout.strip().splitlines()[-1])
    heard = onsets(raw_path.read_bytes())
    if not heard:
        raise SystemExit(f"{mode}: the recording is silent")
    reference_onset = heard[0]  # the chime
    expected = [reference_onset + (log["origin"] + c["offset"] - log["reference"])
                for c in log["plan"]]
    found = match(expected, heard[1:])
    errors = [(f - e) * 1000 for f, e in zip(found, expected) if f is not None]
    first = None
    if "start" in log and len(heard) > 1:  # cold: Start -> the first sound after it
        first = (heard[1] - (reference_onset + log["start"] - log["reference"])) * 1000
    return {"mode": mode, "first_ms": first, "cues": len(expected), "found": len(errors),
            "render_failures": log["render_failures"],
            "errors_ms": errors, "texts": [c["text"] for c in log["plan"]],
            "kinds": [c["kind"] for c in log["plan"]], "onsets": found, "expected": expected}


def summary(result: dict) -> str:
    errs = sorted(abs(e) for e in result["errors_ms"])
    if result.get("first_ms") is not None:
        return (f"{result['mode']:>12}: Start -> first cue heard {result['first_ms']:.0f} ms "
                f"(cold cache, no speech worker, stream closed; goal <= 300 ms)")
    if not errs:
        return f"{result['mode']:>12}: no cue heard"
    p95 = errs[min(len(errs) - 1, int(round(0.95 * (len(errs) - 1))))]
    line = (f"{result['mode']:>12}: {result['found']}/{result['cues']} cues heard, "
            f"onset error p50 {statistics.median(errs):6.1f} ms  p95 {p95:6.1f} ms  "
            f"max {errs[-1]:6.1f} ms")
    breaths = [(f, e) for f, e, k in zip(result["onsets"], result["expected"], result["kinds"])
               if k.startswith("breathe")]
    if breaths:
        heard = [(f - e) * 1000 for f, e in breaths if f is not None]
        line += (f"\n{'':>12}  breath cues: {len(heard)}/{len(breaths)} heard" +
                 (f", onset error max {max(abs(x) for x in heard):.1f} ms" if heard else ""))
        missed = [t for (f, _), t in zip(breaths, [t for t, k in zip(result["texts"],
                  result["kinds"]) if k.startswith("breathe")]) if f is None]
        if missed:
            line += f" (not heard: {', '.join(missed)})"
    return line


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--play", choices=["cached", "live", "cold"], help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the raw results as JSON")
    parser.add_argument("--modes", default="cached,live")
    parser.add_argument("--routine", default="", metavar="ID",
                        help="play this built-in routine instead of the short test one")
    parser.add_argument("--voice", default="", metavar="ID",
                        help="speak with this voice (--list-voices); default: the app's")
    parser.add_argument("--load", type=int, default=0, metavar="N",
                        help="keep N busy processes running while the routine plays")
    args = parser.parse_args()
    if args.play:
        play(args.play, args.routine, args.voice or None)
        return 0
    with tempfile.TemporaryDirectory(prefix="st-cues-") as tmp, PulseNullSink(Path(tmp)) as rig:
        env = dict(rig.env, QT_QPA_PLATFORM="offscreen", STRETCHTIMER_HOME=str(Path(tmp) / "home"))
        busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
                for _ in range(args.load)]
        try:
            results = [measure(rig, mode, Path(tmp),
                               dict(env, STRETCHTIMER_HOME=str(Path(tmp) / "cold-home"))
                               if mode == "cold" else env, args.routine, args.voice)
                       for mode in args.modes.split(",")]
        finally:
            for process in busy:
                process.kill()
                process.wait()
    if args.json:
        print(json.dumps(results))
        return 0
    for r in results:
        print(summary(r))
    if len(results) == 2 and results[0]["errors_ms"] and results[1]["errors_ms"]:
        a = statistics.median(abs(e) for e in results[0]["errors_ms"])
        b = statistics.median(abs(e) for e in results[1]["errors_ms"])
        print(f"       ratio: live p50 / pre-rendered p50 = {b / max(a, 0.1):.1f}x "
              "(goal: pre-rendered p95 <= 50 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
