"""kg.quarantine: entries written whole or not at all, leftovers of a killed writer tidied."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import kg.quarantine
from kg.errors import StoreError, StoreLockedError
from kg.model import Article
from kg.quarantine import Entry, Quarantine

ARTICLE = Article(
    id="a/1", text="Rebels shelled Hama.\nTroops withdrew.", title="Hama", url="https://x.org/1",
    published=dt.date(2024, 3, 3), source="SANA", origin="in/a.jsonl:3",
)  # fmt: skip


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name != ".lock")


def test_an_entry_keeps_the_article_and_its_reason(tmp_path: Path) -> None:
    q = Quarantine(tmp_path / "q")
    with q.writing():
        entry = q.put(ARTICLE, "validate", "does not conform", "<a> <b> <c> .", "report text")
    assert [entry] == list(q.entries()) == [q.get("a/1")]
    assert entry == Entry("a/1", "in/a.jsonl:3", "validate", "does not conform", entry.folder)
    assert q.article(entry) == ARTICLE
    assert q.report(entry) == "report text"
    assert (entry.folder / "graph.ttl").read_text() == "<a> <b> <c> ."
    assert q.get(entry.folder.name) == entry  # the folder name, as the table may show it
    assert hidden(q.folder) == []


def test_a_new_entry_replaces_the_old_one_whole(tmp_path: Path) -> None:
    q = Quarantine(tmp_path / "q")
    with q.writing():
        q.put(ARTICLE, "validate", "old", "<a> <b> <c> .", "old report")
        entry = q.put(ARTICLE, "extract", "new")
    assert list(q.entries()) == [entry] and entry.reason == "new"
    assert q.report(entry) is None and not (entry.folder / "graph.ttl").exists()
    assert hidden(q.folder) == []


def test_release_and_drop_remove_the_entry(tmp_path: Path) -> None:
    q = Quarantine(tmp_path / "q")
    other = Article(id="b", text="B.", origin="b.txt")
    with q.writing():
        entry = q.put(ARTICLE, "extract", "x")
        q.put(other, "map", "y")
        assert q.release("a/1") and not q.release("a/1")
        q.drop(q.require(["b"])[0])
    assert list(q.entries()) == [] and not entry.folder.exists()
    assert hidden(q.folder) == []


def test_unknown_ids_are_named_with_the_command_that_lists_them(tmp_path: Path) -> None:
    q = Quarantine(tmp_path / "q")
    with pytest.raises(StoreError, match=r"'nope', '\.\./x'.*`kg quarantine list`"):
        q.require(["nope", "../x"])
    assert q.get(".lock") is None and list(q.entries()) == []


def test_writing_needs_the_lock_and_only_one_writer_holds_it(tmp_path: Path) -> None:
    q = Quarantine(tmp_path / "store" / "quarantine")
    with pytest.raises(RuntimeError, match="writing"):
        q.put(ARTICLE, "extract", "x")
    locked = pytest.raises(StoreLockedError, match="in use by another kg process")
    with q.writing(), locked, Quarantine(q.folder).writing():
        pass
    with Quarantine(q.folder).writing():  # released
        pass


def test_leftovers_are_invisible_to_readers_and_tidied_by_the_next_writer(tmp_path: Path) -> None:
    q = Quarantine(tmp_path / "q")
    with q.writing():
        first = q.put(ARTICLE, "extract", "kept")
        kept = q.put(Article(id="c", text="C.", origin="c.txt"), "extract", "kept")
    half = q.folder / ".tmp-0123abcd-b"  # a new entry cut short
    half.mkdir()
    (half / "entry.json").write_text('{"id": "b", "origin": "", "stage": "x", "reason": "r"}')
    os.rename(kept.folder, q.folder / ".old-0123abcd-c")  # killed between the two renames
    (q.folder / f".old-89abcdef-{first.folder.name}").mkdir()  # replaced, its successor in place
    (q.folder / ".del-0123abcd-z").mkdir()  # released, not yet deleted
    assert [e.article_id for e in q.entries()] == ["a/1"]
    with q.writing():
        pass
    assert hidden(q.folder) == []
    assert {e.article_id for e in q.entries()} == {"a/1", "c"}  # the old entry is back
    assert sorted(p.name for p in q.folder.iterdir()) == sorted([".lock", "c", first.folder.name])


class _Killed(BaseException):
    """Stands for kill -9: no except clause or cleanup of kg's runs."""


@pytest.mark.parametrize("existing", [False, True], ids=["new", "replacing"])
def test_a_write_cut_at_every_step_leaves_the_old_or_the_new_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    steps = {
        "rename": os.rename,
        "rmtree": kg.quarantine.shutil.rmtree,
        "_write_synced": kg.quarantine._write_synced,
        "_sync": kg.quarantine._sync,
    }
    outcomes = set()
    for cut in range(1, 50):
        folder = tmp_path / str(cut)
        if existing:
            with Quarantine(folder).writing() as q:
                q.put(ARTICLE, "validate", "old", "<a> <b> <c> .", "old report")
        count = 0

        def step(name: str, cut: int = cut) -> Any:
            def run(*args: Any, **kwargs: Any) -> Any:
                nonlocal count
                count += 1
                if count == cut:
                    raise _Killed
                return steps[name](*args, **kwargs)

            return run

        with monkeypatch.context() as m:
            m.setattr(kg.quarantine.os, "rename", step("rename"))
            m.setattr(kg.quarantine.shutil, "rmtree", step("rmtree"))
            m.setattr(kg.quarantine, "_write_synced", step("_write_synced"))
            m.setattr(kg.quarantine, "_sync", step("_sync"))
            q = Quarantine(folder)
            try:
                with q.writing():
                    q.put(ARTICLE, "extract", "new")
                finished = True
            except _Killed:
                finished = False
        with Quarantine(folder).writing() as again:  # the next run tidies up
            entries = list(again.entries())
        assert hidden(folder) == []
        if existing or entries:
            (entry,) = entries
            assert again.article(entry) == ARTICLE
            outcomes.add(entry.reason)
            if entry.reason == "old":
                assert again.report(entry) == "old report"
            else:
                assert again.report(entry) is None
        if finished:
            assert entries[0].reason == "new"
            break
    assert cut > (6 if existing else 4) and outcomes == ({"old", "new"} if existing else {"new"})


_WRITER = """
import sys
from pathlib import Path
from kg.model import Article
from kg.quarantine import Quarantine
q = Quarantine(Path(sys.argv[1]))
text = "word " * 200_000
with q.writing():
    print("ready", flush=True)
    for n in range(10**9):
        q.put(Article(id=f"a{n % 5}", text=text, origin="x"), "extract", f"round {n}", text)
"""


def test_kill_9_while_writing_leaves_only_whole_entries(tmp_path: Path) -> None:
    folder = tmp_path / "q"
    kills = 0
    # kills at varied moments of the writes, at least four, and more while the writer has not
    # yet put all five articles (a loaded machine runs it slowly): no timing is asserted
    for delay in (0.05, 0.13, 0.21, 0.34) * 5:
        if kills >= 4 and len(list(Quarantine(folder).entries())) == 5:
            break
        child = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(folder)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        kills += child.returncode == -signal.SIGKILL
        q = Quarantine(folder)
        for entry in q.entries():  # what readers see before any writer tidied up: whole
            assert q.article(entry).text.startswith("word word")
            assert (entry.folder / "graph.ttl").stat().st_size == len("word " * 200_000)
        with q.writing():
            pass
        assert hidden(folder) == []
    assert kills >= 4 and len(list(Quarantine(folder).entries())) == 5
