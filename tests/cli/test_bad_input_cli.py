"""One batch of every kind of bad input beside good articles, through the real ``kg ingest``.

Each bad input is counted in the summary with its reason; the good articles beside it are
loaded; the run is not stopped. ``--strict`` makes the same run fail.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.store.sample import run_kg

pytestmark = pytest.mark.model

GOOD = "Rebels shelled Hama on 3 March 2015, killing 2 civilians, the Observatory said."
HTML = (
    "<!DOCTYPE html><html><head><title>News</title><script>var x = '<b>';</script>"
    "<style>p {color: red}</style></head><body><nav>Home | World</nav><p>Police arrested "
    "12 protesters in Baghdad on 4 June 2019.</p></body></html>"
)


def _batch(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "bom.txt").write_bytes("\ufeff".encode() + GOOD.replace("Hama", "Homs").encode())
    (folder / "page.txt").write_text(HTML, encoding="utf-8")
    emoji = "Gunmen \U0001f52b attacked\u200b a market in Kano on 5 May 2020, killing 4 people."
    (folder / "emoji.txt").write_text(emoji, encoding="utf-8")
    rtl = "Protesters marched in Basra. \u0645\u062a\u0638\u0627\u0647\u0631\u0648\u0646 \u202e"
    (folder / "rtl.txt").write_text(rtl, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes("Caf\xe9 bombed in Kabul.".encode("latin-1"))
    (folder / "nul.txt").write_bytes(b"Rebels\x00 attacked Homs.")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n  ", encoding="utf-8")
    with (folder / "huge.txt").open("wb") as huge:  # 50 MB: refused by size, never read whole
        huge.truncate(50 * 1024 * 1024)
    lines = [
        json.dumps({"id": "j1", "text": GOOD.replace("Hama", "Idlib")}),
        '{"id": "j2", "text": "unterminated',
        json.dumps({"text": "no id"}),
        json.dumps({"id": "j3"}),
        json.dumps({"id": "j1", "text": "the same id again"}),
        "[1, 2, 3]",
        json.dumps({"id": "long-line", "text": "Rebels attacked Homs. " * 48_000}),  # 1 MB
        json.dumps({"id": "j4", "text": "Troops clashed with Al-Shabaab in Mogadishu."}),
    ]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int]:
    root = tmp_path_factory.mktemp("bad-input")
    _batch(root / "in")
    done = run_kg("ingest", str(root / "in"), "--store", str(root / "store"))
    return root, done.stderr, done.returncode


def test_the_run_finishes_and_loads_every_good_article(ingested: tuple[Path, str, int]) -> None:
    _root, summary, code = ingested
    assert code == 0, summary
    # good, bom, page, emoji, rtl, j1, j4 load; long-line is read and quarantined
    assert "8 read, 7 loaded, 1 quarantined, 11 unreadable inputs" in summary


def test_each_bad_input_is_counted_with_its_reason(ingested: tuple[Path, str, int]) -> None:
    _root, summary, _code = ingested
    counts = next(line for line in summary.splitlines() if "unreadable:" in line)
    for count in ("2 binary", "1 not UTF-8", "2 no text", "1 too large", "2 bad JSON",
                  "2 no id or text", "1 duplicate id"):  # fmt: skip
        assert count in counts, counts
    for name, words in [
        ("binary.txt", "binary"),
        ("nul.txt", "binary"),
        ("latin1.txt", "iconv"),
        ("huge.txt", "--max-bytes"),
        ("batch.jsonl:2", "Unterminated string starting at column 22"),
        ("batch.jsonl:5", "j1"),
    ]:
        line = next((x for x in summary.splitlines() if name in x), "")
        assert words in line, (name, summary)


def test_the_over_long_article_is_quarantined_with_its_length(
    ingested: tuple[Path, str, int],
) -> None:
    root, _summary, _code = ingested
    done = run_kg("quarantine", "list", "--format", "json", "--store", str(root / "store"))
    assert done.returncode == 0, done.stderr
    [entry] = json.loads(done.stdout)
    assert entry["id"] == "long-line" and entry["stage"] == "extract"
    assert "characters long" in entry["reason"] and "split it" in entry["reason"]


def test_loaded_texts_are_clean(ingested: tuple[Path, str, int]) -> None:
    root, _summary, _code = ingested
    query = "SELECT ?id ?text WHERE { ?a dcterms:identifier ?id ; nif:isString ?text }"
    done = run_kg("query", "--format", "json", "--store", str(root / "store"), query)
    assert done.returncode == 0, done.stderr
    texts = {
        r["id"]["value"]: r["text"]["value"] for r in json.loads(done.stdout)["results"]["bindings"]
    }
    assert sorted(texts) == ["bom", "emoji", "good", "j1", "j4", "page", "rtl"]
    assert texts["bom"].startswith("Rebels") and texts["good"] == GOOD
    assert texts["page"] == "Police arrested 12 protesters in Baghdad on 4 June 2019."
    assert "\u200b" not in texts["emoji"] and "\U0001f52b" in texts["emoji"]
    assert "\u0645\u062a\u0638\u0627\u0647\u0631\u0648\u0646" in texts["rtl"]
    assert "\u202e" not in texts["rtl"]  # a bidirectional override is a control, not text


def test_strict_makes_the_same_run_fail(tmp_path: Path) -> None:
    _batch(tmp_path / "in")
    (tmp_path / "in" / "batch.jsonl").unlink()  # only whole-file problems; quicker
    done = run_kg("ingest", str(tmp_path / "in"), "--store", str(tmp_path / "store"), "--strict")
    assert done.returncode == 1, done.stderr
    assert "5 loaded" in done.stderr
