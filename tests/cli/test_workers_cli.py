"""``kg ingest --workers N`` as users run it: bad values are usage errors, Ctrl-C stops the
workers too."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store import open_store
from tests.conftest import SEED_ARTICLE
from tests.store.sample import run_kg


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5", "257"])
def test_a_bad_number_of_workers_is_a_usage_error(value: str) -> None:
    done = run_kg("ingest", "x.txt", "--workers", value)
    assert done.returncode == 2
    assert "Invalid value for '--workers'" in done.stderr and "Traceback" not in done.stderr


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _gone(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "State:\tZ" in status


# kg as a shell starts it: Ctrl-C neither blocked nor ignored, whatever the test process
# inherited (in two full-suite runs the run went on after Ctrl-C; the cause is not known)
_AS_FROM_A_TERMINAL = (
    "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, set()); "
    "signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.executable, [sys.executable, '-m', 'kg', *sys.argv[1:]])"
)


@pytest.mark.model
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_ctrl_c_stops_the_run_and_its_workers(tmp_path: Path) -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": text}) + "\n" for i in range(200)))
    store = tmp_path / "store"
    command = ["ingest", str(corpus), "--store", str(store), "--workers", "2"]
    run = subprocess.Popen(
        [sys.executable, "-c", _AS_FROM_A_TERMINAL, *command],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while len(workers := _children(run.pid)) < 2 and time.monotonic() < deadline:
            assert run.poll() is None, run.stderr.read() if run.stderr else ""
            time.sleep(0.1)
        assert len(workers) == 2
        time.sleep(0.5)  # the workers are parsing
        status = Path(f"/proc/{run.pid}/status").read_text()
        blocked = [line for line in status.splitlines() if line.startswith(("SigBlk", "SigIgn"))]
        assert all(not int(line.split()[1], 16) & 2 for line in blocked), blocked  # bit 2: SIGINT
        os.killpg(run.pid, signal.SIGINT)  # Ctrl-C at a terminal: the whole process group
        try:
            _, err = run.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
            stack = ""  # where it hangs, when py-spy is there
            if Path(spy).exists():
                dump = [spy, "dump", "--subprocesses", "--pid", str(run.pid)]
                stack = subprocess.run(dump, capture_output=True, text=True, check=False).stdout
            pytest.fail(f"still running 60 s after Ctrl-C:\n{stack}")
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        if run.stderr is not None:
            run.stderr.close()
    assert run.returncode == 130, err
    assert "Aborted." in err and "Traceback" not in err
    deadline = time.monotonic() + 10
    while not all(_gone(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert all(_gone(w) for w in workers)
    with open_store(store) as opened:  # no worker kept the store's locks
        assert opened.triple_count() >= 0
