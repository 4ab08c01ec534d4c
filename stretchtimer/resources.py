"""Where the shipped assets are: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def assets() -> Traversable:
    packaged = files("stretchtimer") / "assets"  # the wheel maps assets/ here
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "assets"  # source checkout / editable


def figures_dir() -> Path:
    """The shipped figures' folder, as a real path (the wheel's assets are files too)."""
    return Path(str(assets() / "figures"))


def shipped_figures() -> list[str]:
    """The figures that come with stretchtimer, by file name."""
    return sorted(p.name for p in figures_dir().iterdir() if p.name.endswith(".svg"))
