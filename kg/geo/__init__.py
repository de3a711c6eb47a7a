"""Places on the map, offline: GeoNames lookups (``gazetteer``), the article-context choice among
namesakes and each event's location (``geocode``), and place-name folding (``names``)."""
