"""Operating-system specifics behind small interfaces (single instance, idle, autostart)."""
