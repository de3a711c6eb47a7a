"""The report in headless Chromium, offline: what shows on the map, the timeline, the network
and in the tables, and the page's filter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser import start_browser
from tests.report.conftest import MakeReport


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    yield from start_browser(tmp_path_factory.mktemp("chromium"), offline=True)


def show(driver: WebDriver, page: Path) -> None:
    driver.get(page.as_uri())
    assert driver.find_element(By.TAG_NAME, "h1").text == "kg report"


def js(driver: WebDriver, script: str, *args: Any) -> Any:
    return driver.execute_script(script, *args)


def test_the_page_fetches_nothing(browser: WebDriver, make_report: MakeReport) -> None:
    show(browser, make_report())
    fetched = js(browser, "return performance.getEntriesByType('resource').map(e => e.name)")
    assert fetched == []


def test_the_network_is_really_cut(browser: WebDriver, tmp_path: Path) -> None:
    """The check above can fail: a page asking for remote files has them listed (fetches
    that failed included), and gets nothing, the network being cut."""
    page = tmp_path / "remote.html"
    page.write_text(
        '<h1>kg report</h1><img id="i" src="https://example.org/x.png">'
        "<style>body{background:url(https://example.org/b.png)}</style>"
    )
    show(browser, page)
    fetched = js(browser, "return performance.getEntriesByType('resource').map(e => e.name)")
    assert "https://example.org/x.png" in fetched
    assert js(browser, "return document.getElementById('i').naturalWidth") == 0


def test_the_map_has_countries_and_markers_in_place(
    browser: WebDriver, make_report: MakeReport
) -> None:
    show(browser, make_report())
    countries = browser.find_elements(By.CSS_SELECTOR, "#map path.country")
    names = {c.get_attribute("data-name") for c in countries}
    assert {"Syria", "Lebanon", "Jordan"} <= names
    assert all(c.size["width"] > 0 for c in countries if c.get_attribute("data-name") == "Syria")
    markers = browser.find_elements(By.CSS_SELECTOR, "#map circle.marker")
    places = {m.get_attribute("data-place"): m for m in markers}
    # Damascus: the capital, where statements said nowhere the text names are put
    assert set(places) == {
        "Quneitra", "Halfaya", "Hama", "Ar-Raqqah", "Jisr ash Shughur", "Idlib", "Damascus"
    }  # fmt: skip
    assert sum(int(m.get_attribute("data-count")) for m in markers) == 16
    # what lies under each inland place's marker is Syria's shape
    for place in ("Halfaya", "Hama", "Ar-Raqqah", "Idlib"):
        under = js(
            browser,
            """const r = arguments[0].getBoundingClientRect();
            return document.elementsFromPoint(r.x + r.width / 2, r.y + r.height / 2)
              .filter(e => e.classList.contains('country')).map(e => e.dataset.name);""",
            places[place],
        )
        assert under == ["Syria"], place
    # and the east-west, north-south order of the markers is the places' order
    x = {p: m.location["x"] for p, m in places.items()}
    y = {p: m.location["y"] for p, m in places.items()}
    assert x["Jisr ash Shughur"] < x["Idlib"] < x["Ar-Raqqah"]
    assert y["Ar-Raqqah"] < y["Hama"] < y["Quneitra"]


def test_the_timeline_has_bars(browser: WebDriver, make_report: MakeReport) -> None:
    show(browser, make_report())
    bars = browser.find_elements(By.CSS_SELECTOR, "#timeline rect.bar")
    assert sum(int(b.get_attribute("data-count")) for b in bars) == 19
    assert all(b.size["height"] > 0 and b.size["width"] > 0 for b in bars)
    assert {b.get_attribute("data-period") for b in bars} == {
        "2014-08-01", "2014-09-01", "2020-02-01"
    }  # fmt: skip
    legend = browser.find_element(By.CSS_SELECTOR, ".legend").text
    assert "Armed clash (4)" in legend


def test_the_network_has_nodes_and_edges(browser: WebDriver, make_report: MakeReport) -> None:
    show(browser, make_report())
    nodes = browser.find_elements(By.CSS_SELECTOR, "#network .node")
    actors = {n.get_attribute("data-actor") for n in nodes}
    assert {"Military Forces of Syria", "Rebels (Syria)", "Nusra Front"} <= actors
    assert all(n.size["width"] > 0 for n in nodes)
    edges = browser.find_elements(By.CSS_SELECTOR, "#network line.edge")
    widths = {
        frozenset((e.get_attribute("data-a"), e.get_attribute("data-b"))): int(
            e.get_attribute("data-count")
        )
        for e in edges
    }
    assert widths[frozenset(("Military Forces of Syria", "Rebels (Syria)"))] == 5


def test_table_rows_link_to_their_article(browser: WebDriver, make_report: MakeReport) -> None:
    show(browser, make_report())
    rows = browser.find_elements(By.CSS_SELECTOR, "#events tbody tr")
    assert len(rows) == 19
    link = rows[-1].find_element(By.CSS_SELECTOR, "a.article")
    assert link.text == 'hostile <id> "1" {x}'
    link.click()
    target = js(browser, "return location.hash.slice(1)")
    article = browser.find_element(By.ID, target)
    assert article.find_element(By.TAG_NAME, "td").text == 'hostile <id> "1" {x}'
    assert "Gunmen of the Brigade A <b>" in rows[-2].text  # the sentence, as text


def test_filters_reduce_the_rows(browser: WebDriver, make_report: MakeReport) -> None:
    show(browser, make_report("--where", "type=armed-clash", "--from", "2014-09"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#events tbody tr")
    assert len(rows) == 3  # the fourth clash, "since late last month", is August's
    assert {r.find_elements(By.TAG_NAME, "td")[2].text for r in rows} == {"Armed clash"}
    assert len(browser.find_elements(By.CSS_SELECTOR, "#timeline rect.bar")) == 1


def test_the_page_filter_and_clicks(browser: WebDriver, make_report: MakeReport) -> None:
    show(browser, make_report())

    def shown() -> int:
        return int(browser.find_element(By.ID, "shown").text)

    assert shown() == 19
    browser.find_element(By.ID, "filter").send_keys("Nusra")
    assert shown() == len(browser.find_elements(By.CSS_SELECTOR, "#events tr:not(.hidden) td.s"))
    assert 0 < shown() < 19
    marker = browser.find_element(By.CSS_SELECTOR, 'circle.marker[data-place="Idlib"]')
    js(browser, "arguments[0].dispatchEvent(new MouseEvent('click'))", marker)
    assert browser.find_element(By.ID, "filter").get_attribute("value") == "Idlib"
    assert shown() == 2
