"""Pure-Python engine: routines, plans, cues, sessions. Never imports Qt."""
