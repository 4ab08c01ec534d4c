"""Every folder the app writes to, from platformdirs; one override for tests and
portable installs (STRETCHTIMER_HOME puts config, data, cache and logs under one folder)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP = "stretchtimer"
HOME_ENV = "STRETCHTIMER_HOME"


@dataclass(frozen=True)
class Paths:
    config: Path
    data: Path
    cache: Path
    log: Path
    site: Path | None = None  # the organisation's folder (defaults.json), read only

    @property
    def user_routines(self) -> Path:
        return self.data / "routines"

    @property
    def journal(self) -> Path:
        return self.data / "history.jsonl"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def history_snapshot(self) -> Path:
        return self.cache / "history-snapshot.json"

    @property
    def speech_cache(self) -> Path:
        return self.cache / "speech"

    @property
    def voices(self) -> Path:
        """Piper voice files the user added (.onnx with its .onnx.json)."""
        return self.data / "voices"

    @property
    def site_defaults(self) -> Path | None:
        """Defaults (and locks) an organisation sets for everyone on the computer."""
        return self.site / "defaults.json" if self.site is not None else None

    @classmethod
    def under(cls, root: Path) -> Paths:
        return cls(root / "config", root / "data", root / "cache", root / "log", root / "site")

    @classmethod
    def default(cls) -> Paths:
        home = os.environ.get(HOME_ENV)
        if home:
            return cls.under(Path(home))
        import platformdirs  # only needed when the real per-user folders are used

        dirs = platformdirs.PlatformDirs(APP, appauthor=False)
        # /etc/xdg/stretchtimer (the first of XDG_CONFIG_DIRS), C:\ProgramData\stretchtimer,
        # /Library/Application Support/stretchtimer
        return cls(dirs.user_config_path, dirs.user_data_path, dirs.user_cache_path,
                   dirs.user_log_path, dirs.site_config_path)
