"""HTTP for the remote store: retries with exponential backoff, timeouts, credentials, streams.

A request that fails for a reason that may pass (no connection, a timeout, a dropped
connection, HTTP 429, 500, 502, 503, 504) is tried again after ``backoff`` seconds, then twice
that, and so on up to ``max_delay``, ``retries`` times; then :class:`Unavailable` says why.
Other answers are final: 401 and 403 say which credentials to set or fix, others carry the
server's own message (shortened). Every request kg makes is idempotent (GET, PUT, DELETE, or
a query), so trying again is safe. The ``Authorization`` header is set here from
:mod:`kg.credentials` and never appears in a message or a log record.

Settings from the environment: ``KG_STORE_RETRIES`` (default 4, so 5 attempts),
``KG_STORE_BACKOFF`` (the first delay, default 0.5 s; 0.5 + 1 + 2 + 4 = 7.5 s in all),
``KG_STORE_TIMEOUT`` (seconds to connect, and between two reads of an answer; default 60).
"""

from __future__ import annotations

import io
import logging
import os
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from kg import __version__
from kg.credentials import PASSWORD, TOKEN, USER, Credentials
from kg.errors import StoreError

__all__ = ["Http", "RetryPolicy", "Unavailable"]

log = logging.getLogger(__name__)

RETRIED_STATUS = frozenset({429, 500, 502, 503, 504})
_MESSAGE = 300  # characters of a server's error message kept


class Unavailable(StoreError):
    """The store did not answer, or kept failing, after every retry."""

    def __init__(self, url: str, reason: str, attempts: int, seconds: float) -> None:
        self.url = url
        self.reason = reason
        self.attempts = attempts
        super().__init__(
            f"the store at {url} is unavailable ({reason}; {attempts} attempt"
            f"{'s' if attempts != 1 else ''} over {seconds:.1f} s); check that it runs and is "
            "reachable (KG_STORE_RETRIES, KG_STORE_BACKOFF and KG_STORE_TIMEOUT set how long "
            "kg waits)"
        )


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    retries: int = 4
    backoff: float = 0.5
    max_delay: float = 30.0
    timeout: float = 60.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> RetryPolicy:
        env = os.environ if env is None else env
        default = cls()
        return cls(
            retries=int(_number(env, "KG_STORE_RETRIES", default.retries)),
            backoff=_number(env, "KG_STORE_BACKOFF", default.backoff),
            timeout=_number(env, "KG_STORE_TIMEOUT", default.timeout),
        )

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1, 2, ...)."""
        return float(min(self.max_delay, self.backoff * 2 ** (attempt - 1)))


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    text = env.get(name)
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value < 0:
        raise StoreError(f"{name}={text!r} is not a number >= 0")
    return value


class Http:
    """An HTTP client for one store (a connection pool), with retries; see the module doc."""

    def __init__(
        self,
        url: str,
        credentials: Credentials | None,
        policy: RetryPolicy,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url  # the store, for messages
        self.credentials = credentials
        self.policy = policy
        headers = {"User-Agent": f"kg/{__version__}"}
        if credentials is not None:
            if url.startswith("http://") and httpx.URL(url).host not in _LOCAL:
                log.warning("sending %s to %s over plain http; use https", credentials, url)
            headers["Authorization"] = credentials.header
        timeout = httpx.Timeout(policy.timeout, connect=min(policy.timeout, 10.0))
        self._client = httpx.Client(headers=headers, timeout=timeout, transport=transport)

    def close(self) -> None:
        self._client.close()

    def request(
        self, method: str, url: str, *, allow: frozenset[int] = frozenset(), **kw: Any
    ) -> httpx.Response:
        """The answer (read whole) to a request, after retries; a status that is neither 2xx
        nor in ``allow`` raises ``StoreError``."""
        response = self.open(method, url, allow=allow, **kw)
        try:
            response.read()
        except httpx.HTTPError as exc:
            raise Unavailable(self.url, _reason(exc), 1, 0.0) from None
        finally:
            response.close()
        return response

    def open(
        self, method: str, url: str, *, allow: frozenset[int] = frozenset(), **kw: Any
    ) -> httpx.Response:
        """A streamed answer whose status and headers arrived (close it, or read it to the
        end with :func:`body`); retries as ``request``."""
        started = time.monotonic()
        attempt = 0
        while True:
            attempt += 1
            reason = ""
            try:
                response = self._client.send(self._client.build_request(method, url, **kw),
                                             stream=True)  # fmt: skip
            except httpx.HTTPError as exc:  # no connection, a timeout, a dropped connection
                reason = _reason(exc)
            else:
                if response.status_code not in RETRIED_STATUS or response.status_code in allow:
                    if response.is_success or response.status_code in allow:
                        return response
                    self._fail(response)
                reason = f"HTTP {response.status_code} from {method} {_short(url)}"
                response.close()
            if attempt > self.policy.retries:
                raise Unavailable(self.url, reason, attempt, time.monotonic() - started)
            delay = self.policy.delay(attempt)
            log.warning("%s; trying again in %.1f s", reason, delay)
            time.sleep(delay)

    def _fail(self, response: httpx.Response) -> None:
        status = response.status_code
        try:
            text = response.read().decode("utf-8", "replace")
        except httpx.HTTPError:
            text = ""
        finally:
            response.close()
        if status in (401, 403):
            if self.credentials is None:
                hint = (f"it needs credentials: set {USER} and {PASSWORD} (or {TOKEN}), or add "
                        "the host to your netrc file")  # fmt: skip
            else:
                hint = f"check the {self.credentials}"
            raise StoreError(f"the store at {self.url} refused access (HTTP {status}); {hint}")
        message = " ".join(text.split())[:_MESSAGE]
        raise HttpError(self.url, status, message, str(response.request.url))


_LOCAL = ("localhost", "127.0.0.1", "::1")


class HttpError(StoreError):
    """A final (not retried) error status; ``message`` is the server's own text."""

    def __init__(self, store: str, status: int, message: str, url: str) -> None:
        self.status = status
        self.message = message
        super().__init__(
            f"the store at {store} answered HTTP {status} to {_short(url)}"
            + (f": {message}" if message else "")
        )


