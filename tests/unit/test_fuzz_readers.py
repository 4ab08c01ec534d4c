"""Any byte in any file: every reader survives random bytes, truncations, bit flips,
valid JSON of the wrong shape, deep nesting and huge numbers; and with such files in
every place at once, the app starts, reminders are up, the History tab opens, and no
byte the user had is gone (Hypothesis; `FUZZ_EXAMPLES=N` runs more)."""

import json
import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretchtimer.core.cues import plan_cues
from stretchtimer.core.history import compute_stats, sessions_from
from stretchtimer.core.plan import build_plan
from stretchtimer.core.progression import progression
from stretchtimer.core.routine import RoutineError, parse, to_data
from stretchtimer.storage.history_store import HistoryStore
from stretchtimer.storage.journal import Journal
from stretchtimer.storage.routines import load_routines
from stretchtimer.storage.settings import Settings, SettingsStore, to_dict
from stretchtimer.voice.cache import SpeechCache, playable

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=4),
    max_leaves=20)

SESSION = {"id": "s1", "schema_version": 1, "type": "session", "routine_id": "desk-micro",
           "routine_name": "Desk", "started": "2026-11-19T10:00:00+01:00",
           "ended": "2026-11-19T10:03:00+01:00", "completed": True,
           "held": [{"exercise_id": "e", "side": "left", "seconds": 20, "muscles": ["m"]}]}
VALID_FILES = {
    "settings": json.dumps(to_dict(Settings())).encode(),
    "routine": json.dumps(to_data(load_routines(None).get("desk-micro"))).encode(),
    "journal": b"\n".join(json.dumps(dict(SESSION, id=f"s{i}")).encode() for i in range(5)) +
    b"\n",
    "wav": bytes.fromhex("52494646") + (36 + 8).to_bytes(4, "little") + b"WAVEfmt " +
    bytes.fromhex("10000000010001002256000044ac00000200100064617461") + (8).to_bytes(4, "little")
    + b"\x10\x00" * 4,
}


@st.composite
def damaged(draw, valid: bytes):
    """Bytes a power cut, a bad disk, another program or an attacker could leave."""
    how = draw(st.sampled_from(["random", "truncated", "flipped", "shape", "deep", "huge"]))
    if how == "random":
        return draw(st.binary(max_size=300))
    if how == "truncated":
        return valid[:draw(st.integers(0, len(valid)))]
    if how == "flipped":
        data = bytearray(valid)
        for _ in range(draw(st.integers(1, 4))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] ^= 1 << draw(st.integers(0, 7))
        return bytes(data)
    if how == "shape":
        return json.dumps(draw(json_values)).encode()
    if how == "deep":
        n = draw(st.integers(30, 20000))
        return draw(st.sampled_from([b"[" * n + b"]" * n, b'{"a":' * n + b"1" + b"}" * n]))
    return b'{"schema_version": ' + b"9" * draw(st.integers(4300, 6000)) + b"}"


@st.composite
def mutated_record(draw):
    """A journal record whose fields (and those of its first held part) are changed to any
    JSON value: valid JSON, wrong content."""
    rec = json.loads(json.dumps(SESSION))
    rec["id"] = draw(st.uuids()).hex  # not a duplicate, so it is read, not dropped
    rec["type"] = draw(st.sampled_from(["session", "checkin", "reminder"]))
    rec.update(session_id="s1", rating="good", action="offered", at=SESSION["started"])
    part = rec["held"][0]
    for _ in range(draw(st.integers(0, 2))):
        part[draw(st.sampled_from(sorted(part)))] = draw(json_values)
    for _ in range(draw(st.integers(0, 2))):
        rec[draw(st.sampled_from(sorted(set(rec) - {"id"})))] = draw(json_values)
    if draw(st.booleans()):  # a time that is nearly one: the damage views used to meet
        near = st.builds(lambda y, m, d, rest: f"{y:04d}-{m:02d}-{d:02d}{rest}",
                         st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99),
                         st.sampled_from(["", "T10:00:00", "T10:00:00+01:00", "T25:61:00Z"]))
        rec[draw(st.sampled_from(["started", "ended", "at"]))] = draw(near | st.text(max_size=30))
    return json.dumps(rec).encode()


@FUZZ
@given(damaged(VALID_FILES["settings"]))
def test_settings_reader(tmp_path_factory, raw):
    folder = tmp_path_factory.mktemp("config")
    (folder / "settings.json").write_bytes(raw)
    store = SettingsStore(folder / "settings.json")
    loaded = store.load()
    assert isinstance(loaded, Settings)
    kept = [p.read_bytes() for p in folder.iterdir()]
    assert raw in kept  # in place, or moved aside whole
    if not store.read_only:
        store.save(loaded)
        assert raw in [p.read_bytes() for p in folder.iterdir()] or \
            store.messages == [] and not any(".corrupt" in p.name for p in folder.iterdir())


@FUZZ
@given(damaged(VALID_FILES["routine"]))
def test_routine_reader(raw):
    try:
        routine = parse(raw, "fuzzed.json")
    except RoutineError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
        return
    plan_cues(build_plan(routine))


@FUZZ
@given(st.lists(damaged(VALID_FILES["journal"]) | mutated_record(), min_size=1, max_size=6),
       damaged(b'{"format": "stretchtimer-history-snapshot"}'))
def test_journal_snapshot_tally_and_stats(tmp_path_factory, parts, snapshot):
    folder = tmp_path_factory.mktemp("data")
    raw = VALID_FILES["journal"] + b"\n".join(parts)
    (folder / "history.jsonl").write_bytes(raw)
    (folder / "snap.json").write_bytes(snapshot)
    journal = Journal(folder / "history.jsonl")
    tally = HistoryStore(journal, folder / "snap.json").load()
    compute_stats(tally, date(2026, 11, 20))
    sessions_from(journal.load().records)
    exercises = list(load_routines(None).get("desk-micro").exercises)
    progression(exercises, tally.rated)
    assert tally.total >= 5 and (folder / "history.jsonl").read_bytes() == raw


@FUZZ
@given(damaged(VALID_FILES["wav"]))
def test_speech_cache_reader(tmp_path_factory, raw):
    folder = tmp_path_factory.mktemp("speech")
    (folder / "k.wav").write_bytes(raw)
    got = SpeechCache(folder).get("k")
    assert got is None or playable(got)
    if got is None:  # moved aside, not lost (the cache's own file, yet kept)
        assert [p.read_bytes() for p in folder.glob("k.wav.corrupt-*")] == [raw] or not raw
