"""Credentials for a remote store: from the environment or a netrc file, never from the URL.

Where they come from, first found wins:

1. ``KG_STORE_TOKEN``: sent as ``Authorization: Bearer <token>``;
2. ``KG_STORE_USER`` and ``KG_STORE_PASSWORD``: HTTP Basic;
3. the netrc file (``NETRC``, else ``~/.netrc``): the ``machine`` entry of the store's host
   (else ``default``), HTTP Basic with its ``login`` and ``password``.

A URL with ``user:password@`` is refused (a command line is visible to every user of the
machine, and lands in shell histories and logs). The secret never appears in a message: a
``Credentials`` shows only where it came from, and errors name the variable or file to fix.
"""

from __future__ import annotations

import base64
import netrc
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from kg.errors import StoreError

__all__ = ["Credentials", "check_url", "credentials_for", "netrc_path"]

TOKEN = "KG_STORE_TOKEN"
USER = "KG_STORE_USER"
PASSWORD = "KG_STORE_PASSWORD"


@dataclass(frozen=True, slots=True)
class Credentials:
    """An ``Authorization`` header value, and where it came from (for messages)."""

    source: str  # "KG_STORE_TOKEN", "KG_STORE_USER/KG_STORE_PASSWORD", "/home/me/.netrc"
    header: str = field(repr=False)

    def __str__(self) -> str:
        return f"credentials from {self.source}"


def check_url(url: str) -> None:
    """Refuse a store URL that carries a user name or password, saying what to use instead."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return
    host = parts.netloc.rpartition("@")[2]
    raise StoreError(
        f"the store URL must not carry credentials (…@{host}): a command line is visible to "
        f"other users and kept in shell histories. Remove them from the URL and set {USER} "
        f"and {PASSWORD} (or {TOKEN}) in the environment, or add `machine "
        f"{parts.hostname or host}` to your netrc file (see docs/STORES.md)"
    )


def netrc_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    given = env.get("NETRC")
    return Path(given).expanduser() if given else Path("~/.netrc").expanduser()


def credentials_for(url: str, env: Mapping[str, str] | None = None) -> Credentials | None:
    """The credentials to send to the store at ``url``, or None when none are configured."""
    env = os.environ if env is None else env
    token = env.get(TOKEN)
    if token:
        return Credentials(TOKEN, f"Bearer {token}")
    user, password = env.get(USER), env.get(PASSWORD)
    if user or password:
        if not (user and password):
            missing = PASSWORD if user else USER
            raise StoreError(f"{USER} and {PASSWORD} go together: set {missing} too")
        return Credentials(f"{USER}/{PASSWORD}", _basic(user, password))
    return _from_netrc(urlsplit(url).hostname or "", netrc_path(env))


def _from_netrc(host: str, path: Path) -> Credentials | None:
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except netrc.NetrcParseError as exc:  # its message may quote the file: name the line only
        raise StoreError(
            f"cannot read the netrc file {path} (line {exc.lineno}); fix it, or point NETRC "
            "at another file"
        ) from None
    except OSError as exc:
        raise StoreError(f"cannot read the netrc file {path}: {exc.strerror}") from None
    if entry is None:
        return None
    login, _, password = entry
    if not login or not password:
        raise StoreError(f"the netrc file {path} has an entry for {host} without login or password")
    return Credentials(str(path), _basic(login, password))


def _basic(user: str, password: str) -> str:
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return f"Basic {token}"
