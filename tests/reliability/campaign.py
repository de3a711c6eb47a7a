"""Kill ``kg ingest`` with SIGKILL at chosen moments and check what it leaves in the store.

Used by tests/reliability/test_crash.py (a dozen kills) and bench/crash.py (a longer campaign).
A store's content is read as {graph name: canonical N-Triples lines}; a graph with blank nodes
is canonicalised (rdflib's ``to_canonical_graph``) so that two runs compare equal when their
graphs are isomorphic. The check after a kill: the store opens as a reader and as a writer,
and each graph in it is exactly the reference run's graph of that name.
"""

from __future__ import annotations

import functools
import io
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.compare import to_canonical_graph

from kg.errors import StoreError
from kg.store import open_store
from kg.store.embedded import DB_DIR, SNAPSHOTS

Content = dict[str, frozenset[str]]

ROOT = Path(__file__).resolve().parents[2]


def kg_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *args]


def kg_env() -> dict[str, str]:
    """The environment for a ``kg`` child: this checkout first on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def start_ready(script: str, *args: str) -> subprocess.Popen[str]:
    """A Python child running ``script`` that has printed its first line, which must begin
    with "ready" (it holds the store and is about to write)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        env=kg_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("ready"):
        os.kill(proc.pid, signal.SIGKILL)
        _out, err = proc.communicate(timeout=30)
        raise AssertionError(err or line)
    return proc


def read_content(store: Path, *, read_only: bool = True) -> Content:
    """Every graph of the store at ``store``, as canonical N-Triples lines."""
    out = io.BytesIO()
    with open_store(store, read_only=read_only) as db:
        db.export(out, "nquads")
    return content_of(out.getvalue())


def content_of(nquads: bytes) -> Content:
    """Group N-Quads by graph; graphs with blank nodes are canonicalised."""
    graphs: dict[str, list[ox.Triple]] = {}
    for quad in ox.parse(nquads, ox.RdfFormat.N_QUADS):
        name = quad.graph_name
        key = name.value if isinstance(name, ox.NamedNode) else ""
        graphs.setdefault(key, []).append(quad.triple)
    return {name: _canonical(triples) for name, triples in graphs.items()}


def _canonical(triples: list[ox.Triple]) -> frozenset[str]:
    lines = frozenset(str(t) + " ." for t in triples)
    if not any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
               for t in triples):  # fmt: skip
        return lines
    return _canonical_lines(lines)


@functools.lru_cache(maxsize=8)
def _canonical_lines(lines: frozenset[str]) -> frozenset[str]:
    graph = Graph(bind_namespaces="none").parse(data="\n".join(sorted(lines)), format="nt")
    canonical = to_canonical_graph(graph).serialize(format="nt")
    return frozenset(line for line in canonical.splitlines() if line.strip())


def quad_count(content: Content) -> int:
    return sum(len(lines) for lines in content.values())


class Broken(AssertionError):
    """What a kill left is not a store of whole graphs (the message says which and how)."""


def check_whole(store: Path, reference: Content) -> tuple[int, int]:
    """Open ``store`` as a reader, then as a writer, and check each graph against ``reference``.

    Returns (article graphs present, quads compared). Where the kill came before the database
    was made, the reader must say there is no store and the writer must make one. Raises
    ``Broken`` when anything else is found.
    """
    roles: tuple[bool, ...] = (True, False)
    if not (store / DB_DIR / "CURRENT").is_file():  # killed before the database was made
        try:
            read_content(store)
        except StoreError as exc:
            if "no store" not in str(exc):
                raise Broken(f"the reader did not say there is no store yet: {exc}") from exc
        else:
            raise Broken("a reader opened a store that has no CURRENT file")
        roles = (False,)  # a writer makes it (over whatever files the kill left)
    results = []
    for read_only in roles:
        try:
            content = read_content(store, read_only=read_only)
        except StoreError as exc:
            role = "reader" if read_only else "writer"
            raise Broken(f"the store does not open as a {role}: {exc}") from exc
        results.append(content)
        for name, lines in content.items():
            if name not in reference:
                raise Broken(f"unexpected graph <{name}> ({len(lines)} triples)")
            if lines != reference[name]:
                missing = len(reference[name] - lines)
                extra = len(lines - reference[name])
                raise Broken(f"graph <{name}> is partial: {missing} triples missing, {extra} extra")
    if results[0] != results[-1]:
        raise Broken("the reader and the writer see different content")
    content = results[-1]
    articles = sum(1 for name in content if "/graph/" in name and not name.endswith("/ontology"))
    return articles, quad_count(content)


