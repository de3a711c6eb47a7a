# A nif:Context that is not also a schema:NewsArticle.
PREFIX article: <https://w3id.org/kg/article/>
PREFIX schema: <https://schema.org/>
DELETE DATA { article:art-1 a schema:NewsArticle }
