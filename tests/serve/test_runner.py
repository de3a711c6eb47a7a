"""``QueryRunner`` refusals that need no query process."""

from __future__ import annotations

from pathlib import Path

from kg.serve.protocol import QueryRequest
from kg.serve.runner import QueryRunner


def test_all_workers_busy_past_the_time_limit_is_503(tmp_path: Path) -> None:
    runner = QueryRunner(tmp_path, timeout=0.2, workers=1)
    runner._slots.acquire()  # the one worker is taken by a query that does not end
    answer = runner.run(QueryRequest("ASK { ?s ?p ?o }"))
    assert answer.status == 503 and answer.body is None
    assert answer.message.startswith("busy: all 1 query processes (--workers) stayed in use")
    assert "--workers" in answer.message


def test_service_is_refused_unless_allowed(tmp_path: Path) -> None:
    query = QueryRequest("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    answer = QueryRunner(tmp_path).run(query)
    assert answer.status == 403 and "--allow-service" in answer.message