def leftovers(store: Path) -> list[str]:
    """Snapshot folders left behind once no process holds the store (should be none)."""
    snaps = store / SNAPSHOTS
    if not snaps.is_dir():
        return []
    return sorted(p.name for p in snaps.iterdir() if p.is_dir())


@dataclass(frozen=True)
class Timeline:
    """When, in an uninterrupted run, the store opened and the run ended (seconds)."""

    opened: float
    ended: float


def run_reference(args: Sequence[str], store: Path) -> Timeline:
    """Run ``kg ingest ARGS --store STORE`` to completion, timing when the writer opens."""
    marker = store / SNAPSHOTS / "current"
    with tempfile.TemporaryFile() as errors:
        started = time.monotonic()
        proc = subprocess.Popen(
            kg_command("ingest", *args, "--store", str(store)),
            env=kg_env(),
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        opened = None
        while proc.poll() is None:
            if opened is None and marker.exists():
                opened = time.monotonic() - started
            time.sleep(0.005)
        ended = time.monotonic() - started
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise AssertionError(f"the reference run failed ({proc.returncode}): {stderr}")
    return Timeline(opened if opened is not None else ended, ended)


@dataclass
class Kill:
    moment: float  # seconds after the start; for a write-triggered kill, the delay after it
    trigger: str = "time"  # "time" or "write" (killed just after the store's files changed)
    nth: int = 1  # for a write-triggered kill: at the nth change of the database files
    killed: bool = False  # False: the run finished before the moment
    seconds: float = 0.0  # how long the run lasted
    articles: int = 0
    quads: int = 0


def _fingerprint(db: Path) -> tuple[tuple[str, int], ...]:
    """The store's files and sizes; () while RocksDB swaps a file out from under the scan (the
    iterator closed even then: an unclosed one is a ResourceWarning, an error under pytest)."""
    try:
        with os.scandir(db) as entries:
            return tuple(sorted((e.name, e.stat().st_size) for e in entries if e.is_file()))
    except OSError:
        return ()


def kill_run(args: Sequence[str], store: Path, kill: Kill, limit: float) -> Kill:
    """Start ``kg ingest ARGS --store STORE`` and SIGKILL it as ``kill`` says.

    ``trigger == "time"``: at ``kill.moment`` seconds after the start. ``"write"``: once a
    writer's snapshot pointer exists, at the ``kill.nth`` change of the database files, after
    ``kill.moment`` seconds (inside or just after a store transaction; when a killed run left
    the pointer, the first change is the new writer opening and recovering the database).
    Gives up (the run finishes) after ``limit`` seconds.
    """
    marker = store / SNAPSHOTS / "current"
    started = time.monotonic()
    proc = subprocess.Popen(
        kg_command("ingest", *args, "--store", str(store)),
        env=kg_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        if kill.trigger == "time":
            while proc.poll() is None and time.monotonic() - started < kill.moment:
                time.sleep(min(0.005, max(0.0, kill.moment - (time.monotonic() - started))))
        else:
            before = None
            changes = 0
            while proc.poll() is None and time.monotonic() - started < limit:
                if before is None:
                    if marker.exists():
                        before = _fingerprint(store / DB_DIR)
                elif (now := _fingerprint(store / DB_DIR)) != before:
                    before = now
                    changes += 1
                    if changes >= kill.nth:
                        time.sleep(kill.moment)
                        break
                time.sleep(0.002)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kill.killed = True
    finally:
        proc.wait(timeout=120)
        kill.seconds = time.monotonic() - started
    return kill


@dataclass
class Campaign:
    """Kills piled up on one store, then a run to completion."""

    seed: int
    kills: list[Kill] = field(default_factory=list)
    final_quads: int = 0

    @property
    def survived(self) -> int:
        return sum(1 for k in self.kills if k.killed)

    @property
    def articles_checked(self) -> int:
        return sum(k.articles for k in self.kills)

    @property
    def quads_compared(self) -> int:
        return sum(k.quads for k in self.kills) + self.final_quads


def moments(rng: random.Random, count: int, window: float, writes: int) -> list[Kill]:
    """``count`` time kills stratified over ``[0, window]`` (one in each of ``count`` equal
    slices, so model load, the batches and the end are all hit) and ``writes`` write-triggered
    kills (at the 1st to 3rd change of the database files, after 0-30 ms), shuffled."""
    kills = [Kill((i + rng.random()) * window / count) for i in range(count)]
    kills += [Kill(rng.uniform(0.0, 0.03), "write", rng.randint(1, 3)) for _ in range(writes)]
    rng.shuffle(kills)
    return kills


def later_kill(rng: random.Random, kills: Sequence[Kill]) -> Kill | None:
    """A time kill later than every run so far, up to twice the longest, when no run was
    killed with articles in the store: on a machine slower than for the reference run, every
    stratified moment may land before the first article is written. None otherwise."""
    if not kills or any(k.killed and k.articles for k in kills):
        return None
    latest = max(k.seconds for k in kills)
    return Kill(rng.uniform(latest, 2 * latest))


def campaign(
    args: Sequence[str],
    store: Path,
    reference: Content,
    timeline: Timeline,
    *,
    seed: int,
    kills: int,
    writes: int = 0,
) -> Campaign:
    """Kill ``kg ingest ARGS`` on ``store`` until ``kills + writes`` runs were killed, checking
    the store after each, then run it to completion and check the store equals ``reference``.

    A run that finished before its moment is checked too, and replaced by a time kill drawn
    over that run's own wall time (the machine may be faster than for the reference run); when
    every run was killed before the store held an article (a slower machine), time kills later
    than the latest run are added until one is killed with articles stored; at most
    ``3 * kills`` such extra runs in all.
    """
    rng = random.Random(seed)
    result = Campaign(seed)
    plan = moments(rng, kills, 1.1 * timeline.ended, writes)
    spare = 3 * kills
    number = 0
    while plan:
        kill = plan.pop(0)
        number += 1
        kill_run(args, store, kill, limit=3 * timeline.ended + 10)
        where = f"seed {seed}, run {number} ({kill.trigger} kill at {kill.moment:.3f} s"
        where += f", change {kill.nth})" if kill.trigger == "write" else ")"
        try:
            kill.articles, kill.quads = check_whole(store, reference)
        except Broken as exc:
            raise Broken(f"{where}: {exc}") from exc
        result.kills.append(kill)
        if not kill.killed and spare > 0:
            spare -= 1
            plan.append(Kill(rng.uniform(0.0, kill.seconds)))
        elif not plan and spare > 0 and (later := later_kill(rng, result.kills)) is not None:
            spare -= 1
            plan.append(later)
    done = subprocess.run(
        kg_command("ingest", *args, "--store", str(store)),
        env=kg_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if done.returncode != 0:
        raise Broken(f"seed {seed}: the final run failed ({done.returncode}): {done.stderr}")
    final = read_content(store)
    if final != reference:
        diff = sorted(set(final) ^ set(reference)) or [g for g in final if final[g] != reference[g]]
        raise Broken(f"seed {seed}: after the final run the store differs in {diff[:5]}")
    if leftovers(store):
        raise Broken(f"seed {seed}: snapshots left behind: {leftovers(store)}")
    result.final_quads = quad_count(final)
    return result
