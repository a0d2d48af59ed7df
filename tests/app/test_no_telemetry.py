"""No dependency phones home: EdgeKit's NER runs onnxruntime with its telemetry off.

``import onnxruntime`` alone writes a persistent device id under
``~/.cache/Microsoft/DeveloperTools/`` unless ``ORT_DISABLE_TELEMETRY`` is set
first. The check runs in a fresh interpreter with a fresh home, as an app would.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("onnxruntime") is None, reason="onnxruntime (ner extra) not installed"
)

SCRIPT = """
import os
from edgekit.privacy import Filter, PrivacyConfig
findings = Filter(PrivacyConfig(preset="strict", ner="on")).scan("Please ask Maria Rossi.")
import onnxruntime
print("loaded" if "onnxruntime" in __import__("sys").modules else "missing")
print(os.environ.get("ORT_DISABLE_TELEMETRY"))
"""


# onnxruntime stays quiet by itself on CI machines (and where DO_NOT_TRACK is set):
# remove those signals so the check means what it says, here and on a user's machine.
_QUIETING = ("ORT_DISABLE_TELEMETRY", "DO_NOT_TRACK", "CI", "GITHUB_ACTIONS", "TF_BUILD", "HOME")


def _run(home: Path, code: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in _QUIETING}
    env["HOME"] = str(home)
    env["EDGEKIT_CACHE_DIR"] = os.environ.get(
        "EDGEKIT_CACHE_DIR", str(Path.home() / ".cache" / "edgekit" / "models")
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_ner_leaves_no_device_id_in_home(tmp_path: Path) -> None:
    proc = _run(tmp_path, SCRIPT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["loaded", "1"]
    assert not (tmp_path / ".cache" / "Microsoft").exists()


def test_without_edgekit_the_same_import_would_write_one(tmp_path: Path) -> None:
    """The control: proves the check above can fail."""
    proc = _run(tmp_path, "import onnxruntime")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (tmp_path / ".cache" / "Microsoft" / "DeveloperTools").exists()
