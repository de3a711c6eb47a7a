"""The query page at ``/`` in headless Chromium (Debian ``chromium`` and ``chromium-driver``),
driven by selenium: type a query, submit, read the table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import start_browser
from tests.golden_store import GOLDEN
from tests.serve.running import Server

HOSTILE = "https://w3id.org/kg/graph/hostile-names-1"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    yield from start_browser(tmp_path_factory.mktemp("chromium"), offline=False)


def submit(driver: WebDriver, server: Server, query: str) -> None:
    """Open the page, type ``query`` in its box and press the button."""
    driver.get(server.url + "/")
    box = driver.find_element(By.ID, "query")
    box.clear()
    box.send_keys(query)
    driver.find_element(By.ID, "run").click()


def run_in_page(driver: WebDriver, server: Server, query: str) -> tuple[list[str], list[list[str]]]:
    """Submit ``query`` on the page; the result table's header and rows as shown."""
    submit(driver, server, query)
    WebDriverWait(driver, 60).until(
        ready.text_to_be_present_in_element((By.ID, "status"), " in ")  # "N rows in 12 ms"
    )
    error = driver.find_element(By.ID, "error")
    assert not error.is_displayed(), error.text
    table = driver.find_element(By.ID, "results")
    head = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    rows = [
        [td.get_attribute("textContent") or "" for td in tr.find_elements(By.TAG_NAME, "td")]
        for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr")
    ]
    return head, rows


def test_page_shows_the_rows(browser: WebDriver, server: Server) -> None:
    query = (
        "SELECT DISTINCT ?label WHERE { GRAPH <https://w3id.org/kg/graph/seed-dated-1> "
        "{ ?event a sem:Event ; rdfs:label ?label } } ORDER BY ?label"  # kg's prefixes
    )
    expected = Graph().parse(GOLDEN / "seed-dated" / "expected.ttl", format="turtle")
    labels = expected.query(
        "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT DISTINCT ?l WHERE { ?e a sem:Event ; rdfs:label ?l }"
    )
    head, rows = run_in_page(browser, server, query)
    assert head == ["?label"]
    assert rows == [[label] for label in sorted(str(r[0]) for r in labels)]  # type: ignore[index]
    assert len(rows) >= 10


def test_page_shows_hostile_text_as_text(browser: WebDriver, server: Server) -> None:
    query = f"SELECT ?text WHERE {{ GRAPH <{HOSTILE}> {{ ?context nif:isString ?text }} }}"
    head, rows = run_in_page(browser, server, query)
    expected = Path(GOLDEN / "hostile-names" / "expected.ttl").read_text(encoding="utf-8")
    assert head == ["?text"] and len(rows) == 1
    assert rows[0][0].startswith('Gunmen of the Brigade A <b> "c" \\ d {e} attacked')
    assert "Gunmen of the Brigade A <b>" in expected
    assert not browser.find_elements(By.CSS_SELECTOR, "#results b")


def test_page_shows_a_bad_query_error(browser: WebDriver, server: Server) -> None:
    submit(browser, server, "SELECT ?x WHERE { ?x }")
    error = browser.find_element(By.ID, "error")
    WebDriverWait(browser, 60).until(lambda _: error.is_displayed())
    assert error.text.startswith("400 Bad Request: SPARQL syntax error")
    assert not browser.find_element(By.ID, "results").is_displayed()


def test_page_shows_at_most_5000_rows(browser: WebDriver, server: Server) -> None:
    submit(browser, server, "SELECT * WHERE { ?s ?p ?o }")  # every triple of the union
    status = browser.find_element(By.ID, "status")
    WebDriverWait(browser, 120).until(
        ready.text_to_be_present_in_element((By.ID, "status"), " in ")
    )
    shown = browser.execute_script("return document.querySelectorAll('#results tbody tr').length")
    assert shown == 5000
    count, rest = status.text.split(" ", 1)
    assert int(count) > 5000 and rest.startswith("rows (the first 5000 shown;"), status.text
