"""Credentials for a remote store: from the environment or netrc, sent as the server expects,
refused in the URL, and never in an error message, a log record or a --debug traceback.

``oxigraph serve`` has no authentication, so a tiny local HTTP server stands in: it records
each request's ``Authorization`` header and answers as told (a SPARQL answer, 401, or 500).
"""

from __future__ import annotations

import base64
import logging
import os
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.credentials import Credentials, check_url, credentials_for
from kg.errors import StoreError
from kg.store import open_store
from kg.store.http import RetryPolicy
from kg.store.remote import RemoteStore
from tests.store.sample import run_kg

USER = "analyst"
SECRET = "s3cr3t-Pa55word"
BASIC = "Basic " + base64.b64encode(f"{USER}:{SECRET}".encode()).decode()
FAST = RetryPolicy(retries=1, backoff=0.01, timeout=5)
G = URIRef("https://example.org/g")
TRIPLE = (URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("o"))


class Recorder(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.seen: list[str | None] = []  # the Authorization header of each request
        self.put_status = 204
        self.status = 200  # for queries

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: Recorder

    def _answer(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self.server.seen.append(self.headers.get("Authorization"))
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.server.status != 200:
            self._answer(self.server.status, b"denied", "text/plain")
            return
        self._answer(200, b'{"head":{},"boolean":true}', "application/sparql-results+json")

    def do_PUT(self) -> None:
        self.server.seen.append(self.headers.get("Authorization"))
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self._answer(self.server.put_status, b"storage full", "text/plain")

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    server = Recorder()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def no_secret(text: str) -> None:
    assert SECRET not in text
    assert BASIC.split()[1] not in text


def test_user_and_password_from_the_environment_as_basic_auth(recorder: Recorder) -> None:
    env = {"KG_STORE_USER": USER, "KG_STORE_PASSWORD": SECRET}
    with RemoteStore(f"oxigraph+{recorder.url}", env=env, policy=FAST) as store:
        store.replace_graph(G, [TRIPLE])
    assert recorder.seen and set(recorder.seen) == {BASIC}


def test_a_token_from_the_environment_as_bearer(recorder: Recorder) -> None:
    env = {"KG_STORE_TOKEN": "tok-123", "KG_STORE_USER": USER, "KG_STORE_PASSWORD": SECRET}
    RemoteStore(recorder.url, env=env, policy=FAST).close()
    assert recorder.seen == ["Bearer tok-123"]


def test_netrc_named_by_the_environment(recorder: Recorder, tmp_path: Path) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password {SECRET}\n", encoding="utf-8")
    netrc.chmod(0o600)
    RemoteStore(recorder.url, env={"NETRC": str(netrc)}, policy=FAST).close()
    assert recorder.seen == [BASIC]
    assert credentials_for("http://elsewhere:7878", {"NETRC": str(netrc)}) is None
    assert credentials_for(recorder.url, {"NETRC": str(tmp_path / "none")}) is None


def test_home_netrc_when_netrc_is_not_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".netrc").write_text(f"default login {USER} password {SECRET}\n")
    (tmp_path / ".netrc").chmod(0o600)
    monkeypatch.setenv("HOME", str(tmp_path))
    found = credentials_for("https://graphdb.example.org/repositories/news", {})
    assert found is not None and found.header == BASIC
    assert found.source == str(tmp_path / ".netrc")


def test_no_credentials_sends_no_header(recorder: Recorder, tmp_path: Path) -> None:
    RemoteStore(recorder.url, env={"NETRC": str(tmp_path / "none")}, policy=FAST).close()
    assert recorder.seen == [None]


def test_credentials_never_show(tmp_path: Path) -> None:
    found = Credentials("KG_STORE_USER/KG_STORE_PASSWORD", BASIC)
    no_secret(repr(found) + str(found) + f"{found}")
    with pytest.raises(StoreError, match="set KG_STORE_PASSWORD too"):
        credentials_for("http://h", {"KG_STORE_USER": USER})
    broken = tmp_path / "netrc"
    broken.write_text(f"machine h login {USER} password {SECRET} bogus\n")
    with pytest.raises(StoreError, match=r"cannot read the netrc file .* \(line \d+\)") as caught:
        credentials_for("http://h", {"NETRC": str(broken)})
    no_secret(str(caught.value))


@pytest.mark.parametrize(
    "url",
    [
        f"http://{USER}:{SECRET}@127.0.0.1:7878",
        f"fuseki+https://{USER}:{SECRET}@h:3030/news",
        f"http://{USER}@127.0.0.1:7878",
    ],
)
def test_credentials_in_the_url_are_refused(url: str) -> None:
    with pytest.raises(StoreError, match="must not carry credentials") as caught:
        check_url(url)
    no_secret(str(caught.value))
    assert "KG_STORE_USER" in str(caught.value) and "netrc" in str(caught.value)
    with pytest.raises(StoreError, match="must not carry credentials"):
        open_store(url)


def test_credentials_in_the_url_on_the_command_line_exit_2_without_echoing_them() -> None:
    done = run_kg("query", "--named", "timeline", "--store", f"http://{USER}:{SECRET}@h:7878")
    assert done.returncode == 2
    assert "must not carry credentials" in done.stderr
    no_secret(done.stdout + done.stderr)


def test_refused_credentials_say_which_to_fix_and_never_show(recorder: Recorder) -> None:
    recorder.status = 401
    env = {"KG_STORE_USER": USER, "KG_STORE_PASSWORD": SECRET}
    with pytest.raises(StoreError, match=r"refused access \(HTTP 401\); check the credentials "
                       "from KG_STORE_USER/KG_STORE_PASSWORD") as caught:  # fmt: skip
        RemoteStore(recorder.url, env=env, policy=FAST)
    no_secret(str(caught.value))
    with pytest.raises(StoreError, match="it needs credentials: set KG_STORE_USER"):
        RemoteStore(recorder.url, env={"NETRC": "/nonexistent"}, policy=FAST)


def test_a_failing_write_leaks_nothing_in_errors_or_logs(
    recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    recorder.put_status = 500
    env = {"KG_STORE_USER": USER, "KG_STORE_PASSWORD": SECRET}
    store = RemoteStore(recorder.url, env=env, policy=FAST)
    with caplog.at_level(logging.DEBUG), store, pytest.raises(StoreError, match="500") as caught:
        store.replace_graph(G, [TRIPLE])
    assert caplog.records  # the retry was logged (and httpx's own debug records)
    no_secret(str(caught.value) + repr(caught.value.__cause__) + caplog.text)
    assert all(header == BASIC for header in recorder.seen)


def test_debug_traceback_and_logs_of_a_failing_command_hold_no_secret(recorder: Recorder) -> None:
    recorder.status = 503
    env = {**os.environ, "KG_STORE_USER": USER, "KG_STORE_PASSWORD": SECRET,
           "KG_STORE_RETRIES": "1", "KG_STORE_BACKOFF": "0.01"}  # fmt: skip
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "kg", "--debug", "query", "ASK {}", "--store", recorder.url],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "Traceback" in done.stderr and "HTTP 503" in done.stderr
    assert "DEBUG" in done.stderr  # httpx and httpcore logged the requests
    no_secret(done.stdout + done.stderr)
    assert recorder.seen == [BASIC, BASIC]
