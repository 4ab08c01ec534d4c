"""stretchtimer: hourly stretch-break reminders with a voice-guided routine."""

__version__ = "0.1.0"
