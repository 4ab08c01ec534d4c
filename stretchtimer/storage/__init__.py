"""Files on disk. Never imports Qt."""
