"""The HTTP side of ``kg serve``: the standard library's threading HTTP server.

Routes: ``/sparql`` (and ``/query``) is the SPARQL 1.1 Protocol endpoint, GET and POST;
``/`` is the query page, and also answers a query given as ``/?query=...``. Every response
carries ``Access-Control-Allow-Origin: *`` so browser clients (YASGUI) on other origins can
use the endpoint; ``OPTIONS`` answers CORS preflights. One access line per request: client,
method, path (never the query text), status, milliseconds.
"""

from __future__ import annotations

import logging
import shutil
import socket
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg import __version__
from kg.errors import RequestError
from kg.serve.protocol import MAX_QUERY_BYTES, parse_request
from kg.serve.runner import Answer, QueryRunner

log = logging.getLogger(__name__)

ENDPOINT_PATHS = ("/sparql", "/query")
PAGE = Path(__file__).with_name("page.html")
_PAGE_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'"
)

AccessLog = Callable[[str], None]


class Endpoint(ThreadingHTTPServer):
    """An HTTP server answering SPARQL queries with ``runner``; ``access`` gets one line per
    request."""

    daemon_threads = True
    block_on_close = False

    def __init__(
        self, address: tuple[str, int], runner: QueryRunner, access: AccessLog | None = None
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.runner = runner
        self.access = access or (lambda line: None)
        self.page = PAGE.read_bytes()
        super().__init__(address, Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = str(host)
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class Handler(BaseHTTPRequestHandler):
    server: Endpoint
    protocol_version = "HTTP/1.1"
    server_version = f"kg/{__version__}"

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self) -> None:
        self._handle()

    def do_HEAD(self) -> None:
        """As GET, without the body (RFC 9110: the same headers, Content-Length included)."""
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_OPTIONS(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    # -- one request ---------------------------------------------------------------------------

    def _handle(self) -> None:
        started = time.monotonic()
        self._status = 0
        path = urlsplit(self.path).path
        try:
            self._route(path)
        except RequestError as exc:
            self._send_text(exc.status, str(exc))
        except (BrokenPipeError, ConnectionResetError):  # the client went away
            self.close_connection = True
        except Exception:  # kg's bug: answer 500 if nothing was sent yet, and log it
            log.exception("kg serve failed on %s %s", self.command, path)
            self.close_connection = True
            if not self._status:
                self._send_text(500, "internal error in kg serve; its log has the traceback")
        finally:
            elapsed = (time.monotonic() - started) * 1000
            client = self.client_address[0]
            self.server.access(f"{client} {self.command} {path} {self._status} {elapsed:.0f} ms")

    def _route(self, path: str) -> None:
        params = urlsplit(self.path).query
        if path not in ("/", *ENDPOINT_PATHS):
            self._read_body()
            raise RequestError(404, f"no such page; the SPARQL endpoint is {ENDPOINT_PATHS[0]}")
        if self.command == "OPTIONS":
            self._preflight()
            return
        if self.command not in ("GET", "HEAD", "POST"):
            self._read_body()
            raise RequestError(
                405,
                f"{self.command} is not supported: this endpoint is read-only (GET, HEAD, POST)",
            )
        body = self._read_body()
        method = "GET" if self.command == "HEAD" else self.command
        if path == "/" and method == "GET" and "query" not in parse_qs(params):
            self._send_page()
            return
        request = parse_request(
            method,
            params,
            self.headers.get("Content-Type", ""),
            body,
            self.headers.get("Accept", ""),
        )
        self._send_answer(self.server.runner.run(request))

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            raise RequestError(411, "send the request body with a Content-Length, not chunked")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self.close_connection = True
            raise RequestError(400, "Content-Length is not a number") from None
        if length > MAX_QUERY_BYTES:
            self.close_connection = True  # the body stays unread
            raise RequestError(413, f"the request is larger than {MAX_QUERY_BYTES} bytes")
        return self.rfile.read(length) if length > 0 else b""

    # -- responses -----------------------------------------------------------------------------

    def _send_answer(self, answer: Answer) -> None:
        if answer.body is None:
            self._send_text(answer.status, answer.message)
            return
        try:
            with answer.body.open("rb") as body:
                self._start(answer.status, answer.content_type, answer.body.stat().st_size)
                if self.command != "HEAD":
                    shutil.copyfileobj(body, self.wfile, 1 << 16)
        finally:
            answer.discard()

    def _send_page(self) -> None:
        self._start(200, "text/html; charset=utf-8", len(self.server.page))
        self._write(self.server.page)

    def _send_text(self, status: int, message: str) -> None:
        data = (message.rstrip("\n") + "\n").encode("utf-8")
        extra = {"Allow": "GET, HEAD, POST, OPTIONS"} if status == 405 else {}
        if status == 503:
            extra["Retry-After"] = "5"
        self._start(status, "text/plain; charset=utf-8", len(data), extra)
        self._write(data)

    def _write(self, data: bytes) -> None:
        if self.command != "HEAD":  # a HEAD answer has the headers of GET's, and no body
            self.wfile.write(data)

    def _preflight(self) -> None:
        asked = self.headers.get("Access-Control-Request-Headers", "")
        allow = {
            "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
            "Access-Control-Allow-Headers": asked or "Content-Type, Accept",
            "Access-Control-Max-Age": "86400",
        }
        if self.headers.get("Access-Control-Request-Private-Network", "").lower() == "true":
            allow["Access-Control-Allow-Private-Network"] = "true"  # a public page, a local kg
        self._start(204, "", 0, allow)

    def _start(
        self, status: int, content_type: str, length: int, extra: dict[str, str] | None = None
    ) -> None:
        self._status = status
        self.send_response(status, HTTPStatus(status).phrase)
        if content_type:
            self.send_header("Content-Type", content_type)
        if status != 204:
            self.send_header("Content-Length", str(length))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("X-Content-Type-Options", "nosniff")
        if content_type.startswith("text/html"):
            self.send_header("Content-Security-Policy", _PAGE_POLICY)
        if self.close_connection:
            self.send_header("Connection", "close")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Silence the default log, which prints the query text; ``_handle`` logs instead."""
