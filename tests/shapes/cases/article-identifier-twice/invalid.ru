# An article with two identifiers.
PREFIX article: <https://w3id.org/kg/article/>
PREFIX dcterms: <http://purl.org/dc/terms/>
INSERT DATA { article:art-1 dcterms:identifier "art-2" }
