"""``kg report``: one self-contained HTML page of a store's events, for analysts.

A map (country borders from Natural Earth shipped in ``kg/data/countries.json``), a timeline
by type, the actor-versus-actor network and tables linking each event to its sentence and
article; inline SVG, CSS and a few lines of JS, nothing fetched from the network, the same
bytes for the same store and filters. The data comes over SPARQL through the ``Store``
protocol, so remote stores work too. See docs/REPORT.md.
"""

from __future__ import annotations

from kg.report.data import WHERE_KEYS, Filters, ReportData, date_bound, read_report_data
from kg.report.page import render_page
from kg.store import Store

__all__ = ["DEFAULT_LIMIT", "WHERE_KEYS", "Filters", "ReportData", "build_report", "date_bound"]

DEFAULT_LIMIT = 5000  # rows of the events table


def build_report(store: Store, filters: Filters | None = None, limit: int = DEFAULT_LIMIT) -> str:
    """The report's HTML for the events of ``store`` that pass ``filters``."""
    filters = filters or Filters()
    data = read_report_data(store, filters)
    return render_page(data, filters, store.location, limit)
