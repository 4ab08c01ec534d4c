"""Guards against a PySide6 build that corrupts reference counts: 6.12.0 released None
once per empty QModelIndex.data() result, and the app aborted at some later moment."""

import subprocess
import sys

CODE = """
import gc, sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
model = QStandardItemModel()
model.appendRow(QStandardItem("x"))
before = sys.getrefcount(None)
for _ in range(20000):
    model.index(0, 0).data(Qt.ItemDataRole.UserRole + 5)  # nothing stored: returns None
gc.collect()
print(sys.getrefcount(None) - before)
"""


def test_empty_model_data_does_not_release_none():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, f"PySide6 corrupted None's refcount: {result.stderr[-300:]}"
    assert abs(int(result.stdout)) < 1000
