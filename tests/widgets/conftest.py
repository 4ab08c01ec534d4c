import pytest

from tests.ui_helpers import rig  # noqa: F401  (the window-test fixture)


@pytest.fixture(autouse=True, scope="session")
def english(qapp):
    """The UI's English, as the app installs it ("1 session", "2 sessions"), for every
    widget test whichever runs first."""
    from stretchtimer.ui import i18n

    i18n.install(qapp, "en")
