# An identifier typed xsd:integer, not a string.
PREFIX article: <https://w3id.org/kg/article/>
PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE WHERE { article:art-1 dcterms:identifier ?id } ;
INSERT DATA { article:art-1 dcterms:identifier 1 }
