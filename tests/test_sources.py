"""kg.sources: reading articles from files, folders, JSON Lines and stdin; cleaning text."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import kg.clean
import kg.sources
from kg.clean import clean_text
from kg.errors import InputError, ResourceError
from kg.model import Article
from kg.resources import data_dir
from kg.sources import PROBLEM_KINDS, Problem, ReadStats, parse_published, read_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = SEEDS / "000_1329f68f670b4001.txt"


def read(*paths: str | Path, **kwargs: Any) -> list[Article | Problem]:
    return list(read_articles([str(p) for p in paths], **kwargs))


def articles(items: list[Article | Problem]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def problems(items: list[Article | Problem]) -> list[Problem]:
    return [i for i in items if isinstance(i, Problem)]


def only_problem(items: list[Article | Problem]) -> Problem:
    assert len(items) == 1 and isinstance(items[0], Problem), items
    return items[0]


def jsonl(path: Path, *lines: object) -> Path:
    """Write JSON Lines: dicts are dumped, strings written as they are."""
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    path.write_text(text + "\n", encoding="utf-8")
    return path


# --- plain-text files -----------------------------------------------------------------------


def test_txt_file_is_one_article_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "report-7.txt"
    path.write_text("Shelling hit Hama.\nTwo died.\n", encoding="utf-8")
    [item] = read(path)
    assert item == Article(id="report-7", text="Shelling hit Hama.\nTwo died.", origin=str(path))


def test_md_file_is_read_like_txt(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text("Clashes in Idlib.", encoding="utf-8")
    [item] = articles(read(tmp_path / "note.md"))
    assert (item.id, item.text) == ("note", "Clashes in Idlib.")


def test_a_named_file_of_another_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html><html><body><p>Troops entered Dabiq.</p></body></html>")
    [item] = articles(read(path))
    assert (item.id, item.text) == ("page", "Troops entered Dabiq.")


def test_missing_path_is_a_problem_and_reading_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Text.", encoding="utf-8")
    missing = tmp_path / "nope.txt"
    items = read(missing, tmp_path / "ok.txt")
    assert items[0] == Problem(
        str(missing), "no such file or folder; check the path", "missing-path"
    )
    assert [a.id for a in articles(items)] == ["ok"]


# --- folders --------------------------------------------------------------------------------


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a/b.md", "c/d/e.txt", "A.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Text of {name}.", encoding="utf-8")
    items = read(tmp_path)
    assert [(a.id, a.origin) for a in articles(items)] == [
        ("A", str(tmp_path / "A.txt")),
        ("a/b", str(tmp_path / "a" / "b.md")),
        ("a/z", str(tmp_path / "a" / "z.txt")),
        ("b", str(tmp_path / "b.txt")),
        ("c/d/e", str(tmp_path / "c" / "d" / "e.txt")),
    ]
    assert articles(items)[1].text == "Text of a/b.md."
    assert problems(items) == []


def test_folder_skips_hidden_files_and_folders(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden folder", encoding="utf-8")
    (tmp_path / ".draft.txt").write_text("hidden file", encoding="utf-8")
    (tmp_path / "real.txt").write_text("Real.", encoding="utf-8")
    assert [a.id for a in articles(read(tmp_path))] == ["real"]


def test_folder_counts_other_extensions_and_readmes_as_skipped(tmp_path: Path) -> None:
    for name in ["a.txt", "photo.png", "scan.pdf", "more.pdf", "Makefile", "README.md"]:
        (tmp_path / name).write_text("Some text.", encoding="utf-8")
    stats = ReadStats()
    items = read(tmp_path, stats=stats)
    assert [a.id for a in articles(items)] == ["a"]
    assert problems(items) == []
    assert stats.skipped == {".png": 1, ".pdf": 2, "": 1, "README": 1}


def test_readme_named_directly_is_an_article(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("Notes.", encoding="utf-8")
    assert [a.id for a in articles(read(tmp_path / "README.md"))] == ["README"]


def test_same_file_name_in_two_folders_gives_two_ids(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Top.", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("Nested.", encoding="utf-8")
    items = read(tmp_path)
    assert [(a.id, a.text) for a in articles(items)] == [("a", "Top."), ("sub/a", "Nested.")]


def test_jsonl_inside_a_folder_is_read_as_json_lines(tmp_path: Path) -> None:
    jsonl(tmp_path / "batch.ndjson", {"id": "x1", "text": "One."}, {"id": "x2", "text": "Two."})
    (tmp_path / "zz.txt").write_text("Three.", encoding="utf-8")
    items = read(tmp_path)
    assert [(a.id, a.origin) for a in articles(items)] == [
        ("x1", f"{tmp_path / 'batch.ndjson'}:1"),
        ("x2", f"{tmp_path / 'batch.ndjson'}:2"),
        ("zz", str(tmp_path / "zz.txt")),
    ]


def test_symlink_loop_in_a_folder_ends(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [a.id for a in articles(read(tmp_path))] == ["a"]


# --- JSON Lines -----------------------------------------------------------------------------


def test_jsonl_reads_every_field(tmp_path: Path) -> None:
    record = {
        "id": "afp-1",
        "text": "Rebels took Rawadi.",
        "title": "Rebels advance",
        "url": "https://example.org/1",
        "published": "2014-09-27",
        "source": "AFP",
        "extra": "ignored",
    }
    path = jsonl(tmp_path / "in.jsonl", record)
    assert read(path) == [
        Article(
            id="afp-1",
            text="Rebels took Rawadi.",
            title="Rebels advance",
            url="https://example.org/1",
            published=dt.date(2014, 9, 27),
            source="AFP",
            origin=f"{path}:1",
        )
    ]


def test_jsonl_optional_fields_may_be_absent_or_null(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": "T.", "title": None, "url": ""})
    [item] = articles(read(path))
    assert (item.title, item.url, item.published, item.source) == (None, None, None, None)


def test_jsonl_blank_lines_are_skipped_and_line_numbers_kept(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "in.jsonl", "", {"id": "a", "text": "A."}, "   ", {"id": "b", "text": "B."}
    )
    assert [a.origin for a in articles(read(path))] == [f"{path}:2", f"{path}:4"]


BAD_LINES = [
    ("{not json", "is not valid JSON"),
    ('["a", "b"]', "must be a JSON object"),
    ('"just a string"', "must be a JSON object"),
    ('{"text": "No id."}', 'has no "id"'),
    ('{"id": "", "text": "Empty id."}', 'has no "id"'),
    ('{"id": "  ", "text": "Blank id."}', 'has no "id"'),
    ('{"id": 7, "text": "Number id."}', '"id" must be a string, not a number'),
    ('{"id": "a"}', 'has no "text"'),
    ('{"id": "a", "text": ""}', 'has no "text"'),
    ('{"id": "a", "text": " \\n\\t "}', 'has no "text"'),
    ('{"id": "a", "text": "Advertisement"}', 'has no "text"'),
    ('{"id": "a", "text": ["x"]}', '"text" must be a string, not an array'),
    ('{"id": "a", "text": "T.", "title": 3}', '"title" must be a string, not a number'),
    ('{"id": "a", "text": "T.", "url": {}}', '"url" must be a string, not an object'),
    ('{"id": "a", "text": "T.", "source": true}', '"source" must be a string, not true or false'),
    ('{"id": "a", "text": "T.", "published": "27/09/2014"}', "is not an ISO 8601 date"),
    ('{"id": "a", "text": "T.", "published": 2014}', '"published" must be a string'),
    ('{"id": "a\\ud800", "text": "T."}', "lone surrogate"),
]


@pytest.mark.parametrize(("line", "reason"), BAD_LINES)
def test_jsonl_bad_line_is_a_problem_with_its_line_number(
    tmp_path: Path, line: str, reason: str
) -> None:
    path = jsonl(
        tmp_path / "in.jsonl", {"id": "first", "text": "F."}, line, {"id": "z", "text": "Z."}
    )
    items = read(path)
    assert [type(i) for i in items] == [Article, Problem, Article]
    problem = items[1]
    assert isinstance(problem, Problem)
    assert problem.origin == f"{path}:2"
    assert reason in problem.reason


def test_bad_lines_cover_every_case() -> None:
    assert len(BAD_LINES) == 18


def test_jsonl_invalid_utf8_line_is_a_problem_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "Fine."}\n')
    items = read(path)
    problem = items[0]
    assert isinstance(problem, Problem) and problem.origin == f"{path}:1"
    assert "not UTF-8" in problem.reason and "0xe9" in problem.reason
    assert "iconv" in problem.reason
    assert [a.id for a in articles(items)] == ["b"]


def test_jsonl_with_nul_bytes_is_one_binary_problem(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(b'{"id": "a", "text": "A."}\n\x00\x01\x02\n\x00\x00\n')
    items = read(path)
    assert [type(i) for i in items] == [Article, Problem]
    [problem] = problems(items)
    assert problem.origin == str(path)
    assert "looks binary" in problem.reason and "line 2" in problem.reason


def test_jsonl_bom_on_the_first_line_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "A."}\n')
    assert [a.id for a in articles(read(path))] == ["a"]


def test_jsonl_text_is_cleaned(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": "Line one.  \r\nRead more\r\nTwo."})
    [item] = articles(read(path))
    assert item.text == "Line one.\nTwo."


def test_jsonl_line_over_the_limit_is_a_problem_and_the_next_line_is_read(tmp_path: Path) -> None:
    long_text = "x" * 500
    path = jsonl(
        tmp_path / "in.jsonl",
        {"id": "a", "text": "Short."},
        {"id": "long", "text": long_text},
        {"id": "c", "text": "Also short."},
    )
    items = read(path, max_bytes=100)
    assert [type(i) for i in items] == [Article, Problem, Article]
    [problem] = problems(items)
    assert problem.origin == f"{path}:2"
    assert "100-byte limit" in problem.reason and "--max-bytes" in problem.reason
    assert [a.id for a in articles(items)] == ["a", "c"]


# --- published ------------------------------------------------------------------------------

UTC = dt.UTC


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2014-09-27", dt.date(2014, 9, 27)),
        (" 2014-09-27 ", dt.date(2014, 9, 27)),
        ("2014-09-27T10:30:00Z", dt.datetime(2014, 9, 27, 10, 30, tzinfo=UTC)),
        ("2014-09-27T10:30z", dt.datetime(2014, 9, 27, 10, 30, tzinfo=UTC)),
        (
            "2014-09-27T10:30:00+03:00",
            dt.datetime(2014, 9, 27, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=3))),
        ),
        ("2014-09-27 10:30", dt.datetime(2014, 9, 27, 10, 30)),
        ("2014-09-27T10:30:00.250", dt.datetime(2014, 9, 27, 10, 30, 0, 250000)),
    ],
)
def test_published_parses_iso_dates_and_datetimes(value: str, expected: dt.date) -> None:
    result = parse_published(value)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    "value", ["27/09/2014", "2014-13-01", "yesterday", "2014-09-27T25:00", "Z"]
)
def test_published_rejects_what_is_not_iso_8601(value: str) -> None:
    with pytest.raises(InputError, match="not an ISO 8601 date"):
        parse_published(value, "x.jsonl:3")


def test_published_datetime_reaches_the_article(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": "T.", "published": "2016-12-15T08:00Z"})
    [item] = articles(read(path))
    assert item.published == dt.datetime(2016, 12, 15, 8, 0, tzinfo=UTC)


# --- duplicate ids --------------------------------------------------------------------------


def test_duplicate_id_the_first_wins(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "in.jsonl",
        {"id": "a", "text": "First."},
        {"id": "b", "text": "B."},
        {"id": "a", "text": "Second."},
    )
    items = read(path)
    assert [(type(i), i.origin) for i in items] == [
        (Article, f"{path}:1"),
        (Article, f"{path}:2"),
        (Problem, f"{path}:3"),
    ]
    assert articles(items)[0].text == "First."
    [problem] = problems(items)
    assert "duplicate id 'a'" in problem.reason and f"{path}:1" in problem.reason


def test_duplicate_id_across_inputs(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "a.txt").write_text("File.", encoding="utf-8")
    (tmp_path / "x" / "a.txt").write_text("Other file.", encoding="utf-8")
    path = jsonl(tmp_path / "x" / "in.jsonl", {"id": "a", "text": "Line."})
    items = read(tmp_path / "a.txt", path, tmp_path / "x" / "a.txt")
    assert [type(i) for i in items] == [Article, Problem, Problem]
    assert articles(items)[0].text == "File."


def test_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Once.", encoding="utf-8")
    items = read(tmp_path / "a.txt", tmp_path / "a.txt")
    assert [type(i) for i in items] == [Article, Problem]


# --- bytes: BOM, encodings, binary, empty, size ---------------------------------------------


def test_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfAleppo was shelled.")
    [item] = articles(read(path))
    assert item.text == "Aleppo was shelled."


def test_invalid_utf8_is_a_problem_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Troops in Hama caf\xe9")  # Latin-1
    problem = only_problem(read(path))
    assert problem.origin == str(path)
    assert "not UTF-8 (byte 0xe9 at offset 18)" in problem.reason
    assert "iconv" in problem.reason


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "Hama".encode("utf-16"), b"text\x00more"],
    ids=["png", "utf-16", "one-nul"],
)
def test_nul_bytes_look_binary(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "file.txt"
    path.write_bytes(data)
    problem = only_problem(read(path))
    assert problem.origin == str(path) and "looks binary" in problem.reason


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\n  ", b"\xef\xbb\xbf", b"\xe2\x80\x8b\n", b"Advertisement\nRead more\n"],
    ids=["empty", "whitespace", "bom-only", "zero-width-only", "boilerplate-only"],
)
def test_file_without_text_is_a_problem(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    problem = only_problem(read(path))
    assert problem.origin == str(path) and "has no text" in problem.reason


def test_file_over_max_bytes_is_a_problem_naming_the_limit(tmp_path: Path) -> None:
    (tmp_path / "at.txt").write_bytes(b"x" * 1000)
    (tmp_path / "over.txt").write_bytes(b"x" * 1001)
    items = read(tmp_path, max_bytes=1000)
    assert [type(i) for i in items] == [Article, Problem]
    [problem] = problems(items)
    assert problem.origin == str(tmp_path / "over.txt")
    assert "1,000-byte limit" in problem.reason and "--max-bytes" in problem.reason


def test_default_max_bytes_is_five_megabytes(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"word " * 1_000_001)
    assert "5,000,000-byte limit" in only_problem(read(tmp_path / "big.txt")).reason


# --- stdin ----------------------------------------------------------------------------------


def test_stdin_plain_text_is_one_article_named_stdin() -> None:
    items = read("-", stdin=io.StringIO("\n\nShelling in Daraya.\n{not json}\n"))
    assert items == [Article(id="stdin", text="Shelling in Daraya.\n{not json}", origin="<stdin>")]


def test_stdin_plain_text_takes_the_name_the_caller_gives() -> None:
    [item] = articles(read("-", stdin=io.BytesIO(b"Text."), stdin_name="piped-1"))
    assert item.id == "piped-1"


@pytest.mark.parametrize("binary", [False, True], ids=["text-stream", "byte-stream"])
def test_stdin_json_lines_when_the_first_character_is_a_brace(binary: bool) -> None:
    data = '\n  {"id": "a", "text": "A."}\nnot json\n{"id": "b", "text": "Ḩamāh."}\n'
    stream = io.BytesIO(data.encode()) if binary else io.StringIO(data)
    items = read("-", stdin=stream)
    assert [(type(i), i.origin) for i in items] == [
        (Article, "<stdin>:2"),
        (Problem, "<stdin>:3"),
        (Article, "<stdin>:4"),
    ]
    assert articles(items)[1].text == "Ḩamāh."


def test_stdin_json_lines_after_a_bom() -> None:
    items = read("-", stdin=io.BytesIO(b'\xef\xbb\xbf{"id": "a", "text": "A."}\n'))
    assert [(a.id, a.origin) for a in articles(items)] == [("a", "<stdin>:1")]


def test_stdin_plain_text_over_the_limit_is_a_problem() -> None:
    problem = only_problem(
        read("-", stdin=io.BytesIO(b"Short first line.\n" + b"y" * 200), max_bytes=100)
    )
    assert problem.origin == "<stdin>" and "100-byte limit" in problem.reason


def test_stdin_single_huge_line_is_a_problem() -> None:
    problem = only_problem(read("-", stdin=io.BytesIO(b"z" * 300), max_bytes=100))
    assert problem.origin == "<stdin>" and "100-byte limit" in problem.reason


def test_stdin_invalid_utf8_and_empty_are_problems() -> None:
    assert "not UTF-8" in only_problem(read("-", stdin=io.BytesIO(b"caf\xe9"))).reason
    assert "has no text" in only_problem(read("-", stdin=io.BytesIO(b"  \n"))).reason


def test_stdin_named_twice_is_read_once() -> None:
    items = read("-", "-", stdin=io.StringIO("Once."))
    assert [type(i) for i in items] == [Article, Problem]
    assert items[1].origin == "<stdin>"


def test_stdin_mixes_with_files(tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_text("File.", encoding="utf-8")
    items = read(tmp_path / "f.txt", "-", stdin=io.StringIO("Piped."))
    assert [(a.id, a.text) for a in articles(items)] == [("f", "File."), ("stdin", "Piped.")]


# --- streaming ------------------------------------------------------------------------------


def test_stdin_json_lines_are_read_one_line_at_a_time() -> None:
    stream = io.StringIO('{"id": "a", "text": "A."}\n{broken\n{"id": "b", "text": "B."}\n')
    items = read_articles(["-"], stdin=stream)
    first = next(items)
    assert isinstance(first, Article) and first.id == "a"
    assert stream.tell() == len('{"id": "a", "text": "A."}\n')  # the malformed line is unread
    assert isinstance(next(items), Problem)


def test_jsonl_file_is_streamed(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": "A."})
    items = read_articles([str(path)])
    assert isinstance(next(items), Article)
    with path.open("a", encoding="utf-8") as file:  # written after the first article came out
        file.write('{"id": "b", "text": "Late."}\n')
    rest = list(items)
    assert [a.text for a in articles(rest)] == ["Late."]


def test_folder_is_streamed_file_by_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    items = read_articles([str(tmp_path)])
    assert next(items).id == "a"  # type: ignore[union-attr]
    (tmp_path / "b.txt").write_text("B, changed after a was yielded.", encoding="utf-8")
    assert next(items).text == "B, changed after a was yielded."  # type: ignore[union-attr]


def test_a_large_json_lines_file_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    text = "Troops shelled the town. " * 320  # 8 KB a line, 16 MB in all
    with path.open("w", encoding="utf-8") as file:
        for n in range(2000):
            file.write(json.dumps({"id": f"a{n}", "text": text}) + "\n")
    tracemalloc.start()
    try:
        count = sum(isinstance(item, Article) for item in read_articles([str(path)]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 2000
    assert peak < 2_000_000  # a few lines and the ids seen (duplicates), not the 16 MB file


def test_nothing_is_read_before_iteration(tmp_path: Path) -> None:
    items = read_articles([str(tmp_path / "missing")])
    (tmp_path / "missing").write_text("Created later.", encoding="utf-8")
    [item] = list(items)
    assert isinstance(item, Article) and item.text == "Created later."


# --- clean_text -----------------------------------------------------------------------------


def test_seed_boilerplate_line_disappears_and_the_text_around_it_stays() -> None:
    raw = SEED.read_text(encoding="utf-8")
    assert "\nMore From This Section\n" in raw
    [item] = articles(read(SEED))
    assert "More From This Section" not in item.text
    assert (
        "against government troops' positions.\nThe Syrian troops Saturday wrested back control"
        in item.text
    )
    assert item.text == raw.replace("More From This Section\n", "")


@pytest.mark.parametrize(
    "line",
    [
        "More From This Section",
        "  more from this section  ",
        "Related Articles",
        "Related Stories",
        "Read more",
        "READ MORE:",
        "Advertisement",
        "ADVERTISEMENT",
        "Share this article",
        "Click here to subscribe",
        "Sign up for our newsletter",
        "Sign up for our newsletters.",
        "© 2016 Example News. All rights reserved.",
        "Copyright 2014 Agence France-Presse. All Rights Reserved",
        "We use cookies to improve your experience. By continuing you accept our policy.",
        "This website uses cookies.",
        "Accept all cookies",
        "Continue reading the main story",
        "Story continues below advertisement",
        "Skip to main content",
    ],
)
def test_boilerplate_lines_are_dropped(line: str) -> None:
    assert clean_text(f"Rebels advanced.\n{line}\nTroops retreated.") == (
        "Rebels advanced.\nTroops retreated."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Residents said they would read more about the ceasefire terms.",
        "The advertisement was banned by the ministry.",
        "Officials said all rights reserved for the state were suspended, and fighting resumed.",
        "Related articles of the agreement were signed in Geneva.",
        "Share prices fell in Damascus.",
        "Copyright law was not discussed. All rights reserved by the court were upheld today.",
    ],
)
def test_sentences_that_mention_boilerplate_words_stay(line: str) -> None:
    assert clean_text(f"Before.\n{line}\nAfter.") == f"Before.\n{line}\nAfter."


def test_boilerplate_file_is_shipped_and_every_pattern_compiles() -> None:
    path = data_dir() / "boilerplate.txt"
    patterns = [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    assert len(patterns) >= 20
    for pattern in patterns:
        re.compile(pattern)


def test_newlines_are_normalised_and_trailing_spaces_stripped() -> None:
    assert clean_text("a  \r\nb\t \rc\u2028d\x0ce") == "a\nb\nc\nd\ne"


def test_blank_line_runs_collapse_and_the_whole_is_stripped() -> None:
    assert clean_text("\n\n  One.\n\n\n\n \nTwo.\n\nThree.\n\n") == "One.\n\nTwo.\n\nThree."


def test_text_is_nfc_normalised() -> None:
    assert clean_text("Hama\u0301 cafe\u0301") == "Ham\u00e1 caf\u00e9"


@pytest.mark.parametrize(
    "char",
    [
        "\u200b",
        "\u200c",
        "\u200d",
        "\u2060",
        "\ufeff",
        "\u200e",
        "\u202e",
        "\u00ad",
        "\x07",
        "\x1b",
        "\x7f",
        "\x9c",
        "\x00",
    ],
)
def test_zero_width_and_control_characters_are_removed(char: str) -> None:
    assert clean_text(f"Al{char}eppo\tcity") == "Aleppo\tcity"


def test_lone_surrogates_are_removed() -> None:
    assert clean_text("Id\ud800lib") == "Idlib"


def test_non_ascii_letters_and_punctuation_stay() -> None:
    text = "Ḩamāh — «Da\u2019esh» حماة 2½ km"
    assert clean_text(text) == text


def test_html_page_is_reduced_to_its_text() -> None:
    page = """<!DOCTYPE html>
