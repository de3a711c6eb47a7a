"""bench/quiet.py pauses the other busy processes while a benchmark runs, and resumes them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="bench/quiet.py reads /proc")
def test_a_busy_process_is_stopped_during_the_command_and_resumed_after(tmp_path: Path) -> None:
    marker = "kg-quiet-test-marker"
    sleeper = subprocess.Popen([sys.executable, "-c", f"import time; time.sleep(60)  # {marker}"])
    try:
        status = Path(f"/proc/{sleeper.pid}/status")
        run = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "quiet.py"), "--pattern", marker,
             "--settle", "0.2", "--", "grep", "^State", str(status)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert run.returncode == 0
        assert "(stopped)" in run.stdout  # paused while the command ran
        assert "paused 1 processes" in run.stderr
        assert "(stopped)" not in status.read_text()  # and running again after
        failing = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "quiet.py"), "--pattern", marker,
             "--settle", "0", "--", "false"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert failing.returncode == 1  # the command's own exit code
        assert "(stopped)" not in status.read_text()
    finally:
        sleeper.kill()
        sleeper.wait()
