"""Speech: a worker process owns the engine; cues are pre-rendered and played on time."""