def body(response: httpx.Response) -> io.BufferedReader:
    """A streamed answer as a binary file, for pyoxigraph's parsers; closed at its end."""
    return io.BufferedReader(_Body(response), buffer_size=65536)


class _Body(io.RawIOBase):
    def __init__(self, response: httpx.Response) -> None:
        self._response = response
        self._chunks: Iterator[bytes] = response.iter_bytes()
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            try:
                self._pending = next(self._chunks)
            except StopIteration:  # the end: the connection goes back to the pool
                self._response.close()
                return 0
            except httpx.HTTPError as exc:
                self.close()
                raise OSError(f"the connection to the store was lost ({_reason(exc)})") from None
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def close(self) -> None:
        self._response.close()
        super().close()


def _reason(exc: httpx.HTTPError) -> str:
    """Why a request failed, in words, without the request (its headers hold credentials)."""
    kinds: dict[type[httpx.HTTPError], str] = {
        httpx.ConnectError: "cannot connect",
        httpx.ConnectTimeout: "no connection within the timeout",
        httpx.ReadTimeout: "no answer within the timeout",
        httpx.WriteTimeout: "could not send within the timeout",
        httpx.RemoteProtocolError: "the connection was dropped",
        httpx.ReadError: "the connection was broken",
        httpx.WriteError: "the connection was broken",
    }
    kind = kinds.get(type(exc), type(exc).__name__)
    detail = " ".join(str(exc).split())[:_MESSAGE]
    return f"{kind}: {detail}" if detail else kind


def _short(url: str) -> str:
    return url if len(url) <= 200 else url[:199] + "…"
