"""``kg report`` on the golden store: one offline HTML file with the expected content."""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli.invoke import run
from tests.report.conftest import MakeReport

# what would make a browser fetch something: src/href of script, link, img, iframe, CSS url()
_FETCHING = re.compile(
    r"""<(script|link|img|iframe|source|video|audio|object|embed)\b[^>]*"""
    r"""\b(src|href|data|srcset)\s*=\s*["']?\s*(https?:)?//"""
    r"""|url\(\s*["']?\s*(https?:)?//|@import|@font-face""",
    re.IGNORECASE,
)


def rows(html: str) -> list[str]:
    body = html.split('<table id="events">', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr data-event=.*?</tr>", body, re.DOTALL)


def test_report_fetches_nothing_from_the_network(make_report: MakeReport) -> None:
    html = make_report().read_text(encoding="utf-8")
    assert not _FETCHING.search(html)
    assert "<script src" not in html and "<link" not in html
    # the only http(s) in the page are text and the links of <a> (none in the golden store)
    assert not re.search(r"""(src|href)\s*=\s*["']https?:""", html)


def test_the_detector_finds_network_resources() -> None:
    for bad in (
        '<script src="https://cdn.example/d3.js"></script>',
        "<link rel=stylesheet href='//fonts.example/css'>",
        '<img src="http://tile.example/1/2/3.png">',
        "<style>body{background:url( 'https://x.example/a.png')}</style>",
        "<style>@import 'x.css';</style>",
    ):
        assert _FETCHING.search(bad), bad


def test_report_shows_events_actors_and_sentences(make_report: MakeReport) -> None:
    html = make_report().read_text(encoding="utf-8")
    assert len(rows(html)) == 19
    assert "19 events (2014-08-25 to 2020-02-22) from 2 articles" in html
    for text in (
        "Military Forces of Syria",
        "Rebels (Syria)",
        "Nusra Front",
        "Armed clash",
        "The clashes in Qunaitera have been raging since late last month",
        'data-place="Quneitra"',
        'class="country" data-name="Syria"',
    ):
        assert text in html, text


def test_hostile_text_is_escaped(make_report: MakeReport) -> None:
    html = make_report().read_text(encoding="utf-8")
    assert "hostile &lt;id&gt; &quot;1&quot; {x}" in html
    assert "<b>" not in html and "DROP ALL" in html


def test_rows_link_to_their_article(make_report: MakeReport) -> None:
    html = make_report().read_text(encoding="utf-8")
    ids = set(re.findall(r'<tr id="(article-[^"]+)"', html))
    assert len(ids) == 2
    links = re.findall(r'<a class="article" href="#([^"]+)"', html)
    assert len(links) == 19 and set(links) == ids


def test_filters_reduce_the_rows(make_report: MakeReport) -> None:
    def count(*options: str) -> int:
        return len(rows(make_report(*options).read_text(encoding="utf-8")))

    assert count("--where", "type=armed-clash") == 4
    assert count("--where", "type=Armed clash", "--where", "type=statement") == 9
    assert count("--from", "2014-09") == 18  # the clashes "since late last month" are August's
    assert count("--from", "2014-09-27", "--to", "2014-09-27") == 13
    assert count("--to", "2014") == 16
    assert count("--from", "2020-02-22") == 2
    assert count("--where", "country=us") == 0
    # the country of an event's location: four statements said nowhere the text names are at
    # the capital (kg/geo/places.py), so all 16 of the seeds' Syrian events
    assert count("--where", "country=SY") == 16
    assert count("--where", "actor=nusra") == 2
    assert count("--where", "actor=nusra", "--where", "type=statement") == 0
    html = make_report("--where", "actor=nusra").read_text(encoding="utf-8")
    assert "Filters: actor nusra." in html


def test_limit_caps_the_table_not_the_charts(make_report: MakeReport) -> None:
    html = make_report("--limit", "3").read_text(encoding="utf-8")
    assert len(rows(html)) == 3
    assert "The first 3 of 19 events" in html
    assert html.count('class="marker"') == make_report().read_text().count('class="marker"')


def test_same_store_same_bytes(golden_store: Path, make_report: MakeReport, tmp_path: Path) -> None:
    again = tmp_path / "again.html"
    assert run("report", "--store", str(golden_store), "-o", str(again)).code == 0
    assert again.read_bytes() == make_report().read_bytes()


def test_bad_options(golden_store: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "r.html")
    bad_where = run("report", "--store", str(golden_store), "-o", out, "--where", "place=Hama")
    assert bad_where.code == 2 and "country, actor, type" in bad_where.stderr
    bad_date = run("report", "--store", str(golden_store), "-o", out, "--from", "Sept 2014")
    assert bad_date.code == 2 and "YYYY-MM-DD" in bad_date.stderr
    missing = run("report", "--store", str(tmp_path / "none"), "-o", out)
    assert missing.code == 1 and "kg ingest" in missing.stderr
    assert not (tmp_path / "r.html").exists()


def test_report_to_stdout(golden_store: Path, make_report: MakeReport) -> None:
    outcome = run("report", "--store", str(golden_store), "-o", "-")
    assert outcome.code == 0
    assert outcome.stdout == make_report().read_text(encoding="utf-8")
