"""Find the files kg ships: the ontology, the shapes, lexicons and named queries.

``ontology/`` and ``shapes/`` live at the top of the repository (the source of truth) and are
copied into the wheel as ``kg/_resources/``. An installed kg reads the copy; a checkout or an
editable install reads the originals. ``KG_ONTOLOGY_DIR`` and ``KG_SHAPES_DIR`` override both.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import ResourceError

_PACKAGE_DIR = Path(__file__).resolve().parent


def _resource_dir(name: str, env: str) -> Path:
    override = os.environ.get(env)
    if override:
        path = Path(override)
        if not path.is_dir():
            raise ResourceError(path, f"{env} names a folder that does not exist")
        return path
    from importlib import resources  # ~5 ms to import: not on `kg query`'s path

    shipped = Path(str(resources.files("kg") / "_resources" / name))
    if shipped.is_dir():
        return shipped
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    raise ResourceError(name, f"not found in the installed package or checkout; set {env}")


def ontology_dir() -> Path:
    return _resource_dir("ontology", "KG_ONTOLOGY_DIR")


def shapes_dir() -> Path:
    return _resource_dir("shapes", "KG_SHAPES_DIR")


def data_dir() -> Path:
    """Lexicons and other data files shipped inside the package (``kg/data``)."""
    return _PACKAGE_DIR / "data"


def queries_dir() -> Path:
    """Named SPARQL queries shipped inside the package (``kg/queries``)."""
    return _PACKAGE_DIR / "queries"


def turtle_files(folder: Path) -> list[Path]:
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise ResourceError(folder, "holds no .ttl files")
    return files
