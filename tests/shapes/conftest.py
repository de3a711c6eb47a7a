from __future__ import annotations

import pytest
from rdflib import Graph
from shape_sample import sample_graph

from kg.validate import ShapesValidator


@pytest.fixture(scope="session")
def validator() -> ShapesValidator:
    """kg's shipped shapes, built once for the whole session."""
    return ShapesValidator()


@pytest.fixture
def base_graph() -> Graph:
    """A fresh copy of the valid base graph (tests may change it)."""
    return sample_graph()
