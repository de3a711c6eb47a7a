# A schema:url that is a plain string, not an xsd:anyURI.
PREFIX article: <https://w3id.org/kg/article/>
PREFIX schema: <https://schema.org/>
DELETE WHERE { article:art-1 schema:url ?u } ;
INSERT DATA { article:art-1 schema:url "https://example.org/news/1" }
