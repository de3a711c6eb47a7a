"""Analysts' formats: events as ACLED-style CSV and as GeoJSON (``kg export --format``)."""
