"""Writing a command's output file whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import click

__all__ = ["replaced_atomically"]


@contextmanager
def replaced_atomically(output: str) -> Iterator[BinaryIO]:
    """A binary file that becomes ``output`` when the block ends without an error (a
    temporary file beside it, renamed over it), and is removed otherwise: a failed or
    interrupted command never leaves a half-written file. OS errors are click's FileError."""
    target = Path(output)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise click.FileError(output, exc.strerror) from exc
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise click.FileError(output, exc.strerror) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