<html><head><title>Headline</title><style>p { color: red }</style>
<script>var x = "<p>not text</p>";</script></head>
<body><nav>Home | World</nav><form><button>Subscribe</button></form>
<p>Rebels   captured
Rawadi &amp; Hamidiyeh.</p><p>Troops&nbsp;fled.<br>Two died.</p>
<div>Advertisement</div>
<p>Tom &lt;Jr&gt; said &quot;no&quot;.</p>
<aside>Most read</aside><footer>&copy; 2024 Example News</footer>
</body></html>"""
    assert clean_text(page) == (  # navigation, forms, asides and footers go with the markup
        'Rebels captured Rawadi & Hamidiyeh.\n\nTroops fled.\nTwo died.\n\nTom <Jr> said "no".'
    )


def test_html_fragment_with_many_tags_is_stripped() -> None:
    fragment = "<p>One <b>bold</b> claim.</p><p>Two <a href='x'>links</a>.</p><p>Three.</p>"
    assert clean_text(fragment) == "One bold claim.\n\nTwo links.\n\nThree."


def test_html_without_a_closing_head_keeps_its_body() -> None:
    assert clean_text("<html><head><title>T</title><body><p>Body text.</p>") == "Body text."


def test_text_with_a_few_angle_brackets_is_not_html() -> None:
    text = "Casualties were <10 and >5 in <b>Hama</b>, a <i>town</i>."
    assert clean_text(text) == text


def test_clean_text_is_idempotent_on_the_seeds() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        once = clean_text(path.read_text(encoding="utf-8"))
        assert clean_text(once) == once, path.name


# --- the shipped seeds ----------------------------------------------------------------------


def test_seeds_folder_gives_each_article_exactly_once() -> None:
    stats = ReadStats()
    items = read(SEEDS, stats=stats)
    assert problems(items) == []
    ids = [a.id for a in articles(items)]
    assert len(ids) == len(set(ids)) == len(list(SEEDS.glob("*.txt"))) >= 6
    assert ids[0] == "000_1329f68f670b4001"
    assert stats.skipped == {"README": 1}


def test_every_seed_is_in_the_readme_table_and_has_no_headline_line() -> None:
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    headlines = dict(re.findall(r"^\| `([^`]+\.txt)` \| ([^|]+) \|", readme, re.MULTILINE))
    assert sorted(headlines) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name, headline in headlines.items():
        first_line = (SEEDS / name).read_text(encoding="utf-8").splitlines()[0]
        assert first_line.strip() != headline.strip(), name
        ends = clean_text(first_line)[-1]
        assert ends in '."”', f"{name}: the first line is not a sentence (a headline?)"


def test_unreadable_file_in_a_folder_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted-target.txt")
    (tmp_path / "ok.txt").write_text("Fine.", encoding="utf-8")
    items = read(tmp_path)
    assert [type(i) for i in items] == [Problem, Article]
    assert items[0].origin == str(tmp_path / "gone.txt")
    assert "cannot be read (No such file or directory)" in problems(items)[0].reason


def test_zero_width_character_inside_a_combining_sequence_still_gives_nfc() -> None:
    assert clean_text("cafe\u200b\u0301") == "caf\u00e9"


@pytest.fixture
def boilerplate_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(kg.clean, "data_dir", lambda: tmp_path)
    kg.clean._boilerplate.cache_clear()
    yield tmp_path
    kg.clean._boilerplate.cache_clear()


def test_boilerplate_patterns_come_from_the_data_file(boilerplate_dir: Path) -> None:
    (boilerplate_dir / "boilerplate.txt").write_text("# comment\n\nbreaking: .*\n")
    assert clean_text("BREAKING: page banner\nRead more\nText.") == "Read more\nText."


def test_bad_boilerplate_pattern_is_a_resource_error(boilerplate_dir: Path) -> None:
    (boilerplate_dir / "boilerplate.txt").write_text("# comment\nfine\nbroken (\n")
    with pytest.raises(ResourceError, match=r"line 3: bad pattern 'broken \('"):
        clean_text("Text.")


def test_missing_boilerplate_file_is_a_resource_error(boilerplate_dir: Path) -> None:
    with pytest.raises(ResourceError, match=r"boilerplate\.txt: cannot be read"):
        clean_text("Text.")


def test_stdin_text_stream_that_fails_to_decode_is_a_problem() -> None:
    stream = io.TextIOWrapper(io.BytesIO(b"Hama caf\xe9\n"), encoding="utf-8")
    problem = only_problem(read("-", stdin=stream))
    assert problem.origin == "<stdin>" and "cannot be read" in problem.reason


def test_a_single_path_string_is_not_split_into_characters(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    assert [a.id for a in articles(list(read_articles(str(tmp_path / "a.txt"))))] == ["a"]


def test_every_kind_of_problem_has_its_name(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"text\x00more")
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9")
    (tmp_path / "blank.txt").write_text("  \n")
    (tmp_path / "big.txt").write_text("x" * 200)
    lines = jsonl(
        tmp_path / "in.jsonl",
        "{broken",
        {"id": "a"},
        {"id": "b", "text": "T.", "title": 3},
        {"id": "c", "text": "C."},
        {"id": "c", "text": "Again."},
    )
    undecodable = io.TextIOWrapper(io.BytesIO(b"caf\xe9\n"), encoding="utf-8")
    paths = [tmp_path / "missing", tmp_path / "bin.txt", tmp_path / "latin1.txt"]
    paths += [tmp_path / "blank.txt", tmp_path / "big.txt", lines, "-", "-"]
    kinds = {(p.origin.replace(str(tmp_path), ""), p.kind)
             for p in problems(read(*paths, stdin=undecodable, max_bytes=100))}  # fmt: skip
    assert kinds == set({
        "/missing": "missing-path", "/bin.txt": "binary", "/latin1.txt": "not-utf8",
        "/blank.txt": "empty", "/big.txt": "too-large", "/in.jsonl:1": "bad-json",
        "/in.jsonl:2": "missing-field", "/in.jsonl:3": "bad-field",
        "/in.jsonl:5": "duplicate-id", "<stdin>": "cannot-read",
    }.items()) | {("<stdin>", "stdin-twice")}  # fmt: skip
    assert {kind for _, kind in kinds} == set(PROBLEM_KINDS)


@pytest.mark.parametrize(("line", "reason"), BAD_LINES)
def test_every_bad_line_has_a_known_kind(tmp_path: Path, line: str, reason: str) -> None:
    problem = only_problem(read(jsonl(tmp_path / "in.jsonl", line)))
    assert problem.kind in {"bad-json", "missing-field", "bad-field"}


@pytest.mark.parametrize(
    "text",
    [
        "Plain printable text.\nA second line\twith a tab.",
        "Zero\u200bwidth, soft\u00adhyphen, bidi\u202emark",
        "A bell\x07, an escape\x1b and a DEL\x7f",
        "A lone surrogate \ud800 here",
        "Non-breaking\u00a0space and a line\u2028separator (not invisible: kept)",
        "",
    ],
)
def test_the_printable_shortcut_removes_what_the_invisible_class_removes(text: str) -> None:
    assert kg.clean._without_invisible(text) == kg.clean._invisible().sub("", text)
