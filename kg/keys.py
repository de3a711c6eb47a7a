"""Identity keys: the normalised names that actor and place IRIs are minted from."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def digest(text: str, size: int = 16) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:size]


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """ASCII-folded, lower case, words joined by ``-``: "Ḩalfāyā" and "Halfaya" give one key.

    Names with nothing left after folding (other scripts) get a hash of their NFC form.
    Cached: the rules key each name several times an article, and news repeats its names.
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    key = _NON_ALNUM.sub("-", folded.lower()).strip("-")[:80].strip("-")
    if key:
        return key
    return "h-" + digest(unicodedata.normalize("NFC", name.strip().lower()))
