"""Run a benchmark with the machine's other busy processes paused, then resume them.

    python bench/quiet.py -- python bench/perf.py --articles 500 --out /tmp/perf.json
    python bench/quiet.py --pattern 'python|node' -- kg query --store S --named timeline

On a machine shared with other work (tests, evaluations, other sessions' jobs), wall times
swing by a third between runs of the same code. This stops (``SIGSTOP``) every process whose
command line matches ``--pattern`` (Python, Node, Java, valgrind by default), except this
process, its ancestors and the command it runs, waits a second for the CPUs to settle, runs the
command, and resumes (``SIGCONT``) every process it stopped, also when the command fails or is
interrupted. The paused processes keep their memory and continue where they were; a job that
measures wall time itself (a timeout, a timed test) sees the pause. Linux only (``/proc``).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_PATTERN = r"python|node|java|valgrind|pytest"


def ancestors(pid: int) -> set[int]:
    """``pid`` and the processes it descends from."""
    out = set()
    while pid > 1 and pid not in out:
        out.add(pid)
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            break
        pid = int(stat.rsplit(")", 1)[1].split()[1])  # the field after the state: ppid
    return out


def busy(pattern: re.Pattern[str], spared: set[int]) -> list[int]:
    """The processes whose command line matches ``pattern``, but those ``spared``."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) in spared:
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if command and pattern.search(command):
            pids.append(int(entry.name))
    return pids


def signal_all(pids: list[int], sig: signal.Signals) -> list[int]:
    """Send ``sig`` to each of ``pids``; the ones that received it."""
    done = []
    for pid in pids:
        try:
            os.kill(pid, sig)
            done.append(pid)
        except (ProcessLookupError, PermissionError):
            pass
    return done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pattern", default=DEFAULT_PATTERN, help="processes to pause (regex)")
    parser.add_argument("--settle", type=float, default=1.0, help="seconds to wait after pausing")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND [ARGS...]")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to run after --")
    stopped = signal_all(busy(re.compile(args.pattern), ancestors(os.getpid())), signal.SIGSTOP)
    print(f"quiet.py: paused {len(stopped)} processes", file=sys.stderr)
    try:
        time.sleep(args.settle)
        return subprocess.run(command, check=False).returncode
    finally:
        signal_all(stopped, signal.SIGCONT)
        print(f"quiet.py: resumed {len(stopped)} processes", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
