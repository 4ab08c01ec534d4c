"""The house tools run with the tests: ruff on everything (its rules and why are in
pyproject.toml), mypy on the whole package, strict on the pure layers (core/, storage/)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ruff_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "stretchtimer", "tests",
                             "benchmarks", "packaging"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_mypy_is_clean():
    result = subprocess.run([sys.executable, "-m", "mypy", "stretchtimer"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
