from tests.ui_helpers import rig  # noqa: F401  (the window-test fixture)
