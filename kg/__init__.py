"""kg: English news in, a validated, queryable knowledge graph of actors, places and events out."""

__version__ = "0.1.0"
